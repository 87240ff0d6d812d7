// The rows every page reads, from a file written by the loaders' own Arrow writer.
import {tableFromIPC} from "apache-arrow";
import {toArrow, type DatasetSpec} from "@pilotage/indicators";
import {EMPLOYEES} from "@pilotage/indicators/testing/specs";
import {describe, expect, it} from "vitest";
import {latest, latestYear, maskOf, one, reason, referenceDate, rowsOf, value, where, yearBefore} from "./rows.js";

// The shared test declaration, cut to a few columns (a date among them), months allowed.
const KEPT = ["niveau", "territoire", "periode", "premiere_embauche", "nb_salaries"];
const spec: DatasetSpec = {
  ...EMPLOYEES,
  periods: ["année", "mois"],
  referenceDate: "2026-01-15",
  columns: EMPLOYEES.columns.filter((c) => KEPT.includes(c.name))
};

const table = tableFromIPC(
  toArrow(spec, [
    {
      niveau: "national",
      territoire: "FR",
      periode: "2024",
      premiere_embauche: "2024-01-01",
      nb_salaries: 120,
      nb_salaries_secret: false
    },
    {
      niveau: "national",
      territoire: "FR",
      periode: "2025",
      premiere_embauche: "2025-01-01",
      nb_salaries: 130,
      nb_salaries_secret: false
    },
    {
      niveau: "national",
      territoire: "FR",
      periode: "2025-12",
      premiere_embauche: "2025-12-01",
      nb_salaries: 90,
      nb_salaries_secret: false
    },
    {
      niveau: "département",
      territoire: "48",
      periode: "2025",
      premiere_embauche: "2025-01-01",
      nb_salaries: null,
      nb_salaries_secret: true
    }
  ])
);

describe("rows of a published file", () => {
  it("reads dictionary values as strings, counts as numbers, dates as Date, once per table", () => {
    const rows = rowsOf(table);
    expect(rows).toHaveLength(4);
    const fr2025 = one(rows, {niveau: "national", periode: "2025"})!;
    expect(fr2025.territoire).toBe("FR");
    expect(fr2025.nb_salaries).toBe(130);
    expect(fr2025.premiere_embauche).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(rowsOf(table)).toBe(rows);
    expect(rowsOf(undefined)).toEqual([]);
    expect(referenceDate(table)).toBe("2026-01-15");
  });

  it("finds the latest period, the latest full year and the year before", () => {
    const rows = rowsOf(table);
    expect(latest(rows)).toBe("2025-12");
    expect(latestYear(rows)).toBe("2025");
    expect(yearBefore("2025")).toBe("2024");
    expect(yearBefore("2025-03")).toBe("2024-03");
  });

  it("selects rows, a criterion given as undefined being no criterion", () => {
    const rows = rowsOf(table);
    expect(where(rows, {periode: "2025", niveau: undefined})).toHaveLength(2);
    expect(one(rows, {territoire: "75"})).toBeUndefined();
  });

  it("says why a figure is not shown: masked by the secret, or no data at all", () => {
    const rows = rowsOf(table);
    const lozere = one(rows, {territoire: "48"});
    expect(value(lozere, "nb_salaries")).toBeNull();
    expect(maskOf(lozere, "nb_salaries")).toBe(
      "secret statistique (moins de 11 personnes ou de 3 structures, ou de quoi les retrouver)"
    );
    expect(reason(lozere, "nb_salaries")).toBe(
      "secret statistique (moins de 11 personnes ou de 3 structures, ou de quoi les retrouver)"
    );
    expect(reason(undefined, "nb_salaries")).toBe("pas de donnée");
    const france = one(rows, {periode: "2024"});
    expect(value(france, "nb_salaries")).toBe(120);
    expect(maskOf(france, "nb_salaries")).toBeNull();
    expect(reason(france, "nb_salaries")).toBeNull();
  });
});
