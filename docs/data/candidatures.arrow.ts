import {candidatures} from "../../data-loaders/candidatures.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("candidatures", candidatures);
