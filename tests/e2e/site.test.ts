// The built site (dist/, from `pnpm build`) opened page by page in real Chromium.
import {existsSync} from "node:fs";
import type {Server} from "node:http";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser, visitPage} from "../support/browser.ts";
import {pageUrl, sitePaths} from "../support/site.ts";

const paths = await sitePaths();
let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ est absent : lancer `pnpm build` avant ces tests.");
  ({server, url: base} = await serveStatic("dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("every page of the site, in Chromium", () => {
  it("lists the pages from the configuration", () => {
    expect(paths).toContain("/index");
    expect(paths.length).toBeGreaterThan(1);
  });

  const visits = paths.flatMap((path) => (["light", "dark"] as const).map((theme) => [path, theme] as const));

  it.concurrent.each(visits)(
    "%s (%s theme): clean console, no request leaving the site, every chart drawn, no accessibility violation, skip link first, no sideways scrolling at 390 px",
    async (path, colorScheme) => {
      const report = await visitPage(browser, pageUrl(base, path), {colorScheme, audit: true, reader: true});
      expect(report.problems).toEqual([]);
      expect(report.violations).toEqual([]);
    }
  );
});
