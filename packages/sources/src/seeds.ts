// Reference data as seeds (dbt's word for small reference tables kept as CSV beside the
// code): territories, ASP measure codes and ROME codes, under packages/sources/seeds/, each
// with its source and licence in seeds/README.md. Read once here, so that the sources (code
// normalisation), the indicators (SQL), the reports, the generator and the site configuration
// share one vocabulary instead of each keeping a copy.
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {csvParse} from "d3-dsv";
import {IAE_KINDS} from "./schema.ts";

/** Folder of the seed files. */
export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../seeds");

/**
 * The rows of seed `file` (a CSV of `dir`, by default SEEDS_DIR, comma-separated, header line first), as text
 * records with `columns`, in file order; other columns are dropped.
 * Throws (French: file, line, column, value) when a column is missing, a value is empty, or
 * two rows share a value of `key`.
 */
export function readSeed<C extends string>(
  file: string,
  columns: readonly C[],
  key?: C,
  dir: string = SEEDS_DIR
): Record<C, string>[] {
  const path = join(dir, file);
  const rows = csvParse(readFileSync(path, "utf8"));
  const missing = columns.filter((c) => !rows.columns.includes(c));
  if (missing.length) throw new Error(`${path}, ligne 1 : colonne(s) absente(s) : ${missing.join(", ")}.`);
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const line = i + 2;
    const out = {} as Record<C, string>;
    for (const c of columns) {
      const value = (row[c] ?? "").trim();
      if (value === "") throw new Error(`${path}, ligne ${line}, colonne ${c} : valeur vide.`);
      out[c] = value;
    }
    if (key !== undefined) {
      const first = seen.get(out[key]);
      if (first !== undefined)
        throw new Error(`${path}, ligne ${line}, colonne ${key} : « ${out[key]} » déjà à la ligne ${first}.`);
      seen.set(out[key], line);
    }
    return out;
  });
}

// Code order of INSEE codes as text: "01" … "19", "2A", "2B", "21" … "95", "971" … "976".
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The 101 départements with their région (INSEE Code officiel géographique, régions of 2016
 * onwards), in département code order. Seed `territoires.csv`.
 */
export const TERRITOIRES: readonly {
  readonly departement: string;
  readonly departement_nom: string;
  readonly region: string;
  readonly region_nom: string;
}[] = readSeed("territoires.csv", ["departement", "departement_nom", "region", "region_nom"], "departement").sort(
  (a, b) => byCode(a.departement, b.departement)
);

/** A région: INSEE code, name and its départements' codes (code order). */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly departements: readonly string[];
}

/** The 18 régions (13 in metropolitan France, 5 overseas), in code order, from `territoires.csv`. */
export const REGIONS: readonly Region[] = [...new Set(TERRITOIRES.map((t) => t.region))].sort(byCode).map((code) => {
  const rows = TERRITOIRES.filter((t) => t.region === code);
  const names = new Set(rows.map((t) => t.region_nom));
  if (names.size !== 1)
    throw new Error(`${join(SEEDS_DIR, "territoires.csv")} : région ${code} nommée de deux façons.`);
  return {code, name: rows[0]!.region_nom, departements: rows.map((t) => t.departement)};
});

/** The 101 département codes (INSEE), in code order; a code outside them "maps to no département". */
export const DEPARTEMENTS: readonly string[] = TERRITOIRES.map((t) => t.departement);

/** Names of the 101 départements, by code, in code order. */
export const DEPARTEMENT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  TERRITOIRES.map((t) => [t.departement, t.departement_nom])
);

/**
 * ASP funding measure code (`af_mesure_dispositif_code`, `contrat_mesure_disp_code`) → kind
 * of SIAE, for the IAE kinds only: FDI (fonds départemental d'insertion), ACIPA and EIPA are
 * not kinds of SIAE and map to nothing. Seed `mesures_dispositifs_asp.csv`.
 */
export const MEASURE_KINDS: Readonly<Record<string, string>> = Object.fromEntries(
  readSeed(
    "mesures_dispositifs_asp.csv",
    ["af_mesure_dispositif_code", "type_structure_emplois"],
    "af_mesure_dispositif_code"
  )
    .filter((m) => (IAE_KINDS as readonly string[]).includes(m.type_structure_emplois))
    .sort((a, b) => byCode(a.af_mesure_dispositif_code, b.af_mesure_dispositif_code))
    .map((m) => [m.af_mesure_dispositif_code, m.type_structure_emplois])
);

// ROME (répertoire opérationnel des métiers et des emplois, France Travail, version 2024-10).
// A grand domaine is written "A- Agriculture et Pêche, …": its letter, then its label.
const ROME = readSeed("rome.csv", ["grand_domaine", "code_rome"], "code_rome").map((r) => {
  const match = /^([A-Z])- (.+)$/.exec(r.grand_domaine);
  if (!match || !r.code_rome.startsWith(match[1]!))
    throw new Error(
      `${join(SEEDS_DIR, "rome.csv")} : grand domaine « ${r.grand_domaine} » du code ${r.code_rome} illisible.`
    );
  return {letter: match[1]!, label: match[2]!, code: r.code_rome};
});

/** ROME grand domaine letter → label, in letter order. Seed `rome.csv`. */
export const ROME_GRANDS_DOMAINES: Readonly<Record<string, string>> = Object.fromEntries(
  [...new Map(ROME.map((r) => [r.letter, r.label])).entries()].sort(([a], [b]) => byCode(a, b))
);

/** The ROME codes of the reference, by grand domaine letter, in code order. Seed `rome.csv`. */
export const ROME_CODES_BY_DOMAINE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.keys(ROME_GRANDS_DOMAINES).map((letter) => [
    letter,
    ROME.filter((r) => r.letter === letter)
      .map((r) => r.code)
      .sort(byCode)
  ])
);

const ROME_CODES = new Set(ROME.map((r) => r.code));

/** Grand domaine letter of a ROME code of the reference ("a1101 " → "A"), or null for an unknown code. */
export function romeGrandDomaine(code: string | null | undefined): string | null {
  if (!code) return null;
  const normalised = code.trim().toUpperCase();
  return ROME_CODES.has(normalised) ? normalised.slice(0, 1) : null;
}

/** A category of exit (ASP `RefCategorieSort`), as the indicators read it. */
export interface ExitCategory {
  /** `rcs_code` of RefCategorieSort ("1" … "5"). */
  readonly rcs_code: string;
  /** Value of the `categorie_sortie` dimension ("emploi_durable"…). */
  readonly categorie: string;
  /** Label shown on the site and in the reports. */
  readonly libelle: string;
  /** Whether an exit of the category is examined (counted); "Retrait des sorties constatées" is not. */
  readonly examinee: boolean;
  /** Whether it counts in the dynamic exits (taux de sortie dynamique, domain.md). */
  readonly dynamique: boolean;
}

const yesNo = (file: string, line: number, column: string, value: string): boolean => {
  if (value === "oui" || value === "non") return value === "oui";
  throw new Error(`${join(SEEDS_DIR, file)}, ligne ${line}, colonne ${column} : « ${value} » (attendu oui ou non).`);
};

/** The exit categories, in `rcs_code` order. Seed `categories_sortie.csv`. */
export const EXIT_CATEGORY_SEED: readonly ExitCategory[] = readSeed(
  "categories_sortie.csv",
  ["rcs_code", "categorie", "libelle", "examinee", "dynamique"],
  "rcs_code"
).map((r, i) => ({
  rcs_code: r.rcs_code,
  categorie: r.categorie,
  libelle: r.libelle,
  examinee: yesNo("categories_sortie.csv", i + 2, "examinee", r.examinee),
  dynamique: yesNo("categories_sortie.csv", i + 2, "dynamique", r.dynamique)
}));
