import {describe, expect, it} from "vitest";
import type {DatasetSpec} from "@pilotage/indicators";
import {goldenCsv, goldenDiff} from "./golden.ts";

const SPEC: DatasetSpec = {
  name: "essai",
  title: "Essai",
  description: "Jeu d'essai.",
  levels: ["national"],
  periods: ["année"],
  referenceDate: "2026-01-15",
  columns: [
    {name: "territoire", role: "dimension", type: "dictionary", label: "Territoire", definition: "Code."},
    {
      name: "salaries",
      role: "figure",
      type: "int32",
      unit: "personnes",
      counts: "people",
      aggregation: "sum",
      label: "Salariés",
      definition: "Personnes.",
      sources: ["Salarie.salarie_id"]
    },
    {
      name: "etp",
      role: "figure",
      type: "float64",
      unit: "ETP",
      decimals: 2,
      counts: "other",
      label: "ETP",
      definition: "ETP.",
      sources: ["EtatMensuelIndiv.emi_nb_heures_travail"]
    }
  ]
};

describe("golden CSV", () => {
  it("sorts the lines, rounds to the declared decimals, writes null empty, flags as booleans, quotes commas", () => {
    const csv = goldenCsv(SPEC, [
      {territoire: "b, c", salaries: null, salaries_secret: true, etp: 0.1 + 0.2},
      {territoire: "a", salaries: 12, salaries_secret: false, etp: -0.0000001}
    ]);
    expect(csv).toBe('territoire,salaries,salaries_secret,etp\n"b, c",,true,0.3\na,12,false,0\n');
  });

  it("gives the same file whatever the row order", () => {
    const rows = [
      {territoire: "x", salaries: 11, salaries_secret: false, etp: 1},
      {territoire: "y", salaries: 0, salaries_secret: false, etp: 2}
    ];
    expect(goldenCsv(SPEC, rows)).toBe(goldenCsv(SPEC, [...rows].reverse()));
  });

  it("writes a float as published, so that two summation orders give one line", () => {
    // Seen on two runs of salaries: an aid of 2 392 608.621948 € and of 2 392 608.621949 €.
    const row = (etp: number) => ({territoire: "a", salaries: 12, salaries_secret: false, etp});
    expect(goldenCsv(SPEC, [row(882.746666083138)])).toBe(goldenCsv(SPEC, [row(882.7466660831379)]));
    expect(goldenCsv(SPEC, [row(882.746666083138)])).toContain("a,12,false,882.75\n");
  });

  it("names the lines that changed, and nothing when equal", () => {
    const before = goldenCsv(SPEC, [{territoire: "a", salaries: 12, salaries_secret: false, etp: 1.5}]);
    const after = goldenCsv(SPEC, [{territoire: "a", salaries: 13, salaries_secret: false, etp: 1.5}]);
    expect(goldenDiff(before, before)).toBeNull();
    expect(goldenDiff(before, after)).toBe(
      "1 ligne(s) du fichier de référence absente(s), 1 nouvelle(s) :\n- a,12,false,1.5\n+ a,13,false,1.5"
    );
  });
});
