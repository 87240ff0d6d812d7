// Primary suppression: a figure over fewer than 11 people is not published.

import {type FigureColumn, type Row, secretColumnName} from "../dataset.ts";
import {isUnderThreshold} from "./threshold.ts";

/**
 * Whether the primary rule masks this figure in this row: a person count of 1 to 10, or a
 * ratio whose numerator or denominator is one. A cell already flagged secret stays masked
 * (so that applying disclosure control twice changes nothing). A ratio whose person count
 * is missing while the ratio is given is masked too: nothing shows it is over the threshold.
 */
export function isPrimarySecret(row: Row, figure: FigureColumn): boolean {
  if (row[secretColumnName(figure.name)] === true) return true;
  if (figure.counts === "people") {
    const value = row[figure.name];
    return typeof value === "number" && isUnderThreshold(value);
  }
  for (const ref of [figure.numerator, figure.denominator]) {
    if (ref === undefined) continue;
    const people = row[ref];
    if (typeof people === "number" && isUnderThreshold(people)) return true;
    const known = people !== null && people !== undefined;
    const givenRatio = row[figure.name] !== null && row[figure.name] !== undefined;
    if (!known && row[secretColumnName(ref)] !== true && givenRatio) return true;
  }
  return false;
}
