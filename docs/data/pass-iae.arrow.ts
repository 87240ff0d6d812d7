import {passIae} from "../../data-loaders/pass-iae.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("pass-iae", passIae);
