// What the theme pages share to read a published dataset: the Arrow bytes become a table,
// plain rows (rows.ts, shared with the territory pages), a query view for filters, the
// reference date and the declaration (labels, definitions) that the loader wrote in the
// file's metadata.
// Pages read the bytes themselves (`await FileAttachment("data/x.arrow").arrayBuffer()`):
// Framework only publishes a file it sees named literally in a page.
import type {Table} from "apache-arrow";
import {from, type RowsQuery} from "./query.js";
import {readRows, type Row} from "./rows.js";

export {distinct, latest, maskedBy, one, reason, SECRET_REASON, value, where, yearBefore, years} from "./rows.js";
export type {Row} from "./rows.js";
export {chart, periodText} from "./page.js";

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

export interface Dataset {
  /** The Arrow table, offered as a download by the charts. */
  readonly table: Table;
  /** Plain rows (dates as `Date`, 64-bit integers as numbers). */
  readonly rows: Row[];
  /** Date the data is as of, `AAAA-MM-JJ`. */
  readonly referenceDate: string;
  /** The declaration written by the loader. */
  readonly spec: DatasetInfo;
  /** The same rows behind arquero's verbs (query.ts, without arquero's weight), for the filters. */
  readonly aq: RowsQuery;
}

/** Reads the bytes of a published Arrow file. */
export function readDataset(buffer: ArrayBuffer): Dataset {
  const {table, rows, referenceDate} = readRows(buffer);
  const spec = JSON.parse(table.schema.metadata.get("dataset") ?? "{}") as DatasetInfo;
  return {table, rows, referenceDate: referenceDate || spec.referenceDate || "", spec, aq: from(rows)};
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
