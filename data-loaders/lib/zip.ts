// A zip archive whose bytes depend on its members only: members in the order of their
// names, every member dated the publication date (never the time of the build), and a
// date that reads the same in every time zone.
import {zipSync} from "fflate";

/**
 * `files` (archive path → bytes) as a zip, members sorted by path (code-unit order),
 * deflate level 1. Every member is dated `date` (UTC calendar day) at 12:00: zip times
 * are local times, which fflate takes from the machine's time zone; giving it that day's
 * noon in local time writes the same date and time whatever `TZ` is (noon exists in every
 * zone, midnight does not on some daylight-saving days). Throws on a date before 1980
 * (zip dates start there).
 */
export function stableZip(files: Readonly<Record<string, Uint8Array>>, date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  if (year < 1980) throw new Error(`Date d'archive ${date.toISOString()} : une archive zip commence en 1980.`);
  const mtime = new Date(year, date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
  const sorted: Record<string, Uint8Array> = {};
  for (const path of Object.keys(files).sort()) sorted[path] = files[path]!;
  // Arrow files are already compact; the archive is only a carrier that Framework unpacks.
  return zipSync(sorted, {level: 1, mtime});
}
