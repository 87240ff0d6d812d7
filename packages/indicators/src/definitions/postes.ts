// Job posts in tension ("postes en tension"), at the reference date d, as the real product
// defines them, with one adaptation the data imposes: an application is not linked to a
// job post, only to an employer, so "no application / no hire in the last 30 days" is read
// on the employer of the post (all its applications), per employer.
// - Open for at least 30 days: recrutement_ouvert and d − date_création ≥ 30 days.
// - The last 30 days: d − 29 … d (an application 30 days before d is not in them).
// - No application: no application to the employer dated in the last 30 days.
// - No hire: no application to the employer accepted with a hiring date in the last 30 days.
// - In tension: open ≥ 30 days and (no application or no hire).
// Territory: the employer's département. Grand domaine: first letter of a ROME code of the
// reference (rome.ts), else "inconnu".
// Job posts are not people: these counts are published without masking.
import {normalizeDepartementSql} from "@pilotage/sources";
import {territoriesValues} from "./geography.ts";
import {byLevelsAndKinds, kindSql} from "./emplois.ts";
import {ROME_CODES_BY_DOMAINE} from "@pilotage/sources";

/** Grand domaine of a post whose ROME code is missing or not in the reference. */
export const UNKNOWN_DOMAINE = "inconnu";

/** `date` (AAAA-MM-JJ) + `days` days. */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function domaineSql(code: string): string {
  const codes = Object.values(ROME_CODES_BY_DOMAINE)
    .flat()
    .map((c) => `'${c}'`)
    .join(", ");
  return `CASE WHEN UPPER(TRIM(${code})) IN (${codes}) THEN SUBSTR(UPPER(TRIM(${code})), 1, 1) ELSE '${UNKNOWN_DOMAINE}' END`;
}

/**
 * Job posts at the reference date by territory, kind and ROME grand domaine (with an
 * "ensemble" margin). Columns: niveau, territoire, type_structure, domaine, postes_ouverts,
 * postes_ouverts_30_jours, postes_sans_candidature, postes_sans_embauche, postes_en_tension.
 */
export function postesTensionSql(referenceDate: string): string {
  const d = `CAST('${referenceDate}' AS DATE)`;
  const since = `CAST('${addDays(referenceDate, -29)}' AS DATE)`;
  const opened = `CAST('${addDays(referenceDate, -30)}' AS DATE)`;
  const select = `
    CAST(COUNT(*) AS INTEGER) AS postes_ouverts,
    CAST(SUM(ouvert_30) AS INTEGER) AS postes_ouverts_30_jours,
    CAST(SUM(ouvert_30 * sans_candidature) AS INTEGER) AS postes_sans_candidature,
    CAST(SUM(ouvert_30 * sans_embauche) AS INTEGER) AS postes_sans_embauche,
    CAST(SUM(CASE WHEN ouvert_30 = 1 AND (sans_candidature = 1 OR sans_embauche = 1) THEN 1 ELSE 0 END) AS INTEGER)
      AS postes_en_tension`;
  const body = `
  WITH territoires AS (${territoriesValues()}),
  recentes AS (
    SELECT DISTINCT id_structure FROM candidatures WHERE date_candidature BETWEEN ${since} AND ${d}
  ),
  embauches AS (
    SELECT DISTINCT id_structure FROM candidatures
    WHERE "état" = 'Candidature acceptée' AND date_embauche BETWEEN ${since} AND ${d}
  ),
  postes AS (
    SELECT t.region, t.departement, ${kindSql("s.type")} AS type_structure, ${domaineSql("f.code_rome")} AS domaine,
           CASE WHEN f."date_création" <= ${opened} THEN 1 ELSE 0 END AS ouvert_30,
           CASE WHEN r.id_structure IS NULL THEN 1 ELSE 0 END AS sans_candidature,
           CASE WHEN e.id_structure IS NULL THEN 1 ELSE 0 END AS sans_embauche
    FROM fiches_de_poste f
    JOIN structures s ON s.id = f.id_employeur
    -- Code normalised ('1' → '01'); an unknown département counts in the national total only.
    LEFT JOIN territoires t ON t.departement = ${normalizeDepartementSql('s."département"')}
    LEFT JOIN recentes r ON r.id_structure = f.id_employeur
    LEFT JOIN embauches e ON e.id_structure = f.id_employeur
    WHERE f.recrutement_ouvert AND (f."date_création" IS NULL OR f."date_création" <= ${d})
  )`;
  return `${body}
  SELECT niveau, territoire, type_structure, domaine,
    postes_ouverts, postes_ouverts_30_jours, postes_sans_candidature, postes_sans_embauche, postes_en_tension
  FROM (${byLevelsAndKinds(select, "postes", ["domaine"])}) a
  UNION ALL
  SELECT niveau, territoire, type_structure, 'ensemble' AS domaine,
    postes_ouverts, postes_ouverts_30_jours, postes_sans_candidature, postes_sans_embauche, postes_en_tension
  FROM (${byLevelsAndKinds(select, "postes")}) b`;
}
