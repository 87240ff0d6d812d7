// fluxIAE reader: checks the frame of a file (DEB line, header, FIN count) and stages it
// into its typed table. DuckDB does the bulk scan (it reads .csv and .csv.gz, handles the
// BOM); JS reads only the first two lines, and the whole file only to locate an error
// DuckDB reported (undecodable byte, gzip cut short).
import type {DuckDBConnection} from "@duckdb/node-api";
import {SourceError} from "../errors.ts";
import {detail} from "../messages.ts";
import {withProgress, type ProgressTask} from "../progress.ts";
import type {TableSpec} from "../schema.ts";
import {diagnose, firstRecordWithMoreFields, readHead} from "../text-stream.ts";
import {openSource, type ReadableSource} from "../archive.ts";
import {
  checkHeader,
  checkRows,
  dropDuplicateStatements,
  finishTable,
  loadSql,
  type HeaderReport,
  type LoadPlan
} from "../validate.ts";
import type {FluxIaeFile} from "./files.ts";

/** DEB and header lines come before the data: data row i is file line i + 3. */
const FIRST_DATA_LINE = 3;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The DuckDB scan of a fluxIAE file: `|`, no quoting at all, everything as text.
 * `compression` is the content's (archive.ts), not the one the name suggests.
 */
export function fluxIaeScan(path: string, compression: "gzip" | "none" | "auto" = "auto"): string {
  return `read_csv(${sqlString(path)}, delim='|', quote='', escape='', skip=1, header=true, all_varchar=true, null_padding=true, compression='${compression}')`;
}

/** What the quality report keeps of a staged file besides its rows. */
export interface StagedFile {
  /** Data rows of the file. */
  readonly rows: number;
  /** Identical duplicate statements dropped (EtatMensuelIndiv). */
  readonly duplicatesDropped: number;
  readonly header: HeaderReport;
}

/** Checks the DEB line and the header of the file at `path`; returns the header columns and what is left unread. */
export async function checkFluxIaeHead(
  path: string,
  file: FluxIaeFile,
  spec: TableSpec,
  display: string
): Promise<{columns: string[]; report: HeaderReport}> {
  const [deb, headerLine] = await readHead(path, 2);
  if (deb === undefined || !deb.startsWith("DEB") || headerLine === undefined) {
    await refuseBrokenFile(path, display);
    throw new SourceError({
      file: display,
      line: 1,
      column: null,
      value: deb?.slice(0, 40) ?? null,
      reason: "bad_deb",
      detail: detail.deb(`DEB${file.view}`)
    });
  }
  const columns = headerLine.split("|");
  // The personal columns are named only: their values are never read.
  return {columns, report: checkHeader(spec, columns, display, 2)};
}

/**
 * Stages one fluxIAE file into `spec.table` (a gzip, a zip holding the CSV, or plain text,
 * whatever the name says; a zip's member is unpacked under `tempRoot`).
 * @throws SourceError on any problem of the file (see validate.ts for the row policy).
 */
export async function stageFluxIaeFile(
  con: DuckDBConnection,
  file: FluxIaeFile,
  spec: TableSpec,
  display: string,
  task?: ProgressTask,
  tempRoot?: string
): Promise<StagedFile> {
  const source = await openSource(file.path, display, tempRoot);
  try {
    return await stageContent(con, source, file, spec, display, task);
  } finally {
    source.cleanup();
  }
}

async function stageContent(
  con: DuckDBConnection,
  source: ReadableSource,
  file: FluxIaeFile,
  spec: TableSpec,
  display: string,
  task?: ProgressTask
): Promise<StagedFile> {
  const {path} = source;
  const header = await checkFluxIaeHead(path, file, spec, display);
  const plan: LoadPlan = {
    spec,
    format: "fluxiae",
    file: display,
    from: fluxIaeScan(path, source.compression),
    finColumn: header.columns[0]!
  };
  const {create, insert} = loadSql(plan);
  await con.run(create);
  const load = () => con.run(insert);
  try {
    if (task) await withProgress(task, () => con.progress, load);
    else await load();
  } catch (e) {
    // fluxIAE has no quoting: a stray `|` in a value adds a field.
    throw await unparsableFileError(e, path, display, {width: header.columns.length, fromLine: FIRST_DATA_LINE});
  }
  const rows = await checkFin(con, plan, path);
  const lineOf = async (i: number) => i + FIRST_DATA_LINE;
  await checkRows(con, plan, lineOf);
  const duplicatesDropped = await dropDuplicateStatements(con, plan, lineOf);
  await finishTable(con, spec);
  return {rows, duplicatesDropped, header: header.report};
}

async function checkFin(con: DuckDBConnection, plan: LoadPlan, path: string): Promise<number> {
  const table = `"${plan.spec.table}"`;
  const reader = await con.runAndReadAll(
    `SELECT count(*) AS n, count(_fin) AS nf, max(CASE WHEN _fin IS NOT NULL THEN rowid END) AS r, max(_fin) AS fin FROM ${table}`
  );
  const s = reader.getRowObjectsJS()[0]!;
  const total = Number(s.n);
  if (Number(s.nf) === 0) {
    // No FIN line: a file cut short. Say where (and whether the gzip itself is broken).
    await refuseBrokenFile(path, plan.file);
    const d = await diagnose(path);
    throw new SourceError({
      file: plan.file,
      line: d.kind === "ok" ? d.lines : d.line,
      column: null,
      value: null,
      reason: "fin_missing"
    });
  }
  const finRow = Number(s.r);
  const fin = String(s.fin).replace(/\|+$/, "");
  const announced = /^FIN(\d+)$/.exec(fin);
  const dataRows = finRow; // rows before the FIN line
  if (!announced || Number(s.nf) > 1 || finRow !== total - 1 || Number(announced[1]) !== dataRows) {
    throw new SourceError({
      file: plan.file,
      line: finRow + FIRST_DATA_LINE,
      column: null,
      value: fin,
      reason: "fin_mismatch",
      detail: detail.fin(announced ? Number(announced[1]) : NaN, total - 1)
    });
  }
  return dataRows;
}

/** Throws the precise error when the bytes themselves are broken (gzip cut, bad UTF-8). */
export async function refuseBrokenFile(path: string, display: string): Promise<void> {
  const d = await diagnose(path);
  if (d.kind !== "ok") throw new SourceError({file: display, line: d.line, column: null, value: null, reason: d.kind});
}

/**
 * The refusal of a file DuckDB could not parse (`e`, its error), in French and naming a line:
 * the file's own defect if it has one (truncated, not text…), else the first record, from
 * line `fromLine`, with more fields than the header's `width` or a quote never closed
 * (`quoted`: RFC 4180 quoting, as the emplois CSV), else DuckDB's line and first message line.
 * Returns the error (to throw); never echoes a value.
 */
export async function unparsableFileError(
  e: unknown,
  path: string,
  display: string,
  record: {readonly width: number; readonly fromLine: number; readonly separator?: "|" | ","; readonly quoted?: boolean}
): Promise<SourceError> {
  await refuseBrokenFile(path, display);
  const separator = record.separator ?? "|";
  const extra = await firstRecordWithMoreFields(path, record.width, {
    fromLine: record.fromLine,
    separator: separator.charCodeAt(0),
    quoted: record.quoted ?? false
  });
  return new SourceError({
    file: display,
    line: extra ? extra.line : duckDbLine(e),
    column: null,
    value: null,
    reason: "csv_syntax",
    detail: extra
      ? detail.fieldCount(extra.fields, record.width, separator)
      : detail.csvEngine(String((e as Error).message))
  });
}

/** DuckDB's "CSV Error on Line: N" when there is one. */
export function duckDbLine(e: unknown): number | null {
  const m = /on Line: (\d+)/.exec(String((e as Error)?.message ?? e));
  return m ? Number(m[1]) : null;
}
