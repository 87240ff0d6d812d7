// Known answers for job posts in tension at the reference date (29 vs 30 days open, an
// application 29 vs 30 days old, a hire from an older application, closed posts, unknown
// ROME code), on a hand-built source folder in the real formats staged by the real stage(),
// on DuckDB and PostgreSQL (PGlite).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {SqlEngine} from "@pilotage/sources";
import {EMPLOIS, tempDir, writeSample} from "@pilotage/sources/testing";
import {stageOnBoth, type StagedFixture} from "../testing/fluxiae-fixture.ts";
import {addDays, postesTensionSql} from "./postes.ts";
import {romeGrandDomaine} from "@pilotage/sources";

// Reference date d = 2026-01-15: the last 30 days are 2025-12-17 … 2026-01-15; a post
// created on 2025-12-16 is open for 30 days, one created on 2025-12-17 for 29.
const REFERENCE = "2026-01-15";
const structures = [
  ...EMPLOIS.structures!.rows, // 1: ACI in Hérault (34), 2: ETTI in Paris (75)
  ["3", "3", "Entreprise d'insertion", "EI", "11122233300033", "34", "Occitanie"],
  ["4", "4", "Association intermédiaire", "AI", "44455566600044", "13", "Provence-Alpes-Côte d'Azur"]
];
const fiches = [
  ["1", "1", "A1203", "t", "2025-12-16"], // open 30 days; employer 1: nothing in the last 30 days
  ["2", "1", "A1101", "t", "2025-12-17"], // open 29 days: not counted
  ["3", "2", "N1103", "t", "2025-01-01"], // employer 2: an application on d − 29, no hire
  ["4", "3", "K2110", "t", "2025-06-01"], // employer 3: application on d − 30, hired on 2026-01-05
  ["5", "4", "K2204", "t", "2025-06-01"], // employer 4: application and hire in the last 30 days
  ["6", "4", "N1103", "f", "2025-01-01"], // closed
  ["7", "1", null, "t", "2025-11-01"] // no ROME code; employer 1
];
const application = (id: string, date: string, etat: string, structure: string, embauche: string | null = null) => [
  id,
  date,
  date,
  embauche,
  etat,
  "Candidat",
  null,
  null,
  "c1",
  structure,
  null,
  null,
  null,
  null,
  "f"
];
const candidatures = [
  application("k1", "2025-12-17", "Candidature déclinée", "2"),
  application("k2", "2025-12-16", "Candidature acceptée", "3", "2026-01-05"),
  application("k3", "2026-01-10", "Candidature acceptée", "4", "2026-01-12"),
  application("k4", "2025-12-10", "Candidature déclinée", "1") // 36 days before d
];

let staged: StagedFixture | undefined;
let duck: SqlEngine;
let pg: SqlEngine;

beforeAll(async () => {
  const folder = writeSample(tempDir(), {
    emplois: {
      structures: {header: EMPLOIS.structures!.header, rows: structures},
      fiches_de_poste: {header: EMPLOIS.fiches_de_poste!.header, rows: fiches},
      candidatures: {header: EMPLOIS.candidatures!.header, rows: candidatures}
    }
  });
  staged = await stageOnBoth(folder);
  ({duck, pg} = staged);
});
afterAll(() => staged?.close());

type R = Record<string, unknown>;
const SQL = postesTensionSql(REFERENCE);
const figures = (r: R) => ({
  postes_ouverts: r.postes_ouverts,
  postes_ouverts_30_jours: r.postes_ouverts_30_jours,
  postes_sans_candidature: r.postes_sans_candidature,
  postes_sans_embauche: r.postes_sans_embauche,
  postes_en_tension: r.postes_en_tension
});
const at = (rows: R[], where: R) =>
  rows
    .filter((r) =>
      Object.entries({niveau: "national", type_structure: "ensemble", domaine: "ensemble", ...where}).every(
        ([k, v]) => r[k] === v
      )
    )
    .map(figures);

describe("dates and ROME codes", () => {
  it("counts days and maps codes to their grand domaine", () => {
    expect(addDays(REFERENCE, -29)).toBe("2025-12-17");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(romeGrandDomaine("k2110")).toBe("K");
    expect(romeGrandDomaine("Z9999")).toBeNull();
  });
});

describe.each([
  ["DuckDB", () => duck],
  ["PostgreSQL (PGlite)", () => pg]
])("job posts in tension on %s", (_, engine) => {
  it("applies the 30-day rules per employer", async () => {
    const rows = await engine().query(SQL);
    // Open: posts 1, 2, 3, 4, 5, 7 = 6 (post 6 is closed). Open ≥ 30 days: 1, 3, 4, 5, 7 = 5 (post 2: 29 days).
    // No application in the last 30 days: employer 1 (posts 1, 7; k4 is 36 days old), employer 3
    // (post 4; k2 is 30 days old) = 3; employer 2 has k1 (29 days old), employer 4 has k3.
    // No hire in the last 30 days: employer 1 (posts 1, 7), employer 2 (post 3) = 3; employer 3
    // hired on 2026-01-05 (from an older application), employer 4 on 2026-01-12.
    // In tension (either): posts 1, 3, 4, 7 = 4.
    expect(at(rows, {})).toEqual([
      {
        postes_ouverts: 6,
        postes_ouverts_30_jours: 5,
        postes_sans_candidature: 3,
        postes_sans_embauche: 3,
        postes_en_tension: 4
      }
    ]);
    // Grand domaine A: posts 1 (30 days, tension) and 2 (29 days).
    expect(at(rows, {domaine: "A"})).toEqual([
      {
        postes_ouverts: 2,
        postes_ouverts_30_jours: 1,
        postes_sans_candidature: 1,
        postes_sans_embauche: 1,
        postes_en_tension: 1
      }
    ]);
    // Post 7 has no ROME code.
    expect(at(rows, {domaine: "inconnu"}).map((r) => r.postes_en_tension)).toEqual([1]);
    // An application 29 days before d removes the "no application" tension of post 3 (ETTI).
    expect(at(rows, {type_structure: "ETTI"})).toEqual([
      {
        postes_ouverts: 1,
        postes_ouverts_30_jours: 1,
        postes_sans_candidature: 0,
        postes_sans_embauche: 1,
        postes_en_tension: 1
      }
    ]);
    // Employer 4 (AI, Bouches-du-Rhône) received an application and hired: no tension.
    expect(at(rows, {niveau: "département", territoire: "13"}).map((r) => r.postes_en_tension)).toEqual([0]);
    // Hérault: posts 1, 2, 7 (employer 1) and 4 (employer 3); in tension: 1, 4, 7.
    expect(at(rows, {niveau: "département", territoire: "34"}).map((r) => r.postes_en_tension)).toEqual([3]);
  });

  it("counts a post open for 29 days as open but not in tension", async () => {
    const rows = await engine().query(postesTensionSql("2026-01-14"));
    // d = 2026-01-14: post 1 (created 2025-12-16) is now open for 29 days; post 7 still counts.
    // The last 30 days are 2025-12-16 … 2026-01-14: k2 (employer 3, 12-16) is in them, k4 is not.
    // Employer 1: post 7 only (no application, no hire); employer 2: post 3 (no hire);
    // employer 3: post 4 has an application and a hire; employer 4: both. In tension: 3, 7 = 2.
    expect(at(rows, {})).toEqual([
      {
        postes_ouverts: 6,
        postes_ouverts_30_jours: 4,
        postes_sans_candidature: 1,
        postes_sans_embauche: 2,
        postes_en_tension: 2
      }
    ]);
  });
});
