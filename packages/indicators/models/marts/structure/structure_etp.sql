-- ETP of each SIAE by kind, month and year: the ETP definitions' own facts (etp_facts_ctes),
-- grouped by structure instead of territory. mois = 0 is the year (ETP = Σ months / 12).
WITH {{ asp_base_ctes }}, {{ etp_facts_ctes }}
SELECT structure_id, kind, departement, region, annee,
       CASE WHEN GROUPING(mois) = 1 THEN 0 ELSE mois END AS mois,
       SUM(etp_conventionnes) / CASE WHEN GROUPING(mois) = 1 THEN 12.0 ELSE 1.0 END AS etp_conventionnes,
       SUM(etp_realises) / CASE WHEN GROUPING(mois) = 1 THEN 12.0 ELSE 1.0 END AS etp_realises,
       SUM(etp_realises_valides) / CASE WHEN GROUPING(mois) = 1 THEN 12.0 ELSE 1.0 END AS etp_realises_valides,
       SUM(heures) AS heures_travaillees,
       COALESCE(SUM(montant_aide), 0) AS montant_aide,
       COALESCE(SUM(cofinance), 0) AS montant_cofinance,
       SUM(total_cofinancable) AS montant_total_annexes
FROM facts
GROUP BY GROUPING SETS ((structure_id, kind, departement, region, annee, mois), (structure_id, kind, departement, region, annee))
