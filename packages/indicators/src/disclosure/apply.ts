// Disclosure control over the rows of one or several datasets: primary suppression, then
// secondary suppression computed once on the union of their cells (so a figure published in
// two files is masked the same way in both), then ratios follow their person counts.

import {
  type DatasetSpec,
  type FigureColumn,
  type Row,
  type Value,
  identifyingDimensions,
  isPeopleCount,
  isSecretFigure,
  secretColumnName
} from "../dataset.ts";
import {messages} from "../messages.ts";
import {type Dims, type Hierarchy, cellKey, complementCosts, hierarchyConstraints} from "./hierarchies.ts";
import {isPrimarySecret} from "./primary.ts";
import {protectCells} from "./audit.ts";
import type {CellKey, MaskReason} from "./secondary.ts";

export interface DatasetRows {
  readonly spec: DatasetSpec;
  readonly rows: readonly Row[];
}

/** One masked cell, for the quality report (the reason is never published, see below). */
export interface MaskedCell {
  readonly dataset: string;
  readonly row: number;
  readonly column: string;
  readonly reason: MaskReason;
}

export interface DisclosureResult {
  /** The rows of each dataset, in the same order: masked figures null, `<figure>_secret` set. */
  readonly rows: Row[][];
  readonly masked: readonly MaskedCell[];
}

/**
 * Masks every figure that is secret or would let a secret one be recomputed. The published
 * flag is a plain boolean `<figure>_secret`: publishing *why* a cell is masked would tell a
 * reader which cells hold 1 to 10 people and which hold more, enough to recompute a value
 * (a primary x and a secondary y ≥ 11 with x + y = 12 give x = 1).
 */
export function applyDisclosure(
  datasets: readonly DatasetRows[],
  hierarchies: readonly Hierarchy[] = []
): DisclosureResult {
  const values = new Map<CellKey, number | null>();
  const cells = new Map<CellKey, {figure: string; dims: Dims}>();
  const primary = new Map<CellKey, MaskReason>();
  const keysOf = datasets.map(({spec, rows}) => {
    const seen = new Set<CellKey>();
    return rows.map((row, index) => {
      const dims = cellDims(spec, row);
      const keys = new Map<string, CellKey>();
      for (const figure of spec.columns.filter(isSecretFigure).filter(isPeopleCount)) {
        const key = cellKey(figure.name, dims);
        if (seen.has(key)) throw new Error(messages.duplicateCell(spec.name, index, key));
        seen.add(key);
        const value = numberOrNull(row[figure.name]);
        if (values.has(key) && values.get(key) !== value) {
          throw new Error(messages.inconsistentCell(key, values.get(key), value));
        }
        values.set(key, value);
        cells.set(key, {figure: figure.name, dims});
        if (isPrimarySecret(row, figure)) primary.set(key, "primaire");
        keys.set(figure.name, key);
      }
      return keys;
    });
  });

  // Complementary cells are chosen cheapest first: lowest level, then smallest, catch-all
  // categories first (complementCosts); a national figure only when nothing lower does.
  const masks = protectCells(
    values,
    primary,
    hierarchyConstraints(cells.values(), hierarchies),
    undefined,
    complementCosts(cells.values(), hierarchies)
  );

  const masked: MaskedCell[] = [];
  const rows = datasets.map(({spec, rows}, d) =>
    rows.map((row, index) => {
      const out: Record<string, Value | undefined> = {...row};
      const reasons = new Map<string, MaskReason>();
      const figures = spec.columns.filter(isSecretFigure);
      for (const figure of figures.filter(isPeopleCount)) {
        const reason = masks.get(keysOf[d]![index]!.get(figure.name)!);
        if (reason) reasons.set(figure.name, reason);
      }
      for (const figure of figures.filter((f) => !isPeopleCount(f))) {
        const reason = ratioMask(row, figure, reasons);
        if (reason) reasons.set(figure.name, reason);
      }
      for (const figure of figures) {
        const reason = reasons.get(figure.name);
        if (reason) {
          out[figure.name] = null;
          masked.push({dataset: spec.name, row: index, column: figure.name, reason});
        }
        out[secretColumnName(figure.name)] = reason !== undefined;
      }
      return out;
    })
  );
  return {rows, masked};
}

// Ratios are decided after the person counts of their row (whatever the column order): a
// ratio published beside its masked numerator or denominator would give it back.
function ratioMask(row: Row, figure: FigureColumn, reasons: ReadonlyMap<string, MaskReason>): MaskReason | undefined {
  if (isPrimarySecret(row, figure)) return "primaire";
  const refs = [figure.numerator, figure.denominator].filter((r): r is string => r !== undefined);
  return refs.some((r) => reasons.has(r)) ? "secondaire" : undefined;
}

function cellDims(spec: DatasetSpec, row: Row): Dims {
  const dims: Record<string, string | number | boolean | null> = {};
  for (const column of identifyingDimensions(spec)) {
    const value = row[column.name];
    dims[column.name] = value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
  }
  return dims;
}

function numberOrNull(value: Value | undefined): number | null {
  return typeof value === "number" ? value : null;
}
