// Datasets benchmark: every theme dataset computed from staged sources, concurrently (they
// are independent), with the time of each and the total. Target (issue 4): all datasets
// from the staged `national` scale in under 2 minutes on this machine.
//
//   pnpm bench datasets [folder]   (default: .cache/bench/national, generated if absent)
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {REPO_ROOT, consoleEffects, openStaged, readCurrent, stage} from "@pilotage/sources";
import {THEME_DATASETS} from "../../data-loaders/registry.ts";

export const TARGET_SECONDS = 120;

export async function benchDatasets(folderArg?: string): Promise<boolean> {
  const folder = resolve(folderArg ?? join(REPO_ROOT, ".cache/bench/national"));
  if (!existsSync(folder)) {
    console.error(`${folder} absent : génération de l'échantillon national (pnpm synth --scale national --seed 1)…`);
    execFileSync("pnpm", ["synth", "--scale", "national", "--seed", "1", "--out", folder], {
      cwd: REPO_ROOT,
      stdio: "inherit"
    });
  }
  // Staged once and kept (keyed by the input hash): the benchmark times the datasets, not staging.
  const cacheDir = join(REPO_ROOT, ".cache/bench/cache");
  await stage({sources: {kind: "folder", folder, origin: "env"}, cacheDir}, consoleEffects());
  const {referenceDate} = readCurrent(cacheDir);
  const engine = await openStaged(cacheDir);
  const timings: {jeu: string; lignes: number; secondes: string}[] = [];
  const start = performance.now();
  try {
    await Promise.all(
      THEME_DATASETS.map(async (dataset) => {
        const t0 = performance.now();
        const {rows} = await dataset.compute({engine, referenceDate: referenceDate!});
        timings.push({jeu: dataset.name, lignes: rows.length, secondes: ((performance.now() - t0) / 1000).toFixed(1)});
      })
    );
  } finally {
    await engine.close();
  }
  const total = (performance.now() - start) / 1000;
  console.table(timings);
  console.log(
    `total (jeux calculés en parallèle) : ${total.toFixed(1)} s — cible < ${TARGET_SECONDS} s, rapport ${(total / TARGET_SECONDS).toFixed(2)}`
  );
  return total < TARGET_SECONDS;
}
