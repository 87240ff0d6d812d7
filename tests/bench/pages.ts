// Page budgets, measured in headless Chromium on the built site (dist/): per page, the
// JavaScript and data transferred on first load (brotli-compressed as a static host would
// serve them, each URL counted once), and the time until the first chart is drawn.
// Budgets (issue 13): every page, theme pages included, under 150 KB of JavaScript and data,
// first chart under 400 ms on localhost.
//
//   pnpm bench pages   or   pnpm bench:pages            (after `pnpm build`)
import {brotliCompressSync, constants} from "node:zlib";
import type {Server} from "node:http";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser} from "../support/browser.ts";
import {pageUrl, sitePaths} from "../support/site.ts";

export const BUDGET_BYTES = 150 * 1024;
export const BUDGET_FIRST_CHART_MS = 400;

/** Brotli at the quality static hosts pre-compress with (11). */
const brotli = (body: Buffer) => brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;

export interface PageMeasure {
  readonly path: string;
  readonly jsBytes: number;
  readonly dataBytes: number;
  readonly requests: number;
  /** Milliseconds from navigation start to the first chart drawn; null for a page with no chart. */
  readonly firstChartMs: number | null;
}

const isData = (url: string) => /\.(arrow|json|csv|parquet|zip)(\?|$)/.test(url);
const isJs = (url: string) => /\.js(\?|$)/.test(url);

export async function measurePages(paths?: readonly string[]): Promise<PageMeasure[]> {
  const {server, url: base}: {server: Server; url: string} = await serveStatic("dist");
  const browser = await launchBrowser();
  const measures: PageMeasure[] = [];
  try {
    for (const path of paths ?? (await sitePaths())) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Records the moment the first chart reports itself drawn.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector("[data-chart-ready='true']")) {
            (window as unknown as {firstChart: number}).firstChart = performance.now();
            observer.disconnect();
          }
        }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-chart-ready"], childList: true});
      });
      const sizes = new Map<string, {js: boolean; bytes: number}>();
      page.on("response", async (response) => {
        const url = response.url();
        if (!isJs(url) && !isData(url)) return;
        try {
          sizes.set(url, {js: isJs(url), bytes: brotli(await response.body())});
        } catch {
          // A response without a body (a redirect) transfers nothing worth counting.
        }
      });
      await page.goto(pageUrl(base, path), {waitUntil: "networkidle"});
      // Charts appear once their data is parsed, possibly after the network went quiet.
      const hasChart = await page
        .waitForSelector("[data-chart]", {timeout: 5_000})
        .then(() => true)
        .catch(() => false);
      let firstChartMs: number | null = null;
      if (hasChart) {
        await page.waitForFunction(
          () => (window as unknown as {firstChart?: number}).firstChart !== undefined,
          undefined,
          {
            timeout: 15_000
          }
        );
        firstChartMs = await page.evaluate(() => (window as unknown as {firstChart: number}).firstChart);
      }
      const all = [...sizes.values()];
      measures.push({
        path,
        jsBytes: all.filter((s) => s.js).reduce((a, s) => a + s.bytes, 0),
        dataBytes: all.filter((s) => !s.js).reduce((a, s) => a + s.bytes, 0),
        requests: sizes.size,
        firstChartMs
      });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return measures;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;

export function printMeasures(measures: readonly PageMeasure[]): boolean {
  let ok = true;
  const rows = measures.map((m) => {
    const total = m.jsBytes + m.dataBytes;
    const overWeight = total > BUDGET_BYTES;
    const overTime = m.firstChartMs !== null && m.firstChartMs > BUDGET_FIRST_CHART_MS;
    if (overWeight || overTime) ok = false;
    return {
      page: m.path,
      "JS (brotli)": kb(m.jsBytes),
      "données (brotli)": kb(m.dataBytes),
      total: kb(total),
      "part du budget": `${((100 * total) / BUDGET_BYTES).toFixed(0)} %`,
      "1er graphique": m.firstChartMs === null ? "—" : `${m.firstChartMs.toFixed(0)} ms`,
      "part du temps":
        m.firstChartMs === null ? "—" : `${((100 * m.firstChartMs) / BUDGET_FIRST_CHART_MS).toFixed(0)} %`,
      verdict: overWeight || overTime ? "HORS BUDGET" : "ok"
    };
  });
  console.table(rows);
  const over = rows.filter((r) => r.verdict !== "ok").length;
  console.log(
    `${rows.length - over} pages sur ${rows.length} dans le budget (${BUDGET_BYTES / 1024} Ko brotli, 1er graphique ${BUDGET_FIRST_CHART_MS} ms).`
  );
  return ok;
}

// Embeds (issue 14): the light embed page under 60 KB brotli (JavaScript + data), chart
// drawn in under 300 ms, on localhost in headless Chromium. One chart per level; each URL is
// loaded 3 times (fresh browser context, nothing cached) and the median time kept.
export const EMBED_BUDGET_BYTES = 60 * 1024;
export const EMBED_BUDGET_MS = 300;
export const EMBED_URLS = [
  "integrer.html?graphique=etp-mensuel&territoire=france",
  "integrer.html?graphique=salaries-par-type&territoire=region-84",
  "integrer.html?graphique=profil-salaries&territoire=departement-75",
  "integrer.html?graphique=chiffre-etp-etp_realises&territoire=departement-2A"
];

export interface EmbedMeasure {
  readonly url: string;
  readonly jsBytes: number;
  readonly dataBytes: number;
  readonly drawnMs: number;
}

export async function measureEmbeds(urls: readonly string[] = EMBED_URLS): Promise<EmbedMeasure[]> {
  const {server, url: base}: {server: Server; url: string} = await serveStatic("dist", 0, "127.0.0.1", {plain: true});
  const browser = await launchBrowser();
  const measures: EmbedMeasure[] = [];
  try {
    for (const url of urls) {
      const times: number[] = [];
      let js = 0;
      let data = 0;
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const sizes = new Map<string, {js: boolean; bytes: number}>();
        page.on("response", async (response) => {
          const u = response.url();
          if (!isJs(u) && !isData(u)) return;
          try {
            sizes.set(u, {js: isJs(u), bytes: brotliCompressSync(await response.body()).length});
          } catch {
            // A response without a body transfers nothing worth counting.
          }
        });
        await page.goto(`${base}/${url}`, {waitUntil: "networkidle"});
        await page.waitForSelector("[data-chart-ready='true']", {timeout: 15_000});
        // From navigation start to the figure in the page, drawn.
        times.push(
          await page.evaluate(() => {
            const marks = performance.getEntriesByName("pi-graphique-dessine");
            return marks.length ? marks[0]!.startTime : performance.now();
          })
        );
        const all = [...sizes.values()];
        js = all.filter((s) => s.js).reduce((a, s) => a + s.bytes, 0);
        data = all.filter((s) => !s.js).reduce((a, s) => a + s.bytes, 0);
        await context.close();
      }
      measures.push({url, jsBytes: js, dataBytes: data, drawnMs: times.sort((a, b) => a - b)[1]!});
    }
  } finally {
    await browser.close();
    server.close();
  }
  return measures;
}

export function printEmbedMeasures(measures: readonly EmbedMeasure[]): boolean {
  let ok = true;
  console.table(
    measures.map((m) => {
      const total = m.jsBytes + m.dataBytes;
      const over = total > EMBED_BUDGET_BYTES || m.drawnMs > EMBED_BUDGET_MS;
      if (over) ok = false;
      return {
        "graphique intégré": m.url.replace("integrer.html?", ""),
        "JS (brotli)": kb(m.jsBytes),
        "données (brotli)": kb(m.dataBytes),
        total: kb(total),
        "rapport au budget (60 Ko)": (total / EMBED_BUDGET_BYTES).toFixed(2),
        "dessiné en": `${m.drawnMs.toFixed(0)} ms`,
        "rapport au budget (300 ms)": (m.drawnMs / EMBED_BUDGET_MS).toFixed(2),
        verdict: over ? "HORS BUDGET" : "ok"
      };
    })
  );
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("Graphiques intégrés (integrer.html) :");
  const embedsOk = printEmbedMeasures(await measureEmbeds());
  const ok = printMeasures(await measurePages()) && embedsOk;
  console.log(ok ? "Toutes les pages tiennent leur budget." : "Des pages dépassent leur budget.");
  process.exitCode = ok ? 0 : 1;
}
