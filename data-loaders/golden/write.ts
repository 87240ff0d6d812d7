// `pnpm golden`: computes every published theme dataset on the committed sample and writes
// its golden CSV (data-loaders/golden/<name>.csv). Run it when a change of figures is
// intended, then review `git diff data-loaders/golden` before committing it.
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {consoleEffects, openDuckDb, REPO_ROOT, SAMPLE_FOLDER, stage} from "@pilotage/sources";
import {THEME_DATASETS} from "../registry.ts";
import {GOLDEN_DIR, goldenCsv, goldenPath, readGolden} from "./golden.ts";

const staged = await stage(
  {
    sources: {kind: "folder", folder: join(REPO_ROOT, SAMPLE_FOLDER), origin: "sample"},
    cacheDir: join(REPO_ROOT, ".cache")
  },
  consoleEffects()
);
const engine = await openDuckDb(staged.dbPath!, {readOnly: true});
try {
  mkdirSync(GOLDEN_DIR, {recursive: true});
  for (const dataset of THEME_DATASETS) {
    const {spec, rows} = await dataset.compute({engine, referenceDate: staged.referenceDate!});
    const csv = goldenCsv(spec, rows);
    const before = readGolden(dataset.name);
    writeFileSync(goldenPath(dataset.name), csv);
    const state = before === null ? "créé" : before === csv ? "inchangé" : "MODIFIÉ, à relire";
    console.log(`${dataset.name.padEnd(20)} ${String(rows.length).padStart(7)} lignes  ${state}`);
  }
} finally {
  await engine.close();
}
