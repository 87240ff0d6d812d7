import {etp} from "../../data-loaders/etp.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("etp", etp);
