-- ETP of each SIAE by kind, month and year: the ETP definitions' own facts (etp_facts_ctes),
-- grouped by structure instead of territory. Months: those with statements (in_months = 1),
-- as published; mois = 0 is the year, every month of its annexes (ETP = Σ months / 12).
WITH {{ asp_base_ctes }}, {{ etp_facts_ctes }}
SELECT structure_id, kind, departement, region, annee, mois,
       SUM(etp_conventionnes) AS etp_conventionnes,
       SUM(etp_realises) AS etp_realises,
       SUM(etp_realises_valides) AS etp_realises_valides,
       SUM(heures) AS heures_travaillees,
       COALESCE(SUM(montant_aide), 0) AS montant_aide,
       COALESCE(SUM(cofinance), 0) AS montant_cofinance,
       SUM(total_cofinancable) AS montant_total_annexes
FROM facts
WHERE in_months = 1
GROUP BY structure_id, kind, departement, region, annee, mois
UNION ALL
SELECT structure_id, kind, departement, region, annee, 0 AS mois,
       SUM(etp_conventionnes) / 12.0 AS etp_conventionnes,
       SUM(etp_realises) / 12.0 AS etp_realises,
       SUM(etp_realises_valides) / 12.0 AS etp_realises_valides,
       SUM(heures) AS heures_travaillees,
       COALESCE(SUM(montant_aide), 0) AS montant_aide,
       COALESCE(SUM(cofinance), 0) AS montant_cofinance,
       SUM(total_cofinancable) AS montant_total_annexes
FROM facts
GROUP BY structure_id, kind, departement, region, annee
