// SqlEngine over an embedded DuckDB database file (the staged tables), with values
// normalised as engine.ts says: integers → number, DATE → "YYYY-MM-DD",
// TIMESTAMP → "YYYY-MM-DDTHH:MM:SS", DECIMAL → number.
import {
  DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  type DuckDBValue
} from "@duckdb/node-api";
import type {Row, SqlEngine} from "./engine.ts";

export interface DuckDbOptions {
  readonly readOnly?: boolean;
  /** DuckDB `threads` (default: DuckDB's own, the number of cores). */
  readonly threads?: number;
  /** DuckDB `memory_limit`, e.g. "1GB". */
  readonly memoryLimit?: string;
  /** Where DuckDB may spill when over memory_limit. */
  readonly tempDirectory?: string;
  /** Let the connection report query progress (`connection.progress`), without printing it. */
  readonly progress?: boolean;
}

export interface DuckDbEngine extends SqlEngine {
  readonly dialect: "duckdb";
  /** The raw connection, for staging (progress, bulk statements). */
  readonly connection: DuckDBConnection;
  /** Another raw connection to the same database (to stage files side by side); close it with closeSync. */
  connect(): Promise<DuckDBConnection>;
}

export async function openDuckDb(path: string, options: DuckDbOptions = {}): Promise<DuckDbEngine> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = "READ_ONLY";
  if (options.threads) config.threads = String(options.threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  // Keep the memory of freed blocks for the next ones instead of giving it back to the
  // system: each block otherwise comes back as fresh pages, one page fault per 4 KB, and
  // on these virtual machines the faults took a quarter of the staging's CPU (national
  // candidatures: 330 000 faults, 13.6 s CPU; with the memory kept, 220 000 and 11 s).
  // Bounded by the memory limit, so the peak memory stays where it was.
  config.block_allocator_memory = options.memoryLimit ?? "1GB";
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  // Row order of a scan must follow the file (line numbers in messages rely on it).
  config.preserve_insertion_order = "true";
  const instance = await DuckDBInstance.create(path, config);
  const connect = async () => {
    const con = await instance.connect();
    // Off by default in DuckDB: progress would always read -1.
    if (options.progress) await con.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
    return con;
  };
  const connection = await connect();
  let closed = false;
  return {
    dialect: "duckdb",
    connection,
    connect,
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      // A connection of its own per query: one connection runs one query at a time, and
      // loaders computing several datasets at once would otherwise wait in line.
      const own = await instance.connect();
      try {
        const reader = await own.runAndReadAll(sql, params as DuckDBValue[]);
        return reader.getRowObjects().map((row) => normaliseRow(row) as T);
      } finally {
        own.closeSync();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      connection.closeSync();
      instance.closeSync();
    }
  };
}

function normaliseRow(row: Record<string, DuckDBValue>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = normaliseValue(value);
  return out;
}

export function normaliseValue(value: DuckDBValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue) return value.toString().replace(" ", "T");
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return String(value);
}
