// `pnpm reports`: stage the sources as the site does (sample, PILOTAGE_SOURCES or
// DATABASE_URL), then write the private reports and their index. Bad options and bad sources
// end with a French message and exit code 1, never a bare stack trace.
import {join, resolve} from "node:path";
import {
  REPO_ROOT,
  consoleEffects,
  describeSources,
  openStaged,
  readCurrent,
  resolveSources,
  stage
} from "@pilotage/sources";
import {loadReportData} from "./data.ts";
import {fmt} from "./format.ts";
import {parseOptions} from "./cli-options.ts";
import {messages} from "./messages.ts";
import {REPORT_KIND_LABELS} from "./model.ts";
import {
  DEFAULT_OUTPUT,
  buildReports,
  checkOptionsWithoutData,
  checkOutputDir,
  resolveOptions,
  writeReports
} from "./produce.ts";

async function main(argv: string[]): Promise<void> {
  const v = parseOptions(argv);
  if (v.aide || v.help) {
    console.log(messages.usage);
    return;
  }
  const raw = {
    annee: v.annee ?? v.year,
    departement: v.departement,
    region: v.region,
    structures: v.structures,
    formats: v.formats
  };
  const out = resolve(REPO_ROOT, v.sortie ?? v.out ?? DEFAULT_OUTPUT);
  // What can be checked without the data is checked first (no staging for a typo).
  checkOptionsWithoutData(raw);
  checkOutputDir(out);
  const started = performance.now();
  const sources = resolveSources(process.env);
  console.log(`Sources : ${describeSources(sources)}`);
  const cacheDir = join(REPO_ROOT, ".cache");
  await stage({sources, cacheDir}, consoleEffects());
  const staging = readCurrent(cacheDir);
  if (!staging.referenceDate)
    throw new Error("La date de référence des données est inconnue (aucune extraction datée).");
  const engine = await openStaged(cacheDir);
  let data;
  try {
    data = await loadReportData(engine, staging.referenceDate);
  } finally {
    await engine.close();
  }
  const options = resolveOptions(raw, data);
  const reports = buildReports(data, options);
  const result = await writeReports(reports, options, out, {log: console.log}, data.referenceDate);
  console.log(
    `Année ${options.year}, département ${options.departement}, région ${options.region} : ${reports.length} rapports en ${fmt.days((performance.now() - started) / 1000)} s.`
  );
  console.log(
    "Temps de travail économisé (estimations à confirmer avec les réseaux, packages/reports/heures-economisees.json) :"
  );
  for (const l of result.saved.lines)
    console.log(`  ${REPORT_KIND_LABELS[l.kind]} : ${l.count} × ${l.hours} h = ${l.total} h`);
  console.log(
    `  Total : ${fmt.hours(result.saved.hours)} h, soit ${fmt.etp(result.saved.days)} jours de travail (${result.hours.heuresParJour} h par jour).`
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
