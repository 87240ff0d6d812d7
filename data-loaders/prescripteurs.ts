// Prescribers: applications and hires by origin (authorised prescriber, orienteur, the
// candidate, an employer: auto-prescription) and by type of prescriber organisation, the
// acceptance rate of each, their share of all hires, and the number of organisations that
// sent applications. Application counts come from the applications cube, already masked;
// organisations are not people and are not masked.
import {
  ACCEPTEE,
  AUTO_PRESCRIPTION_ORIGIN,
  PRESCRIBER_ORGANISATIONS,
  categoryTotal,
  geography,
  peopleCount,
  secretColumnName,
  toArrow,
  type DatasetSpec,
  type Row,
  type Value
} from "@pilotage/indicators";
import {
  CANDIDATURES_SOURCES,
  CATEGORY_COLUMNS,
  TERRITORY_DEFINITION,
  cubeIndex,
  maskedCube
} from "./candidatures-cube.ts";
import {disclose, ratio} from "./lib/asp-columns.ts";
import {EMPLOIS_DATE_NOTE, emploisDimensions, emploisReferenceDate} from "./lib/emplois-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

const SOURCES = [...CANDIDATURES_SOURCES, "candidatures.origine", "organisations.habilitée", "organisations.type"];

export function prescripteursSpec(referenceDate: string): DatasetSpec {
  return {
    name: "prescripteurs",
    title: "Candidatures et embauches par origine et type de prescripteur, par année",
    description:
      "Candidatures envoyées aux SIAE dans l'année et candidatures acceptées, selon leur origine (prescripteur " +
      "habilité, orienteur, candidat, employeur) et le type de l'organisation prescriptrice ; taux d'acceptation, " +
      "part de chaque origine dans les candidatures acceptées (pour « Employeur » : la part de l'auto-prescription) " +
      "et nombre d'organisations ayant envoyé des candidatures. Ensemble des SIAE ; types de prescripteur pour la " +
      "France et les régions, origines à tous les niveaux." +
      EMPLOIS_DATE_NOTE,
    levels: ["national", "région", "département"],
    periods: ["année"],
    referenceDate,
    columns: [
      ...emploisDimensions(
        `Année (AAAA) de la date de candidature. ${TERRITORY_DEFINITION}`,
        "candidatures.type_structure"
      ),
      CATEGORY_COLUMNS.origine,
      CATEGORY_COLUMNS.type_prescripteur,
      peopleCount(
        "candidatures",
        "Candidatures",
        "Nombre de candidatures envoyées dans l'année à une SIAE du territoire (une candidature concerne une personne).",
        SOURCES,
        "candidatures"
      ),
      peopleCount(
        "candidatures_acceptees",
        "Candidatures acceptées",
        "Candidatures de l'année à l'état « Candidature acceptée » à la date de référence.",
        [...SOURCES, "candidatures.état"],
        "candidatures"
      ),
      {
        name: "taux_acceptation",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        numerator: "candidatures_acceptees",
        denominator: "candidatures",
        label: "Taux d'acceptation",
        definition: "Candidatures acceptées divisées par les candidatures de la même origine et du même type.",
        sources: [...SOURCES, "candidatures.état"]
      },
      {
        name: "part_acceptees",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        numerator: "candidatures_acceptees",
        label: "Part des candidatures acceptées",
        definition:
          "Candidatures acceptées de cette origine et de ce type divisées par l'ensemble des candidatures acceptées " +
          `du territoire. Pour l'origine « ${AUTO_PRESCRIPTION_ORIGIN} » : part de l'auto-prescription (embauches ` +
          "dont l'éligibilité a été établie par la structure elle-même). Masquée quand l'ensemble l'est.",
        sources: [...SOURCES, "candidatures.état"]
      },
      {
        name: "organisations",
        role: "figure",
        type: "int32",
        unit: "structures",
        counts: "structures",
        label: "Organisations prescriptrices",
        definition:
          "Nombre d'organisations distinctes (prescripteurs habilités ou orienteurs) ayant envoyé au moins une " +
          "candidature dans l'année à une SIAE du territoire ; une organisation est comptée une fois par ligne : ces " +
          "nombres ne s'additionnent pas. Vide pour les candidatures envoyées par le candidat ou un employeur.",
        sources: ["candidatures.id_org_prescripteur", "organisations.habilitée", "organisations.type"]
      }
    ]
  };
}

const cellOf = (r: Row | Record<string, unknown>) =>
  JSON.stringify([r.niveau, r.territoire, String(r.periode ?? r.annee), r.origine, r.type_prescripteur]);

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const spec = prescripteursSpec(await emploisReferenceDate(context));
  const [cube, organisations] = await Promise.all([
    maskedCube(context),
    context.engine.query<Record<string, string | number>>(PRESCRIBER_ORGANISATIONS)
  ]);
  const orgs = new Map(
    organisations.filter((r) => r.type_structure === "ensemble").map((r) => [cellOf(r), Number(r.organisations)])
  );
  const index = cubeIndex(cube);
  const rows: Row[] = [];
  for (const row of cube) {
    if (String(row.periode).length !== 4 || row.type_structure !== "ensemble") continue;
    if (row.etat !== "ensemble" || row.motif_refus !== "ensemble" || row.traitement !== "ensemble") continue;
    const categories = {origine: String(row.origine), type_prescripteur: String(row.type_prescripteur)};
    const out: Record<string, Value> = {
      niveau: row.niveau!,
      territoire: row.territoire!,
      territoire_libelle: row.territoire_libelle!,
      periode: row.periode!,
      type_structure: row.type_structure!,
      ...categories
    };
    for (const [name, count] of [
      ["candidatures", index.get(row, categories)],
      ["candidatures_acceptees", index.get(row, {...categories, etat: ACCEPTEE})]
    ] as const) {
      out[name] = count?.value ?? (count ? null : 0);
      if (count?.secret) out[secretColumnName(name)] = true;
    }
    out.taux_acceptation = ratio(out.candidatures_acceptees, out.candidatures);
    const total = index.get(row, {etat: ACCEPTEE});
    out.part_acceptees = total?.secret ? null : ratio(out.candidatures_acceptees, total?.value ?? null);
    if (total?.secret) out[secretColumnName("part_acceptees")] = true;
    const prescriber =
      categories.origine === "ensemble" ||
      categories.type_prescripteur !== "ensemble" ||
      ["Prescripteur habilité", "Orienteur"].includes(categories.origine);
    out.organisations = prescriber ? (orgs.get(cellOf(out)) ?? 0) : null;
    rows.push(out);
  }
  return {spec, rows: disclose(spec, rows, prescripteursHierarchies)};
}

export async function prescripteurs(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`prescripteurs-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}

/** What adds up among the rows: territories, origins and prescriber types into « ensemble ». */
export const prescripteursHierarchies = [geography(), categoryTotal("origine"), categoryTotal("type_prescripteur")];
