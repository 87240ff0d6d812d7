// Who sent an application. The platform's `origine` says whether a prescriber was
// authorised; the authority on that is the organisation itself (`organisations.habilitée`),
// so for applications sent by an organisation the habilitation is taken from it.
import {byLevelsAndKinds} from "./emplois.ts";

export const ORIGINES = ["Prescripteur habilité", "Orienteur", "Candidat", "Employeur", "Non renseignée"] as const;

/** Origins where a prescriber organisation sent the application (a type of prescriber applies). */
export const PRESCRIBER_ORIGINS = ["Prescripteur habilité", "Orienteur"] as const;

/**
 * Origin of an application `c` joined to its organisation `o`: an application sent by an
 * organisation is "Prescripteur habilité" when the organisation is habilitée, "Orienteur"
 * otherwise; without a known organisation, the platform's own `origine`.
 */
export const ORIGINE_SQL = `CASE
    WHEN o.id IS NOT NULL AND c.origine IN ('Prescripteur habilité', 'Orienteur')
      THEN CASE WHEN o."habilitée" THEN 'Prescripteur habilité' ELSE 'Orienteur' END
    ELSE COALESCE(c.origine, 'Non renseignée') END`;

/** Type of the prescriber organisation (FT, ML, CAP_EMPLOI, DEPT, SPIP…), else the application's own. */
export const TYPE_PRESCRIPTEUR_SQL = `COALESCE(o.type, c.type_prescripteur, 'Non renseigné')`;

/** Auto-prescription: a hire whose application was sent by an employer (eligibility assessed by the SIAE itself). */
export const AUTO_PRESCRIPTION_ORIGIN = "Employeur";

/**
 * Distinct prescriber organisations that sent at least one application in the year, by
 * origin (habilitée or not) and type of prescriber, with "ensemble" margins: every organisation
 * is counted once per cell (not additive between territories or types of structure).
 * `base` holds the CTEs of the applications (CANDIDATURES_BASE, candidatures.ts).
 * Columns: niveau, territoire, type_structure, annee, origine, type_prescripteur, organisations.
 */
export function prescriberOrganisationsSql(base: string): string {
  const origins = PRESCRIBER_ORIGINS.map((o) => `'${o}'`).join(", ");
  const select = "COUNT(DISTINCT id_org_prescripteur) AS organisations";
  return `
  WITH ${base},
  y AS (
    SELECT base.*, CAST(EXTRACT(YEAR FROM date_candidature) AS INTEGER) AS annee
    FROM base WHERE id_org_prescripteur IS NOT NULL AND origine IN (${origins})
  )
  SELECT niveau, territoire, type_structure, annee, origine, type_prescripteur, organisations
  FROM (${byLevelsAndKinds(select, "y", ["annee", "origine", "type_prescripteur"])}) a
  UNION ALL
  SELECT niveau, territoire, type_structure, annee, origine, 'ensemble' AS type_prescripteur, organisations
  FROM (${byLevelsAndKinds(select, "y", ["annee", "origine"])}) b
  UNION ALL
  SELECT niveau, territoire, type_structure, annee, 'ensemble' AS origine, 'ensemble' AS type_prescripteur, organisations
  FROM (${byLevelsAndKinds(select, "y", ["annee"])}) c`;
}
