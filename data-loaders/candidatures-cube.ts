// The applications cube: every breakdown of application counts that the datasets
// candidatures, candidatures-taux and prescripteurs publish, put through disclosure control
// once, together. A count is then masked the same way in every file that shows it, and no
// file gives back a cell masked in another. The cube itself is not published.
//
// What the cube holds (cells under the secret are masked, never left out):
// - national and régions: every period; by état (years; months: hires only), by origine and
//   by type de prescripteur (years, all SIAE), by motif de refus (years, all SIAE);
// - départements: the years only, by état and by origine (origins: all SIAE together).
import {
  CANDIDATURES_CUBE,
  CUBE_CATEGORIES,
  ETATS,
  NON_TRAITEE,
  NOUVELLE,
  ORIGINES,
  TRAITEMENTS,
  applyDisclosure,
  categoryTotal,
  geography,
  monthsInYear,
  peopleCount,
  periode,
  periodeColumn,
  structureKinds,
  kindColumn,
  secretColumnName,
  territoryColumns,
  territoryLabel,
  type DatasetSpec,
  type DimensionColumn,
  type Hierarchy,
  type Row
} from "@pilotage/indicators";
import {oncePerProcess} from "./lib/build-run.ts";
import type {ComputeContext} from "./lib/run.ts";
import {masksOff} from "./lib/unmasked.ts";

const category = (name: string, label: string, definition: string, sources: readonly string[]): DimensionColumn => ({
  name,
  role: "dimension",
  type: "dictionary",
  label,
  definition,
  sources
});

/** Category dimensions of the cube, as the datasets publish them. */
export const CATEGORY_COLUMNS: Readonly<Record<(typeof CUBE_CATEGORIES)[number], DimensionColumn>> = {
  etat: {
    ...category(
      "etat",
      "État de la candidature",
      "État de la candidature à la date de référence ; « Candidature refusée » correspond à l'état « Candidature " +
        "déclinée » de la plateforme. ensemble : tous états.",
      ["candidatures.état"]
    ),
    values: ["ensemble", ...ETATS]
  },
  origine: {
    ...category(
      "origine",
      "Origine de la candidature",
      "Émetteur de la candidature. Pour une candidature envoyée par une organisation, « Prescripteur habilité » si " +
        "l'organisation est habilitée, « Orienteur » sinon ; « Employeur » : auto-prescription par une structure. " +
        "ensemble : toutes origines.",
      ["candidatures.origine", "organisations.habilitée"]
    ),
    values: ["ensemble", ...ORIGINES]
  },
  type_prescripteur: category(
    "type_prescripteur",
    "Type de prescripteur",
    "Type de l'organisation qui a envoyé la candidature (FT : France Travail, ML : Mission locale, CAP_EMPLOI : Cap " +
      "emploi, DEPT : conseil départemental, SPIP : service pénitentiaire d'insertion et de probation, CCAS, CHRS, " +
      "PLIE, ASSO : association, AUTRE…), pour les candidatures de prescripteurs habilités et d'orienteurs. " +
      "ensemble : tous types.",
    ["organisations.type", "candidatures.type_prescripteur"]
  ),
  motif_refus: category(
    "motif_refus",
    "Motif de refus",
    "Motif de refus d'une candidature refusée ; les refus automatiques de la plateforme sont regroupés sous « Refus " +
      "automatique », les refus sans motif sous « Non renseigné ». ensemble : tous motifs.",
    ["candidatures.motif_de_refus", "candidatures.candidature_refusée_automatiquement"]
  ),
  traitement: {
    ...category(
      "traitement",
      "Traitement de la candidature",
      "« traitée » : la candidature a une date de traitement (réponse de l'employeur) ; « non traitée » : elle n'en " +
        "a pas. ensemble : toutes les candidatures.",
      ["candidatures.date_traitement"]
    ),
    values: ["ensemble", ...TRAITEMENTS]
  }
};

export const CANDIDATURES_SOURCES = ["candidatures.date_candidature", "candidatures.id"];

export const CANDIDATURES_FIGURE = peopleCount(
  "candidatures",
  "Candidatures",
  "Nombre de candidatures envoyées pendant la période (date de candidature) à une structure du territoire. " +
    "Une candidature concerne une personne : les nombres de candidatures sont soumis au secret statistique comme " +
    "des nombres de personnes.",
  CANDIDATURES_SOURCES,
  "candidatures"
);

export const TERRITORY_DEFINITION = "Territoire de la structure destinataire (son département, rattaché à sa région).";

function cubeSpec(referenceDate: string): DatasetSpec {
  return {
    name: "candidatures-cube",
    title: "Candidatures (toutes ventilations, usage interne)",
    description: "Toutes les ventilations des candidatures publiées, soumises ensemble au secret statistique.",
    levels: ["national", "région", "département"],
    periods: ["année", "mois"],
    referenceDate,
    columns: [
      ...territoryColumns(),
      periodeColumn("Période de la date de candidature."),
      kindColumn("candidatures.type_structure"),
      ...CUBE_CATEGORIES.map((c) => CATEGORY_COLUMNS[c]),
      CANDIDATURES_FIGURE
    ]
  };
}

const isYear = (p: unknown) => typeof p === "string" && p.length === 4;

// States add up to "ensemble" only where every state is published: the years, with no
// other breakdown (the months publish hires alone; origins and prescriber types are broken
// down by state for hires alone). A constraint over a partial list of parts would be false.
const statesOfYears: Hierarchy = {
  name: "etat → ensemble (années)",
  parent: (dims) =>
    isYear(dims.periode) &&
    dims.etat !== "ensemble" &&
    CUBE_CATEGORIES.every((c) => c === "etat" || dims[c] === "ensemble")
      ? {etat: "ensemble"}
      : undefined
};

// An unprocessed application is (about) a « Nouvelle candidature »: a reader who sees the
// processed ones (candidatures-taux) and the total subtracts them to get the new ones. The
// two cells are tied as if equal (the constraint « Nouvelle candidature = non traitée »),
// so that one is never masked alone: where they differ, the tie only masks more.
const newIsUnprocessed: Hierarchy = {
  name: "non traitée = Nouvelle candidature",
  parent: (dims) =>
    dims.traitement === NON_TRAITEE && CUBE_CATEGORIES.every((c) => c === "traitement" || dims[c] === "ensemble")
      ? {traitement: "ensemble", etat: NOUVELLE}
      : undefined
};

export const CUBE_HIERARCHIES: readonly Hierarchy[] = [
  geography(),
  structureKinds(),
  monthsInYear("periode"),
  statesOfYears,
  ...CUBE_CATEGORIES.filter((c) => c !== "etat").map((c) => categoryTotal(c)),
  newIsUnprocessed
];

/** Whether a cell of the SQL cube is published (see the list at the top of this file). */
function published(r: Record<string, string | number>): boolean {
  const byOrigin = r.origine !== "ensemble";
  const fine = byOrigin || r.motif_refus !== "ensemble";
  if (fine && r.type_structure !== "ensemble") return false; // origins and motifs: all SIAE together
  if (r.niveau !== "département") return true;
  if (Number(r.mois) !== 0) return false;
  return r.type_prescripteur === "ensemble" && r.motif_refus === "ensemble";
}

async function computeCube({engine, referenceDate}: ComputeContext): Promise<Row[]> {
  const raw = await engine.query<Record<string, string | number>>(CANDIDATURES_CUBE);
  const rows: Row[] = raw.filter(published).map((r) => ({
    niveau: r.niveau,
    territoire: r.territoire,
    territoire_libelle: territoryLabel(String(r.niveau), String(r.territoire)),
    periode: periode(Number(r.annee), Number(r.mois)),
    type_structure: r.type_structure,
    ...Object.fromEntries(CUBE_CATEGORIES.map((c) => [c, r[c]])),
    candidatures: Number(r.candidatures)
  }));
  // No constraint links two years (months add up into their own year only): each year is
  // an independent problem, and disclosure control costs far more on one large problem.
  const spec = cubeSpec(referenceDate);
  const years = [...new Set(rows.map((r) => String(r.periode).slice(0, 4)))].sort();
  // Inside `withoutMasks` (lib/unmasked.ts, for measuring the masking only): the rows as given.
  if (masksOff()) return rows;
  return years.flatMap(
    (year) =>
      applyDisclosure([{spec, rows: rows.filter((r) => String(r.periode).startsWith(year))}], CUBE_HIERARCHIES).rows[0]!
  );
}

/**
 * Every published cell of the cube, after disclosure control. Computed once per build and
 * engine: three loaders and the territory archive share it.
 */
export function maskedCube(context: ComputeContext): Promise<Row[]> {
  return oncePerProcess(context.engine, `candidatures-cube-${context.referenceDate}`, () => computeCube(context));
}

/** The cube rows where only `kept` categories vary, without the other category columns. */
export function project(
  cube: readonly Row[],
  kept: readonly string[],
  keep: (row: Row) => boolean = () => true
): Row[] {
  const dropped: readonly string[] = CUBE_CATEGORIES.filter((c) => !kept.includes(c));
  return cube
    .filter((row) => dropped.every((c) => row[c] === "ensemble") && keep(row))
    .map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !dropped.includes(k))));
}

/** A masked count of the cube: its value (null if masked) and its flag. */
export interface CubeCount {
  readonly value: number | null;
  readonly secret: boolean;
}

const cellId = (row: Row) =>
  JSON.stringify([row.niveau, row.territoire, row.periode, row.type_structure, ...CUBE_CATEGORIES.map((c) => row[c])]);

/**
 * Lookup of cube counts by cell: `get(row, {etat: …})` gives the count of the cell of `row`
 * (its territory, period and kind) with the categories given, the others "ensemble".
 */
export function cubeIndex(cube: readonly Row[]) {
  const index = new Map<string, CubeCount>();
  const secret = secretColumnName("candidatures");
  for (const row of cube) {
    const value = row.candidatures;
    index.set(cellId(row), {value: typeof value === "number" ? value : null, secret: row[secret] === true});
  }
  return {
    get(row: Row, categories: Partial<Record<(typeof CUBE_CATEGORIES)[number], string>> = {}): CubeCount | undefined {
      const all = Object.fromEntries(CUBE_CATEGORIES.map((c) => [c, categories[c] ?? "ensemble"]));
      return index.get(cellId({...row, ...all}));
    }
  };
}
