// Golden outputs: every published theme dataset of the committed sample, as a normalised CSV
// committed beside this file (<name>.csv). A change in a figure then shows as a diff in the
// commit that makes it, to be reviewed like code. Written by `pnpm golden`, compared by the
// dataset tests (data-loaders/*-datasets.test.ts).
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvFormatRows} from "d3-dsv";
import {publishedColumns, roundToDecimals, type DatasetSpec, type Row, type Value} from "@pilotage/indicators";
import {REPO_ROOT} from "@pilotage/sources";

/** Folder of the golden CSV files. */
export const GOLDEN_DIR = join(REPO_ROOT, "data-loaders/golden");

/** Decimals of a number that its column does not declare (counts, dimensions). */
const DEFAULT_DECIMALS = 6;

// Numbers as the site publishes them (precision.ts): rounded to the column's declared
// decimals after a cut to 12 significant digits, so that the order of a floating-point sum
// (threads) cannot change a line. 2 392 608.621948 and .621949 were seen on two runs.
function cell(value: Value | undefined, decimals: number): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(roundToDecimals(value, decimals));
  return String(value);
}

/**
 * The golden CSV of a dataset: a header with the published columns (figures and their
 * `_secret` flags, in the declared order), then one line per row, numbers as published (to
 * their declared decimals, else 6), dates `AAAA-MM-JJ`, null as an empty field, lines sorted
 * (so the file does not depend on the engine's row order).
 */
export function goldenCsv(spec: DatasetSpec, rows: readonly Row[]): string {
  const columns = publishedColumns(spec).map((c) => ({
    name: c.name,
    decimals: c.role === "figure" && c.decimals !== undefined ? c.decimals : DEFAULT_DECIMALS
  }));
  const lines = csvFormatRows(rows.map((row) => columns.map((c) => cell(row[c.name], c.decimals)))).split("\n");
  const body = rows.length ? lines.sort() : [];
  return `${[csvFormatRows([columns.map((c) => c.name)]), ...body].join("\n")}\n`;
}

export const goldenPath = (name: string): string => join(GOLDEN_DIR, `${name}.csv`);

/** The committed golden CSV of a dataset, or null when it has none yet. */
export function readGolden(name: string): string | null {
  const path = goldenPath(name);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

/**
 * What differs between a golden CSV and the one computed now, for a test's message, in
 * French: the lines only one of them holds (at most `limit` of each), or null when equal.
 */
export function goldenDiff(expected: string, actual: string, limit = 8): string | null {
  if (expected === actual) return null;
  const before = new Set(expected.split("\n"));
  const after = new Set(actual.split("\n"));
  const gone = [...before].filter((l) => !after.has(l));
  const added = [...after].filter((l) => !before.has(l));
  const list = (lines: string[], sign: string) =>
    lines
      .slice(0, limit)
      .map((l) => `${sign} ${l}`)
      .concat(lines.length > limit ? [`${sign} … et ${lines.length - limit} autres lignes`] : []);
  return [
    `${gone.length} ligne(s) du fichier de référence absente(s), ${added.length} nouvelle(s) :`,
    ...list(gone, "-"),
    ...list(added, "+")
  ].join("\n");
}
