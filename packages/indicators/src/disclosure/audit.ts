// Exact audit of a suppression pattern: which masked cells a reader could recompute by
// combining the published cells through the additive constraints (any linear combination,
// not only one subtraction). Used by tests, and by data loaders that want a hard check.

import {messages} from "../messages.ts";
import {
  type CellKey,
  type Constraint,
  type CostOf,
  type MaskReason,
  compareCost,
  secondarySuppression,
  uniformCost
} from "./secondary.ts";

const EPSILON = 1e-9;

/**
 * Masked cells whose value is determined by the published cells: a masked cell x is
 * recoverable when the unit vector of x lies in the row space of the constraints restricted
 * to the masked cells (Gaussian elimination, connected group by connected group).
 * Cells absent from `values` are taken as known, like in `secondarySuppression`.
 */
export function recoverableCells(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[]
): CellKey[] {
  const equations: Map<CellKey, number>[] = [];
  for (const c of constraints) {
    if (!values.has(c.total) && !masked.has(c.total)) continue;
    const row = equation(c, masked);
    if (row.size > 0) equations.push(row);
  }
  const recoverable: CellKey[] = [];
  for (const group of connectedGroups(equations)) recoverable.push(...determined(group));
  return recoverable.sort();
}

// A constraint as a row over the masked cells it involves: +1 total, -1 parts.
function equation(c: Constraint, masked: ReadonlyMap<CellKey, MaskReason>): Map<CellKey, number> {
  const row = new Map<CellKey, number>();
  const add = (key: CellKey, coefficient: number) => {
    if (masked.has(key)) row.set(key, (row.get(key) ?? 0) + coefficient);
  };
  add(c.total, 1);
  for (const part of new Set(c.parts)) if (part !== c.total) add(part, -1);
  for (const [key, coefficient] of row) if (coefficient === 0) row.delete(key);
  return row;
}

// Whether the masked `cell` is determined by the published cells: the audit of
// `recoverableCells` on the one connected group of masked cells that holds it.
function isRecoverable(
  cell: CellKey,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraintsOf: ReadonlyMap<CellKey, readonly Constraint[]>
): boolean {
  const seen = new Set<Constraint>();
  const reached = new Set([cell]);
  const equations: Map<CellKey, number>[] = [];
  let frontier = [cell];
  while (frontier.length > 0) {
    const next: CellKey[] = [];
    for (const k of frontier) {
      for (const c of constraintsOf.get(k) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        const row = equation(c, masked);
        if (row.size === 0) continue;
        equations.push(row);
        for (const member of row.keys()) {
          if (reached.has(member)) continue;
          reached.add(member);
          next.push(member);
        }
      }
    }
    frontier = next;
  }
  return determined(equations).includes(cell);
}

function connectedGroups(equations: readonly Map<CellKey, number>[]): Map<CellKey, number>[][] {
  const parent = new Map<CellKey, CellKey>();
  const find = (k: CellKey): CellKey => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const eq of equations) {
    const keys = [...eq.keys()];
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]!));
  }
  const groups = new Map<CellKey, Map<CellKey, number>[]>();
  for (const eq of equations) {
    const root = find(eq.keys().next().value!);
    const group = groups.get(root);
    if (group) group.push(eq);
    else groups.set(root, [eq]);
  }
  return [...groups.values()];
}

// Reduced row echelon form on sparse rows (the constraints of hierarchies are sparse: a
// total and its parts), with an index of the rows each column appears in, so that
// eliminating a pivot touches only the rows that hold it. A column is determined when its
// pivot row has no other entry. The pivot of a row is its column shared by the fewest
// rows (less fill-in), ties broken by key so that the result is deterministic.
function determined(equations: readonly Map<CellKey, number>[]): CellKey[] {
  const rows = equations.map((eq) => new Map(eq));
  const rowsOf = new Map<CellKey, Set<number>>();
  rows.forEach((row, i) => {
    for (const k of row.keys()) {
      const set = rowsOf.get(k);
      if (set) set.add(i);
      else rowsOf.set(k, new Set([i]));
    }
  });
  const pivots: {row: number; column: CellKey}[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.size === 0) continue;
    let column: CellKey | undefined;
    for (const k of row.keys()) {
      const count = rowsOf.get(k)!.size;
      const best = column === undefined ? Infinity : rowsOf.get(column)!.size;
      if (count < best || (count === best && k < column!)) column = k;
    }
    const scale = row.get(column!)!;
    for (const [k, v] of row) row.set(k, v / scale);
    for (const j of [...rowsOf.get(column!)!]) {
      if (j === i) continue;
      const other = rows[j]!;
      const factor = other.get(column!);
      if (factor === undefined) continue;
      for (const [k, v] of row) {
        const value = (other.get(k) ?? 0) - factor * v;
        if (Math.abs(value) < EPSILON) {
          other.delete(k);
          rowsOf.get(k)!.delete(j);
        } else {
          if (!other.has(k)) rowsOf.get(k)!.add(j);
          other.set(k, value);
        }
      }
    }
    pivots.push({row: i, column: column!});
  }
  return pivots.filter(({row}) => rows[row]!.size === 1).map(({column}) => column);
}

/**
 * Secondary suppression, then the exact audit: while masked cells can still be recomputed
 * by combining constraints, mask for each of them a complementary published cell (see
 * `complementFor`: the cheapest one, by `costOf`, whose masking makes it undetermined) and
 * suppress again. Masking more never reveals more, and each round masks at least one more
 * cell, so this ends; it throws only if a recoverable cell has no published cell left
 * anywhere in reach (nothing more could protect it), rather than publish it. `threshold`:
 * see `secondarySuppression` (0 for magnitudes, whose masked parts may hide any amount).
 * `costOf`: the cost of masking a cell (`ComplementCost`: tier, residual category), which
 * orders the complementary cells in both steps; by default all cells are alike.
 */
export function protectCells(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[],
  threshold?: number,
  costOf: CostOf = uniformCost
): Map<CellKey, MaskReason> {
  const active = constraints.filter((c) => values.has(c.total) || masked.has(c.total));
  const constraintsOf = new Map<CellKey, Constraint[]>();
  for (const c of active) {
    for (const k of new Set([c.total, ...c.parts])) {
      const list = constraintsOf.get(k);
      if (list) list.push(c);
      else constraintsOf.set(k, [c]);
    }
  }
  let result = secondarySuppression(values, masked, constraints, threshold, costOf);
  for (;;) {
    const exposed = recoverableCells(values, result, constraints);
    if (exposed.length === 0) return result;
    let added = false;
    for (const cell of exposed) {
      // A complement chosen for an earlier cell of this round may protect this one already.
      if (added && !isRecoverable(cell, result, constraintsOf)) continue;
      const next = complementFor(cell, values, result, constraintsOf, costOf);
      if (next === undefined) throw new Error(messages.unprotectable(cell));
      result.set(next, "secondaire");
      added = true;
    }
    result = secondarySuppression(values, result, constraints, threshold, costOf);
  }
}

/** Candidates tried, cheapest first, for making one recoverable cell undetermined. */
const MAX_TRIED = 32;

/**
 * The published cell to mask so that the recoverable `cell` is no longer determined. The
 * candidates are the published cells that share a constraint with `cell` or, through masked
 * cells, with its group (breadth first: distance 1, 2…). They are tried in order of cost
 * (lowest tier first, then nearest, then `compareCost`), and the first one whose masking
 * makes `cell` undetermined is returned: a national cell is taken only when no cell of a
 * lower tier does the job. When none of the first `MAX_TRIED` does, the cheapest nearest
 * one (masking it still adds an unknown beside `cell`; the next round goes on). Undefined
 * when no published cell is in reach.
 */
function complementFor(
  cell: CellKey,
  values: ReadonlyMap<CellKey, number | null>,
  masked: Map<CellKey, MaskReason>,
  constraintsOf: ReadonlyMap<CellKey, readonly Constraint[]>,
  costOf: CostOf
): CellKey | undefined {
  const seen = new Set([cell]);
  const distance = new Map<CellKey, number>();
  let frontier = [cell];
  for (let d = 1; frontier.length > 0; d++) {
    const next: CellKey[] = [];
    for (const k of frontier) {
      for (const c of constraintsOf.get(k) ?? []) {
        for (const member of [c.total, ...c.parts]) {
          if (seen.has(member)) continue;
          seen.add(member);
          if (masked.has(member)) next.push(member);
          else if (values.has(member)) distance.set(member, d);
        }
      }
    }
    frontier = next;
  }
  const candidates = [...distance.keys()].sort(
    (a, b) =>
      costOf(a).tier - costOf(b).tier || distance.get(a)! - distance.get(b)! || compareCost(a, b, values, costOf)
  );
  for (const candidate of candidates.slice(0, MAX_TRIED)) {
    masked.set(candidate, "secondaire");
    const protects = !isRecoverable(cell, masked, constraintsOf);
    masked.delete(candidate);
    if (protects) return candidate;
  }
  return candidates.sort((a, b) => distance.get(a)! - distance.get(b)! || compareCost(a, b, values, costOf))[0];
}
