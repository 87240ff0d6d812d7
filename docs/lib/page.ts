// Small helpers of every page, light enough for the home and territory pages.
import {formatMonth} from "../components/format.js";

/** "2025" stays, "2025-03" → "mars 2025". */
export function periodText(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? formatMonth(period) : period;
}

/** Marks a component's figure for the browser tests (`data-chart`, drawn once returned). */
export function chart<E extends Element>(figure: E, name: string): E {
  figure.setAttribute("data-chart", name);
  return figure;
}
