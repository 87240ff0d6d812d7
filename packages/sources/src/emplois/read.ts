// Emplois reader: one CSV per platform table, as PostgreSQL `COPY … TO … CSV HEADER`
// writes it (comma, RFC 4180 quoting, UTF-8, ISO dates, booleans t/f or true/false).
// DuckDB scans and types it in one pass; JS reads the header line only, and locates the
// file line of a faulty record only when there is one (quoted newlines make records and
// lines differ).
import type {DuckDBConnection} from "@duckdb/node-api";
import {SourceError} from "../errors.ts";
import {withProgress, type ProgressTask} from "../progress.ts";
import type {TableSpec} from "../schema.ts";
import {lineOfCsvRecord, readHead} from "../text-stream.ts";
import {openSource} from "../archive.ts";
import {
  checkHeader,
  checkRows,
  dropDuplicateStatements,
  finishTable,
  loadSql,
  type HeaderReport,
  type LoadPlan
} from "../validate.ts";
import {refuseBrokenFile, unparsableFileError, type StagedFile} from "../fluxiae/read.ts";

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The DuckDB scan of an emplois CSV; a quoted empty string stays '' (COPY writes NULL unquoted). */
export function emploisScan(path: string, compression: "gzip" | "none" | "auto" = "auto"): string {
  return `read_csv(${sqlString(path)}, delim=',', quote='"', escape='"', header=true, all_varchar=true, allow_quoted_nulls=false, compression='${compression}')`;
}

/** Splits one CSV line (the header) following RFC 4180 quoting. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (fields.push(field), (field = ""));
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Checks the header line; returns the header columns and what is left unread. */
export async function checkEmploisHead(
  path: string,
  spec: TableSpec,
  display: string
): Promise<{columns: string[]; report: HeaderReport}> {
  const [headerLine] = await readHead(path, 1);
  if (headerLine === undefined) {
    await refuseBrokenFile(path, display);
    throw new SourceError({
      file: display,
      line: 1,
      column: spec.columns[0]!.name,
      value: null,
      reason: "missing_column"
    });
  }
  const columns = parseCsvLine(headerLine);
  return {columns, report: checkHeader(spec, columns, display, 1)};
}

/**
 * Stages one emplois CSV (plain, gzip or zip, by content) into `spec.table`.
 * @throws SourceError on any problem of the file (see validate.ts for the row policy).
 */
export async function stageEmploisFile(
  con: DuckDBConnection,
  file: string,
  spec: TableSpec,
  display: string,
  task?: ProgressTask,
  tempRoot?: string
): Promise<StagedFile> {
  const source = await openSource(file, display, tempRoot);
  try {
    return await stageContent(con, source.path, source.compression, spec, display, task);
  } finally {
    source.cleanup();
  }
}

async function stageContent(
  con: DuckDBConnection,
  path: string,
  compression: "gzip" | "none",
  spec: TableSpec,
  display: string,
  task?: ProgressTask
): Promise<StagedFile> {
  const header = await checkEmploisHead(path, spec, display);
  const plan: LoadPlan = {spec, format: "emplois", file: display, from: emploisScan(path, compression)};
  const {create, insert} = loadSql(plan);
  await con.run(create);
  const load = () => con.run(insert);
  let rows: number;
  try {
    rows = (task ? await withProgress(task, () => con.progress, load) : await load()).rowsChanged;
  } catch (e) {
    // A record with a separator too many, or a quote never closed: name its line.
    throw await unparsableFileError(e, path, display, {
      width: header.columns.length,
      fromLine: 2,
      separator: ",",
      quoted: true
    });
  }
  // Record i + 1 (0 is the header) → its first file line.
  const lineOf = (i: number) => lineOfCsvRecord(path, i + 1);
  await checkRows(con, plan, lineOf);
  const duplicatesDropped = await dropDuplicateStatements(con, plan, lineOf);
  await finishTable(con, plan.spec);
  return {rows, duplicatesDropped, header: header.report};
}
