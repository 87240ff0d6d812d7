// What the fluxIAE datasets (etp, structures, sorties, parcours, salaries) share: the
// dimension columns every page and the per-territory archive rely on (niveau, territoire,
// territoire_libelle, periode, type_structure), the territory names, the hierarchy of a
// category that splits a total, and shares of a total decided after disclosure control.
import {
  applyDisclosure,
  cellKey,
  hierarchyConstraints,
  DEPARTEMENT_NAMES,
  NATIONAL_CODE,
  REGIONS,
  TYPE_STRUCTURE_VALUES,
  secretColumnName,
  type DatasetSpec,
  type DimensionColumn,
  type Hierarchy,
  type Row,
  type Value
} from "@pilotage/indicators";
import {masksOff} from "./unmasked.ts";

export const LEVEL_VALUES = ["national", "région", "département"] as const;

/** niveau, territoire, territoire_libelle, periode, type_structure, in this order. */
export function aspDimensions(periodDefinition: string): DimensionColumn[] {
  return [
    {
      name: "niveau",
      role: "dimension",
      type: "dictionary",
      values: LEVEL_VALUES,
      label: "Niveau",
      definition: "Niveau géographique : national, région ou département."
    },
    {
      name: "territoire",
      role: "dimension",
      type: "dictionary",
      label: "Territoire",
      definition:
        "Code du territoire : FR pour la France entière, code INSEE de la région ou du département " +
        "(département de l'annexe financière, à défaut de la commune de la structure)."
    },
    {
      name: "territoire_libelle",
      role: "dimension",
      type: "dictionary",
      describes: "territoire",
      label: "Nom du territoire",
      definition: "Nom de la France entière, de la région ou du département."
    },
    {name: "periode", role: "dimension", type: "dictionary", label: "Période", definition: periodDefinition},
    {
      name: "type_structure",
      role: "dimension",
      type: "dictionary",
      values: TYPE_STRUCTURE_VALUES,
      label: "Type de structure",
      definition:
        "Type de SIAE, déduit du code de mesure (ACI_DC et ACI_MP : ACI ; EI_DC et EI_MP : EI ; AI_DC : AI ; " +
        "ETTI_DC : ETTI ; EITI_DC : EITI) ; « ensemble » réunit les cinq types, chaque structure ou personne y " +
        "étant comptée une fois.",
      sources: ["AnnexeFinanciere.af_mesure_dispositif_code", "ContratMission.contrat_mesure_disp_code"]
    }
  ];
}

const REGION_NAMES = new Map(REGIONS.map((r) => [r.code, r.name]));

/** Name of a territory of a given level. */
export function territoryName(level: string, code: string): string {
  if (level === "national") return code === NATIONAL_CODE ? "France" : code;
  if (level === "région") return REGION_NAMES.get(code) ?? code;
  return DEPARTEMENT_NAMES[code] ?? code;
}

/** Adds `territoire_libelle` beside `territoire`. */
export function withTerritoryNames<T extends Record<string, Value>>(
  rows: readonly T[]
): (T & {territoire_libelle: string})[] {
  return rows.map((r) => ({...r, territoire_libelle: territoryName(String(r.niveau), String(r.territoire))}));
}

/** The parts of `column` listed add up to its `total` value (a category that splits the whole). */
export function partition(
  column: string,
  total: string,
  parts: readonly string[],
  figures?: readonly string[]
): Hierarchy {
  return {
    name: `${column} : ${parts.join(" + ")} → ${total}`,
    figures,
    parent(dims) {
      const value = dims[column];
      return typeof value === "string" && parts.includes(value) ? {[column]: total} : undefined;
    }
  };
}

/** Key of a row's cell without its category: the row of the total has the same key. */
const cellOf = (row: Row, category: string) =>
  JSON.stringify([row.niveau, row.territoire, row.type_structure, row.periode, category]);

/**
 * Shares of the "ensemble" row of the same cell: `share(row, total)` gives the value from the
 * row and its total row (null if none). Before disclosure control.
 */
export function withShares(
  rows: readonly Row[],
  category: string,
  shares: Readonly<Record<string, (row: Row, total: Row) => number | null>>
): Row[] {
  const totals = new Map(rows.filter((r) => r[category] === "ensemble").map((r) => [cellOf(r, "ensemble"), r]));
  return rows.map((row) => {
    const total = totals.get(cellOf(row, "ensemble"));
    const out: Record<string, Value | undefined> = {...row};
    for (const [name, share] of Object.entries(shares)) out[name] = total ? share(row, total) : null;
    return out;
  });
}

/**
 * After disclosure control: a share is masked when the person count of its total row is
 * masked (with the row's own count published, the share would give the total back).
 */
export function maskSharesOfMaskedTotals(
  rows: readonly Row[],
  category: string,
  count: string,
  shares: readonly string[]
): Row[] {
  const masked = new Set(
    rows
      .filter((r) => r[category] === "ensemble" && r[secretColumnName(count)] === true)
      .map((r) => cellOf(r, "ensemble"))
  );
  return rows.map((row) => {
    if (!masked.has(cellOf(row, "ensemble"))) return row;
    const out: Record<string, Value | undefined> = {...row};
    for (const share of shares) {
      out[share] = null;
      out[secretColumnName(share)] = true;
    }
    return out;
  });
}

export const ratio = (a: Value | undefined, b: Value | undefined): number | null =>
  typeof a === "number" && typeof b === "number" && b !== 0 ? a / b : null;

/**
 * Disclosure control of one dataset (the audit in @pilotage/indicators searches beyond
 * direct neighbours when a masked cell needs protecting, so one call is enough). Inside
 * `withoutMasks` (lib/unmasked.ts, for measuring the masking only): a copy of the rows as given.
 */
export function disclose(spec: DatasetSpec, rows: readonly Row[], hierarchies: readonly Hierarchy[]): Row[] {
  if (masksOff()) return rows.map((row) => ({...row}));
  return applyDisclosure([{spec, rows}], hierarchies).rows[0]!;
}
