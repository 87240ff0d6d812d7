// ETP (équivalents temps plein), as the real product defines them (domain.md):
// - réalisés in a month = hours of the monthly statements / annual theoretical hours × 12,
//   the divisor taken per annexe from RefMontantIae (af_duree_heure_annuel_etp_id);
// - conventionnés in a month = af_etp_postes_insertion of every annexe in effect that month.
// Only annexes in state VALIDE, PROVISOIRE or CLOTURE count; FDI annexes never do.
// The SQL runs unchanged on DuckDB and PostgreSQL.

/** Annexes that count for ETP figures. */
export const KEPT_ANNEXES = `
  SELECT af.*
  FROM annexe_financiere af
  WHERE af.af_etat_annexe_financiere_code IN ('VALIDE', 'PROVISOIRE', 'CLOTURE')
    AND af.af_mesure_dispositif_code NOT LIKE 'FDI%'`;

/** National monthly ETP réalisés and conventionnés: columns annee, mois, etp_realises, etp_conventionnes. */
export const ETP_NATIONAL_MONTHLY = `
  WITH af AS (${KEPT_ANNEXES}),
  realises AS (
    SELECT e.emi_sme_annee AS annee, e.emi_sme_mois AS mois,
           SUM(e.emi_nb_heures_travail / r.rmi_valeur * 12) AS etp_realises
    FROM emi e
    JOIN af ON af.af_id_annexe_financiere = e.emi_afi_id
    JOIN ref_montant_iae r ON r.rmi_id = af.af_duree_heure_annuel_etp_id
    GROUP BY e.emi_sme_annee, e.emi_sme_mois
  ),
  months AS (
    SELECT DISTINCT annee, mois FROM realises
  ),
  conventionnes AS (
    SELECT m.annee, m.mois, SUM(af.af_etp_postes_insertion) AS etp_conventionnes
    FROM months m
    JOIN af
      ON m.annee * 12 + m.mois
         BETWEEN EXTRACT(YEAR FROM af.af_date_debut_effet) * 12 + EXTRACT(MONTH FROM af.af_date_debut_effet)
             AND EXTRACT(YEAR FROM af.af_date_fin_effet) * 12 + EXTRACT(MONTH FROM af.af_date_fin_effet)
    GROUP BY m.annee, m.mois
  )
  SELECT r.annee, r.mois, r.etp_realises, COALESCE(c.etp_conventionnes, 0) AS etp_conventionnes
  FROM realises r
  LEFT JOIN conventionnes c ON c.annee = r.annee AND c.mois = r.mois
  ORDER BY r.annee, r.mois`;
