import {structures} from "../../data-loaders/structures.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("structures", structures);
