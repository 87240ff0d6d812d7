-- Examined exits of each SIAE by year and category: the exit definitions' own rows
-- (examined_exits_ctes), grouped by structure; 'ensemble' and 'sorties_dynamiques' as in the
-- published figures. nb_sorties_rsa: exits of people on RSA in the exiting contract.
WITH {{ asp_base_ctes }}, {{ chain_ctes }}, {{ examined_exits_ctes }},
flagged AS (
  SELECT x.*, CASE WHEN c.contrat_salarie_rsa IN ('OUI-M', 'OUI-NM') THEN 1 ELSE 0 END AS rsa
  FROM examined x JOIN contrat c ON c.contrat_id_ctr = x.contrat_id_ctr
),
by_category AS (
  SELECT structure_id, kind, departement, region, annee, categorie, rsa FROM flagged
  UNION ALL
  SELECT structure_id, kind, departement, region, annee, 'sorties_dynamiques', rsa FROM flagged WHERE dynamique
  UNION ALL
  SELECT structure_id, kind, departement, region, annee, 'ensemble', rsa FROM flagged
)
SELECT structure_id, kind, departement, region, annee, categorie AS categorie_sortie,
       CAST(COUNT(*) AS INTEGER) AS nb_sorties,
       CAST(SUM(rsa) AS INTEGER) AS nb_sorties_rsa
FROM by_category
GROUP BY structure_id, kind, departement, region, annee, categorie
