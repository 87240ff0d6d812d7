import {parcours} from "../../data-loaders/parcours.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("parcours", parcours);
