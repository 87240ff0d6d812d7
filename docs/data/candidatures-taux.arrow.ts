import {candidaturesTaux} from "../../data-loaders/candidatures-taux.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("candidatures-taux", candidaturesTaux);
