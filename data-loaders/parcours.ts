// Paths of the employees (chains of contracts in one structure): number by duration band and
// median duration, by territory, kind of structure and year. Paths are of people: disclosure
// control applies, along the geography, the kinds and the duration bands.
import {
  DURATION_BANDS,
  DURATION_BAND_LABELS,
  categoryTotal,
  geography,
  pathsByLevelSql,
  toArrow,
  type DatasetSpec,
  type Row
} from "@pilotage/indicators";
import {
  aspDimensions,
  maskSharesOfMaskedTotals,
  ratio,
  withShares,
  withTerritoryNames,
  disclose
} from "./lib/asp-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

const PATH_SOURCES = [
  "ContratMission.contrat_parent_id",
  "ContratMission.contrat_date_embauche",
  "ContratMission.contrat_date_sortie_definitive"
];

export function parcoursSpec(referenceDate: string): DatasetSpec {
  return {
    name: "parcours",
    title: "Durée des parcours en insertion, par territoire, type de structure et année",
    description:
      "Un parcours est une chaîne de contrats dans une structure (contrat initial et renouvellements). Sa durée " +
      "va de la première embauche à la sortie définitive, ou à la date de référence des données s'il est en " +
      "cours (mois de 365,25 / 12 jours). Un parcours est compté chaque année où il a été en cours, avec sa durée " +
      "totale. Les nombres de parcours s'additionnent entre territoires et types de structure.",
    levels: ["national", "région", "département"],
    periods: ["année"],
    referenceDate,
    columns: [
      ...aspDimensions("Année (AAAA) pendant laquelle le parcours a été en cours."),
      {
        name: "tranche_duree",
        role: "dimension",
        type: "dictionary",
        values: DURATION_BANDS,
        label: "Durée du parcours",
        definition: "Tranche de durée du parcours ; « ensemble » réunit tous les parcours."
      },
      {
        name: "tranche_duree_libelle",
        role: "dimension",
        type: "dictionary",
        describes: "tranche_duree",
        label: "Libellé de la durée",
        definition: "Libellé de la tranche de durée."
      },
      {
        name: "nb_parcours",
        role: "figure",
        type: "int32",
        unit: "personnes",
        counts: "people",
        aggregation: "sum",
        label: "Parcours",
        definition: "Nombre de parcours en cours pendant l'année, dans la tranche de durée.",
        sources: PATH_SOURCES
      },
      {
        name: "part_parcours",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        numerator: "nb_parcours",
        label: "Part des parcours",
        definition: "Parcours de la tranche divisés par l'ensemble des parcours.",
        sources: PATH_SOURCES
      },
      {
        name: "duree_mediane",
        role: "figure",
        type: "float64",
        unit: "mois",
        decimals: 1,
        counts: "other",
        denominator: "nb_parcours",
        label: "Durée médiane",
        definition: "Durée médiane des parcours, en mois (interpolée entre les deux valeurs centrales).",
        sources: PATH_SOURCES
      }
    ]
  };
}

export const parcoursHierarchies = [geography(), categoryTotal("type_structure"), categoryTotal("tranche_duree")];

export async function compute({engine, referenceDate}: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const spec = parcoursSpec(referenceDate);
  const raw = withTerritoryNames(await engine.query(pathsByLevelSql(referenceDate))).map((r) => ({
    ...r,
    tranche_duree_libelle: DURATION_BAND_LABELS[r.tranche_duree as keyof typeof DURATION_BAND_LABELS]
  }));
  const rows = withShares(raw, "tranche_duree", {
    part_parcours: (row, total) => ratio(row.nb_parcours, total.nb_parcours)
  });
  const masked = disclose(spec, rows, parcoursHierarchies);
  return {spec, rows: maskSharesOfMaskedTotals(masked, "tranche_duree", "nb_parcours", ["part_parcours"])};
}

export async function parcours(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`parcours-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
