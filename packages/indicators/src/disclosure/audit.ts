// Exact audit of a suppression pattern: which masked cells a reader could recompute by
// combining the published cells through the additive constraints (any linear combination,
// not only one subtraction). Used by tests, and by data loaders that want a hard check.

import {messages} from "../messages.ts";
import {type CellKey, type Constraint, type MaskReason, secondarySuppression, smallestCell} from "./secondary.ts";

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
  // Each constraint becomes a row over the masked cells it involves: +1 total, -1 parts.
  const equations: Map<CellKey, number>[] = [];
  for (const c of constraints) {
    if (!values.has(c.total) && !masked.has(c.total)) continue;
    const row = new Map<CellKey, number>();
    const add = (key: CellKey, coefficient: number) => {
      if (masked.has(key)) row.set(key, (row.get(key) ?? 0) + coefficient);
    };
    add(c.total, 1);
    for (const part of new Set(c.parts)) if (part !== c.total) add(part, -1);
    for (const [key, coefficient] of row) if (coefficient === 0) row.delete(key);
    if (row.size > 0) equations.push(row);
  }
  const recoverable: CellKey[] = [];
  for (const group of connectedGroups(equations)) recoverable.push(...determined(group));
  return recoverable.sort();
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
 * by combining constraints, mask for each of them the smallest published cell near it (in
 * a constraint with it; when none is left there, one constraint further, and so on) and
 * suppress again. Masking more never reveals more, and each round masks at least one more
 * cell, so this ends; it throws only if a recoverable cell has no published cell left
 * anywhere in reach (nothing more could protect it), rather than publish it. `threshold`:
 * see `secondarySuppression` (0 for magnitudes, whose masked parts may hide any amount).
 */
export function protectCells(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[],
  threshold?: number
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
  let result = secondarySuppression(values, masked, constraints, threshold);
  for (;;) {
    const exposed = recoverableCells(values, result, constraints);
    if (exposed.length === 0) return result;
    for (const cell of exposed) {
      const next = nearestPublished(cell, values, result, constraintsOf);
      if (next === undefined) throw new Error(messages.unprotectable(cell));
      result.set(next, "secondaire");
    }
    result = secondarySuppression(values, result, constraints, threshold);
  }
}

/**
 * The smallest published cell sharing a constraint with `cell`; when every such cell is
 * masked already, the search goes on through the masked ones (breadth first).
 */
function nearestPublished(
  cell: CellKey,
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraintsOf: ReadonlyMap<CellKey, readonly Constraint[]>
): CellKey | undefined {
  const seen = new Set([cell]);
  let frontier = [cell];
  while (frontier.length > 0) {
    const published: CellKey[] = [];
    const next: CellKey[] = [];
    for (const k of frontier) {
      for (const c of constraintsOf.get(k) ?? []) {
        for (const member of [c.total, ...c.parts]) {
          if (seen.has(member)) continue;
          seen.add(member);
          if (masked.has(member)) next.push(member);
          else if (values.has(member)) published.push(member);
        }
      }
    }
    const smallest = smallestCell(published, values);
    if (smallest !== undefined) return smallest;
    frontier = next;
  }
  return undefined;
}
