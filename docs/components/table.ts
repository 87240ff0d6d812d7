// A table as a figure of its own: same title, subtitle, caption and downloads as the charts.
import type {Column} from "./data-table.js";
import {el, figureId} from "./dom.js";
import {buildFigure} from "./figure.js";
import {formatValue, type ValueFormat} from "./format.js";
import {read, toNumber, type Accessor, type FigureOptions, type MaskOptions} from "./options.js";

export interface TableColumnOptions<T> {
  /** Column header. */
  label: string;
  /** The cell's value: a key or a function. */
  value: Accessor<T, unknown>;
  /** "texte" (default) or a number format; a null number shows "secret statistique". */
  format?: "texte" | ValueFormat;
}

export interface TableOptions<T> extends FigureOptions, MaskOptions<T> {
  /** The rows, shown in this order. */
  data: T[];
  /** The columns; the first one heads each row (`<th scope="row">`). */
  columns: TableColumnOptions<T>[];
}

export function dataTable<T>(o: TableOptions<T>): HTMLElement {
  const id = figureId(o.title, o.id);
  const indexed = o.data.map((row, i) => ({row, i}));
  type Indexed = (typeof indexed)[number];
  const columns: Column<Indexed>[] = o.columns.map((c) => {
    const format = c.format ?? "texte";
    if (format === "texte") {
      return {label: c.label, value: ({row, i}) => String(read(row, c.value, i) ?? "")};
    }
    const num = ({row, i}: Indexed) => toNumber(read(row, c.value, i));
    return {label: c.label, value: num, text: (r) => formatValue(num(r), format), numeric: true};
  });
  const reasonOf = ({row, i}: Indexed) =>
    (o.masked ? read(row, o.masked, i) : (row as {masked?: string | null}).masked) ?? null;
  const reasons = [...new Set(indexed.map(reasonOf).filter((r): r is string => !!r))];
  if (reasons.length) columns.push({label: "Note", value: reasonOf, text: (r) => reasonOf(r) ?? ""});

  return buildFigure(o, id, {
    kind: "tableau",
    finding: "",
    columns,
    rows: indexed,
    openTable: true,
    legend: reasons.length ? el("p", {class: "pi-note"}, [`Valeurs masquées : ${reasons.join(" ; ")}.`]) : null
  });
}
