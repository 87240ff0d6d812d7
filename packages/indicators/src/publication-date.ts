// The only date a published file may carry besides its data: never the time of the build
// (two builds of the same data must give the same bytes), but the data's reference date,
// or SOURCE_DATE_EPOCH when the builder sets it (https://reproducible-builds.org/specs/source-date-epoch/).

import {isIsoDate} from "./dataset.ts";

/**
 * The publication instant, UTC: `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC)
 * when set and not empty, else midnight UTC of `referenceDate` (`AAAA-MM-JJ`, the date the
 * data is as of). Throws a French error on a SOURCE_DATE_EPOCH that is not a whole number
 * of seconds, or on a reference date that is not a real `AAAA-MM-JJ` date.
 */
export function publicationDate(
  referenceDate: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch))
      throw new Error(`SOURCE_DATE_EPOCH vaut « ${epoch} » : un nombre entier de secondes depuis 1970 est attendu.`);
    return new Date(Number(epoch) * 1000);
  }
  if (!isIsoDate(referenceDate))
    throw new Error(`La date de référence « ${referenceDate} » n'est pas une date AAAA-MM-JJ.`);
  return new Date(`${referenceDate}T00:00:00Z`);
}
