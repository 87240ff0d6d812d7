// Rules every report follows when it writes a finding.
import {fmt} from "../format.ts";

/** A comparison group is shown only with at least this many SIAE (business secret: 3). */
export const MIN_GROUP_STRUCTURES = 3;

/** Below this many cases, a rate is not commented (a single case moves it by 10 points or more). */
export const MIN_RATE_BASE = 10;

/** A warning sentence when `n` is too small for its rates to mean much, else null. */
export function smallBase(n: number, what: string): string | null {
  return n > 0 && n < MIN_RATE_BASE
    ? `Avec moins de ${MIN_RATE_BASE} ${what}, ces taux varient fortement d'une année à l'autre : à lire avec prudence.`
    : null;
}

/**
 * A sentence on the change of a figure between two years — or, when the first year's base is
 * under `minBase`, a sentence saying that no trend is drawn from so small a base. A change
 * under 2 % of the base is said « quasi stable »; one within the ordinary yearly variation of
 * a count (under twice √base, the Poisson standard deviation: 20 → 19 or 26 → 27) is said too
 * small to conclude, not a rise or a fall.
 */
export function trendSentence(
  fromYear: string,
  from: number,
  toYear: string,
  to: number,
  what: string,
  minBase: number
): string {
  if (fromYear === toYear) return `Une seule année de données : pas d'évolution à commenter.`;
  if (from < minBase)
    return `Base de ${fromYear} trop faible (moins de ${fmt.count(minBase)} ${what}) pour en tirer une évolution.`;
  const change = Math.abs(to - from);
  const direction =
    change < 0.02 * from
      ? "quasi stable"
      : change < 2 * Math.sqrt(from)
        ? "écart trop faible pour conclure à une évolution"
        : to > from
          ? "en hausse"
          : "en baisse";
  return `Entre ${fromYear} et ${toYear}, le nombre de ${what} passe de ${fmt.count(from)} à ${fmt.count(to)} (${direction}).`;
}
