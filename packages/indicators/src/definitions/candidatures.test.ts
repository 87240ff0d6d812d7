// Known answers for the applications SQL, on a hand-built source folder in the real formats
// staged by the real stage(), on DuckDB and on PostgreSQL (PGlite) alike.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {SqlEngine} from "@pilotage/sources";
import {EMPLOIS, tempDir, writeSample} from "@pilotage/sources/testing";
import {stageOnBoth, type StagedFixture} from "../testing/fluxiae-fixture.ts";
import {CANDIDATES_WITHOUT_HIRE, CANDIDATURES_CUBE, RECRUITMENT_DELAY, RESPONSE_TIME} from "./candidatures.ts";

const header = EMPLOIS.candidatures!.header;
// id, date_candidature, date_traitement, date_embauche, état, origine, type_prescripteur, motif,
// id_candidat, id_structure, type_structure, département, région, id_org_prescripteur, refus auto.
// Structure 1 is an ACI in Hérault (34, Occitanie 76), 2 an ETTI in Paris (75, Île-de-France 11).
const candidatures = [
  [
    "k1",
    "2025-01-10",
    "2025-01-20",
    "2025-02-03",
    "Candidature acceptée",
    "Prescripteur habilité",
    "FT",
    null,
    "c1",
    "1",
    "ACI",
    "34",
    "Occitanie",
    "7",
    "f"
  ],
  [
    "k2",
    "2025-02-11",
    "2025-02-12",
    null,
    "Candidature déclinée",
    "Candidat",
    null,
    "Autre",
    "c2",
    "2",
    "ETTI",
    "75",
    "Île-de-France",
    null,
    "f"
  ],
  // Not processed yet: left out of the response time.
  [
    "k3",
    "2025-03-01",
    null,
    null,
    "Nouvelle candidature",
    "Orienteur",
    "ML",
    null,
    "c2",
    "1",
    "ACI",
    "34",
    "Occitanie",
    "8",
    "f"
  ],
  [
    "k4",
    "2025-01-05",
    "2025-01-09",
    null,
    "Candidature déclinée",
    "Employeur",
    null,
    "Refus automatique",
    "c1",
    "2",
    "ETTI",
    "75",
    "Île-de-France",
    null,
    "t"
  ],
  [
    "k5",
    "2024-12-20",
    "2024-12-21",
    "2025-03-20",
    "Candidature acceptée",
    "Employeur",
    null,
    null,
    "c2",
    "1",
    "ACI",
    "34",
    "Occitanie",
    null,
    "f"
  ]
];

let staged: StagedFixture | undefined;
let duck: SqlEngine;
let pg: SqlEngine;

beforeAll(async () => {
  const folder = writeSample(tempDir(), {emplois: {candidatures: {header, rows: candidatures}}});
  staged = await stageOnBoth(folder);
  ({duck, pg} = staged);
});
afterAll(() => staged?.close());

type R = Record<string, unknown>;
const national = (rows: R[], extra: R = {}) =>
  rows.filter(
    (r) =>
      r.niveau === "national" && r.type_structure === "ensemble" && Object.entries(extra).every(([k, v]) => r[k] === v)
  );
const sorted = (rows: R[]) => rows.map((r) => JSON.stringify(r)).sort();

describe.each([
  ["DuckDB", () => duck],
  ["PostgreSQL (PGlite)", () => pg]
])("applications on %s", (_, engine) => {
  it("counts refused = déclinée, by state, origin (habilitation of the organisation) and motif", async () => {
    const cube = await engine().query(CANDIDATURES_CUBE);
    const cell = (extra: R) => {
      const all = {
        etat: "ensemble",
        origine: "ensemble",
        type_prescripteur: "ensemble",
        motif_refus: "ensemble",
        traitement: "ensemble",
        annee: 2025,
        mois: 0,
        ...extra
      };
      return national(cube, all).map((r) => r.candidatures);
    };
    expect(cell({})).toEqual([4]); // k1..k4 sent in 2025 (k5 in 2024)
    expect(cell({etat: "Candidature acceptée"})).toEqual([1]); // k1
    expect(cell({etat: "Candidature refusée"})).toEqual([2]); // k2, k4 (déclinées)
    expect(cube.some((r) => r.etat === "Candidature déclinée")).toBe(false);
    // k3 comes from organisation 8, habilitée: counted as authorised prescriber with k1.
    expect(cell({origine: "Prescripteur habilité"})).toEqual([2]);
    expect(cell({origine: "Employeur"})).toEqual([1]); // k4
    expect(cell({etat: "Candidature refusée", motif_refus: "Refus automatique"})).toEqual([1]); // k4
    expect(cell({etat: "Candidature refusée", motif_refus: "Autre"})).toEqual([1]); // k2
    // Processed (a date of processing) or not: k3 alone has none.
    expect(cell({traitement: "traitée"})).toEqual([3]);
    expect(cell({traitement: "non traitée"})).toEqual([1]);
    // Monthly: January 2025 has k1 and k4; the région of Paris has k2 and k4.
    expect(cell({mois: 1})).toEqual([2]);
    expect(
      cube
        .filter(
          (r) =>
            r.niveau === "région" &&
            r.territoire === "11" &&
            r.type_structure === "ensemble" &&
            r.annee === 2025 &&
            r.mois === 0 &&
            r.etat === "ensemble" &&
            r.origine === "ensemble" &&
            r.motif_refus === "ensemble" &&
            r.type_prescripteur === "ensemble" &&
            r.traitement === "ensemble"
        )
        .map((r) => r.candidatures)
    ).toEqual([2]);
  });

  it("measures the response time on processed applications only", async () => {
    const rows = national(await engine().query(RESPONSE_TIME), {annee: 2025});
    // k1: 10 days, k2: 1 day, k4: 4 days; k3 not processed. Mean 15 / 3 = 5, median 4.
    expect(rows).toEqual([
      {
        niveau: "national",
        territoire: "FR",
        type_structure: "ensemble",
        annee: 2025,
        candidatures_traitees: 3,
        delai_moyen: 5,
        delai_median: 4
      }
    ]);
  });

  it("measures the recruitment delay from a candidate's first application to their first hire", async () => {
    const rows = national(await engine().query(RECRUITMENT_DELAY, ["2026-01-15"]), {annee: 2025});
    // c1: first application 2025-01-05 (k4), hired 2025-02-03 (k1): 26 + 3 = 29 days (< 30).
    // c2: first application 2024-12-20 (k5), hired 2025-03-20: 11 + 31 + 28 + 20 = 90 days.
    // Mean (29 + 90) / 2 = 59.5, median 59.5; one of two under 30 days.
    expect(rows).toEqual([
      {
        niveau: "national",
        territoire: "FR",
        type_structure: "ensemble",
        annee: 2025,
        candidats_recrutes: 2,
        recrutes_moins_30_jours: 1,
        delai_moyen: 59.5,
        delai_median: 59.5
      }
    ]);
    // Hires after the reference date are not counted yet.
    expect(national(await engine().query(RECRUITMENT_DELAY, ["2025-03-19"]), {annee: 2025})).toMatchObject([
      {candidats_recrutes: 1}
    ]);
  });

  it("counts candidates with no accepted application in the year", async () => {
    const rows = national(await engine().query(CANDIDATES_WITHOUT_HIRE));
    // 2025: c1 (k1 accepted) and c2 (k2 refused, k3 new: none accepted in 2025). 2024: c2, accepted (k5).
    expect(sorted(rows)).toEqual(
      sorted([
        {
          niveau: "national",
          territoire: "FR",
          type_structure: "ensemble",
          annee: 2024,
          candidats: 1,
          candidats_sans_acceptation: 0
        },
        {
          niveau: "national",
          territoire: "FR",
          type_structure: "ensemble",
          annee: 2025,
          candidats: 2,
          candidats_sans_acceptation: 1
        }
      ])
    );
  });
});
