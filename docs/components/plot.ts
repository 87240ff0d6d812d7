// For analysts who draw with Observable Plot directly: Plot puts aria-label on <g> groups
// that have no role, which axe reports (aria-prohibited-attr). This makes a Plot output
// one image with one text alternative, like the components of this folder.

/**
 * Drops the aria-label of role-less <g> in a Plot output and labels its chart as one image.
 * `plot` is what Plot.plot() returns (an <svg>, or a <figure> holding one).
 */
export function accessiblePlot<E extends Element>(plot: E, alt: string): E {
  for (const g of plot.querySelectorAll("g[aria-label]")) if (!g.hasAttribute("role")) g.removeAttribute("aria-label");
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", alt);
  }
  return plot;
}
