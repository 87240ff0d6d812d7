// Every published theme dataset, in one list: the territory archive slices them all, the
// data dictionary documents them all, the benchmark times them all. A dataset module
// exports `compute(context) → {spec, rows}` (rows already through disclosure control).
import type {DatasetSpec, Row} from "@pilotage/indicators";
import type {LoaderContext} from "./lib/run.ts";
import * as etp from "./etp.ts";
import * as parcours from "./parcours.ts";
import * as salaries from "./salaries.ts";
import * as sorties from "./sorties.ts";
import * as structures from "./structures.ts";
import * as candidatures from "./candidatures.ts";
import * as candidaturesTaux from "./candidatures-taux.ts";
import * as passIae from "./pass-iae.ts";
import * as postesTension from "./postes-tension.ts";
import * as prescripteurs from "./prescripteurs.ts";

export type ComputeContext = Pick<LoaderContext, "engine" | "referenceDate">;

export interface ThemeDataset {
  readonly name: string;
  compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}>;
}

export const THEME_DATASETS: readonly ThemeDataset[] = [
  {name: "structures", compute: structures.compute},
  {name: "etp", compute: etp.compute},
  {name: "salaries", compute: salaries.compute},
  {name: "parcours", compute: parcours.compute},
  {name: "sorties", compute: sorties.compute},
  {name: "candidatures", compute: candidatures.compute},
  {name: "candidatures-taux", compute: candidaturesTaux.compute},
  {name: "prescripteurs", compute: prescripteurs.compute},
  {name: "pass-iae", compute: passIae.compute},
  {name: "postes-tension", compute: postesTension.compute}
];
