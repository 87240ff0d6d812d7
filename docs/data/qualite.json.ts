import {qualityJson} from "../../data-loaders/qualite.ts";

try {
  process.stdout.write(qualityJson());
} catch (error) {
  console.error(`Chargeur qualite : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
