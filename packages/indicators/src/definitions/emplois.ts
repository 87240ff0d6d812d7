// What the indicators of "les emplois de l'inclusion" share: the structure kinds they are
// published by, the three geographic levels crossed with those kinds, periods and labels.
//
// Structure kinds: "ensemble" is the five kinds of the IAE (SIAE), as in every dataset of
// the site; the platform's other employers (EA, EATT, GEIQ, OPCS) are grouped in
// "autres", published beside the SIAE but not part of "ensemble".
import {DEPARTEMENT_NAMES, NATIONAL_CODE, REGIONS} from "../territories.ts";
import type {Hierarchy} from "../disclosure/hierarchies.ts";
import type {DimensionColumn, FigureColumn, Unit} from "../dataset.ts";
import {groupByLevels, levelColumns} from "./geography.ts";

export const IAE_KINDS = ["ACI", "AI", "EI", "ETTI", "EITI"] as const;
export const STRUCTURE_KINDS = ["ensemble", ...IAE_KINDS, "autres"] as const;

/** The published kind of a structure type of the platform (SQL expression). */
export function kindSql(type: string): string {
  return `CASE WHEN ${type} IN (${IAE_KINDS.map((k) => `'${k}'`).join(", ")}) THEN ${type} ELSE 'autres' END`;
}

/**
 * `select` aggregated over `source` (a CTE with columns region, departement, type_structure
 * and the `groups`) at the three levels, for each kind and for "ensemble" (SIAE only).
 * Output columns: niveau, territoire, type_structure, the groups, then `select`.
 */
export function byLevelsAndKinds(
  select: string,
  source: string,
  groups: readonly string[] = [],
  where = "TRUE"
): string {
  const rest = groups.length ? `, ${groups.join(", ")}` : "";
  const part = (kind: string, filter: string, by: readonly string[]) => `
    SELECT ${levelColumns("region", "departement")}, ${kind} AS type_structure${rest}, ${select}
    FROM ${source} WHERE (${where})${filter}
    ${groupByLevels("region", "departement", by)}`;
  return `${part("type_structure", "", ["type_structure", ...groups])}
    UNION ALL ${part("'ensemble'", " AND type_structure <> 'autres'", groups)}`;
}

/** The kinds add up into "ensemble"; "autres" stands apart (it is not IAE). */
export function structureKinds(figures?: readonly string[]): Hierarchy {
  return {
    name: "type_structure → ensemble (SIAE)",
    figures,
    parent: (dims) =>
      (IAE_KINDS as readonly unknown[]).includes(dims.type_structure) ? {type_structure: "ensemble"} : undefined
  };
}

/** `periode` of a row: "AAAA" for a year (mois 0), "AAAA-MM" for a month. */
export function periode(annee: number, mois: number): string {
  return mois === 0 ? String(annee) : `${annee}-${String(mois).padStart(2, "0")}`;
}

/** Name of a territory, as `territoire_libelle` holds it. */
export function territoryLabel(niveau: string, code: string): string {
  if (niveau === "national") return code === NATIONAL_CODE ? "France" : code;
  if (niveau === "région") return REGIONS.find((r) => r.code === code)?.name ?? code;
  return DEPARTEMENT_NAMES[code] ?? code;
}

/**
 * Year (mois = 0) and month rows of a dated source: every row twice, so one GROUP BY gives
 * both periods. `date` is the column the period is taken from.
 */
export function yearsAndMonths(source: string, date: string): string {
  return `
    SELECT s.*, CAST(EXTRACT(YEAR FROM ${date}) AS INTEGER) AS annee, 0 AS mois FROM ${source} s
    UNION ALL
    SELECT s.*, CAST(EXTRACT(YEAR FROM ${date}) AS INTEGER) AS annee,
           CAST(EXTRACT(MONTH FROM ${date}) AS INTEGER) AS mois FROM ${source} s`;
}

/** The dimension columns every dataset of this family starts with. */
export function territoryColumns(): DimensionColumn[] {
  return [
    {
      name: "niveau",
      role: "dimension",
      type: "dictionary",
      values: ["national", "région", "département"],
      label: "Niveau",
      definition: "Niveau géographique de la ligne : national, région ou département."
    },
    {
      name: "territoire",
      role: "dimension",
      type: "dictionary",
      label: "Territoire",
      definition: "Code du territoire : FR (France entière), code INSEE de la région ou du département."
    },
    {
      name: "territoire_libelle",
      role: "dimension",
      type: "dictionary",
      describes: "territoire",
      label: "Nom du territoire",
      definition: "Nom du territoire."
    }
  ];
}

export function periodeColumn(definition: string): DimensionColumn {
  return {
    name: "periode",
    role: "dimension",
    type: "dictionary",
    label: "Période",
    definition: `Année (AAAA) ou mois (AAAA-MM). ${definition}`
  };
}

export function kindColumn(source: string): DimensionColumn {
  return {
    name: "type_structure",
    role: "dimension",
    type: "dictionary",
    values: STRUCTURE_KINDS,
    label: "Type de structure",
    definition:
      "ensemble : les cinq types de SIAE (ACI, AI, EI, ETTI, EITI) ; autres : employeurs inclusifs hors IAE " +
      "(EA, EATT, GEIQ, OPCS), publiés à part et non compris dans ensemble.",
    sources: [source]
  };
}

/**
 * A count of people (or of applications: one application concerns one person), each in one
 * part of a total only (applications and PASS IAE belong to one structure): totals are sums.
 */
export function peopleCount(
  name: string,
  label: string,
  definition: string,
  sources: readonly string[],
  unit: Unit = "personnes"
): FigureColumn {
  return {name, role: "figure", type: "int32", unit, counts: "people", aggregation: "sum", label, definition, sources};
}
