// Monthly time series, one line per series, each named at its end (no legend lookup needed).
// A masked month breaks the line and is shown as a hatched band across the plot.
import {extent, group, max} from "d3-array";
import {scaleLinear, scaleUtc} from "./scales.js";
import {utcMonth, utcYear} from "d3-time";
import {utcFormat} from "d3-time-format";
import type {Column} from "./data-table.js";
import {figureId, round, svgEl} from "./dom.js";
import {buildFigure, createSvg, hatchFill, hatchPattern, legendItem, legendList} from "./figure.js";
import {
  formatChange,
  formatMonth,
  formatMonthShort,
  formatPeriodRange,
  formatValue,
  formatter,
  toDate,
  type ValueFormat
} from "./format.js";
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
import {relativeChange} from "./change.js";

export interface LineChartOptions<T> extends FigureOptions, MaskOptions<T> {
  /** One row per month (and per series). */
  data: T[];
  /** Month: a Date, a timestamp or an ISO string "2025-01" (read in UTC). */
  x: Accessor<T, Date | number | string>;
  /** Value; null when masked. */
  y: Accessor<T, number | null | undefined>;
  /** Series name, for several lines. Default: a single series named after `yLabel`. */
  series?: Accessor<T, string>;
  /** How values are written. Default "nombre". */
  format?: ValueFormat;
  /** Table headers. Defaults "Mois", "Série", "Valeur". */
  xLabel?: string;
  seriesLabel?: string;
  yLabel?: string;
  /** Height of the chart in pixels. Default: 45 % of the width, between 220 and 400. */
  height?: number;
}

export interface LineRow {
  month: Date;
  series: string;
  value: number | null;
  reason: string | null;
}

export function lineRows<T>(o: LineChartOptions<T>): LineRow[] {
  const name = o.yLabel ?? "Valeur";
  return o.data
    .map((d, i) => {
      const value = toNumber(read(d, o.y, i));
      const reason = maskReason(value, o.masked ? read(d, o.masked, i) : (d as {masked?: string}).masked);
      return {
        month: utcMonth.floor(toDate(read(d, o.x, i))),
        series: o.series ? String(read(d, o.series, i)) : name,
        value: reason ? null : value,
        reason
      };
    })
    .sort((a, b) => a.series.localeCompare(b.series, "fr") || +a.month - +b.month);
}

const MARGIN = {top: 12, right: 130, bottom: 28, left: 56};
/** Below this width the series names move from the lines' ends to the legend above the plot. */
export const NARROW_LINE_WIDTH = 520;
/** Steps between month ticks that divide the year, then whole years. */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 48, 60];
const isoMonth = utcFormat("%Y-%m");

export function lineChart<T>(o: LineChartOptions<T>): HTMLElement {
  const id = figureId(o.title, o.id);
  const format = o.format ?? "nombre";
  const fmt = formatter(format);
  const width = o.width ?? DEFAULT_WIDTH;
  const height = o.height ?? Math.round(Math.min(400, Math.max(220, width * 0.45)));
  const rows = lineRows(o);
  // On a phone the names at the lines' ends would take a third of the plot: they go to the
  // legend (always shown for several series) and the plot keeps the width.
  const narrow = width < NARROW_LINE_WIDTH;
  const right = narrow ? 12 : MARGIN.right;
  const bySeries = group(rows, (r) => r.series);
  const names = [...bySeries.keys()];

  const [first, last] = extent(rows, (r) => r.month) as [Date, Date];
  const x = scaleUtc()
    .domain([first ?? new Date(0), last ?? new Date(0)])
    .range([MARGIN.left, width - right]);
  const y = scaleLinear()
    .domain([0, max(rows, (r) => r.value) ?? 1])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);

  const svg = createSvg(width, height);
  svg.append(hatchPattern(id));

  // Horizontal grid and value axis.
  for (const t of y.ticks(5)) {
    svg.append(
      svgEl("line", {
        x1: MARGIN.left,
        x2: width - right,
        y1: round(y(t)),
        y2: round(y(t)),
        style: "stroke: var(--pi-grille, #d0d4da)"
      })
    );
    const label = svgEl("text", {x: MARGIN.left - 6, y: round(y(t)), dy: "0.35em", "text-anchor": "end"});
    label.textContent = fmt(t);
    svg.append(label);
  }
  // Month axis: at least 80 px between ticks, at an even step through the year (a step of
  // 5 months would put November and the next January side by side).
  const months = utcMonth.count(x.domain()[0]!, x.domain()[1]!) + 1;
  const needed = months / Math.max(1, (width - MARGIN.left - right) / 80);
  const every = MONTH_STEPS.find((s) => s >= needed) ?? 12 * Math.ceil(needed / 12);
  for (const t of x.ticks(every < 12 ? utcMonth.every(every)! : utcYear.every(every / 12)!)) {
    // A label centred on the last month would stick out of a narrow chart: it ends there.
    const anchor = x(t) > width - 32 ? "end" : "middle";
    const tick = svgEl("text", {x: round(x(t)), y: height - MARGIN.bottom + 18, "text-anchor": anchor});
    tick.textContent = formatMonthShort(t);
    svg.append(tick);
  }

  // Masked months: a hatched band one month wide (none while the page lays out at a width
  // narrower than the margins, where the step would be negative: Chromium logs an error).
  const step = Math.max(0, months > 1 ? (x.range()[1]! - x.range()[0]!) / (months - 1) : 20);
  for (const r of rows.filter((r) => r.reason)) {
    svg.append(
      svgEl("rect", {
        class: "pi-masque",
        x: round(x(r.month) - step / 2),
        y: MARGIN.top,
        width: round(step),
        height: height - MARGIN.top - MARGIN.bottom,
        style: `fill: ${hatchFill(id)}; opacity: 0.6`
      })
    );
  }

  const path = (series: LineRow[]) =>
    linePath(series.map((r) => (r.value == null ? null : [round(x(r.month)), round(y(r.value))])));
  const ends: {name: string; y: number; colour: string}[] = [];
  names.forEach((name, i) => {
    const series = bySeries.get(name)!;
    const colour = categoricalFill(i);
    svg.append(svgEl("path", {d: path(series), style: `fill: none; stroke: ${colour}; stroke-width: 2`}));
    for (const r of series.filter((r) => r.value != null))
      svg.append(svgEl("circle", {cx: round(x(r.month)), cy: round(y(r.value!)), r: 2.5, style: `fill: ${colour}`}));
    const end = [...series].reverse().find((r) => r.value != null);
    if (end) ends.push({name, y: y(end.value!), colour});
  });
  // Direct labels at the right end, pushed apart so they never overlap.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + 14);
  for (const e of narrow ? [] : ends) {
    const t = svgEl("text", {x: width - MARGIN.right + 6, y: round(e.y), dy: "0.35em"});
    t.textContent = e.name;
    svg.append(t);
  }

  const anyMasked = rows.some((r) => r.reason);
  const columns: Column<LineRow>[] = [
    {label: o.xLabel ?? "Mois", value: (r) => isoMonth(r.month), text: (r) => formatMonth(r.month)}
  ];
  if (o.series) columns.push({label: o.seriesLabel ?? "Série", value: (r) => r.series});
  columns.push({
    label: o.yLabel ?? "Valeur",
    value: (r) => r.value,
    text: (r) => formatValue(r.value, format),
    numeric: true
  });
  if (anyMasked) columns.push({label: "Note", value: (r) => r.reason, text: (r) => r.reason ?? ""});

  const legendItems = names.length > 1 ? names.map((n, i) => legendItem(categoricalFill(i), n)) : [];
  return buildFigure(o, id, {
    kind: "courbe",
    chart: svg,
    legend: legendList([...legendItems, ...lineMaskLegend(id, rows, names.length > 1)]),
    finding: lineFinding(bySeries, o.period, format),
    columns,
    rows
  });
}

/**
 * The SVG path of a line through points, broken where a point is null (a masked month), as
 * d3-shape's line() writes it ("M0,0L1,1", a lone point "M0,0Z"); without d3-shape's weight.
 */
export function linePath(points: readonly (readonly [number, number] | null)[]): string {
  let d = "";
  let run = 0;
  for (const p of points) {
    if (!p) {
      if (run === 1) d += "Z";
      run = 0;
      continue;
    }
    d += `${run ? "L" : "M"}${p[0]},${p[1]}`;
    run++;
  }
  if (run === 1) d += "Z";
  return d;
}

export function lineFinding(bySeries: Map<string, LineRow[]>, period: string, format: ValueFormat): string {
  // Describe the series that ends highest: the one readers look at first.
  let best: {name: string; a: LineRow; b: LineRow} | null = null;
  for (const [name, rows] of bySeries) {
    const shown = rows.filter((r) => r.value != null);
    const a = shown[0];
    const b = shown[shown.length - 1];
    if (a && b && (!best || b.value! > best.b.value!)) best = {name, a, b};
  }
  if (!best) return `Sur la période ${period}, toutes les valeurs sont masquées (secret statistique).`;
  const {name, a, b} = best;
  // No rate from a base too small to compare with (change.ts): the two values say it all.
  const rate = relativeChange(a.value, b.value);
  const change = rate == null ? "" : ` (${formatChange(rate)})`;
  const who = bySeries.size > 1 ? `« ${name} »` : name;
  return `Sur la période ${period}, ${who} passe de ${formatValue(a.value, format)} en ${formatMonth(a.month)} à ${formatValue(b.value, format)} en ${formatMonth(b.month)}${change}.`;
}

// A hatched band covers every series of its month: the legend says which series and months,
// consecutive months as one span (« de janvier 2023 à décembre 2025 », not 36 months listed).
function lineMaskLegend(id: string, rows: LineRow[], named: boolean): HTMLLIElement[] {
  const byReason = group(
    rows.filter((r) => r.reason),
    (r) => r.reason!
  );
  return [...byReason].map(([reason, masked]) => {
    const where = [...group(masked, (r) => r.series)].flatMap(([series, own]) =>
      monthSpans(own.map((r) => r.month)).map((span) => (named ? `${series}, ${span}` : span))
    );
    return legendItem(hatchFill(id), `Valeur masquée (${where.join(" ; ")}) : ${reason}`, true);
  });
}

/**
 * Months (UTC first days) in words, each run of consecutive months as one span: January,
 * February and April 2025 → « de janvier 2025 à février 2025 », « avril 2025 ».
 */
export function monthSpans(months: readonly Date[]): string[] {
  const sorted = [...months].sort((a, b) => a.getTime() - b.getTime());
  const spans: [Date, Date][] = [];
  for (const m of sorted) {
    const last = spans.at(-1);
    if (last && utcMonth.offset(last[1], 1).getTime() === m.getTime()) last[1] = m;
    else if (!last || last[1].getTime() !== m.getTime()) spans.push([m, m]);
  }
  return spans.map(([a, b]) => formatPeriodRange(a, b));
}
