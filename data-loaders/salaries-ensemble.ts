// Employees of France and of each département, by year, all kinds of structure and all
// people together: the home page's key figure and map in a light file (the `salaries`
// dataset, with every kind of structure and every trait, weighs ten times more). These are
// cells `salaries` already publishes, masks included: equal by construction to its page.
import {secretColumnName, toArrow, type DatasetSpec, type Row} from "@pilotage/indicators";
import {salariesOnce, salariesSpec} from "./salaries.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";

const COLUMNS = ["niveau", "territoire", "territoire_libelle", "periode", "nb_salaries"];

export function salariesEnsembleSpec(referenceDate: string): DatasetSpec {
  return {
    name: "salaries-ensemble",
    title: "Salariés en insertion, France entière et départements, par année",
    description:
      "Les nombres de salariés du jeu « salaries » pour l'ensemble des types de structure et des personnes, en " +
      "France entière et par département : un extrait léger pour la page d'accueil, secret statistique compris.",
    levels: ["national", "département"],
    periods: ["année"],
    referenceDate,
    columns: salariesSpec(referenceDate).columns.filter((c) => COLUMNS.includes(c.name))
  };
}

/** The rows of the extract, from the rows of the `salaries` dataset. */
export function ensembleRows(salaries: readonly Row[]): Row[] {
  const secret = secretColumnName("nb_salaries");
  return salaries
    .filter(
      (r) =>
        (r.niveau === "national" || r.niveau === "département") &&
        r.type_structure === "ensemble" &&
        r.caracteristique === "ensemble"
    )
    .map((r) => ({...Object.fromEntries(COLUMNS.map((c) => [c, r[c]])), [secret]: r[secret]}));
}

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  // The salaries dataset as its loader computed it in this build (or computed here).
  const {rows} = await salariesOnce(context);
  return {spec: salariesEnsembleSpec(context.referenceDate), rows: ensembleRows(rows)};
}

export async function salariesEnsemble(context: LoaderContext): Promise<Uint8Array> {
  const {spec, rows} = await compute(context);
  return toArrow(spec, rows);
}
