// Small sources in the real formats, written by the tests themselves (the sample
// generator lives elsewhere): a complete folder, and helpers to write one file with
// the format variations the readers must accept (BOM, CRLF, gzip, several extractions).
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";

export interface FluxIaeFormat {
  /** DDMMYYYY_HHMMSS of the extraction (file name and DEB line). */
  readonly stamp?: string;
  readonly bom?: boolean;
  readonly crlf?: boolean;
  readonly gzip?: boolean;
  /** Row count written on the FIN line (default: the true count). */
  readonly fin?: number;
  /** Leave the FIN line out. */
  readonly noFin?: boolean;
}

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function tempDir(prefix = "pilotage-sources-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The bytes of a fluxIAE file (before gzip). */
export function fluxIaeBytes(view: string, table: Table, format: FluxIaeFormat = {}): Buffer {
  const stamp = format.stamp ?? "01022026_120000";
  const nl = format.crlf ? "\r\n" : "\n";
  const pad = "|".repeat(table.header.length - 1);
  const lines = [`DEB${view}${stamp}${pad}`, table.header.join("|"), ...table.rows.map((r) => r.join("|"))];
  if (!format.noFin) lines.push(`FIN${format.fin ?? table.rows.length}${pad}`);
  return Buffer.from((format.bom ? "\uFEFF" : "") + lines.join(nl) + nl, "utf8");
}

export function writeFluxIae(dir: string, view: string, table: Table, format: FluxIaeFormat = {}): string {
  const stamp = format.stamp ?? "01022026_120000";
  const bytes = fluxIaeBytes(view, table, format);
  const name = `fluxIAE_${view}_${stamp}.csv${format.gzip ? ".gz" : ""}`;
  writeFileSync(join(dir, name), format.gzip ? gzipSync(bytes) : bytes);
  return join(dir, name);
}

/** One CSV field as PostgreSQL COPY CSV writes it: quoted when it must be. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\n\r]/.test(value) || value === "" ? `"${value.replaceAll('"', '""')}"` : value;
}

export function emploisCsv(table: {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
}): string {
  return [table.header, ...table.rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

export function writeEmplois(
  dir: string,
  name: string,
  table: {readonly header: readonly string[]; readonly rows: readonly (readonly (string | null)[])[]}
): string {
  mkdirSync(join(dir, "emplois"), {recursive: true});
  const path = join(dir, "emplois", `${name}.csv`);
  writeFileSync(path, emploisCsv(table));
  return path;
}

/** A small, consistent fluxIAE extraction (one orphan statement on purpose: emi_afi_id 99). */
export const FLUXIAE: Record<string, Table> = {
  Structure: {
    header: [
      "structure_id_siae",
      "structure_siret_actualise",
      "structure_denomination",
      "structure_code_naf",
      "structure_adresse_admin_cp",
      "structure_adresse_admin_code_insee",
      "structure_adresse_admin_commune",
      // Contact details of the structure, as in the real view: accepted, never read.
      "structure_adresse_admin_telephone",
      "structure_adresse_mail_corresp_technique",
      "structure_adresse_nom_corresp_technique",
      "structure_adresse_prenom_corresp_technique"
    ],
    rows: [
      [
        "1",
        "12345678900011",
        'Chantier "Les Jardins" d\'Avril',
        "8899B",
        "34000",
        "34172",
        "Montpellier",
        "0467000000",
        "contact@jardins.example",
        "Martin",
        "Claire"
      ],
      [
        "2",
        "98765432100022",
        "Intérim Solidaire",
        "7820Z",
        "75011",
        "75111",
        "Paris",
        "0140000000",
        "tech@interim.example",
        "Durand",
        "Paul"
      ]
    ]
  },
  AnnexeFinanciere: {
    header: [
      "af_id_annexe_financiere",
      "af_id_structure",
      "af_numero_annexe_financiere",
      "af_mesure_dispositif_code",
      "af_etat_annexe_financiere_code",
      "af_date_debut_effet",
      "af_date_fin_effet",
      "af_etp_postes_insertion",
      "af_duree_heure_annuel_etp_id",
      "af_montant_unitaire_annuel_valeur",
      "af_montant_total_annuel",
      "af_mt_cofinance",
      "af_departement"
    ],
    rows: [
      [
        "10",
        "1",
        "ACI034250001",
        "ACI_DC",
        "VALIDE",
        "01/01/2025",
        "31/12/2025",
        "12.5",
        "1",
        "23000.5",
        "287506.25",
        "10000",
        "34"
      ],
      [
        "11",
        "2",
        "ETTI075250002",
        "ETTI_DC",
        "PROVISOIRE",
        "01/01/2025",
        "31/12/2025",
        "3",
        "1",
        "4500",
        "13500",
        "",
        "75"
      ]
    ]
  },
  Salarie: {
    header: [
      "salarie_id",
      "hash_nir",
      "salarie_rci_libelle",
      "salarie_annee_naissance",
      "salarie_code_dpt",
      "salarie_adr_qpv_type",
      "salarie_adr_is_zrr"
    ],
    rows: [
      ["100", "a3f1c2d4e5", "MME", "1990", "34", "QP", "false"],
      ["101", "b7e2d1c0f9", "M.", "1965", "75", "", "true"]
    ]
  },
  ContratMission: {
    header: [
      "contrat_id_ctr",
      "contrat_id_pph",
      "contrat_id_structure",
      "contrat_mesure_disp_code",
      "contrat_parent_id",
      "contrat_date_embauche",
      "contrat_date_fin_contrat",
      "contrat_date_sortie_definitive",
      "contrat_motif_sortie_id",
      "contrat_code_rome",
      "contrat_salarie_rsa",
      "contrat_salarie_ass",
      "contrat_salarie_aah",
      "contrat_salarie_rqth",
      "contrat_niveau_de_formation_id",
      "contrat_salarie_pe_duree_id",
      "contrat_date_creation"
    ],
    rows: [
      [
        "1000",
        "100",
        "1",
        "ACI_DC",
        "1000",
        "03/02/2025",
        "02/08/2025",
        "",
        "",
        "A1203",
        "OUI-M",
        "NON",
        "NON",
        "OUI",
        "3",
        "2",
        "03/02/2025 09:15:00"
      ],
      [
        "1001",
        "101",
        "2",
        "ETTI_DC",
        "1001",
        "10/03/2025",
        "30/06/2025",
        "30/06/2025",
        "2",
        "N1103",
        "NON",
        "OUI",
        "NON",
        "NON",
        "5",
        "1",
        "10/03/2025 10:00:00"
      ]
    ]
  },
  EtatMensuelIndiv: {
    header: [
      "emi_pph_id",
      "emi_afi_id",
      "emi_ctr_id",
      "emi_sme_annee",
      "emi_sme_mois",
      "emi_esm_etat_code",
      "emi_nb_heures_travail",
      "emi_motif_sortie_id"
    ],
    rows: [
      ["100", "10", "1000", "2025", "2", "VALIDE", "120.5", ""],
      ["100", "10", "1000", "2025", "3", "VALIDE", "151.67", ""],
      ["101", "99", "1001", "2025", "6", "", "80", "2"]
    ]
  },
  RefMontantIae: {
    header: ["rmi_id", "rmi_code", "rmi_libelle", "rmi_valeur"],
    rows: [
      ["1", "NB_HEURES_ETP", "Durée annuelle d'un ETP", "1607"],
      ["2", "MT_ME_RSA", "Montant RSA", "646.52"]
    ]
  },
  RefMotifSort: {
    header: ["rms_id", "rms_code", "rms_libelle", "rcs_id"],
    rows: [
      ["2", "2", "CDD dans une autre structure IAE", "2"],
      ["7", "96", "CDI Inclusion", "1"]
    ]
  },
  RefCategorieSort: {
    header: ["rcs_id", "rcs_code", "rcs_libelle"],
    rows: [
      ["1", "1", "Emploi durable"],
      ["2", "2", "Emploi de transition"],
      ["5", "5", "Retrait des sorties constatées"]
    ]
  },
  RefNiveauFormation: {
    header: ["rnf_id", "rnf_code_form_empl", "rnf_libelle_niveau_form_empl"],
    rows: [
      ["3", "30", "Niveau CAP"],
      ["5", "50", "Niveau bac"]
    ]
  },
  RefDureePoleEmploi: {
    header: ["rdp_id", "rdp_lib_duree_pe"],
    rows: [
      ["1", "DE 12 À 23 MOIS"],
      ["2", "24 MOIS ET PLUS"]
    ]
  }
};

type EmploisTable = {readonly header: readonly string[]; readonly rows: readonly (readonly (string | null)[])[]};

export const EMPLOIS: Record<string, EmploisTable> = {
  structures: {
    header: ["id", "id_asp", "nom", "type", "siret", "département", "région"],
    rows: [
      ["1", "1", 'Chantier "Les Jardins", Montpellier', "ACI", "12345678900011", "34", "Occitanie"],
      ["2", "2", "Intérim Solidaire", "ETTI", "98765432100022", "75", "Île-de-France"]
    ]
  },
  organisations: {
    header: ["id", "type", "habilitée", "département"],
    rows: [
      ["7", "FT", "t", "34"],
      ["8", "ML", "true", "75"]
    ]
  },
  candidats: {
    header: [
      "id",
      "hash_nir",
      "sexe",
      "annee_naissance",
      "département",
      "adresse_en_qpv",
      "critère_n1_bénéficiaire_du_rsa",
      "critère_n1_detld_plus_de_24_mois",
      "critère_n2_deld_12_à_24_mois",
      "critère_n2_résident_qpv",
      "critère_n2_résident_zrr",
      "critère_n2_travailleur_handicapé"
    ],
    rows: [
      ["c1", "9f86d081", "F", "1990", "34", "t", "t", "f", "f", "t", "f", "f"],
      ["c2", null, "M", "1965", "75", "f", "false", "true", "f", "f", "f", "t"]
    ]
  },
  candidatures: {
    header: [
      "id",
      "date_candidature",
      "date_traitement",
      "date_embauche",
      "état",
      "origine",
      "type_prescripteur",
      "motif_de_refus",
      "id_candidat",
      "id_structure",
      "type_structure",
      "département_structure",
      "région_structure",
      "id_org_prescripteur",
      "candidature_refusée_automatiquement"
    ],
    rows: [
      [
        "k1",
        "2025-01-10",
        "2025-01-20",
        "2025-02-03",
        "Candidature acceptée",
        "Prescripteur habilité",
        "FT",
        null,
        "c1",
        "1",
        "ACI",
        "34",
        "Occitanie",
        "7",
        "f"
      ],
      [
        "k2",
        "2025-02-11",
        "2025-02-12",
        null,
        "Candidature déclinée",
        "Candidat",
        null,
        'Motif "autre", précisé :\nligne 2 du motif',
        "c2",
        "2",
        "ETTI",
        "75",
        "Île-de-France",
        null,
        "f"
      ],
      [
        "k3",
        "2025-03-01",
        null,
        null,
        "Nouvelle candidature",
        "Orienteur",
        "ML",
        "",
        "c2",
        "1",
        "ACI",
        "34",
        "Occitanie",
        "8",
        "false"
      ]
    ]
  },
  fiches_de_poste: {
    header: ["id", "id_employeur", "code_rome", "recrutement_ouvert", "date_création"],
    rows: [
      ["50", "1", "A1203", "t", "2024-11-02"],
      ["51", "3", "N1103", "f", "2025-01-05"]
    ]
  },
  pass_agréments: {
    header: ["id", "type", "date_début", "date_fin", "id_candidat", "id_structure", "département_structure"],
    rows: [["p1", "PASS IAE", "2025-02-03", "2027-02-02", "c1", "1", "34"]]
  },
  suspensions_pass: {
    header: ["id", "id_pass_agrément", "date_début", "date_fin", "motif"],
    rows: [["1", "p1", "2025-05-01", "2025-06-01", "Incarcération"]]
  }
};

/** Writes the whole small sample into `dir` (fluxIAE in mixed formats on purpose). */
export function writeSample(
  dir: string,
  override: {fluxiae?: Partial<Record<string, Table>>; emplois?: Partial<Record<string, EmploisTable>>} = {}
): string {
  mkdirSync(dir, {recursive: true});
  const formats: FluxIaeFormat[] = [{}, {bom: true}, {crlf: true}, {gzip: true}, {bom: true, crlf: true, gzip: true}];
  Object.entries(FLUXIAE).forEach(([view, table], i) =>
    writeFluxIae(dir, view, override.fluxiae?.[view] ?? table, formats[i % formats.length])
  );
  for (const [name, table] of Object.entries(EMPLOIS)) writeEmplois(dir, name, override.emplois?.[name] ?? table);
  return dir;
}
