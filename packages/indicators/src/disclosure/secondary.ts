// Secondary suppression: once cells under the threshold are masked, mask more cells so
// that no masked cell can be recomputed from the published totals by a subtraction.
//
// Generic over cells and additive constraints (total = sum of parts), so one call can
// cover every hierarchy at once (geography, categories, periods) and the union of every
// dataset publishing the same figure: the masks then agree across files.

import {DISCLOSURE_THRESHOLD} from "./threshold.ts";

/** Identity of a cell: any string, the same in every dataset publishing the cell. */
export type CellKey = string;

/** An additive constraint: the value of `total` is the sum of the values of `parts`. */
export interface Constraint {
  readonly total: CellKey;
  readonly parts: readonly CellKey[];
}

export type MaskReason = "primaire" | "secondaire";

/**
 * What masking a cell loses besides its value, to choose complementary cells (the cost of
 * τ-ARGUS's modular method, reduced to an order):
 * - `tier`: how high the cell sits in the hierarchies (0 at the finest level; a département
 *   below its région below the nation). A cell of a higher tier is chosen only when no cell
 *   of a lower tier can do the job: a national figure is the one most read.
 * - `residual`: a catch-all category ("Autre", "Non renseigné"), which says least: masked
 *   before a named category of the same value.
 */
export interface ComplementCost {
  readonly tier: number;
  readonly residual: boolean;
}

/** The cost of masking each cell (see `ComplementCost`); by default every cell is alike. */
export type CostOf = (key: CellKey) => ComplementCost;

const NO_COST: ComplementCost = {tier: 0, residual: false};
export const uniformCost: CostOf = () => NO_COST;

/**
 * Returns the masks after secondary suppression: the given ones plus "secondaire" cells.
 *
 * Rules, applied until nothing changes, in every constraint whose total is published or
 * masked (a constraint on an unpublished total reveals nothing):
 * - the number of masked cells among the total and its parts must not be exactly one;
 * - when the total is published, what the masked parts hide together (the total minus the
 *   published parts, which a reader can compute) must be nothing or at least `threshold`:
 *   otherwise each masked part is pinned between 0 and less than the threshold (issue 15:
 *   three masked départements that hide 4 people together each hold 4 at most).
 * When a rule fails, one more cell is masked, the published part whose masking loses least:
 * lowest tier (`costOf`: a national cell only when no lower part is left); then the one that
 * opens fewest other constraints of its tier or above (constraints with no masked cell yet,
 * which would need a complement as dear in turn: a cell in relations already masked
 * elsewhere costs less); then as `cheapestCell` (smallest positive value, zeros, nulls,
 * residual categories first, key). The total only when no part is left. Constraints are visited in key
 * order, so the result depends on the cells and constraints only, not on the order they
 * were given in.
 *
 * Cells that are absent from `values`, or null and not masked, count as known to a reader
 * (a part a dataset leaves out is read as 0): they never shield a masked cell.
 *
 * Limit: this guarantees no masked cell is alone in any one constraint. Combining several
 * constraints (a linear system) can, in rare patterns, still determine a value:
 * `protectCells` (audit.ts) adds the exact audit and repairs those.
 */
export function secondarySuppression(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[],
  threshold: number = DISCLOSURE_THRESHOLD,
  costOf: CostOf = uniformCost
): Map<CellKey, MaskReason> {
  const result = new Map(masked);
  const ordered = [...constraints]
    .filter((c) => values.has(c.total) || masked.has(c.total))
    .map((c) => ({total: c.total, parts: [...new Set(c.parts)].filter((p) => p !== c.total && values.has(p)).sort()}))
    .sort((a, b) => compareKeys(a.total, b.total) || compareKeys(a.parts.join("\n"), b.parts.join("\n")));

  // For each cell, the constraints it is a member of; for each constraint, how many of its
  // members are masked and the lowest tier among them (the cheapest complement it could take).
  const constraintsOf = new Map<CellKey, number[]>();
  const maskedIn = ordered.map(() => 0);
  const lowestTier = ordered.map(() => Infinity);
  ordered.forEach(({total, parts}, i) => {
    for (const k of [total, ...parts]) {
      const list = constraintsOf.get(k);
      if (list) list.push(i);
      else constraintsOf.set(k, [i]);
      if (result.has(k)) maskedIn[i]! += 1;
      lowestTier[i] = Math.min(lowestTier[i]!, costOf(k).tier);
    }
  });
  // Constraints other than `current` that masking `key` would leave with one masked cell,
  // whose complement could be no cheaper than `key` (same tier or above): masking `key` there
  // forces as dear a cell again. Cells already masked elsewhere open none.
  const opens = (key: CellKey, current: number) => {
    const tier = costOf(key).tier;
    let count = 0;
    for (const i of constraintsOf.get(key) ?? [])
      if (i !== current && maskedIn[i] === 0 && lowestTier[i]! >= tier) count++;
    return count;
  };
  const mask = (key: CellKey) => {
    result.set(key, "secondaire");
    for (const i of constraintsOf.get(key) ?? []) maskedIn[i]! += 1;
  };

  let changed = true;
  while (changed) {
    changed = false;
    ordered.forEach(({total, parts}, i) => {
      const members = [total, ...parts];
      const count = members.filter((k) => result.has(k)).length;
      if (count === 0) return;
      if (count > 1 && !hidesTooLittle(total, parts, values, result, threshold)) return;
      let next: CellKey | undefined;
      let nextOpens = 0;
      for (const part of parts) {
        if (result.has(part)) continue;
        const partOpens = opens(part, i);
        const order =
          next === undefined
            ? -1
            : costOf(part).tier - costOf(next).tier || partOpens - nextOpens || compareCost(part, next, values, costOf);
        if (order < 0) [next, nextOpens] = [part, partOpens];
      }
      next ??= result.has(total) ? undefined : total;
      if (next === undefined) return; // a lone total with no part: nothing else to mask
      mask(next);
      changed = true;
    });
  }
  return result;
}

/**
 * Whether the masked parts of a constraint with a published total hide together a positive
 * number under the threshold: the total minus the published parts, as a reader computes it
 * (a null part counts 0). False when the total is masked or has no value.
 */
function hidesTooLittle(
  total: CellKey,
  parts: readonly CellKey[],
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  threshold: number
): boolean {
  const totalValue = values.get(total);
  if (masked.has(total) || typeof totalValue !== "number") return false;
  const hidden = parts.reduce((rest, p) => (masked.has(p) ? rest : rest - (values.get(p) ?? 0)), totalValue);
  return hidden > 0 && hidden < threshold;
}

/**
 * The cell to mask next among candidates, the one whose masking loses least: lowest tier
 * first (see `ComplementCost`); then smallest positive value (masking a zero protects
 * little), then zeros, then nulls; then residual categories before named ones; ties broken
 * by key. Undefined when there is no candidate.
 */
export function cheapestCell(
  candidates: Iterable<CellKey>,
  values: ReadonlyMap<CellKey, number | null>,
  costOf: CostOf = uniformCost
): CellKey | undefined {
  let best: CellKey | undefined;
  for (const key of candidates) if (best === undefined || compareCost(key, best, values, costOf) < 0) best = key;
  return best;
}

/**
 * Order of `cheapestCell` between two cells: negative when masking `a` loses less than
 * masking `b`, zero only for the same key.
 */
export function compareCost(
  a: CellKey,
  b: CellKey,
  values: ReadonlyMap<CellKey, number | null>,
  costOf: CostOf = uniformCost
): number {
  const rank = (v: number | null) => (v === null ? 2 : v === 0 ? 1 : 0);
  const [ca, cb] = [costOf(a), costOf(b)];
  const [va, vb] = [values.get(a) ?? null, values.get(b) ?? null];
  return (
    ca.tier - cb.tier ||
    rank(va) - rank(vb) ||
    (va ?? 0) - (vb ?? 0) ||
    Number(cb.residual) - Number(ca.residual) ||
    compareKeys(a, b)
  );
}

// Code-unit order, not locale order: the same on every machine.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
