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
 * Returns the masks after secondary suppression: the given ones plus "secondaire" cells.
 *
 * Rules, applied until nothing changes, in every constraint whose total is published or
 * masked (a constraint on an unpublished total reveals nothing):
 * - the number of masked cells among the total and its parts must not be exactly one;
 * - when the total is published, what the masked parts hide together (the total minus the
 *   published parts, which a reader can compute) must be nothing or at least `threshold`:
 *   otherwise each masked part is pinned between 0 and less than the threshold (issue 15:
 *   three masked départements that hide 4 people together each hold 4 at most).
 * When a rule fails, one more cell is masked: the smallest published part (smallest
 * positive value first, since masking a zero protects little; then zeros; then null parts;
 * ties broken by key), or the total when no part is left. Constraints are visited in key
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
  threshold: number = DISCLOSURE_THRESHOLD
): Map<CellKey, MaskReason> {
  const result = new Map(masked);
  const ordered = [...constraints]
    .filter((c) => values.has(c.total) || masked.has(c.total))
    .map((c) => ({total: c.total, parts: [...new Set(c.parts)].filter((p) => p !== c.total && values.has(p)).sort()}))
    .sort((a, b) => compareKeys(a.total, b.total) || compareKeys(a.parts.join("\n"), b.parts.join("\n")));

  let changed = true;
  while (changed) {
    changed = false;
    for (const {total, parts} of ordered) {
      const members = [total, ...parts];
      const count = members.filter((k) => result.has(k)).length;
      if (count === 0) continue;
      if (count > 1 && !hidesTooLittle(total, parts, values, result, threshold)) continue;
      const next =
        smallestCell(
          parts.filter((p) => !result.has(p)),
          values
        ) ?? (result.has(total) ? undefined : total);
      if (next === undefined) continue; // a lone total with no part: nothing else to mask
      result.set(next, "secondaire");
      changed = true;
    }
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
 * The cell to mask next among candidates: smallest positive value first (masking a zero
 * protects little), then zeros, then nulls; ties broken by key.
 */
export function smallestCell(
  candidates: Iterable<CellKey>,
  values: ReadonlyMap<CellKey, number | null>
): CellKey | undefined {
  const rank = (v: number | null) => (v === null ? 2 : v === 0 ? 1 : 0);
  let best: CellKey | undefined;
  let bestValue: number | null = null;
  for (const key of candidates) {
    const value = values.get(key) ?? null;
    const order =
      best === undefined
        ? -1
        : rank(value) - rank(bestValue) || (value ?? 0) - (bestValue ?? 0) || compareKeys(key, best);
    if (order < 0) [best, bestValue] = [key, value];
  }
  return best;
}

// Code-unit order, not locale order: the same on every machine.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
