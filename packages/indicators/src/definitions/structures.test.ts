// Known answers for the structures SQL (structures with an annexe in effect, those over 100 %),
// on a hand-built fluxIAE folder in the real format staged by the real stage(), on DuckDB and
// PostgreSQL (PGlite) alike; then row-for-row parity.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  HOURS_1820,
  expectSameRows,
  monthly,
  only,
  stageFixture,
  type StagedFixture
} from "../testing/fluxiae-fixture.ts";
import {kindOfMeasureSql, normalizeDepartementSql, structuresByYearSql} from "./structures.ts";

// Structure 1 (Hérault): annexe 10 ACI_DC 2025, 1 ETP at 1 607 h, 150 h every month
//   → 1 800 / 1 607 = 1.12 ETP réalisés for 1 conventionné: over 100 % as an ACI;
//   and annexe 11 EI_DC 2025, 1 ETP, no statements: as a whole 1.12 for 2, not over.
// Structure 2 (Paris): annexe 20 EI_DC PROVISOIRE July 2025 – June 2026, 2 ETP at 1 820 h;
//   100 h a month in 2025 (600 / 1 820 = 0.33 for 2 × 6 / 12 = 1), 400 h a month in 2026
//   (2 400 / 1 820 = 1.32 for 1: over 100 %).
// Structure 3 (Bouches-du-Rhône): a BROUILLON annexe only; 4 (Rhône): an FDI annexe only: not counted.
// Structure 5 (Gironde): a CLOTURE AI_DC annexe, January–March 2025, no statements: counted.
let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "75111"},
      {id: 3, insee: "13055"},
      {id: 4, insee: "69123"},
      {id: 5, insee: "33063"}
    ],
    annexes: [
      {id: 10, structure: 1, measure: "ACI_DC", departement: null},
      {id: 11, structure: 1, measure: "EI_DC", departement: null},
      {
        id: 20,
        structure: 2,
        measure: "EI_DC",
        state: "PROVISOIRE",
        start: "01/07/2025",
        end: "30/06/2026",
        etp: 2,
        hoursRef: HOURS_1820,
        departement: null
      },
      {id: 30, structure: 3, measure: "ACI_DC", state: "BROUILLON", departement: null},
      {id: 40, structure: 4, measure: "FDI_DC", departement: null},
      {id: 50, structure: 5, measure: "AI_DC", state: "CLOTURE", end: "31/03/2025", departement: null}
    ],
    salaries: [{id: 1}, {id: 2}],
    contrats: [
      {id: 1, person: 1, structure: 1, measure: "ACI_DC", hire: "01/01/2025"},
      {id: 2, person: 2, structure: 2, measure: "EI_DC", hire: "01/07/2025"}
    ],
    emi: [
      ...monthly({person: 1, annexe: 10, contrat: 1, hours: 150}, "2025-01", "2025-12"),
      ...monthly({person: 2, annexe: 20, contrat: 2, hours: 100}, "2025-07", "2025-12"),
      ...monthly({person: 2, annexe: 20, contrat: 2, hours: 400}, "2026-01", "2026-06")
    ]
  });
});
afterAll(() => fixture?.close());

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("structures on %s", (_, engine) => {
  let rows: Record<string, unknown>[];
  beforeAll(async () => {
    rows = await engine().query(structuresByYearSql());
  });
  const at = (periode: string, type_structure: string, figure: string, niveau = "national", territoire = "FR") =>
    only(rows, {niveau, territoire, type_structure, periode}, figure);

  it("counts distinct structures with a kept annexe in effect in the year, once in « ensemble »", () => {
    // 2025: 1, 2, 5 (not 3: brouillon, not 4: FDI). 1 is both an ACI and an EI.
    expect(at("2025", "ensemble", "nb_structures")).toBe(3);
    expect(at("2025", "ACI", "nb_structures")).toBe(1);
    expect(at("2025", "EI", "nb_structures")).toBe(2);
    expect(at("2025", "AI", "nb_structures")).toBe(1);
    // 2026: only 2's annexe is in effect.
    expect(at("2026", "ensemble", "nb_structures")).toBe(1);
    expect(rows.some((r) => r.territoire === "13" || r.territoire === "69")).toBe(false);
  });

  it("flags structures whose ETP réalisés exceed their ETP conventionnés over the year", () => {
    expect(at("2025", "ACI", "nb_structures_depassement")).toBe(1); // 1: 1.12 > 1
    expect(at("2025", "ensemble", "nb_structures_depassement")).toBe(0); // 1 as a whole: 1.12 < 2
    expect(at("2025", "EI", "nb_structures_depassement")).toBe(0); // 2: 0.33 < 1
    expect(at("2026", "EI", "nb_structures_depassement")).toBe(1); // 2: 1.32 > 1
    expect(at("2026", "ensemble", "nb_structures_depassement", "département", "75")).toBe(1);
  });
});

it("maps measure codes to kinds and normalises ASP département codes", async () => {
  const rows = await fixture.duck.query(
    `SELECT ${kindOfMeasureSql("m")} AS kind, ${normalizeDepartementSql("d")} AS dep
     FROM (VALUES ('ACI_MP', '1'), ('EI_MP', '034'), ('FDI_DC', '2a'), ('EITI_DC', '971')) AS t(m, d)`
  );
  expect(rows).toEqual([
    {kind: "ACI", dep: "01"},
    {kind: "EI", dep: "34"},
    {kind: null, dep: "2A"},
    {kind: "EITI", dep: "971"}
  ]);
});

it("gives the same structure rows on PostgreSQL as on DuckDB", async () => {
  const duck = await fixture.duck.query(structuresByYearSql());
  expect(duck.length).toBeGreaterThan(20);
  expectSameRows(await fixture.pg.query(structuresByYearSql()), duck, "structuresByYearSql");
});
