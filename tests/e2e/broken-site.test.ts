// The browser checks must fail on a broken page: a temporary copy of the built site (a
// fresh one per test) is broken on purpose in each way the suite claims to catch, and
// each must be reported.
import {cp, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import type {Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser, visitPage} from "../support/browser.ts";

let browser: Browser;
let server: Server;
let base: string;
let copy: string;

async function breakPage(name: string, edit: (html: string) => string): Promise<void> {
  const file = join(copy, name);
  await writeFile(file, edit(await readFile(file, "utf8")));
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  copy = await mkdtemp(join(tmpdir(), "pilotage-broken-"));
  await cp("dist", copy, {recursive: true});
  ({server, url: base} = await serveStatic(copy));
});

afterEach(async () => {
  server?.close();
  await rm(copy, {recursive: true, force: true});
});

describe("a page broken on purpose is reported", () => {
  it("a script error", async () => {
    await breakPage("index.html", (html) =>
      html.replace("</body>", "<script>throw new Error('cassé')</script></body>")
    );
    const report = await visitPage(browser, `${base}/`);
    expect(report.problems.join("\n")).toMatch(/erreur de page : cassé/);
  });

  it("a request leaving the site", async () => {
    await breakPage("etp.html", (html) =>
      html.replace("</body>", '<img src="https://cdn.example.org/x.png" alt=""></body>')
    );
    const report = await visitPage(browser, `${base}/etp`);
    expect(report.problems.join("\n")).toMatch(/requête hors du site : https:\/\/cdn\.example\.org/);
  });

  it("a missing module (a bundle deleted after the build)", async () => {
    const modules = await readdir(join(copy, "_observablehq"));
    const client = modules.find((f) => f.startsWith("client.") && f.endsWith(".js"));
    expect(client).toBeDefined();
    await rm(join(copy, "_observablehq", client!));
    const report = await visitPage(browser, `${base}/etp`);
    expect(report.problems.join("\n")).toMatch(/réponse 404|requête échouée|erreur de page/);
  });

  it("a chart that never draws", async () => {
    await breakPage("etp.html", (html) => html.replace("</body>", '<div data-chart="fantôme"></div></body>'));
    const report = await visitPage(browser, `${base}/etp`, {chartTimeout: 1_000});
    expect(report.problems.join("\n")).toMatch(/graphique non dessiné : fantôme/);
  });

  it("a chart without its data table", async () => {
    await breakPage("etp.html", (html) =>
      html.replace("</body>", '<figure data-chart="sans-table" data-chart-ready="true"><svg></svg></figure></body>')
    );
    const report = await visitPage(browser, `${base}/etp`);
    expect(report.problems.join("\n")).toMatch(/graphique sans tableau « Voir les données » : sans-table/);
  });
});
