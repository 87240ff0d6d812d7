// `pnpm bench [staging|datasets|pages|reports …] [--folder DIR]`: the project's benchmarks, each
// printing its figures and their ratio to the target. With no name, all of them. These are
// measurements, not tests: a run on a loaded machine prints slower figures, it does not fail CI.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {parseArgs} from "node:util";
import {benchDatasets} from "./datasets.ts";
import {measureEmbeds, measurePages, printEmbedMeasures, printMeasures} from "./pages.ts";
import {benchReports} from "./reports.ts";

const {positionals, values} = parseArgs({allowPositionals: true, options: {folder: {type: "string"}}});
const wanted = positionals.length ? positionals : ["staging", "datasets", "pages", "reports"];
const unknown = wanted.filter((w) => !["staging", "datasets", "pages", "reports"].includes(w));
if (unknown.length) throw new Error(`Mesure inconnue : ${unknown.join(", ")} (staging, datasets, pages ou reports)`);

let ok = true;
if (wanted.includes("staging")) {
  console.log("\n## Mise en base (échelle national)\n");
  // Its own process: its peak memory must not include the other benchmarks'. It exits
  // with 2 when a target is missed (1 or a signal: it crashed).
  const run = spawnSync(
    "node",
    ["--import", "tsx", "packages/sources/bench/staging.ts", ...(values.folder ? [values.folder] : [])],
    {stdio: "inherit"}
  );
  if (run.status !== 0 && run.status !== 2)
    throw new Error(`La mesure de mise en base a échoué (${run.status ?? run.signal}).`);
  ok = run.status === 0 && ok;
}
if (wanted.includes("datasets")) {
  console.log("\n## Jeux de données (échelle national)\n");
  ok = (await benchDatasets(values.folder)) && ok;
}
if (wanted.includes("pages")) {
  console.log("\n## Pages (site construit, dist/)\n");
  if (!existsSync("dist/index.html")) console.log("dist/ absent : lancer `pnpm build` d'abord.");
  else {
    console.log("Graphiques intégrés (integrer.html) :");
    ok = printEmbedMeasures(await measureEmbeds()) && ok;
    ok = printMeasures(await measurePages()) && ok;
  }
}
if (wanted.includes("reports")) {
  console.log("\n## Rapports (territoire de test, puis échelle nationale)\n");
  ok = (await benchReports(values.folder)) && ok;
}
console.log(
  ok ? "\nToutes les cibles mesurées sont tenues." : "\nAu moins une cible n'est pas tenue (voir ci-dessus)."
);
// Like each benchmark: 2 when a target is missed, for scripts that chain them.
if (!ok) process.exitCode = 2;
