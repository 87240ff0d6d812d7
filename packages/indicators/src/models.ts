// SQL models kept as files (dbt-like layout under packages/indicators/models/<layer>/…), with
// `{{ macro }}` placeholders for the shared building blocks of the indicator definitions, so
// that a model never re-derives a definition: it reuses the very CTEs the published figures use.
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {CANDIDATURES_BASE} from "./definitions/candidatures.ts";
import {etpFactsCtes} from "./definitions/etp.ts";
import {pathYearsCtes} from "./definitions/parcours.ts";
import {employeeCtes, traitRowsSql} from "./definitions/salaries.ts";
import {chainCtes, examinedExitsCtes} from "./definitions/sorties.ts";
import {aspBaseCtes} from "./definitions/structures.ts";

/** Folder of the model files. */
export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../models");

/** Parameters a model may need. */
export interface ModelParams {
  /** Reference date of the data, `AAAA-MM-JJ` (running paths end there). */
  readonly referenceDate: string;
}

const MACROS: Readonly<Record<string, (p: ModelParams) => string>> = {
  asp_base_ctes: () => aspBaseCtes(),
  etp_facts_ctes: () => etpFactsCtes(),
  employee_ctes: () => employeeCtes(),
  trait_rows_cell_people: () => traitRowsSql("cell_people"),
  chain_ctes: () => chainCtes(),
  examined_exits_ctes: () => examinedExitsCtes(),
  path_years_ctes: (p) => pathYearsCtes(p.referenceDate),
  candidatures_base: () => CANDIDATURES_BASE
};

/**
 * The SQL of model `path` (relative to the models folder, without `.sql`, e.g.
 * `marts/structure/structure_etp`), its macros expanded. Runs on DuckDB and PostgreSQL.
 * Throws (French message naming the file and the macro) on an unknown macro.
 */
export function modelSql(path: string, params: ModelParams): string {
  const file = join(MODELS_DIR, `${path}.sql`);
  const text = readFileSync(file, "utf8");
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const macro = MACROS[name];
    if (!macro) throw new Error(`${file} : macro inconnue « ${name} » (connues : ${Object.keys(MACROS).join(", ")})`);
    return macro(params);
  });
}

/** The structure-grain marts (private: they feed the reports, never the public site). */
export const STRUCTURE_MARTS = [
  "structure_identite",
  "structure_annexes",
  "structure_etp",
  "structure_salaries",
  "structure_embauches",
  "structure_sorties",
  "structure_parcours",
  "structure_candidatures",
  "structure_motifs_refus",
  "structure_pass"
] as const;
export type StructureMart = (typeof STRUCTURE_MARTS)[number];

/** SQL of a structure-grain mart. */
export const structureMartSql = (name: StructureMart, params: ModelParams): string =>
  modelSql(`marts/structure/${name}`, params);
