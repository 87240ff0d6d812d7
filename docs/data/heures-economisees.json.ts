import {savedHours} from "../../data-loaders/heures-economisees.ts";
import {withStaging} from "../../data-loaders/lib/run.ts";

try {
  const saved = await withStaging(({engine}) => savedHours(engine));
  process.stdout.write(JSON.stringify(saved));
} catch (error) {
  console.error(`Chargeur heures-economisees : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
