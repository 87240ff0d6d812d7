// When a relative change means something. Defined once for the whole site: the findings of
// line charts, the key-figure cards and the territory pages all ask here.
//
// Rule: a relative change ("+12,5 %") is written only when the starting value is positive
// and the two values are within a factor of MAX_CHANGE_RATIO of each other (from −80 % to
// +400 %). Beyond that the start is too small to compare with: the series measures a
// beginning (the platform opening in a territory, the first PASS IAE), not a change, and
// "+4 401,9 %" says nothing a reader can use. The sentence then gives both values, no rate.

/** Largest ratio between two values (larger / smaller) for which a relative change is written. */
export const MAX_CHANGE_RATIO = 5;

/**
 * The relative change from `from` to `to` (0.125 for +12,5 %), or null when it would not mean
 * anything: a missing or non-positive start, a missing end, or values more than
 * MAX_CHANGE_RATIO apart (the base is too small).
 */
export function relativeChange(from: number | null | undefined, to: number | null | undefined): number | null {
  if (from == null || to == null || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  if (from <= 0 || to < 0) return null;
  const ratio = to / from;
  if (ratio > MAX_CHANGE_RATIO || ratio < 1 / MAX_CHANGE_RATIO) return null;
  return ratio - 1;
}

/** Whether a base is too small for a relative change to `to` (the sentence then omits the rate). */
export function baseTooSmall(from: number | null | undefined, to: number | null | undefined): boolean {
  return from != null && to != null && relativeChange(from, to) === null && from >= 0 && to >= 0;
}
