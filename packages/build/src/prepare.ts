// Before Framework runs: stage the sources (once per distinct input), then mark stale the
// loaders whose fingerprint changed. Loaders then read the staged tables, never the sources.
import {randomUUID} from "node:crypto";
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {MODELS_DIR} from "@pilotage/indicators";
import {SEEDS_DIR, consoleEffects, describeSources, resolveSources, stage} from "@pilotage/sources";
import {invalidateLoaders} from "./loader-fingerprint.ts";

export interface PrepareOptions {
  readonly repoRoot: string;
  readonly log: (line: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Where staging and every other build cache live (ignored by git). */
export const CACHE_DIR = ".cache";

export async function prepare({repoRoot, log, env = process.env}: PrepareOptions): Promise<void> {
  const sources = resolveSources(env, {root: repoRoot});
  log(`Sources : ${describeSources(sources)}`);
  const staged = await stage({sources, cacheDir: join(repoRoot, CACHE_DIR)}, consoleEffects());
  log(staged.reused ? "Mise en base : inchangée, réutilisée." : "Mise en base : faite.");
  // A warehouse can change behind our back with no file to hash: its loaders always re-run.
  const inputHash = staged.hash ?? `entrepot-${randomUUID()}`;
  const {stale, fresh} = await invalidateLoaders(join(repoRoot, "docs"), {
    inputHash,
    sharedFiles: [join(repoRoot, "pnpm-lock.yaml"), ...readAtRunTime()]
  });
  log(`Chargeurs : ${stale.length} à relancer, ${fresh.length} à jour.`);
  for (const loader of stale) log(`  à relancer : ${loader}`);
}

/**
 * Files the loaders read at run time instead of importing them, so that their import graph
 * misses them: the seeds (packages/sources/seeds) and the SQL models
 * (packages/indicators/models). A change to one of them re-runs every loader. Absolute
 * paths, sorted.
 */
export function readAtRunTime(): string[] {
  return [SEEDS_DIR, MODELS_DIR]
    .flatMap((dir) => readdirSync(dir, {recursive: true, encoding: "utf8"}).map((f) => join(dir, f)))
    .filter((f) => /\.(csv|sql|yml)$/.test(f))
    .sort();
}
