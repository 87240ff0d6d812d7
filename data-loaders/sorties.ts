// Examined exits by category, taux de sortie dynamique and taux d'emploi durable, by
// territory, kind of structure and year. Exits count people: disclosure control applies,
// along the geography, the kinds and the categories (which split the total).
import {
  EXIT_CATEGORIES,
  EXIT_CATEGORY_LABELS,
  categoryTotal,
  exitsByLevelSql,
  geography,
  toArrow,
  type DatasetSpec,
  type Row
} from "@pilotage/indicators";
import {
  aspDimensions,
  maskSharesOfMaskedTotals,
  partition,
  ratio,
  withShares,
  withTerritoryNames,
  disclose
} from "./lib/asp-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

const EXIT_SOURCES = [
  "ContratMission.contrat_date_sortie_definitive",
  "ContratMission.contrat_motif_sortie_id",
  "RefMotifSort.rcs_id",
  "RefCategorieSort.rcs_code"
];

export function sortiesSpec(referenceDate: string): DatasetSpec {
  return {
    name: "sorties",
    title: "Sorties examinées des salariés en insertion, par catégorie, territoire, type de structure et année",
    description:
      "Sorties définitives des contrats, classées par catégorie de motif de sortie, hors « retrait des sorties " +
      "constatées ». Une sortie est examinée en ACI et EI après au moins 1 heure travaillée et plus de 2,65 mois " +
      "entre la première embauche et la sortie, en AI et ETTI après au moins 150 heures, en EITI après au moins " +
      "1 heure ; les heures sont celles de toute la chaîne de contrats (contrat initial et renouvellements). Les " +
      "nombres de sorties s'additionnent entre territoires et types de structure.",
    levels: ["national", "région", "département"],
    periods: ["année"],
    referenceDate,
    columns: [
      ...aspDimensions("Année (AAAA) de la sortie définitive."),
      {
        name: "categorie_sortie",
        role: "dimension",
        type: "dictionary",
        values: EXIT_CATEGORIES,
        label: "Catégorie de sortie",
        definition:
          "Catégorie du motif de sortie (RefCategorieSort) ; « sorties_dynamiques » réunit emploi durable, emploi " +
          "de transition et sorties positives ; « ensemble » toutes les sorties examinées.",
        sources: ["RefCategorieSort.rcs_code"]
      },
      {
        name: "categorie_sortie_libelle",
        role: "dimension",
        type: "dictionary",
        describes: "categorie_sortie",
        label: "Libellé de la catégorie de sortie",
        definition: "Libellé de la catégorie de sortie."
      },
      {
        name: "nb_sorties",
        role: "figure",
        type: "int32",
        unit: "personnes",
        counts: "people",
        aggregation: "sum",
        label: "Sorties examinées",
        definition: "Nombre de sorties définitives examinées de la catégorie.",
        sources: [...EXIT_SOURCES, "EtatMensuelIndiv.emi_nb_heures_travail", "ContratMission.contrat_date_embauche"]
      },
      {
        name: "taux",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        numerator: "nb_sorties",
        label: "Part des sorties examinées",
        definition:
          "Sorties de la catégorie divisées par l'ensemble des sorties examinées : pour « sorties_dynamiques », " +
          "le taux de sortie dynamique ; pour « emploi_durable », le taux d'emploi durable. Masqué quand les " +
          "sorties de la catégorie ou leur ensemble sont sous le secret statistique.",
        sources: EXIT_SOURCES
      }
    ]
  };
}

export const sortiesHierarchies = [
  geography(),
  categoryTotal("type_structure"),
  partition("categorie_sortie", "sorties_dynamiques", ["emploi_durable", "emploi_transition", "sorties_positives"]),
  partition("categorie_sortie", "ensemble", ["sorties_dynamiques", "autres_sorties"])
];

export async function compute({engine, referenceDate}: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const spec = sortiesSpec(referenceDate);
  const raw = withTerritoryNames(await engine.query(exitsByLevelSql())).map((r) => ({
    ...r,
    categorie_sortie_libelle: EXIT_CATEGORY_LABELS[r.categorie_sortie as keyof typeof EXIT_CATEGORY_LABELS]
  }));
  const rows = withShares(raw, "categorie_sortie", {taux: (row, total) => ratio(row.nb_sorties, total.nb_sorties)});
  const masked = disclose(spec, rows, sortiesHierarchies);
  return {spec, rows: maskSharesOfMaskedTotals(masked, "categorie_sortie", "nb_sorties", ["taux"])};
}

export async function sorties(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`sorties-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
