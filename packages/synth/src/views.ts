// Header of every file: the columns of the contract (schema.ts, in its order) plus a few
// columns that the real extracts carry and the readers must ignore, placed where the real
// files have them (not all at the end). None of the extras is about a person; `Structure`
// carries the structure's contact columns as the real view does (phone, technical
// correspondent's e-mail and name), filled with synthetic tokens that look like no real
// contact: the readers must leave them unread.
import {ALL_TABLES, type TableSpec} from "@pilotage/sources";

/** Extra columns per source, each inserted after the named contract column. */
const EXTRAS: Readonly<Record<string, readonly (readonly [after: string, extra: string])[]>> = {
  Structure: [
    ["structure_siret_actualise", "structure_siret_signature"],
    ["structure_denomination", "structure_type_structure"],
    ["structure_adresse_admin_code_insee", "structure_date_creation"],
    ["structure_date_creation", "structure_adresse_admin_telephone"],
    ["structure_adresse_admin_telephone", "structure_adresse_mail_corresp_technique"],
    ["structure_adresse_mail_corresp_technique", "structure_adresse_nom_corresp_technique"],
    ["structure_adresse_nom_corresp_technique", "structure_adresse_prenom_corresp_technique"]
  ],
  AnnexeFinanciere: [
    ["af_numero_annexe_financiere", "af_numero_convention"],
    ["af_etat_annexe_financiere_code", "af_date_creation"],
    ["af_departement", "af_montant_unitaire_modulation"]
  ],
  Salarie: [["salarie_adr_is_zrr", "salarie_date_creation"]],
  ContratMission: [
    ["contrat_mesure_disp_code", "contrat_type_contrat"],
    ["contrat_date_fin_contrat", "contrat_nb_heures"],
    ["contrat_salarie_pe_duree_id", "contrat_date_creation"]
  ],
  EtatMensuelIndiv: [
    ["emi_ctr_id", "emi_dsm_id"],
    ["emi_nb_heures_travail", "emi_date_creation"]
  ],
  RefMontantIae: [["rmi_valeur", "rmi_date_debut_validite"]],
  RefMotifSort: [["rcs_id", "rms_ordre_affichage"]],
  RefCategorieSort: [],
  RefNiveauFormation: [],
  RefDureePoleEmploi: []
};

export function tableOf(source: string): TableSpec {
  const spec = ALL_TABLES.find((t) => t.source === source);
  if (!spec) throw new Error(`No table with source ${source} in schema.ts`);
  return spec;
}

/** The header written for a source: contract columns and the extras. */
export function headerOf(source: string): string[] {
  const columns = tableOf(source).columns.map((c) => c.name);
  for (const [after, extra] of EXTRAS[source] ?? []) {
    const at = columns.indexOf(after);
    if (at < 0) throw new Error(`${source}: extra column anchored on unknown column ${after}`);
    columns.splice(at + 1, 0, extra);
  }
  return columns;
}

export function extraColumnsOf(source: string): string[] {
  return (EXTRAS[source] ?? []).map(([, extra]) => extra);
}

/**
 * With `--quirks`, the emplois tables also carry columns that the platform's own exports have
 * and that no indicator reads: names of the structure, of the prescriber organisation and of
 * its counsellor (contact columns, left unread), and the sex and birth year read from the NIR
 * (not the NIR). Appended at the end of the header, as those exports place them.
 */
export const EMPLOIS_QUIRK_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  candidatures: ["nom_structure", "nom_département_structure", "nom_org_prescripteur", "nom_prénom_conseiller"],
  candidats: ["sexe_selon_nir", "annee_naissance_selon_nir"]
};
