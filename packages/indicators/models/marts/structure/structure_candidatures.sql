-- Applications received by each SIAE by year of application: the applications definitions'
-- own base (candidatures_base), grouped by the structure's ASP id (structures.id_asp).
-- Refused = déclinée; auto-prescription = sent by the employer itself; response time =
-- date_traitement − date_candidature (days) of processed applications.
WITH {{ candidatures_base }}
SELECT CAST(s.id_asp AS BIGINT) AS structure_id,
       CAST(EXTRACT(YEAR FROM b.date_candidature) AS INTEGER) AS annee,
       CAST(COUNT(*) AS INTEGER) AS candidatures,
       CAST(SUM(CASE WHEN b.etat = 'Candidature acceptée' THEN 1 ELSE 0 END) AS INTEGER) AS acceptees,
       CAST(SUM(CASE WHEN b.etat = 'Candidature refusée' THEN 1 ELSE 0 END) AS INTEGER) AS refusees,
       CAST(SUM(CASE WHEN b.origine = 'Employeur' THEN 1 ELSE 0 END) AS INTEGER) AS auto_prescriptions,
       CAST(SUM(CASE WHEN b.date_traitement IS NOT NULL THEN 1 ELSE 0 END) AS INTEGER) AS traitees,
       CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN b.date_traitement IS NOT NULL
            THEN CAST(b.date_traitement - b.date_candidature AS DOUBLE PRECISION) END) AS DOUBLE PRECISION) AS delai_median_jours
FROM base b
JOIN structures s ON s.id = b.id_structure
WHERE s.id_asp IS NOT NULL
GROUP BY s.id_asp, EXTRACT(YEAR FROM b.date_candidature)
