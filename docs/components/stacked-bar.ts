// Horizontal stacked bars: one bar per category, one segment per series (e.g. structure type).
// Segments wide enough carry their series name and value in white (≥ 4.5:1 on every palette
// colour); the legend names every series in stacking order; the table gives every value.
import {max} from "d3-array";
import {scaleLinear} from "./scales.js";
import type {Column} from "./data-table.js";
import {categoryLayout, categoryName} from "./category-labels.js";
import {figureId, round, svgEl} from "./dom.js";
import {buildFigure, createSvg, hatchFill, hatchPattern, legendItem, legendList, maskLegend} from "./figure.js";
import {formatPercent, formatValue, formatter, type ValueFormat} from "./format.js";
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

export interface StackedBarChartOptions<T> extends FigureOptions, MaskOptions<T> {
  /** One row per segment (category × series), in long format. */
  data: T[];
  /** Category (one bar each). */
  y: Accessor<T, string>;
  /** Series (one segment each, one colour each). */
  series: Accessor<T, string>;
  /** Value of the segment; null when masked. */
  x: Accessor<T, number | null | undefined>;
  /** Draw shares of each bar (100 %) instead of values. Default false. */
  normalize?: boolean;
  /** How values are written. Default "nombre". */
  format?: ValueFormat;
  /** Table headers. Defaults "Catégorie", "Série", "Valeur". */
  yLabel?: string;
  seriesLabel?: string;
  xLabel?: string;
}

export interface StackedRow {
  category: string;
  series: string;
  value: number | null;
  /** Share of the category's total of PUBLISHED values (null when masked). */
  share: number | null;
  reason: string | null;
}

export function stackedRows<T>(o: StackedBarChartOptions<T>): StackedRow[] {
  const rows = o.data.map((d, i) => {
    const value = toNumber(read(d, o.x, i));
    const reason = maskReason(value, o.masked ? read(d, o.masked, i) : (d as {masked?: string}).masked);
    return {
      category: String(read(d, o.y, i)),
      series: String(read(d, o.series, i)),
      value: reason ? null : value,
      share: null as number | null,
      reason
    };
  });
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.category, (totals.get(r.category) ?? 0) + (r.value ?? 0));
  for (const r of rows) if (r.value != null && totals.get(r.category)) r.share = r.value / totals.get(r.category)!;
  return rows;
}

const BAR = 26;
const GAP = 12;
const MASK_WIDTH = 18;

export function stackedBarChart<T>(o: StackedBarChartOptions<T>): HTMLElement {
  const id = figureId(o.title, o.id);
  const format = o.format ?? "nombre";
  const fmt = formatter(format);
  const width = o.width ?? DEFAULT_WIDTH;
  const rows = stackedRows(o);
  const categories = [...new Set(rows.map((r) => r.category))];
  const seriesNames = [...new Set(rows.map((r) => r.series))];
  const colour = (s: string) => categoricalFill(seriesNames.indexOf(s));
  const size = (r: StackedRow) => (o.normalize ? r.share : r.value) ?? 0;

  const layout = categoryLayout(categories, width, 0.35);
  const left = layout.left;
  const totalOf = (c: string) => rows.filter((r) => r.category === c).reduce((s, r) => s + size(r), 0);
  const maskedIn = (c: string) => rows.filter((r) => r.category === c && r.reason).length;
  const x = scaleLinear()
    .domain([0, o.normalize ? 1 : (max(categories, totalOf) ?? 1)])
    .range([left, width - 10 - MASK_WIDTH * Math.max(0, ...categories.map(maskedIn))]);
  const step = BAR + GAP + layout.extra;
  const height = categories.length * step + GAP;

  const svg = createSvg(width, height);
  svg.append(hatchPattern(id));
  categories.forEach((c, i) => {
    const y = GAP + layout.extra + i * step;
    const g = svgEl("g", {transform: `translate(0,${y})`});
    g.append(categoryName(c, layout, BAR));
    let at = left;
    // Published segments first, then masked ones as fixed-size hatched boxes (their size is unknown).
    const segs = rows.filter((r) => r.category === c);
    for (const r of [...segs.filter((s) => !s.reason), ...segs.filter((s) => s.reason)]) {
      const w = r.reason ? MASK_WIDTH : x(size(r)) - left;
      g.append(
        svgEl("rect", {
          x: round(at),
          y: 0,
          width: round(w),
          height: BAR,
          class: r.reason ? "pi-masque" : undefined,
          style: `fill: ${r.reason ? hatchFill(id) : colour(r.series)}; stroke: var(--pi-fond, #ffffff)`
        })
      );
      const text = r.reason ? "" : `${r.series} ${o.normalize ? formatPercent(r.share ?? 0, 0) : fmt(r.value!)}`;
      if (text && text.length * 6.5 + 8 < w) {
        const t = svgEl("text", {x: round(at + 4), y: BAR / 2, dy: "0.35em", fill: "#ffffff"});
        t.textContent = text;
        g.append(t);
      }
      at += w;
    }
    svg.append(g);
  });

  const anyMasked = rows.some((r) => r.reason);
  const columns: Column<StackedRow>[] = [
    {label: o.yLabel ?? "Catégorie", value: (r) => r.category},
    {label: o.seriesLabel ?? "Série", value: (r) => r.series},
    {label: o.xLabel ?? "Valeur", value: (r) => r.value, text: (r) => formatValue(r.value, format), numeric: true},
    {
      label: "Part",
      value: (r) => (r.share == null ? null : Math.round(r.share * 10000) / 10000),
      text: (r) => (r.share == null ? "" : formatPercent(r.share)),
      numeric: true
    }
  ];
  if (anyMasked) columns.push({label: "Note", value: (r) => r.reason, text: (r) => r.reason ?? ""});

  const legend = legendList([
    ...seriesNames.map((s) => legendItem(colour(s), s)),
    ...maskLegend(
      id,
      rows.map((r) => r.reason)
    )
  ]);
  return buildFigure(o, id, {
    kind: "barres-empilees",
    chart: svg,
    legend,
    finding: stackedFinding(rows, categories, o.period),
    columns,
    rows
  });
}

export function stackedFinding(rows: StackedRow[], categories: string[], period: string): string {
  const first = categories[0];
  const top = rows
    .filter((r) => r.category === first && r.share != null)
    .reduce<StackedRow | null>((a, r) => (a && a.share! >= r.share! ? a : r), null);
  if (!first || !top) return `Sur la période ${period}, les valeurs sont masquées (secret statistique).`;
  const note = rows.some((r) => r.reason) ? " Certaines valeurs sont masquées (secret statistique)." : "";
  return `Sur la période ${period}, pour « ${first} », « ${top.series} » représente la plus grande part (${formatPercent(top.share!)}).${note}`;
}
