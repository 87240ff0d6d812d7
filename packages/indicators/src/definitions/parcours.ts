// Durée de parcours (domain.md): from the first hiring of a chain of contracts
// (contrat_parent_id: the first contract and its renewals, in one structure) to the
// definitive exit, or to the reference date of the data if the path is still running.
// Choices made here:
// - a path is counted in every year it was under way (first hiring on or before 31 December,
//   no exit before 1 January), always with its whole duration as defined above;
// - months = days / (365.25 / 12); bands < 6 months, 6 to < 12, 12 to < 24, ≥ 24 months;
// - the kind is the first contract's measure code, the territory the structure's département.
import {aspBaseCtes, groupByLevelsAndKinds, levelAndKindColumns, yearPeriodSql} from "./structures.ts";
import {DAYS_PER_MONTH, chainCtes} from "./sorties.ts";

export const DURATION_BANDS = ["ensemble", "moins_6_mois", "6_12_mois", "12_24_mois", "24_mois_plus"] as const;

export const DURATION_BAND_LABELS: Readonly<Record<(typeof DURATION_BANDS)[number], string>> = {
  ensemble: "Ensemble des parcours",
  moins_6_mois: "Moins de 6 mois",
  "6_12_mois": "De 6 à moins de 12 mois",
  "12_24_mois": "De 12 à moins de 24 mois",
  "24_mois_plus": "24 mois ou plus"
};

/**
 * CTE bodies (after {@link aspBaseCtes} and {@link chainCtes}) shared by every path figure:
 * `path_years(chain_id, structure_id, kind, departement, region, first_hire, exit_date, mois,
 * annee, tranche)`, one row per path and year it was under way. `referenceDate` is `AAAA-MM-JJ`.
 */
export function pathYearsCtes(referenceDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new Error(`Date de référence invalide : ${referenceDate}`);
  return `paths AS (
    SELECT ch.chain_id, fc.contrat_id_structure AS structure_id, fc.kind, t.departement, t.region, ch.first_hire, ch.exit_date,
           CAST(COALESCE(ch.exit_date, DATE '${referenceDate}') - ch.first_hire AS DOUBLE PRECISION) / ${DAYS_PER_MONTH}
             AS mois
    FROM chains ch
    JOIN contrat_chain fc ON fc.contrat_id_ctr = ch.chain_id
    JOIN structure_dep sd ON sd.structure_id = fc.contrat_id_structure
    LEFT JOIN territoires t ON t.departement = sd.departement
    WHERE fc.kind IS NOT NULL AND ch.first_hire <= DATE '${referenceDate}'
  ),
  path_years AS (
    SELECT p.*, y.annee,
           CASE WHEN p.mois < 6 THEN 'moins_6_mois' WHEN p.mois < 12 THEN '6_12_mois'
                WHEN p.mois < 24 THEN '12_24_mois' ELSE '24_mois_plus' END AS tranche
    FROM paths p
    JOIN years y ON EXTRACT(YEAR FROM p.first_hire) <= y.annee
                AND (p.exit_date IS NULL OR EXTRACT(YEAR FROM p.exit_date) >= y.annee)
  )`;
}

/**
 * Paths by level, kind, year and duration band: columns niveau, territoire, type_structure,
 * periode, tranche_duree, nb_parcours, duree_mediane (months). `referenceDate` is `AAAA-MM-JJ`.
 */
export function pathsByLevelSql(referenceDate: string): string {
  return `WITH ${aspBaseCtes()}, ${chainCtes()}, ${pathYearsCtes(referenceDate)},
  by_band AS (
    SELECT kind, departement, region, annee, tranche, mois FROM path_years
    UNION ALL
    SELECT kind, departement, region, annee, 'ensemble', mois FROM path_years
  )
  SELECT ${levelAndKindColumns("region", "departement", "kind")},
         ${yearPeriodSql("annee")} AS periode, tranche AS tranche_duree,
         CAST(COUNT(*) AS INTEGER) AS nb_parcours,
         CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY mois) AS DOUBLE PRECISION) AS duree_mediane
  FROM by_band
  ${groupByLevelsAndKinds("region", "departement", "kind", ["annee", "tranche"])}`;
}
