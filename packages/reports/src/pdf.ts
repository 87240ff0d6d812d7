// PDF printed by Chromium (Debian's /usr/bin/chromium through playwright-core): A4, tagged
// (structure tree for screen readers), with an outline from the headings, and on every page
// "Diffusion restreinte", the recipient, the period and "page n / N".
// Chromium stamps the PDF with the clock: the creation and modification dates are rewritten
// in place (same length, so every offset stays right) with the date of the data.
import {chromium, type Browser} from "playwright-core";
import {esc, restrictedLine} from "./html.ts";
import type {Report} from "./model.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A Chromium kept open to print many reports. */
export async function launchPrinter(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
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

const templateStyle = `font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#000;width:100%;margin:0 14mm;`;

/** Prints `html` (the report's own HTML) to PDF bytes. */
export async function printPdf(browser: Browser, report: Report, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    // Nothing may leave the file: any request is refused.
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, {waitUntil: "load"});
    const line = esc(restrictedLine(report));
    const bytes = await page.pdf({
      format: "A4",
      // The report's @page rules: A4, landscape for its wide tables.
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${templateStyle}font-weight:bold;">${line}</div>`,
      footerTemplate: `<div style="${templateStyle}display:flex;justify-content:space-between;"><span>${esc(report.title)}</span><span>page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      margin: {top: "20mm", bottom: "18mm", left: "14mm", right: "14mm"}
    });
    return setPdfDates(new Uint8Array(bytes), report.referenceDate);
  } finally {
    await page.close();
  }
}

/**
 * Replaces every `/CreationDate (D:…)` and `/ModDate (D:…)` value with `date` (`AAAA-MM-JJ`,
 * midnight UTC), keeping each value's length so that the cross-reference offsets stay right.
 */
export function setPdfDates(pdf: Uint8Array, date: string): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const stamp = `D:${date.replaceAll("-", "")}000000+00'00'`;
  const fixed = text.replace(/\/(CreationDate|ModDate) ?\((D:[^)]*)\)/g, (all, _key: string, value: string) => {
    // Chromium writes "D:AAAAMMJJHHMMSS+00'00'" (the stamp's length); another length is padded
    // with blanks or cut at the seconds, never moved.
    const replacement = stamp.length <= value.length ? stamp.padEnd(value.length, " ") : stamp.slice(0, value.length);
    return all.replace(value, replacement);
  });
  return new Uint8Array(Buffer.from(fixed, "latin1"));
}
