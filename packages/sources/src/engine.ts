// The one interface the indicator layer queries: staged tables on the embedded engine
// (DuckDB) or the same tables in the PostgreSQL warehouse (pg server, or PGlite in tests).
// Values come back normalised so that both engines give identical rows:
// integers and counts as JS numbers, dates as "YYYY-MM-DD" strings, timestamps as ISO
// strings, booleans as booleans, SQL NULL as null.

export type Dialect = "duckdb" | "postgres";

export type Row = Record<string, string | number | boolean | null>;

export interface SqlEngine {
  readonly dialect: Dialect;
  /** Runs one statement; `$1`, `$2`… placeholders on both engines. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
