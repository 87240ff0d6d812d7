import * as aqReal from "arquero";
import {describe, expect, it} from "vitest";
import aq from "./query.js";

// Rows shaped like the published datasets.
const rows = [
  {niveau: "national", territoire: "FR", territoire_libelle: "France", periode: "2024", type_structure: "ACI", n: 10},
  {niveau: "national", territoire: "FR", territoire_libelle: "France", periode: "2025", type_structure: "ACI", n: 12},
  {
    niveau: "région",
    territoire: "32",
    territoire_libelle: "Hauts-de-France",
    periode: "2025",
    type_structure: "EI",
    n: 3
  },
  {
    niveau: "région",
    territoire: "32",
    territoire_libelle: "Hauts-de-France",
    periode: "2025",
    type_structure: "ACI",
    n: 4
  },
  {
    niveau: "région",
    territoire: "11",
    territoire_libelle: "Île-de-France",
    periode: "2025",
    type_structure: "ACI",
    n: 7
  },
  {niveau: "national", territoire: "FR", territoire_libelle: "France", periode: "2025-01", type_structure: "ACI", n: 1}
];

describe("the pages' table verbs give arquero's answers", () => {
  it("years, newest first", () => {
    const ours = aq
      .from(rows)
      .filter((d) => aq.op.length(d.periode) === 4)
      .groupby("periode")
      .count()
      .orderby(aq.desc("periode"));
    const theirs = aqReal
      .from(rows)
      .filter("op.length(d.periode) === 4")
      .groupby("periode")
      .count()
      .orderby(aqReal.desc("periode"));
    expect(ours.array("periode")).toEqual(Array.from(theirs.array("periode")));
    expect(ours.objects()).toEqual(theirs.objects());
  });

  it("filter with params, derive, orderby, pivot", () => {
    const ours = aq
      .from(rows)
      .params({annee: "2025"})
      .filter((d, $) => d.niveau === "région" && d.periode === $.annee)
      .groupby("territoire", "territoire_libelle")
      .pivot("type_structure", "n")
      .orderby("territoire_libelle")
      .objects();
    const theirs = aqReal
      .from(rows)
      .params({annee: "2025"})
      .filter("d.niveau === 'région' && d.periode === $.annee")
      .groupby("territoire", "territoire_libelle")
      .pivot("type_structure", "n")
      .orderby("territoire_libelle")
      .objects();
    expect(ours).toEqual(theirs);
    const derived = aq
      .from(rows)
      .derive({annee: (d) => aq.op.substring(d.periode, 0, 4)})
      .groupby("annee")
      .count()
      .objects();
    expect(derived).toEqual([
      {annee: "2024", count: 1},
      {annee: "2025", count: 5}
    ]);
  });

  it("objects are copies: a page cannot change the published rows", () => {
    const copy = aq.from(rows).objects()[0]!;
    copy.n = 999;
    expect(rows[0]!.n).toBe(10);
  });
});
