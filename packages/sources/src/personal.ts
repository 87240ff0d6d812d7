// Personal fields: sources reach us pseudonymised, so a column that could hold a person's
// name, first name, unhashed NIR, full birth date, e-mail, phone number or street address
// refuses the whole file. Only the column is named: its values are never read into JS,
// logged or put in an error.
//
// Judged on the header (every column, not only the required ones: an extra personal
// column is still personal data sitting in our inputs), by what the name says — a word of
// the column name (`nom`, `prenom`, `mail`, `telephone`, `naissance`, `nir`…), in every
// view and table — plus one content check: a `hash_nir` column whose values look like a
// raw NIR. Pseudonymised or coarse fields pass: `hash_…`, a birth *year*.
//
// Contact details of an organisation are another matter (domain.md): the real `Structure`
// view carries the structure's phones, e-mail and its technical correspondent's name. In an
// organisation's table (or a column named after one: `structure_…`, `org_…`), names,
// e-mails and phones are *contact columns* (so are those of a column naming an organisation
// anywhere in its name, `nom_structure`, or its staff, `nom_prénom_conseiller`): never read,
// never staged, never echoed, listed as left unread in the quality report, and the file is
// accepted. Names and addresses of
// structures themselves (`structure_denomination`, emplois `structures.nom`) are public.
// A NIR or a birth date is refused everywhere.

export interface PersonalHit {
  readonly column: string;
  readonly kind: "nom" | "prénom" | "NIR" | "date de naissance" | "e-mail" | "téléphone" | "adresse";
}

const words = (...w: string[]) => new Set(w);

/** Tables whose rows are organisations: their names, addresses and contacts are not about an employee or a candidate. */
const ORGANISATION_TABLES = new Set(["structures", "organisations", "Structure", "structure", "AnnexeFinanciere"]);
const ORGANISATION_PREFIXES = ["structure_", "af_", "org_", "organisation_", "employeur_", "siae_", "prescripteur_"];
/**
 * A word that makes a column about an organisation or its staff wherever it stands in the
 * name (the emplois platform's `nom_structure`, `nom_org_prescripteur`,
 * `nom_prénom_conseiller`), unless the name also says it is about an employee or a candidate.
 */
const ORGANISATION_WORDS = words(
  "structure",
  "structures",
  "org",
  "organisation",
  "organisme",
  "employeur",
  "siae",
  "prescripteur",
  "conseiller"
);
const PERSON_WORDS = words(
  "salarie",
  "salaries",
  "candidat",
  "candidats",
  "candidate",
  "beneficiaire",
  "personne",
  "pph"
);

const RULES: readonly {
  readonly kind: PersonalHit["kind"];
  /** The column name holds one of these words… */
  readonly words?: ReadonlySet<string>;
  /** …or matches this (on the normalised name). */
  readonly re?: RegExp;
  /** Not a hit when the name also holds one of these words (a birth *year* is allowed). */
  readonly unless?: ReadonlySet<string>;
  /** In an organisation's table: a contact column (left unread) rather than a refusal. */
  readonly contactInOrganisation: boolean;
  /** In an organisation's table: not even a contact (a structure's own name or address). */
  readonly publicInOrganisation?: boolean;
}[] = [
  {
    kind: "NIR",
    words: words("nir", "nss", "secu", "insee_personne"),
    re: /numero_securite_sociale|num_secu|no_secu/,
    // `sexe_selon_nir`, `annee_naissance_selon_nir` (emplois): a sex or a year read from the
    // NIR, not the NIR.
    unless: words("selon"),
    contactInOrganisation: false
  },
  {
    kind: "date de naissance",
    words: words("naissance", "birth", "birthdate", "dob", "ddn"),
    re: /date_of_birth/,
    unless: words("annee", "year", "an", "mois", "lieu", "pays", "commune", "departement", "dpt"),
    contactInOrganisation: false
  },
  {
    kind: "prénom",
    words: words("prenom", "prenoms", "firstname", "givenname"),
    re: /first_name|given_name/,
    contactInOrganisation: true
  },
  {
    kind: "nom",
    words: words("nom", "noms", "name", "lastname", "surname", "familyname"),
    re: /last_name|family_name/,
    contactInOrganisation: true
  },
  {
    kind: "e-mail",
    words: words("mail", "email", "courriel", "mel"),
    re: /(^|_)e_mail($|_)/,
    contactInOrganisation: true
  },
  {
    kind: "téléphone",
    words: words("tel", "telephone", "telephones", "phone", "portable", "mobile", "fax", "tph"),
    contactInOrganisation: true
  },
  {
    kind: "adresse",
    words: words("rue", "voie", "street"),
    re: /numero_voie|libelle_voie|point_remise|cplt|complement_adresse|lieu_dit|address_line|(^|_)(adresse|adr|address)(_ligne\d*|_postale|_\d)?$/,
    contactInOrganisation: false,
    publicInOrganisation: true
  }
];

/** Lower case, no accents, words joined by `_`: "Prénom" → "prenom", "E-mail" → "e_mail". */
function normalise(column: string): string {
  return column
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** What a header's columns are, judged by their names. */
export interface HeaderFields {
  /** Personal fields about a person: the file is refused. */
  readonly personal: PersonalHit[];
  /** Contact details of an organisation: accepted, never read, listed as left unread. */
  readonly contact: PersonalHit[];
}

/** Sorts the columns of a header into personal fields and organisation contacts. `source` is the view or table. */
export function classifyColumns(source: string, header: readonly string[]): HeaderFields {
  const personal: PersonalHit[] = [];
  const contact: PersonalHit[] = [];
  for (const column of header) {
    const n = normalise(column);
    const tokens = n.split("_");
    if (tokens.includes("hash")) continue; // hash_nir and the like: pseudonymised on purpose
    const organisation =
      ORGANISATION_TABLES.has(source) ||
      ORGANISATION_PREFIXES.some((p) => n.startsWith(p)) ||
      (tokens.some((t) => ORGANISATION_WORDS.has(t)) && !tokens.some((t) => PERSON_WORDS.has(t)));
    const rule = RULES.find(
      (r) =>
        (tokens.some((t) => r.words?.has(t)) || (r.re?.test(n) ?? false)) &&
        !tokens.some((t) => r.unless?.has(t)) &&
        !(organisation && r.publicInOrganisation)
    );
    if (!rule) continue;
    (organisation && rule.contactInOrganisation ? contact : personal).push({column, kind: rule.kind});
  }
  return {personal, contact};
}

/** The personal columns of a header (empty when none): any of them refuses the file. */
export function findPersonalColumns(source: string, header: readonly string[]): PersonalHit[] {
  return classifyColumns(source, header).personal;
}

/** Columns whose content is checked for a raw NIR (13 or 15 characters, Corsica 2A/2B). */
export const NIR_CHECKED_COLUMNS = ["hash_nir"];

/** SQL condition (DuckDB and PostgreSQL) true when `expr` looks like an unhashed NIR. */
export function looksLikeNirSql(expr: string, dialect: "duckdb" | "postgres"): string {
  const re = "^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6}([0-9]{2})?$";
  return dialect === "duckdb" ? `regexp_matches(${expr}, '${re}')` : `(${expr} ~ '${re}')`;
}
