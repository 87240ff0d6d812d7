// Applications by state, origin and refusal motif, by territory, kind of structure, month
// and year: volumes cut from the applications cube (candidatures-cube.ts), which is put
// through disclosure control once for every dataset that shows application counts.
import {toArrow, type DatasetSpec, type Row} from "@pilotage/indicators";
import {CANDIDATURES_FIGURE, CATEGORY_COLUMNS, TERRITORY_DEFINITION, maskedCube, project} from "./candidatures-cube.ts";
import {EMPLOIS_DATE_NOTE, emploisDimensions, emploisReferenceDate} from "./lib/emplois-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

export function candidaturesSpec(referenceDate: string): DatasetSpec {
  return {
    name: "candidatures",
    title: "Candidatures par état, origine et motif de refus, par mois et par année",
    description:
      "Candidatures envoyées aux employeurs de la plateforme des emplois de l'inclusion, par territoire de la " +
      "structure destinataire, type de structure et période de la date de candidature. Par année : tous les états, " +
      "les origines et les motifs de refus (ces deux derniers pour l'ensemble des SIAE) ; par mois : toutes les " +
      "candidatures et les candidatures acceptées (France et régions). Départements : années, par état et par " +
      "origine. L'état est celui de la candidature à la date de référence. Les candidatures s'additionnent entre " +
      "territoires, types de SIAE, mois, états, origines et motifs." +
      EMPLOIS_DATE_NOTE,
    levels: ["national", "région", "département"],
    periods: ["année", "mois"],
    referenceDate,
    columns: [
      ...emploisDimensions(`Période de la date de candidature. ${TERRITORY_DEFINITION}`, "candidatures.type_structure"),
      CATEGORY_COLUMNS.etat,
      CATEGORY_COLUMNS.origine,
      CATEGORY_COLUMNS.motif_refus,
      CANDIDATURES_FIGURE
    ]
  };
}

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const cube = await maskedCube(context);
  return {
    spec: candidaturesSpec(await emploisReferenceDate(context)),
    rows: project(cube, ["etat", "origine", "motif_refus"])
  };
}

export async function candidatures(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`candidatures-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
