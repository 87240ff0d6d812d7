// Known answers for the employees' profile SQL (who is counted, age bands, what is read on
// the latest contract, several structures, hours and ETP by sex), on a hand-built fluxIAE
// folder in the real format staged by the real stage(), on DuckDB and PostgreSQL (PGlite)
// alike; then row-for-row parity.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {HOURS_1820, expectSameRows, only, pick, stageFixture, type StagedFixture} from "../testing/fluxiae-fixture.ts";
import {TRAITS, employeesByLevelSql} from "./salaries.ts";

// Structure 1: ACI in Hérault (34), annexe 10 (1 607 h, 1 ETP at 12 000 €) and annexe 30 in
// state BROUILLON; structure 2: EI in Paris (75), annexe 20 (1 820 h, 1 ETP at 12 000 €).
// Statements of 2025. Age = 2025 − birth year.
//  person 1  MME 2000 (25)  ACI 100 h   RSA OUI-M, DELD, sans diplôme (infra CAP), QPV
//  person 2  M.  1999 (26)  ACI 200 h   RSA OUI-NM, DETLD, CAP-BEP, ZRR
//  person 3  MME 1976 (49)  ACI 10 h then EI 20 h: latest contract (EI, June) says RSA NON, ASS OUI; bac
//  person 4  M.  1975 (50)  ACI 0.5 h: under 1 h, nowhere
//  person 5  MME 1975 (50)  300 h on the brouillon annexe only: nowhere
//  person 6  M.  1975 (50)  ACI exactly 1 h: AAH, RQTH, training not given
let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "75111"}
    ],
    annexes: [
      {id: 10, structure: 1, measure: "ACI_DC", departement: "34"},
      {id: 20, structure: 2, measure: "EI_DC", hoursRef: HOURS_1820, departement: "75"},
      {id: 30, structure: 1, measure: "ACI_DC", state: "BROUILLON", etp: 40, departement: "34"}
    ],
    salaries: [
      {id: 1, sex: "MME", birthYear: 2000, qpv: "QP"},
      {id: 2, sex: "M.", birthYear: 1999, zrr: true},
      {id: 3, sex: "MME", birthYear: 1976},
      {id: 4, sex: "M.", birthYear: 1975},
      {id: 5, sex: "MME", birthYear: 1975},
      {id: 6, sex: "M.", birthYear: 1975}
    ],
    contrats: [
      {
        id: 11,
        person: 1,
        structure: 1,
        measure: "ACI_DC",
        hire: "01/01/2025",
        rsa: "OUI-M",
        registration: 2,
        training: 1
      },
      {
        id: 21,
        person: 2,
        structure: 1,
        measure: "ACI_DC",
        hire: "01/01/2025",
        rsa: "OUI-NM",
        registration: 3,
        training: 2
      },
      {
        id: 31,
        person: 3,
        structure: 1,
        measure: "ACI_DC",
        hire: "01/01/2025",
        exit: "31/05/2025",
        rsa: "OUI-M",
        training: 3
      },
      {
        id: 32,
        person: 3,
        structure: 2,
        measure: "EI_DC",
        hire: "01/06/2025",
        rsa: "NON",
        ass: "OUI",
        registration: 1,
        training: 3
      },
      {id: 41, person: 4, structure: 1, measure: "ACI_DC", hire: "01/01/2025", rsa: "OUI-M"},
      {id: 51, person: 5, structure: 1, measure: "ACI_DC", hire: "01/01/2025", rsa: "OUI-M"},
      {id: 61, person: 6, structure: 1, measure: "ACI_DC", hire: "01/01/2025", aah: "OUI", rqth: "OUI"}
    ],
    emi: [
      {person: 1, annexe: 10, contrat: 11, year: 2025, month: 3, hours: 100},
      {person: 2, annexe: 10, contrat: 21, year: 2025, month: 3, hours: 120},
      {person: 2, annexe: 10, contrat: 21, year: 2025, month: 4, hours: 80},
      {person: 3, annexe: 10, contrat: 31, year: 2025, month: 2, hours: 10},
      {person: 3, annexe: 20, contrat: 32, year: 2025, month: 7, hours: 20},
      {person: 4, annexe: 10, contrat: 41, year: 2025, month: 3, hours: 0.5},
      {person: 5, annexe: 30, contrat: 51, year: 2025, month: 3, hours: 300},
      {person: 6, annexe: 10, contrat: 61, year: 2025, month: 3, hours: 1}
    ]
  });
});
afterAll(() => fixture?.close());

type R = Record<string, unknown>;

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("employees' profile on %s", (_, engine) => {
  let rows: R[];
  beforeAll(async () => {
    rows = await engine().query(employeesByLevelSql());
  });
  const at = (caracteristique: string, figure = "nb_salaries", type_structure = "ensemble", niveau = "national") =>
    only(
      rows,
      {
        niveau,
        territoire: niveau === "national" ? "FR" : niveau === "région" ? "76" : "34",
        type_structure,
        periode: "2025",
        caracteristique
      },
      figure
    );
  const people = (caracteristique: string, type_structure = "ensemble") => {
    const found = pick(rows, {niveau: "national", type_structure, periode: "2025", caracteristique});
    return found.length === 0 ? 0 : found[0]!.nb_salaries;
  };

  it("counts distinct people with at least 1 hour, on kept annexes, once in « ensemble »", () => {
    // Persons 1, 2, 3, 6; not 4 (0.5 h) nor 5 (brouillon only). Person 3 is in the ACI and the EI.
    expect(at("ensemble")).toBe(4);
    expect(at("ensemble", "nb_salaries", "ACI")).toBe(4); // 1, 2, 3 (10 h), 6 (1 h)
    expect(at("ensemble", "nb_salaries", "EI")).toBe(1); // 3
    expect(at("plusieurs_structures")).toBe(1); // 3
  });

  it("splits by sex and by age at the 25/26 and 49/50 limits", () => {
    expect(people("femme")).toBe(2); // 1, 3
    expect(people("homme")).toBe(2); // 2, 6
    expect(people("moins_26_ans")).toBe(1); // 1 (25)
    expect(people("26_49_ans")).toBe(2); // 2 (26), 3 (49)
    expect(people("50_ans_plus")).toBe(1); // 6 (50)
  });

  it("reads RSA, ASS, AAH, RQTH, registration length and training on the latest contract of the year", () => {
    // RSA: 1 (OUI-M), 2 (OUI-NM); not 3, whose latest contract (EI, June) says NON.
    expect(people("rsa")).toBe(2);
    expect(people("ass")).toBe(1); // 3, on the latest contract
    expect(people("aah")).toBe(1); // 6
    expect(people("rqth")).toBe(1); // 6
    expect(people("deld")).toBe(1); // 1: DE 12 À 23 MOIS
    expect(people("detld")).toBe(1); // 2: 24 MOIS ET PLUS
    expect(people("qpv")).toBe(1); // 1
    expect(people("zrr")).toBe(1); // 2
    expect(people("formation_infra_cap")).toBe(1); // 1
    expect(people("formation_cap_bep")).toBe(1); // 2
    expect(people("formation_bac")).toBe(1); // 3
    expect(people("formation_superieur")).toBe(0);
    expect(people("formation_non_renseignee")).toBe(1); // 6
    // In the ACI cell person 3's latest contract of the year is still the EI one: not RSA.
    expect(people("rsa", "ACI")).toBe(2);
  });

  it("sums hours and ETP réalisés by sex with each annexe's divisor, and carries the cell's aid", () => {
    // All: 100 + 200 + 10 + 20 + 1 = 331 h; ETP = (100 + 200 + 10 + 1) / 1 607 + 20 / 1 820.
    expect(at("ensemble", "heures_travaillees")).toBe(331);
    expect(at("ensemble", "etp_realises") as number).toBeCloseTo(311 / 1607 + 20 / 1820, 12);
    // Women: 1 and 3: 100 + 10 + 20 = 130 h; ETP 110 / 1 607 + 20 / 1 820.
    expect(at("femme", "heures_travaillees")).toBe(130);
    expect(at("femme", "etp_realises") as number).toBeCloseTo(110 / 1607 + 20 / 1820, 12);
    // Aid of the cell, as in the ETP figures: each annexe in effect (10 and 20; the brouillon annexe is out)
    // for each of its months in the year, statements or not: 1 ETP × 12 000 € / 12 × 12 months each,
    // 12 000 + 12 000 = 24 000 €.
    expect(at("ensemble", "montant_aide")).toBeCloseTo(24000, 8);
    expect(at("femme", "montant_aide")).toBeCloseTo(24000, 8);
    expect(at("ensemble", "montant_aide", "EI")).toBeCloseTo(12000, 8);
  });

  it("places people in the annexe's territory", () => {
    expect(at("ensemble", "nb_salaries", "ensemble", "département")).toBe(4); // Hérault: 1, 2, 3, 6
    expect(at("ensemble", "nb_salaries", "ensemble", "région")).toBe(4);
    expect(
      only(
        rows,
        {niveau: "département", territoire: "75", type_structure: "EI", periode: "2025", caracteristique: "ensemble"},
        "nb_salaries"
      )
    ).toBe(1);
    expect(new Set(rows.map((r) => r.caracteristique))).toEqual(
      new Set(TRAITS.filter((t) => t !== "formation_superieur"))
    );
  });
});

it("gives the same profile rows on PostgreSQL as on DuckDB", async () => {
  const duck = await fixture.duck.query(employeesByLevelSql());
  expect(duck.length).toBeGreaterThan(50);
  expectSameRows(await fixture.pg.query(employeesByLevelSql()), duck, "employeesByLevelSql");
});
