import {withStaging} from "../../data-loaders/lib/run.ts";
import {maskingJson} from "../../data-loaders/masquage.ts";

try {
  process.stdout.write(await withStaging(maskingJson));
} catch (error) {
  console.error(`Chargeur masquage : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
