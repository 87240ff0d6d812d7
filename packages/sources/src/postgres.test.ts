import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDb} from "./duckdb-engine.ts";
import type {SqlEngine} from "./engine.ts";
import {SourceError} from "./errors.ts";
import {loadIntoPostgres} from "./load-postgres.ts";
import {openPglite, openWarehouse, type PostgresEngine} from "./postgres-engine.ts";
import {recordingEffects} from "./progress.ts";
import {ALL_TABLES, quoteIdent} from "./schema.ts";
import {stage, type StageResult} from "./stage.ts";
import {tempDir, writeSample} from "./test-fixtures.ts";
import {checkWarehouse} from "./warehouse.ts";

/** Every staged table, every column, in a stable order: must be identical on both engines. */
async function dump(engine: SqlEngine): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const spec of ALL_TABLES) {
    const cols = spec.columns.map((c) => quoteIdent(c.name)).join(", ");
    out[spec.table] = await engine.query(`SELECT ${cols} FROM ${quoteIdent(spec.table)} ORDER BY ${cols}`);
  }
  return out;
}

/** Aggregates exercising the normalisation (count → int8, sum of integer → int8/hugeint, avg → numeric/double, dates). */
const AGGREGATES = `SELECT count(*) AS n, sum(emi_sme_mois) AS months, sum(emi_nb_heures_travail) AS hours,
  min(emi_sme_annee) AS year FROM emi`;

let staged: StageResult;
let duckRows: Record<string, unknown[]>;
let duckAggregates: unknown[];

beforeAll(async () => {
  staged = await stage(
    {sources: {kind: "folder", folder: writeSample(tempDir()), origin: "env"}, cacheDir: tempDir()},
    recordingEffects()
  );
  const duck = await openDuckDb(staged.dbPath!, {readOnly: true});
  duckRows = await dump(duck);
  duckAggregates = await duck.query(AGGREGATES);
  await duck.close();
});

async function checkSameAsDuckDb(pg: PostgresEngine) {
  expect(await dump(pg)).toEqual(duckRows);
  expect(await pg.query(AGGREGATES)).toEqual(duckAggregates);
  const quality = await checkWarehouse(pg, pg.schema);
  expect(quality.files.map((f) => f.rows)).toEqual(staged.quality.files.map((f) => f.rows));
  expect(quality.orphans).toEqual(staged.quality.orphans);
}

describe("PostgreSQL on PGlite", () => {
  let pg: PostgresEngine;
  beforeAll(async () => {
    pg = await openPglite({schema: "pilotage"});
    await loadIntoPostgres(pg, staged.dbPath!);
  });
  afterAll(() => pg.close());

  it("gives the same normalised rows, counts and orphans as DuckDB", async () => {
    await checkSameAsDuckDb(pg);
    expect(duckAggregates).toMatchObject([{n: 3, months: 11, year: 2025}]);
    expect((duckAggregates[0] as {hours: number}).hours).toBeCloseTo(352.17, 9);
  });

  it("refuses a warehouse with a missing column, naming table and column", async () => {
    const other = await openPglite({schema: "broken"});
    try {
      await loadIntoPostgres(other, staged.dbPath!);
      await other.query(`ALTER TABLE emi DROP COLUMN emi_afi_id`);
      await expect(checkWarehouse(other, "broken")).rejects.toMatchObject({
        reason: "missing_column",
        file: "broken.emi",
        column: "emi_afi_id"
      });
    } finally {
      await other.close();
    }
  });

  it("refuses row problems found by SQL inside PostgreSQL (negative hours)", async () => {
    const other = await openPglite({schema: "neg"});
    try {
      await loadIntoPostgres(other, staged.dbPath!);
      await other.query(`UPDATE emi SET emi_nb_heures_travail = -4 WHERE emi_sme_mois = 3`);
      const e = await checkWarehouse(other, "neg").catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SourceError);
      expect(e).toMatchObject({reason: "negative", file: "neg.emi", column: "emi_nb_heures_travail", value: "-4"});
    } finally {
      await other.close();
    }
  });
});

/**
 * The warehouse as the real one is: native identifier types, an optional table missing,
 * a statement held twice, a commune code without its leading zero. `open(schema)` gives an
 * empty schema on the engine under test; the staged sample is loaded into it.
 */
function realWarehouseTests(open: (schema: string) => Promise<PostgresEngine>) {
  it("accepts identifiers typed uuid, integer or bigint where the CSV export has text", async () => {
    const pg = await open("native_ids");
    try {
      // Application and candidate ids as the platform's uuids, structure ids as bigint.
      for (const [table, column] of [
        ["candidatures", "id"],
        ["candidatures", "id_candidat"],
        ["candidats", "id"],
        ["pass_agrements", "id_candidat"]
      ] as const) {
        await pg.query(
          `ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(column)} TYPE uuid USING md5(${quoteIdent(column)})::uuid`
        );
      }
      await pg.query(`ALTER TABLE structures ALTER COLUMN id TYPE bigint`);
      await pg.query(`ALTER TABLE pass_agrements ALTER COLUMN id TYPE uuid USING md5(id)::uuid`);
      await pg.query(
        `ALTER TABLE suspensions_pass ALTER COLUMN "id_pass_agrément" TYPE uuid USING md5("id_pass_agrément")::uuid`
      );
      await pg.query(`ALTER TABLE candidatures ALTER COLUMN id_structure TYPE integer`);
      const quality = await checkWarehouse(pg, pg.schema);
      expect(quality.files.map((f) => f.rows)).toEqual(staged.quality.files.map((f) => f.rows));
      expect(quality.orphans).toEqual(staged.quality.orphans);
    } finally {
      await pg.close();
    }
  });

  it("goes on without the optional PASS suspensions table, saying so", async () => {
    const pg = await open("no_suspensions");
    try {
      await pg.query(`DROP TABLE suspensions_pass`);
      const quality = await checkWarehouse(pg, pg.schema);
      expect(quality.missingTables).toEqual([
        {table: "suspensions_pass", source: "suspensions_pass", file: `${pg.schema}.suspensions_pass`}
      ]);
      expect(quality.files.map((f) => f.table)).not.toContain("suspensions_pass");
      // A required table is still required.
      await pg.query(`DROP TABLE pass_agrements`);
      await expect(checkWarehouse(pg, pg.schema)).rejects.toMatchObject({reason: "missing_table"});
    } finally {
      await pg.close();
    }
  });

  it("counts identical duplicate statements, refuses conflicting ones, counts normalised and unknown codes", async () => {
    const pg = await open("quirks");
    try {
      await pg.query(`INSERT INTO emi SELECT * FROM emi WHERE emi_sme_mois = 3`);
      await pg.query(`UPDATE structure SET structure_adresse_admin_code_insee = '1053' WHERE structure_id_siae = 1`);
      await pg.query(`UPDATE salarie SET salarie_code_dpt = '00'`);
      const quality = await checkWarehouse(pg, pg.schema);
      expect(quality.files.find((f) => f.table === "emi")).toMatchObject({duplicatesDropped: 1});
      expect(quality.codes.find((c) => c.table === "structure")).toMatchObject({normalised: 1, unknown: 0});
      expect(quality.codes.find((c) => c.table === "salarie")).toMatchObject({normalised: 0, unknown: 2});
      await pg.query(
        `INSERT INTO emi SELECT emi_pph_id, emi_afi_id, emi_ctr_id, emi_sme_annee, emi_sme_mois, emi_esm_etat_code,
                emi_nb_heures_travail + 1, emi_motif_sortie_id FROM emi WHERE emi_sme_mois = 3 LIMIT 1`
      );
      await expect(checkWarehouse(pg, pg.schema)).rejects.toMatchObject({
        reason: "conflicting_statement",
        file: `${pg.schema}.emi`
      });
    } finally {
      await pg.close();
    }
  });
}

describe("PostgreSQL on PGlite: the warehouse as it really is", () => {
  realWarehouseTests(async (schema) => {
    const pg = await openPglite({schema});
    await loadIntoPostgres(pg, staged.dbPath!);
    return pg;
  });
});

// CI sets DATABASE_URL (a PostgreSQL server runs there), so this suite is defined only
// when a server is reachable: nothing is skipped, it simply exists where it can run.
const url = process.env.DATABASE_URL;
describe.runIf(url)("PostgreSQL server (DATABASE_URL)", () => {
  const schema = `pilotage_test_${process.pid}_${Date.now()}`;
  let pg: PostgresEngine;
  beforeAll(async () => {
    pg = await openWarehouse(url!, schema);
    await pg.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await loadIntoPostgres(pg, staged.dbPath!);
  });
  afterAll(async () => {
    await pg.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await pg.close();
  });

  it("gives the same normalised rows, counts and orphans as DuckDB", async () => {
    await checkSameAsDuckDb(pg);
  });

  describe("the warehouse as it really is", () => {
    realWarehouseTests(async (name) => {
      const other = await openWarehouse(url!, `${schema}_${name}`);
      await other.query(`CREATE SCHEMA ${quoteIdent(`${schema}_${name}`)}`);
      await loadIntoPostgres(other, staged.dbPath!);
      return {
        ...other,
        async close() {
          await other.query(`DROP SCHEMA ${quoteIdent(`${schema}_${name}`)} CASCADE`);
          await other.close();
        }
      };
    });
  });

  it("stages from the warehouse: checks in place and writes current.json", async () => {
    const cacheDir = tempDir();
    const result = await stage({sources: {kind: "warehouse", url: url!, schema}, cacheDir}, recordingEffects());
    expect(result.sourceKind).toBe("warehouse");
    expect(result.quality.orphans).toEqual(staged.quality.orphans);
    // No file name to date it: the newest application, PASS or job post in the data.
    const duck = await openDuckDb(staged.dbPath!, {readOnly: true});
    const [newest] = await duck.query<{d: string}>(
      `SELECT GREATEST(MAX(c.date_candidature), MAX(p."date_début"), MAX(f."date_création")) AS d
       FROM candidatures c, pass_agrements p, fiches_de_poste f`
    );
    await duck.close();
    expect(result.referenceDate).toBe(newest!.d);
    expect(JSON.stringify(result)).not.toMatch(/:[^@/]+@/); // no password in current.json
  });
});
