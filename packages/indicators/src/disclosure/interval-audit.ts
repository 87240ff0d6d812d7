// Interval audit of a suppression pattern: for every masked cell, the narrowest interval
// [min, max] a reader can prove it lies in, from the published cells and what is public
// knowledge about how cells relate (totals and their parts), by linear programming (HiGHS,
// compiled to WebAssembly: no native add-on, no network). The exact audit (audit.ts) says
// whether a cell is determined; this one says how closely it is pinned.

import loadHighs, {type Highs} from "highs";
import {messages} from "../messages.ts";
import type {CellKey} from "./secondary.ts";
import {DISCLOSURE_THRESHOLD} from "./threshold.ts";
import type {RelationKind} from "../vocabulary.ts";

/** "sum" or "distinct" (vocabulary.ts says what each means for a total and its parts). */
export type {RelationKind};

/** A relation between a total cell and its part cells (see RelationKind). */
export interface Relation {
  readonly total: CellKey;
  readonly parts: readonly CellKey[];
  readonly kind: RelationKind;
}

/** Bounds a reader can prove for a masked cell; `max` is Infinity when nothing bounds it above. */
export interface Interval {
  readonly min: number;
  readonly max: number;
  /**
   * True when min and max are the exact extremes. False when the search stopped early (see
   * `enough` in `feasibilityIntervals`): the cell then takes at least every value from min
   * to max, which is already wide enough, and the exact interval contains [min, max].
   */
  readonly exact: boolean;
}

/** Options of `feasibilityIntervals`. */
export interface IntervalOptions {
  /**
   * Width from which an interval is wide enough: a cell shown to take values at least this
   * far apart (in the solutions met so far) is not solved further, and gets `exact: false`.
   * Default: none (every interval exact, two linear programs per cell).
   */
  readonly enough?: number;
}

// Differences under this are solver noise: values are snapped to the nearest integer.
const SNAP = 1e-6;

let highsRuntime: Promise<Highs> | undefined;
/** The HiGHS runtime, loaded once per process (the WebAssembly file ships in the package). */
function highs(): Promise<Highs> {
  highsRuntime ??= loadHighs();
  return highsRuntime;
}

interface Row {
  readonly coefficients: Map<CellKey, number>;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The narrowest interval of every masked cell: for each one, the minimum and the maximum of
 * its value over all non-negative real values of the masked cells that satisfy every
 * relation given the published values (two linear programs per masked cell, solved per
 * connected group of masked cells, each warm-started from the previous basis).
 *
 * `values`: the published value of each cell (a cell absent, or null and not masked, counts
 * as known and 0, as in `secondarySuppression`); `masked`: the cells a reader does not see;
 * a relation whose total is neither in `values` nor masked is ignored (an unpublished total
 * says nothing). Every cell is ≥ 0; integers are not imposed (the bounds of the real
 * relaxation: an integer value lies within them), values within 1e-6 of an integer are
 * snapped to it. A masked cell in no relation gets [0, Infinity].
 *
 * With `options.enough`, smarter than two programs per cell: every solution found is a
 * feasible point, so each cell takes at least every value between the smallest and the
 * largest it had in them; a cell already spread `enough` is left there. Solutions come
 * from minimising then maximising the group's sum, then from each cell's own programs.
 *
 * Deterministic: the result depends on the cells and relations only. Throws (French
 * message) when the published values contradict the relations (no value of the masked
 * cells satisfies them: a relation declared "sum" where people are counted once).
 */
export async function feasibilityIntervals(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlySet<CellKey> | ReadonlyMap<CellKey, unknown>,
  relations: readonly Relation[],
  options: IntervalOptions = {}
): Promise<Map<CellKey, Interval>> {
  const rows = relationRows(values, masked, relations);
  const result = new Map<CellKey, Interval>();
  for (const key of [...masked.keys()].sort()) result.set(key, {min: 0, max: Infinity, exact: true});
  const runtime = await highs();
  for (const group of connectedRows(rows)) solveGroup(runtime, group, result, options.enough ?? Infinity);
  return result;
}

/** Linear rows over the masked cells: `lower ≤ Σ coefficient × cell ≤ upper`. */
function relationRows(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlySet<CellKey> | ReadonlyMap<CellKey, unknown>,
  relations: readonly Relation[]
): Row[] {
  const rows: Row[] = [];
  // Σ coefficient × value over the given terms: the masked ones as coefficients, the others
  // summed into a constant moved to the bounds.
  const row = (terms: readonly [CellKey, number][], lower: number, upper: number) => {
    const coefficients = new Map<CellKey, number>();
    let constant = 0;
    for (const [key, c] of terms) {
      if (masked.has(key)) coefficients.set(key, (coefficients.get(key) ?? 0) + c);
      else constant += c * (values.get(key) ?? 0);
    }
    for (const [key, c] of coefficients) if (c === 0) coefficients.delete(key);
    if (coefficients.size > 0) rows.push({coefficients, lower: lower - constant, upper: upper - constant});
  };
  for (const {total, parts, kind} of relations) {
    if (!values.has(total) && !masked.has(total)) continue;
    const members = [...new Set(parts)].filter((p) => p !== total);
    if (kind === "sum") row([[total, 1], ...members.map((p): [CellKey, number] => [p, -1])], 0, 0);
    else {
      // total - Σ parts ≤ 0, and total - part ≥ 0 for each part.
      row([[total, 1], ...members.map((p): [CellKey, number] => [p, -1])], -Infinity, 0);
      for (const p of members)
        row(
          [
            [total, 1],
            [p, -1]
          ],
          0,
          Infinity
        );
    }
  }
  return rows;
}

/** Rows grouped by connected masked cells, each group with its cells in key order. */
function connectedRows(rows: readonly Row[]): {cells: CellKey[]; rows: Row[]}[] {
  const parent = new Map<CellKey, CellKey>();
  const find = (k: CellKey): CellKey => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = k;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const {coefficients} of rows) {
    const keys = [...coefficients.keys()];
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) {
      const a = find(k);
      const b = find(keys[0]!);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<CellKey, {cells: CellKey[]; rows: Row[]}>();
  for (const k of [...parent.keys()].sort()) {
    const root = find(k);
    const group = groups.get(root);
    if (group) group.cells.push(k);
    else groups.set(root, {cells: [k], rows: []});
  }
  for (const row of rows) groups.get(find(row.coefficients.keys().next().value!))!.rows.push(row);
  return [...groups.values()];
}

const snap = (v: number) => (Math.abs(v - Math.round(v)) < SNAP ? Math.round(v) : v);

// Model status codes of HiGHS (highs.constants.modelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;

function solveGroup(
  runtime: Highs,
  group: {cells: CellKey[]; rows: Row[]},
  result: Map<CellKey, Interval>,
  enough: number
): void {
  const index = new Map(group.cells.map((k, i) => [k, i]));
  const starts = [0];
  const indices: number[] = [];
  const coefficients: number[] = [];
  for (const row of group.rows) {
    const entries = [...row.coefficients]
      .map(([k, c]): [number, number] => [index.get(k)!, c])
      .sort((a, b) => a[0] - b[0]);
    for (const [i, c] of entries) {
      indices.push(i);
      coefficients.push(c);
    }
    starts.push(indices.length);
  }
  const n = group.cells.length;
  const infinity = runtime.infinity;
  const bound = (v: number) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v);
  const model = runtime.createModel({
    numCols: n,
    numRows: group.rows.length,
    colCost: new Array<number>(n).fill(0),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(infinity),
    rowLower: group.rows.map((r) => bound(r.lower)),
    rowUpper: group.rows.map((r) => bound(r.upper)),
    matrix: {format: "csr", numRows: group.rows.length, numCols: n, starts, indices, values: coefficients}
  });
  // The smallest and largest value each cell took in the solutions met so far.
  const low = new Float64Array(n).fill(Infinity);
  const high = new Float64Array(n).fill(-Infinity);
  const spread = (j: number) => high[j]! - low[j]!;
  const {minimize, maximize} = runtime.constants.objectiveSense;
  // Solves with the current costs; the optimum, Infinity when unbounded above.
  const solve = (sense: typeof minimize, cell: CellKey): number => {
    model.changeObjectiveSense(sense);
    model.run();
    const status = model.getModelStatus();
    if (status === OPTIMAL) {
      const x = model.getSolution().colValue;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v < low[i]!) low[i] = v;
        if (v > high[i]!) high[i] = v;
      }
      return snap(model.getObjectiveValue());
    }
    if (sense === maximize && (status === UNBOUNDED || status === UNBOUNDED_OR_INFEASIBLE)) return Infinity;
    if (status === INFEASIBLE || status === UNBOUNDED_OR_INFEASIBLE)
      throw new Error(messages.infeasibleRelations(group.cells[0]!));
    throw new Error(messages.solverFailed(cell, status));
  };
  try {
    model.options.set({output_flag: false});
    if (enough !== Infinity) {
      for (let j = 0; j < n; j++) model.changeColCost(j, 1);
      solve(minimize, group.cells[0]!);
      solve(maximize, group.cells[0]!);
      for (let j = 0; j < n; j++) model.changeColCost(j, 0);
    }
    for (let j = 0; j < n; j++) {
      const cell = group.cells[j]!;
      if (spread(j) >= enough) {
        result.set(cell, {min: snap(low[j]!), max: snap(high[j]!), exact: false});
        continue;
      }
      model.changeColCost(j, 1);
      const max = solve(maximize, cell);
      if (enough !== Infinity && max - low[j]! >= enough) {
        result.set(cell, {min: snap(low[j]!), max, exact: false});
      } else {
        const min = solve(minimize, cell);
        result.set(cell, {min, max, exact: true});
      }
      model.changeColCost(j, 0);
    }
  } finally {
    model.dispose();
  }
}

/** A masked cell pinned in too narrow an interval. */
export interface PinnedCell extends Interval {
  readonly cell: CellKey;
}

/**
 * The cells of `intervals` (those `isChecked` keeps: person counts) whose interval is
 * narrower than `threshold` people (max − min < threshold: a reader pins the cell within
 * fewer than 11 values), in key order.
 */
export function pinnedCells(
  intervals: ReadonlyMap<CellKey, Interval>,
  isChecked: (cell: CellKey) => boolean = () => true,
  threshold: number = DISCLOSURE_THRESHOLD
): PinnedCell[] {
  const pinned: PinnedCell[] = [];
  for (const [cell, interval] of intervals)
    if (isChecked(cell) && interval.max - interval.min < threshold) pinned.push({cell, ...interval});
  return pinned.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}
