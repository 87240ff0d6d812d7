// Random hierarchical tables for property tests: national → régions → départements, crossed
// with categories and their "ensemble" total, every total the exact sum of its parts.

import fc from "fast-check";
import type {CellKey, Constraint, MaskReason} from "../disclosure/secondary.ts";
import {isUnderThreshold} from "../disclosure/threshold.ts";

export interface RandomTable {
  readonly values: Map<CellKey, number>;
  readonly constraints: Constraint[];
  readonly primary: Map<CellKey, MaskReason>;
}

/** Leaf counts: régions × départements × categories, small enough that many fall under 11. */
export const leafCounts = fc.array(
  fc.array(
    fc.array(fc.oneof(fc.constant(0), fc.integer({min: 1, max: 12}), fc.integer({min: 0, max: 60})), {
      minLength: 1,
      maxLength: 4
    }),
    {
      minLength: 1,
      maxLength: 4
    }
  ),
  {minLength: 1, maxLength: 3}
);

/** Builds the table (cells, margins, constraints, primary masks) from leaf counts. */
export function hierarchicalTable(leaves: number[][][]): RandomTable {
  const categories = Math.min(...leaves.flatMap((r) => r.map((d) => d.length)));
  const values = new Map<CellKey, number>();
  const constraints: Constraint[] = [];
  const key = (geo: string, cat: string) => `${geo}/${cat}`;
  const cats = Array.from({length: categories}, (_, c) => `c${c}`);
  const geos: {geo: string; parent?: string; counts: number[]}[] = [];
  const national = new Array<number>(categories).fill(0);
  leaves.forEach((region, r) => {
    const regionCounts = new Array<number>(categories).fill(0);
    region.forEach((dep, d) => {
      const counts = dep.slice(0, categories);
      counts.forEach((v, c) => (regionCounts[c]! += v));
      geos.push({geo: `R${r}D${d}`, parent: `R${r}`, counts});
    });
    regionCounts.forEach((v, c) => (national[c]! += v));
    geos.push({geo: `R${r}`, parent: "FR", counts: regionCounts});
  });
  geos.push({geo: "FR", counts: national});
  for (const {geo, counts} of geos) {
    counts.forEach((v, c) => values.set(key(geo, cats[c]!), v));
    values.set(
      key(geo, "ensemble"),
      counts.reduce((a, b) => a + b, 0)
    );
    constraints.push({total: key(geo, "ensemble"), parts: cats.map((c) => key(geo, c))});
  }
  for (const cat of [...cats, "ensemble"]) {
    for (const parent of new Set(geos.flatMap((g) => (g.parent ? [g.parent] : [])))) {
      const children = geos.filter((g) => g.parent === parent).map((g) => key(g.geo, cat));
      constraints.push({total: key(parent, cat), parts: children});
    }
  }
  const primary = new Map<CellKey, MaskReason>();
  for (const [k, v] of values) if (isUnderThreshold(v)) primary.set(k, "primaire");
  return {values, constraints, primary};
}
