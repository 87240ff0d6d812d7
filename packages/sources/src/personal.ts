// Personal fields: sources reach us pseudonymised, so a column that could hold a name,
// a first name, an unhashed NIR, a full birth date, an e-mail, a phone number or a
// person's street address refuses the whole file. Only the column is named: its values
// are never read into JS, logged or put in an error.
//
// Judged on the header (every column, not only the required ones: an extra personal
// column is still personal data sitting in our inputs), plus one content check: a
// `hash_nir` column whose values look like a raw NIR.
//
// Names and addresses of structures (SIAE, prescriber organisations) are not personal:
// `structure_denomination`, emplois `structures.nom`, `structure_adresse_admin_*`.
// E-mail and phone are refused everywhere, structures included: a structure's contact
// e-mail or phone usually reaches a named person.

export interface PersonalHit {
  readonly column: string;
  readonly kind: "nom" | "prénom" | "NIR" | "date de naissance" | "e-mail" | "téléphone" | "adresse";
}

/** Tables whose rows are organisations: their names and addresses are public facts. */
const ORGANISATION_TABLES = new Set(["structures", "organisations", "Structure", "structure", "AnnexeFinanciere"]);
const ORGANISATION_PREFIXES = ["structure_", "af_", "org_", "organisation_", "employeur_", "siae_", "prescripteur_"];

const PATTERNS: readonly {
  readonly kind: PersonalHit["kind"];
  readonly re: RegExp;
  readonly organisationsToo: boolean;
}[] = [
  {kind: "prénom", re: /(^|_)(prenoms?|first_?name|given_?name)($|_)/, organisationsToo: false},
  {
    kind: "nom",
    re: /(^|_)(nom|noms|nom_usage|nom_naissance|nom_famille|last_?name|surname|family_?name|name)($|_)/,
    organisationsToo: false
  },
  {
    kind: "NIR",
    re: /(^|_)(nir|nir_cle|numero_securite_sociale|num_secu|no_secu|secu|nss|insee_personne)($|_)/,
    organisationsToo: true
  },
  {
    kind: "date de naissance",
    re: /(date_(de_)?naissance|naissance_date|birth_?date|date_of_birth|(^|_)dob($|_)|(^|_)ddn($|_))/,
    organisationsToo: true
  },
  {kind: "e-mail", re: /(e_?mail|courriel|(^|_)mail($|_))/, organisationsToo: true},
  {
    kind: "téléphone",
    re: /((^|_)tel($|_)|telephone|phone|portable|(^|_)mobile($|_)|(^|_)fax($|_))/,
    organisationsToo: true
  },
  {
    kind: "adresse",
    re: /((^|_)(rue|voie|street)($|_)|numero_voie|libelle_voie|point_remise|cplt|complement_adresse|lieu_dit|address_line|(^|_)(adresse|adr|address)(_ligne\d*|_postale|_\d)?$)/,
    organisationsToo: false
  }
];

/** Lower case, no accents: "Prénom" → "prenom". */
function normalise(column: string): string {
  return column
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_");
}

/** The personal columns of a header (empty when none). `source` is the view or table. */
export function findPersonalColumns(source: string, header: readonly string[]): PersonalHit[] {
  const hits: PersonalHit[] = [];
  for (const column of header) {
    const n = normalise(column);
    if (n.includes("hash")) continue; // hash_nir and the like: pseudonymised on purpose
    const organisation = ORGANISATION_TABLES.has(source) || ORGANISATION_PREFIXES.some((p) => n.startsWith(p));
    const hit = PATTERNS.find((p) => (p.organisationsToo || !organisation) && p.re.test(n));
    if (hit) hits.push({column, kind: hit.kind});
  }
  return hits;
}

/** Columns whose content is checked for a raw NIR (13 or 15 characters, Corsica 2A/2B). */
export const NIR_CHECKED_COLUMNS = ["hash_nir"];

/** SQL condition (DuckDB and PostgreSQL) true when `expr` looks like an unhashed NIR. */
export function looksLikeNirSql(expr: string, dialect: "duckdb" | "postgres"): string {
  const re = "^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6}([0-9]{2})?$";
  return dialect === "duckdb" ? `regexp_matches(${expr}, '${re}')` : `(${expr} ~ '${re}')`;
}
