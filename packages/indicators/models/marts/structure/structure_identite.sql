-- Identity of each SIAE with a kept annexe (asp_base_ctes' af): name, SIRET, département,
-- région, and its kinds (comma-separated, alphabetical).
WITH {{ asp_base_ctes }}
SELECT s.structure_id_siae AS structure_id, s.structure_denomination AS nom, s.structure_siret_actualise AS siret,
       MIN(af.departement) AS departement, MIN(af.region) AS region,
       STRING_AGG(DISTINCT af.kind, ', ' ORDER BY af.kind) AS kinds
FROM structure s
JOIN af ON af.af_id_structure = s.structure_id_siae
GROUP BY s.structure_id_siae, s.structure_denomination, s.structure_siret_actualise
