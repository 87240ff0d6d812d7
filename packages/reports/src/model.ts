// What a report is, before it is HTML, PDF or a spreadsheet: sections of finding sentences
// and tables. Every form is rendered from this one model, so a figure reads the same in each.

/** How a number is written (French conventions of the site's format module). */
export type CellFormat = "text" | "count" | "etp" | "percent" | "points" | "euros" | "months" | "days" | "hours";

export type CellValue = number | string | null;

export interface Column {
  readonly label: string;
  readonly format: CellFormat;
}

/** A table: one header row, data rows, an optional total row (kept last). */
export interface Table {
  /** Short name, unique in the report (spreadsheet tab names come from it). */
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly total?: readonly CellValue[];
  /**
   * Per data row, the format of its values after the first column, when a table mixes kinds of
   * figures by row (a comparison table: ETP, rates, counts); otherwise each column's own.
   */
  readonly rowFormats?: readonly CellFormat[];
  /** The column whose cell heads each row (`<th scope="row">`): the first, unless said. */
  readonly rowHeader?: number;
}

/** The format of cell `col` of data row `row` (`row` = rows.length for the total row). */
export const cellFormat = (t: Table, row: number, col: number): CellFormat =>
  (col > 0 ? t.rowFormats?.[row] : undefined) ?? t.columns[col]?.format ?? "text";

/** A bar chart drawn from a table: `series` are column indexes, `category` the label column. */
export interface Chart {
  readonly table: string;
  readonly category: number;
  readonly series: readonly number[];
  /** Text alternative: what the chart shows (its finding). */
  readonly alt: string;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** French sentences stating the findings; each number in them is a cell of `tables`. */
  readonly findings: readonly string[];
  readonly tables: readonly Table[];
  readonly chart?: Chart;
  /** Notes on definitions and masked or missing figures. */
  readonly notes?: readonly string[];
}

export type ReportKind = "structure" | "departement" | "region" | "rsa";

export interface Report {
  readonly kind: ReportKind;
  /** File name without extension, unique in the output folder. */
  readonly slug: string;
  readonly title: string;
  /** Who the report is for (printed on every page beside "Diffusion restreinte"). */
  readonly recipient: string;
  /** The territory or structure the report covers. */
  readonly subject: string;
  readonly year: number;
  /** Date the data is as of, `AAAA-MM-JJ`. */
  readonly referenceDate: string;
  readonly sections: readonly Section[];
}

/** Labels of the report kinds (index, manifest, hours saved). */
export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  structure: "Bilan annuel de la structure",
  departement: "Revue départementale de l'IAE",
  region: "Synthèse régionale de l'IAE",
  rsa: "Bilan RSA du conseil départemental"
};

/** The default territory of `pnpm reports`: the sample's test territory (packages/synth scales.ts). */
export const DEFAULT_DEPARTEMENT = "34";
