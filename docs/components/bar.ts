// Horizontal bar chart with direct labels: one bar per category, its value written at its end.
import {max} from "d3-array";
import {scaleLinear} from "./scales.js";
import type {Column} from "./data-table.js";
import {categoryLayout, categoryName} from "./category-labels.js";
import {round, svgEl, figureId} from "./dom.js";
import {buildFigure, createSvg, hatchFill, hatchPattern, legendList, maskLegend} from "./figure.js";
import {MASKED_LABEL, formatPercent, formatValue, formatter, type ValueFormat} from "./format.js";
import {
  DEFAULT_WIDTH,
  maskReason,
  read,
  toNumber,
  type Accessor,
  type FigureOptions,
  type MaskOptions
} from "./options.js";
import {categoricalFill} from "./palette.js";

export interface BarChartOptions<T> extends FigureOptions, MaskOptions<T> {
  /** One row per bar. */
  data: T[];
  /** Label of the category (left of the bar): a key or a function. */
  y: Accessor<T, string>;
  /** Value (length of the bar); null when masked. */
  x: Accessor<T, number | null | undefined>;
  /** How values are written. Default "nombre". */
  format?: ValueFormat;
  /** Header of the category column of the table. Default "Catégorie". */
  yLabel?: string;
  /** Header of the value column of the table. Default "Valeur". */
  xLabel?: string;
  /** Sort bars from the largest down (masked last). Default false: the order of `data`. */
  sort?: boolean;
  /** Say in the finding what share of the total the first category is. Default: true for counts and euros. */
  share?: boolean;
}

export interface BarRow {
  label: string;
  value: number | null;
  reason: string | null;
}

/** Rows as drawn, in drawing order. */
export function barRows<T>(o: Pick<BarChartOptions<T>, "data" | "x" | "y" | "masked" | "sort">): BarRow[] {
  const rows = o.data.map((d, i) => {
    const value = toNumber(read(d, o.x, i));
    const reason = maskReason(value, o.masked ? read(d, o.masked, i) : (d as {masked?: string}).masked);
    return {label: String(read(d, o.y, i)), value: reason ? null : value, reason};
  });
  if (o.sort) rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  return rows;
}

export function barFinding(rows: BarRow[], period: string, format: ValueFormat, share: boolean): string {
  const shown = rows.filter((r) => r.value != null);
  const top = shown.reduce<BarRow | null>((a, r) => (a && a.value! >= r.value! ? a : r), null);
  if (!top) return `Sur la période ${period}, toutes les valeurs sont masquées (secret statistique).`;
  const masked = rows.length > shown.length;
  const total = shown.reduce((s, r) => s + r.value!, 0);
  const part = share && !masked && total > 0 ? `, soit ${formatPercent(top.value! / total)} du total` : "";
  const note = masked ? " Certaines valeurs sont masquées (secret statistique)." : "";
  return `Sur la période ${period}, « ${top.label} » arrive en tête avec ${formatValue(top.value, format)}${part}.${note}`;
}

export function valueColumns(yLabel: string, xLabel: string, format: ValueFormat, masked: boolean): Column<BarRow>[] {
  const columns: Column<BarRow>[] = [
    {label: yLabel, value: (r) => r.label},
    {label: xLabel, value: (r) => r.value, text: (r) => formatValue(r.value, format), numeric: true}
  ];
  if (masked) columns.push({label: "Note", value: (r) => r.reason, text: (r) => r.reason ?? ""});
  return columns;
}

const BAR = 22;
const GAP = 8;
const MASK_WIDTH = 28;

export function barChart<T>(o: BarChartOptions<T>): HTMLElement {
  const id = figureId(o.title, o.id);
  const format = o.format ?? "nombre";
  const fmt = formatter(format);
  const width = o.width ?? DEFAULT_WIDTH;
  const rows = barRows(o);

  // Room for the category names (beside the bars, or above them when narrow) and for the
  // value label on the right.
  const layout = categoryLayout(
    rows.map((r) => r.label),
    width,
    0.4
  );
  const left = layout.left;
  const right = 110;
  const step = BAR + GAP + layout.extra;
  const height = rows.length * step + GAP;
  const x = scaleLinear()
    .domain([0, max(rows, (r) => r.value) ?? 1])
    .nice()
    .range([left, Math.max(left + 10, width - right)]);

  const svg = createSvg(width, height);
  svg.append(hatchPattern(id));
  rows.forEach((r, i) => {
    const y = GAP + layout.extra + i * step;
    const g = svgEl("g", {transform: `translate(0,${y})`, class: r.reason ? "pi-barre pi-masque" : "pi-barre"});
    g.append(categoryName(r.label, layout, BAR));
    // A masked value has no length: a short hatched box, clearly not a bar, and the words.
    const end = r.value == null ? left + MASK_WIDTH : x(r.value);
    const fill = r.value == null ? hatchFill(id) : categoricalFill(0);
    const bar = svgEl("rect", {
      x: left,
      y: 0,
      width: round(Math.max(0, end - left)),
      height: BAR,
      style: `fill: ${fill}`
    });
    if (r.value == null) bar.setAttribute("stroke", `var(--pi-masque-trait, #707780)`);
    g.append(bar);
    const label = svgEl("text", {x: round(end + 6), y: BAR / 2, dy: "0.35em"});
    label.textContent = r.value == null ? MASKED_LABEL : fmt(r.value);
    g.append(label);
    svg.append(g);
  });
  svg.append(svgEl("line", {x1: left, x2: left, y1: 0, y2: height, style: "stroke: currentColor"}));

  const anyMasked = rows.some((r) => r.reason);
  const share = o.share ?? (format === "nombre" || format === "euros");
  return buildFigure(o, id, {
    kind: "barres",
    chart: svg,
    legend: legendList(
      maskLegend(
        id,
        rows.map((r) => r.reason)
      )
    ),
    finding: barFinding(rows, o.period, format, share),
    columns: valueColumns(o.yLabel ?? "Catégorie", o.xLabel ?? "Valeur", format, anyMasked),
    rows
  });
}
