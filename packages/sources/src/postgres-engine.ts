// SqlEngine over PostgreSQL: a server through `pg`, or PGlite (PostgreSQL in WebAssembly,
// in-process) for tests and fresh machines. Values are normalised like DuckDB's
// (engine.ts): int8 and numeric → number (counts and sums), date → "YYYY-MM-DD",
// timestamp → "YYYY-MM-DDTHH:MM:SS". Type parsers are set per client, never globally.
import {PGlite} from "@electric-sql/pglite";
import pg from "pg";
import type {Row, SqlEngine} from "./engine.ts";
import {quoteIdent} from "./schema.ts";

export interface PostgresEngine extends SqlEngine {
  readonly dialect: "postgres";
  /** Schema every unqualified table name resolves to (search_path). */
  readonly schema: string;
}

const OID = {int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184} as const;

const toNumber = (v: string) => Number(v);
const identity = (v: string) => v;
const isoTimestamp = (v: string) => v.replace(" ", "T");

/** Parsers by type OID, shared by both drivers. */
const PARSERS: Record<number, (value: string) => unknown> = {
  [OID.int8]: toNumber,
  [OID.numeric]: toNumber,
  [OID.date]: identity,
  [OID.timestamp]: isoTimestamp,
  [OID.timestamptz]: isoTimestamp
};

/** A PostgreSQL server (the warehouse): tables are read from `schema`. */
export async function openWarehouse(url: string, schema = "public"): Promise<PostgresEngine> {
  const types = {
    getTypeParser(oid: number, format?: string) {
      return PARSERS[oid] ?? (pg.types.getTypeParser as (o: number, f?: string) => (v: string) => unknown)(oid, format);
    }
  };
  const client = new pg.Client({connectionString: url, types: types as pg.CustomTypesConfig});
  await client.connect();
  await client.query(`SET search_path TO ${quoteIdent(schema)}`);
  return {
    dialect: "postgres",
    schema,
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    close: () => client.end()
  };
}

export interface PgliteOptions {
  /** Folder to keep the database in; in memory when absent. */
  readonly dataDir?: string;
  readonly schema?: string;
}

/** Embedded PostgreSQL (PGlite). The schema is created if missing. */
export async function openPglite(options: PgliteOptions = {}): Promise<PostgresEngine> {
  const schema = options.schema ?? "public";
  const parsers = PARSERS as Record<number, (value: string) => unknown>;
  const db = await PGlite.create({...(options.dataDir ? {dataDir: options.dataDir} : {}), parsers});
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}`);
  return {
    dialect: "postgres",
    schema,
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await db.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    close: () => db.close()
  };
}
