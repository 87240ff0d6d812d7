import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {toArrow} from "../arrow.ts";
import type {DatasetSpec, Row} from "../dataset.ts";
import {EMPLOYEES, employeesRow} from "../testing/specs.ts";
import {applyDisclosure} from "./apply.ts";
import {categoryTotal, geography, monthsInYear} from "./hierarchies.ts";
import {isUnderThreshold} from "./threshold.ts";

const geo = (niveau: string, territoire: string, over: Record<string, unknown> = {}) =>
  employeesRow({niveau, territoire, territoire_libelle: territoire, ...over});

describe("applyDisclosure, known answers", () => {
  it("masks a small count and the smallest sibling département, and the rates over them", () => {
    // Corse: 2A has 4 employees, 2B 30; the région total is published.
    const rows = [
      geo("région", "94", {nb_salaries: 34}),
      geo("département", "2A", {nb_salaries: 4}),
      geo("département", "2B", {nb_salaries: 30})
    ];
    const {
      rows: [out],
      masked
    } = applyDisclosure([{spec: EMPLOYEES, rows}], [geography()]);
    expect(out!.map((r) => [r.territoire, r.nb_salaries, r.nb_salaries_secret])).toEqual([
      ["94", 34, false],
      ["2A", null, true],
      ["2B", null, true]
    ]);
    expect(masked.filter((m) => m.column === "nb_salaries").map((m) => [m.row, m.reason])).toEqual([
      [1, "primaire"],
      [2, "secondaire"]
    ]);
    expect(() => toArrow(EMPLOYEES, out!)).not.toThrow();
  });

  it("masks a rate whose numerator is under the threshold, and keeps zero counts published", () => {
    const rows = [geo("national", "FR", {nb_sorties_durables: 7, nb_sorties: 80, nb_salaries: 0})];
    const [out] = applyDisclosure([{spec: EMPLOYEES, rows}]).rows[0]!;
    expect(out).toMatchObject({
      nb_salaries: 0,
      nb_salaries_secret: false,
      nb_sorties_durables: null,
      nb_sorties_durables_secret: true,
      taux_emploi_durable: null,
      taux_emploi_durable_secret: true,
      nb_sorties: 80,
      etp_realises: 61.5,
      nb_structures: 4
    });
  });

  it("masks a rate whose count was masked only to protect another cell", () => {
    const rows = [
      geo("région", "94", {nb_sorties: 40, nb_sorties_durables: 12}),
      geo("département", "2A", {nb_sorties: 5, nb_sorties_durables: 0}),
      geo("département", "2B", {nb_sorties: 35, nb_sorties_durables: 12})
    ];
    const [out] = applyDisclosure([{spec: EMPLOYEES, rows}], [geography()]).rows;
    expect(out![2]).toMatchObject({nb_sorties: null, nb_sorties_secret: true, taux_emploi_durable_secret: true});
  });

  it("masks the same cells in two datasets publishing the same figure", () => {
    // The monthly dataset publishes months and the yearly one the year: month 03 is small.
    const spec = (name: string): DatasetSpec => ({
      ...EMPLOYEES,
      name,
      columns: EMPLOYEES.columns.filter((c) => ["niveau", "territoire", "periode", "nb_sorties"].includes(c.name))
    });
    const row = (periode: string, nb_sorties: number): Row => ({
      niveau: "national",
      territoire: "FR",
      periode,
      nb_sorties
    });
    const months = [row("2024-01", 40), row("2024-02", 25), row("2024-03", 3)];
    const year = [row("2024", 68)];
    const withYear = applyDisclosure(
      [
        {spec: spec("mois"), rows: months},
        {spec: spec("annee"), rows: year}
      ],
      [monthsInYear("periode")]
    );
    expect(withYear.rows[0]!.map((r) => r.nb_sorties)).toEqual([40, null, null]);
    const alone = applyDisclosure([{spec: spec("mois"), rows: months}], [monthsInYear("periode")]);
    expect(alone.rows[0]!.map((r) => r.nb_sorties)).toEqual([40, 25, null]);
  });

  it("refuses a cell published with two different values", () => {
    const row = geo("national", "FR");
    expect(() =>
      applyDisclosure([
        {spec: EMPLOYEES, rows: [row]},
        {spec: EMPLOYEES, rows: [{...row, nb_salaries: 121}]}
      ])
    ).toThrow(/deux valeurs différentes \(120 et 121\)/);
    expect(() => applyDisclosure([{spec: EMPLOYEES, rows: [row, row]}])).toThrow(/apparaît deux fois/);
  });

  it("refuses a territory it cannot attach to its parent, rather than leave it unprotected", () => {
    expect(() => applyDisclosure([{spec: EMPLOYEES, rows: [geo("département", "975")]}], [geography()])).toThrow(/975/);
  });
});

// Random datasets: national, régions and départements (real geography) × sexe with "ensemble".
const SEXES = ["F", "H"];
const SPEC: DatasetSpec = {
  ...EMPLOYEES,
  name: "profil",
  columns: [
    ...EMPLOYEES.columns.filter((c) => ["niveau", "territoire", "periode"].includes(c.name)),
    {name: "sexe", role: "dimension", type: "dictionary", label: "Sexe", definition: "Sexe."},
    ...EMPLOYEES.columns.filter((c) => ["taux_emploi_durable", "nb_sorties_durables", "nb_sorties"].includes(c.name))
  ]
};
const departements = ["2A", "2B", "971", "01", "03", "07"]; // régions 94, 01 and 84

function randomRows(counts: number[][]): Row[] {
  const rows = new Map<
    string,
    {niveau: string; territoire: string; sexe: string; nb_sorties: number; nb_sorties_durables: number}
  >();
  const add = (niveau: string, territoire: string, sexe: string, n: number) => {
    const key = `${niveau}|${territoire}|${sexe}`;
    const row = rows.get(key) ?? {niveau, territoire, sexe, nb_sorties: 0, nb_sorties_durables: 0};
    row.nb_sorties += n;
    row.nb_sorties_durables += Math.floor(n / 3);
    rows.set(key, row);
  };
  const region: Record<string, string> = {"2A": "94", "2B": "94", "971": "01", "01": "84", "03": "84", "07": "84"};
  departements.forEach((d, i) =>
    SEXES.forEach((s, j) => {
      const n = counts[i]![j]!;
      for (const sexe of [s, "ensemble"]) {
        add("département", d, sexe, n);
        add("région", region[d]!, sexe, n);
        add("national", "FR", sexe, n);
      }
    })
  );
  return [...rows.values()].map((r) => ({
    ...r,
    periode: "2024",
    taux_emploi_durable: r.nb_sorties === 0 ? null : r.nb_sorties_durables / r.nb_sorties
  }));
}

describe("applyDisclosure, properties on random datasets", () => {
  const counts = fc.array(
    fc.array(fc.oneof(fc.constant(0), fc.integer({min: 1, max: 15}), fc.integer({min: 0, max: 80})), {
      minLength: 2,
      maxLength: 2
    }),
    {
      minLength: departements.length,
      maxLength: departements.length
    }
  );
  const hierarchies = [geography(), categoryTotal("sexe")];

  it("publishes no count of 1 to 10 people, no rate over one, never 0 for a masked cell, and is idempotent", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const rows = randomRows(c);
        const [out] = applyDisclosure([{spec: SPEC, rows}], hierarchies).rows;
        out!.forEach((row, i) => {
          for (const column of ["nb_sorties", "nb_sorties_durables"]) {
            const value = row[column];
            if (row[`${column}_secret`]) expect(value).toBeNull();
            else expect(value).toBe(rows[i]![column]);
            expect(typeof value === "number" && isUnderThreshold(value)).toBe(false);
          }
          if (!row.taux_emploi_durable_secret) {
            expect(isUnderThreshold(rows[i]!.nb_sorties as number)).toBe(false);
            expect(isUnderThreshold(rows[i]!.nb_sorties_durables as number)).toBe(false);
          }
        });
        expect(() => toArrow(SPEC, out!)).not.toThrow();
        expect(applyDisclosure([{spec: SPEC, rows: out!}], hierarchies).rows[0]).toEqual(out);
      }),
      {numRuns: 200}
    );
  });
});
