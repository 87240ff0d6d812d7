// The data dictionary of every published dataset, generated from the declarations the
// loaders themselves write into their Arrow files: it cannot drift from the files.
// A new dataset loader is added to SPECS below (its spec function, given the reference date).
import {SECRET_EXPLANATION, buildDictionary, dictionaryToMarkdown, type DatasetSpec} from "@pilotage/indicators";
import {readCurrent} from "@pilotage/sources";
import {candidaturesTauxSpec} from "./candidatures-taux.ts";
import {candidaturesSpec} from "./candidatures.ts";
import {etpMensuelSpec} from "./etp-mensuel.ts";
import {etpSpec} from "./etp.ts";
import {parcoursSpec} from "./parcours.ts";
import {passIaeSpec} from "./pass-iae.ts";
import {postesTensionSpec} from "./postes-tension.ts";
import {prescripteursSpec} from "./prescripteurs.ts";
import {salariesSpec} from "./salaries.ts";
import {sortiesSpec} from "./sorties.ts";
import {structuresSpec} from "./structures.ts";
import {CACHE_DIR} from "./lib/run.ts";

/** Declarations of the published datasets, in the order of the dictionary. */
export const SPECS: readonly ((referenceDate: string) => DatasetSpec)[] = [
  structuresSpec,
  etpSpec,
  etpMensuelSpec,
  salariesSpec,
  parcoursSpec,
  sortiesSpec,
  candidaturesSpec,
  candidaturesTauxSpec,
  prescripteursSpec,
  passIaeSpec,
  postesTensionSpec
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
