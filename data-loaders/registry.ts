// Every published theme dataset, in one list: the territory archive slices them all, the
// data dictionary documents them all, the benchmark times them all. A dataset module
// exports `compute(context) → {spec, rows}` (rows already through disclosure control).
import {CUBE_CATEGORIES, type DatasetSpec, type Dims, type Hierarchy, type Row} from "@pilotage/indicators";
import type {ComputeContext} from "./lib/run.ts";
import * as etp from "./etp.ts";
import * as parcours from "./parcours.ts";
import * as salaries from "./salaries.ts";
import * as sorties from "./sorties.ts";
import * as structures from "./structures.ts";
import * as candidatures from "./candidatures.ts";
import {CUBE_HIERARCHIES} from "./candidatures-cube.ts";
import * as candidaturesTaux from "./candidatures-taux.ts";
import * as passIae from "./pass-iae.ts";
import * as postesTension from "./postes-tension.ts";
import * as prescripteurs from "./prescripteurs.ts";

export interface ThemeDataset {
  readonly name: string;
  /** Its declaration, for the data dictionary (given the reference date of the data). */
  spec(referenceDate: string): DatasetSpec;
  compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}>;
  /**
   * What a reader knows adds up among its person counts (the interval audit of the secret,
   * interval-audit.ts): the hierarchies disclosure control follows, given the dataset's
   * declaration (its reference date); none when it publishes no person count.
   */
  readonly hierarchies?: (spec: DatasetSpec) => readonly Hierarchy[];
  /**
   * The categories of the applications cube this dataset leaves out, always « ensemble »
   * (candidatures-cube.ts): its cells are the cube's, and the same count published by two of
   * the cube's files is one cell.
   */
  readonly fixedDims?: Dims;
}

/** The cube's categories other than `kept`, all « ensemble ». */
const cubeEnsemble = (...kept: string[]): Dims =>
  Object.fromEntries(CUBE_CATEGORIES.filter((c) => !kept.includes(c)).map((c) => [c, "ensemble"]));

export const THEME_DATASETS: readonly ThemeDataset[] = [
  {name: "structures", spec: structures.structuresSpec, compute: structures.compute},
  {name: "etp", spec: etp.etpSpec, compute: etp.compute},
  {
    name: "salaries",
    spec: salaries.salariesSpec,
    compute: salaries.salariesOnce,
    hierarchies: () => salaries.salariesHierarchies
  },
  {
    name: "parcours",
    spec: parcours.parcoursSpec,
    compute: parcours.compute,
    hierarchies: () => parcours.parcoursHierarchies
  },
  {name: "sorties", spec: sorties.sortiesSpec, compute: sorties.compute, hierarchies: () => sorties.sortiesHierarchies},
  {
    name: "candidatures",
    spec: candidatures.candidaturesSpec,
    compute: candidatures.compute,
    hierarchies: () => CUBE_HIERARCHIES,
    fixedDims: cubeEnsemble("etat", "origine", "motif_refus")
  },
  {
    name: "candidatures-taux",
    spec: candidaturesTaux.candidaturesTauxSpec,
    compute: candidaturesTaux.compute,
    hierarchies: () => candidaturesTaux.candidaturesTauxHierarchies,
    fixedDims: cubeEnsemble()
  },
  {
    name: "prescripteurs",
    spec: prescripteurs.prescripteursSpec,
    compute: prescripteurs.compute,
    hierarchies: () => prescripteurs.prescripteursHierarchies,
    fixedDims: cubeEnsemble("origine", "type_prescripteur")
  },
  {
    name: "pass-iae",
    spec: passIae.passIaeSpec,
    compute: passIae.compute,
    hierarchies: (spec) => passIae.passIaeHierarchies(spec.referenceDate)
  },
  {name: "postes-tension", spec: postesTension.postesTensionSpec, compute: postesTension.compute}
];
