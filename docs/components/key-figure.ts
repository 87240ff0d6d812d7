// Key-figure card: one value, what it counts, and how it moved over a year.
// The direction is written in words ("en hausse"), the arrow is decoration only.
import type {Column} from "./data-table.js";
import {el, figureId} from "./dom.js";
import {buildFigure} from "./figure.js";
import {MASKED_LABEL, formatChange, formatPoints, formatValue, type ValueFormat} from "./format.js";
import {maskReason, type FigureOptions} from "./options.js";
import {relativeChange} from "./change.js";

export interface KeyFigureOptions extends FigureOptions {
  /** The value; null when masked. */
  value: number | null;
  /** What the value counts, after the number: "salariés en insertion". */
  label: string;
  /** The same measure a year earlier (null or absent: no change shown). */
  previous?: number | null;
  /** The period of `previous`, e.g. "2024". */
  previousPeriod?: string;
  /** Reason the value is masked (its value is then null). */
  masked?: string | null;
  /** How the value is written. Default "nombre". */
  format?: ValueFormat;
  /** Change as a relative change (+3,2 %) or in points (+1,2 pt). Default: points for "pourcentage". */
  change?: "relative" | "points";
}

export interface KeyFigureRow {
  period: string;
  value: number | null;
  reason: string | null;
}

/** "+3,2 % par rapport à 2024", or null when it can't be computed. */
export function changeText(o: KeyFigureOptions): {text: string; direction: "hausse" | "baisse" | "stable"} | null {
  if (o.value == null || o.previous == null || o.masked) return null;
  const points = (o.change ?? (o.format === "pourcentage" ? "points" : "relative")) === "points";
  const when = o.previousPeriod ?? "l'année précédente";
  if (!points) {
    const rate = relativeChange(o.previous, o.value);
    // A base too small for a rate (change.ts): the direction and the earlier value, no rate.
    if (rate == null) {
      if (o.previous < 0 || o.value < 0 || o.previous === o.value) return null;
      const direction = o.value > o.previous ? "hausse" : "baisse";
      const before = formatValue(o.previous, o.format ?? "nombre");
      return {text: `${before} en ${when} (base trop faible pour un taux d'évolution)`, direction};
    }
    const direction = Math.abs(rate) < 1e-9 ? "stable" : rate > 0 ? "hausse" : "baisse";
    return {text: `${formatChange(rate)} par rapport à ${when}`, direction};
  }
  const delta = o.value - o.previous;
  const direction = Math.abs(delta) < 1e-9 ? "stable" : delta > 0 ? "hausse" : "baisse";
  return {text: `${formatPoints(delta)} par rapport à ${when}`, direction};
}

export function keyFigure(o: KeyFigureOptions): HTMLElement {
  const id = figureId(o.title, o.id);
  const format = o.format ?? "nombre";
  const reason = maskReason(o.value, o.masked);
  const value = reason ? null : o.value;
  const change = changeText({...o, value});
  const arrow = change ? {hausse: "▲", baisse: "▼", stable: "▶"}[change.direction] : "";
  const words = change ? {hausse: "en hausse", baisse: "en baisse", stable: "stable"}[change.direction] : "";

  const body = el("div", {class: "pi-chiffre"}, [
    el("p", {class: "pi-chiffre-valeur"}, [value == null ? MASKED_LABEL : formatValue(value, format)]),
    el("p", {class: "pi-chiffre-libelle"}, [o.label]),
    change &&
      el("p", {class: "pi-chiffre-evolution"}, [
        el("span", {"aria-hidden": "true"}, [`${arrow} `]),
        `${words} : ${change.text}`
      ]),
    reason && el("p", {class: "pi-chiffre-note"}, [`Valeur masquée : ${reason}`])
  ]);

  const rows: KeyFigureRow[] = [{period: o.period, value, reason}];
  if (o.previous !== undefined && o.previousPeriod)
    rows.push({period: o.previousPeriod, value: o.previous, reason: maskReason(o.previous, null)});
  const columns: Column<KeyFigureRow>[] = [
    {label: "Période", value: (r) => r.period},
    {label: o.label, value: (r) => r.value, text: (r) => formatValue(r.value, format), numeric: true}
  ];
  if (rows.some((r) => r.reason)) columns.push({label: "Note", value: (r) => r.reason, text: (r) => r.reason ?? ""});

  const figure = buildFigure(o, id, {
    kind: "chiffre-cle",
    body,
    finding: "",
    columns,
    rows
  });
  return figure;
}
