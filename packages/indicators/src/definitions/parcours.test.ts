// Known answers for the paths SQL (chains of contracts, duration bands, years under way,
// median), on a hand-built fluxIAE folder in the real format staged by the real stage(), on
// DuckDB and PostgreSQL (PGlite) alike; then row-for-row parity.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  expectSameRows,
  only,
  pick,
  stageFixture,
  type ContratRow,
  type StagedFixture
} from "../testing/fluxiae-fixture.ts";
import {pathsByLevelSql} from "./parcours.ts";
import {DAYS_PER_MONTH} from "./sorties.ts";

const REFERENCE = "2026-01-15";
// Statements exist in 2024 and 2025 only: those are the years. A month is 365.25 / 12 =
// 30.4375 days: 6 months = 182.6 days, 12 months = 365.25 days, 24 months = 730.5 days.
// Structure 1 is an ACI in Hérault (34), structure 2 an EI in Paris (75).
const aci = (id: number, hire: string, rest: Partial<ContratRow> = {}): ContratRow => ({
  id,
  person: id,
  structure: 1,
  measure: "ACI_DC",
  hire,
  ...rest
});
const ei = (id: number, hire: string, rest: Partial<ContratRow> = {}): ContratRow => ({
  ...aci(id, hire, rest),
  structure: 2,
  measure: "EI_DC"
});
const contrats: ContratRow[] = [
  // A: chain 1 → 2, first hiring 1 March 2024, exit 28 February 2025: 364 days (11.96 months,
  // 6–12), under way in 2024 and 2025, one path (not two).
  aci(1, "01/03/2024", {end: "31/08/2024"}),
  aci(2, "01/09/2024", {person: 1, parent: 1, exit: "28/02/2025"}),
  // B: 1 June → 30 November 2025, 182 days (5.98 months): under 6 months.
  aci(3, "01/06/2025", {exit: "30/11/2025"}),
  // C: 1 June → 1 December 2025, 183 days (6.01 months): 6–12.
  aci(4, "01/06/2025", {exit: "01/12/2025"}),
  // D: 1 January → 31 December 2024, 365 days (11.99 months): 6–12, in 2024 only.
  aci(5, "01/01/2024", {exit: "31/12/2024"}),
  // E: 1 January 2024 → 1 January 2025, 366 days (12.02 months): 12–24, in 2024 and 2025.
  aci(6, "01/01/2024", {exit: "01/01/2025"}),
  // F: still running, hired 15 July 2025: 184 days to the reference date (6.05 months): 6–12.
  aci(7, "15/07/2025"),
  // G: 10 January 2022 → 9 January 2025, 1 095 days (35.98 months): 24 or more, in 2024 and 2025.
  aci(8, "10/01/2022", {exit: "09/01/2025"}),
  // H: over in 2023, before the years of the statements: nowhere.
  aci(9, "01/01/2023", {exit: "30/06/2023"}),
  // K: hired after the reference date: not counted.
  aci(10, "01/02/2026"),
  // I: EI, running since 15 January 2024: 731 days (24.02 months): 24 or more.
  ei(11, "15/01/2024"),
  // J: EI, running since 16 January 2024: 730 days (23.98 months): 12–24.
  ei(12, "16/01/2024")
];

let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "75111"}
    ],
    annexes: [
      {id: 10, structure: 1, measure: "ACI_DC", start: "01/01/2024"},
      {id: 20, structure: 2, measure: "EI_DC", start: "01/01/2024"}
    ],
    salaries: contrats.filter((c) => c.person === c.id).map((c) => ({id: c.id})),
    contrats,
    emi: [
      {person: 1, annexe: 10, contrat: 1, year: 2024, month: 3, hours: 100},
      {person: 1, annexe: 10, contrat: 2, year: 2025, month: 1, hours: 100}
    ]
  });
});
afterAll(() => fixture?.close());

it("measures durations in months of 365.25 / 12 days", () => {
  expect(DAYS_PER_MONTH).toBe(30.4375);
});

type R = Record<string, unknown>;

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("paths on %s", (_, engine) => {
  let rows: R[];
  beforeAll(async () => {
    rows = await engine().query(pathsByLevelSql(REFERENCE));
  });
  const cell = (periode: string, tranche_duree: string, type_structure = "ensemble") => ({
    niveau: "national",
    territoire: "FR",
    type_structure,
    periode,
    tranche_duree
  });
  const paths = (periode: string, band: string, kind = "ensemble") =>
    only(rows, cell(periode, band, kind), "nb_parcours");
  const median = (periode: string, kind = "ensemble") =>
    only(rows, cell(periode, "ensemble", kind), "duree_mediane") as number;

  it("counts a path in every year it was under way, with its duration band", () => {
    // 2024: A (6–12), D (6–12), E (12–24), G (24+), I (24+), J (12–24).
    expect(paths("2024", "ensemble")).toBe(6);
    expect(paths("2024", "6_12_mois")).toBe(2);
    expect(paths("2024", "12_24_mois")).toBe(2);
    expect(paths("2024", "24_mois_plus")).toBe(2);
    expect(pick(rows, cell("2024", "moins_6_mois"))).toEqual([]);
    // 2025: A, B (< 6), C, E, F, G, I, J; D ended in 2024, H in 2023, K starts after the reference date.
    expect(paths("2025", "ensemble")).toBe(8);
    expect(paths("2025", "moins_6_mois")).toBe(1); // B, 182 days
    expect(paths("2025", "6_12_mois")).toBe(3); // A 364, C 183, F 184 days
    expect(paths("2025", "12_24_mois")).toBe(2); // E 366, J 730 days
    expect(paths("2025", "24_mois_plus")).toBe(2); // G 1 095, I 731 days
    expect(new Set(rows.map((r) => r.periode))).toEqual(new Set(["2024", "2025"]));
  });

  it("gives the median duration, interpolated between the two middle paths", () => {
    // 2025, sorted days: 182, 183, 184, 364, 366, 730, 731, 1 095 → (364 + 366) / 2 = 365 days.
    expect(median("2025")).toBeCloseTo(365 / 30.4375, 10);
    // 2024: 364, 365, 366, 730, 731, 1 095 → (366 + 730) / 2 = 548 days.
    expect(median("2024")).toBeCloseTo(548 / 30.4375, 10);
    // EI 2025: I 731 and J 730 days → 730.5 days = 24 months.
    expect(median("2025", "EI")).toBeCloseTo(24, 10);
  });

  it("splits the paths by kind and territory (the structure's département)", () => {
    expect(paths("2025", "ensemble", "ACI")).toBe(6);
    expect(paths("2025", "ensemble", "EI")).toBe(2);
    expect(
      only(
        rows,
        {niveau: "département", territoire: "75", type_structure: "EI", periode: "2025", tranche_duree: "24_mois_plus"},
        "nb_parcours"
      )
    ).toBe(1);
    expect(
      only(
        rows,
        {niveau: "région", territoire: "76", type_structure: "ensemble", periode: "2025", tranche_duree: "ensemble"},
        "nb_parcours"
      )
    ).toBe(6);
  });
});

it("refuses a reference date that is not AAAA-MM-JJ", () => {
  expect(() => pathsByLevelSql("15/01/2026")).toThrow(/Date de référence invalide/);
});

it("gives the same path rows on PostgreSQL as on DuckDB", async () => {
  const duck = await fixture.duck.query(pathsByLevelSql(REFERENCE));
  expect(duck.length).toBeGreaterThan(20);
  expectSameRows(await fixture.pg.query(pathsByLevelSql(REFERENCE)), duck, "pathsByLevelSql");
});
