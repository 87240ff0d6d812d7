// How much the statistical secret hides, per published dataset and level (national, région,
// département): the share of cells masked, and the share of what the cells count that sits in
// masked cells. Printed by `pnpm bench datasets`, published as `masquage.json` for the
// « Données et méthode » page. The values behind masked cells come from the same computation
// run without disclosure control (lib/unmasked.ts); only shares leave this module, and the
// share of what is counted is published rounded up to a whole percent, or not at all when a
// percentage point would hold fewer people than the threshold (see `publishedMasking`).
import {
  DISCLOSURE_THRESHOLD,
  LEVELS,
  secretColumnName,
  type DatasetSpec,
  type FigureColumn,
  type Row,
  type Unit
} from "@pilotage/indicators";
import type {SqlEngine} from "@pilotage/sources";
import {SPECS} from "./dictionnaire.ts";
import {oncePerBuild} from "./lib/build-run.ts";
import type {ComputeContext} from "./lib/run.ts";
import {withoutMasks} from "./lib/unmasked.ts";
import {THEME_DATASETS} from "./registry.ts";
import * as salariesEnsemble from "./salaries-ensemble.ts";

/**
 * The figures whose cells are measured: the counts under the secret (`counts: "people"`:
 * people, but also applications and PASS IAE, which stand for the people behind them) and the
 * magnitudes masked with a people count of another dataset (`maskedWith`: hours and ETP
 * réalisés of etp), not the rates, shares, means and medians that follow them (they add up
 * to nothing).
 */
export function measuredFigures(spec: DatasetSpec): FigureColumn[] {
  return spec.columns.filter(
    (c): c is FigureColumn => c.role === "figure" && (c.counts === "people" || (!!c.maskedWith && c.unit !== "%"))
  );
}

/** The masking of one dataset at one level, for the figures of one unit. */
export interface MaskingMeasure {
  readonly dataset: string;
  /** Unit of the figures measured (« personnes », « candidatures », « PASS IAE », « ETP », « heures »). */
  readonly unit: Unit;
  /** Labels of the figures measured, as the dictionary gives them (« Salariés »). */
  readonly figures: readonly string[];
  /** Value of the `niveau` column: national, région, département. */
  readonly level: string;
  /** Cells: rows of the level × measured figures of the unit. */
  readonly cells: number;
  /** Those published masked (`<figure>_secret` true). */
  readonly maskedCells: number;
  /**
   * Sum of the values of all those cells before masking, in `unit`. Each cell counts its own
   * people (or applications, PASS IAE, hours…): someone counted in a month, its year, a
   * category and « ensemble » weighs four times, as each cell shows them.
   */
  readonly counted: number;
  /** Sum of the values of the masked cells before masking, in `unit`. */
  readonly maskedCounted: number;
  /**
   * Masked cells of a `counts: "people"` figure whose own value is at or above the threshold
   * (masked to protect another cell, not for their own size). Never published.
   */
  readonly maskedAtOrAboveThreshold: number;
}

const cellId = (spec: DatasetSpec, row: Row) =>
  JSON.stringify(
    spec.columns.filter((c) => c.role === "dimension" && c.describes === undefined).map((c) => row[c.name] ?? null)
  );

const numberOf = (value: Row[string]): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * The masking of one dataset: its published rows (after disclosure control) against the same
 * rows computed without it (`unmasked`, matched on the identifying dimensions), one measure
 * per level (in the order of LEVELS) and unit (in the order of the columns). A cell is a row
 * × a measured figure (see `measuredFigures`); a missing or null value counts 0.
 * Throws (French message) when a published row has no unmasked twin, when two rows share a
 * cell, or when an unmasked row carries a `_secret` flag (the computation was not unmasked).
 */
export function maskingMeasures(
  spec: DatasetSpec,
  published: readonly Row[],
  unmasked: readonly Row[]
): MaskingMeasure[] {
  const figures = measuredFigures(spec);
  const raw = new Map<string, Row>();
  for (const row of unmasked) {
    const id = cellId(spec, row);
    if (raw.has(id)) throw new Error(`Mesure du masquage (${spec.name}) : deux lignes pour la cellule ${id}.`);
    if (spec.columns.some((c) => c.role === "figure" && row[secretColumnName(c.name)] === true))
      throw new Error(`Mesure du masquage (${spec.name}) : la ligne ${id} calculée sans masque porte un masque.`);
    raw.set(id, row);
  }
  const units = [...new Set(figures.map((f) => f.unit))];
  const groups = new Map<
    string,
    {level: string; unit: Unit; cells: number; masked: number; counted: number; maskedCounted: number; above: number}
  >();
  const seen = new Set<string>();
  for (const row of published) {
    const id = cellId(spec, row);
    if (seen.has(id)) throw new Error(`Mesure du masquage (${spec.name}) : deux lignes pour la cellule ${id}.`);
    seen.add(id);
    const before = raw.get(id);
    if (!before) throw new Error(`Mesure du masquage (${spec.name}) : la ligne ${id} n'a pas de valeur sans masque.`);
    const level = String(row.niveau);
    for (const figure of figures) {
      const key = JSON.stringify([level, figure.unit]);
      let group = groups.get(key);
      if (!group)
        groups.set(
          key,
          (group = {level, unit: figure.unit, cells: 0, masked: 0, counted: 0, maskedCounted: 0, above: 0})
        );
      const value = numberOf(before[figure.name]);
      group.cells += 1;
      group.counted += value;
      if (row[secretColumnName(figure.name)] === true) {
        group.masked += 1;
        group.maskedCounted += value;
        if (figure.counts === "people" && value >= DISCLOSURE_THRESHOLD) group.above += 1;
      }
    }
  }
  const rank = (level: string) => {
    const i = (LEVELS as readonly string[]).indexOf(level);
    return i < 0 ? LEVELS.length : i;
  };
  return [...groups.values()]
    .sort(
      (a, b) =>
        rank(a.level) - rank(b.level) || a.level.localeCompare(b.level) || units.indexOf(a.unit) - units.indexOf(b.unit)
    )
    .map((g) => ({
      dataset: spec.name,
      unit: g.unit,
      figures: figures.filter((f) => f.unit === g.unit).map((f) => f.label),
      level: g.level,
      cells: g.cells,
      maskedCells: g.masked,
      counted: g.counted,
      maskedCounted: g.maskedCounted,
      maskedAtOrAboveThreshold: g.above
    }));
}

/** A dataset whose masking is measured: its name and its computation (rows after disclosure control). */
export interface MeasuredDataset {
  readonly name: string;
  compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}>;
}

/**
 * Every published dataset with a row per level: the theme datasets and the salaries extract
 * of the home page (etp-mensuel, the national months of etp, masks nothing).
 */
export const MEASURED_DATASETS: readonly MeasuredDataset[] = [
  ...THEME_DATASETS,
  {name: "salaries-ensemble", compute: salariesEnsemble.compute}
];

// An engine of its own for the unmasked computation: nothing kept per engine is shared.
const separateEngine = (engine: SqlEngine): SqlEngine => ({
  dialect: engine.dialect,
  query: (sql, params) => engine.query(sql, params),
  close: async () => {}
});

/**
 * Measures the masking of `datasets`: each computed as published (`published`, by default its
 * own computation; the loader passes the build's shared results) and again without disclosure
 * control. Measures in the order of `datasets`, then as `maskingMeasures` orders them.
 * Throws what a computation or `maskingMeasures` throws.
 */
export async function measureMasking(
  context: ComputeContext,
  datasets: readonly MeasuredDataset[] = MEASURED_DATASETS,
  published: (dataset: MeasuredDataset) => Promise<{spec: DatasetSpec; rows: Row[]}> = (d) => d.compute(context)
): Promise<MaskingMeasure[]> {
  const unmaskedContext: ComputeContext = {...context, engine: separateEngine(context.engine)};
  const results = await Promise.all(
    datasets.map(async (dataset) => {
      const [masked, unmasked] = await Promise.all([
        published(dataset),
        withoutMasks(() => dataset.compute(unmaskedContext))
      ]);
      return maskingMeasures(masked.spec, masked.rows, unmasked.rows);
    })
  );
  return results.flat();
}

/**
 * Below this many counted at a level, the share of what masked cells count is not published:
 * a percentage point would then hold fewer than the threshold, and with the published cells a
 * reader would bound the masked ones too closely (one masked cell at a level: its value).
 */
export const MIN_COUNTED_FOR_SHARE = 100 * DISCLOSURE_THRESHOLD;

/** One line of `masquage.json`: a measure without its exact counted values. */
export interface PublishedMasking extends Pick<
  MaskingMeasure,
  "dataset" | "unit" | "figures" | "level" | "cells" | "maskedCells"
> {
  /**
   * Share of what the level's cells count that sits in masked cells, in whole percent rounded
   * up (0 only when nothing is masked: 0.3 % is published 1); null when the level counts fewer
   * than MIN_COUNTED_FOR_SHARE.
   */
  readonly maskedCountedPercent: number | null;
}

/** What the page publishes of the measures: cell counts, and the share of what is counted, rounded up. */
export function publishedMasking(measures: readonly MaskingMeasure[]): PublishedMasking[] {
  return measures.map((m) => ({
    dataset: m.dataset,
    unit: m.unit,
    figures: m.figures,
    level: m.level,
    cells: m.cells,
    maskedCells: m.maskedCells,
    maskedCountedPercent: m.counted < MIN_COUNTED_FOR_SHARE ? null : percentUp(m.maskedCounted, m.counted)
  }));
}

/** `part / whole` in whole percent rounded up (7 of 120: 6), a float's last bits aside (3 of 300: 1, not 2). */
export const percentUp = (part: number, whole: number): number => Math.ceil(Number(((part / whole) * 100).toFixed(9)));

/**
 * `masquage.json`: `threshold` (the secret's), `minCounted` (MIN_COUNTED_FOR_SHARE),
 * `datasets` (the measures as `publishedMasking` gives them), `nothingSecret` (the published
 * datasets with no figure measured: they count structures or posts, and mask nothing) and
 * `copies` (datasets whose figures are another's, masks included: etp-mensuel holds etp's
 * national months; `{dataset, of}`). Computed from the published datasets as this build
 * computes them (results shared with the other loaders). Throws when a published dataset with
 * a figure to measure is none of these.
 */
export async function maskingJson(context: ComputeContext): Promise<string> {
  const measures = await measureMasking(context, MEASURED_DATASETS, (d) =>
    oncePerBuild(`${d.name}-${context.referenceDate}`, () => d.compute(context))
  );
  // Every published dataset: measured, a copy of a measured one, or with nothing to measure.
  const specs = SPECS.map((spec) => spec(context.referenceDate));
  const isMeasured = (name: string) => MEASURED_DATASETS.some((d) => d.name === name);
  const nothingSecret = specs.filter((spec) => !measuredFigures(spec).length).map((spec) => spec.name);
  const copies = specs.flatMap((spec) => {
    const of = [...new Set(measuredFigures(spec).map((f) => f.maskedWith?.dataset))];
    return isMeasured(spec.name) || !of.length || !of.every((d) => d !== undefined && isMeasured(d))
      ? []
      : [{dataset: spec.name, of: of as string[]}];
  });
  const unmeasured = specs.filter(
    (spec) =>
      !nothingSecret.includes(spec.name) && !isMeasured(spec.name) && !copies.some((c) => c.dataset === spec.name)
  );
  if (unmeasured.length)
    throw new Error(`Mesure du masquage : jeu publié non mesuré (${unmeasured.map((s) => s.name).join(", ")}).`);
  return JSON.stringify(
    {
      threshold: DISCLOSURE_THRESHOLD,
      minCounted: MIN_COUNTED_FOR_SHARE,
      datasets: publishedMasking(measures),
      nothingSecret,
      copies
    },
    null,
    1
  );
}
