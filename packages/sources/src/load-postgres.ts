// Fills a PostgreSQL database with the staged tables (tests, demos, a fresh warehouse):
// from a staged DuckDB file, or from a sources folder (staged first, in a temporary
// cache). Tables are created with createTableSql in the engine's schema (search_path).
// Rows travel in batches of parameterised INSERTs: simple and driver-neutral, fine for
// sample sizes (a national warehouse is loaded by its own ETL, not by this).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {openDuckDb} from "./duckdb-engine.ts";
import type {SqlEngine} from "./engine.ts";
import {recordingEffects} from "./progress.ts";
import {ALL_TABLES, createTableSql, quoteIdent, SQL_TYPES} from "./schema.ts";
import {stage} from "./stage.ts";

/** `source`: a staged `.duckdb` file, or a sources folder (fluxIAE files + emplois/). */
export async function loadIntoPostgres(engine: SqlEngine, source: string): Promise<void> {
  if (source.endsWith(".duckdb")) return copyFromDuckDb(engine, source);
  const cacheDir = mkdtempSync(join(tmpdir(), "pilotage-load-"));
  try {
    const staged = await stage(
      {sources: {kind: "folder", folder: source, origin: "env"}, cacheDir},
      recordingEffects()
    );
    await copyFromDuckDb(engine, staged.dbPath!);
  } finally {
    rmSync(cacheDir, {recursive: true, force: true});
  }
}

async function copyFromDuckDb(engine: SqlEngine, dbPath: string): Promise<void> {
  const duck = await openDuckDb(dbPath, {readOnly: true});
  try {
    for (const spec of ALL_TABLES) {
      await engine.query(createTableSql(spec));
      const names = spec.columns.map((c) => quoteIdent(c.name));
      const batch = Math.max(1, Math.floor(20_000 / names.length));
      for (let offset = 0; ; offset += batch) {
        const rows = await duck.query(
          `SELECT ${names.join(", ")} FROM ${quoteIdent(spec.table)} ORDER BY rowid LIMIT ${batch} OFFSET ${offset}`
        );
        if (!rows.length) break;
        const params: unknown[] = [];
        const tuples = rows.map((row) => {
          const slots = spec.columns.map((c) => {
            params.push(row[c.name] ?? null);
            return `$${params.length}::${SQL_TYPES[c.type]}`;
          });
          return `(${slots.join(", ")})`;
        });
        await engine.query(
          `INSERT INTO ${quoteIdent(spec.table)} (${names.join(", ")}) VALUES ${tuples.join(", ")}`,
          params
        );
        if (rows.length < batch) break;
      }
    }
  } finally {
    await duck.close();
  }
}
