// Reading the rows of a published Arrow table, for every page: the theme pages (through
// data.ts, which adds a query view for their filters), the home and territory pages. One reading, one set of selection helpers.
import {tableFromIPC, type Table} from "apache-arrow";
import {DEFAULT_MASK_REASON} from "../components/format.js";

/** A plain row: dictionary values as strings, counts as numbers, dates as `Date`. */
export type Row = Record<string, any>;

/**
 * Rows already read (the JSON slices of the embeds, which load no Arrow reader), accepted
 * wherever a table is: `rowsOf` gives its rows, `referenceDate` its date.
 */
export interface PlainTable {
  readonly rows: Row[];
  readonly referenceDate?: string;
}

const isPlain = (table: Table | PlainTable): table is PlainTable => "rows" in table && Array.isArray(table.rows);

/**
 * Arrow table → plain rows (64-bit integers as numbers, date columns as `Date`), converted
 * once per table: the sections of a page read the same few tables again and again.
 */
const rowsCache = new WeakMap<Table, Row[]>();
export function rowsOf(table: Table | PlainTable | undefined): Row[] {
  if (!table) return [];
  if (isPlain(table)) return table.rows;
  let rows = rowsCache.get(table);
  if (!rows) {
    const dates = table.schema.fields.filter((f) => String(f.type).startsWith("Date")).map((f) => f.name);
    rows = table.toArray().map((r) => {
      const row: Row = r.toJSON();
      for (const key of Object.keys(row)) if (typeof row[key] === "bigint") row[key] = Number(row[key]);
      for (const key of dates) if (row[key] != null) row[key] = new Date(row[key]);
      return row;
    });
    rowsCache.set(table, rows);
  }
  return rows;
}

/** Date the data is as of (`AAAA-MM-JJ`), as the loader wrote it in the file. */
export function referenceDate(table: Table | PlainTable | undefined): string | undefined {
  if (table && isPlain(table)) return table.referenceDate;
  return table?.schema.metadata.get("reference_date");
}

/** The bytes of a published Arrow file: its table, its rows and its data date. */
export function readRows(buffer: ArrayBuffer): {table: Table; rows: Row[]; referenceDate: string} {
  const table = tableFromIPC(new Uint8Array(buffer));
  return {table, rows: rowsOf(table), referenceDate: referenceDate(table) ?? ""};
}

/** Distinct values of a column, in the order of the data. */
export function distinct(rows: readonly Row[], column: string): any[] {
  return [...new Set(rows.map((r) => r[column]))].filter((v) => v != null);
}

/** The latest period of the rows (periods "AAAA" or "AAAA-MM" sort as text). */
export function latest(rows: readonly Row[], column = "periode"): string | undefined {
  return distinct(rows, column).map(String).sort().at(-1);
}

/** The latest full year of the rows (periods "AAAA" only, months left aside). */
export function latestYear(rows: readonly Row[], column = "periode"): string | undefined {
  return latest(
    rows.filter((r) => /^\d{4}$/.test(String(r[column]))),
    column
  );
}

/** The same period a year earlier: "2025" → "2024", "2025-03" → "2024-03". */
export function yearBefore(period: string): string {
  const year = Number(period.slice(0, 4)) - 1;
  return `${year}${period.slice(4)}`;
}

/** Years present in a period column, newest first. */
export function years(rows: readonly Row[], column = "periode"): string[] {
  return [...new Set(rows.map((r) => String(r[column] ?? "").slice(0, 4)).filter(Boolean))].sort().reverse();
}

const matcher = (criteria: Readonly<Record<string, unknown>>) => {
  const entries = Object.entries(criteria).filter(([, v]) => v !== undefined);
  return (r: Row) => entries.every(([k, v]) => r[k] === v);
};

/** Rows matching every given field (a field given as undefined is not a criterion). */
export function where(rows: readonly Row[], criteria: Readonly<Record<string, unknown>>): Row[] {
  return rows.filter(matcher(criteria));
}

/** The first row matching every given field, or undefined. */
export function one(rows: readonly Row[], criteria: Readonly<Record<string, unknown>>): Row | undefined {
  return rows.find(matcher(criteria));
}

export const SECRET_REASON = DEFAULT_MASK_REASON;

/** Value of a figure, or null when masked or absent. */
export function value(row: Row | undefined, figure: string): number | null {
  if (!row || row[`${figure}_secret`]) return null;
  const v = row[figure];
  return v == null ? null : Number(v);
}

/** Why a figure of a row is not shown (masked, or no row at all), or null when it is. */
export function reason(row: Row | undefined, figure: string): string | null {
  if (!row) return "pas de donnée";
  return row[`${figure}_secret`] || row[figure] == null ? SECRET_REASON : null;
}

/** Accessor for the components' `masked` option: the reason when `<figure>_secret` is true. */
export function maskedBy(figure: string): (row: Row) => string | null {
  return (row) => (row[`${figure}_secret`] ? SECRET_REASON : null);
}

/** The masking reason when the loader masked the figure (`<figure>_secret`), else null. */
export function maskOf(row: Row | undefined, figure: string): string | null {
  return row?.[`${figure}_secret`] === true ? SECRET_REASON : null;
}
