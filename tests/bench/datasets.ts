// Datasets benchmark: every theme dataset computed from staged sources, concurrently (they
// are independent), with the time of each and the total. Target (issue 4): all datasets
// from the staged `national` scale in under 2 minutes on this machine. Then, untimed, the
// masking of each dataset and level (data-loaders/masquage.ts), and the national figures
// masked although their own count is at or above the threshold (target, issue 13: none).
// Then the interval audit of the secret over all of them together (data-loaders/interval-audit.ts),
// timed on its own: the build runs it on the published files.
//
//   pnpm bench datasets [folder]   (default: .cache/bench/national, generated if absent)
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {REPO_ROOT, consoleEffects, openStaged, readCurrent, stage} from "@pilotage/sources";
import {auditThemeDatasets, intervalAuditMessage} from "../../data-loaders/interval-audit.ts";
import {MEASURED_DATASETS, measureMasking, type MaskingMeasure} from "../../data-loaders/masquage.ts";
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
  const context = {engine, referenceDate: referenceDate!};
  const timings: {jeu: string; lignes: number; secondes: string}[] = [];
  const computed = new Map<string, ReturnType<(typeof THEME_DATASETS)[number]["compute"]>>();
  let total = 0;
  let masking: MaskingMeasure[];
  try {
    const start = performance.now();
    await Promise.all(
      THEME_DATASETS.map(async (dataset) => {
        const t0 = performance.now();
        const result = dataset.compute(context);
        computed.set(dataset.name, result);
        const {rows} = await result;
        timings.push({jeu: dataset.name, lignes: rows.length, secondes: ((performance.now() - t0) / 1000).toFixed(1)});
      })
    );
    total = (performance.now() - start) / 1000;
    // Not timed: the same datasets again without disclosure control, for the persons behind masks.
    masking = await measureMasking(context, MEASURED_DATASETS, (d) => computed.get(d.name) ?? d.compute(context));
  } finally {
    await engine.close();
  }
  console.table(timings);
  console.log(
    `total (jeux calculés en parallèle) : ${total.toFixed(1)} s — cible < ${TARGET_SECONDS} s, rapport ${(total / TARGET_SECONDS).toFixed(2)}`
  );
  const noNationalOverMasking = printMasking(masking);
  const published = await Promise.all([...computed.values()]);
  const t0 = performance.now();
  const audit = await auditThemeDatasets(published);
  console.log(`\n${intervalAuditMessage(audit, (performance.now() - t0) / 1000)}`);
  return total < TARGET_SECONDS && noNationalOverMasking;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(2)} %` : "—");

/**
 * The masking of each dataset and level (data-loaders/masquage.ts): cells masked, and what
 * the cells count (people, applications, PASS IAE, hours, ETP) that sits in masked cells,
 * exact (the page publishes it rounded up). Then the national cells masked although their
 * own count is at or above the threshold (issue 13 wants none): whether there are none.
 */
export function printMasking(measures: readonly MaskingMeasure[]): boolean {
  console.log("\nMasquage (secret statistique), par jeu et niveau :");
  console.table(
    measures.map((m) => ({
      jeu: m.dataset,
      compte: m.unit,
      niveau: m.level,
      cellules: m.cells,
      masquées: m.maskedCells,
      "part des cellules": percent(m.maskedCells, m.cells),
      "compté masqué": Math.round(m.maskedCounted),
      "compté en tout": Math.round(m.counted),
      "part du compté": percent(m.maskedCounted, m.counted)
    }))
  );
  const national = measures.filter((m) => m.level === "national");
  const above = national.reduce((sum, m) => sum + m.maskedAtOrAboveThreshold, 0);
  console.log(
    `chiffres nationaux masqués bien que leur propre effectif atteigne le seuil : ${above}` +
      (above
        ? ` (${national
            .filter((m) => m.maskedAtOrAboveThreshold)
            .map((m) => `${m.dataset} ${m.unit} ${m.maskedAtOrAboveThreshold}`)
            .join(", ")}) — cible : 0`
        : " — cible : 0, tenue")
  );
  return above === 0;
}
