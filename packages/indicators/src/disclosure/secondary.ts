// Secondary suppression: once cells under the threshold are masked, mask more cells so
// that no masked cell can be recomputed from the published totals by a subtraction.
//
// Generic over cells and additive constraints (total = sum of parts), so one call can
// cover every hierarchy at once (geography, categories, periods) and the union of every
// dataset publishing the same figure: the masks then agree across files.

import {DISCLOSURE_THRESHOLD} from "./threshold.ts";

/** Identity of a cell: any string, the same in every dataset publishing the cell. */
export type CellKey = string;

/**
 * A relation between published cells. `sum` (the default): the value of `total` is the sum
 * of the values of `parts`. `distinct`: counts of distinct people, where a person in two
 * parts counts once in the total: each part ≤ total ≤ Σ parts (inequalities, not a sum).
 */
export interface Constraint {
  readonly total: CellKey;
  readonly parts: readonly CellKey[];
  readonly kind?: "sum" | "distinct";
}

export type MaskReason = "primaire" | "secondaire";

/**
 * Returns the masks after secondary suppression: the given ones plus "secondaire" cells.
 *
 * Rules, applied until nothing changes, in every `sum` constraint whose total is published
 * or masked (a constraint on an unpublished total reveals nothing):
 * - the number of masked cells among the total and its parts is not exactly one;
 * - when the total is published, the masked parts hide together at least the threshold
 *   (otherwise "23 − 19 leaves 4 for the three masked départements" pins each of them
 *   within [0, 4]); when every part is masked and they still hide less, the total is masked.
 * The cell masked next is the one that loses least (`nextCell`). Constraints are visited in
 * key order, so the result depends on the cells and constraints only.
 *
 * `distinct` constraints are left to the interval audit (`protectCells`): their
 * inequalities reveal far less than a sum, and masking for them as for a sum would hide
 * what need not be.
 *
 * Cells that are absent from `values`, or null and not masked, count as known to a reader
 * (a part a dataset leaves out is read as 0): they never shield a masked cell.
 *
 * Limit: this looks at one constraint at a time. Combining several constraints can still
 * determine a value or narrow it: `protectCells` (audit.ts) adds the exact and interval
 * audits and repairs those.
 */
export function secondarySuppression(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[],
  threshold: number = DISCLOSURE_THRESHOLD
): Map<CellKey, MaskReason> {
  const result = new Map(masked);
  const ordered = [...constraints]
    .filter((c) => c.kind !== "distinct" && (values.has(c.total) || masked.has(c.total)))
    .map((c) => ({total: c.total, parts: [...new Set(c.parts)].filter((p) => p !== c.total && values.has(p)).sort()}))
    .sort((a, b) => compareKeys(a.total, b.total) || compareKeys(a.parts.join("\n"), b.parts.join("\n")));

  const value = (k: CellKey) => values.get(k) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const {total, parts} of ordered) {
      const maskedParts = parts.filter((k) => result.has(k));
      const count = maskedParts.length + (result.has(total) ? 1 : 0);
      if (count === 0) continue;
      const hidden = maskedParts.reduce((sum, k) => sum + value(k), 0);
      // A part masked before with its value withheld (null: masked by another file) was
      // protected there with its value: it is not counted as hiding nothing.
      const unknown = maskedParts.some((k) => values.get(k) === null || !values.has(k));
      const deficit = !result.has(total) && maskedParts.length > 0 && !unknown ? threshold - hidden : 0;
      if (count !== 1 && deficit <= 0) continue;
      const next =
        nextCell(
          parts.filter((p) => !result.has(p)),
          values,
          deficit
        ) ?? (result.has(total) ? undefined : total);
      if (next === undefined) continue; // a lone total with no part: nothing else to mask
      result.set(next, "secondaire");
      changed = true;
    }
  }
  return result;
}

/**
 * The cell to mask next among candidates, the one that loses least information: a
 * département before a région, a région before the national level; among those,
 * « autres » and « non renseigné » first; then, when the masked cells must hide `deficit`
 * more, the smallest cell that covers it (else the largest, to get there in fewest cells);
 * otherwise the smallest positive value (masking a zero protects little), then zeros, then
 * nulls; ties broken by key.
 */
export function nextCell(
  candidates: Iterable<CellKey>,
  values: ReadonlyMap<CellKey, number | null>,
  deficit = 0
): CellKey | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const tiers = new Map(list.map((k) => [k, tierOf(k)]));
  const best = Math.min(...tiers.values());
  const pool = list.filter((k) => tiers.get(k) === best);
  if (deficit > 0) {
    const covering = pool.filter((k) => (values.get(k) ?? 0) >= deficit);
    if (covering.length > 0) return smallestCell(covering, values);
    const positive = pool.filter((k) => (values.get(k) ?? 0) > 0);
    if (positive.length > 0) return largestCell(positive, values);
  }
  return smallestCell(pool, values);
}

// Lower is masked first: level (département 0, région 2, national 4, others 0), then
// residual categories one step earlier. Keys that are not cell keys (tests) rank 0.
function tierOf(key: CellKey): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return 0;
  }
  if (!Array.isArray(parsed)) return 0;
  let tier = 0;
  for (const entry of parsed.slice(1)) {
    if (!Array.isArray(entry)) continue;
    const [name, value] = entry as [string, unknown];
    if (name === "niveau") tier += value === "national" ? 4 : value === "région" ? 2 : 0;
    if (typeof value === "string" && RESIDUAL.test(value)) tier -= 1;
  }
  return tier;
}

/** Whether a cell key is at the national level (masked last). */
export const isNationalCell = (key: CellKey) => tierOf(key) >= 3;

const RESIDUAL = /^(autres?|non renseign[ée]e?s?|inconnue?|autres employeurs)$/i;

function largestCell(candidates: readonly CellKey[], values: ReadonlyMap<CellKey, number | null>): CellKey {
  let best = candidates[0]!;
  for (const k of candidates.slice(1)) {
    const order = (values.get(k) ?? 0) - (values.get(best) ?? 0) || compareKeys(best, k);
    if (order > 0) best = k;
  }
  return best;
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
