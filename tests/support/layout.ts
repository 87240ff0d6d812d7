// Layout checks of a page open in Chromium: sideways scrolling on a phone, the skip link.
import type {Page} from "playwright-core";

/** The phone width the site is checked at (CSS pixels). */
export const PHONE_WIDTH = 390;

/**
 * What makes the page wider than its window (an empty list: no sideways scrolling). Each
 * offender is named by tag, id or class and its right edge; elements inside a container that
 * scrolls by itself (a wide table) are not offenders.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(OVERFLOW_SCRIPT) as Promise<string[]>;
}

// A string, not a function: tsx (esbuild keepNames) would wrap inner functions in a helper
// the page does not have.
const OVERFLOW_SCRIPT = `(() => {
  const limit = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= limit + 1) return [];
  const scrolls = (el) => {
    for (let e = el && el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX)) return true;
    }
    return false;
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const offenders = [];
  for (const e of document.body.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.right <= limit + 1 || scrolls(e)) continue;
    const parent = e.parentElement;
    // The outermost offender only.
    if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit + 1 && !scrolls(parent)) continue;
    offenders.push(name(e) + " (" + Math.round(box.right) + " px)");
  }
  return ["page large de " + document.documentElement.scrollWidth + " px pour " + limit + " px", ...offenders.slice(0, 5)];
})()`;

/** Problems of the skip link: it must be the first thing a keyboard reaches and lead to the content. */
export async function skipLinkProblems(page: Page): Promise<string[]> {
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const a = document.activeElement as HTMLAnchorElement | null;
    return a ? {tag: a.tagName, href: a.getAttribute("href"), text: a.textContent?.trim()} : null;
  });
  if (!first || first.tag !== "A" || !first.href?.startsWith("#"))
    return [`lien d'évitement absent (premier élément atteint : ${JSON.stringify(first)})`];
  const target = await page.locator(first.href).count();
  return target === 1 ? [] : [`lien d'évitement vers ${first.href} : cible absente`];
}

/**
 * Line charts whose plot area, as drawn, is narrower than 65 % of the phone's width (the
 * series names must move to the legend rather than squeeze the plot to 140 px). Each offender
 * is named by its figure's id and its plot width in CSS pixels.
 */
export async function narrowLinePlots(page: Page): Promise<string[]> {
  return page.evaluate(NARROW_PLOTS_SCRIPT) as Promise<string[]>;
}

const NARROW_PLOTS_SCRIPT = `((phone) => {
  const offenders = [];
  for (const svg of document.querySelectorAll(".pi-courbe .pi-graphique svg")) {
    const grid = svg.querySelector(":scope > line");
    if (!grid || !svg.viewBox.baseVal || svg.viewBox.baseVal.width === 0) continue;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const plot = (Number(grid.getAttribute("x2")) - Number(grid.getAttribute("x1"))) * scale;
    if (plot < 0.65 * phone) offenders.push((svg.closest("figure")?.id ?? "?") + " : zone de tracé de " + Math.round(plot) + " px");
  }
  return offenders;
})(${PHONE_WIDTH})`;
