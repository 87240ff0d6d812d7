// Row order of a published file: by the declared sort keys, so that equal codes sit next
// to each other (smaller dictionary runs, better compression) and readers find rows in a
// predictable order.

import type {DatasetSpec, Row, Value} from "./dataset.ts";
import {sortKeys} from "./dataset.ts";

/** A stable sort of the rows by the spec's sort keys; codes with a declared list sort in list order. */
export function sortRows<R extends Row>(spec: DatasetSpec, rows: readonly R[]): R[] {
  const keys = sortKeys(spec).map((name) => {
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
