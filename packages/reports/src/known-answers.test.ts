// Known answers on a hand-built fluxIAE folder in the real format, staged by the real stage(),
// on DuckDB and on PostgreSQL (PGlite) alike: the example sentence with its right
// value; the definitions merged with the sources' fixes (ETP conventionnés over the annexe's
// months of the year, the divisor of the annexe, a person = hash_nir) in a structure's review,
// the DDETS review and the CD's RSA report, each derived by hand below; and the structure
// marts giving the same rows on both engines.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {STRUCTURE_MARTS, structureMartSql} from "@pilotage/indicators";
import {
  HOURS_1820,
  MOTIF,
  expectSameRows,
  monthly,
  stageFixture,
  type StagedFixture
} from "@pilotage/indicators/testing/fluxiae-fixture";
import {loadReportData} from "./data.ts";
import {structureFigures} from "./figures.ts";
import type {Report, Table} from "./model.ts";
import {departementReport} from "./reports/departement.ts";
import {rsaReport} from "./reports/rsa.ts";
import {structureReport} from "./reports/structure.ts";

// Structure 1, an ACI in Hérault: annexe 10 (VALIDE, 2025, 14 ETP a month, 24 000 € per ETP,
// 336 000 € in all, 30 000 € co-funded by the département). Twelve people work 138,38 h every
// month of 2025, except person 1 who leaves on 30 September for a CDI (emploi durable, after 9
// months) and is replaced by person 13 from October: 144 statements × 138,38 h = 19 926,72 h =
// 12,39995 ETP of 1 607 h, and 12,39995 / 14 = 88,57 %.
//
// Structure 2, an EI in Hérault: annexe 20 (VALIDE, the whole of 2025, 10 ETP a month, 12 000 €
// per ETP, a full-time post of 1 820 h). Its statements stop in June: six salarie_id (21 to 26)
// work 130 h a month from January to June, 25 and 26 being one person (one hash_nir). The year
// counts the annexe's 12 months: 10 ETP conventionnés, 120 000 € of aid; 36 statements × 130 h
// = 4 680 h = 4 680 / 1 820 = 2,571 ETP réalisés (18/7), 25,7 %; 5 people.
//
// Structure 3, an AI in Hérault: annexe 30 from 1 July 2024 to 30 June 2025, 6 ETP a month;
// 2025 holds 6 of its months: 6 × 6 / 12 = 3 ETP conventionnés. Person 31 works 150 h a month
// from January to June 2025: 900 h / 1 607 = 0,560 ETP, 18,7 %.
const PEOPLE = Array.from({length: 13}, (_, i) => i + 1);
const EI_PEOPLE = [21, 22, 23, 24, 25, 26];
let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "34172"},
      {id: 3, insee: "34172"}
    ],
    annexes: [
      {id: 10, structure: 1, measure: "ACI_DC", etp: 14, unitAmount: 24000, cofinance: 30000},
      {id: 20, structure: 2, measure: "EI_DC", etp: 10, unitAmount: 12000, hoursRef: HOURS_1820},
      {id: 30, structure: 3, measure: "AI_DC", etp: 6, start: "01/07/2024", end: "30/06/2025"}
    ],
    salaries: [
      ...PEOPLE.map((id) => ({id, sex: id % 3 === 0 ? ("M." as const) : ("MME" as const)})),
      ...EI_PEOPLE.map((id) => ({id, hashNir: id === 26 ? "h25" : `h${id}`})),
      {id: 31}
    ],
    contrats: [
      ...EI_PEOPLE.map((p) => ({id: 200 + p, person: p, structure: 2, measure: "EI_DC", hire: "01/01/2025"})),
      {id: 331, person: 31, structure: 3, measure: "AI_DC", hire: "01/01/2025"},
      ...PEOPLE.map((p) => ({
        id: 100 + p,
        person: p,
        structure: 1,
        measure: "ACI_DC",
        hire: p === 13 ? "01/10/2025" : "01/01/2025",
        rsa: p <= 4 ? ("OUI-M" as const) : ("NON" as const),
        ...(p === 1 ? {exit: "30/09/2025", end: "30/09/2025", motif: MOTIF.durable} : {})
      }))
    ],
    emi: [
      ...PEOPLE.flatMap((p) =>
        monthly(
          {person: p, annexe: 10, contrat: 100 + p, hours: 138.38},
          p === 13 ? "2025-10" : "2025-01",
          p === 1 ? "2025-09" : "2025-12"
        )
      ),
      ...EI_PEOPLE.flatMap((p) => monthly({person: p, annexe: 20, contrat: 200 + p, hours: 130}, "2025-01", "2025-06")),
      ...monthly({person: 31, annexe: 30, contrat: 331, hours: 150}, "2025-01", "2025-06")
    ]
  });
}, 300_000);
afterAll(async () => {
  await fixture?.close();
});

describe("the issue's example", () => {
  it("a structure's ETP finding reads « 12,4 ETP pour 14 ETP conventionnés, soit 88,6 % »", async () => {
    for (const engine of [fixture.duck, fixture.pg]) {
      const data = await loadReportData(engine, "2026-01-15");
      const f = structureFigures(data, 1, 2025);
      expect(f.etpConventionnes).toBeCloseTo(14, 9);
      expect(f.montantAide).toBeCloseTo(336000, 6);
      expect(f.montantCofinance).toBeCloseTo(30000, 6);
      expect(f.salaries).toBe(13);
      expect(f.embauches).toBe(13);
      expect(f.sorties).toBe(1);
      expect(f.sortiesDurables).toBe(1);
      const report = structureReport(data, 1, 2025);
      const etp = report.sections.find((s) => s.id === "etp")!;
      expect(etp.findings[0], engine.dialect).toBe(
        "En 2025, la structure a réalisé 12,4 ETP pour 14 ETP conventionnés, soit un taux de réalisation de 88,6\u202f%."
      );
    }
  });
});

const tableOf = (r: Report, id: string): Table => {
  const t = r.sections.flatMap((s) => s.tables).find((x) => x.id === id);
  expect(t, `${r.slug}: table ${id}`).toBeDefined();
  return t!;
};

// Hand-derived figures of the three structures (see the fixture above).
const REAL_1 = (144 * 138.38) / 1607;
const REAL_2 = (36 * 130) / 1820;
const REAL_3 = (6 * 150) / 1607;

describe("the sources' fixes, in the reports", () => {
  it("a yearly annexe counts its 12 months though statements stop in June; the divisor is the annexe's; a person is a hash_nir", async () => {
    for (const engine of [fixture.duck, fixture.pg]) {
      const data = await loadReportData(engine, "2026-01-15");
      const f = structureFigures(data, 2, 2025);
      expect(f.etpConventionnes, engine.dialect).toBeCloseTo(10, 9);
      expect(f.etpRealises, engine.dialect).toBeCloseTo(REAL_2, 9);
      expect(f.tauxRealisation!, engine.dialect).toBeCloseTo(REAL_2 / 10, 9);
      expect(f.heures, engine.dialect).toBeCloseTo(4680, 6);
      expect(f.montantAide, engine.dialect).toBeCloseTo(120000, 6);
      expect(f.salaries, engine.dialect).toBe(5);
      const report = structureReport(data, 2, 2025);
      expect(report.sections.find((s) => s.id === "etp")!.findings[0], engine.dialect).toBe(
        "En 2025, la structure a réalisé 2,57 ETP pour 10 ETP conventionnés, soit un taux de réalisation de 25,7\u202f%."
      );
      // July: conventionnés (the annexe runs), nothing realised (no statement).
      const july = tableOf(report, "etp_mensuels").rows[6]!;
      expect(july[0]).toBe("juillet");
      expect(july[1] as number).toBeCloseTo(10, 9);
      expect(july[2]).toBe(0);
    }
  });

  it("an annexe across two years counts its months of the year", async () => {
    for (const engine of [fixture.duck, fixture.pg]) {
      const data = await loadReportData(engine, "2026-01-15");
      const f = structureFigures(data, 3, 2025);
      expect(f.etpConventionnes, engine.dialect).toBeCloseTo(3, 9);
      expect(f.etpRealises, engine.dialect).toBeCloseTo(REAL_3, 9);
      expect(structureReport(data, 3, 2025).sections.find((s) => s.id === "etp")!.findings[0], engine.dialect).toBe(
        "En 2025, la structure a réalisé 0,56 ETP pour 3 ETP conventionnés, soit un taux de réalisation de 18,7\u202f%."
      );
    }
  });

  it("the DDETS review's totals and lines, and the CD's RSA report", async () => {
    for (const engine of [fixture.duck, fixture.pg]) {
      const data = await loadReportData(engine, "2026-01-15");
      const what = (x: string) => `${engine.dialect}: ${x}`;
      const ddets = departementReport(data, "34", 2025);
      const total = tableOf(ddets, "par_type").total!;
      const real = REAL_1 + REAL_2 + REAL_3;
      expect(total[1], what("SIAE")).toBe(3);
      expect(total[2] as number, what("conventionnés")).toBeCloseTo(14 + 10 + 3, 9);
      expect(total[3] as number, what("réalisés")).toBeCloseTo(real, 9);
      expect(total[4] as number, what("taux")).toBeCloseTo(real / 27, 9);
      expect(total[5] as number, what("taux validés")).toBeCloseTo(real / 27, 9);
      // 13 + 5 (salarie_id 25 and 26 are one person) + 1.
      expect(total[6], what("salariés")).toBe(19);
      expect(total[7], what("sorties")).toBe(1);
      expect(total[8], what("taux de sortie dynamique")).toBe(1);
      expect(total[9], what("taux d'emploi durable")).toBe(1);
      const lines = tableOf(ddets, "structures").rows;
      const line = (id: number) => lines.find((r) => r[1] === String(id))!;
      expect(line(2)[2], what("type")).toBe("EI");
      expect(line(2)[6] as number, what("sous-consommation")).toBeCloseTo(REAL_2 - 10, 9);
      expect(line(3)[6] as number, what("sous-consommation")).toBeCloseTo(REAL_3 - 3, 9);
      // RSA: persons 1 to 4 of structure 1 (person 1 until September), 30 000 € co-funded.
      const rsa = tableOf(rsaReport(data, "34", 2025), "rsa_par_type").total!;
      expect(rsa[1], what("RSA salariés")).toBe(4);
      expect(rsa[2] as number, what("RSA ETP")).toBeCloseTo((45 * 138.38) / 1607, 9);
      expect(rsa[3] as number, what("RSA heures")).toBeCloseTo(45 * 138.38, 6);
      expect(rsa[4], what("RSA embauches")).toBe(4);
      expect(rsa[5], what("RSA sorties")).toBe(1);
      expect(rsa[6], what("RSA taux de sortie dynamique")).toBe(1);
      expect(rsa[7] as number, what("cofinancement")).toBeCloseTo(30000, 6);
      // The by-structure table ends on the same totals, and the co-funding per RSA ETP.
      const byStructure = tableOf(rsaReport(data, "34", 2025), "rsa_par_structure").total!;
      expect(byStructure.slice(3, 10), what("RSA par structure, ensemble")).toEqual(rsa.slice(1));
      expect(byStructure[10] as number, what("cofinancement par ETP RSA")).toBeCloseTo(
        30000 / ((45 * 138.38) / 1607),
        6
      );
    }
  });
});

describe("structure marts", () => {
  it("give the same rows on DuckDB and PostgreSQL", async () => {
    for (const name of STRUCTURE_MARTS) {
      const sql = structureMartSql(name, {referenceDate: "2026-01-15"});
      // Identifiers are keys: compared as texts (expectSameRows keys rows by their texts).
      const keyed = (rows: Record<string, unknown>[]) =>
        rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k.endsWith("_id") ? String(v) : v])));
      const duck = await fixture.duck.query(sql);
      expect(duck.length, name).toBeGreaterThan(0);
      expectSameRows(keyed(await fixture.pg.query(sql)), keyed(duck), name);
    }
  });
});
