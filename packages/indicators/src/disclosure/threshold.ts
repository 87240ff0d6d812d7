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

/**
 * Business secret (secret des affaires), as French official statistics apply it to
 * businesses: a magnitude (ETP, hours, aid, any sum over structures) computed over fewer
 * than this many structures is never published.
 */
export const BUSINESS_SECRET_MIN_STRUCTURES = 3;

/**
 * Business secret, dominance rule: a magnitude where one structure holds more than this share
 * (a proportion: 0.85 = 85 %) is never published, however many structures it sums.
 */
export const BUSINESS_SECRET_DOMINANCE = 0.85;

/**
 * Whether a magnitude over `structures` structures (those contributing to it), the largest
 * of which holds `largestShare` of it (a proportion in [0, 1]), falls under the business
 * secret: 1 or 2 structures, or one holding more than 85 %. No structure at all (a cell of
 * zeros) is published, as a person count of zero is.
 */
export function isBusinessSecret(structures: number, largestShare: number): boolean {
  if (structures <= 0) return false;
  return structures < BUSINESS_SECRET_MIN_STRUCTURES || largestShare > BUSINESS_SECRET_DOMINANCE;
}
