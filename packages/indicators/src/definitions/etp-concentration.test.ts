// Known answers for the structures behind each ETP cell (business secret), on a hand-built
// fluxIAE folder staged by the real stage(), on DuckDB and PostgreSQL (PGlite) alike.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {expectSameRows, monthly, only, stageFixture, type StagedFixture} from "../testing/fluxiae-fixture.ts";
import {isBusinessSecret} from "../disclosure/threshold.ts";
import {etpConcentrationSql} from "./etp.ts";

// ACI annexes over 2025, one employee per structure working 10 h × its ETP every month (hours,
// ETP réalisés and aid in the same proportions as the ETP conventionnés):
//  Hérault (34):           structures 1 and 2, 2 ETP each                 → 2 structures
//  Bouches-du-Rhône (13):  structures 3 (9 ETP), 4 and 5 (0.5 ETP each)   → one holds 90 %
//  Paris (75):             structures 6, 7 and 8, 1 ETP each              → 3 balanced
//  and structure 6 has an EI annexe of 2 ETP in Paris too: one structure in « ensemble ».
const ACI: [number, string, number][] = [
  [1, "34", 2],
  [2, "34", 2],
  [3, "13", 9],
  [4, "13", 0.5],
  [5, "13", 0.5],
  [6, "75", 1],
  [7, "75", 1],
  [8, "75", 1]
];
const ANNEXES = [
  ...ACI.map(([id, departement, etp]) => ({id: 10 * id, structure: id, measure: "ACI_DC", etp, departement})),
  {id: 61, structure: 6, measure: "EI_DC", etp: 2, departement: "75"}
];

let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: ACI.map(([id]) => ({id, insee: ""})),
    annexes: ANNEXES,
    salaries: ANNEXES.map((a) => ({id: a.id})),
    contrats: ANNEXES.map((a) => ({
      id: a.id,
      person: a.id,
      structure: a.structure,
      measure: a.measure,
      hire: "01/01/2025"
    })),
    emi: ANNEXES.flatMap((a) =>
      monthly({person: a.id, annexe: a.id, contrat: a.id, hours: 10 * a.etp}, "2025-01", "2025-12")
    )
  });
});
afterAll(() => fixture?.close());

type R = Record<string, unknown>;

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("structures behind each ETP cell on %s", (_, engine) => {
  let rows: R[];
  beforeAll(async () => {
    rows = await engine().query(etpConcentrationSql());
  });
  const cell = (niveau: string, territoire: string, type_structure: string, periode = "2025") => {
    const where = {niveau, territoire, type_structure, periode};
    const structures = Number(only(rows, where, "nb_structures"));
    const largest = Number(only(rows, where, "part_max_structure"));
    return {structures, largest, secret: isBusinessSecret(structures, largest)};
  };

  it("masks a cell of 2 structures", () => {
    expect(cell("département", "34", "ACI")).toEqual({structures: 2, largest: 0.5, secret: true});
  });

  it("masks a cell of 3 structures where one holds 90 %", () => {
    const c = cell("département", "13", "ACI");
    expect([c.structures, c.secret]).toEqual([3, true]);
    expect(c.largest).toBeCloseTo(0.9, 12);
  });

  it("publishes a cell of 3 balanced structures, and its months", () => {
    const c = cell("département", "75", "ACI");
    expect([c.structures, c.secret]).toEqual([3, false]);
    expect(c.largest).toBeCloseTo(1 / 3, 12);
    expect(cell("département", "75", "ACI", "2025-06").secret).toBe(false);
  });

  it("counts a structure of two kinds once in « ensemble », by its whole share", () => {
    // Paris, all kinds: 6 (1 + 2 ETP), 7 and 8: 3 structures, 6 holding 3 of 5 ETP.
    const c = cell("département", "75", "ensemble");
    expect(c.structures).toBe(3);
    expect(c.largest).toBeCloseTo(3 / 5, 12);
    expect(cell("département", "75", "EI").structures).toBe(1);
  });

  it("counts every structure of the territory nationally", () => {
    // 8 structures; structure 3 holds 9 of 19 ETP conventionnés.
    const c = cell("national", "FR", "ensemble");
    expect(c.structures).toBe(8);
    expect(c.largest).toBeCloseTo(9 / 19, 12);
    expect(c.secret).toBe(false);
  });
});

it("gives the same rows on PostgreSQL as on DuckDB", async () => {
  const duck = await fixture.duck.query(etpConcentrationSql());
  expect(duck.length).toBeGreaterThan(20);
  expectSameRows(await fixture.pg.query(etpConcentrationSql()), duck, "etpConcentrationSql");
});
