// Screenshots of the built site (dist/, from `pnpm build`: nothing is built here) in the
// light and dark themes: the home page, one theme page and one département page, full
// page, into .cache/screenshots/. `pnpm screenshots [path…]` takes other paths.
import {existsSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {serveStatic} from "@pilotage/build/serve";
import {launchBrowser} from "./support/browser.ts";

const DIST = "dist";
const OUT = join(".cache", "screenshots");
const PAGES = process.argv.length > 2 ? process.argv.slice(2) : ["/", "/etp", "/departements/01"];

/** The built file of a page path ("/" → index.html, "/etp" → etp.html). */
function builtFile(path: string): string {
  const clean = path.replace(/^\/|\/$/g, "");
  return join(DIST, clean === "" ? "index.html" : `${clean}.html`);
}

function fileName(path: string, theme: string): string {
  const clean = path.replace(/^\/|\/$/g, "").replaceAll("/", "-") || "accueil";
  return join(OUT, `${clean}-${theme}.png`);
}

if (!existsSync(join(DIST, "index.html"))) {
  console.error("dist/ est absent : lancer `pnpm build` avant les captures.");
  process.exit(1);
}
mkdirSync(OUT, {recursive: true});
const {server, url} = await serveStatic(DIST);
const browser = await launchBrowser();
let failed = false;
try {
  for (const path of PAGES) {
    if (!existsSync(builtFile(path))) {
      console.log(`${path} : page absente du site construit, ignorée.`);
      continue;
    }
    for (const theme of ["light", "dark"] as const) {
      const context = await browser.newContext({colorScheme: theme, viewport: {width: 1280, height: 900}});
      try {
        const page = await context.newPage();
        const response = await page.goto(url + path, {waitUntil: "networkidle"});
        if (!response?.ok()) throw new Error(`réponse ${response?.status() ?? "absente"}`);
        // Wait for every declared chart (as the browser tests do); a slow one is reported, not fatal.
        await page
          .waitForFunction(
            () =>
              Array.from(document.querySelectorAll("[data-chart]")).every(
                (el) => el.getAttribute("data-chart-ready") === "true"
              ),
            undefined,
            {timeout: 10_000}
          )
          .catch(() => console.warn(`${path} (${theme}) : graphiques non dessinés après 10 s.`));
        const file = fileName(path, theme);
        await page.screenshot({path: file, fullPage: true});
        console.log(`${path} (${theme === "light" ? "clair" : "sombre"}) → ${file}`);
      } catch (error) {
        failed = true;
        console.error(`${path} (${theme}) : ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exitCode = failed ? 1 : 0;
