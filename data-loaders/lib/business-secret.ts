// The business secret of the magnitudes the fluxIAE datasets publish (ETP, hours, aid): which
// cells (niveau, territoire, type_structure, periode) sum fewer than 3 structures or one
// holding more than 85 % (@pilotage/indicators, threshold.ts). salaries and etp both read
// them, so that a magnitude is masked in every file that publishes it.
import {etpConcentrationSql, isBusinessSecret, type EtpConcentrationRow, type Row} from "@pilotage/indicators";
import type {ComputeContext} from "./run.ts";
import {oncePerProcess} from "./build-run.ts";

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
      .filter((r) => isBusinessSecret(Number(r.nb_structures), Number(r.part_max_structure)))
      .map(magnitudeCellKey)
  );
}

/**
 * The business-secret cells of this build's sources, computed once per build and engine
 * (salaries and etp both ask for them).
 */
export function businessSecretOnce(context: ComputeContext): Promise<string[]> {
  return oncePerProcess(context.engine, `secret-affaires-${context.referenceDate}`, async () => [
    ...businessSecretCells(await context.engine.query<EtpConcentrationRow>(etpConcentrationSql()))
  ]);
}
