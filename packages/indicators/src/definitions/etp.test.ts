// Known answers for the ETP SQL, on a hand-built fluxIAE folder in the real format staged by
// the real stage(), on DuckDB and PostgreSQL (PGlite) alike; then row-for-row parity.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  HOURS_1607,
  HOURS_1820,
  expectSameRows,
  monthly,
  only,
  pick,
  stageFixture,
  type StagedFixture
} from "../testing/fluxiae-fixture.ts";
import {etpByLevelSql} from "./etp.ts";

// Structure 1: ACI in Hérault (34, région 76); 2: EI in Paris (75, région 11); 3: AI in
// Bouches-du-Rhône (13, région 93); 4: no commune and annexes without département.
// Annexes:
//  10  S1 ACI_DC VALIDE      2025-01..2025-12  2 ETP, 1 607 h, 24 000 €/ETP, total 48 000, cofinancé 12 000
//  11  S2 EI_DC  PROVISOIRE  2025-07..2026-06  3 ETP, 1 820 h, 12 000 €/ETP, total 36 000, no co-funding
//  12  S1 ACI_DC BROUILLON   2025              100 ETP            → excluded
//  13  S1 FDI_DC VALIDE      2025              50 ETP             → excluded (FDI)
//  14  S3 AI_DC  CLOTURE     2025-01..2025-03  1 ETP, 1 607 h, 1 400 €/ETP, total 1 400, cofinancé 700
//  15  S4 EI_DC  VALIDE      2025-05           7 ETP, 12 000 €/ETP, no département anywhere → national total only
// Statements:
//  person 1 on 10: 120 h every month of 2025;  on 12 (brouillon): 500 h in March; on 13 (FDI): 300 h in April
//  person 2 on 11: 140 h every month from 2025-07 to 2026-06
//  person 3 on 14: 100 h in January, February, March; March not validated yet
//  person 4 on 15: 50 h in May 2025
let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "75111"},
      {id: 3, insee: "13055"},
      {id: 4, insee: ""}
    ],
    annexes: [
      {id: 10, structure: 1, measure: "ACI_DC", etp: 2, unitAmount: 24000, cofinance: 12000, departement: "34"},
      {
        id: 11,
        structure: 2,
        measure: "EI_DC",
        state: "PROVISOIRE",
        start: "01/07/2025",
        end: "30/06/2026",
        etp: 3,
        hoursRef: HOURS_1820,
        unitAmount: 12000,
        cofinance: null,
        departement: "75"
      },
      {id: 12, structure: 1, measure: "ACI_DC", state: "BROUILLON", etp: 100},
      {id: 13, structure: 1, measure: "FDI_DC", etp: 50},
      {
        id: 14,
        structure: 3,
        measure: "AI_DC",
        state: "CLOTURE",
        end: "31/03/2025",
        etp: 1,
        hoursRef: HOURS_1607,
        unitAmount: 1400,
        cofinance: 700,
        departement: "013"
      },
      {id: 15, structure: 4, measure: "EI_DC", start: "01/05/2025", end: "31/05/2025", etp: 7, departement: null}
    ],
    salaries: [{id: 1}, {id: 2}, {id: 3}, {id: 4}],
    contrats: [
      {id: 100, person: 1, structure: 1, measure: "ACI_DC", hire: "01/01/2025"},
      {id: 200, person: 2, structure: 2, measure: "EI_DC", hire: "01/07/2025"},
      {id: 300, person: 3, structure: 3, measure: "AI_DC", hire: "01/01/2025"},
      {id: 400, person: 4, structure: 4, measure: "EI_DC", hire: "01/05/2025"}
    ],
    emi: [
      ...monthly({person: 1, annexe: 10, contrat: 100, hours: 120}, "2025-01", "2025-12"),
      {person: 1, annexe: 12, contrat: 100, year: 2025, month: 3, hours: 500},
      {person: 1, annexe: 13, contrat: 100, year: 2025, month: 4, hours: 300},
      ...monthly({person: 2, annexe: 11, contrat: 200, hours: 140}, "2025-07", "2026-06"),
      ...monthly({person: 3, annexe: 14, contrat: 300, hours: 100}, "2025-01", "2025-02"),
      {person: 3, annexe: 14, contrat: 300, year: 2025, month: 3, hours: 100, state: null},
      {person: 4, annexe: 15, contrat: 400, year: 2025, month: 5, hours: 50}
    ]
  });
});
afterAll(() => fixture?.close());

type R = Record<string, unknown>;
const cell = (rows: R[], niveau: string, territoire: string, type_structure: string, periode: string) => ({
  get: (figure: string) => only(rows, {niveau, territoire, type_structure, periode}, figure) as number
});

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("ETP on %s", (_, engine) => {
  let rows: R[];
  beforeAll(async () => {
    rows = await engine().query(etpByLevelSql());
  });

  it("computes annual ETP conventionnés as monthly × months in the year / 12, an annexe split over two years", () => {
    const y2025 = cell(rows, "national", "FR", "ensemble", "2025");
    // 10: 2 × 12 / 12 = 2; 11: 3 × 6 / 12 = 1.5 (July–December); 14: 1 × 3 / 12 = 0.25;
    // 15 (no département: national only): 7 × 1 / 12. Brouillon (100) and FDI (50) count for nothing.
    expect(y2025.get("etp_conventionnes")).toBeCloseTo(2 + 1.5 + 0.25 + 7 / 12, 12);
    // 2026: 11 alone, January–June: 3 × 6 / 12 = 1.5. Over its whole length 1.5 + 1.5 = 3 × 12 / 12.
    const y2026 = cell(rows, "national", "FR", "ensemble", "2026");
    expect(y2026.get("etp_conventionnes")).toBeCloseTo(1.5, 12);
    const ei = (p: string) => cell(rows, "national", "FR", "EI", p).get("etp_conventionnes");
    // (EI in France also holds annexe 15, 7 × 1 / 12, in 2025.)
    expect(ei("2025") + ei("2026")).toBeCloseTo((3 * 12) / 12 + 7 / 12, 12);
    // A month: March 2025 has 10 (2) and 14 (1) in effect; August 2025 has 10 (2) and 11 (3).
    expect(cell(rows, "national", "FR", "ensemble", "2025-03").get("etp_conventionnes")).toBe(3);
    expect(cell(rows, "national", "FR", "ensemble", "2025-08").get("etp_conventionnes")).toBe(5);
  });

  it("divides the hours by the annexe's own annual hours (1 607 h or 1 820 h), kept states only, no FDI", () => {
    // Monthly ETP = hours / divisor × 12. July 2025 in Paris (EI): 140 / 1 820 × 12.
    expect(cell(rows, "département", "75", "EI", "2025-07").get("etp_realises")).toBeCloseTo((140 / 1820) * 12, 12);
    // March 2025, all of France: person 1 120 h on 10 and person 3 100 h on 14 (both 1 607 h);
    // the 500 h on the brouillon annexe are left out.
    const march = cell(rows, "national", "FR", "ensemble", "2025-03");
    expect(march.get("etp_realises")).toBeCloseTo(((120 + 100) / 1607) * 12, 12);
    expect(march.get("heures_travaillees")).toBe(220);
    // April 2025: the 300 h on the FDI annexe are left out; only person 1's 120 h.
    expect(cell(rows, "national", "FR", "ensemble", "2025-04").get("heures_travaillees")).toBe(120);
    // Year 2025 = Σ monthly / 12 = Σ hours / divisor:
    //   (12 × 120 + 3 × 100 + 50) / 1 607 + 6 × 140 / 1 820 = 1 790 / 1 607 + 840 / 1 820.
    const y2025 = cell(rows, "national", "FR", "ensemble", "2025");
    expect(y2025.get("etp_realises")).toBeCloseTo(1790 / 1607 + 840 / 1820, 12);
    expect(y2025.get("heures_travaillees")).toBe(12 * 120 + 3 * 100 + 50 + 6 * 140); // 2 630
    // ACI alone: annexe 10 only (the brouillon and FDI annexes of the same structure are out).
    const aci = cell(rows, "national", "FR", "ACI", "2025");
    expect(aci.get("etp_conventionnes")).toBeCloseTo(2, 12);
    expect(aci.get("etp_realises")).toBeCloseTo(1440 / 1607, 12);
  });

  it("computes the taux de réalisation on all statements and on validated ones only", () => {
    const y2025 = cell(rows, "national", "FR", "ensemble", "2025");
    // Σ monthly réalisés / Σ monthly conventionnés:
    //   réalisés: 12 × (1 790 / 1 607 + 840 / 1 820); conventionnés: 2 × 12 + 3 × 6 + 1 × 3 + 7 × 1 = 52.
    expect(y2025.get("taux_realisation")).toBeCloseTo((12 * (1790 / 1607 + 840 / 1820)) / 52, 12);
    // Validated only: person 3's March (100 h) is out.
    expect(y2025.get("etp_realises_valides")).toBeCloseTo(1690 / 1607 + 840 / 1820, 12);
    expect(y2025.get("taux_realisation_valides")).toBeCloseTo((12 * (1690 / 1607 + 840 / 1820)) / 52, 12);
    // AI in Bouches-du-Rhône, March: 100 / 1 607 × 12 réalisé over 1 conventionné, 0 validated.
    const ai = cell(rows, "département", "13", "AI", "2025-03");
    expect(ai.get("taux_realisation")).toBeCloseTo((100 / 1607) * 12, 12);
    expect(ai.get("taux_realisation_valides")).toBe(0);
  });

  it("computes the aid as monthly ETP × unit amount / 12 × months, and the co-funded share", () => {
    // 2025: 10: 2 × 24 000 / 12 × 12 = 48 000; 11: 3 × 12 000 / 12 × 6 = 18 000; 14: 1 × 1 400 / 12 × 3 = 350;
    // 15: 7 × 12 000 / 12 × 1 = 7 000.
    const y2025 = cell(rows, "national", "FR", "ensemble", "2025");
    expect(y2025.get("montant_aide")).toBeCloseTo(48000 + 18000 + 350 + 7000, 8);
    // Annexe 11 over its whole length: 3 × 12 000 / 12 × 12 = 36 000, split 18 000 + 18 000.
    const eiAid = (p: string) => cell(rows, "national", "FR", "EI", p).get("montant_aide");
    expect(eiAid("2025")).toBeCloseTo(18000 + 7000, 8); // + annexe 15 (EI, France only)
    expect(eiAid("2026")).toBeCloseTo(18000, 8);
    // Co-funded share, each annexe weighted by its months: (12 000 + 0 + 700 × 3 / 12 + 0) / (48 000 + 36 000 × 6 / 12
    // + 1 400 × 3 / 12 + 84 000 / 12); no co-funding written on 11 or 15 counts as 0.
    expect(y2025.get("part_cofinancement")).toBeCloseTo((12000 + 175) / (48000 + 18000 + 350 + 7000), 12);
    expect(cell(rows, "département", "34", "ACI", "2025").get("part_cofinancement")).toBeCloseTo(0.25, 12);
  });

  it("places every figure at the three levels; an annexe with no known département counts in the national total only", () => {
    // Région 76 (Occitanie) = Hérault; région 11 (Île-de-France) = Paris; région 93 = Bouches-du-Rhône.
    for (const [region, dep] of [
      ["76", "34"],
      ["11", "75"],
      ["93", "13"]
    ] as const) {
      for (const figure of ["etp_conventionnes", "etp_realises", "montant_aide"]) {
        expect(cell(rows, "région", region, "ensemble", "2025").get(figure)).toBeCloseTo(
          cell(rows, "département", dep, "ensemble", "2025").get(figure),
          9
        );
      }
    }
    // Only those three départements: annexe 15 and its 50 h are in France as a whole, in no région
    // or département (never dropped).
    const deps = new Set(rows.filter((r) => r.niveau === "département").map((r) => r.territoire));
    expect([...deps].sort()).toEqual(["13", "34", "75"]);
    const regions = new Set(rows.filter((r) => r.niveau === "région").map((r) => r.territoire));
    expect([...regions].sort()).toEqual(["11", "76", "93"]);
    expect(cell(rows, "national", "FR", "ensemble", "2025-05").get("heures_travaillees")).toBe(120 + 50);
    const mayInRegions = ["11", "76", "93"]
      .map((r) => pick(rows, {niveau: "région", territoire: r, type_structure: "ensemble", periode: "2025-05"}))
      .flat()
      .reduce((sum, row) => sum + Number(row.heures_travaillees), 0);
    expect(mayInRegions).toBe(120);
  });
});

it("gives the same ETP rows on PostgreSQL as on DuckDB", async () => {
  const duck = await fixture.duck.query(etpByLevelSql());
  expect(duck.length).toBeGreaterThan(50);
  expectSameRows(await fixture.pg.query(etpByLevelSql()), duck, "etpByLevelSql");
});
