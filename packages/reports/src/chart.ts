// A grouped bar chart as inline SVG, legible in black and white: the first series is solid
// dark, the second hatched with an outline, and a legend names both. The chart is an image
// with a text alternative (its finding); its figures are in the table printed below it.
import type {Chart, Table} from "./model.ts";
import {SHORT_MONTHS} from "../../../docs/components/format.ts";
import {MONTH_NAMES, formatCell} from "./format.ts";

/**
 * An axis label: when crowded, a month name takes the site's French abbreviation (cutting
 * every name at four letters gave « octo. », « nove. », « déce. »), another long label is cut.
 */
export const axisLabel = (label: string, crowded: boolean): string => {
  if (!crowded) return label;
  const month = MONTH_NAMES.indexOf(label);
  if (month >= 0) return SHORT_MONTHS[month]!;
  return label.length <= 5 ? label : label.slice(0, 4) + ".";
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** SVG markup of `chart` over `table`. `id` makes the pattern id unique in the page. */
export function renderChart(chart: Chart, table: Table, id: string): string {
  const width = 680;
  const height = 240;
  const margin = {top: 30, right: 10, bottom: 40, left: 50};
  const rows = table.rows;
  const values = rows.flatMap((r) => chart.series.map((s) => (typeof r[s] === "number" ? (r[s] as number) : 0)));
  const max = Math.max(1e-9, ...values);
  const step = niceStep(max / 4);
  const top = Math.ceil(max / step) * step;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const band = plotW / Math.max(1, rows.length);
  const barW = (band * 0.8) / chart.series.length;
  const y = (v: number) => margin.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(
    `<defs><pattern id="hachures-${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2.5"/></pattern></defs>`
  );
  for (let v = 0; v <= top + 1e-9; v += step) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#bbb" stroke-width="0.5"/>`,
      `<text x="${margin.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11">${esc(formatCell(v, "etp"))}</text>`
    );
  }
  rows.forEach((r, i) => {
    chart.series.forEach((s, j) => {
      const v = typeof r[s] === "number" ? (r[s] as number) : 0;
      const x = margin.left + i * band + band * 0.1 + j * barW;
      const fill = j === 0 ? "#333" : `url(#hachures-${id})`;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${fill}" stroke="#000" stroke-width="0.8"/>`
      );
    });
    const label = String(r[chart.category] ?? "");
    parts.push(
      `<text x="${(margin.left + i * band + band / 2).toFixed(1)}" y="${height - margin.bottom + 14}" text-anchor="middle" font-size="11">${esc(axisLabel(label, rows.length > 6))}</text>`
    );
  });
  chart.series.forEach((s, j) => {
    const x = margin.left + j * 220;
    const fill = j === 0 ? "#333" : `url(#hachures-${id})`;
    parts.push(
      `<rect x="${x}" y="6" width="14" height="12" fill="${fill}" stroke="#000" stroke-width="0.8"/>`,
      `<text x="${x + 20}" y="16" font-size="12">${esc(table.columns[s]?.label ?? "")}</text>`
    );
  });
  return `<svg class="graphique" role="img" aria-label="${esc(chart.alt)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif">${parts.join("")}</svg>`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const n = raw / p;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * p;
}
