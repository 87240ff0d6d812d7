// Contents of the fluxIAE reference views, and the code lists of the emplois platform.
// Labels follow the ASP and platform nomenclatures; ids are arbitrary sequence numbers
// (on purpose different from the codes, as in the real views, so a join on the wrong
// column shows up).

export interface MontantRow {
  readonly rmi_id: number;
  readonly rmi_code: string;
  readonly rmi_libelle: string;
  readonly rmi_valeur: number;
}

export const RMI_ETP_1607 = 21;
export const RMI_ETP_1820 = 22;

export const REF_MONTANT_IAE: readonly MontantRow[] = [
  {rmi_id: 11, rmi_code: "MT_AP_ACI", rmi_libelle: "Montant socle de l'aide au poste ACI", rmi_valeur: 23573},
  {rmi_id: 12, rmi_code: "MT_AP_EI", rmi_libelle: "Montant socle de l'aide au poste EI", rmi_valeur: 11721},
  {rmi_id: 13, rmi_code: "MT_AP_AI", rmi_libelle: "Montant socle de l'aide au poste AI", rmi_valeur: 1534},
  {rmi_id: 14, rmi_code: "MT_AP_ETTI", rmi_libelle: "Montant socle de l'aide au poste ETTI", rmi_valeur: 4761},
  {rmi_id: 15, rmi_code: "MT_AP_EITI", rmi_libelle: "Montant socle de l'aide au poste EITI", rmi_valeur: 5270},
  {
    rmi_id: RMI_ETP_1607,
    rmi_code: "NB_HEURES_ETP",
    rmi_libelle: "Durée annuelle théorique d'un salarié à temps plein (heures)",
    rmi_valeur: 1607
  },
  {
    rmi_id: RMI_ETP_1820,
    rmi_code: "NB_HEURES_ETP_35H_ANCIEN",
    rmi_libelle: "Durée annuelle théorique d'un ETP, ancien mode de calcul (heures)",
    rmi_valeur: 1820
  },
  {rmi_id: 31, rmi_code: "MT_ME_RSA", rmi_libelle: "Montant mensuel du RSA personne seule", rmi_valeur: 646.52},
  {
    rmi_id: 32,
    rmi_code: "TX_CONTRIB_CD_RSA",
    rmi_libelle: "Taux de contribution du département (RSA)",
    rmi_valeur: 0.88
  }
];

export const AID_PER_ETP: Readonly<Record<string, number>> = {ACI: 23573, EI: 11721, AI: 1534, ETTI: 4761, EITI: 5270};

export interface CategorieRow {
  readonly rcs_id: number;
  readonly rcs_code: string;
  readonly rcs_libelle: string;
}

export const REF_CATEGORIE_SORT: readonly CategorieRow[] = [
  {rcs_id: 1, rcs_code: "1", rcs_libelle: "Emploi durable"},
  {rcs_id: 2, rcs_code: "2", rcs_libelle: "Emploi de transition"},
  {rcs_id: 3, rcs_code: "3", rcs_libelle: "Sorties positives"},
  {rcs_id: 4, rcs_code: "4", rcs_libelle: "Autres sorties"},
  {rcs_id: 5, rcs_code: "5", rcs_libelle: "Retrait des sorties constatées"}
];

export interface MotifRow {
  readonly rms_id: number;
  readonly rms_code: string;
  readonly rms_libelle: string;
  readonly rcs_id: number;
  /** Relative frequency among exits (not a column: used to draw exits). */
  readonly weight: number;
}

const motif = (rms_id: number, rms_code: string, rms_libelle: string, rcs_id: number, weight: number): MotifRow => ({
  rms_id,
  rms_code,
  rms_libelle,
  rcs_id,
  weight
});

export const MOTIF_CDD_AUTRE_SIAE = 102;

export const REF_MOTIF_SORT: readonly MotifRow[] = [
  motif(101, "1", "Embauche en CDI non aidé", 1, 7),
  motif(MOTIF_CDD_AUTRE_SIAE, "2", "CDD dans une autre structure IAE", 2, 4),
  motif(103, "3", "Embauche en CDD sans aide publique d'une durée de 6 mois et plus", 1, 7),
  motif(104, "4", "Création ou reprise d'entreprise à son compte", 1, 1.5),
  motif(105, "5", "Intégration dans la fonction publique", 1, 0.5),
  motif(106, "6", "Embauche en CDD sans aide publique d'une durée de moins de 6 mois", 2, 6),
  motif(107, "7", "Embauche en contrat aidé chez un employeur autre qu'une SIAE", 2, 3),
  motif(108, "8", "Mission d'intérim de moins de 6 mois", 2, 2),
  motif(110, "10", "Entrée en formation qualifiante ou poursuite de formation qualifiante", 3, 8),
  motif(111, "11", "Prise des droits à la retraite", 3, 2),
  motif(112, "12", "Autre sortie reconnue comme positive", 3, 6),
  motif(113, "13", "Entrée dans un dispositif d'accompagnement renforcé", 3, 3),
  motif(120, "20", "Au chômage", 4, 24),
  motif(121, "21", "Inactif", 4, 6),
  motif(122, "22", "Sans nouvelle", 4, 9),
  motif(123, "23", "Rupture du contrat à l'initiative de l'employeur", 4, 4),
  motif(124, "24", "Rupture du contrat à l'initiative du salarié", 4, 3),
  motif(130, "30", "Décès", 5, 0.3),
  motif(131, "31", "Congé de longue maladie", 5, 1.5),
  motif(132, "32", "Déménagement", 5, 1.5),
  motif(133, "33", "Incarcération", 5, 0.5),
  motif(134, "34", "Rupture pendant la période d'essai", 5, 2),
  motif(196, "96", "CDI Inclusion", 1, 0.7)
];

export interface SimpleRefRow {
  readonly id: number;
  readonly code: string;
  readonly libelle: string;
  readonly weight: number;
}

const ref = (id: number, code: string, libelle: string, weight: number): SimpleRefRow => ({id, code, libelle, weight});

// Most people in IAE have a low level of initial education (DARES).
export const REF_NIVEAU_FORMATION: readonly SimpleRefRow[] = [
  ref(1, "00", "Personne avec qualifications non certifiantes", 6),
  ref(2, "01", "Jamais scolarisé", 4),
  ref(3, "10", "Troisième cycle ou école d'ingénieur", 1),
  ref(4, "20", "Formation de niveau licence", 2),
  ref(5, "30", "Formation de niveau BTS ou DUT", 3),
  ref(6, "40", "Formation de niveau BAC", 8),
  ref(7, "41", "Brevet de technicien ou baccalauréat professionnel", 9),
  ref(8, "50", "Formation de niveau BEP ou CAP", 22),
  ref(9, "51", "Diplôme obtenu CAP ou BEP", 15),
  ref(10, "60", "Formation courte d'une durée d'un an", 6),
  ref(11, "70", "Pas de formation au-delà de la scolarité obligatoire", 24)
];

export const PE_DUREE_12_23 = 3;
export const PE_DUREE_24_PLUS = 4;

export const REF_DUREE_POLE_EMPLOI: readonly SimpleRefRow[] = [
  ref(1, "1", "MOINS DE 6 MOIS", 22),
  ref(2, "2", "DE 6 À 11 MOIS", 16),
  ref(PE_DUREE_12_23, "3", "DE 12 À 23 MOIS", 22),
  ref(PE_DUREE_24_PLUS, "4", "24 MOIS ET PLUS", 30),
  ref(5, "5", "NON INSCRIT", 10)
];

/** Prescriber organisation kinds on the platform, habilitée or not, with their share. */
export const ORGANISATION_KINDS: readonly {
  readonly type: string;
  readonly habilitee: boolean;
  readonly weight: number;
}[] = [
  {type: "FT", habilitee: true, weight: 30},
  {type: "ML", habilitee: true, weight: 14},
  {type: "CAP_EMPLOI", habilitee: true, weight: 5},
  {type: "DEPT", habilitee: true, weight: 10},
  {type: "SPIP", habilitee: true, weight: 4},
  {type: "PLIE", habilitee: true, weight: 6},
  {type: "CHRS", habilitee: true, weight: 8},
  {type: "CCAS", habilitee: true, weight: 6},
  {type: "ASSO", habilitee: false, weight: 12},
  {type: "AUTRE", habilitee: false, weight: 5}
];

export const REFUSAL_MOTIFS: readonly (readonly [string, number])[] = [
  ["Candidat non joignable", 14],
  ["Candidat non venu ou non joignable", 10],
  ["Candidat indisponible ou non intéressé par le poste", 16],
  ["Pas de recrutement en cours", 18],
  ["Le candidat n'est pas éligible à l'IAE", 4],
  ["Incompatibilité avec les contraintes du poste", 12],
  ["Un autre candidat a été retenu", 14],
  ["Le candidat ne remplit pas les prérequis du poste, notamment le permis de conduire", 5],
  ["Autre", 7]
];

export const SUSPENSION_MOTIFS: readonly string[] = [
  "Arrêt pour longue maladie",
  "Congé de maternité",
  "Détention provisoire",
  "Contrat de travail suspendu depuis plus de 15 jours",
  "Période d'essai auprès d'un autre employeur",
  "Situation faisant l'objet d'un accompagnement social"
];
