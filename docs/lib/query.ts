// The few table verbs the theme pages use to filter published rows, over plain arrays:
// the subset of arquero's API they call (from, params, filter, derive, groupby + count or
// pivot, orderby, objects, array), with the same meaning, for 1 KB instead of arquero's
// 64 KB (brotli) on every theme page. Functions receive (row, params) as in arquero;
// unlike arquero they are called as they are, so they may also read outer variables.
import type {Row} from "./rows.js";

type Predicate = (row: Row, params: Record<string, any>) => unknown;
type Order = string | {column: string; descending: true};

/** Sort key of `orderby`: a column, descending. */
export function desc(column: string): Order {
  return {column, descending: true};
}

/** The string functions the pages call inside their predicates (arquero's `op`). */
export const op = {
  length: (s: string | null | undefined): number => (s == null ? 0 : String(s).length),
  substring: (s: string | null | undefined, start: number, end?: number): string =>
    s == null ? "" : String(s).substring(start, end)
};

/** An immutable view over rows: every verb returns a new view. */
export class RowsQuery {
  constructor(
    private readonly rows: readonly Row[],
    private readonly parameters: Record<string, any> = {},
    private readonly groups: readonly string[] = []
  ) {}

  /** Values the predicates read as their second argument (`$`). */
  params(values: Record<string, any>): RowsQuery {
    return new RowsQuery(this.rows, {...this.parameters, ...values}, this.groups);
  }

  filter(predicate: Predicate): RowsQuery {
    return new RowsQuery(
      this.rows.filter((r) => predicate(r, this.parameters)),
      this.parameters,
      this.groups
    );
  }

  /** New columns computed from each row. */
  derive(columns: Record<string, Predicate>): RowsQuery {
    const rows = this.rows.map((r) => {
      const row = {...r};
      for (const [name, f] of Object.entries(columns)) row[name] = f(r, this.parameters);
      return row;
    });
    return new RowsQuery(rows, this.parameters, this.groups);
  }

  groupby(...columns: string[]): RowsQuery {
    return new RowsQuery(this.rows, this.parameters, columns);
  }

  private grouped(): Map<string, Row[]> {
    const groups = new Map<string, Row[]>();
    for (const r of this.rows) {
      const key = JSON.stringify(this.groups.map((g) => r[g]));
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    return groups;
  }

  private keysOf(row: Row): Row {
    return Object.fromEntries(this.groups.map((g) => [g, row[g]]));
  }

  /** One row per group (in order of first appearance) with its number of rows, `count`. */
  count(): RowsQuery {
    const rows = [...this.grouped().values()].map((list) => ({...this.keysOf(list[0]!), count: list.length}));
    return new RowsQuery(rows, this.parameters);
  }

  /** One row per group, one column per value of `key` holding the (first) `value` found. */
  pivot(key: string, value: string): RowsQuery {
    const rows = [...this.grouped().values()].map((list) => {
      const row = this.keysOf(list[0]!);
      for (const r of list) if (!(String(r[key]) in row)) row[String(r[key])] = r[value];
      return row;
    });
    return new RowsQuery(rows, this.parameters);
  }

  /** Sorted by the given columns (ascending, or `desc(column)`); stable. */
  orderby(...orders: Order[]): RowsQuery {
    const keys = orders.map((o) => (typeof o === "string" ? {column: o, descending: false} : o));
    const rows = [...this.rows].sort((a, b) => {
      for (const {column, descending} of keys) {
        const [x, y] = [a[column], b[column]];
        const c = x < y ? -1 : x > y ? 1 : 0;
        if (c) return descending ? -c : c;
      }
      return 0;
    });
    return new RowsQuery(rows, this.parameters, this.groups);
  }

  /** The rows, as new objects (the published rows themselves stay untouched). */
  objects(): Row[] {
    return this.rows.map((r) => ({...r}));
  }

  /** The values of one column. */
  array(column: string): any[] {
    return this.rows.map((r) => r[column]);
  }

  numRows(): number {
    return this.rows.length;
  }
}

/** A query over rows. */
export function from(rows: readonly Row[]): RowsQuery {
  return new RowsQuery(rows);
}

/** `import aq from "./lib/query.js"`: the pages' arquero calls, unchanged. */
export default {from, desc, op};
