-- People employed by each SIAE in a year (≥ 1 hour in the structure), overall and by trait:
-- the employee definitions' own statements and traits (employee_ctes, trait rows), grouped by
-- structure. A person employed by two structures counts in each.
WITH {{ asp_base_ctes }}, {{ employee_ctes }},
cell_hours AS (
  SELECT af_id_structure AS structure_id, kind, departement, region, annee, person,
         SUM(heures) AS heures, SUM(etp) AS etp
  FROM statements
  GROUP BY af_id_structure, kind, departement, region, annee, person
),
cell_people AS (SELECT * FROM cell_hours WHERE heures >= 1),
by_trait AS ({{ trait_rows_cell_people }})
SELECT structure_id, kind, departement, region, annee, caracteristique,
       CAST(COUNT(*) AS INTEGER) AS nb_salaries,
       SUM(heures) AS heures_travaillees,
       SUM(etp) AS etp_realises
FROM by_trait
GROUP BY structure_id, kind, departement, region, annee, caracteristique
