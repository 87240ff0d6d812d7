// Structures (SIAE) seen from the ASP side: the kind of an annexe financière (from its measure
// code), the département of an annexe or of a structure, the annexes that count for the
// figures, and the count of structures with an annexe in effect in a year.
// Everything here is SQL that runs unchanged on DuckDB and PostgreSQL; the other fluxIAE
// definitions (etp, sorties, parcours, salaries) build on these pieces.
import {IAE_KINDS, MEASURE_KINDS, departementOfCommuneSql, normalizeDepartementSql, tableSpec} from "@pilotage/sources";
import {knownTerritoryHaving, levelColumns, territoriesValues} from "./geography.ts";

export {normalizeDepartementSql};

/** Values of the `type_structure` dimension: the total first, then the five kinds. */
export const TYPE_STRUCTURE_VALUES = ["ensemble", ...IAE_KINDS] as const;

// Measure code → kind of structure: the seed mesures_dispositifs_asp.csv (@pilotage/sources).
export {MEASURE_KINDS};

/** SQL: kind of structure of a measure code column; NULL for any other code (FDI…). */
export function kindOfMeasureSql(column: string): string {
  const whens = Object.entries(MEASURE_KINDS).map(([code, kind]) => `WHEN '${code}' THEN '${kind}'`);
  return `CASE ${column} ${whens.join(" ")} END`;
}

/**
 * SQL: the person of a `Salarie` row (alias `s`): its `hash_nir` — the ASP may give one
 * person several `salarie_id` (domain.md) —, or its salarie_id when the hash is missing.
 */
export const personOfSalarieSql = (s: string): string =>
  `COALESCE(${s}.hash_nir, 'salarie_id ' || CAST(${s}.salarie_id AS VARCHAR))`;

/**
 * CTE bodies every fluxIAE definition starts from (join them into a WITH clause):
 * - `territoires(departement, region)`: the 101 départements and their région;
 * - `releves(…)`: the monthly statements (EtatMensuelIndiv), each counted once — the real
 *   files may hold a statement twice (domain.md: read with DISTINCT) —, plus `person`: the
 *   employee's `hash_nir` (one person may carry several `salarie_id`);
 * - `structure_dep(structure_id, departement)`: the département of a structure's commune
 *   (code normalised: '1053' is in the Ain), or else that of its latest annexe (af_departement);
 * - `af(…)`: the annexes that count — states VALIDE, PROVISOIRE, CLOTURE, an IAE kind (so FDI
 *   is out) — with their `kind`, `departement` (af_departement, or else the structure's),
 *   `region` (both NULL when the département is none of the 101: such an annexe counts in the
 *   national total only), first and last month as `annee * 12 + mois - 1`, and length in months;
 * - `months(annee, mois, month_index)`: the months that have statements (the monthly periods);
 * - `years(annee)`: the years that have statements;
 * - `year_months(annee, mois, month_index)`: every month of those years — the ETP
 *   conventionnés of a year come from the annexe's months in the year, whether or not its
 *   statements have arrived yet.
 */
export function aspBaseCtes(): string {
  const emiColumns = tableSpec("emi").columns.map((c) => `e.${c.name}`);
  const months = Array.from({length: 12}, (_, i) => `(${i + 1})`).join(", ");
  return `territoires AS (${territoriesValues()}),
  releves AS (
    SELECT d.*, ${personOfSalarieSql("s")} AS person
    FROM (SELECT DISTINCT ${emiColumns.join(", ")} FROM emi e) d
    LEFT JOIN salarie s ON s.salarie_id = d.emi_pph_id
  ),
  structure_dep AS (
    SELECT s.structure_id_siae AS structure_id,
           COALESCE(${departementOfCommuneSql("s.structure_adresse_admin_code_insee")}, (
             SELECT ${normalizeDepartementSql("a.af_departement")}
             FROM annexe_financiere a
             WHERE a.af_id_structure = s.structure_id_siae AND ${normalizeDepartementSql("a.af_departement")} IS NOT NULL
             ORDER BY a.af_date_debut_effet DESC, a.af_id_annexe_financiere DESC
             LIMIT 1)) AS departement
    FROM structure s
  ),
  af AS (
    SELECT a.*,
           ${kindOfMeasureSql("a.af_mesure_dispositif_code")} AS kind,
           t.departement, t.region,
           CAST(EXTRACT(YEAR FROM a.af_date_debut_effet) * 12 + EXTRACT(MONTH FROM a.af_date_debut_effet) - 1 AS INTEGER) AS first_month,
           CAST(EXTRACT(YEAR FROM a.af_date_fin_effet) * 12 + EXTRACT(MONTH FROM a.af_date_fin_effet) - 1 AS INTEGER) AS last_month,
           CAST((EXTRACT(YEAR FROM a.af_date_fin_effet) - EXTRACT(YEAR FROM a.af_date_debut_effet)) * 12
                + EXTRACT(MONTH FROM a.af_date_fin_effet) - EXTRACT(MONTH FROM a.af_date_debut_effet) + 1 AS INTEGER) AS length_months
    FROM annexe_financiere a
    LEFT JOIN structure_dep sd ON sd.structure_id = a.af_id_structure
    LEFT JOIN territoires t ON t.departement = COALESCE(${normalizeDepartementSql("a.af_departement")}, sd.departement)
    WHERE a.af_etat_annexe_financiere_code IN ('VALIDE', 'PROVISOIRE', 'CLOTURE')
      AND ${kindOfMeasureSql("a.af_mesure_dispositif_code")} IS NOT NULL
  ),
  months AS (
    SELECT DISTINCT e.emi_sme_annee AS annee, e.emi_sme_mois AS mois, e.emi_sme_annee * 12 + e.emi_sme_mois - 1 AS month_index
    FROM emi e
  ),
  years AS (SELECT DISTINCT annee FROM months),
  year_months AS (
    SELECT y.annee, m.mois, y.annee * 12 + m.mois - 1 AS month_index
    FROM years y CROSS JOIN (VALUES ${months}) AS m(mois)
  )`;
}

/** SQL: the `periode` text of a year column ('2025'). */
export const yearPeriodSql = (year: string): string => `CAST(${year} AS VARCHAR)`;

/** SQL: the `periode` text of a month ('2025-03'). */
export const monthPeriodSql = (year: string, month: string): string =>
  `CAST(${year} AS VARCHAR) || '-' || LPAD(CAST(${month} AS VARCHAR), 2, '0')`;

/**
 * `GROUP BY GROUPING SETS` over the three levels, each with and without the kind of
 * structure (without it is the "ensemble" row), all crossed with `others` (the period…).
 * Distinct counts are recounted in every set, so "ensemble" counts a structure or a person
 * once even when present in two kinds.
 */
export function groupByLevelsAndKinds(
  region: string,
  departement: string,
  kind: string,
  others: readonly string[]
): string {
  const sets = [[region, departement], [region], []].flatMap((level) => [
    [...level, kind, ...others],
    [...level, ...others]
  ]);
  // Unknown territories (NULL région and département) count in the national rows only.
  return `GROUP BY GROUPING SETS (${sets.map((s) => `(${s.join(", ")})`).join(", ")})
  ${knownTerritoryHaving(region, departement)}`;
}

/** Select-list columns `niveau`, `territoire`, `type_structure` of a query grouped as above. */
export function levelAndKindColumns(region: string, departement: string, kind: string): string {
  return `${levelColumns(region, departement)},
         CASE WHEN GROUPING(${kind}) = 1 THEN 'ensemble' ELSE ${kind} END AS type_structure`;
}

/**
 * Structures by year: `nb_structures` (distinct SIAE with a kept annexe in effect at some
 * point of the year), `nb_structures_depassement` (those whose ETP réalisés exceed their
 * ETP conventionnés over the year, i.e. taux de réalisation > 100 %).
 * Columns: niveau, territoire, type_structure, periode, nb_structures, nb_structures_depassement.
 */
export function structuresByYearSql(): string {
  return `WITH ${aspBaseCtes()},
  -- One row per annexe and year it is in effect: ETP conventionnés of the year (Σ of the
  -- annexe's months in the year / 12).
  af_year AS (
    SELECT af.af_id_annexe_financiere, af.af_id_structure AS structure_id, af.kind, af.departement, af.region,
           m.annee,
           SUM(af.af_etp_postes_insertion) / 12.0 AS etp_conventionnes
    FROM af
    JOIN year_months m ON m.month_index BETWEEN af.first_month AND af.last_month
    GROUP BY af.af_id_annexe_financiere, af.af_id_structure, af.kind, af.departement, af.region, m.annee
  ),
  realises AS (
    SELECT e.emi_afi_id AS af_id, e.emi_sme_annee AS annee,
           SUM(e.emi_nb_heures_travail / r.rmi_valeur) AS etp_realises
    FROM releves e
    JOIN af ON af.af_id_annexe_financiere = e.emi_afi_id
    JOIN ref_montant_iae r ON r.rmi_id = af.af_duree_heure_annuel_etp_id
    GROUP BY e.emi_afi_id, e.emi_sme_annee
  ),
  per_structure AS (
    SELECT a.structure_id, a.kind, a.departement, a.region, a.annee,
           SUM(a.etp_conventionnes) AS etp_conventionnes,
           SUM(COALESCE(r.etp_realises, 0)) AS etp_realises
    FROM af_year a
    LEFT JOIN realises r ON r.af_id = a.af_id_annexe_financiere AND r.annee = a.annee
    GROUP BY a.structure_id, a.kind, a.departement, a.region, a.annee
  ),
  -- Each structure's totals at every level, with and without its kind (GROUPING SETS keep
  -- the structure in every set so that its own rate is computed before counting).
  cells AS (
    SELECT ${levelAndKindColumns("region", "departement", "kind")},
           annee, structure_id,
           SUM(etp_conventionnes) AS etp_conventionnes, SUM(etp_realises) AS etp_realises
    FROM per_structure
    ${groupByLevelsAndKinds("region", "departement", "kind", ["annee", "structure_id"])}
  )
  SELECT niveau, territoire, type_structure, ${yearPeriodSql("annee")} AS periode,
         CAST(COUNT(*) AS INTEGER) AS nb_structures,
         CAST(SUM(CASE WHEN etp_conventionnes > 0 AND etp_realises > etp_conventionnes THEN 1 ELSE 0 END) AS INTEGER)
           AS nb_structures_depassement
  FROM cells
  GROUP BY niveau, territoire, type_structure, annee`;
}
