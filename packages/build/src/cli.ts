// `pnpm build` and `pnpm dev` go through here: stage the sources once, mark stale the
// loaders whose code or inputs changed, then hand over to Observable Framework.
import {spawn} from "node:child_process";
import {randomUUID} from "node:crypto";
import {readFileSync} from "node:fs";
import {rm} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {METADATA_KEYS, publicationDate, type DatasetSpec, type Row} from "@pilotage/indicators";
import {readCurrent} from "@pilotage/sources";
import {tableFromIPC} from "apache-arrow";
import {auditThemeDatasets, intervalAuditMessage} from "../../../data-loaders/interval-audit.ts";
import {THEME_DATASETS} from "../../../data-loaders/registry.ts";
import {buildEmbedPage} from "./embed-page.ts";
import {publishOpenData, tableCells} from "./open-data.ts";
import {CACHE_DIR, prepare} from "./prepare.ts";
import {stampDist} from "./reproducible.ts";

const {positionals} = parseArgs({allowPositionals: true});
const command = positionals[0] ?? "build";

// One name per build: the loaders of this build share what they compute once under
// .cache/build-run/<name>/ (the applications cube); earlier builds' folders are removed.
const BUILD_RUN = randomUUID();

function run(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", PILOTAGE_BUILD_RUN: BUILD_RUN};
    const child = spawn(bin, args, {stdio: "inherit", env});
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(" ")} : code ${code}`))
    );
  });
}

/** Where Framework leaves the files the loaders wrote. */
const DATA_DIR = "docs/.observablehq/cache/data";

/** A published dataset as a reader gets it: its declaration (the file's metadata) and rows. */
function publishedDataset(dataDir: string, name: string): {spec: DatasetSpec; rows: Row[]} {
  const table = tableFromIPC(readFileSync(join(dataDir, `${name}.arrow`)));
  const spec = JSON.parse(table.schema.metadata.get(METADATA_KEYS.dataset) ?? "null") as DatasetSpec | null;
  if (!spec) throw new Error(`Le fichier publié ${name}.arrow ne porte pas sa déclaration.`);
  const names = table.schema.fields.map((f) => f.name);
  const rows = tableCells(table).map((cells) => Object.fromEntries(cells.map((v, i) => [names[i]!, v])));
  return {spec, rows};
}

const start = performance.now();
try {
  if (command !== "prepare" && command !== "build" && command !== "audit-secret")
    throw new Error(`Commande inconnue : ${command} (prepare, build ou audit-secret)`);
  if (command === "audit-secret") {
    // The interval audit of the secret, over every theme dataset the last build published.
    // Not part of every build yet: it takes minutes on the sample and still finds pinned
    // cells, so in a build it could only print a warning (issue 15).
    const auditStart = performance.now();
    const audit = await auditThemeDatasets(THEME_DATASETS.map((d) => publishedDataset(DATA_DIR, d.name)));
    const auditMessage = intervalAuditMessage(audit, (performance.now() - auditStart) / 1000);
    console.log(auditMessage);
    if (audit.pinned.length > 0) process.exitCode = 2;
  } else await prepare({repoRoot: process.cwd(), log: (line) => console.log(line)});
  if (command === "build") {
    await rm(join(process.cwd(), CACHE_DIR, "build-run"), {recursive: true, force: true});
    await run("observable", ["build"]);
    // Stable addresses for open data (dist/donnees/), from the files the site publishes.
    const files = await publishOpenData({
      dataDir: DATA_DIR,
      outDir: "dist/donnees",
      siteUrl: process.env.PILOTAGE_SITE_URL
    });
    console.log(`Données ouvertes : ${files.length} fichiers à adresse stable dans dist/donnees/.`);
    await buildEmbedPage();
    console.log("Graphiques à intégrer : dist/integrer.html, dist/integrer.js.");
    // Same data, same bytes: attached files dated by the data, not by when loaders ran.
    const referenceDate = readCurrent(join(process.cwd(), CACHE_DIR)).referenceDate;
    if (!referenceDate) throw new Error("La date de référence des données est inconnue (aucune extraction datée).");
    await stampDist(join(process.cwd(), "dist"), publicationDate(referenceDate));
    console.log(`\nSite construit dans dist/ en ${((performance.now() - start) / 1000).toFixed(1)} s.`);
  }
} catch (error) {
  // A source refused names its file, line, column and value: print that, not a stack trace.
  console.error(`\nÉchec : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
