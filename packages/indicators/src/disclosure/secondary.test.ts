import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {hierarchicalTable, leafCounts} from "../testing/tables.ts";
import {protectCells, recoverableCells} from "./audit.ts";
import {categoryTotal, cellKey, complementCosts, geography, hierarchyConstraints} from "./hierarchies.ts";
import {type Constraint, type MaskReason, secondarySuppression} from "./secondary.ts";
import {isUnderThreshold} from "./threshold.ts";

const cells = (values: Record<string, number | null>) => new Map(Object.entries(values));
const masks = (keys: string[]) => new Map(keys.map((k): [string, MaskReason] => [k, "primaire"]));
const sorted = (result: Map<string, MaskReason>) =>
  Object.fromEntries([...result].sort(([a], [b]) => (a < b ? -1 : 1)));

describe("secondarySuppression, known answers", () => {
  it("masks the smallest other part when a part is masked alone", () => {
    const values = cells({T: 100, a: 5, b: 20, c: 30, d: 45});
    const result = secondarySuppression(values, masks(["a"]), [{total: "T", parts: ["a", "b", "c", "d"]}]);
    expect(sorted(result)).toEqual({a: "primaire", b: "secondaire"});
  });

  it("masks a part when the total is masked alone, since it would be the sum of the parts", () => {
    const values = cells({T: 15, a: 12, b: 3});
    const result = secondarySuppression(values, masks(["T"]), [{total: "T", parts: ["a", "b"]}]);
    expect(sorted(result)).toEqual({T: "primaire", b: "secondaire"});
  });

  it("prefers a positive part to a zero, and takes a zero only when nothing else is left", () => {
    const constraint = {total: "T", parts: ["a", "b", "c"]};
    expect(sorted(secondarySuppression(cells({T: 50, a: 4, b: 0, c: 46}), masks(["a"]), [constraint]))).toEqual({
      a: "primaire",
      c: "secondaire"
    });
    // With T = 4 published, a and a zero masked would still hide 4 together: everything goes.
    expect(sorted(secondarySuppression(cells({T: 4, a: 4, b: 0, c: 0}), masks(["a"]), [constraint]))).toEqual({
      T: "secondaire",
      a: "primaire",
      b: "secondaire",
      c: "secondaire"
    });
  });

  // Issue 15: masked cells that protect each other must also hide together at least the
  // threshold, else a reader pins each between 0 and what they hide.
  it("sorties, région 93, 2023: three masked départements hiding 4 together get a fourth", () => {
    // 23 exits in the région, 19 in the Bouches-du-Rhône (13), 2, 1 and 1 in 04, 05 and 06.
    const values = cells({"93": 23, "13": 19, "04": 2, "05": 1, "06": 1});
    const result = secondarySuppression(values, masks(["04", "05", "06"]), [
      {total: "93", parts: ["13", "04", "05", "06"]}
    ]);
    expect(sorted(result)).toEqual({"04": "primaire", "05": "primaire", "06": "primaire", "13": "secondaire"});
  });

  it("pass-iae, national, April 2023, suspended: EI and ETTI hiding 6 together are not enough", () => {
    // 34 = ACI 15 + AI 13 + EITI 0 + EI and ETTI (masked, 6 together).
    const values = cells({T: 34, ACI: 15, AI: 13, EITI: 0, EI: 4, ETTI: 2});
    const result = secondarySuppression(values, masks(["EI", "ETTI"]), [
      {total: "T", parts: ["ACI", "AI", "EITI", "EI", "ETTI"]}
    ]);
    expect(sorted(result)).toEqual({AI: "secondaire", EI: "primaire", ETTI: "primaire"});
    expect(result.has("T")).toBe(false);
  });

  it("leaves alone masked parts that hide the threshold or more together", () => {
    const values = cells({T: 40, a: 6, b: 5, c: 29});
    const result = secondarySuppression(values, masks(["a", "b"]), [{total: "T", parts: ["a", "b", "c"]}]);
    expect(sorted(result)).toEqual({a: "primaire", b: "primaire"});
  });

  it("breaks ties by key, whatever the order of the parts", () => {
    const values = cells({T: 65, a: 5, x: 30, m: 30});
    expect(sorted(secondarySuppression(values, masks(["a"]), [{total: "T", parts: ["x", "m", "a"]}]))).toEqual({
      a: "primaire",
      m: "secondaire"
    });
  });

  it("masks the whole inside of a 2×2 table with published margins", () => {
    // a b | R1      3 20 | 23
    // c d | R2     15 40 | 55
    // C1 C2 | T    18 60 | 78
    const values = cells({a: 3, b: 20, c: 15, d: 40, R1: 23, R2: 55, C1: 18, C2: 60, T: 78});
    const constraints: Constraint[] = [
      {total: "R1", parts: ["a", "b"]},
      {total: "R2", parts: ["c", "d"]},
      {total: "C1", parts: ["a", "c"]},
      {total: "C2", parts: ["b", "d"]},
      {total: "T", parts: ["R1", "R2"]},
      {total: "T", parts: ["C1", "C2"]}
    ];
    const result = secondarySuppression(values, masks(["a"]), constraints);
    expect(sorted(result)).toEqual({a: "primaire", b: "secondaire", c: "secondaire", d: "secondaire"});
    expect(recoverableCells(values, result, constraints)).toEqual([]);
  });

  it("cascades down a hierarchy: a masked région masks its sibling, which masks one of its départements", () => {
    // FR = R1 + R2; R1 = d1 + d2 (5 + 3, all under 11); R2 = d3 + d4 (40 + 50).
    const values = cells({FR: 98, R1: 8, R2: 90, d1: 5, d2: 3, d3: 40, d4: 50});
    const constraints: Constraint[] = [
      {total: "FR", parts: ["R1", "R2"]},
      {total: "R1", parts: ["d1", "d2"]},
      {total: "R2", parts: ["d3", "d4"]}
    ];
    const result = secondarySuppression(values, masks(["R1", "d1", "d2"]), constraints);
    expect(sorted(result)).toEqual({
      R1: "primaire",
      R2: "secondaire",
      d1: "primaire",
      d2: "primaire",
      d3: "secondaire"
    });
  });

  it("ignores a constraint whose total is not published, and reads absent parts as known", () => {
    const noTotal = secondarySuppression(cells({a: 5, b: 20}), masks(["a"]), [{total: "T", parts: ["a", "b"]}]);
    expect(sorted(noTotal)).toEqual({a: "primaire"});
    // c is not published: a reader takes it as 0, so a would be T - b: b must go.
    const absent = secondarySuppression(cells({T: 25, a: 5, b: 20}), masks(["a"]), [
      {total: "T", parts: ["a", "b", "c"]}
    ]);
    expect(sorted(absent)).toEqual({a: "primaire", b: "secondaire"});
  });
});

describe("secondarySuppression, least information loss (issue 13)", () => {
  it("takes a part whose other relations are masked already over a smaller one that opens a new relation", () => {
    // T1 = a + b + c, a = 5 masked. b is also in T2 = b + x, where x = 3 is masked already:
    // b must go anyway. c (smaller) is in T3 = c + y, where nothing is masked: masking c would
    // then cost y too. Smallest first masked a, x, c, b and y; the least loss is a, x, b.
    const values = cells({T1: 40, a: 5, b: 20, c: 15, T2: 23, x: 3, T3: 55, y: 40});
    const constraints: Constraint[] = [
      {total: "T1", parts: ["a", "b", "c"]},
      {total: "T2", parts: ["b", "x"]},
      {total: "T3", parts: ["c", "y"]}
    ];
    const result = secondarySuppression(values, masks(["a", "x"]), constraints);
    expect(sorted(result)).toEqual({a: "primaire", b: "secondaire", x: "primaire"});
    expect(recoverableCells(values, result, constraints)).toEqual([]);
  });

  it("masks « Autre » before a named category of the same size", () => {
    const motif = (m: string) => ({figure: "candidatures", dims: {motif: m}});
    const list = [motif("ensemble"), motif("Accident"), motif("Agriculture"), motif("Autre")];
    const hierarchies = [categoryTotal("motif")];
    const key = (m: string) => cellKey("candidatures", {motif: m});
    const values = new Map<string, number>([
      [key("ensemble"), 45],
      [key("Accident"), 5],
      [key("Agriculture"), 20],
      [key("Autre"), 20]
    ]);
    const primary = new Map<string, MaskReason>([[key("Accident"), "primaire"]]);
    const constraints = hierarchyConstraints(list, hierarchies);
    // Without costs the tie goes to the key: « Agriculture ».
    expect([...secondarySuppression(values, primary, constraints).keys()].sort()).toEqual(
      [key("Accident"), key("Agriculture")].sort()
    );
    const result = secondarySuppression(values, primary, constraints, undefined, complementCosts(list, hierarchies));
    expect([...result.keys()].sort()).toEqual([key("Accident"), key("Autre")].sort());
  });

  it("masks a lower part before a smaller national one", () => {
    // One relation whose parts sit at two levels (tiers given by costOf): the national part
    // is smaller, yet the regional one goes.
    const values = cells({T: 60, a: 5, n: 15, r: 40});
    const costOf = (k: string) => ({tier: k === "n" ? 3 : 2, residual: false});
    const constraints = [{total: "T", parts: ["a", "n", "r"]}];
    expect(sorted(secondarySuppression(values, masks(["a"]), constraints))).toEqual({a: "primaire", n: "secondaire"});
    expect(sorted(secondarySuppression(values, masks(["a"]), constraints, undefined, costOf))).toEqual({
      a: "primaire",
      r: "secondaire"
    });
  });

  it("gives national cells the highest tier and catch-all categories the residual flag", () => {
    const cell = (niveau: string, territoire: string, motif: string) => ({
      figure: "f",
      dims: {niveau, territoire, motif}
    });
    const list = [
      cell("national", "FR", "Non renseigné"),
      cell("région", "84", "Autre"),
      cell("département", "01", "Accident")
    ];
    const costOf = complementCosts(list, [geography(), categoryTotal("motif")]);
    expect(list.map((c) => costOf(cellKey(c.figure, c.dims)))).toEqual([
      {tier: 3, residual: true},
      {tier: 2, residual: true},
      {tier: 1, residual: false}
    ]);
    expect(costOf("absent")).toEqual({tier: 0, residual: false});
  });
});

describe("secondarySuppression, properties on random hierarchical tables", () => {
  const runs = {numRuns: 300};

  it("never publishes a count of 1 to 10 people", () => {
    fc.assert(
      fc.property(leafCounts, (leaves) => {
        const {values, constraints, primary} = hierarchicalTable(leaves);
        const result = secondarySuppression(values, primary, constraints);
        for (const [key, value] of values) if (!result.has(key)) expect(isUnderThreshold(value), key).toBe(false);
      }),
      runs
    );
  });

  it("never leaves exactly one masked cell in a constraint (no recovery by one subtraction)", () => {
    fc.assert(
      fc.property(leafCounts, (leaves) => {
        const {values, constraints, primary} = hierarchicalTable(leaves);
        const result = secondarySuppression(values, primary, constraints);
        for (const {total, parts} of constraints) {
          expect([total, ...parts].filter((k) => result.has(k)).length, total).not.toBe(1);
        }
      }),
      runs
    );
  });

  it("is idempotent and keeps every primary mask", () => {
    fc.assert(
      fc.property(leafCounts, (leaves) => {
        const {values, constraints, primary} = hierarchicalTable(leaves);
        const once = secondarySuppression(values, primary, constraints);
        for (const [key, reason] of primary) expect(once.get(key)).toBe(reason);
        expect(sorted(secondarySuppression(values, once, constraints))).toEqual(sorted(once));
      }),
      runs
    );
  });

  it("does not depend on the order of the constraints", () => {
    fc.assert(
      fc.property(leafCounts, fc.integer(), (leaves, seed) => {
        const {values, constraints, primary} = hierarchicalTable(leaves);
        const shuffled = [...constraints]
          .map((c, i) => ({c: {total: c.total, parts: [...c.parts].reverse()}, r: Math.sin(seed + i)}))
          .sort((a, b) => a.r - b.r)
          .map(({c}) => c);
        expect(sorted(secondarySuppression(values, primary, shuffled))).toEqual(
          sorted(secondarySuppression(values, primary, constraints))
        );
      }),
      runs
    );
  });

  it("with the audit, leaves no masked cell recoverable by any combination of the margins", () => {
    fc.assert(
      fc.property(leafCounts, (leaves) => {
        const {values, constraints, primary} = hierarchicalTable(leaves);
        const result = protectCells(values, primary, constraints);
        expect(recoverableCells(values, result, constraints)).toEqual([]);
        for (const {total, parts} of constraints) {
          expect([total, ...parts].filter((k) => result.has(k)).length, total).not.toBe(1);
        }
        expect(sorted(protectCells(values, result, constraints))).toEqual(sorted(result));
      }),
      runs
    );
  });

  it("the audit is needed: one subtraction at a time misses a cell that combining constraints gives", () => {
    // Found by the property above: one région, three départements, three categories.
    const {values, constraints, primary} = hierarchicalTable([
      [
        [1, 10, 0],
        [0, 1, 1],
        [0, 0, 10]
      ]
    ]);
    const heuristic = secondarySuppression(values, primary, constraints);
    expect(recoverableCells(values, heuristic, constraints)).toEqual(["R0D1/c1"]);
    expect(recoverableCells(values, protectCells(values, primary, constraints), constraints)).toEqual([]);
  });
});
