// What an attacker can still learn of a masked count: the narrowest interval it is known to
// lie in, given every published cell and every published relation (linear programming).
// A masked count is safe when that interval is at least the threshold wide: "between 0 and
// 10" tells that 1 to 10 people are there as surely as the value itself.
//
// Solver: HiGHS (University of Edinburgh), compiled to WebAssembly by the `highs` npm
// package; loaded once per process.

import highsLoader from "highs";
import type {CellKey, Constraint, MaskReason} from "./secondary.ts";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | undefined;
const highs = () => (solver ??= highsLoader());

/** The interval a masked cell is known to lie in; `high` is Infinity when nothing bounds it above. */
export interface FeasibilityInterval {
  readonly cell: CellKey;
  readonly low: number;
  readonly high: number;
}

/** Width of an interval (Infinity when unbounded). */
export const width = (i: FeasibilityInterval) => i.high - i.low;

/** A linear relation over masked cells: Σ coefficient × cell (sense) rhs. */
export interface LinearRelation {
  readonly terms: Map<CellKey, number>;
  readonly sense: "=" | "<=";
  readonly rhs: number;
}
type Row = LinearRelation;

/**
 * The linear relations a reader knows over the masked cells, every published value moved to
 * the right-hand side:
 * - a `sum` constraint: total − Σ parts = 0;
 * - a `distinct` constraint (distinct people: a person in two parts counts once in the
 *   total): each part ≤ total, and total ≤ Σ parts.
 * Cells absent from `values` and unmasked count as known zeros (like secondarySuppression).
 */
export function knownRelations(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[]
): Row[] {
  const rows: Row[] = [];
  const known = (k: CellKey) => (masked.has(k) ? 0 : (values.get(k) ?? 0));
  const push = (coefficients: [CellKey, number][], sense: "=" | "<=") => {
    const terms = new Map<CellKey, number>();
    let rhs = 0;
    for (const [k, c] of coefficients) {
      if (masked.has(k)) terms.set(k, (terms.get(k) ?? 0) + c);
      else rhs -= c * known(k);
    }
    for (const [k, c] of terms) if (c === 0) terms.delete(k);
    if (terms.size > 0) rows.push({terms, sense, rhs});
  };
  for (const c of constraints) {
    if (!values.has(c.total) && !masked.has(c.total)) continue;
    const parts = [...new Set(c.parts)].filter((p) => p !== c.total && (values.has(p) || masked.has(p)));
    if (c.kind === "distinct") {
      for (const p of parts)
        if (masked.has(p) || masked.has(c.total))
          push(
            [
              [p, 1],
              [c.total, -1]
            ],
            "<="
          );
      if (masked.has(c.total) || parts.some((p) => masked.has(p)))
        push([[c.total, 1], ...parts.map((p): [CellKey, number] => [p, -1])], "<=");
    } else {
      push([[c.total, 1], ...parts.map((p): [CellKey, number] => [p, -1])], "=");
    }
  }
  return rows;
}

/**
 * Narrowest interval of each masked cell in `cells` (default: every masked cell), given the
 * published values and the constraints; every count is ≥ 0. Solved component by component
 * (cells linked by a relation), two linear programs per cell. A cell no relation touches is
 * unbounded: [0, ∞[.
 */
export async function feasibilityIntervals(
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>,
  constraints: readonly Constraint[],
  cells?: Iterable<CellKey>,
  options: Pick<IntervalOptions, "enough"> = {}
): Promise<FeasibilityInterval[]> {
  const wanted = [...(cells ?? masked.keys())].filter((k) => masked.has(k));
  // The true values are a feasible point: a witness that spares linear programs.
  const truth = new Map<CellKey, number>();
  for (const k of masked.keys()) {
    const v = values.get(k);
    if (typeof v === "number") truth.set(k, v);
  }
  return relationIntervals(knownRelations(values, masked, constraints), wanted, {...options, truth});
}

export interface IntervalOptions {
  /** Known feasible values of the cells (the true ones, when the caller has them). */
  readonly truth?: ReadonlyMap<CellKey, number>;
  /**
   * Stop refining a cell once two feasible points set it this far apart (default:
   * Infinity, exact intervals). The audit passes the threshold: it only needs to know
   * whether an interval is narrower.
   */
  readonly enough?: number;
}

/**
 * Narrowest interval of each cell of `targets` under the linear relations (every cell ≥ 0).
 * Solved component by component; every solution of a linear program is a feasible point
 * that widens what is known of every other cell, so a cell already seen `enough` apart is
 * not solved again.
 */
export async function relationIntervals(
  relations: readonly LinearRelation[],
  targets: Iterable<CellKey>,
  options: IntervalOptions = {}
): Promise<FeasibilityInterval[]> {
  const wanted = new Set(targets);
  const result: FeasibilityInterval[] = [];
  const touched = new Set<CellKey>();
  const all = components(relations);
  if (process.env.DEBUG_INTERVALS)
    console.error(
      `${relations.length} relations, ${all.length} components, largest ${Math.max(0, ...all.map((c) => c.cells.size))}`
    );
  for (const component of all) {
    const cells = [...component.cells].filter((k) => wanted.has(k)).sort();
    for (const k of component.cells) touched.add(k);
    if (cells.length === 0) continue;
    result.push(...(await solveComponent(component.cells, component.rows, cells, options)));
  }
  for (const k of [...wanted].sort()) if (!touched.has(k)) result.push({cell: k, low: 0, high: Infinity});
  return result.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}

function components(rows: readonly Row[]): {cells: Set<CellKey>; rows: Row[]}[] {
  const parent = new Map<CellKey, CellKey>();
  const find = (k: CellKey): CellKey => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const row of rows) {
    const keys = [...row.terms.keys()];
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]!));
  }
  const groups = new Map<CellKey, {cells: Set<CellKey>; rows: Row[]}>();
  for (const row of rows) {
    const root = find(row.terms.keys().next().value!);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = {cells: new Set(), rows: []}));
    group.rows.push(row);
    for (const k of row.terms.keys()) group.cells.add(k);
  }
  return [...groups.values()];
}

async function solveComponent(
  cells: ReadonlySet<CellKey>,
  rows: readonly Row[],
  targets: readonly CellKey[],
  {truth, enough = Infinity}: IntervalOptions
): Promise<FeasibilityInterval[]> {
  // The LP file format wants plain variable names.
  const sorted = [...cells].sort();
  const names = new Map(sorted.map((k, i) => [k, `x${i}`]));
  const term = (c: number, name: string) => `${c < 0 ? "-" : "+"} ${Math.abs(c)} ${name}`;
  const body =
    "Subject To\n" +
    rows
      .map(
        (row, i) =>
          ` c${i}: ${[...row.terms].map(([k, c]) => term(c, names.get(k)!)).join(" ")} ${row.sense} ${row.rhs}`
      )
      .join("\n") +
    "\nBounds\n" +
    sorted.map((k) => ` ${names.get(k)} >= 0`).join("\n") +
    "\nEnd\n";
  // What feasible points have shown of each cell: the smallest and largest value seen.
  const seen = new Map<CellKey, {low: number; high: number}>();
  const witness = (point: ReadonlyMap<CellKey, number>) => {
    for (const [k, v] of point) {
      const s = seen.get(k);
      if (!s) seen.set(k, {low: v, high: v});
      else {
        if (v < s.low) s.low = v;
        if (v > s.high) s.high = v;
      }
    }
  };
  if (truth) witness(new Map(sorted.flatMap((k) => (truth.has(k) ? [[k, truth.get(k)!] as const] : []))));
  // Cheap first: programs over many cells at once, each of whose solutions is a feasible
  // point that widens what is known of every cell. First all open cells up together, then
  // down together; then objectives with a pseudo-random sign per cell (seeded: the same
  // programs on every run), which pull apart cells that trade against each other (x + y
  // fixed: one up while the other goes down). They stop once a few rounds settle nothing
  // more; the per-cell programs below then only run for the cells these leave.
  const open = () =>
    targets.filter((k) => {
      const s = seen.get(k);
      return !s || s.high - s.low < enough;
    });
  if (Number.isFinite(enough) && targets.length > 2) {
    const random = seededRandom(cells.size);
    let idle = 0;
    for (let round = 0; round < MAX_SHARED_ROUNDS && idle < 3; round++) {
      const left = open();
      if (left.length <= 2) break;
      const signs = left.map(() => (round < 2 ? (round === 0 ? 1 : -1) : random() < 0.5 ? -1 : 1));
      const objective = left.map((k, i) => `${signs[i]! < 0 ? "-" : "+"} 1 ${names.get(k)}`).join(" ");
      const bounded = await optimumOf(`Maximize\n obj: ${objective}\n${body}`, names, witness);
      if (!bounded && round === 0) break; // unbounded together: the per-cell programs say which
      idle = open().length === left.length ? idle + 1 : 0;
    }
    if (process.env.DEBUG_INTERVALS)
      console.error(`  shared programs leave ${open().length} of ${targets.length} cells`);
  }
  const result: FeasibilityInterval[] = [];
  for (const cell of targets) {
    const name = names.get(cell)!;
    const spread = seen.get(cell);
    if (spread && spread.high - spread.low >= enough) {
      result.push({cell, low: spread.low, high: spread.high});
      continue;
    }
    const high = await optimum(`Maximize\n obj: ${name}\n${body}`, name, names, witness);
    // Already seen `enough` apart (the maximum and an earlier point): no need for the minimum.
    const after = seen.get(cell);
    if (after && Number.isFinite(high) && after.high - after.low >= enough) {
      result.push({cell, low: after.low, high: Math.max(high, after.high)});
      continue;
    }
    const low = await optimum(`Minimize\n obj: ${name}\n${body}`, name, names, witness);
    result.push({cell, low, high});
  }
  if (process.env.DEBUG_INTERVALS) console.error(`component of ${cells.size} cells: ${lps} LPs`);
  return result;
}

let lps = 0;

/** Programs over many cells at once tried at most, per component (see solveComponent). */
const MAX_SHARED_ROUNDS = 40;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32): same seed, same programs. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function solve(problem: string) {
  if (process.env.DEBUG_INTERVALS) lps++;
  try {
    return (await highs()).solve(problem);
  } catch {
    // The WebAssembly module can be left unusable by a failed solve: load a fresh one.
    solver = undefined;
    return (await highs()).solve(problem);
  }
}

// Solves a program and hands its solution to `witness`; false when it is unbounded.
async function optimumOf(
  problem: string,
  names: ReadonlyMap<CellKey, string>,
  witness: (point: Map<CellKey, number>) => void
): Promise<boolean> {
  const solution = await solve(problem);
  if (solution.Status === "Unbounded") return false;
  if (solution.Status !== "Optimal") throw new Error(`Programme linéaire sans solution (${solution.Status}).`);
  const columns = solution.Columns as Record<string, {Primal: number}>;
  witness(new Map([...names].map(([k, n]) => [k, columns[n]?.Primal ?? 0])));
  return true;
}

async function optimum(
  problem: string,
  name: string,
  names: ReadonlyMap<CellKey, string>,
  witness: (point: Map<CellKey, number>) => void
): Promise<number> {
  const solution = await solve(problem);
  if (solution.Status === "Unbounded") return Infinity;
  if (solution.Status !== "Optimal") throw new Error(`Programme linéaire sans solution (${solution.Status}).`);
  const columns = solution.Columns as Record<string, {Primal: number}>;
  witness(new Map([...names].map(([k, n]) => [k, columns[n]?.Primal ?? 0])));
  return Math.round(columns[name]!.Primal * 1e6) / 1e6;
}
