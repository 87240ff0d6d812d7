// Every message a user reads from this package, in French, in one place so that wording
// stays consistent and tests can rely on it.
import type {SourceProblem} from "./problem.ts";

const REASONS: Record<SourceProblem["reason"], string> = {
  missing_file: "fichier source manquant",
  bad_file_name: "nom de fichier fluxIAE non conforme (attendu fluxIAE_<Vue>_<JJMMAAAA>_<HHMMSS>.csv[.gz])",
  bad_deb: "première ligne « DEB… » absente ou incorrecte",
  missing_column: "colonne obligatoire absente de l'en-tête",
  fin_missing: "ligne finale « FIN<nombre> » absente : fichier tronqué",
  fin_mismatch:
    "le nombre de lignes annoncé par la ligne FIN ne correspond pas aux lignes lues : fichier tronqué ou incomplet",
  gzip_cut: "archive gzip tronquée (fichier coupé avant la fin)",
  invalid_utf8: "octets invalides en UTF-8",
  csv_syntax: "ligne illisible (structure CSV incorrecte)",
  personal_field: "champ personnel interdit (les sources doivent être pseudonymisées) ; valeurs non recopiées",
  personal_value: "valeur personnelle détectée (NIR non haché) ; valeurs non recopiées",
  unparsable: "valeur illisible pour le type attendu",
  negative: "valeur négative interdite",
  unknown_code: "code inconnu (hors de la liste des valeurs acceptées)",
  null_required: "valeur vide dans une colonne obligatoire",
  duplicate_key: "clé en double",
  conflicting_statement:
    "état mensuel en double avec des valeurs différentes (même salarié, annexe, contrat et mois) : impossible de savoir lequel compter",
  not_an_archive: "fichier ni gzip, ni zip, ni texte : contenu illisible",
  zip_content: "archive zip sans un unique fichier CSV à lire",
  missing_table: "table absente de l'entrepôt",
  incompatible_type: "type de colonne incompatible"
};

export function sourceErrorMessage(p: SourceProblem): string {
  const where = [p.file];
  if (p.line !== null) where.push(`ligne ${p.line}`);
  if (p.column !== null) where.push(`colonne « ${p.column} »`);
  let text = `${where.join(", ")} : ${REASONS[p.reason]}`;
  if (p.value !== null) text += ` ; valeur « ${p.value} »`;
  if (p.detail) text += ` (${p.detail})`;
  if (p.others) text += ` ; ${p.others} autre${p.others > 1 ? "s" : ""} ligne${p.others > 1 ? "s" : ""} en défaut`;
  return `${text}. Source refusée.`;
}

export const detail = {
  expectedType: (type: string) => `type attendu : ${TYPE_NAMES[type] ?? type}`,
  accepted: (values: readonly string[]) => `valeurs acceptées : ${values.join(", ")}`,
  min: (min: number) => `minimum : ${min}`,
  fin: (announced: number, read: number) => `FIN annonce ${announced} lignes, ${read} lues`,
  conflict: (firstLine: number, key: readonly string[], otherValue?: string) =>
    `autre ligne ${firstLine}${otherValue === undefined ? "" : ` : « ${otherValue} »`}, même ${key.join(", ")}`,
  duplicate: (firstLine: number | null) => (firstLine === null ? "" : `première occurrence ligne ${firstLine}`),
  warehouseType: (found: string, expected: string) => `trouvé ${found}, attendu ${expected}`,
  deb: (expected: string) => `attendu une ligne commençant par ${expected}`,
  csvEngine: (message: string) => message.split("\n")[0] ?? message,
  fieldCount: (found: number | null, expected: number, separator: string) =>
    found === null
      ? "guillemet ouvert sur cette ligne et jamais refermé"
      : `${found} champs séparés par « ${separator} » au lieu des ${expected} de l'en-tête : un « ${separator} » dans une valeur ?`,
  sampleMissing:
    "l'échantillon embarqué n'est pas encore généré : pnpm synth --scale sample --seed 1 --out packages/synth/sample"
};

const TYPE_NAMES: Record<string, string> = {
  integer: "entier",
  bigint: "entier",
  double: "nombre décimal (point)",
  text: "texte",
  boolean: "booléen",
  date: "date",
  timestamp: "date et heure"
};

/** Progress and summary lines (terminal and CI logs). */
export const progressText = {
  running: (file: string, rows: number | null, percent: number | null, rate: number | null, eta: number | null) => {
    const parts = [
      percent === null ? null : `${Math.floor(percent)} %`,
      rows === null ? null : `${fmtInt(rows)} lignes lues`,
      rate === null ? null : `${fmtInt(rate)} lignes/s`,
      eta === null ? null : `reste ~${fmtSeconds(eta)}`
    ];
    return `${file} : ${parts.filter((p) => p !== null).join(", ")}`;
  },
  done: (file: string, rows: number, seconds: number) =>
    `${file} : ${fmtInt(rows)} lignes en ${fmtSeconds(seconds)}` +
    (seconds >= 0.5 ? ` (${fmtInt(rows / seconds)} lignes/s)` : ""),
  chosen: (view: string, file: string, ignored: readonly string[]) =>
    `fluxIAE ${view} : ${file} retenu (le plus récent)` + (ignored.length ? `, ignoré(s) : ${ignored.join(", ")}` : ""),
  reused: (hash: string) => `Sources déjà préparées (empreinte ${hash.slice(0, 12)}) : rien à refaire.`,
  staged: (hash: string, seconds: number) =>
    `Sources préparées (empreinte ${hash.slice(0, 12)}) en ${fmtSeconds(seconds)}.`,
  orphans: (table: string, column: string, target: string, count: number) =>
    `${table}.${column} → ${target} : ${fmtInt(count)} référence(s) orpheline(s)`,
  duplicates: (file: string, count: number) =>
    `${file} : ${fmtInt(count)} état(s) mensuel(s) en double à l'identique, compté(s) une fois`,
  contacts: (file: string, columns: readonly string[]) =>
    `${file} : coordonnées de la structure non lues (${columns.join(", ")})`,
  codesNormalised: (table: string, column: string, count: number) =>
    `${table}.${column} : ${fmtInt(count)} code(s) normalisé(s) (zéro initial, espaces)`,
  codesUnknown: (table: string, column: string, count: number) =>
    `${table}.${column} : ${fmtInt(count)} code(s) sans département connu (comptés au seul total national)`,
  missingOptional: (file: string) =>
    `${file} absent (table facultative) : ses chiffres sont retirés, la construction continue`,
  warehouse: (schema: string) => `Entrepôt PostgreSQL (schéma ${schema}) vérifié.`
};

export const configText = {
  noStaging: (cacheDir: string) =>
    `Aucune source préparée dans ${cacheDir} : lancez d'abord la préparation des sources (stage).`,
  noDatabaseUrl: "La préparation pointe vers l'entrepôt PostgreSQL mais DATABASE_URL n'est pas définie.",
  badConfigFile: (file: string) => `Fichier de configuration illisible : ${file} (attendu {"sources": "chemin"}).`
};

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("fr-FR");
}

function fmtSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
