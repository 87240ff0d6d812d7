// Emplois reader: one CSV per platform table, as PostgreSQL `COPY … TO … CSV HEADER`
// writes it (comma, RFC 4180 quoting, UTF-8, ISO dates, booleans t/f or true/false).
// DuckDB scans and types it in one pass; JS reads the header line only, and locates the
// file line of a faulty record only when there is one (quoted newlines make records and
// lines differ).
import type {DuckDBConnection} from "@duckdb/node-api";
import {SourceError} from "../errors.ts";
import {detail} from "../messages.ts";
import {withProgress, type ProgressTask} from "../progress.ts";
import type {TableSpec} from "../schema.ts";
import {lineOfCsvRecord, readHead} from "../text-stream.ts";
import {checkHeader, checkRows, finishTable, loadSql, type LoadPlan} from "../validate.ts";
import {duckDbLine, refuseBrokenFile} from "../fluxiae/read.ts";

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The DuckDB scan of an emplois CSV; a quoted empty string stays '' (COPY writes NULL unquoted). */
export function emploisScan(path: string): string {
  return `read_csv(${sqlString(path)}, delim=',', quote='"', escape='"', header=true, all_varchar=true, allow_quoted_nulls=false)`;
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

export async function checkEmploisHead(path: string, spec: TableSpec, display: string): Promise<string[]> {
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
  const header = parseCsvLine(headerLine);
  checkHeader(spec, header, display, 1);
  return header;
}

/** Stages one emplois CSV into `spec.table`; returns the number of data rows. */
export async function stageEmploisFile(
  con: DuckDBConnection,
  path: string,
  spec: TableSpec,
  display: string,
  task?: ProgressTask
): Promise<number> {
  await checkEmploisHead(path, spec, display);
  const plan: LoadPlan = {spec, format: "emplois", file: display, from: emploisScan(path)};
  const {create, insert} = loadSql(plan);
  await con.run(create);
  const load = () => con.run(insert);
  let rows: number;
  try {
    rows = (task ? await withProgress(task, () => con.progress, load) : await load()).rowsChanged;
  } catch (e) {
    await refuseBrokenFile(path, display);
    throw new SourceError({
      file: display,
      line: duckDbLine(e),
      column: null,
      value: null,
      reason: "csv_syntax",
      detail: detail.csvEngine(String((e as Error).message))
    });
  }
  // Record i + 1 (0 is the header) → its first file line.
  await checkRows(con, plan, (i) => lineOfCsvRecord(path, i + 1));
  await finishTable(con, plan.spec);
  return rows;
}
