import {salariesEnsemble} from "../../data-loaders/salaries-ensemble.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("salaries-ensemble", salariesEnsemble);
