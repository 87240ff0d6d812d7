-- Refused applications of each SIAE by year and refusal motif (candidatures_base).
WITH {{ candidatures_base }}
SELECT CAST(s.id_asp AS BIGINT) AS structure_id,
       CAST(EXTRACT(YEAR FROM b.date_candidature) AS INTEGER) AS annee,
       b.motif_refus,
       CAST(COUNT(*) AS INTEGER) AS refusees
FROM base b
JOIN structures s ON s.id = b.id_structure
WHERE s.id_asp IS NOT NULL AND b.etat = 'Candidature refusée'
GROUP BY s.id_asp, EXTRACT(YEAR FROM b.date_candidature), b.motif_refus
