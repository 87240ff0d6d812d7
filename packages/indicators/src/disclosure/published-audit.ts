// The interval audit over published datasets together: every person count of every file,
// as a reader sees it (values, `<figure>_secret` flags), with the relations each dataset's
// hierarchies give (sums or distinct people, as each figure declares its `aggregation`).

import {type DatasetSpec, type FigureColumn, type Row, identifyingDimensions, secretColumnName} from "../dataset.ts";
import {type Dims, type Hierarchy, cellKey, hierarchyConstraints} from "./hierarchies.ts";
import {type Interval, type PinnedCell, type Relation, feasibilityIntervals, pinnedCells} from "./interval-audit.ts";
import type {CellKey} from "./secondary.ts";
import {DISCLOSURE_THRESHOLD} from "./threshold.ts";

/** A published dataset: its declaration, its rows as published, and the hierarchies its cells follow. */
export interface AuditedDataset {
  readonly spec: DatasetSpec;
  readonly rows: readonly Row[];
  readonly hierarchies: readonly Hierarchy[];
  /**
   * Dimensions the file leaves out because it publishes only their « ensemble » (a view of a
   * larger table, like the applications cube): added to each of its cells, so that a cell
   * two files publish under different shapes is one cell, and the hierarchies of the whole
   * table apply.
   */
  readonly fixedDims?: Dims;
}

/** A masked person count pinned too narrowly, with the dataset that publishes it. */
export interface PinnedPublishedCell extends PinnedCell {
  readonly dataset: string;
  readonly figure: string;
  readonly dims: Dims;
}

export interface PublishedAuditResult {
  /** Distinct masked person-count cells audited (a cell published in two files counts once). */
  readonly maskedCells: number;
  /** Relations between a total and its parts that hold a masked cell or not. */
  readonly relations: number;
  /**
   * Every masked cell's interval, by cell key (see `cellKey`): exact for the pinned ones;
   * for the others, values the cell is shown to take, at least `threshold` apart.
   */
  readonly intervals: ReadonlyMap<CellKey, Interval>;
  /** The masked cells whose interval is narrower than the threshold, in key order. */
  readonly pinned: readonly PinnedPublishedCell[];
}

const isAuditedCount = (c: DatasetSpec["columns"][number]): c is FigureColumn =>
  c.role === "figure" && c.counts === "people";

/**
 * Audits the masked person counts (`counts: "people"`) of all `datasets` together: a cell
 * is its figure and identifying dimensions (`cellKey`), the same in every file that
 * publishes it, and counts as published when any file gives its value. Relations are the
 * constraints of each dataset's hierarchies among its rows, as equalities for a figure
 * declared `aggregation: "sum"` and inequalities for "distinct" (see interval-audit.ts).
 * Returns every masked cell's interval and those narrower than `threshold` (11).
 * Throws (French message) on a people count without `aggregation`, or when published values
 * contradict the relations.
 */
export async function auditPublishedDatasets(
  datasets: readonly AuditedDataset[],
  threshold: number = DISCLOSURE_THRESHOLD
): Promise<PublishedAuditResult> {
  const values = new Map<CellKey, number | null>();
  const masked = new Set<CellKey>();
  const published = new Set<CellKey>();
  const origin = new Map<CellKey, {dataset: string; figure: string; dims: Dims}>();
  const relations: Relation[] = [];
  for (const {spec, rows, hierarchies, fixedDims = {}} of datasets) {
    const figures = spec.columns.filter(isAuditedCount);
    if (figures.length === 0) continue;
    const dimensions = identifyingDimensions(spec);
    const kindOf = new Map<string, Relation["kind"]>();
    for (const f of figures) {
      if (f.aggregation === undefined) throw new Error(missingAggregation(spec.name, f.name));
      kindOf.set(f.name, f.aggregation);
    }
    const cells: {figure: string; dims: Dims}[] = [];
    const figureOf = new Map<CellKey, string>();
    for (const row of rows) {
      const dims: Record<string, string | number | boolean | null> = {...fixedDims};
      for (const d of dimensions) {
        const v = row[d.name];
        dims[d.name] = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
      }
      for (const f of figures) {
        if (!(f.name in row)) continue;
        const key = cellKey(f.name, dims);
        cells.push({figure: f.name, dims});
        figureOf.set(key, f.name);
        if (!origin.has(key)) origin.set(key, {dataset: spec.name, figure: f.name, dims});
        if (row[secretColumnName(f.name)] === true) masked.add(key);
        else {
          published.add(key);
          const v = row[f.name];
          values.set(key, typeof v === "number" ? v : null);
        }
      }
    }
    for (const c of hierarchyConstraints(cells, hierarchies))
      relations.push({total: c.total, parts: c.parts, kind: kindOf.get(figureOf.get(c.total)!)!});
  }
  for (const key of published) masked.delete(key);
  const intervals = await feasibilityIntervals(values, masked, relations, {enough: threshold});
  const pinned = pinnedCells(intervals, () => true, threshold).map((p) => ({...origin.get(p.cell)!, ...p}));
  return {maskedCells: masked.size, relations: relations.length, intervals, pinned};
}

function missingAggregation(dataset: string, figure: string): string {
  return (
    `Audit des intervalles : la colonne « ${figure} » du jeu « ${dataset} » compte des personnes sans ` +
    `déclarer comment ses totaux se forment (aggregation : "sum" ou "distinct").`
  );
}

/** A pinned cell in words: dataset, figure, dimensions and interval (« [0 ; 4] »). */
export function describePinned(p: PinnedPublishedCell): string {
  const dims = Object.entries(p.dims)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(", ");
  const max = p.max === Infinity ? "+∞" : String(p.max);
  return `${p.dataset} · ${p.figure} (${dims}) : entre ${p.min} et ${max}`;
}
