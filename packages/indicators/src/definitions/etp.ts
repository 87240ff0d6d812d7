// ETP (équivalents temps plein), as the real product defines them (domain.md):
// - réalisés in a month = hours of the monthly statements / annual theoretical hours × 12,
//   the divisor taken per annexe from RefMontantIae (af_duree_heure_annuel_etp_id), never a
//   constant; for a year, the sum of the months / 12;
// - conventionnés in a month = af_etp_postes_insertion of every annexe in effect that month;
//   for a year, the sum of the annexe's months in the year / 12 (= monthly × length / 12 for
//   an annexe within the year), whether or not statements exist yet for those months;
// - taux de réalisation = Σ monthly réalisés / Σ monthly conventionnés, also on validated
//   statements only (emi_esm_etat_code = 'VALIDE');
// - aid = monthly ETP × unit annual amount / 12 for each month in effect (× length over the
//   annexe); an annexe over a year boundary is split between its years month by month;
// - département's co-funding share = Σ af_mt_cofinance / Σ af_montant_total_annuel of the
//   annexes in effect (each weighted by its months in the period).
// Only annexes in state VALIDE, PROVISOIRE or CLOTURE count; FDI annexes never do.
// The SQL runs unchanged on DuckDB and PostgreSQL.
import {aspBaseCtes, groupByLevelsAndKinds, levelAndKindColumns, monthPeriodSql, yearPeriodSql} from "./structures.ts";

/** A row of {@link etpByLevelSql}. */
export interface EtpRow {
  readonly niveau: string;
  readonly territoire: string;
  readonly type_structure: string;
  readonly periode: string;
  readonly etp_conventionnes: number;
  readonly etp_realises: number;
  readonly etp_realises_valides: number;
  readonly heures_travaillees: number;
  readonly taux_realisation: number | null;
  readonly taux_realisation_valides: number | null;
  readonly montant_aide: number;
  readonly part_cofinancement: number | null;
  readonly [key: string]: string | number | null;
}

/**
 * CTE bodies (after {@link aspBaseCtes}) shared by every ETP figure, whatever its grouping:
 * `facts(structure_id, kind, departement, region, annee, mois, in_months, etp_conventionnes, montant_aide,
 * cofinance, total_cofinancable, etp_realises, etp_realises_valides, heures)` — one row per
 * annexe and month in effect (conventionnés, aid, co-funding; monthly ETP) and one per
 * monthly statement (réalisés = hours / the annexe's annual hours × 12; hours).
 */
export function etpFactsCtes(): string {
  return `-- One row per annexe and month in effect, every month of the years with statements;
  -- in_months: the month has statements (only those are published as months).
  conventionnes AS (
    SELECT af.af_id_structure AS structure_id, af.kind, af.departement, af.region, m.annee, m.mois,
           CASE WHEN m.month_index IN (SELECT month_index FROM months) THEN 1 ELSE 0 END AS in_months,
           af.af_etp_postes_insertion AS etp_conventionnes,
           af.af_etp_postes_insertion * af.af_montant_unitaire_annuel_valeur / 12 AS montant_aide,
           -- No co-funding written means none: 0 in the share.
           CASE WHEN af.af_montant_total_annuel IS NULL THEN NULL ELSE COALESCE(af.af_mt_cofinance, 0) / 12 END AS cofinance,
           af.af_montant_total_annuel / 12 AS total_cofinancable,
           CAST(0 AS DOUBLE PRECISION) AS etp_realises,
           CAST(0 AS DOUBLE PRECISION) AS etp_realises_valides,
           CAST(0 AS DOUBLE PRECISION) AS heures
    FROM af
    JOIN year_months m ON m.month_index BETWEEN af.first_month AND af.last_month
  ),
  -- One row per statement: monthly ETP = hours / the annexe's annual hours × 12.
  realises AS (
    SELECT af.af_id_structure AS structure_id, af.kind, af.departement, af.region, e.emi_sme_annee AS annee, e.emi_sme_mois AS mois, 1 AS in_months,
           CAST(0 AS DOUBLE PRECISION) AS etp_conventionnes,
           CAST(0 AS DOUBLE PRECISION) AS montant_aide,
           CAST(NULL AS DOUBLE PRECISION) AS cofinance,
           CAST(NULL AS DOUBLE PRECISION) AS total_cofinancable,
           e.emi_nb_heures_travail / r.rmi_valeur * 12 AS etp_realises,
           CASE WHEN e.emi_esm_etat_code = 'VALIDE' THEN e.emi_nb_heures_travail / r.rmi_valeur * 12 ELSE 0 END
             AS etp_realises_valides,
           e.emi_nb_heures_travail AS heures
    FROM releves e
    JOIN af ON af.af_id_annexe_financiere = e.emi_afi_id
    JOIN ref_montant_iae r ON r.rmi_id = af.af_duree_heure_annuel_etp_id
  ),
  facts AS (SELECT * FROM conventionnes UNION ALL SELECT * FROM realises)`;
}

/**
 * ETP by level (national, région, département), kind of structure (with "ensemble") and
 * period: every month ('AAAA-MM') and every year ('AAAA') of the monthly statements.
 */
export function etpByLevelSql(): string {
  return `WITH ${aspBaseCtes()}, ${etpFactsCtes()}, ${etpPeriodsCte()}
  SELECT ${levelAndKindColumns("region", "departement", "kind")},
         periode,
         SUM(etp_conventionnes * etp_factor) AS etp_conventionnes,
         SUM(etp_realises * etp_factor) AS etp_realises,
         SUM(etp_realises_valides * etp_factor) AS etp_realises_valides,
         SUM(heures) AS heures_travaillees,
         SUM(etp_realises) / NULLIF(SUM(etp_conventionnes), 0) AS taux_realisation,
         SUM(etp_realises_valides) / NULLIF(SUM(etp_conventionnes), 0) AS taux_realisation_valides,
         COALESCE(SUM(montant_aide), 0) AS montant_aide,
         SUM(cofinance) / NULLIF(SUM(total_cofinancable), 0) AS part_cofinancement
  FROM periods
  ${groupByLevelsAndKinds("region", "departement", "kind", ["periode"])}`;
}

// Each fact in its month (ETP as is) and in its year (ETP / 12: the mean of the months), with
// its structure: the same periods for the figures and for their concentration.
function etpPeriodsCte(): string {
  return `periods AS (
    SELECT structure_id, kind, departement, region, ${monthPeriodSql("annee", "mois")} AS periode, 1.0 AS etp_factor,
           etp_conventionnes, etp_realises, etp_realises_valides, heures, montant_aide, cofinance, total_cofinancable
    FROM facts WHERE in_months = 1
    UNION ALL
    SELECT structure_id, kind, departement, region, ${yearPeriodSql("annee")} AS periode, 1.0 / 12 AS etp_factor,
           etp_conventionnes, etp_realises, etp_realises_valides, heures, montant_aide, cofinance, total_cofinancable
    FROM facts
  )`;
}

/** A row of {@link etpConcentrationSql}. */
export interface EtpConcentrationRow {
  readonly niveau: string;
  readonly territoire: string;
  readonly type_structure: string;
  readonly periode: string;
  /** Structures with a positive ETP conventionné, hour, ETP réalisé or aid in the cell. */
  readonly nb_structures: number;
  /** Largest share one structure holds of any of those magnitudes (a proportion; 0 when none). */
  readonly part_max_structure: number;
  /** Σ of the monthly ETP conventionnés of the cell (not divided by 12 for a year): a size, to rank cells. */
  readonly somme_etp_conventionnes: number;
  readonly [key: string]: string | number | null;
}

/**
 * How concentrated the magnitudes of each cell of {@link etpByLevelSql} are (same niveau,
 * territoire, type_structure and periode), for the business secret: the number of
 * structures behind the cell (a structure of several kinds counts once in « ensemble », one
 * of several départements once in its région and nationally) and the largest share one of
 * them holds, the largest over ETP conventionnés, ETP réalisés, hours and aid (the
 * co-funding share is a ratio of the same annexes' amounts), and the cell's ETP conventionnés
 * (Σ of its months) to rank cells when more must be masked.
 */
export function etpConcentrationSql(): string {
  return `WITH ${aspBaseCtes()}, ${etpFactsCtes()}, ${etpPeriodsCte()},
  by_structure AS (
    SELECT ${levelAndKindColumns("region", "departement", "kind")},
           periode,
           SUM(etp_conventionnes) AS conv,
           SUM(etp_realises) AS realises,
           SUM(heures) AS heures,
           SUM(COALESCE(montant_aide, 0)) AS aide
    FROM periods
    ${groupByLevelsAndKinds("region", "departement", "kind", ["periode", "structure_id"])}
  ),
  contributing AS (
    SELECT * FROM by_structure WHERE conv > 0 OR realises > 0 OR heures > 0 OR aide > 0
  )
  SELECT niveau, territoire, type_structure, periode,
         COUNT(*) AS nb_structures,
         GREATEST(
           COALESCE(MAX(conv) / NULLIF(SUM(conv), 0), 0),
           COALESCE(MAX(realises) / NULLIF(SUM(realises), 0), 0),
           COALESCE(MAX(heures) / NULLIF(SUM(heures), 0), 0),
           COALESCE(MAX(aide) / NULLIF(SUM(aide), 0), 0)
         ) AS part_max_structure,
         COALESCE(SUM(conv), 0) AS somme_etp_conventionnes
  FROM contributing
  GROUP BY niveau, territoire, type_structure, periode`;
}
