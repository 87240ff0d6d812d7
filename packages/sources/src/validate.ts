// Typing and row-level validation of one source file, in one DuckDB pass.
//
// ROW-LEVEL POLICY: refuse. Any row-level problem (unparsable value, negative hours or
// ETP, unknown code in a closed list, empty required value, duplicated key, raw NIR)
// refuses the file, and so the build, with the first problem's file, line, column and
// value plus the count of other faulty rows. Why: the figures are official steering
// figures; silently setting rows aside would shift ETP, exits or rates with nobody
// noticing, and guessing a value is worse. Extracts are regenerated at the source, not
// patched here; the message says exactly where to look. (Orphan references are the one
// exception: they are counted in the quality report, see quality.ts.)
//
// How: the file is read as text (all_varchar) and copied once into its staged table with
// every column cast to its type, plus three helper columns computed in the same pass:
//   _p   problem code of the row's first faulty cell (NULL for a clean row),
//   _v   the raw text of that cell (NULL for personal checks: never copied),
//   _fin the fluxIAE FIN line, recognised by its first column starting with "FIN".
// The table's rowid is the data row index: DuckDB keeps the file order when
// preserve_insertion_order is on (set in duckdb-engine.ts), so line = rowid + offset.
// Checks are then cheap queries over the typed table, and the helper columns are dropped.
import type {DuckDBConnection} from "@duckdb/node-api";
import {SourceError, type ProblemReason} from "./errors.ts";
import {detail} from "./messages.ts";
import {findPersonalColumns, looksLikeNirSql, NIR_CHECKED_COLUMNS} from "./personal.ts";
import {quoteIdent, type ColumnSpec, type TableSpec} from "./schema.ts";

export type SourceFormat = "fluxiae" | "emplois";

/**
 * Checks a file's header (at `line` of the file): no personal column (named, its values
 * never read), and every required column of the table present. Extra columns are ignored.
 */
export function checkHeader(spec: TableSpec, header: readonly string[], file: string, line: number): void {
  const personal = findPersonalColumns(spec.source, [...header]);
  if (personal.length) {
    throw new SourceError({
      file,
      line,
      column: personal.map((p) => p.column).join(", "),
      value: null,
      reason: "personal_field"
    });
  }
  for (const col of spec.columns) {
    if (!header.includes(col.name))
      throw new SourceError({file, line, column: col.name, value: null, reason: "missing_column"});
  }
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The typed value of a raw text cell (NULL when it does not parse). */
function typedExpr(col: ColumnSpec, raw: string, format: SourceFormat): string {
  switch (col.type) {
    case "integer":
      return `TRY_CAST(${raw} AS INTEGER)`;
    case "bigint":
      return `TRY_CAST(${raw} AS BIGINT)`;
    case "double":
      return `(CASE WHEN isfinite(TRY_CAST(${raw} AS DOUBLE)) THEN TRY_CAST(${raw} AS DOUBLE) END)`;
    case "text":
      return raw;
    case "boolean":
      return format === "fluxiae"
        ? `(CASE ${raw} WHEN 'true' THEN true WHEN 'false' THEN false END)`
        : `(CASE lower(${raw}) WHEN 't' THEN true WHEN 'true' THEN true WHEN 'f' THEN false WHEN 'false' THEN false END)`;
    case "date":
      return format === "fluxiae"
        ? `CAST(try_strptime(${raw}, '%d/%m/%Y') AS DATE)`
        : `(CASE WHEN regexp_full_match(${raw}, '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(${raw} AS DATE) END)`;
    case "timestamp":
      return format === "fluxiae"
        ? `CAST(try_strptime(${raw}, '%d/%m/%Y %H:%M:%S') AS TIMESTAMP)`
        : `TRY_CAST(${raw} AS TIMESTAMP)`;
  }
}

const REASON_CODES: readonly ProblemReason[] = [
  "null_required",
  "unparsable",
  "unknown_code",
  "negative",
  "personal_value"
];

/** The row checks of one column, as (condition, reason) pairs in the order reported. */
function columnChecks(col: ColumnSpec, raw: string, typed: string): {cond: string; reason: ProblemReason}[] {
  const checks: {cond: string; reason: ProblemReason}[] = [];
  if (col.nullable === false) checks.push({cond: `${raw} IS NULL`, reason: "null_required"});
  if (col.type !== "text") checks.push({cond: `${raw} IS NOT NULL AND ${typed} IS NULL`, reason: "unparsable"});
  if (col.values)
    checks.push({cond: `${raw} NOT IN (${col.values.map(sqlString).join(", ")})`, reason: "unknown_code"});
  if (col.min !== undefined) checks.push({cond: `${typed} < ${col.min}`, reason: "negative"});
  if (NIR_CHECKED_COLUMNS.includes(col.name))
    checks.push({cond: looksLikeNirSql(raw, "duckdb"), reason: "personal_value"});
  return checks;
}

export interface LoadPlan {
  readonly spec: TableSpec;
  readonly format: SourceFormat;
  /** Display name of the file in messages (relative to the sources folder). */
  readonly file: string;
  /** A DuckDB table expression yielding the file's rows as text (read_csv(…)). */
  readonly from: string;
  /** Header column that carries the FIN marker (fluxIAE only). */
  readonly finColumn?: string;
}

/** Creates the staged table with its helper columns, typed, in one pass over the file. */
export function loadSql(plan: LoadPlan): string {
  const {spec, format} = plan;
  const raw = (i: number) => `r${i}`;
  const inner = spec.columns.map((c, i) => `${quoteIdent(c.name)} AS ${raw(i)}`);
  if (plan.finColumn) inner.push(`${quoteIdent(plan.finColumn)} AS rfin`);
  const finGuard = plan.finColumn ? `NOT coalesce(starts_with(rfin, 'FIN'), false)` : "true";

  const typed = spec.columns.map((c, i) => typedExpr(c, raw(i), format));
  const whens: string[] = [];
  const values: string[] = [];
  spec.columns.forEach((col, i) => {
    for (const check of columnChecks(col, raw(i), typed[i]!)) {
      const code = i * 8 + REASON_CODES.indexOf(check.reason);
      whens.push(`WHEN ${check.cond} THEN ${code}`);
      values.push(`WHEN ${check.cond} THEN ${check.reason === "personal_value" ? "NULL" : raw(i)}`);
    }
  });
  const outer = spec.columns.map((c, i) => `${typed[i]} AS ${quoteIdent(c.name)}`);
  outer.push(whens.length ? `CASE WHEN ${finGuard} THEN CASE ${whens.join(" ")} END END AS _p` : "NULL::INTEGER AS _p");
  outer.push(
    values.length ? `CASE WHEN ${finGuard} THEN CASE ${values.join(" ")} END END AS _v` : "NULL::VARCHAR AS _v"
  );
  outer.push(plan.finColumn ? `CASE WHEN NOT (${finGuard}) THEN rfin END AS _fin` : "NULL::VARCHAR AS _fin");
  return `CREATE TABLE ${quoteIdent(spec.table)} AS SELECT ${outer.join(", ")} FROM (SELECT ${inner.join(", ")} FROM ${plan.from})`;
}

async function one(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  const reader = await con.runAndReadAll(sql);
  return (reader.getRowObjectsJS()[0] ?? {}) as Record<string, unknown>;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * Refuses the file on its first row problem (see the policy above).
 * `lineOf` maps a data row index (rowid) to the file line shown to the user.
 */
export async function checkRows(
  con: DuckDBConnection,
  plan: LoadPlan,
  lineOf: (rowIndex: number) => Promise<number>
): Promise<void> {
  const table = quoteIdent(plan.spec.table);
  const count = num((await one(con, `SELECT count(*) AS n FROM ${table} WHERE _p IS NOT NULL`)).n);
  if (count > 0) {
    const first = await one(
      con,
      `SELECT rowid AS r, _p AS p, _v AS v FROM ${table} WHERE _p IS NOT NULL ORDER BY rowid LIMIT 1`
    );
    const code = num(first.p);
    const col = plan.spec.columns[Math.floor(code / 8)]!;
    const reason = REASON_CODES[code % 8]!;
    throw new SourceError({
      file: plan.file,
      line: await lineOf(num(first.r)),
      column: col.name,
      value: reason === "personal_value" ? null : ((first.v as string | null) ?? null),
      reason,
      others: count - 1,
      detail: problemDetail(col, reason)
    });
  }
  await checkDuplicates(con, plan, lineOf);
}

function problemDetail(col: ColumnSpec, reason: ProblemReason): string | undefined {
  if (reason === "unparsable") return detail.expectedType(col.type);
  if (reason === "unknown_code" && col.values) return detail.accepted(col.values);
  if (reason === "negative" && col.min !== undefined) return detail.min(col.min);
  return undefined;
}

async function checkDuplicates(
  con: DuckDBConnection,
  plan: LoadPlan,
  lineOf: (rowIndex: number) => Promise<number>
): Promise<void> {
  const key = plan.spec.key;
  if (!key) return;
  const table = quoteIdent(plan.spec.table);
  const k = quoteIdent(key);
  const finFilter = plan.finColumn ? "_fin IS NULL AND" : "";
  // Cheap test first (one hash aggregate); the window that finds the lines runs only on failure.
  const distinct = await one(
    con,
    `SELECT count(${k}) - count(DISTINCT ${k}) AS d FROM ${table} WHERE ${finFilter} true`
  );
  if (num(distinct.d) === 0) return;
  const dup = await one(
    con,
    `WITH d AS (SELECT rowid AS r, ${k} AS k, row_number() OVER (PARTITION BY ${k} ORDER BY rowid) AS n,
                       min(rowid) OVER (PARTITION BY ${k}) AS f
                FROM ${table} WHERE ${finFilter} ${k} IS NOT NULL)
     SELECT count(*) AS c, arg_min(r, r) AS r, arg_min(CAST(k AS VARCHAR), r) AS k, arg_min(f, r) AS f FROM d WHERE n > 1`
  );
  const count = num(dup.c);
  if (count === 0) return;
  throw new SourceError({
    file: plan.file,
    line: await lineOf(num(dup.r)),
    column: key,
    value: String(dup.k),
    reason: "duplicate_key",
    others: count - 1,
    detail: detail.duplicate(await lineOf(num(dup.f)))
  });
}

/** Removes the FIN row and the helper columns: the table is then exactly schema.ts's. */
export async function finishTable(con: DuckDBConnection, spec: TableSpec): Promise<void> {
  const table = quoteIdent(spec.table);
  await con.run(`DELETE FROM ${table} WHERE _fin IS NOT NULL`);
  for (const helper of ["_p", "_v", "_fin"]) await con.run(`ALTER TABLE ${table} DROP COLUMN ${helper}`);
}
