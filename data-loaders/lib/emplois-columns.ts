// What the datasets of "les emplois de l'inclusion" share with those of the fluxIAE: the
// same leading dimension columns (niveau, territoire, territoire_libelle, periode,
// type_structure), so that pages and the territory archive read them alike. Their
// type_structure adds "autres" (employers outside the IAE), published beside the five SIAE
// kinds but not part of "ensemble".
import {kindColumn, periodeColumn, territoryColumns, type DimensionColumn} from "@pilotage/indicators";
import type {ComputeContext} from "./run.ts";

export function emploisDimensions(periodDefinition: string, kindSource = "structures.type"): DimensionColumn[] {
  return [...territoryColumns(), periodeColumn(periodDefinition), kindColumn(kindSource)];
}

/**
 * Date the emplois tables are as of: the reference date of the run (the newest fluxIAE
 * extraction), or the date of the latest application when the platform's export is older.
 * Stocks at a date (active PASS, job posts in tension) and states are measured there: an
 * export that ends on 31 December read as if it went to 15 January would show two weeks
 * without applications, hires or new PASS.
 */
export async function emploisReferenceDate({engine, referenceDate}: ComputeContext): Promise<string> {
  const [row] = await engine.query<{d: string | null}>(
    `SELECT MAX(date_candidature) AS d FROM candidatures WHERE date_candidature <= CAST($1 AS DATE)`,
    [referenceDate]
  );
  const latest = row?.d ?? null;
  return latest !== null && latest < referenceDate ? latest : referenceDate;
}

/** How the date of reference of these datasets is chosen, as their descriptions say it. */
export const EMPLOIS_DATE_NOTE =
  " Date de référence : celle des données de la plateforme (jour de la dernière candidature enregistrée), ou " +
  "celle de l'extraction fluxIAE si elle est antérieure.";
