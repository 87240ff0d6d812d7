// The statistical secret threshold, in one place. Deliberately a constant and not an
// environment setting: a build must not publish smaller cells because a variable was set.

/** Person counts under this number are never published (French official statistics: 11). */
export const DISCLOSURE_THRESHOLD = 11;

/**
 * Whether a person count falls under the secret: 1 to 10 people. Zero is published: a cell
 * with nobody in it identifies nobody, and masking zeros would hide most of a sparse table.
 * (Which cells are masked for this rule and which to protect them is never published: see
 * apply.ts.)
 */
export function isUnderThreshold(people: number): boolean {
  return people > 0 && people < DISCLOSURE_THRESHOLD;
}
