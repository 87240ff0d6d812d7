// The business secret of the magnitudes the fluxIAE datasets publish (ETP, hours, aid): which
// cells (niveau, territoire, type_structure, periode) sum fewer than 3 structures or one
// holding more than 85 % (@pilotage/indicators, threshold.ts), and which cells of ETP
// conventionnés and aid are masked to protect them. salaries and etp both read them, so that
// a magnitude is masked in every file that publishes it.
import {
  cellKey,
  etpConcentrationSql,
  geography,
  hierarchyConstraints,
  isBusinessSecret,
  monthsInYear,
  complementCosts,
  protectCells,
  structureKinds,
  type EtpConcentrationRow,
  type MaskReason,
  type Row
} from "@pilotage/indicators";
import type {ComputeContext} from "./run.ts";
import {oncePerProcess} from "./build-run.ts";
import {masksOff} from "./unmasked.ts";

/** Key of a cell of the fluxIAE datasets, without its category: `[niveau, territoire, type_structure, periode]`. */
export const magnitudeCellKey = (row: Row | EtpConcentrationRow): string =>
  JSON.stringify([row.niveau, row.territoire, row.type_structure, String(row.periode)]);

/**
 * The cells under the business secret, as keys of {@link magnitudeCellKey}: years (`AAAA`) and
 * months (`AAAA-MM`) of every level and kind, from the structures behind each cell of `etp`.
 */
export function businessSecretCells(concentration: readonly EtpConcentrationRow[]): Set<string> {
  return new Set(
    concentration
      .filter((r) => isBusinessSecret(Number(r.nb_structures), stable(Number(r.part_max_structure))))
      .map(magnitudeCellKey)
  );
}

/**
 * The cells whose ETP conventionnés, aid and co-funding share are masked: those under the
 * business secret (`secret`), and as many more as their relations need so that none is given
 * back (geography, kinds, months into their year; no threshold: these are not people). Cells
 * are those of `concentration` (a cell with no structure is all zeros, known to a reader);
 * the smallest ETP conventionnés is masked next (to 9 significant digits, the same on every
 * engine). Keys of {@link magnitudeCellKey}.
 */
export function conventionMasks(
  concentration: readonly EtpConcentrationRow[],
  secret: ReadonlySet<string>
): Set<string> {
  const figure = "etp_conventionnes";
  const cells = concentration.map((r) => ({
    figure,
    dims: {niveau: r.niveau, territoire: r.territoire, periode: String(r.periode), type_structure: r.type_structure}
  }));
  const keys = cells.map((c) => cellKey(c.figure, c.dims));
  const values = new Map(concentration.map((r, i) => [keys[i]!, stable(Number(r.somme_etp_conventionnes))]));
  const primary = new Map<string, MaskReason>(
    concentration.flatMap((r, i) => (secret.has(magnitudeCellKey(r)) ? [[keys[i]!, "primaire" as const]] : []))
  );
  const hierarchies = [geography(), structureKinds(), monthsInYear("periode")];
  const constraints = hierarchyConstraints(cells, hierarchies);
  const masks = protectCells(values, primary, constraints, 0, complementCosts(cells, hierarchies));
  return new Set(concentration.filter((_, i) => masks.has(keys[i]!)).map(magnitudeCellKey));
}

/**
 * `value` to 9 significant digits: sums taken in another order (DuckDB, PostgreSQL) differ in
 * their last bits, which must not change which cell ranks first or which share passes 85 %.
 */
export function stable(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(9)) : value;
}

/** What the loaders need of the business secret, as keys of {@link magnitudeCellKey}. */
export interface BusinessSecret {
  /** Cells under the business secret (fewer than 3 structures, or one over 85 %). */
  readonly cells: readonly string[];
  /** Cells whose ETP conventionnés and aid are masked ({@link conventionMasks}). */
  readonly conventions: readonly string[];
}

/**
 * The business secret of this build's sources, computed once per build and engine (salaries
 * and etp both ask for it). Nothing is under it while disclosure control is off (masquage.ts
 * measures the masks against rows computed without any: lib/unmasked.ts).
 */
export function businessSecretOnce(context: ComputeContext): Promise<BusinessSecret> {
  if (masksOff()) return Promise.resolve({cells: [], conventions: []});
  return oncePerProcess(context.engine, `secret-affaires-${context.referenceDate}`, async () => {
    const concentration = await context.engine.query<EtpConcentrationRow>(etpConcentrationSql());
    const cells = businessSecretCells(concentration);
    return {cells: [...cells], conventions: [...conventionMasks(concentration, cells)]};
  });
}
