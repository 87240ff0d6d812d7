// Known answers on a hand-built fluxIAE folder in the real format, staged by the real stage(),
// on DuckDB and on PostgreSQL (PGlite) alike: the example sentence with its right
// value, and the structure marts giving the same rows on both engines.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {STRUCTURE_MARTS, structureMartSql} from "@pilotage/indicators";
import {
  MOTIF,
  expectSameRows,
  monthly,
  stageFixture,
  type StagedFixture
} from "../../indicators/src/testing/fluxiae-fixture.ts";
import {loadReportData} from "./data.ts";
import {structureFigures} from "./figures.ts";
import {structureReport} from "./reports/structure.ts";

// Structure 1, an ACI in Hérault: annexe 10 (VALIDE, 2025, 14 ETP a month, 24 000 € per ETP,
// 336 000 € in all, 30 000 € co-funded by the département). Twelve people work 138,38 h every
// month of 2025, except person 1 who leaves on 30 September for a CDI (emploi durable, after 9
// months) and is replaced by person 13 from October: 144 statements × 138,38 h = 19 926,72 h =
// 12,39995 ETP of 1 607 h, and 12,39995 / 14 = 88,57 %.
const PEOPLE = Array.from({length: 13}, (_, i) => i + 1);
let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [{id: 1, insee: "34172"}],
    annexes: [{id: 10, structure: 1, measure: "ACI_DC", etp: 14, unitAmount: 24000, cofinance: 30000}],
    salaries: PEOPLE.map((id) => ({id, sex: id % 3 === 0 ? ("M." as const) : ("MME" as const)})),
    contrats: PEOPLE.map((p) => ({
      id: 100 + p,
      person: p,
      structure: 1,
      measure: "ACI_DC",
      hire: p === 13 ? "01/10/2025" : "01/01/2025",
      rsa: p <= 4 ? ("OUI-M" as const) : ("NON" as const),
      ...(p === 1 ? {exit: "30/09/2025", end: "30/09/2025", motif: MOTIF.durable} : {})
    })),
    emi: PEOPLE.flatMap((p) =>
      monthly(
        {person: p, annexe: 10, contrat: 100 + p, hours: 138.38},
        p === 13 ? "2025-10" : "2025-01",
        p === 1 ? "2025-09" : "2025-12"
      )
    )
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
