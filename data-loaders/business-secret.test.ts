// Known answers for the business secret through the loaders (salaries, then etp reading its
// masks), on a hand-built fluxIAE folder staged by the real stage(): a magnitude over fewer
// than 3 structures, or one holding more than 85 %, is masked in both files, and so is the
// cell whose publication would give it back through a published margin.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {regionOfDepartement, secretColumnName, type Row} from "@pilotage/indicators";
import {monthly, stageFixture, type StagedFixture} from "@pilotage/indicators/testing/fluxiae-fixture";
import {additiveRelations, maskedMagnitudesAlone, monthsInYearRelations} from "../tests/support/relations.ts";
import {compute as etp} from "./etp.ts";
import {salariesOnce} from "./salaries.ts";
import {withoutMasks} from "./lib/unmasked.ts";

// ACI annexes over 2025 (ETP conventionnés); each structure has 11 employees (no count under
// 11 anywhere: only the business secret masks), each working 10 h × its ETP every month.
//  Hérault (34, Occitanie 76):  structures 1 and 2, 2 ETP each             → 2 structures: masked
//  Gard (30, Occitanie 76):     structures 3, 4 and 5, 1 ETP each          → balanced, but Occitanie
//                                                                            (published) − Hérault = Gard
//  Bouches-du-Rhône (13, 93):   structures 6 (9 ETP), 7 and 8 (0.5 each)   → one holds 90 %: masked
//  Paris (75, 11):              structures 9, 10 and 11, 1 ETP each        → 3 balanced: published
//  Gironde (33, 75):            structures 12, 13 and 14, 0.5 ETP each     → balanced, the smallest
//                                                                            région: France (published)
//                                                                            − Occitanie − Île-de-France
//                                                                            would give Provence back
const STRUCTURES: [number, string, number][] = [
  [1, "34", 2],
  [2, "34", 2],
  [3, "30", 1],
  [4, "30", 1],
  [5, "30", 1],
  [6, "13", 9],
  [7, "13", 0.5],
  [8, "13", 0.5],
  [9, "75", 1],
  [10, "75", 1],
  [11, "75", 1],
  [12, "33", 0.5],
  [13, "33", 0.5],
  [14, "33", 0.5]
];
const PEOPLE = 11;
const people = STRUCTURES.flatMap(([id, , etp]) =>
  Array.from({length: PEOPLE}, (_, k) => ({person: 100 * id + k, structure: id, etp}))
);

let fixture: StagedFixture;
let etpRows: Row[];
let salariesRows: Row[];
beforeAll(async () => {
  fixture = await stageFixture({
    structures: STRUCTURES.map(([id]) => ({id, insee: ""})),
    annexes: STRUCTURES.map(([id, departement, etp]) => ({id, structure: id, measure: "ACI_DC", etp, departement})),
    salaries: people.map((p) => ({id: p.person})),
    contrats: people.map((p) => ({
      id: p.person,
      person: p.person,
      structure: p.structure,
      measure: "ACI_DC",
      hire: "01/01/2025"
    })),
    emi: people.flatMap((p) =>
      monthly({person: p.person, annexe: p.structure, contrat: p.person, hours: 10 * p.etp}, "2025-01", "2025-12")
    )
  });
  const context = {engine: fixture.duck, referenceDate: "2025-12-31"};
  etpRows = (await etp(context)).rows;
  salariesRows = (await salariesOnce(context)).rows;
});
afterAll(() => fixture?.close());

const MAGNITUDES = ["etp_conventionnes", "etp_realises", "heures_travaillees", "montant_aide"];
const find = (rows: readonly Row[], niveau: string, territoire: string, periode = "2025", more: Row = {}) =>
  rows.find(
    (r) =>
      r.niveau === niveau &&
      r.territoire === territoire &&
      r.periode === periode &&
      r.type_structure === "ACI" &&
      Object.entries(more).every(([k, v]) => r[k] === v)
  )!;
const masked = (row: Row, figures = MAGNITUDES) =>
  figures.every((f) => row[f] === null && row[secretColumnName(f)] === true);
const published = (row: Row, figures = MAGNITUDES) =>
  figures.every((f) => typeof row[f] === "number" && row[secretColumnName(f)] === false);

describe("business secret in etp", () => {
  it("masks a cell of 2 structures, and its months", () => {
    expect(masked(find(etpRows, "département", "34"))).toBe(true);
    expect(masked(find(etpRows, "département", "34", "2025-03"))).toBe(true);
  });

  it("masks a cell of 3 structures where one holds 90 %", () => {
    expect(masked(find(etpRows, "département", "13"))).toBe(true);
  });

  it("publishes a cell of 3 balanced structures", () => {
    const paris = find(etpRows, "département", "75");
    expect(published(paris)).toBe(true);
    expect(paris.etp_conventionnes).toBeCloseTo(3, 6);
    expect(paris.heures_travaillees).toBeCloseTo(3 * PEOPLE * 10 * 12, 6);
  });

  it("masks the complement that Occitanie's published total would give back", () => {
    const occitanie = find(etpRows, "région", "76");
    expect(published(occitanie)).toBe(true);
    expect(occitanie.etp_conventionnes).toBeCloseTo(7, 6);
    // Gard is balanced, but published it would give Hérault back: 7 − 3 = 4.
    expect(masked(find(etpRows, "département", "30"))).toBe(true);
  });

  it("masks the complement that France's published total would give back: the smallest région", () => {
    expect(published(find(etpRows, "national", "FR"))).toBe(true);
    expect(masked(find(etpRows, "région", "93"))).toBe(true);
    expect(masked(find(etpRows, "région", "75"))).toBe(true);
    expect(published(find(etpRows, "région", "11"))).toBe(true);
  });

  it("leaves no masked magnitude alone in a relation: territories, kinds, months of a year", () => {
    const relations = [
      ...additiveRelations(etpRows, ["periode"], regionOfDepartement),
      ...monthsInYearRelations(etpRows, [])
    ];
    const found = MAGNITUDES.map((figure) => maskedMagnitudesAlone(relations, figure));
    expect(found.flatMap((f) => f.alone)).toEqual([]);
    expect(found.reduce((n, f) => n + f.checked, 0)).toBeGreaterThan(0);
  });
});

describe("business secret in salaries", () => {
  const ensemble = {caracteristique: "ensemble"};

  it("masks the hours, ETP and aid of every trait of the cells etp masks, not their employees", () => {
    for (const departement of ["34", "13", "30"]) {
      const rows = salariesRows.filter(
        (r) => r.niveau === "département" && r.territoire === departement && r.type_structure === "ACI"
      );
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        expect(masked(row, ["heures_travaillees", "etp_realises", "montant_aide"]), departement).toBe(true);
        expect(row.part_etp_secret).toBe(true);
      }
    }
    expect(find(salariesRows, "département", "34", "2025", ensemble).nb_salaries).toBe(2 * PEOPLE);
  });

  it("publishes those of the balanced cell, equal to etp's", () => {
    const paris = find(salariesRows, "département", "75", "2025", ensemble);
    expect(published(paris, ["heures_travaillees", "etp_realises", "montant_aide"])).toBe(true);
    expect(paris.heures_travaillees).toBeCloseTo(find(etpRows, "département", "75").heures_travaillees as number, 6);
    expect(paris.montant_aide).toBeCloseTo(find(etpRows, "département", "75").montant_aide as number, 6);
  });
});

describe("business secret without disclosure control (the masking measure, masquage.ts)", () => {
  it("masks nothing inside withoutMasks, so the measure compares with every value", async () => {
    const context = {engine: fixture.duck, referenceDate: "2025-12-31"};
    const [unmaskedEtp, unmaskedSalaries] = await withoutMasks(() =>
      Promise.all([etp(context), salariesOnce(context)])
    );
    for (const row of [...unmaskedEtp.rows, ...unmaskedSalaries.rows])
      for (const [key, value] of Object.entries(row)) if (key.endsWith("_secret")) expect(value, key).not.toBe(true);
    // The Hérault's 2 structures: masked as published, in clear without masks.
    expect(masked(find(etpRows, "département", "34"))).toBe(true);
    const herault = find(unmaskedEtp.rows, "département", "34");
    for (const figure of MAGNITUDES) expect(typeof herault[figure], figure).toBe("number");
  });
});
