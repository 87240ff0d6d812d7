// Embeds as a host would use them: the snippet given by a chart's "Intégrer" action, pasted
// in a page of another origin (a second loopback address), one chart at each level:
// France (a theme page's chart), a région and a département (the light embed page).
import {existsSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {Browser, Frame} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser} from "../support/browser.ts";

let browser: Browser;
let site: Server;
let siteUrl: string;
let host: Server;
let hostUrl: string;
let hostPage = "";

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ est absent : lancer `pnpm build` avant ces tests.");
  ({server: site, url: siteUrl} = await serveStatic("dist", 0, "127.0.0.1", {plain: true}));
  host = createServer((_, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(hostPage);
  });
  await new Promise<void>((done) => host.listen(0, "127.0.0.2", done));
  const address = host.address();
  if (address === null || typeof address === "string") throw new Error("pas d'adresse");
  hostUrl = `http://127.0.0.2:${address.port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  host?.close();
});

/** The snippet that the "Intégrer" action of a chart of `page` gives, for `theme`. */
async function snippetOf(page: string, title: string, theme: "clair" | "sombre" | "hote"): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${siteUrl}/${page}`, {waitUntil: "networkidle"});
    const figure = tab
      .locator("figure[data-chart-ready='true']", {has: tab.locator(`.pi-titre:text-is("${title}")`)})
      .first();
    await figure.locator(".pi-integrer > summary").click();
    const value = {clair: "clair", sombre: "sombre", hote: "hote"}[theme];
    await figure.locator(`.pi-integrer input[value='${value}']`).check();
    return await figure.locator(".pi-integrer textarea").inputValue();
  } finally {
    await tab.close();
  }
}

describe("a chart embedded in a page of another origin", () => {
  it("draws at each level, with its table, no error, nothing from outside the site, and fits its iframe", async () => {
    const snippets = [
      await snippetOf("salaries.html?territoire=france", "Parcours selon leur durée", "clair"),
      await snippetOf("regions/84.html", "Salariés par type de structure", "sombre"),
      await snippetOf("departements/75.html", "ETP conventionnés et réalisés par mois", "hote")
    ];
    // The snippets load the resizing script from the site, once is enough.
    expect(snippets.every((s) => s.includes(`${siteUrl}/integrer.js`))).toBe(true);
    expect(snippets[1]).toContain(
      "integrer.html?graphique=salaries-par-type&amp;territoire=region-84&amp;theme=sombre"
    );
    expect(snippets[2]).toContain("integrer.html?graphique=etp-mensuel&amp;territoire=departement-75&amp;theme=hote");
    expect(snippets[0]).toContain("salaries.html?territoire=france&amp;integrer=");
    hostPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site hôte</title></head>
<body><h1>Un site qui intègre des graphiques</h1>${snippets.map((s) => `<section>${s}</section>`).join("\n")}</body></html>`;

    const page = await browser.newPage();
    const problems: string[] = [];
    const allowed = [new URL(siteUrl).origin, new URL(hostUrl).origin];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console : ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`erreur : ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`réponse ${r.status()} : ${r.url()}`);
    });
    await page.context().route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("data:") || url.startsWith("blob:") || allowed.includes(new URL(url).origin))
        return route.continue();
      problems.push(`requête hors du site : ${url}`);
      return route.abort("blockedbyclient");
    });
    await page.goto(hostUrl, {waitUntil: "networkidle"});
    const iframes = page.locator("iframe");
    expect(await iframes.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const iframe = iframes.nth(i);
      await iframe.scrollIntoViewIfNeeded();
      expect(await iframe.getAttribute("title")).toMatch(/^Graphique : \S/);
      const frame = (await (await iframe.elementHandle())!.contentFrame()) as Frame;
      // The figure asked for (a theme page draws the others too, hidden).
      await frame.waitForSelector(
        ".pi-integre-cible[data-chart-ready='true'], #pi-integre figure[data-chart-ready='true']",
        {
          timeout: 15_000
        }
      );
      const figures = frame.locator("figure[data-chart-ready='true']");
      // Only the chart asked for is shown, with its table, caption and source.
      const visible = await figures.evaluateAll(
        (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length
      );
      expect(visible).toBe(1);
      const shown = frame.locator(".pi-integre-cible, #pi-integre figure").first();
      expect(await shown.locator("table").count()).toBe(1);
      expect(await shown.locator("figcaption").textContent()).toMatch(/^Source : .+ Données au /);
      // What makes it trustworthy travels with it: title, population and period, and the chart's
      // text alternative (the image is labelled by its title and its finding, both shown).
      expect((await shown.locator(".pi-titre").textContent())!.trim()).not.toBe("");
      expect((await shown.locator(".pi-sous-titre").textContent())!.trim()).toMatch(/^Champ : .+\. Période : .*\d{4}/);
      const alternative = await shown.evaluate((f) => {
        const image = f.querySelector("[role='img']");
        if (!image) return f.querySelector(".pi-tout-masque")?.textContent ?? "";
        return (image.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
      });
      expect(alternative.trim().length, "alternative textuelle").toBeGreaterThan(20);
      // The iframe's height follows its content (within a few pixels), not the fixed 620 px.
      // The frame is of another origin: its content is measured inside it.
      const fits = async () => {
        const content = await frame.evaluate(() => {
          const main = document.querySelector("#observablehq-main, #pi-integre")!;
          return main.getBoundingClientRect().bottom + window.scrollY + 8;
        });
        const height = await iframe.evaluate((el) => (el as HTMLIFrameElement).clientHeight);
        return Math.abs(height - content) <= 4 && height !== 620;
      };
      await expect.poll(fits, {timeout: 10_000}).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("keeps a fixed, sensible height without the resizing script, and says what is wrong in French", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/integrer.html?graphique=inconnu&territoire=france`, {waitUntil: "networkidle"});
    expect(await page.locator("#pi-integre").textContent()).toContain("Graphique inconnu : « inconnu »");
    await page.close();
    hostPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head><body>
<iframe src="${siteUrl}/integrer.html?graphique=profil-salaries&territoire=departement-2A" title="Graphique : Profil des salariés" width="100%" height="620"></iframe></body></html>`;
    const hostTab = await browser.newPage();
    await hostTab.goto(hostUrl, {waitUntil: "networkidle"});
    const frame = (await (await hostTab.locator("iframe").elementHandle())!.contentFrame()) as Frame;
    await frame.waitForSelector("figure[data-chart-ready='true']");
    expect(await hostTab.locator("iframe").evaluate((el) => (el as HTMLIFrameElement).clientHeight)).toBe(620);
    await hostTab.close();
  });

  it("draws in a host's own page without an iframe, from the module the Intégrer action names", async () => {
    const tab = await browser.newPage();
    await tab.goto(`${siteUrl}/departements/2A.html`, {waitUntil: "networkidle"});
    const figure = tab.locator("figure[data-chart-ready='true']", {
      has: tab.locator('.pi-titre:text-is("Durée des parcours")')
    });
    await figure.locator(".pi-integrer > summary").click();
    await figure.locator(".pi-integrer-module > summary").click();
    const code = await figure.locator(".pi-integrer-module code").textContent();
    await tab.close();
    expect(code).toContain(`import {drawChart} from "${siteUrl}/integrer/graphique.js"`);
    hostPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head><body>${code}</body></html>`;
    const host = await browser.newPage();
    const errors: string[] = [];
    host.on("pageerror", (e) => errors.push(e.message));
    host.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await host.goto(hostUrl, {waitUntil: "networkidle"});
    await host.waitForSelector("figure[data-chart-ready='true']");
    expect(await host.locator("figure table").count()).toBe(1);
    expect(await host.locator("figure .pi-titre").textContent()).toBe("Durée des parcours");
    expect(errors).toEqual([]);
    await host.close();
  });
});
