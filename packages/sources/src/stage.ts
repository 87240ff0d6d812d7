// Staging: validated sources → the typed tables of schema.ts in an embedded DuckDB file,
// once per distinct input. The file is keyed by a fingerprint of the inputs (hash.ts):
// <cacheDir>/staging/<hash>.duckdb, written under a temporary name then renamed (atomic),
// with <hash>.json beside it and <cacheDir>/staging/current.json naming the one in use.
// Every loader then opens it read-only (openStaged); a second stage() with the same
// inputs does nothing but point current.json at it. Only the two most recently used
// stagings are kept (pruneStagings).
// For the PostgreSQL warehouse nothing is copied: the tables are checked in place and the
// quality report is computed by SQL inside PostgreSQL.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {join, relative} from "node:path";
import {redactUrl, type SourceConfig} from "./config.ts";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDuckDb, type DuckDbEngine, type DuckDbOptions} from "./duckdb-engine.ts";
import type {SqlEngine} from "./engine.ts";
import {stageEmploisFile} from "./emplois/read.ts";
import {SourceError} from "./errors.ts";
import {contentSize} from "./file-size.ts";
import {chooseNewest, listFluxIaeFiles, type FluxIaeFile} from "./fluxiae/files.ts";
import {stageFluxIaeFile, type StagedFile} from "./fluxiae/read.ts";
import {fingerprint} from "./hash.ts";
import {configText, detail, progressText} from "./messages.ts";
import {openWarehouse} from "./postgres-engine.ts";
import type {ProgressTask, StageEffects} from "./progress.ts";
import {
  countCodes,
  countOrphan,
  REFERENCES,
  type MissingTable,
  type FileReport,
  type IgnoredFile,
  type OrphanCount,
  type QualityReport
} from "./quality.ts";
import {EMPLOIS_TABLES, FLUXIAE_TABLES, type TableSpec} from "./schema.ts";
import {checkWarehouse} from "./warehouse.ts";

export interface StageConfig {
  readonly sources: SourceConfig;
  /** Cache root; staging goes to `<cacheDir>/staging/`. */
  readonly cacheDir: string;
  /** DuckDB settings while staging (default: 2 threads, 1GB memory limit). */
  readonly duckdb?: DuckDbOptions;
}

/** Content of current.json (and of <hash>.json). */
export interface CurrentStaging {
  readonly version: 1;
  readonly sourceKind: "folder" | "warehouse";
  /** Input fingerprint; null for the warehouse (nothing is copied). */
  readonly hash: string | null;
  /** Staged DuckDB file; null for the warehouse. */
  readonly dbPath: string | null;
  /** Sources folder, or the warehouse (password never written). */
  readonly source: {readonly folder: string} | {readonly url: string; readonly schema: string};
  readonly referenceDate: string | null;
  /** Files staged, relative to the sources folder. */
  readonly files: readonly string[];
  readonly quality: QualityReport;
}

export interface StageResult extends CurrentStaging {
  /** True when an existing staging was reused and nothing was read. */
  readonly reused: boolean;
}

const DEFAULT_DUCKDB: DuckDbOptions = {threads: 2, memoryLimit: "1GB"};

export async function stage(config: StageConfig, effects: StageEffects): Promise<StageResult> {
  const dir = join(config.cacheDir, "staging");
  mkdirSync(dir, {recursive: true});
  const current =
    config.sources.kind === "folder"
      ? await stageFolder(
          config.sources.folder,
          config.sources.origin === "sample",
          dir,
          config.duckdb ?? DEFAULT_DUCKDB,
          effects
        )
      : await stageWarehouse(config.sources.url, config.sources.schema, effects);
  writeJsonAtomic(join(dir, "current.json"), current.current);
  pruneStagings(dir, current.current.hash);
  return {...current.current, reused: current.reused};
}

interface Inputs {
  readonly fluxiae: readonly {spec: TableSpec; file: FluxIaeFile}[];
  readonly emplois: readonly {spec: TableSpec; path: string; name: string}[];
  readonly ignored: readonly IgnoredFile[];
  /** Optional tables without a file (their figures are removed). */
  readonly missing: readonly MissingTable[];
}

/**
 * Finds the file of every table. A required table without a file refuses the folder; an
 * optional one (schema.ts `optional`) is listed as missing and the build goes on.
 * @throws SourceError `missing_file`.
 */
export function findInputs(folder: string, effects: StageEffects, isSample = false): Inputs {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new SourceError({
      file: folder,
      line: null,
      column: null,
      value: null,
      reason: "missing_file",
      detail: isSample ? detail.sampleMissing : undefined
    });
  }
  const {chosen, ignored} = chooseNewest(listFluxIaeFiles(folder));
  const fluxiae = FLUXIAE_TABLES.map((spec) => {
    // Every fluxIAE view of schema.ts is required (none is optional today).
    const file = chosen.get(spec.source);
    if (!file)
      throw new SourceError({
        file: `fluxIAE_${spec.source}_<JJMMAAAA>_<HHMMSS>.csv[.gz]`,
        line: null,
        column: null,
        value: null,
        reason: "missing_file"
      });
    const older = ignored.filter((i) => i.file.view === spec.source).map((i) => i.file.name);
    effects.logger.info(progressText.chosen(spec.source, file.name, older));
    return {spec, file};
  });
  const missing: MissingTable[] = [];
  const emplois = EMPLOIS_TABLES.flatMap((spec) => {
    // Accept the accented name in either Unicode form (macOS writes NFD).
    const candidates = [spec.source.normalize("NFC"), spec.source.normalize("NFD")].flatMap((s) => [
      `emplois/${s}.csv`,
      `emplois/${s}.csv.gz`
    ]);
    const name = candidates.find((n) => existsSync(join(folder, n)));
    if (!name && spec.optional) {
      missing.push({table: spec.table, source: spec.source, file: `emplois/${spec.source}.csv`});
      return [];
    }
    if (!name)
      throw new SourceError({
        file: `emplois/${spec.source}.csv`,
        line: null,
        column: null,
        value: null,
        reason: "missing_file"
      });
    return [{spec, path: join(folder, name), name: name.normalize("NFC")}];
  });
  return {
    fluxiae,
    emplois,
    missing,
    ignored: ignored.map((i) => ({
      view: i.file.view,
      file: i.file.name,
      extractedAt: i.file.extractedAt,
      supersededBy: i.supersededBy
    }))
  };
}

async function stageFolder(
  folder: string,
  isSample: boolean,
  dir: string,
  duckdb: DuckDbOptions,
  effects: StageEffects
): Promise<{current: CurrentStaging; reused: boolean}> {
  const t0 = performance.now();
  const inputs = findInputs(folder, effects, isSample);
  const files = [
    ...inputs.fluxiae.map((f) => ({name: f.file.name, path: f.file.path})),
    ...inputs.emplois.map((e) => ({name: e.name, path: e.path}))
  ];
  const hash = fingerprint(
    files,
    inputs.ignored.map((i) => i.file)
  );
  const dbPath = join(dir, `${hash}.duckdb`);
  const metaPath = join(dir, `${hash}.json`);

  if (existsSync(dbPath) && existsSync(metaPath)) {
    effects.logger.info(progressText.reused(hash));
    const now = new Date();
    utimesSync(metaPath, now, now); // used now: pruneStagings keeps the recently used
    return {current: JSON.parse(readFileSync(metaPath, "utf8")) as CurrentStaging, reused: true};
  }

  const tmpPath = join(dir, `${hash}.duckdb.tmp-${process.pid}-${Date.now()}`);
  const tempRoot = duckdb.tempDirectory ?? join(dir, "tmp");
  const engine = await openDuckDb(tmpPath, {...duckdb, progress: true, tempDirectory: tempRoot});
  const jobs: StageJob[] = [
    ...inputs.fluxiae.map(({spec, file}) => ({
      name: file.name,
      path: file.path,
      table: spec.table,
      stage: (con: DuckDBConnection, task: ProgressTask) =>
        stageFluxIaeFile(con, file, spec, file.name, task, tempRoot),
      report: (staged: StagedFile): FileReport => ({
        table: spec.table,
        source: spec.source,
        family: "fluxiae",
        file: file.name,
        extractedAt: file.extractedAt,
        ...fileFacts(staged)
      })
    })),
    ...inputs.emplois.map(({spec, path, name}) => ({
      name,
      path,
      table: spec.table,
      stage: (con: DuckDBConnection, task: ProgressTask) => stageEmploisFile(con, path, spec, name, task, tempRoot),
      report: (staged: StagedFile): FileReport => ({
        table: spec.table,
        source: spec.source,
        family: "emplois",
        file: name,
        extractedAt: null,
        ...fileFacts(staged)
      })
    }))
  ];
  try {
    const {reports, orphans} = await stageFiles(engine, jobs, duckdb.threads ?? 2, effects);
    const codes = await countCodes(engine, new Set(reports.map((r) => r.table)));
    await engine.query("CHECKPOINT");
    await engine.close();
    renameSync(tmpPath, dbPath);

    const referenceDate = newestDate(inputs.fluxiae.map((f) => f.file.extractedAt));
    const quality: QualityReport = {
      version: 1,
      sourceKind: "folder",
      generatedAt: new Date().toISOString(),
      referenceDate,
      rowPolicy: "refuse",
      files: reports,
      ignored: inputs.ignored,
      orphans,
      missingTables: inputs.missing,
      codes
    };
    logQuality(quality, effects);
    const current: CurrentStaging = {
      version: 1,
      sourceKind: "folder",
      hash,
      dbPath,
      source: {folder},
      referenceDate,
      files: files.map((f) => relative(folder, f.path)),
      quality
    };
    writeJsonAtomic(metaPath, current);
    effects.logger.info(progressText.staged(hash, (performance.now() - t0) / 1000));
    return {current, reused: false};
  } catch (e) {
    await engine.close();
    throw e;
  } finally {
    rmSync(tmpPath, {force: true});
    rmSync(`${tmpPath}.wal`, {force: true});
  }
}

/** One source file to stage: how, and what the quality report says of it. */
interface StageJob {
  readonly name: string;
  readonly path: string;
  /** The staged table. */
  readonly table: string;
  readonly stage: (con: DuckDBConnection, task: ProgressTask) => Promise<StagedFile>;
  readonly report: (staged: StagedFile) => FileReport;
}

function fileFacts(
  staged: StagedFile
): Pick<FileReport, "rows" | "duplicatesDropped" | "unreadColumns" | "contactColumns"> {
  return {
    rows: staged.rows,
    duplicatesDropped: staged.duplicatesDropped,
    unreadColumns: staged.header.unread,
    contactColumns: staged.header.contact
  };
}

/** The build's summary of the quality report: what was corrected, set aside or missing. */
function logQuality(quality: QualityReport, effects: StageEffects): void {
  for (const o of quality.orphans)
    if (o.rows > 0) effects.logger.warn(progressText.orphans(o.table, o.column, o.target, o.rows));
  for (const f of quality.files) {
    if (f.duplicatesDropped > 0) effects.logger.warn(progressText.duplicates(f.file, f.duplicatesDropped));
    if (f.contactColumns.length) effects.logger.info(progressText.contacts(f.file, f.contactColumns));
  }
  for (const c of quality.codes) {
    if (c.normalised > 0) effects.logger.info(progressText.codesNormalised(c.table, c.column, c.normalised));
    if (c.unknown > 0) effects.logger.warn(progressText.codesUnknown(c.table, c.column, c.unknown));
  }
  for (const m of quality.missingTables) effects.logger.warn(progressText.missingOptional(m.file));
}

/**
 * Stages the files `workers` at a time, each on its own connection, the largest first so
 * that no big file is left to run alone at the end. One file rarely keeps both cores busy
 * (a .gz is inflated by one thread; writing to the database file waits on the scan), two
 * side by side do. Each orphan count runs as soon as both its tables are staged, on the
 * worker that staged the second, while the other worker is still reading.
 * On a refusal no new file starts; once the running ones end, the error of the first
 * refused file in that order is thrown: every file before it was read, so it is the same
 * error whatever the timing. Reports and counts come back in the order of `jobs` and of
 * schema.ts.
 */
async function stageFiles(
  engine: DuckDbEngine,
  jobs: readonly StageJob[],
  workers: number,
  effects: StageEffects
): Promise<{reports: FileReport[]; orphans: OrphanCount[]}> {
  const order = jobs
    .map((job, index) => ({job, index, size: contentSize(job.path)}))
    .sort((a, b) => b.size - a.size || a.index - b.index);
  const reports: FileReport[] = [];
  const orphans: OrphanCount[] = [];
  const staged = new Set<string>();
  // References between tables that are both staged (an optional table may be missing).
  const tables = new Set(jobs.map((j) => j.table));
  const present = REFERENCES.filter((ref) => tables.has(ref.table) && tables.has(ref.targetTable));
  let waiting = present.map((ref, index) => ({ref, index}));
  const refusals: {position: number; error: unknown}[] = [];
  let next = 0;
  const worker = async () => {
    const con = await engine.connect();
    try {
      while (refusals.length === 0 && next < order.length) {
        const position = next++;
        const {job, index} = order[position]!;
        const task = effects.progress.start(job.name);
        let read = false;
        try {
          const file = await job.stage(con, task);
          task.done(file.rows);
          read = true;
          reports[index] = job.report(file);
          staged.add(reports[index].table);
          const ready = waiting.filter(({ref}) => staged.has(ref.table) && staged.has(ref.targetTable));
          waiting = waiting.filter((w) => !ready.includes(w));
          for (const {ref, index} of ready) orphans[index] = await countOrphan(engine, ref);
        } catch (error) {
          if (!read) task.abort();
          refusals.push({position, error});
        }
      }
    } finally {
      con.closeSync();
    }
  };
  await Promise.all(Array.from({length: Math.max(1, workers)}, worker));
  if (refusals.length) throw refusals.sort((a, b) => a.position - b.position)[0]!.error;
  return {reports, orphans};
}

async function stageWarehouse(
  url: string,
  schema: string,
  effects: StageEffects
): Promise<{current: CurrentStaging; reused: boolean}> {
  const engine = await openWarehouse(url, schema);
  try {
    const quality = await checkWarehouse(engine, schema);
    effects.logger.info(progressText.warehouse(schema));
    logQuality(quality, effects);
    const current: CurrentStaging = {
      version: 1,
      sourceKind: "warehouse",
      hash: null,
      dbPath: null,
      source: {url: redactUrl(url), schema},
      referenceDate: await warehouseReferenceDate(engine),
      files: quality.files.map((f) => f.file),
      quality
    };
    return {current, reused: false};
  } finally {
    await engine.close();
  }
}

/**
 * A warehouse has no extraction date in a file name: its data is as of the newest event it
 * records (an application, a PASS issued, a job post created), computed inside PostgreSQL.
 */
async function warehouseReferenceDate(engine: SqlEngine): Promise<string | null> {
  const [row] = await engine.query<{d: string | null}>(`
    SELECT MAX(d) AS d FROM (
      SELECT MAX(date_candidature) AS d FROM candidatures
      UNION ALL SELECT MAX("date_début") FROM pass_agrements
      UNION ALL SELECT MAX("date_création") FROM fiches_de_poste) AS t`);
  return row?.d ?? null;
}

/** Stagings kept in the cache: the one in use and the one used before it. */
const KEPT_STAGINGS = 2;

/**
 * Deletes old stagings (each one a few hundred MB at national scale, and the data team
 * stages new extracts every week). Kept: the one in use, and the most recently used
 * other one, so that going back and forth between two sources (the sample for tests,
 * the real extracts) does not restage either.
 */
function pruneStagings(dir: string, inUse: string | null): void {
  const stagings = readdirSync(dir)
    .filter((f) => /^[0-9a-f]{64}\.json$/.test(f))
    .map((f) => ({hash: f.slice(0, 64), used: statSync(join(dir, f)).mtimeMs}))
    .sort((a, b) => Number(b.hash === inUse) - Number(a.hash === inUse) || b.used - a.used);
  for (const {hash} of stagings.slice(KEPT_STAGINGS)) {
    for (const suffix of [".duckdb", ".duckdb.wal", ".json"]) rmSync(join(dir, `${hash}${suffix}`), {force: true});
  }
}

function newestDate(isoDateTimes: readonly string[]): string | null {
  const newest = [...isoDateTimes].sort().at(-1);
  return newest ? newest.slice(0, 10) : null;
}

function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

export function readCurrent(cacheDir: string): CurrentStaging {
  const path = join(cacheDir, "staging", "current.json");
  if (!existsSync(path)) throw new Error(configText.noStaging(cacheDir));
  return JSON.parse(readFileSync(path, "utf8")) as CurrentStaging;
}

/**
 * The engine every loader queries: the staged DuckDB file (read-only) named by
 * current.json, or the warehouse when that is the source (its URL from `env`, since
 * current.json never holds a password).
 */
export async function openStaged(
  cacheDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): Promise<SqlEngine> {
  const current = readCurrent(cacheDir);
  if (current.sourceKind === "warehouse") {
    const url = env.DATABASE_URL;
    if (!url) throw new Error(configText.noDatabaseUrl);
    return openWarehouse(url, "schema" in current.source ? current.source.schema : "public");
  }
  return openDuckDb(current.dbPath!, {readOnly: true});
}
