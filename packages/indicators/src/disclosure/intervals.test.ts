import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {hierarchicalTable, leafCounts} from "../testing/tables.ts";
import {protectCells} from "./audit.ts";
import {feasibilityIntervals, width} from "./intervals.ts";
import {type Constraint, type MaskReason, secondarySuppression} from "./secondary.ts";

const cells = (values: Record<string, number | null>) => new Map(Object.entries(values));
const masks = (keys: string[]) => new Map(keys.map((k): [string, MaskReason] => [k, "primaire"]));
const narrowest = async (...args: Parameters<typeof feasibilityIntervals>) =>
  Math.min(...(await feasibilityIntervals(...args)).map(width));

// The count rule alone (never exactly one masked cell in a relation), as secondary
// suppression worked before: what issue 15 recovered from the published files.
function countRuleOnly(
  values: ReadonlyMap<string, number | null>,
  primary: ReadonlyMap<string, MaskReason>,
  constraints: readonly Constraint[]
) {
  return secondarySuppression(values, primary, constraints, 0);
}

describe("feasibilityIntervals: what a reader can still learn of a masked count", () => {
  it("sorties, région 93, 2023, emploi de transition: 23 − 19 leaves 4 for départements 04, 05 and 06", async () => {
    const values = cells({"93": 23, "04": 2, "05": 1, "06": 1, "13": 19, "83": 0, "84": 0});
    const constraints = [{total: "93", parts: ["04", "05", "06", "13", "83", "84"]}];
    const before = countRuleOnly(values, masks(["04", "05", "06"]), constraints);
    expect([...before.keys()].sort()).toEqual(["04", "05", "06"]);
    expect(await feasibilityIntervals(values, before, constraints)).toEqual([
      {cell: "04", low: 0, high: 4},
      {cell: "05", low: 0, high: 4},
      {cell: "06", low: 0, high: 4}
    ]);
    // Now the masked départements hide together at least 11: 13 is masked with them.
    const after = await protectCells(values, masks(["04", "05", "06"]), constraints);
    expect(after.has("13")).toBe(true);
    expect(await narrowest(values, after, constraints)).toBeGreaterThanOrEqual(11);
  });

  it("pass-iae, national, April 2023, suspended: 34 − 15 − 13 − 0 leaves 6 for EI + ETTI", async () => {
    const values = cells({ensemble: 34, ACI: 15, AI: 13, EITI: 0, EI: 4, ETTI: 2});
    const constraints = [{total: "ensemble", parts: ["ACI", "AI", "EITI", "EI", "ETTI"]}];
    const before = countRuleOnly(values, masks(["EI", "ETTI"]), constraints);
    expect(await narrowest(values, before, constraints)).toBe(6);
    const after = await protectCells(values, masks(["EI", "ETTI"]), constraints);
    // The smallest cell that makes the masked ones hide 11 or more: AI (13), not ACI.
    expect([...after.keys()].sort()).toEqual(["AI", "EI", "ETTI"]);
    expect(await narrowest(values, after, constraints)).toBe(19);
  });

  it("distinct people: national 4 556 against 4 559 summed over the régions is no contradiction", async () => {
    // A person employed in two régions counts once nationally: equalities would be false.
    const values = cells({FR: 4556, R1: 2000, R2: 2554, R3: 5});
    const sum: Constraint = {total: "FR", parts: ["R1", "R2", "R3"]};
    const distinct: Constraint = {...sum, kind: "distinct"};
    await expect(feasibilityIntervals(values, masks(["R3"]), [sum])).resolves.toEqual([{cell: "R3", low: 2, high: 2}]);
    // As inequalities: R3 ≤ 4 556 and 4 556 ≤ 4 554 + R3, so R3 ≥ 2 — and 5 lies inside.
    const [interval] = await feasibilityIntervals(values, masks(["R3"]), [distinct]);
    expect(interval).toEqual({cell: "R3", low: 2, high: 4556});
    // Secondary suppression leaves distinct relations to the interval audit, which is content.
    const after = await protectCells(values, masks(["R3"]), [distinct]);
    expect([...after.keys()]).toEqual(["R3"]);
  });

  it("two relations together can pin a cell that each alone leaves wide", async () => {
    // x + y = 12 (row), x + z = 20 (column) with z = 14 + w published w = 11: combining
    // gives x = 6 exactly when w is published; the audit masks more until it is wide.
    const values = cells({R: 12, C: 20, x: 6, y: 6, z: 14, Z: 25, w: 11});
    const constraints: Constraint[] = [
      {total: "R", parts: ["x", "y"]},
      {total: "C", parts: ["x", "z"]},
      {total: "Z", parts: ["z", "w"]}
    ];
    const after = await protectCells(values, masks(["x", "y"]), constraints);
    expect(await narrowest(values, after, constraints)).toBeGreaterThanOrEqual(11);
  });

  it("after protectCells, no masked count of a random hierarchical table is pinned within less than 11", async () => {
    await fc.assert(
      fc.asyncProperty(leafCounts, async (leaves) => {
        const {values, constraints, primary} = hierarchicalTable(leaves);
        const result = await protectCells(values, primary, constraints);
        if (result.size > 0) expect(await narrowest(values, result, constraints)).toBeGreaterThanOrEqual(11);
      }),
      {numRuns: 60}
    );
  });
});
