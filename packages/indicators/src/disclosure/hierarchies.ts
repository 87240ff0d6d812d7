// Additive hierarchies between cells: a cell is identified by its figure and the values of
// its dimensions; a hierarchy says which cell is the total a cell adds up into (the
// département into its région, a category into "ensemble", a month into its year).
// From the set of published cells they give the constraints of secondary suppression.

import {NATIONAL_CODE, isRegion, regionOfDepartement} from "../territories.ts";
import {messages} from "../messages.ts";
import type {CellKey, ComplementCost, Constraint, CostOf} from "./secondary.ts";

export type DimValue = string | number | boolean | null;
export type Dims = Readonly<Record<string, DimValue>>;

export interface Cell {
  readonly figure: string;
  readonly dims: Dims;
}

export interface Hierarchy {
  readonly name: string;
  /** Figures that add up along this hierarchy (default: every figure). */
  readonly figures?: readonly string[];
  /** The dimensions to change to reach the total this cell is a part of; undefined at the top. */
  parent(dims: Dims): Dims | undefined;
  /**
   * How high the cell sits in this hierarchy, for the cost of masking it (`ComplementCost`):
   * 0 at the finest level. Only hierarchies whose levels are read unequally say (geography:
   * the national figure is the most read); others leave it out.
   */
  tier?(dims: Dims): number;
}

/** A cell's key: its figure and dimensions in name order, so it is the same in every dataset. */
export function cellKey(figure: string, dims: Dims): CellKey {
  const names = Object.keys(dims).sort();
  return JSON.stringify([figure, ...names.map((n) => [n, dims[n]])]);
}

/** The constraints "total = sum of its parts" present among the cells, for every hierarchy. */
export function hierarchyConstraints(cells: Iterable<Cell>, hierarchies: readonly Hierarchy[]): Constraint[] {
  const list = [...cells];
  const keys = new Set(list.map((c) => cellKey(c.figure, c.dims)));
  const constraints: Constraint[] = [];
  for (const hierarchy of hierarchies) {
    const parts = new Map<CellKey, CellKey[]>();
    for (const cell of list) {
      if (hierarchy.figures && !hierarchy.figures.includes(cell.figure)) continue;
      const change = hierarchy.parent(cell.dims);
      if (!change) continue;
      const total = cellKey(cell.figure, {...cell.dims, ...change});
      if (!keys.has(total)) continue; // total not published: nothing to subtract from
      parts.set(total, [...(parts.get(total) ?? []), cellKey(cell.figure, cell.dims)]);
    }
    for (const [total, p] of parts) constraints.push({total, parts: p});
  }
  return constraints;
}

/**
 * Catch-all categories, whose masking says least: « Autre », « Autres sorties », « AUTRE »,
 * « Non renseigné(e) », « Inconnu(e) » (case aside, at the start of the value).
 */
const RESIDUAL = /^(autres?|non renseignée?|inconnue?)(?!\p{L})/iu;

/**
 * The cost of masking each of `cells` (`ComplementCost`), for `protectCells`: its tier is the
 * highest the hierarchies give it (0 when none says), and it is residual when one of its
 * dimension values is a catch-all category (« Autre », « Non renseigné »…). A key not among
 * `cells` costs like a cell of tier 0 that is not residual.
 */
export function complementCosts(cells: Iterable<Cell>, hierarchies: readonly Hierarchy[]): CostOf {
  const costs = new Map<CellKey, ComplementCost>();
  const ranked = hierarchies.filter((h) => h.tier !== undefined);
  for (const cell of cells) {
    const tier = Math.max(0, ...ranked.map((h) => h.tier!(cell.dims)));
    const residual = Object.values(cell.dims).some((v) => typeof v === "string" && RESIDUAL.test(v));
    costs.set(cellKey(cell.figure, cell.dims), {tier, residual});
  }
  const none: ComplementCost = {tier: 0, residual: false};
  return (key) => costs.get(key) ?? none;
}

export interface GeographyOptions {
  /** Column holding the level (`national`, `région`, `département`, `structure`); default `niveau`. */
  readonly level?: string;
  /** Column holding the territory code (`FR`, région, département, structure id); default `territoire`. */
  readonly territory?: string;
  /** Département of a structure, needed as soon as structure rows are published. */
  readonly structureDepartement?: (structure: DimValue) => string | null;
  readonly figures?: readonly string[];
}

/**
 * structure → département → région → national. An unknown code throws rather than leaving
 * the cell out of every constraint, which would let it be recomputed from the totals.
 */
export function geography(options: GeographyOptions = {}): Hierarchy {
  const level = options.level ?? "niveau";
  const territory = options.territory ?? "territoire";
  return {
    name: "géographie",
    figures: options.figures,
    parent(dims) {
      const code = dims[territory];
      switch (dims[level]) {
        case "structure": {
          const departement = options.structureDepartement?.(code ?? null) ?? null;
          if (departement === null) throw new Error(messages.unknownTerritory("structure", code));
          return {[level]: "département", [territory]: departement};
        }
        case "département": {
          const region = typeof code === "string" ? regionOfDepartement(code) : null;
          if (region === null) throw new Error(messages.unknownTerritory("département", code));
          return {[level]: "région", [territory]: region};
        }
        case "région":
          if (typeof code !== "string" || !isRegion(code)) throw new Error(messages.unknownTerritory("région", code));
          return {[level]: "national", [territory]: NATIONAL_CODE};
        default:
          return undefined;
      }
    },
    tier(dims) {
      return GEOGRAPHY_TIERS[String(dims[level])] ?? 0;
    }
  };
}

/** Tiers of the geographic levels: a national cell is masked last. */
const GEOGRAPHY_TIERS: Readonly<Record<string, number>> = {structure: 0, département: 1, région: 2, national: 3};

/** Every value of `column` other than `total` is a part of the `total` row ("ensemble"). */
export function categoryTotal(column: string, total = "ensemble", figures?: readonly string[]): Hierarchy {
  return {
    name: `${column} → ${total}`,
    figures,
    parent(dims) {
      const value = dims[column];
      return value === undefined || value === total ? undefined : {[column]: total};
    }
  };
}

/**
 * Months (`AAAA-MM`) add up into their year (`AAAA`) in the same `column`. Only for flows
 * (hirings, applications, hours): distinct people over a year are not the sum of the months.
 */
export function monthsInYear(column: string, figures?: readonly string[]): Hierarchy {
  return {
    name: `${column} : mois → année`,
    figures,
    parent(dims) {
      const value = dims[column];
      return typeof value === "string" && /^\d{4}-\d{2}$/.test(value) ? {[column]: value.slice(0, 4)} : undefined;
    }
  };
}
