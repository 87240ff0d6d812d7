// Where the category names of a horizontal bar chart go. Beside the bars when the longest
// name fits in a share of the width (the usual case on a desktop page); otherwise above
// each bar, across the whole width (a phone, a narrow embed), rather than cut off at the
// left edge of the chart. A name longer than the whole width ends with "…" and keeps its
// full text as a tooltip; the table under the chart always has it whole.
import {max} from "d3-array";
import {svgEl} from "./dom.js";

/** Average width of a character of the charts' text (px): enough to lay names out. */
export const CHAR_WIDTH = 6.5;
/** Height taken above a bar by a name drawn over it (px). */
const ABOVE = 16;

export interface CategoryLayout {
  /** Where the bars start. */
  readonly left: number;
  /** Whether the names are drawn above the bars. */
  readonly above: boolean;
  /** Extra height per bar for a name above it (0 beside). */
  readonly extra: number;
  /** Longest name drawn, in characters (longer names are shortened). */
  readonly maxChars: number;
}

export function categoryLayout(names: readonly string[], width: number, share: number): CategoryLayout {
  const beside = 12 + (max(names, (n) => n.length) ?? 0) * CHAR_WIDTH;
  if (beside <= width * share) return {left: beside, above: false, extra: 0, maxChars: Infinity};
  return {left: 0, above: true, extra: ABOVE, maxChars: Math.max(4, Math.floor((width - 4) / CHAR_WIDTH))};
}

/** The name of a bar whose top is at y = 0 of its group (`bar` high). */
export function categoryName(name: string, layout: CategoryLayout, bar: number): SVGTextElement {
  const text = layout.above
    ? svgEl("text", {x: 0, y: -4})
    : svgEl("text", {x: layout.left - 6, y: bar / 2, dy: "0.35em", "text-anchor": "end"});
  if (name.length <= layout.maxChars) {
    text.textContent = name;
  } else {
    text.textContent = `${name.slice(0, layout.maxChars - 1).trimEnd()}…`;
    text.append(svgEl("title"));
    text.lastChild!.textContent = name;
  }
  return text;
}
