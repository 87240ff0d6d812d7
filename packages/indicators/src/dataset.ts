// Declaration of a published dataset. The types are the documentation: every column says
// what it is, in which unit, from which source fields, and whether it counts people (which
// is what disclosure control needs to know). The Arrow writer, disclosure control and the
// data dictionary all read this one declaration, so they cannot drift apart.

import {ALL_TABLES} from "@pilotage/sources";
import {messages, secretColumnDefinition, secretColumnLabel} from "./messages.ts";

import type {Counts, Level, Period, RelationKind, Unit} from "./vocabulary.ts";

export {LEVELS, PERIODS, type Counts, type Level, type Period, type RelationKind, type Unit} from "./vocabulary.ts";

/**
 * Arrow type of a column: "dictionary" = dictionary-encoded UTF-8 (codes, labels),
 * "date" = Date32 in days, "int32" = counts, "float64" = rates, ETP, amounts.
 */
export type ColumnType = "dictionary" | "date" | "int32" | "float64" | "bool";

interface ColumnBase {
  readonly name: string;
  /** Short French label, as a chart axis or table header shows it. */
  readonly label: string;
  /** French definition: what the value is and how it is computed. */
  readonly definition: string;
  /** Source fields as `View.field` (fluxIAE view or emplois table), e.g. `EtatMensuelIndiv.emi_nb_heures_travail`. */
  readonly sources?: readonly string[];
  /** Whether null is allowed. Default: false for dimensions, true for figures (masked cells are null). */
  readonly nullable?: boolean;
}

/** A column that says which cell a row is: level, territory, period, category. */
export interface DimensionColumn extends ColumnBase {
  readonly role: "dimension";
  readonly type: "dictionary" | "date" | "int32";
  /** Closed list of accepted codes; also the sort order of the column. */
  readonly values?: readonly string[];
  /**
   * Set on a label that only spells out the code of another dimension (a territory name
   * beside its code): it is then not part of a cell's identity for disclosure control.
   */
  readonly describes?: string;
}

/** A column holding a published number. */
export interface FigureColumn extends ColumnBase {
  readonly role: "figure";
  readonly type: "int32" | "float64" | "bool";
  readonly unit: Unit;
  readonly counts: Counts;
  /**
   * Required for a people count (`counts: "people"`): how a total relates to its parts along
   * the dataset's hierarchies (territories, kinds, categories, months), which the interval
   * audit of the secret needs (disclosure/interval-audit.ts). "sum": the total is the sum of
   * its parts (applications, PASS IAE, exits: each in one part only); "distinct": distinct
   * people, one of whom may sit in several parts (an employee of two départements counts once
   * nationally), so each part ≤ total ≤ sum of the parts.
   */
  readonly aggregation?: RelationKind;
  /** For a rate or a mean: the people-count column of the numerator (same dataset). */
  readonly numerator?: string;
  /** For a rate or a mean: the people-count column of the denominator (same dataset). */
  readonly denominator?: string;
  /**
   * A magnitude over people (hours, ETP réalisés) that another dataset publishes beside its
   * people count: masked here wherever `dataset` masks `figure` for the same territory, kind
   * and year (a month with its year), so that no file gives back what another masks. The
   * loader sets the `_secret` flags from that dataset's rows before disclosure control.
   */
  readonly maskedWith?: {readonly dataset: string; readonly figure: string};
  /**
   * A magnitude summed over structures (ETP, hours, aid): masked under the business secret
   * where fewer than 3 structures, or one holding more than 85 %, make it up (threshold.ts),
   * and where that would be given back. The loader sets the `_secret` flags.
   */
  readonly businessSecret?: boolean;
  /**
   * Published precision of a "float64" figure (required there, nowhere else): the number of
   * decimals it is rounded to before writing (see precision.ts), in the unit of the column
   * (a "%" rate is a proportion: 4 decimals = a hundredth of a percentage point). Rounding
   * keeps the order in which floating-point sums were taken from showing in the files.
   */
  readonly decimals?: number;
}

export type Column = DimensionColumn | FigureColumn;

/** The flag published beside every figure that may be masked (`<figure>_secret`). */
export interface SecretColumn {
  readonly role: "secret";
  readonly name: string;
  readonly type: "bool";
  readonly label: string;
  readonly definition: string;
  readonly nullable: false;
  /** The figure this flag is about. */
  readonly of: string;
}

export type PublishedColumn = Column | SecretColumn;

export interface DatasetSpec {
  /** File name without extension, kebab-case: `etp-realises`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly levels: readonly Level[];
  readonly periods: readonly Period[];
  /** Date the data is as of (`AAAA-MM-JJ`): the extract date or the end of the period covered. */
  readonly referenceDate: string;
  readonly columns: readonly Column[];
  /** Row order of the file (good for compression and reading); default: the dimensions, as declared. */
  readonly sortBy?: readonly string[];
}

/** A value of a row given to the writer or to disclosure control (dates as `AAAA-MM-JJ` or Date). */
export type Value = string | number | boolean | Date | null;
export type Row = Readonly<Record<string, Value | undefined>>;

export const SECRET_SUFFIX = "_secret";

/** Most decimals a figure may declare: beyond, float64 noise of long sums would show again. */
export const MAX_DECIMALS = 6;

export const secretColumnName = (figure: string) => `${figure}${SECRET_SUFFIX}`;

/**
 * Whether a figure falls under the statistical secret: it counts people, is a ratio over people,
 * follows another dataset's masks, or is a magnitude under the business secret.
 */
export function isSecretFigure(column: Column): column is FigureColumn {
  return (
    column.role === "figure" &&
    (column.counts === "people" ||
      !!column.numerator ||
      !!column.denominator ||
      !!column.maskedWith ||
      !!column.businessSecret)
  );
}

export const isPeopleCount = (column: Column): boolean => column.role === "figure" && column.counts === "people";

/** Declared columns plus a `<figure>_secret` flag right after each figure under the secret. */
export function publishedColumns(spec: DatasetSpec): PublishedColumn[] {
  return spec.columns.flatMap((column): PublishedColumn[] => {
    if (!isSecretFigure(column)) return [column];
    const flag: SecretColumn = {
      role: "secret",
      name: secretColumnName(column.name),
      type: "bool",
      label: secretColumnLabel(column.label),
      definition: secretColumnDefinition(column.name),
      nullable: false,
      of: column.name
    };
    return [column, flag];
  });
}

export function isNullable(column: PublishedColumn): boolean {
  return column.nullable ?? column.role === "figure";
}

export const sortKeys = (spec: DatasetSpec): readonly string[] =>
  spec.sortBy ?? spec.columns.filter((c) => c.role === "dimension").map((c) => c.name);

export const dimensions = (spec: DatasetSpec): DimensionColumn[] =>
  spec.columns.filter((c): c is DimensionColumn => c.role === "dimension");

/** The dimensions that identify a cell (labels that only describe another code left out). */
export const identifyingDimensions = (spec: DatasetSpec): DimensionColumn[] =>
  dimensions(spec).filter((c) => c.describes === undefined);

/** Throws a French error naming the dataset and the first problem of its declaration. */
export function checkSpec(spec: DatasetSpec): void {
  const fail = (problem: string): never => {
    throw new Error(messages.invalidSpec(spec.name, problem));
  };
  const byName = new Map<string, Column>();
  for (const column of spec.columns) {
    if (byName.has(column.name)) fail(messages.duplicateColumn(column.name));
    byName.set(column.name, column);
  }
  for (const column of spec.columns) {
    if (column.name.endsWith(SECRET_SUFFIX) && byName.has(column.name.slice(0, -SECRET_SUFFIX.length))) {
      fail(messages.reservedSecretName(column.name));
    }
    if (column.role === "dimension" && column.values && column.type !== "dictionary") {
      fail(messages.valuesNotDictionary(column.name));
    }
    if (column.role === "dimension" && column.describes !== undefined) {
      if (byName.get(column.describes)?.role !== "dimension")
        fail(messages.badDescribes(column.name, column.describes));
    }
    if (column.role === "figure") {
      if (column.counts === "people" && column.type === "bool") fail(messages.peopleNotNumeric(column.name));
      if (column.counts === "people" && column.aggregation === undefined)
        fail(messages.missingAggregation(column.name));
      if (column.type === "float64") {
        if (column.decimals === undefined) fail(messages.missingDecimals(column.name));
        else if (!Number.isInteger(column.decimals) || column.decimals < 0 || column.decimals > MAX_DECIMALS)
          fail(messages.badDecimals(column.name, column.decimals));
      } else if (column.decimals !== undefined) fail(messages.decimalsNotFloat(column.name));
      for (const ref of [column.numerator, column.denominator]) {
        if (ref === undefined) continue;
        const target = byName.get(ref);
        if (!target) fail(messages.unknownRatioColumn(column.name, ref));
        else if (!isPeopleCount(target)) fail(messages.ratioNotPeople(column.name, ref));
      }
    }
    for (const source of column.sources ?? []) {
      if (!isKnownSource(source)) fail(messages.badSource(column.name, source));
    }
  }
  for (const key of sortKeys(spec)) if (!byName.has(key)) fail(messages.unknownSortColumn(key));
  if (!isIsoDate(spec.referenceDate)) fail(messages.badReferenceDate(spec.referenceDate));
}

// A source is `View.field` where View is a fluxIAE view or emplois table (or its staged
// name) and field one of its staged columns: a renamed source field breaks the build here.
function isKnownSource(source: string): boolean {
  const dot = source.indexOf(".");
  if (dot < 1) return false;
  const view = source.slice(0, dot);
  const field = source.slice(dot + 1);
  return ALL_TABLES.some((t) => (t.source === view || t.table === view) && t.columns.some((c) => c.name === field));
}

/** A real calendar date written `AAAA-MM-JJ`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
