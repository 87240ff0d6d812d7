// PASS IAE issued per month and year, and active, suspended and expiring within 3 months at
// the end of each period (the reference date for the latest one), by territory of the
// hiring structure and kind. One PASS concerns one person: every count is under the
// secret. Départements: years only (their monthly series would be mostly masked).
import {
  PASS_FIRST_YEAR,
  geography,
  monthsInYear,
  passIaeSql,
  passPeriods,
  peopleCount,
  periode,
  structureKinds,
  territoryLabel,
  toArrow,
  type DatasetSpec,
  type Hierarchy,
  type Row
} from "@pilotage/indicators";
import {hasTable} from "@pilotage/sources";
import {disclose} from "./lib/asp-columns.ts";
import {EMPLOIS_DATE_NOTE, emploisDimensions, emploisReferenceDate} from "./lib/emplois-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

const PASS = ["pass_agrements.date_début", "pass_agrements.date_fin", "pass_agrements.id"];
const SUSPENSIONS = ["suspensions_pass.date_début", "suspensions_pass.date_fin"];

/** Said wherever the optional PASS suspensions table is missing from the sources. */
export const NO_SUSPENSIONS_NOTE =
  " La table des suspensions de PASS (facultative) est absente des sources : le nombre de PASS suspendus " +
  "n'est pas publié, et les PASS actifs ou arrivant à échéance comprennent les PASS suspendus.";

/**
 * The dataset's declaration. `suspensions`: whether the optional table `suspensions_pass` is
 * in the sources; without it the suspended PASS are not published and the note says so.
 */
export function passIaeSpec(referenceDate: string, suspensions = true): DatasetSpec {
  const spec = fullPassIaeSpec(referenceDate);
  if (suspensions) return spec;
  return {
    ...spec,
    description: spec.description + NO_SUSPENSIONS_NOTE,
    columns: spec.columns
      .filter((c) => c.name !== "pass_suspendus")
      .map((c) => (c.name === "pass_actifs" || c.name === "pass_expirant_3_mois" ? {...c, sources: PASS} : c))
  };
}

function fullPassIaeSpec(referenceDate: string): DatasetSpec {
  return {
    name: "pass-iae",
    title: "PASS IAE délivrés, actifs, suspendus et arrivant à échéance, par mois et par année",
    description:
      "PASS IAE délivrés pendant la période (date de début), et situation des PASS à la fin de la période : la " +
      "date de référence pour la période qui la contient, sinon son dernier jour. Un PASS est valide du jour de " +
      "début au jour de fin inclus ; suspendu s'il est valide et dans une période de suspension ; actif s'il est " +
      "valide et non suspendu. Territoire et type de la structure qui a embauché. Départements : années seulement. " +
      "Un PASS concerne une personne : les nombres sont soumis au secret statistique ; ils s'additionnent entre " +
      "territoires et types de SIAE, et les PASS délivrés entre mois." +
      EMPLOIS_DATE_NOTE,
    levels: ["national", "région", "département"],
    periods: ["année", "mois"],
    referenceDate,
    columns: [
      ...emploisDimensions(
        "Année (AAAA) ou mois (AAAA-MM) : de la date de début pour les PASS délivrés ; situation au dernier jour de " +
          "la période (à la date de référence pour la dernière) pour les autres nombres. Territoire de la structure " +
          "qui a embauché (département indiqué sur le PASS, à défaut celui de la structure)."
      ),
      peopleCount(
        "pass_delivres",
        "PASS IAE délivrés",
        "Nombre de PASS IAE dont la date de début est dans la période (jusqu'à la date de référence).",
        PASS,
        "PASS IAE"
      ),
      peopleCount(
        "pass_actifs",
        "PASS IAE actifs",
        "PASS IAE valides à la fin de la période (date de début ≤ date ≤ date de fin) et non suspendus.",
        [...PASS, ...SUSPENSIONS],
        "PASS IAE"
      ),
      peopleCount(
        "pass_suspendus",
        "PASS IAE suspendus",
        "PASS IAE valides à la fin de la période et dans une période de suspension (début ≤ date ≤ fin, ou sans fin).",
        [...PASS, ...SUSPENSIONS],
        "PASS IAE"
      ),
      peopleCount(
        "pass_expirant_3_mois",
        "PASS IAE arrivant à échéance dans 3 mois",
        "PASS IAE actifs à la fin de la période dont la date de fin est au plus 3 mois après elle (même jour du " +
          "mois, ou dernier jour du mois s'il est plus court).",
        [...PASS, ...SUSPENSIONS],
        "PASS IAE"
      )
    ]
  };
}

const FIGURES = ["pass_delivres", "pass_actifs", "pass_suspendus", "pass_expirant_3_mois"] as const;
const STOCKS = ["pass_actifs", "pass_suspendus", "pass_expirant_3_mois"];

/**
 * A stock of a year is the stock of its last month (December, or the month of the reference
 * date): the same number published twice must be masked in both places or in neither, which
 * a one-part constraint "year = last month" ensures.
 */
function yearIsLastMonth(referenceDate: string, stocks: readonly string[]): Hierarchy {
  const referenceMonth = referenceDate.slice(0, 7);
  return {
    name: "periode : dernier mois = année (stocks)",
    figures: stocks,
    parent(dims) {
      const p = dims.periode;
      return typeof p === "string" && p.length === 7 && (p.endsWith("-12") || p === referenceMonth)
        ? {periode: p.slice(0, 4)}
        : undefined;
    }
  };
}

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const {engine} = context;
  const referenceDate = await emploisReferenceDate(context);
  // An optional table: without it, its figures are removed (quality report and page say so).
  const suspensions = await hasTable(engine, "suspensions_pass");
  const spec = passIaeSpec(referenceDate, suspensions);
  const figures = FIGURES.filter((f) => suspensions || f !== "pass_suspendus");
  const [first] = await engine.query<{annee: number | null}>(PASS_FIRST_YEAR);
  if (first?.annee == null) return {spec, rows: []};
  const raw = await engine.query<Record<string, string | number>>(
    passIaeSql(passPeriods(first.annee, referenceDate), {suspensions})
  );
  const rows: Row[] = raw
    .filter((r) => r.niveau !== "département" || Number(r.mois) === 0)
    .map((r) => ({
      niveau: r.niveau,
      territoire: r.territoire,
      territoire_libelle: territoryLabel(String(r.niveau), String(r.territoire)),
      periode: periode(Number(r.annee), Number(r.mois)),
      type_structure: r.type_structure,
      ...Object.fromEntries(figures.map((f) => [f, Number(r[f])]))
    }));
  // Periods are linked only within a year (months add up to it, its stock is its last
  // month's): one disclosure problem per year.
  const hierarchies = passIaeHierarchies(
    referenceDate,
    STOCKS.filter((f) => figures.includes(f as (typeof FIGURES)[number]))
  );
  const years = [...new Set(rows.map((r) => String(r.periode).slice(0, 4)))].sort();
  return {
    spec,
    rows: years.flatMap((year) =>
      disclose(
        spec,
        rows.filter((r) => String(r.periode).startsWith(year)),
        hierarchies
      )
    )
  };
}

export async function passIae(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`pass-iae-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}

/**
 * What adds up among the rows: territories, the five SIAE kinds into « ensemble », the
 * months of PASS IAE delivered into their year, and a stock's year is its last month's
 * (`stocks`: the stock figures published; default all).
 */
export function passIaeHierarchies(referenceDate: string, stocks: readonly string[] = STOCKS): Hierarchy[] {
  return [
    geography(),
    structureKinds(),
    monthsInYear("periode", ["pass_delivres"]),
    yearIsLastMonth(referenceDate, stocks)
  ];
}
