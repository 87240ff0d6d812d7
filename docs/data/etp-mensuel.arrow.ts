import {etpMensuel} from "../../data-loaders/etp-mensuel.ts";
import {runLoader} from "../../data-loaders/lib/run.ts";

await runLoader("etp-mensuel", etpMensuel);
