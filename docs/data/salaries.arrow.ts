import {salaries} from "../../data-loaders/salaries.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("salaries", salaries);
