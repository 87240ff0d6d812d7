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
    groups.set(root, [...(groups.get(root) ?? []), eq]);
  }
  return [...groups.values()];
}

// Reduced row echelon form; a column is determined when its pivot row has no other entry.
function determined(equations: readonly Map<CellKey, number>[]): CellKey[] {
  const columns = [...new Set(equations.flatMap((eq) => [...eq.keys()]))].sort();
  const index = new Map(columns.map((k, i) => [k, i]));
  const rows = equations.map((eq) => {
    const row = new Array<number>(columns.length).fill(0);
    for (const [k, v] of eq) row[index.get(k)!] = v;
    return row;
  });
  const pivots: {row: number; column: number}[] = [];
  let r = 0;
  for (let c = 0; c < columns.length && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const scale = pivot[c]!;
    for (let j = 0; j < columns.length; j++) pivot[j]! /= scale;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const factor = rows[i]![c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let j = 0; j < columns.length; j++) rows[i]![j]! -= factor * pivot[j]!;
    }
    pivots.push({row: r, column: c});
    r++;
  }
  return pivots
    .filter(({row, column}) => rows[row]!.every((v, j) => j === column || Math.abs(v) < EPSILON))
    .map(({column}) => columns[column]!);
}

/**
 * Secondary suppression, then the exact audit: while a masked cell can still be recomputed
 * by combining constraints, mask the smallest published cell sharing a constraint with it
 * and suppress again. Throws when a recoverable cell has no published neighbour left (the
 * pattern cannot be repaired locally), rather than publish it.
 */
export function protectCells(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[]
): Map<CellKey, MaskReason> {
  let result = secondarySuppression(values, masked, constraints);
  for (;;) {
    const [exposed] = recoverableCells(values, result, constraints);
    if (exposed === undefined) return result;
    const neighbours = constraints
      .filter((c) => values.has(c.total) || masked.has(c.total))
      .filter((c) => c.total === exposed || c.parts.includes(exposed))
      .flatMap((c) => [...c.parts, c.total])
      .filter((k) => k !== exposed && !result.has(k) && values.has(k));
    const next = smallestCell(neighbours, values);
    if (next === undefined) throw new Error(messages.unprotectable(exposed));
    result.set(next, "secondaire");
    result = secondarySuppression(values, result, constraints);
  }
}
