// The site read as its readers read it (issue 13), in Chromium, in both themes: on paper, by
// keyboard (map links, territory search), and the sentences checked against the tables they
// describe. The width at 390 px and the skip link are checked on every page by site.test.ts.
import {execFileSync} from "node:child_process";
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import type {Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {MAX_CHANGE_RATIO} from "../../docs/components/change.ts";
import {launchBrowser} from "../support/browser.ts";

let browser: Browser;
let server: Server;
let base: string;
const THEMES = ["light", "dark"] as const;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ est absent : lancer `pnpm build` avant ces tests.");
  ({server, url: base} = await serveStatic("dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string, colorScheme: "light" | "dark", width = 1100): Promise<Page> {
  const context = await browser.newContext({colorScheme, viewport: {width, height: 900}});
  const page = await context.newPage();
  await page.goto(base + path, {waitUntil: "networkidle"});
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll("[data-chart]")).every((el) => el.getAttribute("data-chart-ready") === "true")
  );
  return page;
}

/** French number as the site writes it ("1 234,5", "−3") → 1234.5. */
const frNumber = (text: string) =>
  Number(
    text
      .replace(/[\s\u202f\u00a0]/g, "")
      .replace(",", ".")
      .replace("−", "-")
  );

describe("on paper: one page of each kind printed to PDF", () => {
  // Home, a theme page, the territory index, a région, a département, the method page.
  const kinds = ["/", "/candidatures", "/territoires", "/regions/32", "/departements/59", "/donnees-et-methode"];
  const cases = kinds.flatMap((path) => THEMES.map((theme) => [path, theme] as const));

  it.each(cases)("%s (%s theme): content only, titles kept with their charts, no blank page", async (path, theme) => {
    const page = await open(path, theme, 760);
    const title = (await page.locator("h1").first().textContent())!.trim();
    // In the print media: navigation, filters, downloads and data tables are gone; figures and
    // cards do not break; headings stay with what follows; chart labels at least 10 px.
    await page.emulateMedia({media: "print"});
    const layout = await page.evaluate(() => {
      const shown = (sel: string) =>
        Array.from(document.querySelectorAll(sel)).filter((e) => getComputedStyle(e).display !== "none").length;
      const labels = Array.from(document.querySelectorAll(".pi-graphique svg text")).map((t) => {
        const svg = t.closest("svg")!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      });
      const figures = Array.from(document.querySelectorAll(".pi-figure"));
      return {
        visible: shown(
          "#observablehq-sidebar, .pi-evitement, .pi-telechargements, .pi-filtres, .pi-recherche, .pi-donnees, .pi-integrer, .pi-copier-lien"
        ),
        unbroken: figures.every((f) => getComputedStyle(f).breakInside === "avoid"),
        kept: Array.from(document.querySelectorAll("h2, h3")).every((h) => getComputedStyle(h).breakAfter === "avoid"),
        smallest: labels.length ? Math.min(...labels) : null,
        // Key figures three a row on paper (fewer only when there are fewer cards).
        keyFigureRows: Array.from(document.querySelectorAll(".pi-chiffres")).map((grid) => {
          const tops = Array.from(grid.querySelectorAll(":scope > figure")).map((c) =>
            Math.round(c.getBoundingClientRect().top)
          );
          return {cards: tops.length, firstRow: tops.filter((t) => t === tops[0]).length};
        })
      };
    });
    for (const row of layout.keyFigureRows) expect(row.firstRow).toBe(Math.min(3, row.cards));
    expect(layout.visible).toBe(0);
    expect(layout.unbroken).toBe(true);
    expect(layout.kept).toBe(true);
    if (layout.smallest !== null) expect(layout.smallest).toBeGreaterThanOrEqual(10);

    const dir = mkdtempSync(join(tmpdir(), "pi-print-"));
    const pdf = join(dir, "page.pdf");
    writeFileSync(pdf, await page.pdf({format: "A4", printBackground: true}));
    await page.context().close();
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], {encoding: "utf8"});
    const pages = text.split("\f").slice(0, -1); // pdftotext ends every page with a form feed
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((p, i) => expect(p.trim(), `page ${i + 1} blanche`).not.toBe(""));
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(title.replace(/\s+/g, " "));
    for (const absent of [
      "Aller au contenu",
      "Page suivante",
      "Page précédente",
      "Voir les données",
      "Télécharger",
      "Intégrer",
      "Copier le lien",
      "Guide des analystes"
    ])
      expect(flat, absent).not.toContain(absent);
  });
});

describe("finding one's territory", () => {
  it.each(THEMES)("the search field opens a fiche from the keyboard (%s theme)", async (theme) => {
    const page = await open("/territoires", theme);
    const field = page.getByRole("combobox", {name: "Rechercher une région ou un département"});
    await field.focus();
    await page.keyboard.type("nord");
    await expect.poll(() => field.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("option").allTextContents()).toEqual(["Nord (59)"]);
    await Promise.all([page.waitForURL(/\/departements\/59\.html$/), page.keyboard.press("Enter")]);
    await expect.poll(() => page.locator("h1").first().textContent()).toMatch(/Nord/);
    await page.context().close();
  });

  it.each(THEMES)(
    "every area of the maps is a link named with its value, reached by keyboard (%s theme)",
    async (theme) => {
      const page = await open("/territoires", theme);
      const regions = page.locator("#observablehq-main [data-chart='carte-regions'] svg a");
      const departements = page.locator("#observablehq-main [data-chart='carte-departements'] svg a");
      expect(await regions.count()).toBe(18);
      expect(await departements.count()).toBe(101);
      const labels = await regions.evaluateAll((links) => links.map((a) => a.getAttribute("aria-label") ?? ""));
      for (const label of labels) expect(label).toMatch(/^.+ : \d[\d\u202f]* \(structures\)$/);
      // Tab from the search field reaches the first area; Enter opens its fiche.
      await page.getByRole("combobox").focus();
      let onArea = false;
      for (let i = 0; i < 10 && !onArea; i++) {
        await page.keyboard.press("Tab");
        onArea = await page.evaluate(() => document.activeElement?.closest("svg") != null);
      }
      expect(onArea).toBe(true);
      const href = await page.evaluate(() => document.activeElement!.getAttribute("href"));
      expect(href).toMatch(/^\.\/regions\/\d\d\.html$/);
      await Promise.all([page.waitForURL(/\/regions\/\d\d\.html$/), page.keyboard.press("Enter")]);
      await page.context().close();
    }
  );

  it.each(THEMES)("map classes are told apart as drawn (%s theme): neighbours at least 1.5:1", async (theme) => {
    const page = await open("/", theme);
    // The legend's swatches, in class order, with the colours the theme's stylesheet gives them.
    const classes = await page
      .locator("[data-chart='carte-accueil'] .pi-legende li")
      .evaluateAll((items) =>
        items
          .filter((li) => !/^(Valeur masquée|Pas de donnée)/.test(li.textContent ?? ""))
          .map((li) => getComputedStyle(li.querySelector("rect")!).fill)
      );
    expect(classes.length).toBeGreaterThanOrEqual(3);
    const lum = (rgb: string) => {
      const [r, g, b] = rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((v) => {
          const c = Number(v) / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let i = 1; i < classes.length; i++) {
      const [hi, lo] = [lum(classes[i]!), lum(classes[i - 1]!)].sort((x, y) => y - x) as [number, number];
      expect((hi + 0.05) / (lo + 0.05), `${classes[i - 1]} → ${classes[i]}`).toBeGreaterThanOrEqual(1.5);
    }
    await page.context().close();
  });

  it("map classes of a share stop at 100 %", async () => {
    const page = await open("/metiers", "light");
    const legend = await page.locator("[data-chart='carte-tension'] .pi-legende").textContent();
    expect(legend).not.toMatch(/100\s*%\s*ou plus/);
    await page.context().close();
  });
});

describe("sentences checked against the tables they describe", () => {
  /** The rows of a figure's CSV download (raw values, as the chart draws them). */
  async function csvRows(page: Page, figure: string): Promise<Record<string, string>[]> {
    const href = await page.locator(`${figure} a[download$='.csv']`).first().getAttribute("href");
    const text = decodeURIComponent(href!.replace(/^data:text\/csv;charset=utf-8,/, "")).replace(/^\ufeff/, "");
    const [head, ...lines] = text
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    return lines.map((l) => Object.fromEntries(head!.map((h, i) => [h, l[i] ?? ""])));
  }

  it.each(THEMES)(
    "Métiers: the key figures are the totals of the table by kind, « Autres » included (%s theme)",
    async (theme) => {
      const page = await open("/metiers", theme);
      const card = async (title: string) =>
        frNumber(
          (await page
            .locator(".pi-chiffre-cle", {has: page.locator(`h3:text-is("${title}")`)})
            .locator(".pi-chiffre-valeur")
            .textContent())!
        );
      const rows = await csvRows(page, "[data-chart='tension-type']");
      const total = rows.find((r) => r["Type de structure"] === "Total")!;
      const kinds = rows.filter((r) => r["Type de structure"] !== "Total");
      expect(kinds.map((r) => r["Type de structure"])).toContain("Autres employeurs inclusifs");
      for (const [title, column] of [
        ["Postes ouverts", "Postes ouverts"],
        ["Postes en tension", "En tension"]
      ] as const) {
        const sum = kinds.reduce((s, r) => s + Number(r[column]), 0);
        expect(Number(total[column]), column).toBe(sum);
        expect(await card(title), title).toBe(sum);
      }
      await page.context().close();
    }
  );

  // Line findings: "… passe de A en <mois> à B en <mois> (+x %)": A and B are the table's
  // values for those months, and a rate is written only within MAX_CHANGE_RATIO.
  const linePages = ["/candidatures", "/pass-iae", "/etp", "/regions/32", "/departements/59"];
  it.each(linePages)(
    "%s: every line's finding matches its table, periods in words, no rate from a tiny base",
    async (path) => {
      const page = await open(path, "light");
      const figures = page.locator(".pi-courbe");
      const n = await figures.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const figure = figures.nth(i);
        const subtitle = (await figure.locator(".pi-sous-titre").textContent())!;
        expect(subtitle).not.toMatch(/\d{4}-\d{2}/);
        if ((await figure.locator(".pi-constat").count()) === 0) continue; // every value masked
        const finding = (await figure.locator(".pi-constat").textContent())!;
        const m = /passe de (.+?) en (\S+ \d{4}) à (.+?) en (\S+ \d{4})(?: \(([+−][\d\u202f,]+)\u202f%\))?\.$/.exec(
          finding
        );
        expect(m, finding).not.toBeNull();
        const [, a, monthA, b, monthB, rate] = m!;
        const table = await figure
          .locator("table tbody tr")
          .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
        const valueIn = (month: string, value: string) => table.some((r) => r[0] === month && r.includes(value));
        expect(valueIn(monthA!, a!), `${monthA} ${a}`).toBe(true);
        expect(valueIn(monthB!, b!), `${monthB} ${b}`).toBe(true);
        const ratio = frNumber(b!) / frNumber(a!);
        if (rate) {
          expect(ratio).toBeLessThanOrEqual(MAX_CHANGE_RATIO);
          expect(frNumber(rate) / 100).toBeCloseTo(ratio - 1, 2);
        } else expect(ratio > MAX_CHANGE_RATIO || ratio < 1 / MAX_CHANGE_RATIO || frNumber(a!) === 0).toBe(true);
      }
      await page.context().close();
    }
  );
});

describe("Données et méthode: the dictionary read on a laptop and on a phone", () => {
  const cases = [1100, 390].flatMap((width) => THEMES.map((theme) => [width, theme] as const));
  it.each(cases)(
    "at %i px (%s theme): every definition in full lines, nothing clipped, every column listed",
    async (width, theme) => {
      const page = await open("/donnees-et-methode", theme, width);
      const report = await page.locator(".pi-dictionnaire").evaluateAll((lists) =>
        lists.map((dl) => {
          const blocks = Array.from(dl.querySelectorAll(".pi-colonne"));
          return {
            columns: blocks.length,
            // A definition: the second dd (role and type come first).
            narrow: blocks
              .map((b) => b.querySelectorAll("dd")[1] as HTMLElement | undefined)
              .filter((dd): dd is HTMLElement => !!dd && (dd.textContent ?? "").trim().length > 40)
              .filter((dd) => {
                // Words per line: a definition written one word a line has about one.
                const lineHeight =
                  parseFloat(getComputedStyle(dd).lineHeight) || 1.2 * parseFloat(getComputedStyle(dd).fontSize);
                const lines = Math.max(1, Math.round(dd.getBoundingClientRect().height / lineHeight));
                const words = (dd.textContent ?? "").trim().split(/\s+/).length;
                return words / lines < 3;
              })
              .map((dd) => dd.textContent!.trim().slice(0, 40)),
            // Clipped: a block whose content is wider than its box (hidden or scrolled away).
            clipped: Array.from(dl.querySelectorAll("dt, dd"))
              .filter((e) => e.scrollWidth > e.clientWidth + 1)
              .map((e) => e.textContent!.trim().slice(0, 40)),
            width: dl.getBoundingClientRect().width
          };
        })
      );
      const dictionary = JSON.parse(await (await fetch(`${base}/donnees/dictionnaire.json`)).text()) as {
        datasets: {columns: unknown[]}[];
      };
      expect(report.map((r) => r.columns)).toEqual(dictionary.datasets.map((d) => d.columns.length));
      for (const r of report) {
        expect(r.narrow).toEqual([]);
        expect(r.clipped).toEqual([]);
        expect(r.width).toBeGreaterThan(width === 390 ? 300 : 500);
      }
      await page.context().close();
    }
  );
});

describe("on a phone: compact key figures", () => {
  // Every page that shows key figures (a row of `.pi-chiffres` cards).
  const withKeyFigures = [
    "/",
    "/etp",
    "/salaries",
    "/structures",
    "/femmes",
    "/metiers",
    "/candidatures",
    "/prescripteurs",
    "/pass-iae"
  ];
  const cases = withKeyFigures.flatMap((path) => THEMES.map((theme) => [path, theme] as const));
  it.each(cases)("%s at 390 px (%s theme): two key figures a row, each value whole", async (path, theme) => {
    const page = await open(path, theme, 390);
    // The key figures are drawn by their own cell: on a loaded machine, after the charts.
    await page.locator(".pi-chiffres > figure").first().waitFor();
    const rows = await page.locator(".pi-chiffres").evaluateAll((grids) =>
      grids.map((grid) => {
        const cards = Array.from(grid.querySelectorAll(":scope > figure"));
        const tops = cards.map((c) => Math.round(c.getBoundingClientRect().top));
        return {
          cards: cards.length,
          firstRow: tops.filter((t) => t === tops[0]).length,
          cut: cards
            .map((c) => c.querySelector(".pi-chiffre-valeur") as HTMLElement | null)
            .filter((v) => v && v.scrollWidth > v.clientWidth + 1)
            .map((v) => v!.textContent)
        };
      })
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      if (row.cards > 1) expect(row.firstRow).toBe(2);
      expect(row.cut).toEqual([]);
    }
    await page.context().close();
  });
});
