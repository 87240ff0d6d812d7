// The data dictionary of every published dataset, generated from the declarations the
// loaders themselves write into their Arrow files: it cannot drift from the files.
// A new theme dataset enters it by the registry (data-loaders/registry.ts).
import {SECRET_EXPLANATION, buildDictionary, dictionaryToMarkdown, type DatasetSpec} from "@pilotage/indicators";
import {readCurrent} from "@pilotage/sources";
import {etpMensuelSpec} from "./etp-mensuel.ts";
import {salariesEnsembleSpec} from "./salaries-ensemble.ts";
import {THEME_DATASETS} from "./registry.ts";
import {CACHE_DIR} from "./lib/run.ts";

/** Declarations of the published datasets: every theme dataset of the registry, and the home page's extracts. */
export const SPECS: readonly ((referenceDate: string) => DatasetSpec)[] = [
  ...THEME_DATASETS.map((d) => d.spec),
  etpMensuelSpec,
  salariesEnsembleSpec
];

export function dictionaryJson(referenceDate: string): string {
  const dictionary = buildDictionary(SPECS.map((spec) => spec(referenceDate)));
  return JSON.stringify({
    ...dictionary,
    secretExplanation: SECRET_EXPLANATION,
    markdown: dictionaryToMarkdown(dictionary)
  });
}

export function currentReferenceDate(cacheDir = CACHE_DIR): string {
  const date = readCurrent(cacheDir).referenceDate;
  if (!date) throw new Error("La date de référence des données est inconnue (aucune extraction datée).");
  return date;
}
