// Cells and sentences are written by one function, so that a number in a sentence is
// character for character the number in its table (the tests check it).
import {MONTHS, NNBSP, formatNumber, formatPercent} from "../../../docs/components/format.ts";
import type {CellFormat, CellValue} from "./model.ts";

export {NNBSP};

/** The text of a cell: "—" for a missing value. */
export function formatCell(value: CellValue, format: CellFormat): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "—";
  switch (format) {
    case "count":
      return formatNumber(Math.round(value), 0);
    case "etp":
      return formatNumber(value, etpDigits(value));
    case "months":
    case "days":
    case "points":
      return formatNumber(value, 1);
    case "hours":
      return formatNumber(Math.round(value), 0);
    case "percent":
      return formatPercent(value, 1);
    case "euros":
      // To the euro, as a funding review states them (the site's "1 M€" is for dashboards).
      return `${formatNumber(Math.round(value), 0)}${NNBSP}€`;
    case "text":
      return String(value);
  }
}

/** Shorthands for sentences. */
export const fmt = {
  count: (v: number) => formatCell(v, "count"),
  etp: (v: number) => formatCell(v, "etp"),
  pct: (v: number | null) => formatCell(v, "percent"),
  euros: (v: number) => formatCell(v, "euros"),
  months: (v: number) => formatCell(v, "months"),
  days: (v: number) => formatCell(v, "days"),
  hours: (v: number) => formatCell(v, "hours")
};

/**
 * A count with its words, agreeing as French does: `zero` for 0 when given (« aucune
 * acceptée »), `one` for 1, `many` from 2 on.
 */
export const counted = (n: number, one: string, many: string, zero?: string): string =>
  n === 0 && zero !== undefined ? zero : plural(n, one, many);

/**
 * Decimals of an ETP figure: two under 10 ETP, one above. With one, a small structure read
 * « 1,4 ETP pour 1 ETP conventionné, soit 133,3 % » (1,36 for 1,02): the rate looked wrong.
 */
export const etpDigits = (v: number): number => (Math.abs(v) < 10 ? 2 : 1);

/** "0,7 ETP conventionné" / "14 ETP conventionnés": plural from 2, on the number as written. */
export const etpCounted = (n: number, adjective: string): string => {
  const shown = Math.round(n * 10 ** etpDigits(n)) / 10 ** etpDigits(n);
  return `${fmt.etp(n)} ETP ${adjective}${Math.abs(shown) >= 2 ? "s" : ""}`;
};

/** "1 personne" / "12 personnes". */
export const plural = (n: number, one: string, many: string): string => `${fmt.count(n)} ${n >= 2 ? many : one}`;

/** A ratio, or null when the denominator is 0. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Month names, for monthly tables (the site's, January first). */
export const MONTH_NAMES: readonly string[] = MONTHS;

/** "1er janvier 2025"-style date from `AAAA-MM-JJ`. */
export function formatIsoDate(iso: string | null): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return `${d === 1 ? "1er" : d} ${MONTH_NAMES[m - 1]} ${y}`;
}
