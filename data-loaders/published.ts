// Every data file the site publishes under docs/data/, computed from a staging by the same
// functions the loaders there call. Gathered here so that the whole publication can be
// rebuilt without Framework (`node --import tsx data-loaders/published.ts SOURCES OUT`)
// and compared byte for byte: the reproducibility test does exactly that.
import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {openStaged, readCurrent, recordingEffects, stage, type SqlEngine} from "@pilotage/sources";
import {candidaturesTaux} from "./candidatures-taux.ts";
import {candidatures} from "./candidatures.ts";
import {dictionaryJson} from "./dictionnaire.ts";
import {etpMensuel} from "./etp-mensuel.ts";
import {etp} from "./etp.ts";
import {savedHours} from "./heures-economisees.ts";
import type {LoaderContext} from "./lib/run.ts";
import {parcours} from "./parcours.ts";
import {maskingJson} from "./masquage.ts";
import {passIae} from "./pass-iae.ts";
import {postesTension} from "./postes-tension.ts";
import {prescripteurs} from "./prescripteurs.ts";
import {qualityJson} from "./qualite.ts";
import {salariesEnsemble} from "./salaries-ensemble.ts";
import {salaries} from "./salaries.ts";
import {sorties} from "./sorties.ts";
import {structures} from "./structures.ts";
import {territoiresArchive} from "./territoires.ts";

type Publish = (context: LoaderContext, cacheDir: string) => Promise<Uint8Array | string> | Uint8Array | string;

/** File name under docs/data/ (its loader is that name + `.ts`) → how its bytes are made. */
export const PUBLISHED_FILES: Readonly<Record<string, Publish>> = {
  "candidatures-taux.arrow": candidaturesTaux,
  "candidatures.arrow": candidatures,
  "dictionnaire.json": (context) =>
    dictionaryJson(
      context.referenceDate,
      context.staging.quality.missingTables.map((m) => m.table)
    ),
  "etp-mensuel.arrow": etpMensuel,
  "etp.arrow": etp,
  // The same bytes as its loader (docs/data/heures-economisees.json.ts) writes.
  "heures-economisees.json": async (context) => JSON.stringify(await savedHours(context.engine)),
  // The share of each published dataset that disclosure control masks (its loader: docs/data/masquage.json.ts).
  "masquage.json": (context) => maskingJson(context),
  "parcours.arrow": parcours,
  "pass-iae.arrow": passIae,
  "postes-tension.arrow": postesTension,
  "prescripteurs.arrow": prescripteurs,
  "qualite.json": (_context, cacheDir) => qualityJson(cacheDir),
  "salaries-ensemble.arrow": salariesEnsemble,
  "salaries.arrow": salaries,
  "sorties.arrow": sorties,
  "structures.arrow": structures,
  "territoires.zip": territoiresArchive
};

/**
 * The engine, with each distinct query run once: the territory archive and the home page
 * extracts compute the theme datasets the standalone files compute too. Every caller gets
 * its own copy of the rows (some loaders add fields to them).
 */
function queryOnce(engine: SqlEngine): SqlEngine {
  const results = new Map<string, Promise<Record<string, unknown>[]>>();
  return {
    dialect: engine.dialect,
    async query(sql, params) {
      const key = JSON.stringify([sql, params ?? []]);
      if (!results.has(key)) results.set(key, engine.query(sql, params));
      const rows = await results.get(key)!;
      return rows.map((row) => ({...row})) as never;
    },
    close: () => engine.close()
  };
}

/**
 * Stages the extracts of `sourcesFolder` into `cacheDir`, then writes every published data
 * file into `outDir` under its docs/data/ name. Throws what staging or a loader throws
 * (French messages naming the file, line, column and value for a refused source).
 */
export async function publishFolder(sourcesFolder: string, cacheDir: string, outDir: string): Promise<string[]> {
  await stage({sources: {kind: "folder", folder: sourcesFolder, origin: "env"}, cacheDir}, recordingEffects());
  const staging = readCurrent(cacheDir);
  if (!staging.referenceDate)
    throw new Error("La date de référence des données est inconnue (aucune extraction datée).");
  const engine = queryOnce(await openStaged(cacheDir));
  mkdirSync(outDir, {recursive: true});
  try {
    const context: LoaderContext = {engine, staging, referenceDate: staging.referenceDate};
    for (const [name, publish] of Object.entries(PUBLISHED_FILES))
      writeFileSync(join(outDir, name), await publish(context, cacheDir));
  } finally {
    await engine.close();
  }
  return Object.keys(PUBLISHED_FILES);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [sources, out] = process.argv.slice(2);
  if (!sources || !out) {
    console.error("Usage : node --import tsx data-loaders/published.ts DOSSIER_DES_EXTRACTIONS DOSSIER_DE_SORTIE");
    process.exitCode = 2;
  } else {
    try {
      const names = await publishFolder(resolve(sources), resolve(out, ".cache"), resolve(out));
      console.log(`${names.length} fichiers publiés dans ${resolve(out)}.`);
    } catch (error) {
      console.error(`Échec : ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}
