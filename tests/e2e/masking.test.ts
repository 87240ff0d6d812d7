// What the statistical secret masks, as « Données et méthode » shows it (issue 13): the cells
// masked per dataset, level and unit are counted again from the open-data files of the built
// site (dist/donnees/<jeu>.csv and the dictionary), and the page's table, read in Chromium,
// gives the build's masquage.json line by line. And a section with nothing to draw draws no
// empty chart.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import type {Server} from "node:http";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser} from "../support/browser.ts";
import {pageUrl} from "../support/site.ts";

interface Line {
  dataset: string;
  unit: string;
  figures: string[];
  level: string;
  cells: number;
  maskedCells: number;
  maskedCountedPercent: number | null;
}
interface Masking {
  threshold: number;
  minCounted: number;
  datasets: Line[];
  nothingSecret: string[];
  copies: {dataset: string; of: string[]}[];
}
interface DictionaryColumn {
  name: string;
  role: string;
  label: string;
  unit?: string;
  counts?: string;
  maskedWith?: unknown;
}

let masking: Masking;
let dictionary: {datasets: {name: string; columns: DictionaryColumn[]}[]};
let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  if (!existsSync("dist/donnees/dictionnaire.json"))
    throw new Error("dist/ est absent : lancer `pnpm build` avant ces tests.");
  const file = readdirSync("dist/_file/data").find((f) => /^masquage\.[0-9a-f]{8}\.json$/.test(f));
  if (!file) throw new Error("Le site ne publie pas masquage.json.");
  masking = JSON.parse(readFileSync(join("dist/_file/data", file), "utf8"));
  dictionary = JSON.parse(readFileSync("dist/donnees/dictionnaire.json", "utf8"));
  ({server, url: base} = await serveStatic("dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** What an outside reader counts from a published CSV: cells, masked cells, and the published values. */
function recount(name: string): Map<string, {cells: number; masked: number; published: number; figures: string[]}> {
  const spec = dictionary.datasets.find((d) => d.name === name)!;
  const measured = spec.columns.filter(
    (c) => c.role === "figure" && (c.counts === "people" || (c.maskedWith !== undefined && c.unit !== "%"))
  );
  const rows = csvParse(readFileSync(join("dist/donnees", `${name}.csv`), "utf8"));
  const groups = new Map<string, {cells: number; masked: number; published: number; figures: string[]}>();
  for (const row of rows)
    for (const column of measured) {
      const key = JSON.stringify([row.niveau, column.unit]);
      const group = groups.get(key) ?? {cells: 0, masked: 0, published: 0, figures: []};
      groups.set(key, group);
      if (!group.figures.includes(column.label)) group.figures.push(column.label);
      group.cells += 1;
      if (row[`${column.name}_secret`] === "true") {
        expect(row[column.name], `${name} ${column.name} masqué mais publié`).toBe("");
        group.masked += 1;
      } else group.published += Number(row[column.name] || 0);
    }
  return groups;
}

const number = (text: string) => Number(text.replace(/[\s\u202f\u00a0%]/g, "").replace(",", "."));

describe("Données et méthode: what the secret masks", () => {
  it("measures every published dataset and level, with the cells an outside reader counts in the open data", () => {
    const measured = [...new Set(masking.datasets.map((d) => d.dataset))];
    const copies = masking.copies.map((c) => c.dataset);
    expect([...measured, ...masking.nothingSecret, ...copies].sort()).toEqual(
      dictionary.datasets.map((d) => d.name).sort()
    );
    // etp-mensuel: etp's national months, with etp's masks.
    expect(masking.copies).toEqual([{dataset: "etp-mensuel", of: ["etp"]}]);
    expect(masking.nothingSecret).toEqual(expect.arrayContaining(["structures", "postes-tension"]));
    for (const name of measured) {
      const groups = recount(name);
      const lines = masking.datasets.filter((d) => d.dataset === name);
      expect(lines.map((l) => JSON.stringify([l.level, l.unit])).sort(), name).toEqual([...groups.keys()].sort());
      for (const line of lines) {
        const group = groups.get(JSON.stringify([line.level, line.unit]))!;
        expect([line.cells, line.maskedCells, line.figures], `${name} ${line.level} ${line.unit}`).toEqual([
          group.cells,
          group.masked,
          group.figures
        ]);
        // The share of what is counted: 0 only when nothing is masked, given wherever the
        // published cells alone reach the minimum, a whole percent.
        if (line.maskedCells === 0) expect(line.maskedCountedPercent).toBe(0);
        else if (line.maskedCountedPercent !== null) expect(line.maskedCountedPercent).toBeGreaterThanOrEqual(1);
        if (group.published >= masking.minCounted) expect(line.maskedCountedPercent).not.toBeNull();
        if (line.maskedCountedPercent !== null) expect(Number.isInteger(line.maskedCountedPercent)).toBe(true);
      }
    }
    // On the sample, disclosure control masks something somewhere (else the table proves nothing).
    expect(masking.datasets.some((d) => d.maskedCells > 0 && (d.maskedCountedPercent ?? 0) > 0)).toBe(true);
  });

  it("shows the table on the page, line by line as masquage.json gives it", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pageUrl(base, "/donnees-et-methode"));
      await page.waitForSelector("table.pi-masquage tbody tr");
      const rows = await page.$$eval("table.pi-masquage tbody tr", (trs) =>
        trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent!.trim()))
      );
      expect(rows).toHaveLength(masking.datasets.length);
      rows.forEach((cells, i) => {
        const line = masking.datasets[i]!;
        expect(cells.slice(0, 3)).toEqual([line.dataset, `${line.unit} (${line.figures.join(", ")})`, line.level]);
        expect(number(cells[3]!)).toBe(line.cells);
        expect(number(cells[4]!)).toBe(line.maskedCells);
        expect(number(cells[5]!)).toBeCloseTo((100 * line.maskedCells) / line.cells, 1);
        if (line.maskedCountedPercent === null) expect(cells[6]).toBe("—");
        else expect([cells[6]!.endsWith("\u202f%"), number(cells[6]!)]).toEqual([true, line.maskedCountedPercent]);
      });
      const note = page.locator("p", {hasText: "arrondie au point de pourcentage supérieur"});
      expect(await note.count()).toBe(1);
      for (const name of [...masking.nothingSecret, ...masking.copies.map((c) => c.dataset)])
        expect(await note.textContent()).toContain(name);
    } finally {
      await page.close();
    }
  });

  it("draws no empty chart: origins filtered on a kind of structure say where they are published", async () => {
    // Origins are published for all structures together: filtered on ACI there is nothing to draw.
    const page = await browser.newPage();
    try {
      await page.goto(`${pageUrl(base, "/candidatures")}?territoire=departement-59&type=ACI`);
      await page.waitForSelector("[data-chart-ready]");
      await page.waitForSelector("text=Les origines des candidatures sont publiées pour l'ensemble des structures");
      expect(await page.locator("figure", {hasText: "Candidatures selon leur origine"}).count()).toBe(0);
      await page.goto(`${pageUrl(base, "/candidatures")}?territoire=departement-59`);
      const origins = page.locator("figure", {hasText: "Candidatures selon leur origine"});
      await origins.waitFor();
      expect(await origins.locator("svg[role=img], .pi-tout-masque").count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
