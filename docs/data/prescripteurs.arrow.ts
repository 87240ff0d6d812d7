import {prescripteurs} from "../../data-loaders/prescripteurs.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("prescripteurs", prescripteurs);
