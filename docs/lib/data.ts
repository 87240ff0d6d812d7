// What the theme pages share to read a published dataset: the Arrow bytes become a table,
// plain rows, an arquero table for filters, the reference date and the declaration (labels,
// definitions) that the loader wrote in the file's metadata.
// Pages read the bytes themselves (`await FileAttachment("data/x.arrow").arrayBuffer()`):
// Framework only publishes a file it sees named literally in a page.
import {tableFromIPC, type Table} from "apache-arrow";
import aq from "arquero/dist/arquero.min.js";
import type {ColumnTable} from "arquero";
import {DEFAULT_MASK_REASON, formatMonth} from "../components/format.js";

/** A column as the loaders declare it (the subset the pages read). */
export interface ColumnSpec {
  readonly name: string;
  readonly role: "dimension" | "figure" | "secret";
  readonly label: string;
  readonly definition: string;
  readonly unit?: string;
  readonly values?: readonly string[];
}

export interface DatasetInfo {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly referenceDate: string;
  readonly columns: readonly ColumnSpec[];
}

export type Row = Record<string, any>;

export interface Dataset {
  /** The Arrow table, offered as a download by the charts. */
  readonly table: Table;
  /** Plain rows (dates as `Date`, 64-bit integers as numbers). */
  readonly rows: Row[];
  /** Date the data is as of, `AAAA-MM-JJ`. */
  readonly referenceDate: string;
  /** The declaration written by the loader. */
  readonly spec: DatasetInfo;
  /** Arquero table over the same data, for the filters. */
  readonly aq: ColumnTable;
}

/** Reads the bytes of a published Arrow file. */
export function readDataset(buffer: ArrayBuffer): Dataset {
  const table = tableFromIPC(new Uint8Array(buffer));
  const metadata = table.schema.metadata;
  const spec = JSON.parse(metadata.get("dataset") ?? "{}") as DatasetInfo;
  const referenceDate = metadata.get("reference_date") ?? spec.referenceDate ?? "";
  const dates = table.schema.fields.filter((f) => String(f.type).startsWith("Date")).map((f) => f.name);
  const rows = table.toArray().map((r) => {
    const row: Row = r.toJSON();
    for (const key of Object.keys(row)) if (typeof row[key] === "bigint") row[key] = Number(row[key]);
    for (const key of dates) if (row[key] != null) row[key] = new Date(row[key]);
    return row;
  });
  return {table, rows, referenceDate, spec, aq: aq.from(rows)};
}

/** Label of a column from the dataset's declaration (the name itself if undeclared). */
export function label(dataset: Dataset, column: string): string {
  return dataset.spec.columns?.find((c) => c.name === column)?.label ?? column;
}

/** Definition of a column from the declaration. */
export function definition(dataset: Dataset, column: string): string {
  return dataset.spec.columns?.find((c) => c.name === column)?.definition ?? "";
}

/** Whether the dataset has this column. */
export function has(dataset: Dataset, column: string): boolean {
  return dataset.table.schema.fields.some((f) => f.name === column);
}

export const SECRET_REASON = DEFAULT_MASK_REASON;

/** Accessor for the components' `masked` option: the reason when `<figure>_secret` is true. */
export function maskedBy(figure: string): (row: Row) => string | null {
  return (row) => (row[`${figure}_secret`] ? SECRET_REASON : null);
}

/** Distinct values of a column, in the order of the data. */
export function distinct(rows: readonly Row[], column: string): any[] {
  return [...new Set(rows.map((r) => r[column]))].filter((v) => v != null);
}

/** The latest period of the rows (periods "AAAA" or "AAAA-MM" sort as text). */
export function latest(rows: readonly Row[], column = "periode"): string | undefined {
  return distinct(rows, column).map(String).sort().at(-1);
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

/** Rows matching every given field (a shortcut for the common national/ensemble selections). */
export function where(rows: readonly Row[], criteria: Record<string, unknown>): Row[] {
  const entries = Object.entries(criteria).filter(([, v]) => v !== undefined);
  return rows.filter((r) => entries.every(([k, v]) => r[k] === v));
}

/** One row or undefined. */
export function one(rows: readonly Row[], criteria: Record<string, unknown>): Row | undefined {
  return where(rows, criteria)[0];
}

/** Value of a figure or null when masked or absent. */
export function value(row: Row | undefined, figure: string): number | null {
  if (!row || row[`${figure}_secret`]) return null;
  const v = row[figure];
  return v == null ? null : Number(v);
}

/** The reason a figure of a row is masked, or null. */
export function reason(row: Row | undefined, figure: string): string | null {
  if (!row) return "pas de donnée";
  return row[`${figure}_secret`] || row[figure] == null ? SECRET_REASON : null;
}

/** "2025" stays, "2025-03" → "mars 2025". */
export function periodText(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? formatMonth(period) : period;
}

/** Marks a component's figure for the browser tests (`data-chart`, drawn once returned). */
export function chart<E extends Element>(figure: E, name: string): E {
  figure.setAttribute("data-chart", name);
  return figure;
}
