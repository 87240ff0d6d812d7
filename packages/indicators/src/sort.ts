// Row order of a published file: by the declared sort keys, so that equal codes sit next
// to each other (smaller dictionary runs, better compression) and readers find rows in a
// predictable order. The order is total: rows equal on the declared keys are ordered by
// every other published column, so that it never depends on the order rows came in
// (which varies with threads and with the order files were read).

import type {DatasetSpec, Row, Value} from "./dataset.ts";
import {publishedColumns, sortKeys} from "./dataset.ts";

/**
 * The rows sorted by the spec's sort keys (codes with a declared list in list order), then
 * by the remaining published columns in declared order: rows that still compare equal are
 * equal in every published column, so the result is the same for any order of `rows`.
 */
export function sortRows<R extends Row>(spec: DatasetSpec, rows: readonly R[]): R[] {
  const declared = sortKeys(spec);
  const rest = publishedColumns(spec)
    .map((c) => c.name)
    .filter((name) => !declared.includes(name));
  const keys = [...declared, ...rest].map((name) => {
    const column = spec.columns.find((c) => c.name === name);
    const values = column?.role === "dimension" ? column.values : undefined;
    const rank = values ? new Map(values.map((v, i) => [v, i])) : undefined;
    return {name, rank};
  });
  return rows
    .map((row, index) => ({row, index}))
    .sort((a, b) => {
      for (const {name, rank} of keys) {
        const order = compareValues(a.row[name], b.row[name], rank);
        if (order !== 0) return order;
      }
      return a.index - b.index;
    })
    .map(({row}) => row);
}

// Nulls last; numbers by value; dates by time; strings by list rank, else by code units
// (not locale: the same order on every machine).
function compareValues(a: Value | undefined, b: Value | undefined, rank?: ReadonlyMap<string, number>): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "string" && typeof b === "string" && rank) {
    const order = (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity);
    if (order !== 0 && !Number.isNaN(order)) return order;
  }
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
