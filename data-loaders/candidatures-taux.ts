// Yearly rates and delays of applications, by territory and kind of structure: acceptance
// and refusal rates, response time, recruitment delay, candidates with no accepted
// application. The application counts come from the applications cube, already masked
// (their flags are kept and count as masks here); the counts of candidates and of processed
// applications go through disclosure control along the geography and the kinds, and every
// rate or delay is masked with the counts it is computed over.
import {
  CANDIDATES_WITHOUT_HIRE,
  RECRUITMENT_DELAY,
  RESPONSE_TIME,
  ACCEPTEE,
  REFUSEE,
  TRAITEE,
  geography,
  peopleCount,
  territoryLabel,
  secretColumnName,
  structureKinds,
  toArrow,
  type DatasetSpec,
  type FigureColumn,
  type Row,
  type Value
} from "@pilotage/indicators";
import {
  CANDIDATURES_SOURCES,
  TERRITORY_DEFINITION,
  cubeIndex,
  maskedCube,
  type CubeCount
} from "./candidatures-cube.ts";
import {disclose, ratio} from "./lib/asp-columns.ts";
import {EMPLOIS_DATE_NOTE, emploisDimensions, emploisReferenceDate} from "./lib/emplois-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

const rate = (
  name: string,
  label: string,
  definition: string,
  numerator: string | undefined,
  denominator: string,
  sources: readonly string[],
  unit: FigureColumn["unit"] = "%",
  // Rates to a hundredth of a percentage point, delays (days) to the tenth.
  decimals = unit === "%" ? 4 : 1
): FigureColumn => ({
  name,
  role: "figure",
  type: "float64",
  unit,
  decimals,
  counts: "other",
  ...(numerator ? {numerator} : {}),
  denominator,
  label,
  definition,
  sources
});

const ETAT = ["candidatures.état"];
const TRAITEMENT = ["candidatures.date_candidature", "candidatures.date_traitement"];
const RECRUTEMENT = ["candidatures.date_candidature", "candidatures.date_embauche", "candidatures.état"];
const CANDIDATS = ["candidatures.id_candidat", "candidatures.état"];

export function candidaturesTauxSpec(referenceDate: string): DatasetSpec {
  return {
    name: "candidatures-taux",
    title: "Taux d'acceptation et de refus, délais de réponse et de recrutement, candidats sans embauche",
    description:
      "Par année, territoire de la structure et type de structure : taux d'acceptation et de refus des " +
      "candidatures, délai de réponse, délai de recrutement, candidats dont aucune candidature n'a été acceptée. " +
      "Un candidat est compté une fois dans l'ensemble des SIAE (là où il a envoyé sa première candidature de " +
      "l'année, ou pour le délai de recrutement là où il a été recruté la première fois) et une fois parmi les " +
      "autres employeurs : ces effectifs s'additionnent entre territoires et types de SIAE." +
      EMPLOIS_DATE_NOTE,
    levels: ["national", "région", "département"],
    periods: ["année"],
    referenceDate,
    columns: [
      ...emploisDimensions(
        `Année (AAAA) de la date de candidature ; pour le délai de recrutement, année de la première embauche. ${TERRITORY_DEFINITION}`,
        "candidatures.type_structure"
      ),
      peopleCount(
        "candidatures",
        "Candidatures",
        "Nombre de candidatures envoyées dans l'année à une structure du territoire (une candidature concerne une personne).",
        CANDIDATURES_SOURCES,
        "candidatures"
      ),
      peopleCount(
        "candidatures_acceptees",
        "Candidatures acceptées",
        "Candidatures de l'année à l'état « Candidature acceptée » à la date de référence.",
        ETAT,
        "candidatures"
      ),
      peopleCount(
        "candidatures_refusees",
        "Candidatures refusées",
        "Candidatures de l'année à l'état « Candidature déclinée » (refusée) à la date de référence.",
        ETAT,
        "candidatures"
      ),
      rate(
        "taux_acceptation",
        "Taux d'acceptation",
        "Candidatures acceptées divisées par l'ensemble des candidatures de l'année.",
        "candidatures_acceptees",
        "candidatures",
        ETAT
      ),
      rate(
        "taux_refus",
        "Taux de refus",
        "Candidatures refusées divisées par l'ensemble des candidatures de l'année.",
        "candidatures_refusees",
        "candidatures",
        ETAT
      ),
      peopleCount(
        "candidatures_traitees",
        "Candidatures traitées",
        "Candidatures de l'année ayant une date de traitement (réponse de l'employeur).",
        TRAITEMENT,
        "candidatures"
      ),
      rate(
        "delai_reponse_moyen",
        "Délai de réponse moyen",
        "Moyenne, sur les candidatures traitées, du nombre de jours entre la candidature et son traitement.",
        undefined,
        "candidatures_traitees",
        TRAITEMENT,
        "jours"
      ),
      rate(
        "delai_reponse_median",
        "Délai de réponse médian",
        "Médiane, sur les candidatures traitées, du nombre de jours entre la candidature et son traitement " +
          "(interpolée entre les deux valeurs centrales).",
        undefined,
        "candidatures_traitees",
        TRAITEMENT,
        "jours"
      ),
      peopleCount(
        "candidats",
        "Candidats",
        "Personnes distinctes ayant envoyé au moins une candidature dans l'année, comptées là où elles ont envoyé " +
          "la première.",
        CANDIDATS
      ),
      peopleCount(
        "candidats_sans_acceptation",
        "Candidats sans candidature acceptée",
        "Candidats de l'année dont aucune candidature de l'année (dans le même champ : SIAE ou autres employeurs) " +
          "n'est acceptée à la date de référence.",
        CANDIDATS
      ),
      rate(
        "part_candidats_sans_acceptation",
        "Part des candidats sans candidature acceptée",
        "Candidats sans candidature acceptée divisés par l'ensemble des candidats de l'année.",
        "candidats_sans_acceptation",
        "candidats",
        CANDIDATS
      ),
      peopleCount(
        "candidats_recrutes",
        "Candidats recrutés",
        "Personnes recrutées pour la première fois dans l'année (première candidature acceptée avec une date " +
          "d'embauche jusqu'à la date de référence), comptées là où elles ont été recrutées.",
        RECRUTEMENT
      ),
      peopleCount(
        "recrutes_moins_30_jours",
        "Recrutés en moins de 30 jours",
        "Candidats recrutés dont la première embauche a eu lieu moins de 30 jours après leur première candidature.",
        RECRUTEMENT
      ),
      rate(
        "part_recrutes_moins_30_jours",
        "Part des recrutements en moins de 30 jours",
        "Recrutés en moins de 30 jours divisés par l'ensemble des candidats recrutés (objectif : moins de 30 jours).",
        "recrutes_moins_30_jours",
        "candidats_recrutes",
        RECRUTEMENT
      ),
      rate(
        "delai_recrutement_moyen",
        "Délai de recrutement moyen",
        "Moyenne du nombre de jours entre la première candidature d'une personne et sa première embauche.",
        undefined,
        "candidats_recrutes",
        RECRUTEMENT,
        "jours"
      ),
      rate(
        "delai_recrutement_median",
        "Délai de recrutement médian",
        "Médiane du nombre de jours entre la première candidature d'une personne et sa première embauche.",
        undefined,
        "candidats_recrutes",
        RECRUTEMENT,
        "jours"
      )
    ]
  };
}

type SqlRow = Record<string, string | number | null>;
const cellOf = (r: Readonly<Record<string, unknown>>, periode: unknown) =>
  JSON.stringify([r.niveau, r.territoire, r.type_structure, String(periode)]);

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const {engine} = context;
  const referenceDate = await emploisReferenceDate(context);
  const spec = candidaturesTauxSpec(referenceDate);
  const [cube, reponse, sansEmbauche, recrutement] = await Promise.all([
    maskedCube(context),
    engine.query<SqlRow>(RESPONSE_TIME),
    engine.query<SqlRow>(CANDIDATES_WITHOUT_HIRE),
    engine.query<SqlRow>(RECRUITMENT_DELAY, [referenceDate])
  ]);
  const cells = new Map<string, Record<string, Value>>();
  const cell = (r: SqlRow | Row, periode: unknown) => {
    const key = cellOf(r, periode);
    let out = cells.get(key);
    if (!out) {
      out = {niveau: r.niveau!, territoire: r.territoire!, periode: String(periode), type_structure: r.type_structure!};
      cells.set(key, out);
    }
    return out;
  };
  const index = cubeIndex(cube);
  const put = (out: Record<string, Value>, name: string, count: CubeCount | undefined) => {
    out[name] = count?.value ?? (count ? null : 0);
    if (count?.secret) out[secretColumnName(name)] = true;
  };
  // Year totals of the cube: every territory and kind with at least one application.
  for (const row of cube) {
    if (String(row.periode).length !== 4 || row.etat !== "ensemble") continue;
    if (row.origine !== "ensemble" || row.type_prescripteur !== "ensemble" || row.motif_refus !== "ensemble") continue;
    if (row.traitement !== "ensemble") continue;
    const out = cell(row, row.periode);
    put(out, "candidatures", index.get(row));
    put(out, "candidatures_acceptees", index.get(row, {etat: ACCEPTEE}));
    put(out, "candidatures_refusees", index.get(row, {etat: REFUSEE}));
    // From the cube, masked with the « Nouvelle candidature » it would give back.
    put(out, "candidatures_traitees", index.get(row, {traitement: TRAITEE}));
  }
  for (const r of reponse) Object.assign(cell(r, r.annee), pick(r, ["delai_moyen", "delai_median"], "delai_reponse"));
  for (const r of sansEmbauche) Object.assign(cell(r, r.annee), pick(r, ["candidats", "candidats_sans_acceptation"]));
  for (const r of recrutement)
    Object.assign(
      cell(r, r.annee),
      pick(r, ["candidats_recrutes", "recrutes_moins_30_jours", "delai_moyen", "delai_median"], "delai_recrutement")
    );
  const counts = [
    "candidatures",
    "candidatures_acceptees",
    "candidatures_refusees",
    "candidatures_traitees",
    "candidats",
    "candidats_sans_acceptation",
    "candidats_recrutes",
    "recrutes_moins_30_jours"
  ];
  const rows: Row[] = [...cells.values()].map((r) => {
    const out: Record<string, Value> = {...r};
    for (const c of counts) out[c] ??= 0; // a cell with no such application or person
    out.territoire_libelle = territoryLabel(String(r.niveau), String(r.territoire));
    out.taux_acceptation = ratio(out.candidatures_acceptees, out.candidatures);
    out.taux_refus = ratio(out.candidatures_refusees, out.candidatures);
    out.part_candidats_sans_acceptation = ratio(out.candidats_sans_acceptation, out.candidats);
    out.part_recrutes_moins_30_jours = ratio(out.recrutes_moins_30_jours, out.candidats_recrutes);
    for (const d of [
      "delai_reponse_moyen",
      "delai_reponse_median",
      "delai_recrutement_moyen",
      "delai_recrutement_median"
    ])
      out[d] ??= null;
    return out;
  });
  return {spec, rows: disclose(spec, rows, candidaturesTauxHierarchies)};
}

/** Columns of a SQL row, `delai_*` renamed with `prefix` (delai_moyen → delai_reponse_moyen). */
function pick(r: SqlRow, names: readonly string[], prefix?: string): Record<string, Value> {
  return Object.fromEntries(
    names.map((n) => [
      prefix && n.startsWith("delai_") ? `${prefix}_${n.slice(6)}` : n,
      r[n] === null ? null : Number(r[n])
    ])
  );
}

export async function candidaturesTaux(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`candidatures-taux-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}

/** What adds up among the rows: territories, and the five SIAE kinds into « ensemble ». */
export const candidaturesTauxHierarchies = [geography(), structureKinds()];
