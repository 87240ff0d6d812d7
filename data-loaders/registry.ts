// Every published theme dataset, in one list: the territory archive slices them all, the
// data dictionary documents them all, the benchmark times them all. A dataset module
// exports `compute(context) → {spec, rows}` (rows already through disclosure control).
import type {DatasetSpec, Row} from "@pilotage/indicators";
import type {ComputeContext} from "./lib/run.ts";
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

export interface ThemeDataset {
  readonly name: string;
  /** Its declaration, for the data dictionary (given the reference date of the data). */
  spec(referenceDate: string): DatasetSpec;
  compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}>;
}

export const THEME_DATASETS: readonly ThemeDataset[] = [
  {name: "structures", spec: structures.structuresSpec, compute: structures.compute},
  {name: "etp", spec: etp.etpSpec, compute: etp.compute},
  {name: "salaries", spec: salaries.salariesSpec, compute: salaries.salariesOnce},
  {name: "parcours", spec: parcours.parcoursSpec, compute: parcours.compute},
  {name: "sorties", spec: sorties.sortiesSpec, compute: sorties.compute},
  {name: "candidatures", spec: candidatures.candidaturesSpec, compute: candidatures.compute},
  {name: "candidatures-taux", spec: candidaturesTaux.candidaturesTauxSpec, compute: candidaturesTaux.compute},
  {name: "prescripteurs", spec: prescripteurs.prescripteursSpec, compute: prescripteurs.compute},
  {name: "pass-iae", spec: passIae.passIaeSpec, compute: passIae.compute},
  {name: "postes-tension", spec: postesTension.postesTensionSpec, compute: postesTension.compute}
];
