// Writing a dataset as an Arrow IPC file, with exactly the declared types and the
// declaration itself in the schema metadata, so that the file documents itself.

import {
  Bool,
  type Data,
  type DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  Schema,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray
} from "apache-arrow";
import {
  type DatasetSpec,
  type FigureColumn,
  type PublishedColumn,
  type Row,
  type Value,
  checkSpec,
  isIsoDate,
  isNullable,
  publishedColumns,
  secretColumnName
} from "./dataset.ts";
import {isUnderThreshold} from "./disclosure/threshold.ts";
import {messages} from "./messages.ts";
import {roundToDecimals} from "./precision.ts";
import {sortRows} from "./sort.ts";

/** Schema metadata keys. `dataset` holds the whole declaration as JSON. */
export const METADATA_KEYS = {dataset: "dataset", title: "title", referenceDate: "reference_date"} as const;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The rows as an Arrow IPC *file* (what `tableFromIPC` reads in the browser; the file
 * format, with its footer, is the one `.arrow` files are expected to hold). Decimal figures
 * are rounded to their declared precision (`decimals`) and rows put in their declared order:
 * the bytes depend on the set of rows only, not on the order in which they were computed or
 * summed (the same rows give the same file on every machine). Throws a French
 * error naming the dataset, the row (its index in `rows`), the column and the value on the
 * first value that does not fit its declared type, or on a person count under the
 * threshold left unmasked: the writer is the last gate before publication.
 */
export function toArrow(spec: DatasetSpec, rows: readonly Row[]): Uint8Array {
  checkSpec(spec);
  const columns = publishedColumns(spec);
  rows.forEach((row, index) => checkRow(spec, columns, row, index));
  const sorted = sortRows(
    spec,
    rows.map((row) => atPublishedPrecision(spec, row))
  );

  const fields: Field[] = [];
  const data: Record<string, Data> = {};
  columns.forEach((column, index) => {
    const values = sorted.map((row) => toArrowValue(column, row[column.name]));
    const vector = vectorFromArray(values, arrowType(column, index));
    // The builder may hand back its own copy of the type (dictionary id): the field takes that one.
    fields.push(new Field(column.name, vector.type, isNullable(column), fieldMetadata(column)));
    if (vector.data[0]) data[column.name] = vector.data[0];
  });
  const metadata = new Map([
    [METADATA_KEYS.title, spec.title],
    [METADATA_KEYS.referenceDate, spec.referenceDate],
    [METADATA_KEYS.dataset, JSON.stringify({...spec, columns})]
  ]);
  const schema = new Schema(fields, metadata);
  const table = rows.length === 0 ? new Table(schema) : new Table(schema, data);
  return tableToIPC(table, "file");
}

/** The row with each decimal figure rounded to its declared decimals (see precision.ts). */
function atPublishedPrecision(spec: DatasetSpec, row: Row): Row {
  const rounded: Record<string, Value | undefined> = {...row};
  for (const column of spec.columns) {
    const value = row[column.name];
    if (column.role === "figure" && column.type === "float64" && typeof value === "number")
      rounded[column.name] = roundToDecimals(value, column.decimals!);
  }
  return rounded;
}

// A dictionary's id is written in the file: left to apache-arrow, it comes from a counter
// global to the process (the same dataset written twice gets other ids, other bytes). The
// column's position makes it a function of the declaration alone.
function arrowType(column: PublishedColumn, position: number): DataType {
  switch (column.type) {
    case "dictionary":
      return new Dictionary(new Utf8(), new Int32(), position);
    case "date":
      return new DateDay();
    case "int32":
      return new Int32();
    case "float64":
      return new Float64();
    case "bool":
      return new Bool();
  }
}

function fieldMetadata(column: PublishedColumn): Map<string, string> {
  const metadata = new Map([
    ["label", column.label],
    ["definition", column.definition]
  ]);
  if (column.role === "figure") metadata.set("unit", column.unit);
  return metadata;
}

function toArrowValue(column: PublishedColumn, value: Value | undefined): unknown {
  if (column.role === "secret") return value ?? false; // rows that never needed masking
  if (value === null || value === undefined) return null;
  if (column.type === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

function checkRow(spec: DatasetSpec, columns: readonly PublishedColumn[], row: Row, index: number): void {
  const fail = (column: string, value: unknown, expected: string): never => {
    throw new Error(messages.badValue(spec.name, index, column, value, expected));
  };
  for (const column of columns) {
    const value = row[column.name];
    if (value === undefined) {
      // A secret flag is absent when the rows never went through disclosure: the secret
      // itself is checked below, and the flag is then written as false.
      if (column.role !== "secret") fail(column.name, value, messages.expected.missing);
      continue;
    }
    if (value === null) {
      if (!isNullable(column)) fail(column.name, value, messages.expected.notNull);
      continue;
    }
    const problem = typeProblem(column, value);
    if (problem) fail(column.name, value, problem);
  }
  // The statistical secret, checked again at the door (secondary suppression cannot be
  // checked row by row; primary can). Counts first, so the error names the count itself.
  const figures = spec.columns.filter((c): c is FigureColumn => c.role === "figure");
  for (const column of figures) {
    const value = row[column.name];
    if (row[secretColumnName(column.name)] === true && value !== null) {
      fail(column.name, value, messages.expected.secretMeansNull);
    }
    if (column.counts === "people" && typeof value === "number") {
      if (value < 0) fail(column.name, value, messages.expected.nonNegative);
      if (isUnderThreshold(value)) fail(column.name, value, messages.expected.secretApplied);
    }
  }
  for (const column of figures) {
    const value = row[column.name];
    for (const ref of [column.numerator, column.denominator]) {
      const people = ref === undefined ? null : row[ref];
      if (value !== null && typeof people === "number" && isUnderThreshold(people)) {
        fail(column.name, value, messages.expected.secretApplied);
      }
    }
  }
}

function typeProblem(column: PublishedColumn, value: Exclude<Value, null>): string | undefined {
  switch (column.type) {
    case "dictionary": {
      if (typeof value !== "string") return messages.expected.dictionary;
      const values = column.role === "dimension" ? column.values : undefined;
      return values && !values.includes(value) ? messages.expected.oneOf(values) : undefined;
    }
    case "date":
      if (typeof value === "string" && isIsoDate(value)) return undefined;
      if (value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() % 86_400_000 === 0)
        return undefined;
      return messages.expected.date;
    case "int32":
      return typeof value === "number" && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX
        ? undefined
        : messages.expected.int32;
    case "float64":
      return typeof value === "number" && Number.isFinite(value) ? undefined : messages.expected.float64;
    case "bool":
      return typeof value === "boolean" ? undefined : messages.expected.bool;
  }
}
