// Number of SIAE with an annexe in effect, and of those over 100 % of their ETP
// conventionnés, by territory, kind of structure and year. Counts of structures, not of
// people: no statistical secret applies.
import {structuresByYearSql, toArrow, type DatasetSpec, type Row} from "@pilotage/indicators";
import {aspDimensions, withTerritoryNames, disclose} from "./lib/asp-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

export function structuresSpec(referenceDate: string): DatasetSpec {
  return {
    name: "structures",
    title: "Structures d'insertion conventionnées, par territoire, type de structure et année",
    description:
      "Nombre de SIAE ayant une annexe financière en vigueur dans l'année (validée, provisoire ou clôturée, hors " +
      "FDI), et nombre de celles dont les ETP réalisés dépassent les ETP conventionnés. Une structure est comptée " +
      "une fois par territoire : ces nombres ne s'additionnent pas entre types de structure pour « ensemble ».",
    levels: ["national", "région", "département"],
    periods: ["année"],
    referenceDate,
    columns: [
      ...aspDimensions("Année (AAAA) des états mensuels."),
      {
        name: "nb_structures",
        role: "figure",
        type: "int32",
        unit: "structures",
        counts: "structures",
        label: "Structures conventionnées",
        definition: "Nombre de structures distinctes ayant au moins une annexe financière en vigueur dans l'année.",
        sources: [
          "AnnexeFinanciere.af_id_structure",
          "AnnexeFinanciere.af_etat_annexe_financiere_code",
          "AnnexeFinanciere.af_date_debut_effet",
          "AnnexeFinanciere.af_date_fin_effet"
        ]
      },
      {
        name: "nb_structures_depassement",
        role: "figure",
        type: "int32",
        unit: "structures",
        counts: "structures",
        label: "Structures au-delà de 100 %",
        definition:
          "Nombre de structures dont les ETP réalisés de l'année dépassent les ETP conventionnés (taux de " +
          "réalisation supérieur à 100 %).",
        sources: ["EtatMensuelIndiv.emi_nb_heures_travail", "AnnexeFinanciere.af_etp_postes_insertion"]
      }
    ]
  };
}

export async function compute({engine, referenceDate}: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const spec = structuresSpec(referenceDate);
  const rows = withTerritoryNames(await engine.query(structuresByYearSql()));
  const masked = disclose(spec, rows, []);
  return {spec, rows: masked};
}

export async function structures(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`structures-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
