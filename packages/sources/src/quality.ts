// The quality report: what was read, from which extraction, what was ignored, and which
// references point nowhere. Written to current.json and returned by stage().
// Orphans are counted, not refused: a statement whose annexe is missing from this
// extraction is a fact worth showing, and the indicators decide how to treat it.
// Counting is plain SQL, the same on DuckDB (staged tables) and PostgreSQL (warehouse),
// so on the warehouse no row ever leaves the server.
import type {SqlEngine} from "./engine.ts";
import {CODE_COLUMNS, codeCountSql} from "./codes.ts";
import {ALL_TABLES, quoteIdent} from "./schema.ts";

export interface FileReport {
  /** Staged table. */
  readonly table: string;
  /** fluxIAE view or emplois table. */
  readonly source: string;
  readonly family: "fluxiae" | "emplois";
  /** File relative to the sources folder; for the warehouse, `schema.table`. */
  readonly file: string;
  /** Extraction date-time from the fluxIAE file name (ISO); null for emplois and warehouse. */
  readonly extractedAt: string | null;
  /** Data rows read (staged, but for identical duplicate statements: the row policy refuses rather than sets aside). */
  readonly rows: number;
  /** Identical duplicate statements counted once (EtatMensuelIndiv; 0 elsewhere). */
  readonly duplicatesDropped: number;
  /** Columns of the file left unread (not needed by any figure), in file order; [] for the warehouse. */
  readonly unreadColumns: readonly string[];
  /** Among them, an organisation's contact details (phones, e-mail, correspondent's name): never read. */
  readonly contactColumns: readonly string[];
}

/** An optional table (schema.ts) absent from the sources: its figures are removed. */
export interface MissingTable {
  readonly table: string;
  readonly source: string;
  /** The file (or `schema.table`) that was looked for. */
  readonly file: string;
}

/** Territory codes of one column (codes.ts): how many were normalised, how many map to no département. */
export interface CodeCount {
  readonly table: string;
  readonly column: string;
  /** Non-empty codes rewritten to be read (leading zero added, blanks removed, upper case). */
  readonly normalised: number;
  /** Non-empty codes whose département is none of the 101: rows kept in the national total only. */
  readonly unknown: number;
}

export interface IgnoredFile {
  readonly view: string;
  readonly file: string;
  readonly extractedAt: string;
  /** The newer file chosen instead. */
  readonly supersededBy: string;
}

export interface OrphanCount {
  readonly table: string;
  readonly column: string;
  /** `table.column` the value should exist in. */
  readonly target: string;
  /** Rows whose non-null value is not found in the target. */
  readonly rows: number;
}

export interface QualityReport {
  readonly version: 1;
  readonly sourceKind: "folder" | "warehouse";
  readonly generatedAt: string;
  /** Newest extraction date found in the fluxIAE file names (YYYY-MM-DD); null for the warehouse. */
  readonly referenceDate: string | null;
  /** Row-level problems refuse the source (see validate.ts): nothing is ever set aside. */
  readonly rowPolicy: "refuse";
  readonly files: readonly FileReport[];
  readonly ignored: readonly IgnoredFile[];
  readonly orphans: readonly OrphanCount[];
  /** Optional tables missing (their figures are removed, and the pages say so). */
  readonly missingTables: readonly MissingTable[];
  /** Territory code columns, in the order of codes.ts. */
  readonly codes: readonly CodeCount[];
}

/** Code counts of every code column of the tables present, run by the engine (DuckDB or PostgreSQL). */
export async function countCodes(
  engine: SqlEngine,
  present: ReadonlySet<string>,
  schema?: string
): Promise<CodeCount[]> {
  const out: CodeCount[] = [];
  for (const code of CODE_COLUMNS) {
    if (!present.has(code.table)) continue;
    const from = schema ? `${quoteIdent(schema)}.${quoteIdent(code.table)}` : quoteIdent(code.table);
    const [row] = await engine.query<{normalised: number; unknown: number}>(codeCountSql(code, from));
    out.push({
      table: code.table,
      column: code.column,
      normalised: Number(row?.normalised ?? 0),
      unknown: Number(row?.unknown ?? 0)
    });
  }
  return out;
}

/**
 * Whether `table` exists in the engine's current schema (an optional table may be missing).
 * Same SQL on DuckDB and PostgreSQL.
 */
export async function hasTable(engine: SqlEngine, table: string): Promise<boolean> {
  const [row] = await engine.query<{n: number}>(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema()",
    [table]
  );
  return Number(row?.n ?? 0) > 0;
}

/** A reference declared in schema.ts: each value of `table.column` should be a `targetTable.targetColumn`. */
export interface Reference {
  readonly table: string;
  readonly column: string;
  readonly targetTable: string;
  readonly targetColumn: string;
}

export const REFERENCES: readonly Reference[] = ALL_TABLES.flatMap((spec) =>
  (spec.references ?? []).map((ref) => ({
    table: spec.table,
    column: ref.column,
    targetTable: ref.table,
    targetColumn: ref.target
  }))
);

/** Rows of `ref.table` whose non-null reference is found nowhere in the target. */
export async function countOrphan(engine: SqlEngine, ref: Reference, schema?: string): Promise<OrphanCount> {
  const q = (t: string) => (schema ? `${quoteIdent(schema)}.${quoteIdent(t)}` : quoteIdent(t));
  const col = quoteIdent(ref.column);
  const [row] = await engine.query<{n: number}>(
    `SELECT count(*) AS n FROM ${q(ref.table)} s WHERE s.${col} IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ${q(ref.targetTable)} t WHERE t.${quoteIdent(ref.targetColumn)} = s.${col})`
  );
  return {
    table: ref.table,
    column: ref.column,
    target: `${ref.targetTable}.${ref.targetColumn}`,
    rows: Number(row?.n ?? 0)
  };
}

/** Orphan counts for every reference, in the order of schema.ts. */
export async function countOrphans(
  engine: SqlEngine,
  schema?: string,
  present?: ReadonlySet<string>
): Promise<OrphanCount[]> {
  const out: OrphanCount[] = [];
  for (const ref of REFERENCES)
    if (!present || (present.has(ref.table) && present.has(ref.targetTable)))
      out.push(await countOrphan(engine, ref, schema));
  return out;
}

/** Rows per staged table, counted by the engine. */
export async function countRows(
  engine: SqlEngine,
  schema?: string,
  present?: ReadonlySet<string>
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const spec of ALL_TABLES) {
    if (present && !present.has(spec.table)) continue;
    const name = schema ? `${quoteIdent(schema)}.${quoteIdent(spec.table)}` : quoteIdent(spec.table);
    const [row] = await engine.query<{n: number}>(`SELECT count(*) AS n FROM ${name}`);
    counts.set(spec.table, Number(row?.n ?? 0));
  }
  return counts;
}
