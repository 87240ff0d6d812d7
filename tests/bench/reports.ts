// Reports benchmark (issue 10), two measures, each printed with its ratio to the target:
// - the test territory of the sample (Hérault, 2025): every report in all three forms
//   (HTML, PDF, XLSX), from staged sources to the index: target < 60 s; the PDF rate;
// - the national scale: the HTML review of every SIAE of the year: target < 5 min.
//
//   pnpm bench reports [--folder DIR]   (national folder, default .cache/bench/national)
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {REPO_ROOT, SAMPLE_FOLDER, consoleEffects, openStaged, readCurrent, stage} from "@pilotage/sources";
import {
  buildReports,
  loadReportData,
  reportHtml,
  resolveOptions,
  structureReport,
  writeReports
} from "@pilotage/reports";

export const TERRITORY_TARGET_SECONDS = 60;
export const NATIONAL_TARGET_SECONDS = 300;

const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function loadFrom(folder: string, cacheDir: string) {
  await stage({sources: {kind: "folder", folder, origin: "env"}, cacheDir}, consoleEffects());
  const {referenceDate} = readCurrent(cacheDir);
  const engine = await openStaged(cacheDir);
  try {
    return await loadReportData(engine, referenceDate!);
  } finally {
    await engine.close();
  }
}

export async function benchReports(folderArg?: string): Promise<boolean> {
  const out = mkdtempSync(join(tmpdir(), "pilotage-bench-reports-"));
  let ok = true;
  try {
    // 1. The test territory, all three forms (staging of the sample done once beforehand).
    const sampleCache = join(REPO_ROOT, ".cache/bench/sample-cache");
    await stage(
      {sources: {kind: "folder", folder: join(REPO_ROOT, SAMPLE_FOLDER), origin: "sample"}, cacheDir: sampleCache},
      consoleEffects()
    );
    let t0 = performance.now();
    const data = await loadFrom(join(REPO_ROOT, SAMPLE_FOLDER), sampleCache);
    const loading = seconds(t0);
    const options = resolveOptions({}, data);
    const t1 = performance.now();
    const reports = buildReports(data, options);
    const building = seconds(t1);
    const result = await writeReports(reports, options, join(out, "territoire"), {log: () => {}}, data.referenceDate);
    const territory = seconds(t0);
    const pdfs = reports.length;
    console.log(
      `Territoire de test (${options.departement}, ${options.year}) : ${reports.length} rapports × 3 formes en ${territory.toFixed(1)} s ` +
        `— cible < ${TERRITORY_TARGET_SECONDS} s, rapport ${(territory / TERRITORY_TARGET_SECONDS).toFixed(2)}`
    );
    console.log(
      `  lecture des marts ${loading.toFixed(1)} s, construction ${building.toFixed(1)} s, HTML ${result.timings.html.toFixed(1)} s, ` +
        `PDF : ${(pdfs / territory).toFixed(2)} PDF/s sur la durée totale, ${(result.timings.pdf / pdfs).toFixed(2)} s d'impression par PDF (deux à la fois), ` +
        `XLSX ${result.timings.xlsx.toFixed(1)} s`
    );
    ok = territory < TERRITORY_TARGET_SECONDS && ok;

    // 2. National scale: the HTML review of every SIAE.
    const folder = resolve(folderArg ?? join(REPO_ROOT, ".cache/bench/national"));
    if (!existsSync(folder)) {
      console.error(`${folder} absent : génération de l'échantillon national (pnpm synth --scale national --seed 1)…`);
      execFileSync("pnpm", ["synth", "--scale", "national", "--seed", "1", "--out", folder], {
        cwd: REPO_ROOT,
        stdio: "inherit"
      });
    }
    const cacheDir = join(REPO_ROOT, ".cache/bench/cache");
    await stage({sources: {kind: "folder", folder, origin: "env"}, cacheDir}, consoleEffects());
    t0 = performance.now();
    const national = await loadFrom(folder, cacheDir);
    const nationalLoading = seconds(t0);
    console.log(`Échelle nationale : lecture des marts et des définitions en ${nationalLoading.toFixed(1)} s.`);
    const year = national.fullYears[national.fullYears.length - 1]!;
    const ids = [...national.structures.keys()].sort((a, b) => a - b);
    const dir = join(out, "national");
    mkdirSync(dir, {recursive: true});
    let written = 0;
    for (const id of ids) {
      const report = structureReport(national, id, year);
      if (report.sections.length === 0) continue;
      writeFileSync(join(dir, `${report.slug}.html`), reportHtml(report));
      written++;
      if (written % 1000 === 0) console.log(`  ${written} bilans en ${seconds(t0).toFixed(1)} s`);
    }
    const total = seconds(t0);
    console.log(
      `Échelle nationale : ${written} bilans de structure en HTML en ${total.toFixed(1)} s (dont lecture des marts ${nationalLoading.toFixed(1)} s, ` +
        `${(((total - nationalLoading) / written) * 1000).toFixed(1)} ms par bilan) — cible < ${NATIONAL_TARGET_SECONDS} s, rapport ${(total / NATIONAL_TARGET_SECONDS).toFixed(2)}`
    );
    ok = total < NATIONAL_TARGET_SECONDS && ok;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
  return ok;
}
