// The audit of everything published, read as an outside reader reads it: every file
// together (theme datasets, territory archive, home page extracts), each cell identified by
// its key whatever the file. It looks for what a reader can give back of a masked count:
// - the same cell published in clear in another file;
// - the value pinned by the published relations: hierarchies (sums, or inequalities for
//   distinct people), derived figures (`derivedFrom`), rates beside their numerator or
//   denominator (count = rate × denominator). Solved by linear programming (intervals.ts).
// A masked count is safe when it cannot be pinned within an interval narrower than the
// threshold.

import {
  type DatasetSpec,
  type FigureColumn,
  type PublishedColumn,
  type Row,
  identifyingDimensions,
  secretColumnName
} from "../dataset.ts";
import {type Cell, type Dims, type Hierarchy, cellKey, hierarchyConstraints} from "./hierarchies.ts";
import {type FeasibilityInterval, type LinearRelation, knownRelations, relationIntervals, width} from "./intervals.ts";
import type {CellKey, MaskReason} from "./secondary.ts";
import {DISCLOSURE_THRESHOLD} from "./threshold.ts";

/** One published table: where it was read, its declaration (from its metadata) and its rows. */
export interface PublishedTable {
  readonly source: string;
  readonly spec: Omit<DatasetSpec, "columns"> & {readonly columns: readonly PublishedColumn[]};
  readonly rows: readonly Row[];
}

/** A cell masked in one file and published in another. */
export interface CrossFileLeak {
  readonly cell: CellKey;
  readonly masked: string;
  readonly published: string;
}

export interface PublishedAudit {
  readonly files: number;
  /** Person-count cells, and how many of them are masked. */
  readonly cells: number;
  readonly masked: number;
  readonly leaks: readonly CrossFileLeak[];
  /** Cells published twice with two values (the declared model is wrong somewhere). */
  readonly inconsistent: readonly string[];
  /** Masked counts whose value a reader gets back exactly. */
  readonly recovered: readonly FeasibilityInterval[];
  /** Masked counts pinned within an interval narrower than the threshold (recovered ones included). */
  readonly narrow: readonly FeasibilityInterval[];
  /** The narrowest interval of a masked count (widths are known at least up to the threshold). */
  readonly narrowest?: FeasibilityInterval;
  readonly seconds: number;
}

interface CellState {
  readonly figure: string;
  readonly dims: Dims;
  readonly people: boolean;
  value: number | null;
  masked: boolean;
  maskedIn?: string;
  publishedIn?: string;
}

const isFigure = (c: PublishedColumn): c is FigureColumn => c.role === "figure";

/**
 * Audits the published tables together. `hierarchiesOf(dataset)` gives the relations a
 * dataset's cells obey (its declaration's hierarchies). Throws nothing: the caller decides
 * what fails (see `auditFailures`).
 */
export async function auditPublished(
  tables: readonly PublishedTable[],
  hierarchiesOf: (dataset: string) => readonly Hierarchy[],
  threshold: number = DISCLOSURE_THRESHOLD
): Promise<PublishedAudit> {
  const start = performance.now();
  const cells = new Map<CellKey, CellState>();
  const leaks: CrossFileLeak[] = [];
  const inconsistent: string[] = [];
  const relations: LinearRelation[] = [];
  const byDataset = new Map<string, Set<CellKey>>();
  const rowKeys: {table: PublishedTable; row: Row; keys: Map<string, CellKey>; dims: Dims}[] = [];

  for (const table of tables) {
    const spec = table.spec as DatasetSpec;
    const dimensions = identifyingDimensions(spec);
    // Every figure: a magnitude masked in one file must not be published in another either.
    const figures = spec.columns.filter(isFigure);
    const own = byDataset.get(spec.name) ?? new Set<CellKey>();
    byDataset.set(spec.name, own);
    for (const row of table.rows) {
      const dims: Record<string, string | number | boolean | null> = {};
      for (const d of dimensions) {
        const v = row[d.name];
        dims[d.name] = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
      }
      const keys = new Map<string, CellKey>();
      for (const figure of figures) {
        const family = figure.sameAs?.figure ?? figure.name;
        const cellDims = {...dims, ...figure.sameAs?.dims};
        const key = cellKey(family, cellDims);
        keys.set(figure.name, key);
        const masked = row[secretColumnName(figure.name)] === true;
        const value = typeof row[figure.name] === "number" ? (row[figure.name] as number) : null;
        let state = cells.get(key);
        if (!state) {
          state = {figure: family, dims: cellDims, people: figure.counts === "people", value: null, masked: true};
          cells.set(key, state);
        }
        if (masked) state.maskedIn ??= table.source;
        else {
          if (state.publishedIn !== undefined && !same(state.value, value)) inconsistent.push(key);
          state.publishedIn ??= table.source;
          state.value = value;
        }
        if (figure.counts === "people") own.add(key);
      }
      rowKeys.push({table, row, keys, dims});
    }
  }
  for (const [key, state] of cells) {
    state.masked = state.publishedIn === undefined;
    if (state.maskedIn !== undefined && state.publishedIn !== undefined)
      leaks.push({cell: key, masked: state.maskedIn, published: state.publishedIn});
  }

  // What the reader knows: published values; the unknowns are the cells masked everywhere.
  const values = new Map<CellKey, number | null>();
  const masked = new Map<CellKey, MaskReason>();
  for (const [key, state] of cells) {
    if (!state.people && state.masked) continue; // masked magnitudes: not counts, left out of the program
    values.set(key, state.masked ? null : state.value);
    if (state.masked) masked.set(key, "primaire");
  }

  // Hierarchies, each dataset's over the cells of the figures it publishes (in any file).
  for (const [dataset, own] of byDataset) {
    const families = new Set([...own].map((k) => cells.get(k)!.figure));
    const list: Cell[] = [...cells.values()].filter((c) => c.people && families.has(c.figure));
    relations.push(...knownRelations(values, masked, hierarchyConstraints(list, hierarchiesOf(dataset))));
  }
  // Derived figures and rates, row by row.
  const known = (key: CellKey | undefined) => (key === undefined ? undefined : values.get(key));
  for (const {table, row, keys, dims} of rowKeys) {
    for (const figure of table.spec.columns.filter(isFigure)) {
      if (figure.derivedFrom && keys.has(figure.name)) {
        const terms: [CellKey, number][] = [[keys.get(figure.name)!, 1]];
        for (const ref of figure.derivedFrom)
          terms.push([cellKey(ref.figure, {...dims, ...ref.dims}), -ref.coefficient]);
        relations.push(...linear(terms, values, masked));
      }
      const rate = row[figure.name];
      if (
        figure.numerator &&
        figure.denominator &&
        typeof rate === "number" &&
        row[secretColumnName(figure.name)] !== true
      ) {
        const n = keys.get(figure.numerator);
        const d = keys.get(figure.denominator);
        if (n && d && (masked.has(n) || masked.has(d)) && known(n) !== undefined && known(d) !== undefined)
          relations.push(
            ...linear(
              [
                [n, 1],
                [d, -rate]
              ],
              values,
              masked
            )
          );
      }
    }
  }

  // The same relation found through several files or datasets is one relation.
  const unique = new Map(relations.map((r) => [JSON.stringify([[...r.terms].sort(), r.sense, r.rhs]), r]));
  const targets = [...masked.keys()].filter((k) => cells.get(k)!.people);
  const truth = new Map<CellKey, number>();
  const intervals = await relationIntervals([...unique.values()], targets, {truth, enough: threshold});
  const narrow = intervals.filter((i) => width(i) < threshold);
  const recovered = intervals.filter((i) => width(i) < 1e-6);
  const narrowest = intervals.reduce<FeasibilityInterval | undefined>(
    (best, i) => (best === undefined || width(i) < width(best) ? i : best),
    undefined
  );
  return {
    files: tables.length,
    cells: [...cells.values()].filter((c) => c.people).length,
    masked: targets.length,
    leaks,
    inconsistent,
    recovered,
    narrow,
    narrowest,
    seconds: (performance.now() - start) / 1000
  };
}

// Σ coefficient × cell = 0, known cells moved to the right-hand side; nothing when no cell
// of it is masked or one of its cells is not published at all.
function linear(
  terms: readonly [CellKey, number][],
  values: ReadonlyMap<CellKey, number | null>,
  masked: ReadonlyMap<CellKey, MaskReason>
): LinearRelation[] {
  const row = new Map<CellKey, number>();
  let rhs = 0;
  for (const [k, c] of terms) {
    if (masked.has(k)) row.set(k, (row.get(k) ?? 0) + c);
    else if (typeof values.get(k) === "number") rhs -= c * values.get(k)!;
    else return [];
  }
  return row.size > 0 ? [{terms: row, sense: "=", rhs}] : [];
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The audit's verdict in French, one line a problem (empty when nothing is given back). */
export function auditFailures(audit: PublishedAudit, threshold: number = DISCLOSURE_THRESHOLD): string[] {
  const lines: string[] = [];
  for (const leak of audit.leaks.slice(0, 5))
    lines.push(`Cellule ${leak.cell} masquée dans ${leak.masked} mais publiée dans ${leak.published}.`);
  if (audit.leaks.length > 5) lines.push(`… et ${audit.leaks.length - 5} autres cellules dans ce cas.`);
  for (const key of audit.inconsistent.slice(0, 5)) lines.push(`Cellule ${key} publiée avec deux valeurs différentes.`);
  for (const i of audit.narrow.slice(0, 5))
    lines.push(
      `Effectif masqué ${i.cell} encadré entre ${i.low} et ${i.high} (moins de ${threshold} d'écart) par les fichiers publiés.`
    );
  if (audit.narrow.length > 5) lines.push(`… et ${audit.narrow.length - 5} autres effectifs masqués ainsi encadrés.`);
  return lines;
}
