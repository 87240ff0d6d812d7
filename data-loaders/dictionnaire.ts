// The data dictionary of every published dataset, generated from the declarations the
// loaders themselves write into their Arrow files: it cannot drift from the files.
// A new theme dataset enters it by the registry (data-loaders/registry.ts).
import {SECRET_EXPLANATION, buildDictionary, dictionaryToMarkdown, type DatasetSpec} from "@pilotage/indicators";
import {readCurrent} from "@pilotage/sources";
import {etpMensuelSpec} from "./etp-mensuel.ts";
import {salariesEnsembleSpec} from "./salaries-ensemble.ts";
import {THEME_DATASETS} from "./registry.ts";
import {passIaeSpec} from "./pass-iae.ts";
import {CACHE_DIR} from "./lib/run.ts";

/** Declarations of the published datasets: every theme dataset of the registry, and the home page's extracts. */
export const SPECS: readonly ((referenceDate: string) => DatasetSpec)[] = [
  ...THEME_DATASETS.map((d) => d.spec),
  etpMensuelSpec,
  salariesEnsembleSpec
];

/**
 * The declarations of the files this build publishes: a dataset whose optional source table
 * is missing publishes fewer columns (pass-iae without `suspensions_pass`), and its
 * dictionary entry says so, as the loader's own Arrow file does.
 */
export function publishedSpecs(referenceDate: string, missingTables: readonly string[] = []): DatasetSpec[] {
  const suspensions = !missingTables.includes("suspensions_pass");
  return SPECS.map((spec) => spec(referenceDate)).map((spec) =>
    spec.name === "pass-iae" ? passIaeSpec(referenceDate, suspensions) : spec
  );
}

/** `missingTables`: the optional tables absent from the staged sources (the quality report's). */
export function dictionaryJson(referenceDate: string, missingTables: readonly string[] = []): string {
  const dictionary = buildDictionary(publishedSpecs(referenceDate, missingTables));
  return JSON.stringify({
    ...dictionary,
    secretExplanation: SECRET_EXPLANATION,
    markdown: dictionaryToMarkdown(dictionary)
  });
}

/** The optional tables missing from the current staging (its quality report). */
export function currentMissingTables(cacheDir = CACHE_DIR): string[] {
  return readCurrent(cacheDir).quality.missingTables.map((m) => m.table);
}

export function currentReferenceDate(cacheDir = CACHE_DIR): string {
  const date = readCurrent(cacheDir).referenceDate;
  if (!date) throw new Error("La date de référence des données est inconnue (aucune extraction datée).");
  return date;
}
