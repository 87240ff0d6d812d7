-- Every annexe financière of each SIAE as the extract holds it (all states, FDI included),
-- with what the reports show: number, measure, state, dates, ETP, amounts, co-funding.
SELECT a.af_id_structure AS structure_id, a.af_id_annexe_financiere AS annexe_id,
       a.af_numero_annexe_financiere AS numero, a.af_mesure_dispositif_code AS mesure,
       a.af_etat_annexe_financiere_code AS etat, a.af_date_debut_effet AS date_debut, a.af_date_fin_effet AS date_fin,
       a.af_etp_postes_insertion AS etp_postes_insertion, a.af_montant_total_annuel AS montant_total_annuel,
       a.af_mt_cofinance AS montant_cofinance
FROM annexe_financiere a
