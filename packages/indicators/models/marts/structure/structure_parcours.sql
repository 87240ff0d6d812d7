-- Paths under way in each SIAE by year and duration band: the path definitions' own rows
-- (path_years_ctes), grouped by structure; 'ensemble' row with the median length in months.
WITH {{ asp_base_ctes }}, {{ chain_ctes }}, {{ path_years_ctes }},
by_band AS (
  SELECT structure_id, kind, departement, region, annee, tranche, mois FROM path_years
  UNION ALL
  SELECT structure_id, kind, departement, region, annee, 'ensemble', mois FROM path_years
)
SELECT structure_id, kind, departement, region, annee, tranche AS tranche_duree,
       CAST(COUNT(*) AS INTEGER) AS nb_parcours,
       CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY mois) AS DOUBLE PRECISION) AS duree_mediane
FROM by_band
GROUP BY structure_id, kind, departement, region, annee, tranche
