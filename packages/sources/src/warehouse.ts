// The PostgreSQL warehouse as a source: the tables of schema.ts, same names, in one schema.
// Checked in place, by SQL inside PostgreSQL (no row is pulled across): tables and
// columns present with compatible types (information_schema), then the same row policy
// as the files (validate.ts: any problem refuses, first example plus a count), then row
// and orphan counts for the quality report.
import type {SqlEngine} from "./engine.ts";
import {SourceError, type ProblemReason} from "./errors.ts";
import {detail} from "./messages.ts";
import {looksLikeNirSql, NIR_CHECKED_COLUMNS} from "./personal.ts";
import {countCodes, countOrphans, countRows, type MissingTable, type QualityReport} from "./quality.ts";
import {ALL_TABLES, quoteIdent, type ColumnSpec, type ColumnType, type TableSpec} from "./schema.ts";

/** Native identifier types of a warehouse, accepted wherever the CSV export has text (domain.md). */
const IDENTIFIER_TYPES = ["uuid", "integer", "bigint", "smallint"];

/** PostgreSQL data_type values accepted for each logical column type. */
const COMPATIBLE: Record<ColumnType, readonly string[]> = {
  integer: ["integer", "smallint", "bigint"],
  bigint: ["bigint", "integer", "smallint"],
  double: ["double precision", "real", "numeric", "integer", "smallint", "bigint"],
  text: ["text", "character varying", "character"],
  boolean: ["boolean"],
  date: ["date"],
  timestamp: ["timestamp without time zone", "timestamp with time zone"]
};

/**
 * Checks the warehouse tables of schema.ts in `schema` and returns the quality report.
 * An optional table that is missing is reported, not refused.
 * @throws SourceError `missing_table`, `missing_column`, `incompatible_type`, or a row problem.
 */
export async function checkWarehouse(engine: SqlEngine, schema: string): Promise<QualityReport> {
  const rows = await engine.query<{table_name: string; column_name: string; data_type: string}>(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1",
    [schema]
  );
  const columns = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!columns.has(r.table_name)) columns.set(r.table_name, new Map());
    columns.get(r.table_name)!.set(r.column_name, r.data_type);
  }
  const missingTables: MissingTable[] = [];
  const tables = ALL_TABLES.filter((spec) => {
    if (columns.has(spec.table) || !spec.optional) return true;
    missingTables.push({table: spec.table, source: spec.source, file: `${schema}.${spec.table}`});
    return false;
  });
  for (const spec of tables) {
    const where = `${schema}.${spec.table}`;
    const found = columns.get(spec.table);
    if (!found) throw new SourceError({file: where, line: null, column: null, value: null, reason: "missing_table"});
    for (const col of spec.columns) {
      const type = found.get(col.name);
      if (type === undefined)
        throw new SourceError({file: where, line: null, column: col.name, value: null, reason: "missing_column"});
      const accepted = col.identifier ? [...COMPATIBLE[col.type], ...IDENTIFIER_TYPES] : COMPATIBLE[col.type];
      if (!accepted.includes(type)) {
        throw new SourceError({
          file: where,
          line: null,
          column: col.name,
          value: null,
          reason: "incompatible_type",
          detail: detail.warehouseType(type, col.type)
        });
      }
    }
  }
  const duplicates = new Map<string, number>();
  for (const spec of tables) {
    await checkTableRows(engine, schema, spec);
    duplicates.set(spec.table, await countDuplicateStatements(engine, schema, spec));
  }
  const present = new Set(tables.map((t) => t.table));
  const counts = await countRows(engine, schema, present);
  return {
    version: 1,
    sourceKind: "warehouse",
    generatedAt: new Date().toISOString(),
    referenceDate: null,
    rowPolicy: "refuse",
    files: tables.map((spec) => ({
      table: spec.table,
      source: spec.source,
      family: spec.family,
      file: `${schema}.${spec.table}`,
      extractedAt: null,
      rows: counts.get(spec.table) ?? 0,
      duplicatesDropped: duplicates.get(spec.table) ?? 0,
      // Only the columns of schema.ts are ever selected: other columns are not listed.
      unreadColumns: [],
      contactColumns: []
    })),
    ignored: [],
    orphans: await countOrphans(engine, schema, present),
    missingTables,
    codes: await countCodes(engine, present, schema)
  };
}

interface Check {
  readonly col: ColumnSpec;
  readonly reason: ProblemReason;
  readonly cond: string;
}

function checksOf(spec: TableSpec): Check[] {
  const checks: Check[] = [];
  for (const col of spec.columns) {
    const c = quoteIdent(col.name);
    if (col.nullable === false) checks.push({col, reason: "null_required", cond: `${c} IS NULL`});
    if (col.values)
      checks.push({
        col,
        reason: "unknown_code",
        cond: `${c}::text NOT IN (${col.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")})`
      });
    if (col.min !== undefined) checks.push({col, reason: "negative", cond: `${c} < ${col.min}`});
    if (NIR_CHECKED_COLUMNS.includes(col.name))
      checks.push({col, reason: "personal_value", cond: looksLikeNirSql(`${c}::text`, "postgres")});
  }
  return checks;
}

async function checkTableRows(engine: SqlEngine, schema: string, spec: TableSpec): Promise<void> {
  const table = `${quoteIdent(schema)}.${quoteIdent(spec.table)}`;
  const where = `${schema}.${spec.table}`;
  const checks = checksOf(spec);
  if (checks.length) {
    const counts = checks.map((ch, i) => `count(*) FILTER (WHERE ${ch.cond}) AS c${i}`);
    const faulty = checks.map((ch) => `(${ch.cond})`).join(" OR ");
    const [row] = await engine.query(
      `SELECT count(*) FILTER (WHERE ${faulty}) AS total, ${counts.join(", ")} FROM ${table}`
    );
    const first = checks.findIndex((_, i) => Number(row?.[`c${i}`] ?? 0) > 0);
    if (first >= 0) {
      const ch = checks[first]!;
      const personal = ch.reason === "personal_value";
      const [example] = personal
        ? []
        : await engine.query(`SELECT ${quoteIdent(ch.col.name)}::text AS v FROM ${table} WHERE ${ch.cond} LIMIT 1`);
      throw new SourceError({
        file: where,
        line: null,
        column: ch.col.name,
        value: personal ? null : ((example?.v as string | null | undefined) ?? null),
        reason: ch.reason,
        others: Number(row?.total ?? 1) - 1,
        detail: ch.reason === "unknown_code" && ch.col.values ? detail.accepted(ch.col.values) : undefined
      });
    }
  }
  if (spec.key) {
    const k = quoteIdent(spec.key);
    const [dup] = await engine.query(
      `SELECT count(*) AS n, min(k) AS k FROM (SELECT ${k}::text AS k FROM ${table} WHERE ${k} IS NOT NULL GROUP BY ${k} HAVING count(*) > 1) d`
    );
    if (Number(dup?.n ?? 0) > 0) {
      throw new SourceError({
        file: where,
        line: null,
        column: spec.key,
        value: String(dup!.k),
        reason: "duplicate_key",
        others: Number(dup!.n) - 1
      });
    }
  }
}

/**
 * Duplicate statements in the warehouse (tables with a `statementKey`): identical rows are
 * counted (the indicators read them once: SELECT DISTINCT), rows equal on the key but
 * different elsewhere refuse the table. Counted inside PostgreSQL.
 * @throws SourceError `conflicting_statement`.
 */
async function countDuplicateStatements(engine: SqlEngine, schema: string, spec: TableSpec): Promise<number> {
  if (!spec.statementKey) return 0;
  const table = `${quoteIdent(schema)}.${quoteIdent(spec.table)}`;
  const keys = spec.statementKey.map(quoteIdent).join(", ");
  const all = spec.columns.map((c) => quoteIdent(c.name)).join(", ");
  const [row] = await engine.query<{n: number; d: number; k: number}>(
    `SELECT (SELECT count(*) FROM ${table}) AS n,
            (SELECT count(*) FROM (SELECT DISTINCT ${all} FROM ${table}) d) AS d,
            (SELECT count(*) FROM (SELECT DISTINCT ${keys} FROM ${table}) k) AS k`
  );
  const rows = Number(row?.n ?? 0);
  const distinctRows = Number(row?.d ?? 0);
  const distinctKeys = Number(row?.k ?? 0);
  if (distinctRows > distinctKeys) {
    const [example] = await engine.query<Record<string, string>>(
      `SELECT ${spec.statementKey.map((k) => `${quoteIdent(k)}::text AS ${quoteIdent(k)}`).join(", ")}
       FROM (SELECT DISTINCT ${all} FROM ${table}) d GROUP BY ${keys} HAVING count(*) > 1 LIMIT 1`
    );
    throw new SourceError({
      file: `${schema}.${spec.table}`,
      line: null,
      column: spec.statementKey.join(", "),
      value: example ? spec.statementKey.map((k) => example[k] ?? "").join(" | ") : null,
      reason: "conflicting_statement",
      others: distinctRows - distinctKeys - 1
    });
  }
  return rows - distinctRows;
}
