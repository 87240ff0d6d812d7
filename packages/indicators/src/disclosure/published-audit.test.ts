import {describe, expect, it} from "vitest";
import type {DatasetSpec, FigureColumn, Row} from "../dataset.ts";
import {EMPLOYEES, employeesRow} from "../testing/specs.ts";
import {geography} from "./hierarchies.ts";
import {auditPublishedDatasets, describePinned} from "./published-audit.ts";

// France and three régions: Île-de-France (11) 19 published, Hauts-de-France (32) and
// Auvergne-Rhône-Alpes (84) masked, France 23 published.
const geo = (niveau: string, territoire: string, nb_salaries: number | null) =>
  employeesRow({
    niveau,
    territoire,
    territoire_libelle: territoire,
    nb_salaries,
    nb_salaries_secret: nb_salaries === null
  }) as Row;
const ROWS = [geo("national", "FR", 23), geo("région", "11", 19), geo("région", "32", null), geo("région", "84", null)];

const withAggregation = (aggregation: FigureColumn["aggregation"]): DatasetSpec => ({
  ...EMPLOYEES,
  columns: EMPLOYEES.columns.map((c) => (c.name === "nb_salaries" ? {...c, aggregation} : c))
});

describe("auditPublishedDatasets", () => {
  it("pins two régions hiding 4 together when régions add up to France", async () => {
    const result = await auditPublishedDatasets([
      {spec: withAggregation("sum"), rows: ROWS, hierarchies: [geography()]}
    ]);
    expect(result.maskedCells).toBe(2);
    expect(result.pinned.map((p) => [p.dataset, p.dims.territoire, p.min, p.max])).toEqual([
      ["salaries-test", "32", 0, 4],
      ["salaries-test", "84", 0, 4]
    ]);
    expect(describePinned(result.pinned[0]!)).toBe(
      "salaries-test · nb_salaries (niveau région, territoire 32, periode 2024, premiere_embauche 2024-01-02) : entre 0 et 4"
    );
  });

  it("pins nothing when the count is of distinct people (a région holds up to France's 23)", async () => {
    const result = await auditPublishedDatasets([
      {spec: withAggregation("distinct"), rows: ROWS, hierarchies: [geography()]}
    ]);
    expect(result.pinned).toEqual([]);
    // Exact: [0, 23] each; the audit stops once a cell is shown to take values 11 apart.
    for (const {min, max} of result.intervals.values()) {
      expect(max).toBe(23);
      expect(max - min).toBeGreaterThanOrEqual(11);
    }
  });

  it("counts a cell published in another file as known", async () => {
    const other = [geo("région", "32", 2)];
    const result = await auditPublishedDatasets([
      {spec: withAggregation("sum"), rows: ROWS, hierarchies: [geography()]},
      {spec: withAggregation("sum"), rows: other, hierarchies: []}
    ]);
    expect(result.maskedCells).toBe(1);
    expect(result.pinned.map((p) => [p.dims.territoire, p.min, p.max])).toEqual([["84", 2, 2]]);
  });

  it("refuses a people count that does not say how its totals are formed", async () => {
    await expect(
      auditPublishedDatasets([{spec: withAggregation(undefined), rows: ROWS, hierarchies: [geography()]}])
    ).rejects.toThrow(/aggregation/);
  });
});
