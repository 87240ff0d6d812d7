// Profil des salariés (domain.md): distinct people with at least 1 hour worked, by sex, age,
// RSA, ASS, AAH, RQTH, QPV, ZRR, registration length at France Travail and training level;
// plus the gendered view (hours and ETP réalisés by sex, share of the aid).
// Choices made here:
// - a person is a hash_nir (one person may carry several salarie_id; domain.md): sex, birth
//   year, QPV and ZRR are read on their latest salarie_id;
// - a person is counted in a cell (territory × kind × year) when the hours of their monthly
//   statements in that cell add up to at least 1 hour (annexes kept as for ETP: VALIDE,
//   PROVISOIRE, CLOTURE, no FDI); the territory and kind are those of the annexe;
// - age for a year = year − birth year (the same as "year of the month − birth year" for
//   every month of that year): < 26, 26–49, ≥ 50;
// - what the contract declares (RSA, ASS, AAH, RQTH, France Travail registration length,
//   training level) is read on the person's latest contract of the year among those of their
//   statements (latest hiring date, then highest contract id), so that each person has one value;
// - RSA = OUI-M or OUI-NM; QPV = salarie_adr_qpv_type 'QP'; ZRR = salarie_adr_is_zrr;
//   DELD = "DE 12 À 23 MOIS", DETLD = "24 MOIS ET PLUS" (RefDureePoleEmploi labels);
// - several structures = hours in at least two structures during the year (anywhere);
// - ETP réalisés of a year = Σ hours / the annexe's annual hours (Σ monthly ETP / 12).
import {
  aspBaseCtes,
  groupByLevelsAndKinds,
  levelAndKindColumns,
  personOfSalarieSql,
  yearPeriodSql
} from "./structures.ts";

export const TRAITS = [
  "ensemble",
  "femme",
  "homme",
  "moins_26_ans",
  "26_49_ans",
  "50_ans_plus",
  "rsa",
  "ass",
  "aah",
  "rqth",
  "qpv",
  "zrr",
  "deld",
  "detld",
  "formation_infra_cap",
  "formation_cap_bep",
  "formation_bac",
  "formation_superieur",
  "formation_non_renseignee",
  "plusieurs_structures"
] as const;
export type Trait = (typeof TRAITS)[number];

export const TRAIT_LABELS: Readonly<Record<Trait, string>> = {
  ensemble: "Ensemble des salariés",
  femme: "Femmes",
  homme: "Hommes",
  moins_26_ans: "Moins de 26 ans",
  "26_49_ans": "De 26 à 49 ans",
  "50_ans_plus": "50 ans ou plus",
  rsa: "Bénéficiaires du RSA",
  ass: "Bénéficiaires de l'ASS",
  aah: "Bénéficiaires de l'AAH",
  rqth: "Travailleurs handicapés (RQTH)",
  qpv: "Résidents d'un quartier prioritaire (QPV)",
  zrr: "Résidents d'une zone de revitalisation rurale (ZRR)",
  deld: "Demandeurs d'emploi de longue durée (12 à 23 mois)",
  detld: "Demandeurs d'emploi de très longue durée (24 mois ou plus)",
  formation_infra_cap: "Niveau de formation inférieur au CAP",
  formation_cap_bep: "Niveau CAP ou BEP",
  formation_bac: "Niveau baccalauréat",
  formation_superieur: "Niveau supérieur au baccalauréat",
  formation_non_renseignee: "Niveau de formation non renseigné",
  plusieurs_structures: "Salariés de plusieurs structures dans l'année"
};

/** Traits that split the whole (each person in exactly one of them). */
export const TRAIT_PARTITIONS: readonly (readonly Trait[])[] = [
  ["femme", "homme"],
  ["moins_26_ans", "26_49_ans", "50_ans_plus"],
  ["formation_infra_cap", "formation_cap_bep", "formation_bac", "formation_superieur", "formation_non_renseignee"]
];

// RefNiveauFormation codes → band (codes of the ASP nomenclature).
const TRAINING_BANDS: Readonly<Record<string, Trait>> = {
  "00": "formation_infra_cap",
  "01": "formation_infra_cap",
  "60": "formation_infra_cap",
  "70": "formation_infra_cap",
  "50": "formation_cap_bep",
  "51": "formation_cap_bep",
  "40": "formation_bac",
  "41": "formation_bac",
  "10": "formation_superieur",
  "20": "formation_superieur",
  "30": "formation_superieur"
};

const trainingBandSql = (code: string) =>
  `CASE ${Object.entries(TRAINING_BANDS)
    .map(([c, band]) => `WHEN ${code} = '${c}' THEN '${band}'`)
    .join(" ")} ELSE 'formation_non_renseignee' END`;

/** SQL condition of each trait, over `s` (the person's latest salarie row), `c` (the person's latest contract), `p` (person_traits), `rdp`, `rnf`. */
export const TRAIT_CONDITIONS: Readonly<Record<Exclude<Trait, "ensemble">, string>> = {
  femme: "s.salarie_rci_libelle = 'MME'",
  homme: "s.salarie_rci_libelle = 'M.'",
  moins_26_ans: "p.annee - s.salarie_annee_naissance < 26",
  "26_49_ans": "p.annee - s.salarie_annee_naissance BETWEEN 26 AND 49",
  "50_ans_plus": "p.annee - s.salarie_annee_naissance >= 50",
  rsa: "c.contrat_salarie_rsa IN ('OUI-M', 'OUI-NM')",
  ass: "c.contrat_salarie_ass = 'OUI'",
  aah: "c.contrat_salarie_aah = 'OUI'",
  rqth: "c.contrat_salarie_rqth = 'OUI'",
  qpv: "s.salarie_adr_qpv_type = 'QP'",
  zrr: "s.salarie_adr_is_zrr = TRUE",
  deld: "rdp.rdp_lib_duree_pe = 'DE 12 À 23 MOIS'",
  detld: "rdp.rdp_lib_duree_pe = '24 MOIS ET PLUS'",
  formation_infra_cap: `${trainingBandSql("rnf.rnf_code_form_empl")} = 'formation_infra_cap'`,
  formation_cap_bep: `${trainingBandSql("rnf.rnf_code_form_empl")} = 'formation_cap_bep'`,
  formation_bac: `${trainingBandSql("rnf.rnf_code_form_empl")} = 'formation_bac'`,
  formation_superieur: `${trainingBandSql("rnf.rnf_code_form_empl")} = 'formation_superieur'`,
  formation_non_renseignee: `${trainingBandSql("rnf.rnf_code_form_empl")} = 'formation_non_renseignee'`,
  plusieurs_structures: "p.nb_structures >= 2"
};

/**
 * CTE bodies (after {@link aspBaseCtes}) shared by every employee figure, whatever its grouping:
 * `personnes(person, salarie columns…)`, a person (hash_nir) on their latest salarie_id;
 * `statements(person, annee, emi_ctr_id, af_id_structure, kind, departement, region, heures, etp)`,
 * one row per monthly statement of a kept annexe; `latest_contract(person, annee, contrat_id)`;
 * `person_traits(person, annee, contrat_id, nb_structures)`, what {@link TRAIT_CONDITIONS} read.
 */
export function employeeCtes(): string {
  return `-- A person is a hash_nir (releves.person); their traits are read on their latest salarie_id.
  personnes AS (
    SELECT * FROM (
      SELECT s.*, ${personOfSalarieSql("s")} AS person,
             ROW_NUMBER() OVER (PARTITION BY ${personOfSalarieSql("s")} ORDER BY s.salarie_id DESC) AS rang
      FROM salarie s
    ) ranked
    WHERE rang = 1
  ),
  statements AS (
    SELECT e.person, e.emi_sme_annee AS annee, e.emi_ctr_id, af.af_id_structure, af.kind,
           af.departement, af.region, e.emi_nb_heures_travail AS heures, e.emi_nb_heures_travail / r.rmi_valeur AS etp
    FROM releves e
    JOIN af ON af.af_id_annexe_financiere = e.emi_afi_id
    JOIN ref_montant_iae r ON r.rmi_id = af.af_duree_heure_annuel_etp_id
  ),
  -- One latest contract per person and year, and the number of structures worked for.
  latest_contract AS (
    SELECT person, annee, contrat_id FROM (
      SELECT st.person, st.annee, c.contrat_id_ctr AS contrat_id,
             ROW_NUMBER() OVER (PARTITION BY st.person, st.annee
                                ORDER BY c.contrat_date_embauche DESC, c.contrat_id_ctr DESC) AS rang
      FROM (SELECT DISTINCT person, annee, emi_ctr_id FROM statements WHERE heures > 0) st
      JOIN contrat c ON c.contrat_id_ctr = st.emi_ctr_id
    ) ranked
    WHERE rang = 1
  ),
  person_traits AS (
    SELECT st.person, st.annee, lc.contrat_id, COUNT(DISTINCT st.af_id_structure) AS nb_structures
    FROM statements st
    LEFT JOIN latest_contract lc ON lc.person = st.person AND lc.annee = st.annee
    WHERE st.heures > 0
    GROUP BY st.person, st.annee, lc.contrat_id
  )`;
}

/**
 * SQL: `cellPeople`'s rows (with `person` and `annee`) once under 'ensemble' and once under each
 * trait they have, as column `caracteristique` (joins the person, contract and references).
 */
export function traitRowsSql(cellPeople: string): string {
  const rows = Object.entries(TRAIT_CONDITIONS).map(
    ([trait, condition]) =>
      `SELECT cp.*, '${trait}' AS caracteristique FROM ${cellPeople} cp JOIN person_traits p ON p.person = cp.person AND p.annee = cp.annee
       JOIN personnes s ON s.person = cp.person
       LEFT JOIN contrat c ON c.contrat_id_ctr = p.contrat_id
       LEFT JOIN ref_duree_pole_emploi rdp ON rdp.rdp_id = c.contrat_salarie_pe_duree_id
       LEFT JOIN ref_niveau_formation rnf ON rnf.rnf_id = c.contrat_niveau_de_formation_id
       WHERE ${condition}`
  );
  return `SELECT cp.*, 'ensemble' AS caracteristique FROM ${cellPeople} cp
    ${rows.map((r) => `UNION ALL\n    ${r}`).join("\n    ")}`;
}

/**
 * Profile by level, kind, year and trait: columns niveau, territoire, type_structure, periode,
 * caracteristique, nb_salaries, heures_travaillees, etp_realises, montant_aide (aid of the
 * whole cell, for the share of aid).
 */
export function employeesByLevelSql(): string {
  return `WITH ${aspBaseCtes()}, ${employeeCtes()},
  -- Each person's hours and ETP in every cell (GROUPING SETS keep the person in each set).
  cell_hours AS (
    SELECT ${levelAndKindColumns("region", "departement", "kind")}, annee, person,
           SUM(heures) AS heures, SUM(etp) AS etp
    FROM statements
    ${groupByLevelsAndKinds("region", "departement", "kind", ["annee", "person"])}
  ),
  cell_people AS (SELECT * FROM cell_hours WHERE heures >= 1),
  by_trait AS (${traitRowsSql("cell_people")}),
  -- Aid of each cell (as in the ETP figures), for the share of aid by sex.
  aid AS (
    SELECT ${levelAndKindColumns("region", "departement", "kind")}, m.annee,
           SUM(af.af_etp_postes_insertion * af.af_montant_unitaire_annuel_valeur / 12) AS montant_aide
    FROM af
    JOIN year_months m ON m.month_index BETWEEN af.first_month AND af.last_month
    ${groupByLevelsAndKinds("region", "departement", "kind", ["m.annee"])}
  )
  SELECT b.niveau, b.territoire, b.type_structure, ${yearPeriodSql("b.annee")} AS periode, b.caracteristique,
         CAST(COUNT(*) AS INTEGER) AS nb_salaries,
         SUM(b.heures) AS heures_travaillees,
         SUM(b.etp) AS etp_realises,
         MAX(a.montant_aide) AS montant_aide
  FROM by_trait b
  LEFT JOIN aid a ON a.niveau = b.niveau AND a.territoire = b.territoire AND a.type_structure = b.type_structure
                 AND a.annee = b.annee
  GROUP BY b.niveau, b.territoire, b.type_structure, b.annee, b.caracteristique`;
}
