// Known answers for the PASS IAE SQL at the boundaries (start and end days, suspensions
// starting or ending on the observation date, the 3-month horizon), on a hand-built source
// folder in the real formats staged by the real stage(), on DuckDB and PostgreSQL (PGlite).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {SqlEngine} from "@pilotage/sources";
import {EMPLOIS, tempDir, writeSample} from "@pilotage/sources/testing";
import {stageOnBoth, type StagedFixture} from "../testing/fluxiae-fixture.ts";
import {addMonths, passIaeSql, passPeriods} from "./pass-iae.ts";

// Reference date d = 2026-01-15; d + 3 months = 2026-04-15.
const REFERENCE = "2026-01-15";
const header = EMPLOIS.pass_agréments!.header; // id, type, date_début, date_fin, id_candidat, id_structure, département
// Structure 1 is an ACI in Hérault (34, Occitanie 76), 2 an ETTI in Paris (75, Île-de-France 11).
const pass = (id: string, debut: string, fin: string, structure = "1", departement: string | null = "34") => [
  id,
  "PASS IAE",
  debut,
  fin,
  "c1",
  structure,
  departement
];
const passes = [
  pass("p1", "2026-01-15", "2028-01-14"), // starts on d: issued in 2026-01, active
  pass("p2", "2026-01-16", "2028-01-15"), // starts after d: neither issued nor active
  pass("p3", "2024-01-16", "2026-01-15"), // ends on d: active, expiring
  pass("p4", "2024-01-15", "2026-01-14"), // ended the day before d
  pass("p5", "2025-01-01", "2026-04-15"), // ends on d + 3 months: expiring
  pass("p6", "2024-04-17", "2026-04-16"), // ends the day after d + 3 months: not expiring
  pass("p7", "2025-03-01", "2027-02-28"), // suspension starting on d: suspended
  pass("p8", "2025-02-01", "2027-01-31"), // suspension ended the day before d: active
  pass("p9", "2024-06-01", "2026-05-31"), // open suspension (no end): suspended
  pass("p10", "2024-03-02", "2026-03-01"), // suspension ending on d: suspended, so not "expiring"
  pass("p11", "2025-06-10", "2027-06-09", "2", null) // ETTI, département taken from the structure (75)
];
const suspensions = [
  ["1", "p7", "2026-01-15", "2026-02-01", "Incarcération"],
  ["2", "p8", "2025-12-01", "2026-01-14", "Arrêt pour longue maladie"],
  ["3", "p9", "2025-12-01", null, "Contrat de travail suspendu depuis plus de 15 jours"],
  ["4", "p10", "2026-01-10", "2026-01-15", "Incarcération"]
];

let staged: StagedFixture | undefined;
let duck: SqlEngine;
let pg: SqlEngine;

beforeAll(async () => {
  const folder = writeSample(tempDir(), {
    emplois: {
      pass_agréments: {header, rows: passes},
      suspensions_pass: {header: EMPLOIS.suspensions_pass!.header, rows: suspensions}
    }
  });
  staged = await stageOnBoth(folder);
  ({duck, pg} = staged);
});
afterAll(() => staged?.close());

type R = Record<string, unknown>;
const SQL = passIaeSql(passPeriods(2024, REFERENCE));
const cell = (rows: R[], where: R) =>
  rows.filter((r) =>
    Object.entries({niveau: "national", type_structure: "ensemble", ...where}).every(([k, v]) => r[k] === v)
  );
const figures = (r: R | undefined) =>
  r && {
    pass_delivres: r.pass_delivres,
    pass_actifs: r.pass_actifs,
    pass_suspendus: r.pass_suspendus,
    pass_expirant_3_mois: r.pass_expirant_3_mois
  };

describe("periods", () => {
  it("ends at the reference date and adds 3 months with the day clamped", () => {
    const periods = passPeriods(2025, REFERENCE);
    expect(periods.at(-1)).toEqual({
      annee: 2026,
      mois: 1,
      debut: "2026-01-01",
      fin: REFERENCE,
      finPlus3Mois: "2026-04-15"
    });
    expect(periods.find((p) => p.annee === 2026 && p.mois === 0)?.fin).toBe(REFERENCE);
    expect(periods.find((p) => p.annee === 2025 && p.mois === 0)?.fin).toBe("2025-12-31");
    expect(periods).toHaveLength(2 + 12 + 1); // 2025 and its 12 months, 2026 and January
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
  });
});

describe.each([
  ["DuckDB", () => duck],
  ["PostgreSQL (PGlite)", () => pg]
])("PASS IAE on %s", (_, engine) => {
  it("counts active, suspended and expiring PASS at the reference date", async () => {
    const rows = await engine().query(SQL);
    // Valid at d: p1 (starts on d), p3 (ends on d), p5, p6, p7, p8, p9, p10, p11 (not p2, p4).
    // Suspended: p7 (from d), p9 (open), p10 (until d) = 3. Active: p1, p3, p5, p6, p8, p11 = 6.
    // Expiring by 2026-04-15 among the active: p3 (d), p5 (d + 3 months) = 2 (p6: one day later).
    // Issued in January 2026 up to d: p1 = 1 (p2 starts after d).
    const expected = {pass_delivres: 1, pass_actifs: 6, pass_suspendus: 3, pass_expirant_3_mois: 2};
    expect(cell(rows, {annee: 2026, mois: 1}).map(figures)).toEqual([expected]);
    expect(cell(rows, {annee: 2026, mois: 0}).map(figures)).toEqual([expected]);
  });

  it("counts the stock at the last day of a past month", async () => {
    const rows = await engine().query(SQL);
    // d = 2025-12-31, d + 3 months = 2026-03-31. Valid: p3, p4, p5, p6, p7, p8, p9, p10, p11.
    // Suspended: p8 (12-01 → 01-14), p9 (open since 12-01) = 2. Active: p3, p4, p5, p6, p7, p10, p11 = 7.
    // Expiring by 2026-03-31: p3 (01-15), p4 (01-14), p10 (03-01) = 3. Issued in December: none.
    const december = {pass_delivres: 0, pass_actifs: 7, pass_suspendus: 2, pass_expirant_3_mois: 3};
    expect(cell(rows, {annee: 2025, mois: 12}).map(figures)).toEqual([december]);
    // The year 2025: the same stock (at 12-31); issued in 2025: p5, p7, p8, p11 = 4.
    expect(cell(rows, {annee: 2025, mois: 0}).map(figures)).toEqual([{...december, pass_delivres: 4}]);
  });

  it("places a PASS in the département of its structure when the PASS has none, by kind", async () => {
    const rows = await engine().query(SQL);
    const at = (where: R) => cell(rows, {annee: 2026, mois: 1, ...where}).map((r) => r.pass_actifs);
    expect(at({type_structure: "ETTI"})).toEqual([1]); // p11
    expect(at({niveau: "région", territoire: "11"})).toEqual([1]); // p11, Paris
    expect(at({niveau: "département", territoire: "34"})).toEqual([5]); // p1, p3, p5, p6, p8
    expect(at({type_structure: "ACI"})).toEqual([5]);
  });
});
