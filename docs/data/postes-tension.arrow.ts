import {postesTension} from "../../data-loaders/postes-tension.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("postes-tension", postesTension);
