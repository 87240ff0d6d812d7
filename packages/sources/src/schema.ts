// The staged tables: one per fluxIAE view and per emplois table, with the columns the
// indicators need and their types. This is the contract between the readers (which
// validate and stage into these tables), the PostgreSQL warehouse (which holds the same
// tables, same names) and the indicator SQL (which reads only these).
//
// Column names are the sources' own, accents included (quote them in SQL: "état").
// Extra columns in a source are ignored; a missing required column refuses the file.

/** Logical type of a staged column; each maps to one SQL type on DuckDB and PostgreSQL. */
export type ColumnType = "integer" | "bigint" | "double" | "text" | "boolean" | "date" | "timestamp";

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Whether an empty value is acceptable (default true: empty field = null). */
  readonly nullable?: boolean;
  /** For text codes: the closed list of accepted values (anything else is a row problem). */
  readonly values?: readonly string[];
  /** For numbers: the smallest accepted value (e.g. 0 for hours; below it is a row problem). */
  readonly min?: number;
  /**
   * An identifier (of a row or of the row it points to): the warehouse may type it natively
   * (`uuid`, `integer`, `bigint`) where the CSV export has text; every such type is accepted.
   */
  readonly identifier?: boolean;
}

export interface TableSpec {
  /** Name of the staged table (and of the warehouse table). */
  readonly table: string;
  /** fluxIAE view name (in the file name) or emplois table name (CSV file name without .csv). */
  readonly source: string;
  readonly family: "fluxiae" | "emplois";
  readonly columns: readonly ColumnSpec[];
  /** Column that identifies a row, checked for uniqueness. */
  readonly key?: string;
  /**
   * Columns that identify a statement when rows carry no key of their own (EtatMensuelIndiv:
   * person, annexe, contract, month): identical rows on every column count once (the
   * duplicates are dropped and counted), rows equal on these columns but different
   * elsewhere are a conflict and refuse the file.
   */
  readonly statementKey?: readonly string[];
  /**
   * An optional table (domain.md lists only the required ones): when it is missing the build
   * goes on, its figures are removed and the quality report says so.
   */
  readonly optional?: boolean;
  /** Referential links checked at staging, counted as orphans in the quality report. */
  readonly references?: readonly {readonly column: string; readonly table: string; readonly target: string}[];
}

const c = (name: string, type: ColumnType, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({name, type, ...extra});

/** Kinds of structure of the IAE (fluxIAE measure code prefix, and emplois `type`). */
export const IAE_KINDS = ["ACI", "AI", "EI", "ETTI", "EITI"] as const;
export type IaeKind = (typeof IAE_KINDS)[number];

/** States of an annexe financière kept for ETP figures (others excluded). */
export const AF_STATES_KEPT = ["VALIDE", "PROVISOIRE", "CLOTURE"] as const;

export const CANDIDATURE_STATES = [
  "Nouvelle candidature",
  "Candidature à l'étude",
  "Candidature en attente",
  "Action préalable à l'embauche",
  "Candidature acceptée",
  "Candidature déclinée",
  "Embauche annulée",
  "Embauché ailleurs",
  "Vivier"
] as const;

export const CANDIDATURE_ORIGINS = ["Candidat", "Prescripteur habilité", "Orienteur", "Employeur"] as const;

export const EMPLOIS_STRUCTURE_KINDS = ["ACI", "AI", "EI", "ETTI", "EITI", "EA", "EATT", "GEIQ", "OPCS"] as const;

const YES_NO = ["OUI", "NON"] as const;

export const FLUXIAE_TABLES: readonly TableSpec[] = [
  {
    table: "structure",
    source: "Structure",
    family: "fluxiae",
    key: "structure_id_siae",
    columns: [
      c("structure_id_siae", "integer", {nullable: false}),
      c("structure_siret_actualise", "text"),
      c("structure_denomination", "text"),
      c("structure_code_naf", "text"),
      c("structure_adresse_admin_cp", "text"),
      c("structure_adresse_admin_code_insee", "text")
    ]
  },
  {
    table: "annexe_financiere",
    source: "AnnexeFinanciere",
    family: "fluxiae",
    key: "af_id_annexe_financiere",
    references: [{column: "af_id_structure", table: "structure", target: "structure_id_siae"}],
    columns: [
      c("af_id_annexe_financiere", "integer", {nullable: false}),
      c("af_id_structure", "integer", {nullable: false}),
      c("af_numero_annexe_financiere", "text"),
      c("af_mesure_dispositif_code", "text", {nullable: false}),
      c("af_etat_annexe_financiere_code", "text", {nullable: false}),
      c("af_date_debut_effet", "date", {nullable: false}),
      c("af_date_fin_effet", "date", {nullable: false}),
      c("af_etp_postes_insertion", "double", {min: 0}),
      c("af_duree_heure_annuel_etp_id", "integer"),
      c("af_montant_unitaire_annuel_valeur", "double"),
      c("af_montant_total_annuel", "double"),
      c("af_mt_cofinance", "double"),
      c("af_departement", "text")
    ]
  },
  {
    table: "salarie",
    source: "Salarie",
    family: "fluxiae",
    key: "salarie_id",
    columns: [
      c("salarie_id", "integer", {nullable: false}),
      c("hash_nir", "text"),
      c("salarie_rci_libelle", "text", {values: ["MME", "M."]}),
      c("salarie_annee_naissance", "integer"),
      c("salarie_code_dpt", "text"),
      c("salarie_adr_qpv_type", "text"),
      c("salarie_adr_is_zrr", "boolean")
    ]
  },
  {
    table: "contrat",
    source: "ContratMission",
    family: "fluxiae",
    key: "contrat_id_ctr",
    references: [
      {column: "contrat_id_pph", table: "salarie", target: "salarie_id"},
      {column: "contrat_id_structure", table: "structure", target: "structure_id_siae"}
    ],
    columns: [
      c("contrat_id_ctr", "integer", {nullable: false}),
      c("contrat_id_pph", "integer", {nullable: false}),
      c("contrat_id_structure", "integer", {nullable: false}),
      c("contrat_mesure_disp_code", "text"),
      c("contrat_parent_id", "integer"),
      c("contrat_date_embauche", "date", {nullable: false}),
      c("contrat_date_fin_contrat", "date"),
      c("contrat_date_sortie_definitive", "date"),
      c("contrat_motif_sortie_id", "integer"),
      c("contrat_code_rome", "text"),
      c("contrat_salarie_rsa", "text", {values: ["NON", "OUI-M", "OUI-NM"]}),
      c("contrat_salarie_ass", "text", {values: YES_NO}),
      c("contrat_salarie_aah", "text", {values: YES_NO}),
      c("contrat_salarie_rqth", "text", {values: YES_NO}),
      c("contrat_niveau_de_formation_id", "integer"),
      c("contrat_salarie_pe_duree_id", "integer")
    ]
  },
  {
    table: "emi",
    source: "EtatMensuelIndiv",
    family: "fluxiae",
    statementKey: ["emi_pph_id", "emi_afi_id", "emi_ctr_id", "emi_sme_annee", "emi_sme_mois"],
    references: [
      {column: "emi_afi_id", table: "annexe_financiere", target: "af_id_annexe_financiere"},
      {column: "emi_ctr_id", table: "contrat", target: "contrat_id_ctr"},
      {column: "emi_pph_id", table: "salarie", target: "salarie_id"}
    ],
    columns: [
      c("emi_pph_id", "integer", {nullable: false}),
      c("emi_afi_id", "integer", {nullable: false}),
      c("emi_ctr_id", "integer"),
      c("emi_sme_annee", "integer", {nullable: false}),
      c("emi_sme_mois", "integer", {nullable: false}),
      c("emi_esm_etat_code", "text"),
      c("emi_nb_heures_travail", "double", {min: 0}),
      c("emi_motif_sortie_id", "integer")
    ]
  },
  {
    table: "ref_montant_iae",
    source: "RefMontantIae",
    family: "fluxiae",
    key: "rmi_id",
    columns: [
      c("rmi_id", "integer", {nullable: false}),
      c("rmi_code", "text"),
      c("rmi_libelle", "text"),
      c("rmi_valeur", "double")
    ]
  },
  {
    table: "ref_motif_sortie",
    source: "RefMotifSort",
    family: "fluxiae",
    key: "rms_id",
    references: [{column: "rcs_id", table: "ref_categorie_sortie", target: "rcs_id"}],
    columns: [
      c("rms_id", "integer", {nullable: false}),
      c("rms_code", "text"),
      c("rms_libelle", "text"),
      c("rcs_id", "integer")
    ]
  },
  {
    table: "ref_categorie_sortie",
    source: "RefCategorieSort",
    family: "fluxiae",
    key: "rcs_id",
    columns: [c("rcs_id", "integer", {nullable: false}), c("rcs_code", "text"), c("rcs_libelle", "text")]
  },
  {
    table: "ref_niveau_formation",
    source: "RefNiveauFormation",
    family: "fluxiae",
    key: "rnf_id",
    // The real ASP column names (domain.md).
    columns: [
      c("rnf_id", "integer", {nullable: false}),
      c("rnf_code_form_empl", "text"),
      c("rnf_libelle_niveau_form_empl", "text")
    ]
  },
  {
    table: "ref_duree_pole_emploi",
    source: "RefDureePoleEmploi",
    family: "fluxiae",
    key: "rdp_id",
    // The real ASP column names (domain.md): the view has no code, its label says the length.
    columns: [c("rdp_id", "integer", {nullable: false}), c("rdp_lib_duree_pe", "text")]
  }
];

export const EMPLOIS_TABLES: readonly TableSpec[] = [
  {
    table: "structures",
    source: "structures",
    family: "emplois",
    key: "id",
    columns: [
      c("id", "integer", {nullable: false}),
      c("id_asp", "integer"),
      c("nom", "text"),
      c("type", "text", {nullable: false, values: EMPLOIS_STRUCTURE_KINDS}),
      c("siret", "text"),
      c("département", "text"),
      c("région", "text")
    ]
  },
  {
    table: "organisations",
    source: "organisations",
    family: "emplois",
    key: "id",
    columns: [
      c("id", "integer", {nullable: false}),
      c("type", "text"),
      c("habilitée", "boolean"),
      c("département", "text")
    ]
  },
  {
    table: "candidats",
    source: "candidats",
    family: "emplois",
    key: "id",
    columns: [
      c("id", "text", {nullable: false, identifier: true}),
      c("hash_nir", "text"),
      c("sexe", "text"),
      c("annee_naissance", "integer"),
      c("département", "text"),
      c("adresse_en_qpv", "boolean"),
      c("critère_n1_bénéficiaire_du_rsa", "boolean"),
      c("critère_n1_detld_plus_de_24_mois", "boolean"),
      c("critère_n2_deld_12_à_24_mois", "boolean"),
      c("critère_n2_résident_qpv", "boolean"),
      c("critère_n2_résident_zrr", "boolean"),
      c("critère_n2_travailleur_handicapé", "boolean")
    ]
  },
  {
    table: "candidatures",
    source: "candidatures",
    family: "emplois",
    key: "id",
    references: [
      {column: "id_structure", table: "structures", target: "id"},
      {column: "id_candidat", table: "candidats", target: "id"},
      {column: "id_org_prescripteur", table: "organisations", target: "id"}
    ],
    columns: [
      c("id", "text", {nullable: false, identifier: true}),
      c("date_candidature", "date", {nullable: false}),
      c("date_traitement", "date"),
      c("date_embauche", "date"),
      c("état", "text", {nullable: false, values: CANDIDATURE_STATES}),
      c("origine", "text", {values: CANDIDATURE_ORIGINS}),
      c("type_prescripteur", "text"),
      c("motif_de_refus", "text"),
      c("id_candidat", "text", {nullable: false, identifier: true}),
      c("id_structure", "integer", {nullable: false}),
      c("type_structure", "text"),
      c("département_structure", "text"),
      c("région_structure", "text"),
      c("id_org_prescripteur", "integer"),
      c("candidature_refusée_automatiquement", "boolean")
    ]
  },
  {
    table: "fiches_de_poste",
    source: "fiches_de_poste",
    family: "emplois",
    key: "id",
    references: [{column: "id_employeur", table: "structures", target: "id"}],
    columns: [
      c("id", "integer", {nullable: false}),
      c("id_employeur", "integer", {nullable: false}),
      c("code_rome", "text"),
      c("recrutement_ouvert", "boolean"),
      c("date_création", "date")
    ]
  },
  {
    table: "pass_agrements",
    source: "pass_agréments",
    family: "emplois",
    key: "id",
    references: [
      {column: "id_candidat", table: "candidats", target: "id"},
      {column: "id_structure", table: "structures", target: "id"}
    ],
    columns: [
      c("id", "text", {nullable: false, identifier: true}),
      c("type", "text"),
      c("date_début", "date", {nullable: false}),
      c("date_fin", "date", {nullable: false}),
      c("id_candidat", "text", {identifier: true}),
      c("id_structure", "integer"),
      c("département_structure", "text")
    ]
  },
  {
    // Suspensions of a PASS IAE (the platform's own table; one row per suspension period).
    table: "suspensions_pass",
    source: "suspensions_pass",
    family: "emplois",
    optional: true,
    key: "id",
    references: [{column: "id_pass_agrément", table: "pass_agrements", target: "id"}],
    columns: [
      c("id", "integer", {nullable: false}),
      c("id_pass_agrément", "text", {nullable: false, identifier: true}),
      c("date_début", "date", {nullable: false}),
      c("date_fin", "date"),
      c("motif", "text")
    ]
  }
];

export const ALL_TABLES: readonly TableSpec[] = [...FLUXIAE_TABLES, ...EMPLOIS_TABLES];

/** SQL type of a logical column type, the same on DuckDB and PostgreSQL. */
export const SQL_TYPES: Record<ColumnType, string> = {
  integer: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE PRECISION",
  text: "TEXT",
  boolean: "BOOLEAN",
  date: "DATE",
  timestamp: "TIMESTAMP"
};

/** `CREATE TABLE` for a staged table, valid on DuckDB and PostgreSQL alike. */
export function createTableSql(spec: TableSpec, schema?: string): string {
  const name = schema ? `${quoteIdent(schema)}.${quoteIdent(spec.table)}` : quoteIdent(spec.table);
  const cols = spec.columns.map((col) => `${quoteIdent(col.name)} ${SQL_TYPES[col.type]}`);
  return `CREATE TABLE ${name} (${cols.join(", ")})`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function tableSpec(table: string): TableSpec {
  const spec = ALL_TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`Unknown staged table: ${table}`);
  return spec;
}
