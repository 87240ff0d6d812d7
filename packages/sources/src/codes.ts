// Territory codes as the sources write them, normalised in SQL (the same text on DuckDB and
// PostgreSQL), so that every reader and every indicator places a row in the same
// département, and the quality report counts what was normalised and what maps nowhere.
// domain.md: commune INSEE codes may lose their leading zero (`1053` for `01053`) or carry
// blanks (` 34172`): trim, pad numeric codes to five characters, then derive the
// département (`2A`/`2B` for Corsica, three digits for `97x`). Département codes likewise
// ('1' → '01', '034' → '34', ' 2a' → '2A').

import {DEPARTEMENTS} from "./seeds.ts";

export {DEPARTEMENTS};

/** SQL: true when the trimmed text `t` is made of digits only (and not empty). */
const digitsOnly = (t: string) => `(${t} <> '' AND LTRIM(${t}, '0123456789') = '')`;

/** SQL: a commune INSEE code normalised: trimmed, upper case, numeric codes padded to 5 ('1053' → '01053'). */
export function communeCodeSql(column: string): string {
  const t = `TRIM(${column})`;
  return `CASE WHEN ${digitsOnly(t)} AND LENGTH(${t}) < 5 THEN LPAD(${t}, 5, '0') ELSE NULLIF(UPPER(${t}), '') END`;
}

/**
 * SQL: the département of a commune INSEE code column, after {@link communeCodeSql}
 * ("2A004" → "2A", "97105" → "971", "1053" → "01"); NULL for an empty code. A code that is
 * not shaped as a commune once normalised (five characters: `034172`, `1053.0` as a
 * spreadsheet writes it) gives '?', outside {@link DEPARTEMENTS}: counted as unknown and kept
 * in the national total, never placed by its first digits.
 */
export function departementOfCommuneSql(column: string): string {
  const code = communeCodeSql(column);
  return `CASE WHEN LENGTH(${code}) <> 5 THEN '?'
               WHEN SUBSTR(${code}, 1, 2) = '97' THEN SUBSTR(${code}, 1, 3) ELSE SUBSTR(${code}, 1, 2) END`;
}

/** SQL: a département code as the sources write it, normalised ('1' → '01', '034' → '34', ' 2a' → '2A'); NULL when empty. */
export function normalizeDepartementSql(column: string): string {
  const t = `TRIM(${column})`;
  return `CASE WHEN LENGTH(${t}) = 1 AND ${digitsOnly(t)} THEN '0' || ${t}
               WHEN LENGTH(${t}) = 3 AND SUBSTR(${t}, 1, 1) = '0' THEN SUBSTR(${t}, 2, 2)
               ELSE NULLIF(UPPER(${t}), '') END`;
}

/** A code column of a staged table, and how it is read. */
export interface CodeColumn {
  readonly table: string;
  readonly column: string;
  readonly kind: "commune" | "département";
}

/** Every territory code column of the staged tables (fluxIAE and emplois). */
export const CODE_COLUMNS: readonly CodeColumn[] = [
  {table: "structure", column: "structure_adresse_admin_code_insee", kind: "commune"},
  {table: "annexe_financiere", column: "af_departement", kind: "département"},
  {table: "salarie", column: "salarie_code_dpt", kind: "département"},
  {table: "structures", column: "département", kind: "département"},
  {table: "organisations", column: "département", kind: "département"},
  {table: "candidats", column: "département", kind: "département"},
  {table: "candidatures", column: "département_structure", kind: "département"},
  {table: "pass_agrements", column: "département_structure", kind: "département"}
];

/** SQL: the département of a code column, by its kind. */
export function departementOfCodeSql(code: CodeColumn, column: string): string {
  return code.kind === "commune" ? departementOfCommuneSql(column) : normalizeDepartementSql(column);
}

/** SQL: the code as read by the indicators (commune normalised, or département normalised). */
function normalisedSql(code: CodeColumn, column: string): string {
  return code.kind === "commune" ? communeCodeSql(column) : normalizeDepartementSql(column);
}

/**
 * SQL counting, for one code column of `from` (a table name, quoted), the non-empty codes
 * rewritten by normalisation (`normalised`) and those whose département is not one of the
 * 101 (`unknown`). Runs on DuckDB and PostgreSQL alike.
 */
export function codeCountSql(code: CodeColumn, from: string): string {
  const col = `"${code.column}"`;
  const list = DEPARTEMENTS.map((d) => `'${d}'`).join(", ");
  return `SELECT count(*) FILTER (WHERE ${normalisedSql(code, col)} <> ${col}) AS normalised,
                 count(*) FILTER (WHERE NOT (${departementOfCodeSql(code, col)} IN (${list}))) AS unknown
          FROM ${from} WHERE ${col} IS NOT NULL AND TRIM(${col}) <> ''`;
}
