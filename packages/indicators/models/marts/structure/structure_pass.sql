-- PASS IAE issued to people hired by each SIAE, by year of date_début (as the PASS figures).
SELECT CAST(s.id_asp AS BIGINT) AS structure_id,
       CAST(EXTRACT(YEAR FROM p."date_début") AS INTEGER) AS annee,
       CAST(COUNT(*) AS INTEGER) AS pass_delivres
FROM pass_agrements p
JOIN structures s ON s.id = p.id_structure
WHERE s.id_asp IS NOT NULL
GROUP BY s.id_asp, EXTRACT(YEAR FROM p."date_début")
