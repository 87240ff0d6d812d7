// The printed and published forms, in real Chromium: PDFs (A4, tagged, outline, recipient
// and period on every page, no mostly blank page, key figures in the text, dates from the
// data, same bytes twice), axe-core (WCAG 2.1 A/AA) on every kind of report and on the
// index, and a whole run's manifest (files and SHA-256 checksums), the same bytes from a
// second run.
import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {tempDir} from "@pilotage/sources/testing";
import {structureFigures} from "./figures.ts";
import {formatCell} from "./format.ts";
import {isLandscape, reportHtml} from "./html.ts";
import type {Manifest} from "./index-page.ts";
import type {Report} from "./model.ts";
import {launchPrinter, printPdf} from "./pdf.ts";
import {buildReports, resolveOptions, writeReports} from "./produce.ts";
import {departementReport} from "./reports/departement.ts";
import {regionReport} from "./reports/region.ts";
import {onTheSample} from "./testing.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const sample = onTheSample();
let browser: Browser;
let reports: Report[];
const dir = tempDir("pilotage-reports-");

beforeAll(async () => {
  browser = await launchPrinter();
  const o = resolveOptions({}, sample.data);
  // One review of each kind: the first SIAE, the DDETS, DREETS and CD reports.
  reports = buildReports(sample.data, {...o, structures: o.structures.slice(0, 1)});
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

const pdftotext = (file: string, page?: number) =>
  execFileSync("pdftotext", [...(page ? ["-f", String(page), "-l", String(page)] : []), "-layout", file, "-"], {
    encoding: "utf8"
  });
const pdfinfo = (file: string) => execFileSync("pdfinfo", [file], {encoding: "utf8"});
/** Each page of a PDF: its size and its words' boxes, from `pdftotext -bbox` (points). */
const pageWords = (file: string) => {
  const xml = execFileSync("pdftotext", ["-bbox", file, "-"], {encoding: "utf8"});
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([^]*?)<\/page>/g)].map(([, w, h, words]) => ({
    width: Number(w),
    height: Number(h),
    words: [...words!.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map(
      ([, x0, y0, x1, y1]) => ({x0: Number(x0), y0: Number(y0), x1: Number(x1), y1: Number(y1)})
    )
  }));
};
// The page margins of html.ts and pdf.ts (points); the header and footer lines sit in them.
const MM = 72 / 25.4;
const MARGIN = {top: 20 * MM, bottom: 18 * MM, side: 14 * MM};
/** How far down a page its body reaches, as a share of the printable height. */
const bodyReach = (page: ReturnType<typeof pageWords>[number]): number => {
  const bottom = page.height - MARGIN.bottom;
  const inBody = page.words.filter((w) => w.y0 > MARGIN.top && w.y1 < bottom);
  return inBody.length ? (Math.max(...inBody.map((w) => w.y1)) - MARGIN.top) / (bottom - MARGIN.top) : 0;
};
/** Points by which the page's widest word passes a side margin (0 when everything is inside). */
const sideOverflow = (page: ReturnType<typeof pageWords>[number]): number =>
  Math.max(0, ...page.words.map((w) => Math.max(MARGIN.side - w.x0, w.x1 - (page.width - MARGIN.side))));
const squash = (s: string) => s.replace(/[\s\u202f]+/g, " ");

describe("PDF", () => {
  it("each kind prints to a tagged A4 PDF with an outline, the recipient and period on every page, no blank page", async () => {
    // Also a thinner territory of the sample (Gironde, Nouvelle-Aquitaine), whose last page was
    // one row and the notes.
    const thin = [
      departementReport(sample.data, "33", 2025),
      regionReport(sample.data, "75", 2025),
      // And 2024 of the test territory, where a table's header was left alone at a page foot.
      departementReport(sample.data, "34", 2024),
      regionReport(sample.data, "76", 2024)
    ];
    for (const r of [...reports, ...thin]) {
      const file = join(dir, `${r.slug}.pdf`);
      const bytes = await printPdf(browser, r, reportHtml(r));
      writeFileSync(file, bytes);
      const info = pdfinfo(file);
      expect(info, r.slug).toMatch(/Tagged:\s+yes/);
      // A4; the territory reviews, whose tables run to 13 columns, in landscape.
      expect(info, r.slug).toMatch(
        isLandscape(r) ? /Page size:\s+841\.\d+ x 594\.\d+ pts \(A4\)/ : /Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/
      );
      // Dates from the data (15 January 2026), not from the clock.
      expect(info, r.slug).toMatch(/CreationDate:\s+Thu Jan 15 00:00:00 2026 UTC/);
      expect(info, r.slug).toMatch(/ModDate:\s+Thu Jan 15 00:00:00 2026 UTC/);
      expect(Buffer.from(bytes).toString("latin1"), `${r.slug}: outline`).toMatch(/\/Outlines \d+ 0 R/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages, r.slug).toBeGreaterThanOrEqual(2);
      expect(pages, r.slug).toBeLessThanOrEqual(r.kind === "structure" ? 8 : 20);
      for (let p = 1; p <= pages; p++) {
        const text = squash(pdftotext(file, p));
        expect(text, `${r.slug} p. ${p}`).toContain("Diffusion restreinte");
        expect(text, `${r.slug} p. ${p}`).toContain(squash(r.recipient));
        expect(text, `${r.slug} p. ${p}`).toContain(`année ${r.year}`);
        expect(text, `${r.slug} p. ${p}`).toContain(`page ${p} / ${pages}`);
        // Beyond the header and footer lines, a page holds text (a chart page has its axis and table).
        const body = text.replace(/Diffusion restreinte[^]*?année \d{4}/g, "").replace(/page \d+ \/ \d+/g, "");
        expect(body.length, `${r.slug} p. ${p} presque vide`).toBeGreaterThan(300);
      }
      // Nor a page left mostly blank, the last one included (a table's lone tail rows, a
      // chart pushed over): its body reaches at least 30 % of the way down. Nothing runs
      // off the page (a wide table's last column cut at the right edge).
      const layout = pageWords(file);
      expect(layout.length, r.slug).toBe(pages);
      for (const [i, page] of layout.entries()) {
        expect(bodyReach(page), `${r.slug} p. ${i + 1} presque vide`).toBeGreaterThanOrEqual(0.3);
        expect(sideOverflow(page), `${r.slug} p. ${i + 1} déborde de la marge`).toBeLessThan(1);
      }
      // A section's heading is never left alone at the foot of a page: it shares its page with
      // the caption of its first table and that table's first row.
      const texts = Array.from({length: pages}, (_, p) => squash(pdftotext(file, p + 1)));
      r.sections.forEach((s, i) => {
        const caption = s.tables[0]?.caption;
        if (!caption) return;
        const heading = texts.findLastIndex((t) => t.includes(`${i + 1}. ${s.title}`));
        expect(heading, `${r.slug}: titre « ${s.title} »`).toBeGreaterThanOrEqual(0);
        expect(
          texts.findIndex((t, p) => p >= heading && t.includes(squash(caption))),
          `${r.slug}: « ${s.title} » seul en bas de page`
        ).toBe(heading);
        // The first row's label, its first 12 characters (a long name wraps in its cell).
        const first = s.tables[0]!.rows[0]?.[0];
        if (typeof first === "string" && first.length > 3)
          expect(
            texts.findIndex((t, p) => p >= heading && t.includes(squash(first).slice(0, 12))),
            `${r.slug}: en-tête de « ${s.tables[0]!.caption} » sans ligne en bas de page`
          ).toBe(heading);
      });
    }
  });

  it("the text of a structure's PDF holds its key figures", async () => {
    const r = reports[0]!;
    const file = join(dir, `${r.slug}.pdf`);
    const text = squash(pdftotext(file));
    const id = Number(r.slug.split("-").pop());
    const f = structureFigures(sample.data, id, 2025);
    expect(text).toContain(
      squash(
        `a réalisé ${formatCell(f.etpRealises, "etp")} ETP pour ${formatCell(f.etpConventionnes, "etp")} ETP conventionnés, soit un taux de réalisation de ${formatCell(f.tauxRealisation, "percent")}`
      )
    );
    expect(text).toContain(squash(`${formatCell(f.salaries, "count")} personnes ont travaillé`));
  });

  it("prints the same bytes twice", async () => {
    const r = reports.find((x) => x.kind === "rsa")!;
    const a = await printPdf(browser, r, reportHtml(r));
    const b = await printPdf(browser, r, reportHtml(r));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

async function axeViolations(html: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html);
    await page.addScriptTag({content: AXE});
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {run: (c: unknown, o: unknown) => Promise<{violations: {id: string; nodes: unknown[]}[]}>};
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
      });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    return violations;
  } finally {
    await page.close();
  }
}

describe("accessibility", () => {
  it("axe sees a violation when there is one (an image without a text alternative, no lang)", async () => {
    expect(await axeViolations('<!doctype html><html><body><img src="x.png"></body></html>')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^image-alt/), expect.stringMatching(/^html-has-lang/)])
    );
  });

  it("every kind of report passes axe (WCAG 2.1 A and AA)", async () => {
    for (const r of reports) expect(await axeViolations(reportHtml(r)), r.slug).toEqual([]);
  });
});

describe("a whole run", () => {
  it("writes every form, an index and a manifest whose checksums are the files'", async () => {
    const out = join(dir, "run");
    const o = resolveOptions({}, sample.data);
    const options = {...o, structures: o.structures.slice(0, 2)};
    const lines: string[] = [];
    const result = await writeReports(
      buildReports(sample.data, options),
      options,
      out,
      {log: (l) => lines.push(l)},
      sample.data.referenceDate
    );
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.reports.map((r) => r.kind)).toEqual(["structure", "structure", "departement", "region", "rsa"]);
    for (const r of manifest.reports) {
      expect(r.files.map((f) => f.format)).toEqual(["html", "pdf", "xlsx"]);
      expect(r.period).toBe("année 2025");
      for (const f of r.files) {
        const bytes = readFileSync(join(out, f.path));
        expect(createHash("sha256").update(bytes).digest("hex"), f.path).toBe(f.sha256);
      }
    }
    // 2 × 7 h + 35 h + 21 h + 28 h, from heures-economisees.json.
    expect(manifest.savedHours).toBe(98);
    expect(result.saved.days).toBe(14);
    const index = readFileSync(join(out, "index.html"), "utf8");
    for (const r of manifest.reports) expect(index).toContain(r.files[0]!.path);
    expect(index).toContain("14 jours de travail");
    expect(index).toContain("rapports, chacun en HTML, PDF et tableur (XLSX).");
    expect(await axeViolations(index)).toEqual([]);
    await expect(writeReports([], options, join(dir, "dist", "x"), {log: () => {}}, "2026-01-15")).rejects.toThrow(
      "dist/"
    );
  });

  it("a second run on the same data writes the same bytes (every file's checksum, the index)", async () => {
    const o = resolveOptions({}, sample.data);
    const options = {...o, structures: o.structures.slice(0, 2)};
    const again = join(dir, "run-again");
    await writeReports(buildReports(sample.data, options), options, again, {log: () => {}}, sample.data.referenceDate);
    // The first run's folder is the previous test's: written seconds (or minutes) earlier.
    for (const file of ["manifest.json", "index.html"])
      expect(readFileSync(join(again, file), "utf8"), file).toBe(readFileSync(join(dir, "run", file), "utf8"));
  });
});
