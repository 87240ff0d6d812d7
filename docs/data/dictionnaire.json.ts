import {currentMissingTables, currentReferenceDate, dictionaryJson} from "../../data-loaders/dictionnaire.ts";

try {
  process.stdout.write(dictionaryJson(currentReferenceDate(), currentMissingTables()));
} catch (error) {
  console.error(`Chargeur dictionnaire : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
