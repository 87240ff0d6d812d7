// Test support shared by the dataset test files: stage the committed sample once, compute
// a set of loaders on it, and check that PostgreSQL (PGlite, and the server when
// DATABASE_URL is set) gives the same rows as DuckDB.
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DISCLOSURE_THRESHOLD, regionOfDepartement, type DatasetSpec, type Row} from "@pilotage/indicators";
import {
  REPO_ROOT,
  SAMPLE_FOLDER,
  loadIntoPostgres,
  openDuckDb,
  openPglite,
  openWarehouse,
  quoteIdent,
  recordingEffects,
  stage,
  type SqlEngine
} from "@pilotage/sources";
import {tempDir} from "@pilotage/sources/testing";
import {expectSameRows} from "@pilotage/indicators/testing/fluxiae-fixture";
import type {ComputeContext} from "./run.ts";
import {goldenCsv, goldenDiff, goldenPath, readGolden} from "../golden/golden.ts";
import {additiveRelations, hiddenTogether} from "../../tests/support/relations.ts";

export type Computed = {spec: DatasetSpec; rows: Row[]};
export type Loaders = Record<string, (context: ComputeContext) => Promise<Computed>>;

export interface SampleState {
  dbPath: string;
  referenceDate: string;
  onDuckDb: Record<string, Computed>;
}

export async function computeAll(
  engine: SqlEngine,
  referenceDate: string,
  loaders: Loaders
): Promise<Record<string, Computed>> {
  const out: Record<string, Computed> = {};
  for (const [name, compute] of Object.entries(loaders)) out[name] = await compute({engine, referenceDate});
  return out;
}

/** Stages the committed sample and computes the loaders on DuckDB, in the file's `beforeAll`. */
export function onTheSample(loaders: Loaders): SampleState {
  const state = {} as SampleState;
  beforeAll(async () => {
    const staged = await stage(
      {sources: {kind: "folder", folder: join(REPO_ROOT, SAMPLE_FOLDER), origin: "sample"}, cacheDir: tempDir()},
      recordingEffects()
    );
    state.dbPath = staged.dbPath!;
    state.referenceDate = staged.referenceDate!;
    const duck = await openDuckDb(state.dbPath, {readOnly: true});
    try {
      state.onDuckDb = await computeAll(duck, state.referenceDate, loaders);
    } finally {
      await duck.close();
    }
  }, 300_000);
  return state;
}

/** The same rows on PGlite, and on the server when DATABASE_URL is set, as on DuckDB. */
export function parityOnPostgres(loaders: Loaders, state: SampleState, schemaPrefix: string): void {
  const expectSameDatasets = (other: Record<string, Computed>) => {
    for (const name of Object.keys(loaders)) {
      expect(state.onDuckDb[name]!.rows.length, name).toBeGreaterThan(100);
      expectSameRows(other[name]!.rows, state.onDuckDb[name]!.rows, name);
    }
  };

  describe("on PostgreSQL (PGlite)", () => {
    let pg: SqlEngine;
    let onPg: Record<string, Computed>;
    beforeAll(async () => {
      pg = await openPglite();
      await loadIntoPostgres(pg, state.dbPath);
      onPg = await computeAll(pg, state.referenceDate, loaders);
    }, 600_000);
    afterAll(() => pg?.close());

    it("every loader gives the same rows as on DuckDB (floats within 1e-8 relative)", () => {
      expectSameDatasets(onPg);
    });
  });

  // CI sets DATABASE_URL (a PostgreSQL server runs there): this suite exists only where it can run.
  const url = process.env.DATABASE_URL;
  describe.runIf(url)("on the PostgreSQL server (DATABASE_URL)", () => {
    const schema = `${schemaPrefix}_${process.pid}_${Date.now()}`;
    let pg: Awaited<ReturnType<typeof openWarehouse>>;
    let onServer: Record<string, Computed>;
    beforeAll(async () => {
      pg = await openWarehouse(url!, schema);
      await pg.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
      await loadIntoPostgres(pg, state.dbPath);
      onServer = await computeAll(pg, state.referenceDate, loaders);
    }, 600_000);
    afterAll(async () => {
      await pg?.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await pg?.close();
    });

    it("every loader gives the same rows as on DuckDB (floats within 1e-8 relative)", () => {
      expectSameDatasets(onServer);
    });
  });
}

/**
 * Each loader's rows on the sample against its committed golden CSV (golden/golden.ts): a
 * figure that changes fails here until `pnpm golden` writes it again and the diff is reviewed.
 */
export function goldenOutputs(loaders: Loaders, state: SampleState): void {
  describe("golden outputs (data-loaders/golden/)", () => {
    it.each(Object.keys(loaders))("%s gives the figures of its golden file", (name) => {
      const golden = readGolden(name);
      expect(golden, `${goldenPath(name)} absent : lancez pnpm golden`).not.toBeNull();
      const {spec, rows} = state.onDuckDb[name]!;
      const diff = goldenDiff(golden!, goldenCsv(spec, rows));
      expect(
        diff,
        `${name} : les chiffres ont changé. Si c'est voulu, lancez pnpm golden et relisez git diff data-loaders/golden.\n${diff}`
      ).toBeNull();
    });
  });
}

/**
 * Issue 15's « small cells protecting each other »: in each relation a reader can see in the
 * published rows of an additive count (région → its départements, national → régions,
 * « ensemble » → the five SIAE kinds), when the total is published and parts are masked,
 * what the masked parts hide together is 0 or at least the threshold. Rows are grouped by
 * `dims` besides territory and kind (period, categories). Returns the relations that break
 * it, as text.
 */
export function smallHiddenSums(rows: readonly Row[], figure: string, dims: readonly string[]): string[] {
  return additiveRelations(rows, dims, regionOfDepartement).flatMap((relation) => {
    const seen = hiddenTogether(relation, figure);
    return seen && seen.hidden > 0 && seen.hidden < DISCLOSURE_THRESHOLD
      ? [`${figure} ${relation.what} : ${seen.hidden}`]
      : [];
  });
}
