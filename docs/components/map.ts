// Choropleth map of départements or régions, overseas territories in insets.
// The TopoJSON files of docs/geo are pre-projected (insets included, see docs/geo/SOURCE.md),
// so one identity projection draws everything. Classes (at most 5) rather than a continuous
// scale: each class is named in the legend with its bounds, and the table gives every value.
import {bisectRight} from "d3-array";
import {geoIdentity, geoPath} from "d3-geo";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import type {Column} from "./data-table.js";
import {figureId, svgEl} from "./dom.js";
import {buildFigure, createSvg, hatchFill, hatchPattern, legendItem, legendList, maskLegend} from "./figure.js";
import {formatValue, formatter, type ValueFormat} from "./format.js";
import {
  DEFAULT_WIDTH,
  maskReason,
  read,
  toNumber,
  type Accessor,
  type FigureOptions,
  type MaskOptions
} from "./options.js";
import {MASK_STROKE, sequentialFill} from "./palette.js";
import {quantileBounds} from "./scales.js";

export const GEO_CREDIT = "Fonds de carte : IGN – Admin Express COG 2018 ; INSEE COG 2018 (Licence Ouverte / Etalab).";
const NO_DATA = "pas de donnée";

export interface ChoroplethMapOptions<T> extends FigureOptions, MaskOptions<T> {
  /** Which boundaries: "departements" (docs/geo/departements.json) or "regions" (docs/geo/regions.json). */
  level: "departements" | "regions";
  /** The parsed TopoJSON file of that level: `await FileAttachment("geo/departements.json").json()`. */
  topology: Topology;
  /** One row per territory. */
  data: T[];
  /** INSEE code of the territory ("01", "2A", "971"; régions "84", "01"…). */
  code: Accessor<T, string | number>;
  /** Value; null when masked. */
  value: Accessor<T, number | null | undefined>;
  /** How values are written. Default "nombre". */
  format?: ValueFormat;
  /** Class bounds, ascending (n − 1 bounds for n classes, n ≤ 5). Default: quantiles of the values. */
  thresholds?: number[];
  /** Number of classes when `thresholds` is absent, 2 to 5. Default 5. */
  classes?: number;
  /** Header of the value column and title of the legend. Default "Valeur". */
  valueLabel?: string;
  /**
   * The page of a territory, from its code: each area then becomes a link, reached with the
   * keyboard and named "Nord : 1 234 salariés". Default: areas are not links.
   */
  href?: (code: string) => string | null | undefined;
}

export interface MapRow {
  code: string;
  name: string;
  value: number | null;
  /** Class index (0 = lowest), null when masked or without data. */
  bin: number | null;
  reason: string | null;
}

type Props = {code: string; nom: string};
// The GeoJSON types come as a global namespace through d3's and topojson's own type packages.
type Feature<G extends GeoJSON.Geometry, P> = GeoJSON.Feature<G, P>;
type FeatureCollection<G extends GeoJSON.Geometry, P> = GeoJSON.FeatureCollection<G, P>;
type Geometry = GeoJSON.Geometry;

function features(topology: Topology, object: string): Feature<Geometry, Props>[] {
  const o = topology.objects[object] as GeometryCollection<Props> | undefined;
  if (!o) throw new Error(`Objet « ${object} » absent du fichier TopoJSON.`);
  return (feature(topology, o) as FeatureCollection<Geometry, Props>).features;
}

/** "1" or 1 → "01": codes read from CSV often lost their leading zero. */
export function normalizeCode(code: string | number): string {
  const s = String(code).trim();
  return /^\d$/.test(s) ? `0${s}` : s;
}

/**
 * Class bounds: the given thresholds, or quantiles of the values rounded to two significant
 * digits, so that the legend reads "de 1 200 à moins de 2 900" rather than "de 1 235 à
 * moins de 2 871" (bounds that round together merge: fewer classes, never an empty one).
 */
export function classBounds(values: number[], classes = 5, thresholds?: number[]): number[] {
  if (thresholds) return [...thresholds].sort((a, b) => a - b);
  const k = Math.max(2, Math.min(5, classes, new Set(values).size));
  if (values.length < 2) return [];
  const quantiles = quantileBounds(values, k);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  // A bound at or below the smallest value, or above the largest, would leave a class empty.
  return [...new Set(quantiles.map((q) => Number(q.toPrecision(2))))].filter((b) => b > low && b <= high);
}

/**
 * The legend's class names. `top` closes the last class (a share ends at 100 %: "de 80 % à
 * 100 %", never "100 % ou plus"); without it the last class is open ("1 200 ou plus").
 */
export function classLabels(bounds: number[], fmt: (v: number) => string, top?: number): string[] {
  if (!bounds.length) return ["toutes les valeurs"];
  const last = bounds[bounds.length - 1]!;
  return [
    `moins de ${fmt(bounds[0]!)}`,
    ...bounds.slice(1).map((b, i) => `de ${fmt(bounds[i]!)} à moins de ${fmt(b)}`),
    top == null ? `${fmt(last)} ou plus` : `de ${fmt(last)} à ${fmt(top)}`
  ];
}

/** A share: percentages that all lie between 0 and 100 %. Its classes stop at 100 %. */
export function isShare(values: number[], format: ValueFormat): boolean {
  return format === "pourcentage" && values.length > 0 && values.every((v) => v >= 0 && v <= 1);
}

export function mapRows<T>(o: ChoroplethMapOptions<T>, names: Props[], bounds?: number[]): MapRow[] {
  const byCode = new Map(o.data.map((d, i) => [normalizeCode(read(d, o.code, i)), {d, i}]));
  const rows = names.map(({code, nom}): MapRow => {
    const hit = byCode.get(code);
    if (!hit) return {code, name: nom, value: null, bin: null, reason: NO_DATA};
    const value = toNumber(read(hit.d, o.value, hit.i));
    const reason = maskReason(value, o.masked ? read(hit.d, o.masked, hit.i) : (hit.d as {masked?: string}).masked);
    return {code, name: nom, value: reason ? null : value, bin: null, reason};
  });
  const b = bounds ?? classBounds(published(rows), o.classes, o.thresholds);
  for (const r of rows) if (r.value != null) r.bin = bisectRight(b, r.value);
  return rows;
}

const published = (rows: MapRow[]) => rows.filter((r) => r.value != null).map((r) => r.value!);

// INSEE order: numbers first ("01" < "2A" < "95"), overseas codes (3 digits) after.
const byInseeCode = (a: MapRow, b: MapRow) => a.code.length - b.code.length || a.code.localeCompare(b.code);

export function choroplethMap<T>(o: ChoroplethMapOptions<T>): HTMLElement {
  const id = figureId(o.title, o.id);
  const format = o.format ?? "nombre";
  const fmt = formatter(format);
  const width = o.width ?? DEFAULT_WIDTH;
  const height = Math.round(width * 0.8);
  const areas = features(o.topology, o.level);
  const frames = o.topology.objects.encadres ? features(o.topology, "encadres") : [];
  const rows = mapRows(
    o,
    areas.map((f) => f.properties)
  );
  // A share has no class above 100 %: a bound at 100 % joins its class to the one below.
  const share = isShare(published(rows), format);
  const bounds = classBounds(published(rows), o.classes, o.thresholds).filter((b) => !share || b < 1);
  for (const r of rows) if (r.value != null) r.bin = bisectRight(bounds, r.value);
  const labels = classLabels(bounds, fmt, share ? 1 : undefined);
  const rowByCode = new Map(rows.map((r) => [r.code, r]));

  const projection = geoIdentity().fitSize([width, height], {
    type: "FeatureCollection",
    features: [...areas, ...frames]
  });
  const path = geoPath(projection).digits(1); // tenths of a pixel are plenty
  const svg = createSvg(width, height);
  svg.append(hatchPattern(id));
  for (const f of areas) {
    const r = rowByCode.get(f.properties.code)!;
    const fill =
      r.value != null ? sequentialFill(r.bin ?? 0) : r.reason === NO_DATA ? "var(--pi-absent, #d0d4da)" : hatchFill(id);
    const area = svgEl("path", {
      d: path(f) ?? "",
      "data-code": r.code,
      class: r.value == null && r.reason !== NO_DATA ? "pi-masque" : undefined,
      style: `fill: ${fill}; stroke: var(--pi-fond, #ffffff); stroke-width: 0.5`
    });
    const said = `${r.name} : ${r.value == null ? r.reason : fmt(r.value)}`;
    const tip = svgEl("title");
    tip.textContent = said;
    area.append(tip);
    const target = o.href?.(r.code);
    if (target) {
      const link = svgEl("a", {
        href: target,
        "aria-label": `${said}${o.valueLabel ? ` (${o.valueLabel.toLowerCase()})` : ""}`
      });
      link.append(area);
      svg.append(link);
    } else svg.append(area);
  }
  for (const f of frames) {
    svg.append(svgEl("path", {d: path(f) ?? "", style: `fill: none; stroke: var(--pi-masque-trait, ${MASK_STROKE})`}));
  }

  const reasons = rows.map((r) => (r.value == null && r.reason !== NO_DATA ? r.reason : null));
  const legend = legendList([
    ...labels.map((label, k) => legendItem(sequentialFill(k), label)),
    ...maskLegend(id, reasons),
    ...(rows.some((r) => r.reason === NO_DATA) ? [legendItem("var(--pi-absent, #d0d4da)", "Pas de donnée")] : [])
  ]);
  legend?.setAttribute("aria-label", `Légende : ${o.valueLabel ?? "valeur"}`);

  const columns: Column<MapRow>[] = [
    {label: o.level === "departements" ? "Département" : "Région", value: (r) => r.name},
    {label: "Code", value: (r) => r.code},
    {
      label: o.valueLabel ?? "Valeur",
      value: (r) => r.value,
      text: (r) => (r.value == null ? (r.reason === NO_DATA ? "" : formatValue(null)) : fmt(r.value)),
      numeric: true
    },
    {label: "Classe", value: (r) => (r.bin == null ? null : (labels[r.bin] ?? null))}
  ];
  if (rows.some((r) => r.reason)) columns.push({label: "Note", value: (r) => r.reason, text: (r) => r.reason ?? ""});

  const figure = buildFigure(o, id, {
    kind: "carte",
    chart: svg,
    legend,
    finding: mapFinding(rows, o.period, format),
    columns,
    rows: [...rows].sort(byInseeCode),
    credit: GEO_CREDIT
  });
  // A map of links is not a flat image: its areas stay reachable by keyboard and screen readers.
  if (o.href) figure.querySelector("svg[role=img]")?.setAttribute("role", "group");
  return figure;
}

export function mapFinding(rows: MapRow[], period: string, format: ValueFormat): string {
  const shown = rows.filter((r) => r.value != null).sort((a, b) => b.value! - a.value!);
  const hi = shown[0];
  const lo = shown[shown.length - 1];
  if (!hi || !lo) return `Sur la période ${period}, aucune valeur n'est publiée (secret statistique).`;
  // "valeur la plus élevée : Ain" avoids the article French names take ("de l'Ain", "du Nord").
  return `Sur la période ${period}, valeur la plus élevée : ${hi.name} (${formatValue(hi.value, format)}) ; la plus faible : ${lo.name} (${formatValue(lo.value, format)}).`;
}
