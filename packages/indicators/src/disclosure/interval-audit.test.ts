import {describe, expect, it} from "vitest";
import {feasibilityIntervals, pinnedCells, type Relation} from "./interval-audit.ts";

const cells = (values: Record<string, number>) => new Map(Object.entries(values));
const masks = (keys: string[]) => new Set(keys);
const sum = (total: string, parts: string[]): Relation => ({total, parts, kind: "sum"});
const distinct = (total: string, parts: string[]): Relation => ({total, parts, kind: "distinct"});

describe("feasibilityIntervals, known answers", () => {
  it("pins three masked parts hiding 4 together in [0, 4] (narrower than 11: pinned)", async () => {
    // Total 23, one part 19 published, three masked parts hiding 23 − 19 = 4 together.
    const values = cells({T: 23, p: 19, a: 1, b: 2, c: 1});
    const intervals = await feasibilityIntervals(values, masks(["a", "b", "c"]), [sum("T", ["p", "a", "b", "c"])]);
    expect(Object.fromEntries(intervals)).toEqual({
      a: {min: 0, max: 4, exact: true},
      b: {min: 0, max: 4, exact: true},
      c: {min: 0, max: 4, exact: true}
    });
    expect(pinnedCells(intervals).map((p) => p.cell)).toEqual(["a", "b", "c"]);
  });

  it("leaves a masked pair hiding 15 in [0, 15] each: not pinned", async () => {
    const values = cells({T: 40, p: 25, a: 7, b: 8});
    const intervals = await feasibilityIntervals(values, masks(["a", "b"]), [sum("T", ["p", "a", "b"])]);
    expect(intervals.get("a")).toEqual({min: 0, max: 15, exact: true});
    expect(intervals.get("b")).toEqual({min: 0, max: 15, exact: true});
    expect(pinnedCells(intervals)).toEqual([]);
  });

  it("gives distinct people a wider interval than the sum would", async () => {
    // National 30 distinct people, régions 20 published and two masked. As a sum the masked
    // régions hide 10 together: [0, 10] each. Counted once nationally, a région holds at most
    // the national 30, and at least nothing: [0, 30].
    const values = cells({FR: 30, r1: 20, r2: 4, r3: 6});
    const relation = (make: typeof sum) => [make("FR", ["r1", "r2", "r3"])];
    const asSum = await feasibilityIntervals(values, masks(["r2", "r3"]), relation(sum));
    const asDistinct = await feasibilityIntervals(values, masks(["r2", "r3"]), relation(distinct));
    expect(asSum.get("r2")).toEqual({min: 0, max: 10, exact: true});
    expect(asDistinct.get("r2")).toEqual({min: 0, max: 30, exact: true});
    expect(pinnedCells(asSum).length).toBe(2);
    expect(pinnedCells(asDistinct)).toEqual([]);
  });

  it("bounds a masked distinct total by its largest part and the sum of its parts", async () => {
    const values = cells({FR: 130, r1: 100, r2: 35});
    const intervals = await feasibilityIntervals(values, masks(["FR"]), [distinct("FR", ["r1", "r2"])]);
    expect(intervals.get("FR")).toEqual({min: 100, max: 135, exact: true});
  });

  it("combines relations: an odd cycle determines each cell exactly", async () => {
    // x + y = 10, y + z = 12, x + z = 14: x = 6, y = 4, z = 8 (what recoverableCells finds).
    const values = cells({A: 10, B: 12, C: 14});
    const relations = [sum("A", ["x", "y"]), sum("B", ["y", "z"]), sum("C", ["x", "z"])];
    const intervals = await feasibilityIntervals(values, masks(["x", "y", "z"]), relations);
    expect(Object.fromEntries(intervals)).toEqual({
      x: {min: 6, max: 6, exact: true},
      y: {min: 4, max: 4, exact: true},
      z: {min: 8, max: 8, exact: true}
    });
  });

  it("uses non-negativity across relations: a cell bounded through another one", async () => {
    // a + b = 20 (row total), a + c = 200 (column total): a ≤ 20 from the first, so c ≥ 180.
    const values = cells({R: 20, C: 200});
    const intervals = await feasibilityIntervals(values, masks(["a", "b", "c"]), [
      sum("R", ["a", "b"]),
      sum("C", ["a", "c"])
    ]);
    expect(intervals.get("c")).toEqual({min: 180, max: 200, exact: true});
    expect(pinnedCells(intervals).map((p) => p.cell)).toEqual([]);
    expect(pinnedCells(intervals, () => true, 25).map((p) => p.cell)).toEqual(["a", "b", "c"]);
  });

  it("leaves a masked total with an unpublished part unbounded above, and ignores unpublished totals", async () => {
    const values = cells({p: 12});
    const intervals = await feasibilityIntervals(values, masks(["T", "q"]), [
      sum("T", ["p", "q"]),
      sum("unpublished", ["q"])
    ]);
    expect(intervals.get("T")).toEqual({min: 12, max: Infinity, exact: true});
    expect(intervals.get("q")).toEqual({min: 0, max: Infinity, exact: true});
  });

  it("checks only the cells asked for (person counts)", async () => {
    const values = cells({T: 23, p: 19});
    const intervals = await feasibilityIntervals(values, masks(["hours", "people"]), [
      sum("T", ["p", "hours", "people"])
    ]);
    expect(pinnedCells(intervals, (cell) => cell === "people").map((p) => p.cell)).toEqual(["people"]);
  });

  it("does not depend on the order of relations or cells", async () => {
    const values = cells({A: 10, B: 12, C: 40, D: 33, w: 33});
    const relations = [sum("A", ["x", "y"]), sum("B", ["y", "z"]), distinct("C", ["x", "z", "w"]), sum("D", ["w"])];
    const one = await feasibilityIntervals(values, masks(["x", "y", "z"]), relations);
    const other = await feasibilityIntervals(values, masks(["z", "y", "x"]), [...relations].reverse());
    expect([...other]).toEqual([...one]);
  });

  it("with `enough`, solves exactly the cells still pinned and stops on the others", async () => {
    // Five régions: two hide 4 together under a published 23 (pinned, exact [0, 4]); three
    // others hide 40 together under a published 60 (each shown to take 0 and 40: left there).
    const values = cells({T: 23, p: 19, U: 60, q: 20});
    const relations = [sum("T", ["p", "a", "b"]), sum("U", ["q", "c", "d", "e"])];
    const all = masks(["a", "b", "c", "d", "e"]);
    const exact = await feasibilityIntervals(values, all, relations);
    const early = await feasibilityIntervals(values, all, relations, {enough: 11});
    for (const k of ["a", "b"]) expect(early.get(k)).toEqual({min: 0, max: 4, exact: true});
    for (const k of ["c", "d", "e"]) {
      expect(exact.get(k)).toEqual({min: 0, max: 40, exact: true});
      const {min, max} = early.get(k)!;
      expect(max - min).toBeGreaterThanOrEqual(11);
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(40);
    }
    expect(pinnedCells(early)).toEqual(pinnedCells(exact));
  });

  it("throws in French when the published values contradict a relation", async () => {
    // Declared a sum, but the published parts add up to more than the total.
    const values = cells({T: 10, p: 12});
    await expect(feasibilityIntervals(values, masks(["a"]), [sum("T", ["p", "a"])])).rejects.toThrow(
      /contredisent les relations déclarées/
    );
  });
});
