// The frame every component shares: title, subtitle, finding, chart, legend, data table,
// downloads and caption. A chart only has to bring its SVG, its legend and its rows.
import {allMasked, allMaskedNotice} from "./all-masked.js";
import {buildTable, toCsv, type Column} from "./data-table.js";
import {downloadLinks} from "./downloads.js";
import {el, slug, svgEl} from "./dom.js";
import {embedAction, embedKey, startEmbeddedView} from "./embed.js";
import {chosenTerritory, fileNameWithFilters} from "./page-filters.js";
import {formatDateLong} from "./format.js";
import type {FigureOptions} from "./options.js";
import {MASK_STROKE} from "./palette.js";

export interface FigureParts<R> {
  /** Kind of figure, for styling: "barres", "carte"… */
  kind: string;
  /** The chart; given role="img" and labelled by the title and the finding. */
  chart?: SVGSVGElement;
  /** Legend under the chart (names of series, classes, masked values). */
  legend?: HTMLElement | null;
  /** Generated finding, used when the options give none. */
  finding: string;
  /** Columns and rows of exactly what is drawn. */
  columns: Column<R>[];
  rows: R[];
  /** Added to the caption (e.g. the attribution of the map's boundaries). */
  credit?: string;
  /** Content shown instead of a chart (key-figure card). */
  body?: HTMLElement;
  /** Show the data table openly instead of inside "Voir les données" (table component). */
  openTable?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

export function dataDateText(date: Date | string): string {
  if (date instanceof Date) return formatDateLong(date);
  return ISO_DATE.test(date) ? formatDateLong(date) : date;
}

export function subtitleText(o: FigureOptions): string {
  const base = `Champ : ${o.population}. Période : ${o.period}.`;
  return o.note ? `${base} ${o.note}` : base;
}

/** Unit of a figure's values: the given one, else from its format ("pourcentage", "euros"), else its value label. */
function unitOf<R>(o: FigureOptions, columns: Column<R>[]): string {
  if (o.unit) return o.unit;
  const format = (o as {format?: unknown}).format;
  if (format === "pourcentage") return "proportion (de 0 à 1)";
  if (format === "euros") return "euros";
  // One value column: its label names what is counted ("Salariés" → "salariés"). Several:
  // each header names its own.
  const values = columns.filter((c) => c.numeric);
  return values.length === 1 && values[0]!.label !== "Valeur" ? values[0]!.label.toLowerCase() : "";
}

/** The CSV of a figure: its table's columns, with the territory and period first and the unit last. */
function downloadColumns<R>(o: FigureOptions, columns: Column<R>[]): Column<R>[] {
  const territory = o.territory ?? chosenTerritory();
  const unit = unitOf(o, columns);
  return [
    {label: "Territoire", value: () => territory},
    {label: "Période", value: () => o.period},
    ...columns,
    {label: "Unité", value: () => unit}
  ];
}

// A page opened with `?integrer=…` shows one figure: set up once, when the components load.
startEmbeddedView();

export function buildFigure<R>(o: FigureOptions, id: string, parts: FigureParts<R>): HTMLElement {
  const level = o.headingLevel ?? 3;
  const finding = o.alt ?? parts.finding;
  // `data-chart` announces a chart to the browser tests, which wait for `data-chart-ready`.
  const figure = el("figure", {
    class: `pi-figure pi-${parts.kind}`,
    id,
    "data-chart": parts.kind,
    "data-integrer": embedKey(o.title)
  });
  figure.append(
    el(`h${level}` as "h3", {class: "pi-titre", id: `${id}-titre`}, [o.title]),
    el("p", {class: "pi-sous-titre"}, [subtitleText(o)])
  );
  // The finding is the chart's text alternative, shown to everyone; a card or a table says it already.
  const empty = !!parts.chart && allMasked(parts.rows);
  if (empty) figure.append(allMaskedNotice(o, id));
  else if (parts.chart) {
    figure.append(el("p", {class: "pi-constat", id: `${id}-constat`}, [finding]));
    parts.chart.setAttribute("role", "img");
    parts.chart.setAttribute("aria-labelledby", `${id}-titre ${id}-constat`);
    figure.append(el("div", {class: "pi-graphique"}, [parts.chart]));
  }
  if (parts.body) figure.append(parts.body);
  if (parts.legend && !empty) figure.append(parts.legend);
  const caption = `${o.title} (${o.period})`;
  // A wide table scrolls inside its own box (never the page), which the keyboard can reach.
  const table = el("div", {class: "pi-defilement-tableau", tabindex: "0", role: "region", "aria-label": caption}, [
    buildTable(caption, parts.columns, parts.rows)
  ]);
  figure.append(
    parts.openTable
      ? el("div", {class: "pi-donnees"}, [table])
      : el("details", {class: "pi-donnees"}, [el("summary", {}, ["Voir les données"]), table]),
    downloadLinks(
      fileNameWithFilters(o.fileName ?? slug(o.title)),
      toCsv(downloadColumns(o, parts.columns), parts.rows),
      o.arrow
    )
  );
  const credit = parts.credit ? ` ${parts.credit}` : "";
  if (o.embed !== false && typeof location !== "undefined")
    figure.append(embedAction(o.title, embedKey(o.title), o.embed));
  figure.append(el("figcaption", {}, [`Source : ${o.source}. Données au ${dataDateText(o.dataDate)}.${credit}`]));
  // Drawing is synchronous: once here, the SVG is in the figure.
  figure.setAttribute("data-chart-ready", "true");
  return figure;
}

/** An <svg> of the given size that scales down with its container. */
export function createSvg(width: number, height: number): SVGSVGElement {
  return svgEl("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    fill: "currentColor",
    "font-family": "system-ui, sans-serif",
    "font-size": 12
  });
}

/** Diagonal hatching that marks masked values; its id is `${id}-hachures`. */
export function hatchPattern(id: string): SVGDefsElement {
  const defs = svgEl("defs");
  const pattern = svgEl("pattern", {
    id: `${id}-hachures`,
    patternUnits: "userSpaceOnUse",
    width: 6,
    height: 6,
    patternTransform: "rotate(45)"
  });
  pattern.append(
    svgEl("line", {
      x1: 0,
      y1: 0,
      x2: 0,
      y2: 6,
      "stroke-width": 2.5,
      style: `stroke: var(--pi-masque-trait, ${MASK_STROKE})`
    })
  );
  defs.append(pattern);
  return defs;
}

export const hatchFill = (id: string): string => `url(#${id}-hachures)`;

/** A legend item: a small swatch (colour or hatching) and its text. */
export function legendItem(fill: string, text: string, outline = false): HTMLLIElement {
  const swatch = svgEl("svg", {width: 14, height: 14, "aria-hidden": "true"});
  swatch.append(
    svgEl("rect", {
      x: 0.5,
      y: 0.5,
      width: 13,
      height: 13,
      style: `fill: ${fill}${outline ? `; stroke: var(--pi-masque-trait, ${MASK_STROKE})` : ""}`
    })
  );
  return el("li", {}, [swatch, text]);
}

export function legendList(items: HTMLLIElement[]): HTMLElement | null {
  return items.length ? el("ul", {class: "pi-legende", "aria-label": "Légende"}, items) : null;
}

/** "Valeur masquée : secret statistique (…)" — one item per reason. */
export function maskLegend(id: string, reasons: (string | null)[]): HTMLLIElement[] {
  const distinct = [...new Set(reasons.filter((r): r is string => !!r))];
  return distinct.map((r) => legendItem(hatchFill(id), `Valeur masquée : ${r}`, true));
}
