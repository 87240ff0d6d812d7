// pnpm synth --scale NAME --seed N --out DIR [--defects] [--quirks]
import {parseArgs} from "node:util";
import {writeDefects} from "./defects.ts";
import {generate} from "./generate.ts";
import {consoleEffects} from "./progress.ts";
import {SCALES} from "./scales.ts";

const USAGE = `usage: pnpm synth --scale ${Object.keys(SCALES).join("|")} --seed N --out DIR [--defects] [--quirks]`;

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      scale: {type: "string", default: "sample"},
      seed: {type: "string", default: "1"},
      out: {type: "string"},
      defects: {type: "boolean", default: false},
      // The real drops' quirks (zip in .gz, duplicate statements, short commune codes, two salarie_id).
      quirks: {type: "boolean", default: false},
      help: {type: "boolean", default: false}
    }
  });
  if (values.help || !values.out) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`--seed must be a non-negative integer (got ${values.seed})`);
  const effects = consoleEffects();
  const started = Date.now();
  const files = await generate({scale: values.scale, seed, out: values.out, quirks: values.quirks}, effects);
  if (values.defects) await writeDefects(values.out, effects);
  const rows = files.reduce((n, f) => n + f.rows, 0);
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  effects.log(
    `done: ${files.length} files, ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
