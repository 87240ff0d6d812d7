import {runLoader} from "../../data-loaders/lib/run.ts";
import {territoiresArchive} from "../../data-loaders/territoires.ts";

await runLoader("territoires", territoiresArchive);
