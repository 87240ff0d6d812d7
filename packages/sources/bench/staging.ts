// Staging benchmark: how long DuckDB alone takes to scan every source file once (the
// yardstick), then the full staging (checks, typing, keys, orphans) of the same folder,
// with the process's peak RSS (DuckDB's native memory is part of it: same process).
// Targets: staging ≤ 3× the scan, peak RSS < 1.5 GB, with DuckDB at threads=2, 1GB.
//
//   node --import tsx packages/sources/bench/staging.ts [folder]
// Default folder: .cache/bench/national, generated once with
//   pnpm synth --scale national --seed 1 --out .cache/bench/national
import {execFileSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {REPO_ROOT} from "../src/config.ts";
import {openDuckDb} from "../src/duckdb-engine.ts";
import {emploisScan} from "../src/emplois/read.ts";
import {fluxIaeScan} from "../src/fluxiae/read.ts";
import {consoleEffects} from "../src/progress.ts";
import {quoteIdent} from "../src/schema.ts";
import {findInputs, stage} from "../src/stage.ts";

const DUCKDB = {threads: 2, memoryLimit: "1GB"} as const;
const folder = resolve(process.argv[2] ?? join(REPO_ROOT, ".cache/bench/national"));

if (!existsSync(folder)) {
  console.error(`${folder} absent : génération de l'échantillon national (pnpm synth --scale national --seed 1)…`);
  execFileSync("pnpm", ["synth", "--scale", "national", "--seed", "1", "--out", folder], {
    cwd: REPO_ROOT,
    stdio: "inherit"
  });
}

const quiet = {logger: {info() {}, warn() {}}, progress: {start: () => ({update() {}, done() {}, abort() {}})}};
const inputs = findInputs(folder, quiet);
const files = [
  ...inputs.fluxiae.map((f) => ({name: f.file.name, scan: fluxIaeScan(f.file.path), columns: f.spec.columns})),
  ...inputs.emplois.map((e) => ({name: e.name, scan: emploisScan(e.path), columns: e.spec.columns}))
];

// Peak RSS, sampled every 50 ms.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

// CPU seconds of this process (DuckDB's threads included): steadier than wall time on a
// shared machine, where other work steals the cores.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

// (a) DuckDB alone: one count(*) per file.
const scanStart = performance.now();
const scanCpu0 = cpu();
const scanDb = await openDuckDb(":memory:", DUCKDB);
let totalRows = 0;
for (const f of files) {
  const t = performance.now();
  const [row] = await scanDb.query(`SELECT count(*) AS n FROM ${f.scan}`);
  totalRows += Number(row!.n);
  console.log(
    `scan  ${f.name.padEnd(60)} ${String(row!.n).padStart(11)} lignes ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s`
  );
}
const scanSeconds = (performance.now() - scanStart) / 1000;
const scanCpu = cpu() - scanCpu0;

// (a') A second, fairer yardstick: count(*) lets DuckDB skip parsing the columns; counting
// every required column makes it parse them (still no typing, no writing).
const parseStart = performance.now();
for (const f of files)
  await scanDb.query(`SELECT ${f.columns.map((c) => `count(${quoteIdent(c.name)})`).join(", ")} FROM ${f.scan}`);
const parseSeconds = (performance.now() - parseStart) / 1000;
await scanDb.close();
const scanPeak = peakRss;

// (b) Full staging into a fresh cache.
const cacheDir = mkdtempSync(join(tmpdir(), "pilotage-bench-"));
peakRss = process.memoryUsage().rss;
const stageStart = performance.now();
const stageCpu0 = cpu();
try {
  const result = await stage(
    {sources: {kind: "folder", folder, origin: "env"}, cacheDir, duckdb: DUCKDB},
    consoleEffects()
  );
  const stageSeconds = (performance.now() - stageStart) / 1000;
  const stageCpu = cpu() - stageCpu0;
  clearInterval(sampler);
  const rows = result.quality.files.reduce((s, f) => s + f.rows, 0);
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  console.log("");
  console.log(`dossier            ${folder}`);
  console.log(
    `lignes             ${totalRows.toLocaleString("fr-FR")} lues par le scan, ${rows.toLocaleString("fr-FR")} préparées`
  );
  console.log(`DuckDB             threads=${DUCKDB.threads}, memory_limit=${DUCKDB.memoryLimit}`);
  console.log(`pages géantes      ${transparentHugePages()}`);
  console.log(`(a) scan DuckDB    ${scanSeconds.toFixed(1)} s, CPU ${scanCpu.toFixed(1)} s (pic RSS ${mb(scanPeak)})`);
  console.log(`(b) préparation    ${stageSeconds.toFixed(1)} s, CPU ${stageCpu.toFixed(1)} s (pic RSS ${mb(peakRss)})`);
  console.log(`(a') lecture cols  ${parseSeconds.toFixed(1)} s (colonnes requises analysées, sans typage ni écriture)`);
  console.log(`ratio (b)/(a)      ${(stageSeconds / scanSeconds).toFixed(2)} (cible ≤ 3)`);
  console.log(`ratio (b)/(a')     ${(stageSeconds / parseSeconds).toFixed(2)}`);
  console.log(`ratio CPU (b)/(a)  ${(stageCpu / scanCpu).toFixed(2)} (insensible à la charge des autres processus)`);
  console.log(`pic RSS            ${mb(Math.max(peakRss, scanPeak))} (cible < 1 536 MB)`);
  // The verdict, for `pnpm bench`: exit code 2 when a target is missed (1 is a crash).
  const missed = stageSeconds / scanSeconds > 3 || Math.max(peakRss, scanPeak) >= 1536 * 2 ** 20;
  console.log(missed ? "cibles             NON TENUES" : "cibles             tenues");
  if (missed) process.exitCode = 2;
} finally {
  clearInterval(sampler);
  rmSync(cacheDir, {recursive: true, force: true});
}

/**
 * The kernel's transparent huge pages mode, as /sys gives it (the bracketed word), or
 * « inconnu ». On the project's virtual machines a page fault is costly, and DuckDB touches
 * every 4 KB page of its buffers once: with « always », the same staging took about a third
 * less CPU than with the default « madvise ». Printed so that two runs can be compared.
 */
function transparentHugePages(): string {
  try {
    const text = readFileSync("/sys/kernel/mm/transparent_hugepage/enabled", "utf8");
    return /\[(\w+)\]/.exec(text)?.[1] ?? "inconnu";
  } catch {
    return "inconnu";
  }
}
