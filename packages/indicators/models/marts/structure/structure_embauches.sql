-- Hires of each SIAE in a year: chains of contracts (chain_ctes) whose first hiring falls in
-- the year, overall and for people on RSA at hiring (contrat_salarie_rsa OUI-M or OUI-NM).
-- The kind is the first contract's measure code, the territory the structure's département.
WITH {{ asp_base_ctes }}, {{ chain_ctes }}
SELECT fc.contrat_id_structure AS structure_id, fc.kind, t.departement, t.region,
       CAST(EXTRACT(YEAR FROM ch.first_hire) AS INTEGER) AS annee,
       CAST(COUNT(*) AS INTEGER) AS nb_embauches,
       CAST(SUM(CASE WHEN fc.contrat_salarie_rsa IN ('OUI-M', 'OUI-NM') THEN 1 ELSE 0 END) AS INTEGER) AS nb_embauches_rsa
FROM chains ch
JOIN contrat_chain fc ON fc.contrat_id_ctr = ch.chain_id
JOIN structure_dep sd ON sd.structure_id = fc.contrat_id_structure
JOIN territoires t ON t.departement = sd.departement
WHERE fc.kind IS NOT NULL AND EXTRACT(YEAR FROM ch.first_hire) IN (SELECT annee FROM years)
GROUP BY fc.contrat_id_structure, fc.kind, t.departement, t.region, EXTRACT(YEAR FROM ch.first_hire)
