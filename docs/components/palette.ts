// Colours of the charts. Every colour is exposed as a CSS variable (see charts.css) with the
// value below as fallback, so a chart still has colours when the stylesheet is missing.
//
// Categorical: one palette for both themes. Each colour has a luminance between 0.13 and 0.30,
// which gives ≥ 3:1 against white AND against the dark background (and ≥ 4.5:1 under white
// text, so labels inside segments stay readable). Hue alone then separates the series:
// charts always add direct labels or a legend with names, never colour alone.
//
// Sequential (maps): one ramp can't be both ≥ 3:1 on white and on near-black and still span a
// readable range (the luminance window above gives less than 2:1 between its ends). So each
// theme has its own ramp: darker = more on the light theme, brighter = more on the dark one.

export const BACKGROUND = {light: "#ffffff", dark: "#161616"} as const;

export const CATEGORICAL: readonly string[] = [
  "#3b6fd4", // bleu
  "#b85c00", // orange
  "#238443", // vert
  "#8f5bd0", // violet
  "#d6336c", // rose
  "#0b7f86", // bleu-vert
  "#9c6b30", // brun
  "#6b7280" // gris
];

export const SEQUENTIAL = {
  light: ["#6993da", "#3c70cb", "#28549f", "#17386f", "#091933"],
  dark: ["#3765a4", "#4b83d2", "#7aa8e8", "#b5d0f7", "#feffff"]
} as const;

/** Stroke of the hatching that marks masked values (≥ 3:1 on both backgrounds). */
export const MASK_STROKE = "#707780";

/** Fill for a colour of the categorical palette, through its CSS variable. */
export function categoricalFill(i: number): string {
  const n = CATEGORICAL.length;
  const k = ((i % n) + n) % n;
  return `var(--pi-cat-${k + 1}, ${CATEGORICAL[k]})`;
}

/** Fill for class k (0-based) of the sequential ramp, through its CSS variable. */
export function sequentialFill(k: number): string {
  const light = SEQUENTIAL.light;
  const i = Math.max(0, Math.min(light.length - 1, k));
  return `var(--pi-seq-${i + 1}, ${light[i]})`;
}

/** WCAG 2.x relative luminance of a "#rrggbb" colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Couleur attendue au format #rrggbb : ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two "#rrggbb" colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
