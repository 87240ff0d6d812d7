// Options shared by every component. The type declarations are the reference documentation.
import type {Table} from "apache-arrow";
import type {EmbedTarget} from "./embed.js";
import {DEFAULT_MASK_REASON} from "./format.js";

/** Reads a field of a row: a key of the row, or a function. */
export type Accessor<T, V> = keyof T | ((row: T, index: number) => V);

export function read<T, V>(row: T, accessor: Accessor<T, V>, index: number): V {
  return typeof accessor === "function" ? accessor(row, index) : (row[accessor] as V);
}

/** What every figure shows around its chart. */
export interface FigureOptions {
  /** Title of the figure, written in a heading (`<h3>` unless `headingLevel` says otherwise). */
  title: string;
  /** Heading level of the title, to fit the page outline. Default 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Population covered, shown in the subtitle: "salariés en insertion (IAE)". */
  population: string;
  /** Period covered, shown in the subtitle and used in the generated finding: "2025". */
  period: string;
  /** An extra sentence for the subtitle (scope, definition). */
  note?: string;
  /** Source of the data, shown in the caption: "ASP, extractions fluxIAE". */
  source: string;
  /** Date of the data: a Date, an ISO date ("2026-03-31", written "31 mars 2026") or free text. */
  dataDate: Date | string;
  /** The main finding in one sentence, the chart's text alternative. Generated when absent. */
  alt?: string;
  /** Width in pixels (pass Framework's `width`). Default 640. */
  width?: number;
  /** Base of the ids inside the figure (must be unique in the page). Default: from the title. */
  id?: string;
  /** Base name of the downloaded files, without extension. Default: from the title. */
  fileName?: string;
  /** The same data as an Arrow file: its URL, or an Arrow table (offered as a download). */
  arrow?: string | Table;
  /**
   * Territory the figure is about, written in a column of its CSV download. Default: the
   * page's territory filter, else "France entière".
   */
  territory?: string;
  /** Unit of the figure's values, written in a column of its CSV download. Default: from the format or the value's label. */
  unit?: string;
  /**
   * "Intégrer": the chart of the light embed page that draws this figure (territory charts),
   * or false for no embed action. Default: the page itself, showing only this figure.
   */
  embed?: EmbedTarget | false;
  /**
   * The level above, named in the sentence that replaces a chart whose every value is
   * masked: {name: "la région Hauts-de-France", href: "../regions/32.html"}. Default: a generic
   * pointer to the région or France entière.
   */
  above?: {name: string; href?: string};
}

/** Fields of a row that may be masked (statistical disclosure control). */
export interface MaskOptions<T> {
  /**
   * Reason why a value is masked (its value is then null): a key or a function.
   * Default: the row's `masked` field. A null value with no reason is masked with
   * the default reason (DEFAULT_MASK_REASON: few people, few structures, or a value that
   * would give them back).
   */
  masked?: Accessor<T, string | null | undefined>;
}

export const DEFAULT_WIDTH = 640;

/** The reason a value is masked, or null when it is a real value. */
export function maskReason(value: number | null | undefined, reason: string | null | undefined): string | null {
  if (reason) return reason;
  return value == null || Number.isNaN(value) ? DEFAULT_MASK_REASON : null;
}

/** Turns a row value into a number or null (Arrow gives bigint for 64-bit integers). */
export function toNumber(value: unknown): number | null {
  if (value == null) return null;
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : null;
}
