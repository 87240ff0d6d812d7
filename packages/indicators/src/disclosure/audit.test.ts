import {describe, expect, it} from "vitest";
import {protectCells, recoverableCells} from "./audit.ts";
import type {Constraint, MaskReason} from "./secondary.ts";

const cells = (values: Record<string, number>) => new Map(Object.entries(values));
const masks = (keys: string[]) => new Map(keys.map((k): [string, MaskReason] => [k, "primaire"]));

describe("recoverableCells", () => {
  it("finds a cell masked alone in a constraint", () => {
    const values = cells({T: 30, a: 5, b: 25});
    expect(recoverableCells(values, masks(["a"]), [{total: "T", parts: ["a", "b"]}])).toEqual(["a"]);
  });

  it("finds cells determined only by combining constraints (an odd cycle)", () => {
    // x + y = 10, y + z = 12, x + z = 14: each constraint has two masked cells, yet x = 6.
    const values = cells({A: 10, B: 12, C: 14, x: 6, y: 4, z: 8});
    const constraints: Constraint[] = [
      {total: "A", parts: ["x", "y"]},
      {total: "B", parts: ["y", "z"]},
      {total: "C", parts: ["x", "z"]}
    ];
    expect(recoverableCells(values, masks(["x", "y", "z"]), constraints)).toEqual(["x", "y", "z"]);
  });

  it("finds a masked total hidden one level up but given by its parts", () => {
    // FR = R1 + R2 with R1 and R2 masked, but R1 = d1 + d2 with both published.
    const values = cells({FR: 60, R1: 25, R2: 35, d1: 12, d2: 13});
    const constraints: Constraint[] = [
      {total: "FR", parts: ["R1", "R2"]},
      {total: "R1", parts: ["d1", "d2"]}
    ];
    expect(recoverableCells(values, masks(["R1", "R2"]), constraints)).toEqual(["R1", "R2"]);
  });

  it("finds nothing in a 2×2 table fully masked inside", () => {
    const values = cells({a: 3, b: 20, c: 15, d: 40, R1: 23, R2: 55, C1: 18, C2: 60});
    const constraints: Constraint[] = [
      {total: "R1", parts: ["a", "b"]},
      {total: "R2", parts: ["c", "d"]},
      {total: "C1", parts: ["a", "c"]},
      {total: "C2", parts: ["b", "d"]}
    ];
    expect(recoverableCells(values, masks(["a", "b", "c", "d"]), constraints)).toEqual([]);
  });
});

describe("protectCells, complementary cells (issue 13)", () => {
  // x, y, z (départements, tier 1) are masked and each relation holds two of them, yet the
  // three relations give them all: x + y = 11, y + z = 12, x + z = 13. The published cells
  // near them: n (national, tier 3, 12), the régions A, B, C (tier 2) and r (tier 1, 30).
  const values = cells({A: 23, B: 42, C: 13, x: 6, y: 5, z: 7, n: 12, r: 30});
  const constraints: Constraint[] = [
    {total: "A", parts: ["x", "y", "n"]},
    {total: "B", parts: ["y", "z", "r"]},
    {total: "C", parts: ["x", "z"]}
  ];
  const tiers: Record<string, number> = {A: 2, B: 2, C: 2, n: 3};
  const costOf = (k: string) => ({tier: tiers[k] ?? 1, residual: false});

  it("masks the one lowest cell that makes them undetermined, not the smallest national one", () => {
    expect(recoverableCells(values, masks(["x", "y", "z"]), constraints)).toEqual(["x", "y", "z"]);
    // Smallest nearest first took n (12, national) for x, then A for y and C for z.
    const result = protectCells(values, masks(["x", "y", "z"]), constraints, undefined, costOf);
    expect(Object.fromEntries([...result].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual({
      r: "secondaire",
      x: "primaire",
      y: "primaire",
      z: "primaire"
    });
    expect(recoverableCells(values, result, constraints)).toEqual([]);
  });

  it("without costs, still masks one cell that does the job rather than one per exposed cell", () => {
    const result = protectCells(values, masks(["x", "y", "z"]), constraints);
    expect(result.size).toBe(4);
    expect(recoverableCells(values, result, constraints)).toEqual([]);
  });
});
