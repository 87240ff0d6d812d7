// The one French formatting module of the site: every number, date and masked value a user
// reads goes through here, so the whole site writes them the same way.
//
// Convention: the narrow no-break space U+202F (as Intl "fr-FR" does) separates thousands AND
// precedes units (%, €, M€, pt). Minus sign: U+2212 "−" (d3's default, typographically right).
import {formatLocale, type FormatLocaleObject} from "d3-format";
import {timeFormatLocale, type TimeLocaleObject} from "d3-time-format";

/** Narrow no-break space (U+202F), the only space used inside formatted values. */
export const NNBSP = "\u202f";

/** d3 number locale: use `frFormat.format(",.1f")` for D3 axes, or the functions below. */
export const frFormat: FormatLocaleObject = formatLocale({
  decimal: ",",
  thousands: NNBSP,
  grouping: [3],
  currency: ["", `${NNBSP}€`],
  percent: `${NNBSP}%`,
  minus: "\u2212",
  nan: "NaN"
});

type Twelve = [string, string, string, string, string, string, string, string, string, string, string, string];

/** French month names, January first. */
export const MONTHS: Twelve = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre"
];
/** Their usual abbreviations (« janv. », « avr. », « déc. »), January first. */
export const SHORT_MONTHS: Twelve = [
  "janv.",
  "févr.",
  "mars",
  "avr.",
  "mai",
  "juin",
  "juil.",
  "août",
  "sept.",
  "oct.",
  "nov.",
  "déc."
];

/** d3 time locale (French months and days), for D3 time axes: `frTime.utcFormat("%b %Y")`. */
export const frTime: TimeLocaleObject = timeFormatLocale({
  dateTime: "%A %e %B %Y à %X",
  date: "%d/%m/%Y",
  time: "%H:%M:%S",
  periods: ["", ""],
  days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  shortDays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
  months: MONTHS,
  shortMonths: SHORT_MONTHS
});

const integer = frFormat.format(",.0f");
const upToOneDecimal = frFormat.format(",.1~f");

/** 1234.5 → "1 234,5"; at most `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, digits = 1): string {
  return digits === 1 ? upToOneDecimal(value) : frFormat.format(`,.${digits}~f`)(value);
}

/** 0.123 → "12,3 %" (input is a ratio, not a percentage). */
export function formatPercent(ratio: number, digits = 1): string {
  return frFormat.format(`,.${digits}~%`)(ratio);
}

/** 12345 → "12 345 €"; 1 234 567 → "1,2 M€"; 2 345 678 901 → "2,3 Md€". */
export function formatMoney(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${upToOneDecimal(value / 1e9)}${NNBSP}Md€`;
  if (abs >= 1e6) return `${upToOneDecimal(value / 1e6)}${NNBSP}M€`;
  return `${integer(value)}${NNBSP}€`;
}

// A change that rounds to zero has no direction: drop the sign of "+0" / "−0".
const ZERO_SIGN = /^[+−](?=0(?![,\d]))/u;

/** A relative change, always signed: 0.032 → "+3,2 %", −0.015 → "−1,5 %", 0 → "0 %". */
export function formatChange(ratio: number, digits = 1): string {
  const text = frFormat.format(`+,.${digits}~%`)(ratio);
  return text.replace(ZERO_SIGN, "");
}

/** A change of a rate, in percentage points: 0.012 → "+1,2 pt". */
export function formatPoints(delta: number, digits = 1): string {
  const text = frFormat.format(`+,.${digits}~f`)(delta * 100);
  return `${text.replace(ZERO_SIGN, "")}${NNBSP}pt`;
}

// Dates are read in UTC: Arrow dates and "2025-01" strings are UTC midnights, and reading them
// in local time would show the previous day (or month) west of Greenwich.
const dayShort = frTime.utcFormat("%-d %b %Y");
const dayLong = frTime.utcFormat("%-d %B %Y");
const month = frTime.utcFormat("%B %Y");
const monthShort = frTime.utcFormat("%b %Y");

/** Accepts a Date, a timestamp (ms) or an ISO string ("2025-01", "2025-01-15"). */
export function toDate(value: Date | number | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Date illisible : ${String(value)}`);
  return date;
}

/** "15 janv. 2025" */
export const formatDate = (d: Date | number | string): string => dayShort(toDate(d));
/** "15 janvier 2025" */
export const formatDateLong = (d: Date | number | string): string => dayLong(toDate(d));
/** "janvier 2025" */
export const formatMonth = (d: Date | number | string): string => month(toDate(d));
/** "janv. 2025" (axes) */
export const formatMonthShort = (d: Date | number | string): string => monthShort(toDate(d));

/** What a masked cell shows. The reason goes next to it (legend, table note). */
export const MASKED_LABEL = "secret statistique";
/**
 * Default reason when a row is masked without saying why. Which rule masked a cell is not
 * published (it would tell a primary mask from its complements), so the reason names them all:
 * few people, few structures (secret des affaires), or a value that would give them back.
 */
export const DEFAULT_MASK_REASON =
  "secret statistique (moins de 11 personnes ou de 3 structures, ou de quoi les retrouver)";

/** How a value is written: a named kind or your own function. */
export type ValueFormat = "nombre" | "pourcentage" | "euros" | ((value: number) => string);

export function formatter(kind: ValueFormat = "nombre"): (value: number) => string {
  if (typeof kind === "function") return kind;
  if (kind === "pourcentage") return (v) => formatPercent(v);
  if (kind === "euros") return formatMoney;
  return (v) => formatNumber(v);
}

/** A value that may be masked: null → "secret statistique". */
export function formatValue(value: number | null | undefined, kind: ValueFormat = "nombre"): string {
  return value == null || Number.isNaN(value) ? MASKED_LABEL : formatter(kind)(value);
}

/**
 * A span of months or years in words: ("2022-03", "2025-12") → "de mars 2022 à décembre 2025";
 * ("2021", "2025") → "de 2021 à 2025"; the same period twice → "mars 2022" (or "2025").
 * Months are ISO strings "AAAA-MM", Dates or timestamps (read in UTC); years "AAAA".
 */
export function formatPeriodRange(from: Date | number | string, to: Date | number | string): string {
  const word = (p: Date | number | string) =>
    typeof p === "string" && /^\d{4}$/.test(p) ? p : formatMonth(typeof p === "string" ? `${p.slice(0, 7)}` : p);
  const [a, b] = [word(from), word(to)];
  return a === b ? a : `de ${a} à ${b}`;
}
