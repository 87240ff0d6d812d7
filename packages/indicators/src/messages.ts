// Every text a user reads from this package (errors, labels, documentation), in French,
// kept in one place so the wording stays consistent and can be tested.

import type {Counts, Level, Period, Unit} from "./vocabulary.ts";
import {
  BUSINESS_SECRET_DOMINANCE,
  BUSINESS_SECRET_MIN_STRUCTURES,
  DISCLOSURE_THRESHOLD
} from "./disclosure/threshold.ts";

export const LEVEL_LABELS: Record<Level, string> = {
  national: "national",
  région: "région",
  département: "département",
  structure: "structure"
};

export const PERIOD_LABELS: Record<Period, string> = {
  année: "année",
  mois: "mois"
};

export const UNIT_LABELS: Record<Unit, string> = {
  personnes: "personnes",
  structures: "structures",
  ETP: "équivalents temps plein (ETP)",
  "%": "taux, en proportion de 0 à 1 (affiché en pourcentage)",
  "€": "euros",
  candidatures: "candidatures",
  "PASS IAE": "PASS IAE",
  postes: "postes",
  heures: "heures",
  jours: "jours",
  mois: "mois"
};

export const COUNTS_LABELS: Record<Counts, string> = {
  people: "Compte des personnes",
  structures: "Compte des structures",
  other: "Autre grandeur"
};

export const TYPE_LABELS = {
  dictionary: "texte (code ou libellé)",
  date: "date (jour)",
  int32: "entier",
  float64: "nombre décimal",
  bool: "booléen (vrai / faux)"
} as const;

export const SECRET_EXPLANATION =
  `Secret statistique : une valeur qui porte sur moins de ${DISCLOSURE_THRESHOLD} personnes n'est pas publiée ` +
  "(valeur vide, colonne « _secret » à vrai). Secret des affaires : un montant (ETP, heures, aide " +
  `de l'État) calculé sur moins de ${BUSINESS_SECRET_MIN_STRUCTURES} structures, ou dont une seule structure ` +
  `détient plus de ${Math.round(BUSINESS_SECRET_DOMINANCE * 100)} %, n'est pas publié non plus. ` +
  "D'autres valeurs sont masquées de la même façon " +
  "pour qu'une valeur secrète ne puisse pas être recalculée à partir des totaux publiés. " +
  "Une valeur masquée n'est jamais remplacée par 0.";

/** The dictionary's note on a magnitude under the business secret. */
export const businessSecretNote = () =>
  `Soumis au secret des affaires : masqué quand il porte sur moins de ${BUSINESS_SECRET_MIN_STRUCTURES} ` +
  `structures, ou qu'une seule en détient plus de ${Math.round(BUSINESS_SECRET_DOMINANCE * 100)} %.`;

export const PRECISION_EXPLANATION =
  "Précision : les nombres décimaux sont publiés arrondis au nombre de décimales que le dictionnaire " +
  "indique pour chaque colonne (arrondi au plus proche ; à égale distance, on s'éloigne de zéro). " +
  "ETP à 2 décimales (un centième d'ETP, environ 16 heures dans l'année), heures au centième, montants " +
  "à l'euro, taux à 4 décimales (un centième de point de pourcentage), durées moyennes et médianes au " +
  "dixième. Les comptes sont des entiers exacts. Les chiffres ne dépendent donc pas de l'ordre dans " +
  "lequel les sommes ont été faites : les mêmes données donnent toujours les mêmes fichiers.";

/** The precision note of one column: « Arrondi à 2 décimales. », « Arrondi à l'unité. » */
export function precisionNote(decimals: number): string {
  if (decimals === 0) return "Arrondi à l'unité.";
  return `Arrondi à ${decimals} décimale${decimals > 1 ? "s" : ""}.`;
}

export const secretColumnLabel = (label: string) => `Secret statistique : ${label}`;

export const secretColumnDefinition = (column: string) =>
  `Vrai quand la valeur de « ${column} » est masquée par le secret statistique (elle est alors vide).`;

export const messages = {
  invalidSpec: (dataset: string, problem: string) => `Jeu de données « ${dataset} » mal déclaré : ${problem}.`,
  duplicateColumn: (column: string) => `la colonne « ${column} » est déclarée deux fois`,
  reservedSecretName: (column: string) =>
    `le nom « ${column} » est réservé à l'indicateur de secret d'une autre colonne`,
  unknownSortColumn: (column: string) => `la clé de tri « ${column} » n'est pas une colonne déclarée`,
  unknownRatioColumn: (column: string, ref: string) =>
    `le numérateur ou dénominateur « ${ref} » de « ${column} » n'est pas une colonne déclarée`,
  ratioNotPeople: (column: string, ref: string) =>
    `le numérateur ou dénominateur « ${ref} » de « ${column} » ne compte pas des personnes`,
  missingAggregation: (column: string) =>
    `la colonne « ${column} » compte des personnes sans dire comment ses totaux se forment ` +
    `(aggregation : "sum" si le total est la somme des parties, "distinct" si une personne peut compter ` +
    `dans plusieurs parties)`,
  peopleNotNumeric: (column: string) => `la colonne « ${column} » compte des personnes mais n'est pas numérique`,
  valuesNotDictionary: (column: string) => `la colonne « ${column} » déclare une liste de valeurs sans être un code`,
  badDescribes: (column: string, target: string) =>
    `la colonne « ${column} » décrit « ${target} », qui n'est pas une dimension déclarée`,
  missingDecimals: (column: string) =>
    `la colonne décimale « ${column} » ne déclare pas sa précision (decimals : nombre de décimales publiées)`,
  badDecimals: (column: string, decimals: number) =>
    `la précision de « ${column} » (${decimals}) doit être un nombre entier de décimales entre 0 et 6`,
  decimalsNotFloat: (column: string) =>
    `la colonne « ${column} » déclare une précision sans être décimale (les entiers et booléens sont exacts)`,
  badReferenceDate: (value: string) => `la date de référence « ${value} » n'est pas une date AAAA-MM-JJ`,
  badSource: (column: string, source: string) =>
    `la source « ${source} » de « ${column} » n'est pas un champ connu (forme attendue : Vue.champ)`,
  badValue: (dataset: string, row: number, column: string, value: unknown, expected: string) =>
    `Jeu de données « ${dataset} », ligne ${row}, colonne « ${column} » : ` +
    `la valeur ${describe(value)} ne convient pas (attendu : ${expected}).`,
  expected: {
    missing: "une valeur, ou null ; la colonne manque dans la ligne",
    notNull: "une valeur non vide",
    dictionary: "un texte",
    oneOf: (values: readonly string[]) => `une des valeurs ${values.map((v) => `« ${v} »`).join(", ")}`,
    date: "une date AAAA-MM-JJ (texte) ou une Date à minuit UTC",
    int32: "un nombre entier (32 bits)",
    float64: "un nombre fini",
    bool: "vrai ou faux",
    nonNegative: "un nombre positif ou nul (c'est un compte)",
    secretMeansNull: "une valeur vide, puisque la cellule est masquée par le secret statistique",
    secretApplied: "une valeur masquée : elle porte sur moins de 11 personnes (secret statistique non appliqué)"
  },
  duplicateCell: (dataset: string, row: number, key: string) =>
    `Jeu de données « ${dataset} », ligne ${row} : la cellule ${key} apparaît deux fois.`,
  inconsistentCell: (key: string, a: unknown, b: unknown) =>
    `La cellule ${key} est publiée avec deux valeurs différentes (${describe(a)} et ${describe(b)}) ` +
    `selon les jeux de données.`,
  yearWouldBeMasked: (niveau: string, territoire: string, annee: string, type: string) =>
    `Secret statistique : protéger les heures et ETP réalisés masqués du jeu etp demanderait de masquer aussi ` +
    `l'année ${annee} (${niveau} ${territoire}, ${type}), que le jeu salaries publie : rien n'est publié. ` +
    `Il faut alors masquer cette cellule dans les deux jeux à la fois (voir data-loaders/etp.ts).`,
  infeasibleRelations: (key: string) =>
    `Audit des intervalles : les valeurs publiées contredisent les relations déclarées autour de la cellule ` +
    `${key} (aucune valeur des cellules masquées ne les satisfait) : un total déclaré somme de ses parties ` +
    `compte-t-il des personnes distinctes ?`,
  solverFailed: (key: string, status: number) =>
    `Audit des intervalles : le solveur HiGHS n'a pas conclu pour la cellule ${key} (statut ${status}).`,
  unprotectable: (key: string) =>
    `La cellule masquée ${key} reste recalculable à partir des totaux publiés et aucune cellule voisine ` +
    `ne peut être masquée : revoir les totaux publiés.`,
  unknownTerritory: (level: string, code: unknown) =>
    `Territoire inconnu au niveau ${level} : ${describe(code)} (impossible de le rattacher à son niveau supérieur).`
};

function describe(value: unknown): string {
  if (value === undefined) return "absente";
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalide" : value.toISOString()})`;
  return String(value);
}
