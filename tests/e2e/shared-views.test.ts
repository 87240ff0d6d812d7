// Shareable views: on every page with filters, choose other values than the defaults, copy
// the link with "Copier le lien", open it in a fresh tab: the same filters and the same figures.
import {existsSync, readFileSync} from "node:fs";
import type {Server} from "node:http";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser} from "../support/browser.ts";
import {pageUrl, sitePaths} from "../support/site.ts";

let browser: Browser;
let server: Server;
let base: string;

// The pages whose code builds filters (docs/lib/inputs.ts `select`).
const withFilters = (await sitePaths()).filter(
  (p) => !p.includes("[") && existsSync(`docs${p}.md`) && readFileSync(`docs${p}.md`, "utf8").includes("select({")
);

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ est absent : lancer `pnpm build` avant ces tests.");
  ({server, url: base} = await serveStatic("dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function drawn(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll("[data-chart]")).every((el) => el.getAttribute("data-chart-ready") === "true")
  );
}

/** What a reader sees of a view: each filter's chosen option, each figure's title, subtitle and table. */
async function view(page: Page): Promise<{filters: string[]; figures: string[]}> {
  const filters = await page
    .locator(".pi-filtre select")
    .evaluateAll((els) =>
      els.map((s) => `${(s as HTMLSelectElement).name}=${(s as HTMLSelectElement).selectedOptions[0]?.textContent}`)
    );
  const figures = await page
    .locator("figure[data-chart]")
    .evaluateAll((els) =>
      els.map((f) =>
        [".pi-titre", ".pi-sous-titre", "table"]
          .map((s) => f.querySelector(s)?.textContent?.replace(/\s+/g, " ") ?? "")
          .join(" | ")
      )
    );
  return {filters, figures};
}

describe("a view opened from a copied link", () => {
  it("finds the pages with filters", () => expect(withFilters.length).toBeGreaterThanOrEqual(8));

  it.each(withFilters)(
    "%s: shows the same filters and figures",
    async (path) => {
      const context = await browser.newContext();
      await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: base});
      const page = await context.newPage();
      await page.goto(pageUrl(base, path));
      await drawn(page);
      const selects = page.locator(".pi-filtre select");
      const count = await selects.count();
      if (count === 0) {
        await context.close();
        return;
      }
      // The last option of each filter: a département, the oldest year, the last kind.
      // Each figure's subtitle names the filters (champ, territory, period), so each change
      // shows in the figures: wait for it, or a busy machine reads the view before the redraw.
      for (let i = 0; i < count; i++) {
        const options = await selects.nth(i).locator("option").count();
        const shown = JSON.stringify((await view(page)).figures);
        const current = await selects.nth(i).evaluate((s) => (s as HTMLSelectElement).selectedIndex);
        await selects.nth(i).selectOption({index: options - 1});
        if (current !== options - 1)
          await expect.poll(async () => JSON.stringify((await view(page)).figures), {timeout: 20_000}).not.toBe(shown);
        await drawn(page);
      }
      const before = await view(page);
      await page.getByRole("button", {name: "Copier le lien"}).first().click();
      await expect.poll(() => page.locator(".pi-copier-lien [role=status]").first().textContent()).toBe("Lien copié.");
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toContain("territoire=departement-");
      const fresh = await context.newPage();
      await fresh.goto(link);
      await drawn(fresh);
      // Polled: on a busy machine the view restored from the link can still be drawing.
      await expect.poll(async () => (await view(fresh)).filters, {timeout: 20_000}).toEqual(before.filters);
      await expect.poll(async () => (await view(fresh)).figures, {timeout: 20_000}).toEqual(before.figures);
      expect(before.figures.length).toBeGreaterThan(0);
      await context.close();
    },
    90_000
  );
});
