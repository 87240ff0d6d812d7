// Applications ("candidatures") of the platform, as the real product defines them:
// - one application concerns one person: application counts fall under the statistical
//   secret like person counts;
// - the period of an application is the month / year of `date_candidature`;
// - its territory is the département of the structure it was sent to
//   (`département_structure`, else the structure's own), mapped to the 18 régions;
// - "Candidature déclinée" is published as "Candidature refusée": refused = déclinée;
// - processed = `date_traitement` filled; response time = date_traitement − date_candidature.
import {territoriesValues} from "./geography.ts";
import {normalizeDepartementSql} from "@pilotage/sources";
import {byLevelsAndKinds, kindSql, yearsAndMonths} from "./emplois.ts";
import {ORIGINE_SQL, PRESCRIBER_ORIGINS, TYPE_PRESCRIPTEUR_SQL, prescriberOrganisationsSql} from "./prescripteurs.ts";

export const ACCEPTEE = "Candidature acceptée";
export const REFUSEE = "Candidature refusée";
export const NOUVELLE = "Nouvelle candidature";

/** The states as published (platform order), "Candidature déclinée" shown as refusée. */
export const ETATS = [
  NOUVELLE,
  "Candidature à l'étude",
  "Candidature en attente",
  "Action préalable à l'embauche",
  ACCEPTEE,
  REFUSEE,
  "Embauche annulée",
  "Embauché ailleurs",
  "Vivier"
] as const;

/** Motif of a refused application; automatic refusals grouped under one motif. */
export const AUTOMATIC_REFUSAL = "Refus automatique";

/** Values of the cube's `traitement`: an application with a date of processing, or without. */
export const TRAITEE = "traitée";
export const NON_TRAITEE = "non traitée";
export const TRAITEMENTS = [TRAITEE, NON_TRAITEE] as const;

/** Category dimensions of the applications cube (all "ensemble" but those a margin breaks down). */
export const CUBE_CATEGORIES = ["etat", "origine", "type_prescripteur", "motif_refus", "traitement"] as const;
export type CubeCategory = (typeof CUBE_CATEGORIES)[number];

const q = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");

/**
 * CTEs `territoires` and `base`: one row per application, with its région and département
 * (both NULL when the code maps to no known département: such an application counts in the
 * national total only, never dropped).
 */
export const CANDIDATURES_BASE = `
  territoires AS (${territoriesValues()}),
  base AS (
    SELECT c.id, c.id_candidat, c.id_structure, c.id_org_prescripteur, c.date_candidature, c.date_traitement,
           c.date_embauche, t.region, t.departement,
           ${kindSql("COALESCE(c.type_structure, s.type)")} AS type_structure,
           CASE WHEN c."état" = 'Candidature déclinée' THEN '${REFUSEE}' ELSE c."état" END AS etat,
           ${ORIGINE_SQL} AS origine,
           ${TYPE_PRESCRIPTEUR_SQL} AS type_prescripteur,
           CASE WHEN c."candidature_refusée_automatiquement" THEN '${AUTOMATIC_REFUSAL}'
                ELSE COALESCE(NULLIF(c.motif_de_refus, ''), 'Non renseigné') END AS motif_refus,
           CASE WHEN c.date_traitement IS NOT NULL THEN '${TRAITEE}' ELSE '${NON_TRAITEE}' END AS traitement
    FROM candidatures c
    LEFT JOIN structures s ON s.id = c.id_structure
    LEFT JOIN organisations o ON o.id = c.id_org_prescripteur
    -- Codes normalised ('1' → '01'); an unknown département counts in the national total only.
    LEFT JOIN territoires t ON t.departement = COALESCE(${normalizeDepartementSql('c."département_structure"')}, ${normalizeDepartementSql('s."département"')})
  )`;

/** A margin of the cube: the categories it breaks down, the rows it covers. */
interface Margin {
  readonly by: readonly CubeCategory[];
  readonly where: string;
}

const YEAR = "mois = 0";
const MARGINS: readonly Margin[] = [
  {by: [], where: "TRUE"}, // every period: all applications
  {by: ["etat"], where: YEAR},
  {by: ["etat"], where: `mois <> 0 AND etat = '${ACCEPTEE}'`}, // monthly hires
  {by: ["origine"], where: YEAR},
  {by: ["etat", "origine"], where: `${YEAR} AND etat = '${ACCEPTEE}'`},
  {by: ["origine", "type_prescripteur"], where: `${YEAR} AND origine IN (${q(PRESCRIBER_ORIGINS)})`},
  {
    by: ["etat", "origine", "type_prescripteur"],
    where: `${YEAR} AND etat = '${ACCEPTEE}' AND origine IN (${q(PRESCRIBER_ORIGINS)})`
  },
  {by: ["etat", "motif_refus"], where: `${YEAR} AND etat = '${REFUSEE}'`},
  // Processed or not: candidatures-taux publishes the processed ones, and the unprocessed
  // ones are (about) the « Nouvelle candidature » state: both must be in the cube to be
  // masked together (see candidatures-cube.ts).
  {by: ["traitement"], where: YEAR}
];

/**
 * Application counts over margins of (état, origine, type de prescripteur, motif de refus,
 * traitement) by territory, period and kind: every breakdown the datasets publish, in one
 * table, so that disclosure control sees each total once with all its breakdowns.
 * Columns: niveau, territoire, type_structure, annee, mois (0 = the year), the categories,
 * candidatures.
 */
export const CANDIDATURES_CUBE = `
  WITH ${CANDIDATURES_BASE},
  p AS (${yearsAndMonths("base", "date_candidature")})
  ${MARGINS.map(
    (m) => `SELECT niveau, territoire, type_structure, annee, mois,
      ${CUBE_CATEGORIES.map((c) => (m.by.includes(c) ? c : `'ensemble' AS ${c}`)).join(", ")}, candidatures
    FROM (${byLevelsAndKinds("COUNT(*) AS candidatures", "p", ["annee", "mois", ...m.by], m.where)}) m`
  ).join("\nUNION ALL\n")}`;

/**
 * Response time of processed applications (date_traitement filled), by year of application:
 * columns niveau, territoire, type_structure, annee, candidatures_traitees, delai_moyen, delai_median (days).
 */
export const RESPONSE_TIME = `
  WITH ${CANDIDATURES_BASE},
  p AS (SELECT base.*, CAST(EXTRACT(YEAR FROM date_candidature) AS INTEGER) AS annee,
               date_traitement - date_candidature AS delai
        FROM base WHERE date_traitement IS NOT NULL)
  ${byLevelsAndKinds(
    `COUNT(*) AS candidatures_traitees,
     AVG(CAST(delai AS DOUBLE PRECISION)) AS delai_moyen,
     percentile_cont(0.5) WITHIN GROUP (ORDER BY delai) AS delai_median`,
    "p",
    ["annee"]
  )}`;

// Candidate-level indicators look at a candidate's applications within one scope: the SIAE
// (the five kinds, "ensemble") or the other employers ("autres"), so that each candidate
// counts once in each scope and the kinds add up to "ensemble".
const SCOPE = `CASE WHEN type_structure = 'autres' THEN 'autres' ELSE 'siae' END`;

/**
 * Candidates who applied in a year and got none of their applications of that year accepted.
 * A candidate is counted where their first application of the year (in the scope) was sent.
 * Columns: niveau, territoire, type_structure, annee, candidats, candidats_sans_acceptation.
 */
export const CANDIDATES_WITHOUT_HIRE = `
  WITH ${CANDIDATURES_BASE},
  y AS (
    SELECT base.*, CAST(EXTRACT(YEAR FROM date_candidature) AS INTEGER) AS annee, ${SCOPE} AS scope FROM base
  ),
  ranked AS (
    SELECT y.*,
           ROW_NUMBER() OVER (PARTITION BY id_candidat, annee, scope ORDER BY date_candidature, id) AS rang,
           MAX(CASE WHEN etat = '${ACCEPTEE}' THEN 1 ELSE 0 END) OVER (PARTITION BY id_candidat, annee, scope) AS acceptee
    FROM y
  ),
  premieres AS (SELECT * FROM ranked WHERE rang = 1)
  ${byLevelsAndKinds("COUNT(*) AS candidats, SUM(1 - acceptee) AS candidats_sans_acceptation", "premieres", ["annee"])}`;

/**
 * Recruitment delay: for each candidate hired (an accepted application with a hiring date
 * up to the reference date $1), first hire − first application (in the scope, any date).
 * Counted in the year and where the first hire took place.
 * Columns: niveau, territoire, type_structure, annee, candidats_recrutes,
 * recrutes_moins_30_jours, delai_moyen, delai_median (days).
 */
export const RECRUITMENT_DELAY = `
  WITH ${CANDIDATURES_BASE},
  s AS (SELECT base.*, ${SCOPE} AS scope FROM base),
  premiere_candidature AS (
    SELECT id_candidat, scope, MIN(date_candidature) AS date_premiere FROM s GROUP BY id_candidat, scope
  ),
  embauches AS (
    SELECT s.*, ROW_NUMBER() OVER (PARTITION BY id_candidat, scope ORDER BY date_embauche, id) AS rang
    FROM s WHERE etat = '${ACCEPTEE}' AND date_embauche IS NOT NULL AND date_embauche <= CAST($1 AS DATE)
  ),
  recrutes AS (
    SELECT e.region, e.departement, e.type_structure,
           CAST(EXTRACT(YEAR FROM e.date_embauche) AS INTEGER) AS annee,
           e.date_embauche - f.date_premiere AS delai
    FROM embauches e
    JOIN premiere_candidature f ON f.id_candidat = e.id_candidat AND f.scope = e.scope
    WHERE e.rang = 1
  )
  ${byLevelsAndKinds(
    `COUNT(*) AS candidats_recrutes,
     SUM(CASE WHEN delai < 30 THEN 1 ELSE 0 END) AS recrutes_moins_30_jours,
     AVG(CAST(delai AS DOUBLE PRECISION)) AS delai_moyen,
     percentile_cont(0.5) WITHIN GROUP (ORDER BY delai) AS delai_median`,
    "recrutes",
    ["annee"]
  )}`;

/** Distinct prescriber organisations by year, origin and type of prescriber (see prescripteurs.ts). */
export const PRESCRIBER_ORGANISATIONS = prescriberOrganisationsSql(CANDIDATURES_BASE);
