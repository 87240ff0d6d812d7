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
// How: the file is read as text (all_varchar) and inserted once into its staged table with
// every column cast to its type, plus two helper columns computed in the same pass:
//   _p   problem code of the row's first faulty cell (NULL for a clean row),
//   _fin the fluxIAE FIN line, recognised by its first column starting with "FIN".
// The table's rowid is the data row index: DuckDB keeps the file order when
// preserve_insertion_order is on (set in duckdb-engine.ts), so line = rowid + offset.
// Checks are then cheap queries over the typed table, and the helper columns are dropped.
// Only when a file is refused is it read once more, for the raw text of the faulty cell.
import type {DuckDBConnection} from "@duckdb/node-api";
import {SourceError, type ProblemReason} from "./errors.ts";
import {detail} from "./messages.ts";
import {classifyColumns, looksLikeNirSql, NIR_CHECKED_COLUMNS} from "./personal.ts";
import {quoteIdent, SQL_TYPES, type ColumnSpec, type TableSpec} from "./schema.ts";

export type SourceFormat = "fluxiae" | "emplois";

/** What a header holds besides the columns read. */
export interface HeaderReport {
  /** Columns of the file that are not read (every extra column), in file order. */
  readonly unread: string[];
  /** Among them, contact details of an organisation (see personal.ts): never read, listed. */
  readonly contact: string[];
}

/**
 * Checks a file's header (at `line` of the file): no personal column (named, its values
 * never read), and every required column of the table present. Extra columns are ignored
 * and returned, contact columns of an organisation among them.
 * @throws SourceError `personal_field` or `missing_column`.
 */
export function checkHeader(spec: TableSpec, header: readonly string[], file: string, line: number): HeaderReport {
  const {personal, contact} = classifyColumns(spec.source, [...header]);
  const read = new Set(spec.columns.map((c) => c.name));
  // A column the table reads is the organisation's own (emplois `structures.nom`).
  const refused = personal.filter((p) => !read.has(p.column));
  if (refused.length) {
    throw new SourceError({
      file,
      line,
      column: refused.map((p) => p.column).join(", "),
      value: null,
      reason: "personal_field"
    });
  }
  for (const col of spec.columns) {
    if (!header.includes(col.name))
      throw new SourceError({file, line, column: col.name, value: null, reason: "missing_column"});
  }
  return {
    unread: header.filter((h) => h !== "" && !read.has(h)),
    contact: contact.map((c) => c.column).filter((c) => !read.has(c))
  };
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
        : // Exactly AAAA-MM-JJ (TRY_CAST alone takes "2025-01-1a" for 2025-01-01); a GLOB
          // is cheaper than a regular expression, with the same ASCII digits.
          `(CASE WHEN ${raw} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN TRY_CAST(${raw} AS DATE) END)`;
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
    // A cast to an ENUM of the list (one hash lookup): DuckDB plans `NOT IN (…)` of six values
    // or more as a join, and the load then reports no progress; comparisons cost more.
    checks.push({
      cond: `${raw} IS NOT NULL AND TRY_CAST(${raw} AS ENUM(${col.values.map(sqlString).join(", ")})) IS NULL`,
      reason: "unknown_code"
    });
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

/**
 * How DuckDB stores a staged column. The staged file is a build cache, read by the loaders
 * and replaced with the next input, so its strings are stored plain: DuckDB's search for a
 * string compression (FSST, dictionary) over identifiers and free text took a fifth of the
 * staging time at national scale, to save disk space a cache can spare (630 MB instead of
 * 240 MB). A closed list of codes keeps a dictionary (a handful of values: small and
 * cheap). Other types keep DuckDB's own choice.
 */
function storage(col: ColumnSpec): string {
  if (col.type !== "text") return "";
  return col.values ? " USING COMPRESSION dictionary" : " USING COMPRESSION uncompressed";
}

/**
 * The two statements that stage a file: the typed table with its helper columns, then
 * one pass over the file that types, checks and inserts every row.
 */
export function loadSql(plan: LoadPlan): {create: string; insert: string} {
  const {spec, format} = plan;
  const table = quoteIdent(spec.table);
  const raw = (i: number) => `r${i}`;
  const inner = spec.columns.map((c, i) => `${quoteIdent(c.name)} AS ${raw(i)}`);
  if (plan.finColumn) inner.push(`${quoteIdent(plan.finColumn)} AS rfin`);
  const finGuard = plan.finColumn ? `NOT coalesce(starts_with(rfin, 'FIN'), false)` : "true";

  // Each cell is typed once, in a middle projection, and the checks read the typed value
  // back (`t<i>`): written inline, every typing expression ran twice per cell.
  const typedName = (i: number) => `t${i}`;
  const middle = spec.columns.map((c, i) =>
    c.type === "text" ? raw(i) : `${raw(i)}, ${typedExpr(c, raw(i), format)} AS ${typedName(i)}`
  );
  if (plan.finColumn) middle.push("rfin");
  const typed = spec.columns.map((c, i) => (c.type === "text" ? raw(i) : typedName(i)));
  const whens = spec.columns.flatMap((col, i) =>
    columnChecks(col, raw(i), typed[i]!).map(
      (check) => `WHEN ${check.cond} THEN ${i * 8 + REASON_CODES.indexOf(check.reason)}`
    )
  );
  const outer = [...typed];
  outer.push(whens.length ? `CASE WHEN ${finGuard} THEN CASE ${whens.join(" ")} END END` : "NULL");
  outer.push(plan.finColumn ? `CASE WHEN NOT (${finGuard}) THEN rfin END` : "NULL");
  const columns = spec.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPES[c.type]}${storage(c)}`);
  return {
    create: `CREATE TABLE ${table} (${columns.join(", ")}, _p INTEGER, _fin VARCHAR)`,
    insert: `INSERT INTO ${table} SELECT ${outer.join(", ")} FROM (SELECT ${middle.join(", ")} FROM (SELECT ${inner.join(", ")} FROM ${plan.from}))`
  };
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
      `SELECT rowid AS r, _p AS p FROM ${table} WHERE _p IS NOT NULL ORDER BY rowid LIMIT 1`
    );
    const code = num(first.p);
    const col = plan.spec.columns[Math.floor(code / 8)]!;
    const reason = REASON_CODES[code % 8]!;
    throw new SourceError({
      file: plan.file,
      line: await lineOf(num(first.r)),
      column: col.name,
      // A personal value is never read back, let alone shown.
      value: reason === "personal_value" ? null : await rawCell(con, plan, num(first.r), col.name),
      reason,
      others: count - 1,
      detail: problemDetail(col, reason)
    });
  }
  await checkDuplicates(con, plan, lineOf);
}

/** The raw text of one cell, read again from the file (row order is the file's, see above). */
async function rawCell(con: DuckDBConnection, plan: LoadPlan, row: number, column: string): Promise<string | null> {
  const cell = await one(con, `SELECT ${quoteIdent(column)} AS v FROM ${plan.from} LIMIT 1 OFFSET ${row}`);
  return (cell.v as string | null | undefined) ?? null;
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
  // Cheap test first: keys whose 64-bit hashes all differ are all different (hashes are
  // quicker to count than long text keys). Only when some hashes repeat (a duplicate, or
  // very rarely two keys with one hash) does the exact window that finds the lines run.
  const distinct = await one(
    con,
    `SELECT count(*) - count(DISTINCT hash(${k})) AS d FROM ${table} WHERE ${finFilter} ${k} IS NOT NULL`
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
  for (const helper of ["_p", "_fin"]) await con.run(`ALTER TABLE ${table} DROP COLUMN ${helper}`);
}

/**
 * Duplicate statements (tables with a `statementKey`, see schema.ts): identical rows count
 * once — the extra copies are deleted and their number returned —, rows equal on the key
 * but different elsewhere refuse the file, naming both lines. Run after checkRows, before
 * finishTable (the FIN row is still there, marked by `_fin`).
 * @returns the number of duplicate rows dropped (0 when the table has no statement key).
 * @throws SourceError `conflicting_statement`.
 */
export async function dropDuplicateStatements(
  con: DuckDBConnection,
  plan: LoadPlan,
  lineOf: (rowIndex: number) => Promise<number>
): Promise<number> {
  const key = plan.spec.statementKey;
  if (!key) return 0;
  const table = quoteIdent(plan.spec.table);
  const keys = key.map(quoteIdent);
  const all = plan.spec.columns.map((c) => quoteIdent(c.name));
  const data = plan.finColumn ? "_fin IS NULL" : "true";
  // Cheap test first (as for keys): when the hashes of the keys all differ, nothing repeats.
  const repeated = await one(
    con,
    `SELECT count(*) - count(DISTINCT hash(${keys.join(", ")})) AS d FROM ${table} WHERE ${data}`
  );
  if (num(repeated.d) === 0) return 0;
  const sameKey = keys.map((k) => `a.${k} IS NOT DISTINCT FROM b.${k}`).join(" AND ");
  const differs = all.map((c) => `a.${c} IS DISTINCT FROM b.${c}`).join(" OR ");
  const conflict = await one(
    con,
    `SELECT count(*) AS c, min(b.rowid) AS r, arg_min(a.rowid, b.rowid) AS f,
            arg_min(${differingColumnSql(plan.spec)}, b.rowid) AS col,
            arg_min(${differingValueSql(plan.spec, "b")}, b.rowid) AS vb,
            arg_min(${differingValueSql(plan.spec, "a")}, b.rowid) AS va
     FROM ${table} a JOIN ${table} b ON ${sameKey} AND a.rowid < b.rowid
     WHERE a._fin IS NULL AND b._fin IS NULL AND (${differs})`
  );
  if (num(conflict.c) > 0) {
    throw new SourceError({
      file: plan.file,
      line: await lineOf(num(conflict.r)),
      column: String(conflict.col),
      value: shownValue(conflict.vb),
      reason: "conflicting_statement",
      others: num(conflict.c) - 1,
      detail: detail.conflict(await lineOf(num(conflict.f)), key, shownValue(conflict.va))
    });
  }
  const dropped = await con.run(
    `DELETE FROM ${table} WHERE rowid IN (
       SELECT r FROM (SELECT rowid AS r, row_number() OVER (PARTITION BY ${all.join(", ")} ORDER BY rowid) AS n
                      FROM ${table} WHERE ${data}) d WHERE n > 1)`
  );
  return Number(dropped.rowsChanged);
}

/** SQL (over rows `a`, `b` of one table): the name of the first column where they differ. */
function differingColumnSql(spec: TableSpec): string {
  const whens = spec.columns.map(
    (c) => `WHEN a.${quoteIdent(c.name)} IS DISTINCT FROM b.${quoteIdent(c.name)} THEN ${sqlString(c.name)}`
  );
  return `CASE ${whens.join(" ")} END`;
}

/**
 * SQL (over rows `a`, `b`): the value, as text, that row `side` holds in the first column
 * where they differ. Statement columns are identifiers, periods, states and hours: nothing
 * personal, so both values may be shown.
 */
function differingValueSql(spec: TableSpec, side: "a" | "b"): string {
  const whens = spec.columns.map(
    (c) =>
      `WHEN a.${quoteIdent(c.name)} IS DISTINCT FROM b.${quoteIdent(c.name)} THEN COALESCE(CAST(${side}.${quoteIdent(c.name)} AS VARCHAR), '')`
  );
  return `CASE ${whens.join(" ")} END`;
}

/** A conflicting value as the message shows it (an empty field is named as such). */
const shownValue = (v: unknown): string => (v === null || v === undefined || v === "" ? "(vide)" : String(v));
