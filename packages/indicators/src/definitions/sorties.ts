// Sorties (definitive exits), as the real product defines them (domain.md): the exit motif of
// the contract (contrat_motif_sortie_id → RefMotifSort → RefCategorieSort) gives the
// category (seed categories_sortie.csv: its value, label, and whether it is examined and
// dynamic); "Retrait des sorties constatées" (rcs_code 5) is left out; an exit is examined
// only after a minimum of work:
// - ACI and EI: ≥ 1 hour worked and more than 2.65 months between hiring and exit;
// - AI and ETTI: ≥ 150 hours worked;  EITI: ≥ 1 hour worked.
// Choices made here (the domain leaves them open):
// - "hours worked" are summed over the whole chain of contracts (contrat_parent_id: the
//   first contract and its renewals), from the monthly statements of those contracts, all
//   annexes: a renewal does not restart the count;
// - "hiring" is the first hiring of the chain; months = days / (365.25 / 12), so 2.65 months
//   is 80.66 days: an exit after 80 days is not examined, after 81 days it is;
// - the kind is the contract's measure code, the territory the structure's département,
//   the year that of contrat_date_sortie_definitive (years of the monthly statements only);
//   an exit without a motif has no category and is not examined.
import {EXIT_CATEGORY_SEED} from "@pilotage/sources";
import {
  aspBaseCtes,
  groupByLevelsAndKinds,
  kindOfMeasureSql,
  levelAndKindColumns,
  yearPeriodSql
} from "./structures.ts";

/** Days in a month on average, to turn a number of days into months. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Values of the `categorie_sortie` dimension: the total, the sub-total of "dynamic" exits, the four categories. */
export const EXIT_CATEGORIES = [
  "ensemble",
  "sorties_dynamiques",
  "emploi_durable",
  "emploi_transition",
  "sorties_positives",
  "autres_sorties"
] as const;

export const EXIT_CATEGORY_LABELS: Readonly<Record<(typeof EXIT_CATEGORIES)[number], string>> = {
  ensemble: "Ensemble des sorties examinées",
  sorties_dynamiques: "Sorties dynamiques (emploi durable, de transition, sorties positives)",
  ...exitLabels()
};

/** Labels of the examined categories, from the seed; throws when the seed and EXIT_CATEGORIES disagree. */
function exitLabels(): Record<"emploi_durable" | "emploi_transition" | "sorties_positives" | "autres_sorties", string> {
  const examined = EXIT_CATEGORY_SEED.filter((c) => c.examinee);
  const expected = EXIT_CATEGORIES.filter((c) => c !== "ensemble" && c !== "sorties_dynamiques");
  const found = examined.map((c) => c.categorie);
  if (found.length !== expected.length || expected.some((c) => !found.includes(c)))
    throw new Error(
      `categories_sortie.csv : catégories examinées ${found.join(", ")}, attendu ${expected.join(", ")}.`
    );
  return Object.fromEntries(examined.map((c) => [c.categorie, c.libelle])) as ReturnType<typeof exitLabels>;
}

// The category of an exit's rcs_code, whether it is dynamic, which codes are not examined:
// SQL written from the seed. A code the seed does not know counts as « autres sorties ».
const sqlText = (v: string) => `'${v.replaceAll("'", "''")}'`;
const categorySql = (code: string) =>
  `CASE ${code} ${EXIT_CATEGORY_SEED.filter((c) => c.examinee)
    .map((c) => `WHEN ${sqlText(c.rcs_code)} THEN ${sqlText(c.categorie)}`)
    .join(" ")} ELSE 'autres_sorties' END`;
const codesSql = (keep: (c: (typeof EXIT_CATEGORY_SEED)[number]) => boolean) =>
  EXIT_CATEGORY_SEED.filter(keep)
    .map((c) => sqlText(c.rcs_code))
    .join(", ");

/** SQL: contracts with `chain_id` (first contract of their chain) and the chain's first hiring and hours. */
export function chainCtes(): string {
  return `contrat_chain AS (
    SELECT c.*, COALESCE(c.contrat_parent_id, c.contrat_id_ctr) AS chain_id,
           ${kindOfMeasureSql("c.contrat_mesure_disp_code")} AS kind
    FROM contrat c
  ),
  chain_hours AS (
    SELECT cc.chain_id, SUM(e.emi_nb_heures_travail) AS heures
    FROM releves e
    JOIN contrat_chain cc ON cc.contrat_id_ctr = e.emi_ctr_id
    GROUP BY cc.chain_id
  ),
  chains AS (
    SELECT cc.chain_id, MIN(cc.contrat_date_embauche) AS first_hire, MAX(cc.contrat_date_sortie_definitive) AS exit_date,
           COALESCE(MAX(h.heures), 0) AS heures
    FROM contrat_chain cc
    LEFT JOIN chain_hours h ON h.chain_id = cc.chain_id
    GROUP BY cc.chain_id
  )`;
}

/**
 * CTE bodies (after {@link aspBaseCtes} and {@link chainCtes}) shared by every exit figure:
 * `examined(contrat_id_ctr, structure_id, kind, departement, region, annee, categorie, dynamique, heures,
 * mois_parcours)`, one row per examined exit (the rules above).
 */
export function examinedExitsCtes(): string {
  return `exits AS (
    SELECT cc.contrat_id_ctr, cc.contrat_id_structure AS structure_id, cc.kind, t.departement, t.region,
           CAST(EXTRACT(YEAR FROM cc.contrat_date_sortie_definitive) AS INTEGER) AS annee,
           ${categorySql("cat.rcs_code")} AS categorie,
           COALESCE(cat.rcs_code IN (${codesSql((c) => c.dynamique)}), false) AS dynamique,
           ch.heures,
           CAST(cc.contrat_date_sortie_definitive - ch.first_hire AS DOUBLE PRECISION) / ${DAYS_PER_MONTH} AS mois_parcours
    FROM contrat_chain cc
    JOIN chains ch ON ch.chain_id = cc.chain_id
    JOIN ref_motif_sortie m ON m.rms_id = cc.contrat_motif_sortie_id
    JOIN ref_categorie_sortie cat ON cat.rcs_id = m.rcs_id
    JOIN structure_dep sd ON sd.structure_id = cc.contrat_id_structure
    LEFT JOIN territoires t ON t.departement = sd.departement
    WHERE cc.contrat_date_sortie_definitive IS NOT NULL
      AND cat.rcs_code NOT IN (${codesSql((c) => !c.examinee)})
      AND cc.kind IS NOT NULL
      AND EXTRACT(YEAR FROM cc.contrat_date_sortie_definitive) IN (SELECT annee FROM years)
  ),
  examined AS (
    SELECT * FROM exits
    WHERE CASE WHEN kind IN ('ACI', 'EI') THEN heures >= 1 AND mois_parcours > 2.65
               WHEN kind IN ('AI', 'ETTI') THEN heures >= 150
               ELSE heures >= 1 END
  )`;
}

/**
 * Examined exits by level, kind, year and category: columns niveau, territoire,
 * type_structure, periode, categorie_sortie, nb_sorties.
 */
export function exitsByLevelSql(): string {
  return `WITH ${aspBaseCtes()}, ${chainCtes()}, ${examinedExitsCtes()},
  -- Each exit under its category, under the sub-total of dynamic exits if it is one, and under the total.
  by_category AS (
    SELECT kind, departement, region, annee, categorie FROM examined
    UNION ALL
    SELECT kind, departement, region, annee, 'sorties_dynamiques' FROM examined WHERE dynamique
    UNION ALL
    SELECT kind, departement, region, annee, 'ensemble' FROM examined
  )
  SELECT ${levelAndKindColumns("region", "departement", "kind")},
         ${yearPeriodSql("annee")} AS periode, categorie AS categorie_sortie,
         CAST(COUNT(*) AS INTEGER) AS nb_sorties
  FROM by_category
  ${groupByLevelsAndKinds("region", "departement", "kind", ["annee", "categorie"])}`;
}
