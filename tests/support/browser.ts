// Opens pages of a built site in Debian's Chromium (driven by playwright-core) and
// reports every way a page can be broken while its build passed.
import {createRequire} from "node:module";
import {chromium, type Browser, type Page} from "playwright-core";
import {narrowLinePlots, PHONE_WIDTH, sidewaysOverflow, skipLinkProblems} from "./layout.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking flags Chromium tries Google's hosts, which this
    // closed network refuses. Playwright gives every launch a fresh temporary profile.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}

export interface PageReport {
  readonly url: string;
  readonly problems: string[];
  readonly charts: number;
  /** axe-core violations (WCAG 2.1 A and AA), when the audit was asked for. */
  readonly violations: string[];
}

export interface VisitOptions {
  readonly colorScheme?: "light" | "dark";
  /** Time allowed for every chart of the page to draw. */
  readonly chartTimeout?: number;
  /** Run the axe-core accessibility audit once the page is drawn. */
  readonly audit?: boolean;
  /**
   * Also read the page as a keyboard user and on a phone: the skip link comes first, and at
   * 390 px wide nothing makes the page scroll sideways.
   */
  readonly reader?: boolean;
}

/** Visits one page and lists its problems (an empty list means the page is sound). */
export async function visitPage(browser: Browser, url: string, options: VisitOptions = {}): Promise<PageReport> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({colorScheme: options.colorScheme ?? "light"});
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console : ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`erreur de page : ${error.message}`));
  page.on("requestfailed", (request) => {
    // Requests we aborted for leaving the origin are reported once, below.
    if (new URL(request.url()).origin === origin) {
      problems.push(`requête échouée : ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`réponse ${response.status()} : ${response.url()}`);
  });
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith("data:") || target.startsWith("blob:") || new URL(target).origin === origin) {
      return route.continue();
    }
    problems.push(`requête hors du site : ${target}`);
    return route.abort("blockedbyclient");
  });
  try {
    const response = await page.goto(url, {waitUntil: "load"});
    if (!response || !response.ok()) problems.push(`chargement : ${response?.status() ?? "aucune réponse"}`);
    await page.waitForLoadState("networkidle");
    if (options.reader) problems.push(...(await skipLinkProblems(page)));
    problems.push(...(await chartProblems(page, options.chartTimeout ?? 10_000)));
    const charts = await page.locator("[data-chart]").count();
    const violations = options.audit ? await accessibilityViolations(page) : [];
    if (options.reader) {
      // Framework redraws the charts at the new width; give it a moment, then measure.
      await page.setViewportSize({width: PHONE_WIDTH, height: 844});
      await page.waitForTimeout(400);
      // On a busy machine the redraw can take longer: wait (a bounded time) for the page to fit,
      // so that a slow redraw is not taken for sideways scrolling; a page that never fits is reported.
      await page
        .waitForFunction(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1,
          undefined,
          {
            timeout: 3_000
          }
        )
        .catch(() => undefined);
      problems.push(...(await chartProblems(page, options.chartTimeout ?? 10_000)));
      problems.push(...(await sidewaysOverflow(page)).map((p) => `à ${PHONE_WIDTH} px : ${p}`));
      problems.push(...(await narrowLinePlots(page)).map((p) => `à ${PHONE_WIDTH} px : ${p}`));
    }
    return {url, problems, charts, violations};
  } finally {
    await context.close();
  }
}

/** Every chart declares itself with `data-chart` and sets `data-chart-ready` once drawn. */
async function chartProblems(page: Page, timeout: number): Promise<string[]> {
  const problems: string[] = [];
  try {
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll("[data-chart]")).every(
          (el) => el.getAttribute("data-chart-ready") === "true"
        ),
      undefined,
      {timeout}
    );
  } catch {
    const pending = await page
      .locator("[data-chart]:not([data-chart-ready='true'])")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-chart") ?? "?"));
    problems.push(`graphique non dessiné : ${pending.join(", ")}`);
  }
  // Every chart carries the table of exactly what it draws ("Voir les données").
  const withoutTable = await page
    .locator("[data-chart]")
    .evaluateAll((els) =>
      els.filter((el) => !el.querySelector("table")).map((el) => el.id || el.getAttribute("data-chart"))
    );
  for (const id of withoutTable) problems.push(`graphique sans tableau « Voir les données » : ${id}`);
  // A chart whose every value is masked must not be drawn (a sentence replaces it).
  const empty = await page.locator("[data-chart]").evaluateAll((els) =>
    els
      .filter((el) => {
        if (!el.querySelector(".pi-graphique svg")) return false;
        const cells = Array.from(el.querySelectorAll("table td.pi-num"));
        return cells.length > 0 && cells.every((c) => /^(secret statistique)?$/.test(c.textContent?.trim() ?? ""));
      })
      .map((el) => el.id || el.getAttribute("data-chart"))
  );
  for (const id of empty) problems.push(`graphique dessiné sans aucune valeur publiée : ${id}`);
  // In its place, a sentence says so and points to the level above.
  const silent = await page.locator("figure.pi-figure").evaluateAll((els) =>
    els
      .filter((el) => {
        const kind = el.getAttribute("data-chart") ?? "";
        if (!["barres", "courbe", "carte", "entonnoir", "barres-empilees"].includes(kind)) return false;
        if (el.querySelector(".pi-graphique svg")) return false;
        const notice = el.querySelector(".pi-tout-masque")?.textContent ?? "";
        return !/masquées.*niveau supérieur/.test(notice);
      })
      .map((el) => el.id || el.getAttribute("data-chart"))
  );
  for (const id of silent) problems.push(`graphique non dessiné sans phrase vers le niveau supérieur : ${id}`);
  // Framework shows a failed cell inline rather than throwing.
  const errors = await page.locator(".observablehq--error").allTextContents();
  for (const text of errors) problems.push(`cellule en erreur : ${text.trim()}`);
  return problems;
}

/** axe-core, injected from node_modules (never from a CDN), over WCAG 2.1 A and AA rules. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: AXE_PATH});
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<AxeResults>}}).axe;
    const results = await axe.run(document, {
      runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
    });
    return results.violations.map(
      (v) =>
        `${v.id} (${v.impact}) : ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" ; ")}`
    );
  });
  return violations;
}

interface AxeResults {
  violations: {id: string; impact: string; help: string; nodes: {target: string[]}[]}[];
}
