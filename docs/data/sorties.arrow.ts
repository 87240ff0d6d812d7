import {sorties} from "../../data-loaders/sorties.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("sorties", sorties);
