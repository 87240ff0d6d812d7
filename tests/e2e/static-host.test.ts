// The built site on the plainest static host: no clean URLs, no rewriting, and under a
// sub-path (/sous-dossier/). Every page is opened in Chromium (links written by page code
// count too), and every link to the site is followed: none may answer 404.
import {existsSync} from "node:fs";
import type {Server} from "node:http";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser} from "../support/browser.ts";
import {pages as pages_, type Page, type Section} from "../../docs/pages.ts";
import {sitePaths} from "../support/site.ts";

const navigationPaths = (items: readonly (Page | Section)[]): string[] =>
  items.flatMap((item) => ("pages" in item ? navigationPaths(item.pages) : [item.path]));

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ est absent : lancer `pnpm build` avant ces tests.");
  ({server, url: base} = await serveStatic("dist", 0, "127.0.0.1", {plain: true, base: "/sous-dossier/"}));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Same-site links of a page, as the browser resolves them (navigation and data files alike). */
async function linksOf(url: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    const response = await page.goto(url, {waitUntil: "networkidle"});
    if (!response?.ok()) return [];
    return await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href).filter((href) => /^https?:/.test(href)));
  } finally {
    await page.close();
  }
}

describe("the site on a plain static host, under a sub-path", () => {
  it("serves no page by its clean URL (the server really does no rewriting)", async () => {
    expect((await fetch(`${base}/etp`)).status).toBe(404);
    expect((await fetch(`${base}/etp.html`)).status).toBe(200);
  });

  it(
    "answers every link of every page, none 404, starting from the home page",
    async () => {
      const pages = new Set([`${base}/`]);
      const queue = [`${base}/`];
      const broken: string[] = [];
      // One request per distinct link, shared by the pages that carry it.
      const checked = new Map<string, Promise<number>>();
      const visit = async (url: string) => {
        for (const link of await linksOf(url)) {
          const target = new URL(link);
          target.hash = "";
          if (target.origin !== new URL(base).origin) continue;
          const key = target.href;
          if (!checked.has(key))
            checked.set(
              key,
              fetch(key, {method: "GET"}).then((r) => r.status)
            );
          const status = await checked.get(key)!;
          if (status >= 400) broken.push(`${url} → ${key} (${status})`);
          const isPage = target.pathname.endsWith(".html") || target.pathname.endsWith("/");
          if (status < 400 && isPage && !target.pathname.endsWith("/integrer.html")) {
            target.search = "";
            if (!pages.has(target.href)) {
              pages.add(target.href);
              queue.push(target.href);
            }
          }
        }
      };
      // A few pages open at once (the machine has two cores): workers take pages from the
      // queue until it is empty and no worker can add to it any more.
      let busy = 0;
      const worker = async () => {
        for (;;) {
          const url = queue.shift();
          if (url === undefined) {
            if (busy === 0) return;
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          busy++;
          try {
            await visit(url);
          } finally {
            busy--;
          }
        }
      };
      await Promise.all([worker(), worker(), worker()]);
      expect(broken).toEqual([]);
      // Every page of the navigation, and every territory page, was reached by links alone
      // (Framework also builds Markdown files no page links to, such as a folder's README).
      const reached = [...pages].map((p) => new URL(p).pathname.replace("/sous-dossier", ""));
      const navigation = new Set(["/index", ...navigationPaths(pages_)]);
      const expected = (await sitePaths()).filter((p) => navigation.has(p) || /^\/(regions|departements)\//.test(p));
      expect(expected.length).toBeGreaterThan(120);
      for (const path of expected) expect(reached).toContain(path === "/index" ? "/" : `${path}.html`);
    },
    15 * 60_000
  );
});
