// Funnel: successive steps of a process (applications → accepted → hired), each step a bar
// starting at the same baseline (lengths compare better than a centred funnel), with the
// share kept from the previous step written next to it.
import {max} from "d3-array";
import {scaleLinear} from "./scales.js";
import type {Column} from "./data-table.js";
import {figureId, round, svgEl} from "./dom.js";
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

export interface FunnelChartOptions<T> extends FigureOptions, MaskOptions<T> {
  /** One row per step, in the order of the process. */
  data: T[];
  /** Name of the step. */
  y: Accessor<T, string>;
  /** Count at this step; null when masked. */
  x: Accessor<T, number | null | undefined>;
  /** How values are written. Default "nombre". */
  format?: ValueFormat;
  /** Table headers. Defaults "Étape", "Effectif". */
  yLabel?: string;
  xLabel?: string;
}

export interface FunnelRow {
  step: string;
  value: number | null;
  /** Share of the previous step (null for the first step or when either is masked). */
  ofPrevious: number | null;
  /** Share of the first step. */
  ofFirst: number | null;
  reason: string | null;
}

export function funnelRows<T>(o: FunnelChartOptions<T>): FunnelRow[] {
  const rows: FunnelRow[] = o.data.map((d, i) => {
    const value = toNumber(read(d, o.x, i));
    const reason = maskReason(value, o.masked ? read(d, o.masked, i) : (d as {masked?: string}).masked);
    return {step: String(read(d, o.y, i)), value: reason ? null : value, ofPrevious: null, ofFirst: null, reason};
  });
  const first = rows[0]?.value;
  rows.forEach((r, i) => {
    const previous = rows[i - 1]?.value;
    if (r.value != null && i > 0 && previous) r.ofPrevious = r.value / previous;
    if (r.value != null && i > 0 && first) r.ofFirst = r.value / first;
  });
  return rows;
}

const BAR = 22;
const STEP = 50; // label line + bar + gap
const MASK_WIDTH = 28;

export function funnelChart<T>(o: FunnelChartOptions<T>): HTMLElement {
  const id = figureId(o.title, o.id);
  const format = o.format ?? "nombre";
  const fmt = formatter(format);
  const width = o.width ?? DEFAULT_WIDTH;
  const rows = funnelRows(o);
  const left = 4;
  const x = scaleLinear()
    .domain([0, max(rows, (r) => r.value) ?? 1])
    .range([left, Math.max(left + 10, width - 200)]);
  const svg = createSvg(width, rows.length * STEP + 4);
  svg.append(hatchPattern(id));

  rows.forEach((r, i) => {
    const g = svgEl("g", {transform: `translate(0,${i * STEP + 4})`});
    const name = svgEl("text", {x: left, y: 12, "font-weight": "600"});
    name.textContent = r.step;
    g.append(name);
    const end = r.value == null ? left + MASK_WIDTH : x(r.value);
    g.append(
      svgEl("rect", {
        x: left,
        y: 18,
        width: round(Math.max(1, end - left)),
        height: BAR,
        class: r.reason ? "pi-masque" : undefined,
        style: r.reason
          ? `fill: ${hatchFill(id)}; stroke: var(--pi-masque-trait, #707780)`
          : `fill: ${categoricalFill(0)}`
      })
    );
    const value = svgEl("text", {x: round(end + 6), y: 18 + BAR / 2, dy: "0.35em"});
    value.textContent =
      r.value == null
        ? MASKED_LABEL
        : fmt(r.value) + (r.ofPrevious == null ? "" : ` (${formatPercent(r.ofPrevious)} de l'étape précédente)`);
    g.append(value);
    svg.append(g);
  });

  const columns: Column<FunnelRow>[] = [
    {label: o.yLabel ?? "Étape", value: (r) => r.step},
    {label: o.xLabel ?? "Effectif", value: (r) => r.value, text: (r) => formatValue(r.value, format), numeric: true},
    ratioColumn("Part de l'étape précédente", (r) => r.ofPrevious),
    ratioColumn("Part de la première étape", (r) => r.ofFirst)
  ];
  if (rows.some((r) => r.reason)) columns.push({label: "Note", value: (r) => r.reason, text: (r) => r.reason ?? ""});

  return buildFigure(o, id, {
    kind: "entonnoir",
    chart: svg,
    legend: legendList(
      maskLegend(
        id,
        rows.map((r) => r.reason)
      )
    ),
    finding: funnelFinding(rows, o.period, format),
    columns,
    rows
  });
}

function ratioColumn(label: string, get: (r: FunnelRow) => number | null): Column<FunnelRow> {
  return {
    label,
    value: (r) => {
      const v = get(r);
      return v == null ? null : Math.round(v * 10000) / 10000;
    },
    text: (r) => {
      const v = get(r);
      return v == null ? "" : formatPercent(v);
    },
    numeric: true
  };
}

export function funnelFinding(rows: FunnelRow[], period: string, format: ValueFormat): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || first.value == null || last.value == null || rows.length < 2)
    return `Sur la période ${period}, certaines étapes sont masquées (secret statistique).`;
  return `Sur la période ${period}, sur ${formatValue(first.value, format)} « ${first.step} », ${formatValue(last.value, format)} arrivent à l'étape « ${last.step} », soit ${formatPercent(last.ofFirst ?? 0)}.`;
}
