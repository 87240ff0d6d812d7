// ETP conventionnés and réalisés, taux de réalisation, aid and co-funding, by territory,
// kind of structure, month and year. No figure counts people, but hours and ETP réalisés
// are those of the employees salaries counts: where salaries masks them (few people, or the
// business secret: fewer than 3 structures, or one over 85 %), they are masked here too, with
// the rates drawn from them, and with the months of a masked year; months under the business
// secret are masked here, with what protects them. The ETP conventionnés, aid and co-funding
// share are masked under the business secret (lib/business-secret.ts), as salaries masks its
// share of the aid.
import {
  cellKey,
  etpByLevelSql,
  geography,
  hierarchyConstraints,
  messages,
  monthsInYear,
  complementCosts,
  protectCells,
  secretColumnName,
  structureKinds,
  toArrow,
  type DatasetSpec,
  type MaskReason,
  type Row
} from "@pilotage/indicators";
import {aspDimensions, withTerritoryNames, disclose} from "./lib/asp-columns.ts";
import type {ComputeContext, LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";
import {salariesOnce} from "./salaries.ts";
import {businessSecretOnce, magnitudeCellKey} from "./lib/business-secret.ts";

// The magnitudes of salaries' employees, masked where salaries masks their hours (people or business secret).
const WITH_SALARIES = {dataset: "salaries", figure: "heures_travaillees"} as const;

const ETP_SOURCES = [
  "EtatMensuelIndiv.emi_nb_heures_travail",
  "AnnexeFinanciere.af_duree_heure_annuel_etp_id",
  "RefMontantIae.rmi_valeur"
];

export function etpSpec(referenceDate: string): DatasetSpec {
  return {
    name: "etp",
    title: "ETP conventionnés et réalisés, par territoire, type de structure, mois et année",
    description:
      "Équivalents temps plein conventionnés (annexes financières en vigueur) et réalisés (heures des états " +
      "mensuels), taux de réalisation, aide au poste et part cofinancée par le département. Annexes validées, " +
      "provisoires ou clôturées, hors FDI. Les ETP s'additionnent entre territoires et types de structure ; " +
      "ceux d'une année sont la moyenne de ses mois.",
    levels: ["national", "région", "département"],
    periods: ["année", "mois"],
    referenceDate,
    columns: [
      ...aspDimensions("Mois (AAAA-MM) ou année (AAAA) des états mensuels."),
      {
        name: "etp_conventionnes",
        role: "figure",
        type: "float64",
        unit: "ETP",
        decimals: 2,
        counts: "other",
        businessSecret: true,
        label: "ETP conventionnés",
        definition:
          "Mois : somme des ETP conventionnés (postes d'insertion) des annexes en vigueur ce mois-là. Année : somme " +
          "des mois divisée par 12 (soit, pour une annexe, ETP mensuels × durée en mois / 12).",
        sources: ["AnnexeFinanciere.af_etp_postes_insertion", "AnnexeFinanciere.af_date_debut_effet"]
      },
      {
        name: "etp_realises",
        role: "figure",
        type: "float64",
        unit: "ETP",
        decimals: 2,
        counts: "other",
        maskedWith: WITH_SALARIES,
        businessSecret: true,
        label: "ETP réalisés",
        definition:
          "Mois : heures travaillées divisées par la durée annuelle théorique d'un temps plein de l'annexe " +
          "(RefMontantIae), multipliées par 12. Année : somme des mois divisée par 12.",
        sources: ETP_SOURCES
      },
      {
        name: "etp_realises_valides",
        role: "figure",
        type: "float64",
        unit: "ETP",
        decimals: 2,
        counts: "other",
        maskedWith: WITH_SALARIES,
        businessSecret: true,
        label: "ETP réalisés (états validés)",
        definition: "ETP réalisés calculés sur les seuls états mensuels validés.",
        sources: [...ETP_SOURCES, "EtatMensuelIndiv.emi_esm_etat_code"]
      },
      {
        name: "heures_travaillees",
        role: "figure",
        type: "float64",
        unit: "heures",
        decimals: 2,
        counts: "other",
        maskedWith: WITH_SALARIES,
        businessSecret: true,
        label: "Heures travaillées",
        definition: "Somme des heures travaillées déclarées dans les états mensuels.",
        sources: ["EtatMensuelIndiv.emi_nb_heures_travail"]
      },
      {
        name: "taux_realisation",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        maskedWith: WITH_SALARIES,
        businessSecret: true,
        label: "Taux de réalisation",
        definition: "Somme des ETP réalisés mensuels divisée par la somme des ETP conventionnés mensuels.",
        sources: [...ETP_SOURCES, "AnnexeFinanciere.af_etp_postes_insertion"]
      },
      {
        name: "taux_realisation_valides",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        maskedWith: WITH_SALARIES,
        businessSecret: true,
        label: "Taux de réalisation (états validés)",
        definition: "Taux de réalisation calculé sur les seuls états mensuels validés.",
        sources: [...ETP_SOURCES, "EtatMensuelIndiv.emi_esm_etat_code", "AnnexeFinanciere.af_etp_postes_insertion"]
      },
      {
        name: "montant_aide",
        role: "figure",
        type: "float64",
        unit: "€",
        decimals: 0,
        counts: "other",
        businessSecret: true,
        label: "Aide au poste",
        definition:
          "ETP conventionnés mensuels × montant unitaire annuel / 12, pour chaque mois en vigueur de l'annexe " +
          "(soit × durée en mois sur toute l'annexe).",
        sources: ["AnnexeFinanciere.af_etp_postes_insertion", "AnnexeFinanciere.af_montant_unitaire_annuel_valeur"]
      },
      {
        name: "part_cofinancement",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        businessSecret: true,
        label: "Part cofinancée par le département",
        definition:
          "Montant cofinancé par le conseil départemental divisé par le montant total annuel, sur les annexes en " +
          "vigueur (une annexe sans cofinancement compte pour 0).",
        sources: ["AnnexeFinanciere.af_mt_cofinance", "AnnexeFinanciere.af_montant_total_annuel"]
      }
    ]
  };
}

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const spec = etpSpec(context.referenceDate);
  const [rows, salaries, secret] = await Promise.all([
    context.engine.query(etpByLevelSql()).then(withTerritoryNames),
    salariesOnce(context),
    businessSecretOnce(context)
  ]);
  const flagged = withBusinessSecret(spec, withSalariesMasks(spec, rows, salaries.rows), new Set(secret.cells));
  const tied = protectTiedMagnitudes(spec, flagged, salaries.rows);
  const masked = disclose(spec, withConventionMasks(spec, tied, new Set(secret.conventions)), []);
  return {spec, rows: masked};
}

// Rates drawn from the ETP conventionnés: masked with them (beside the published ETP réalisés,
// a rate would give the ETP conventionnés back).
const RATES_OF_CONVENTIONS = ["taux_realisation", "taux_realisation_valides"];

/**
 * `rows` with the `_secret` flag set on the ETP conventionnés, aid and co-funding share (the
 * business-secret figures not tied to salaries) and the rates drawn from them, in the cells of
 * `conventions` (keys of `magnitudeCellKey`: the business secret and what protects it, see
 * `conventionMasks`). Disclosure control then nulls them.
 */
export function withConventionMasks(spec: DatasetSpec, rows: readonly Row[], conventions: ReadonlySet<string>): Row[] {
  const figures = spec.columns
    .filter((c) => c.role === "figure" && c.businessSecret && !c.maskedWith)
    .map((c) => c.name)
    .concat(RATES_OF_CONVENTIONS);
  return rows.map((r) =>
    conventions.has(magnitudeCellKey(r))
      ? {...r, ...Object.fromEntries(figures.map((f) => [secretColumnName(f), true]))}
      : r
  );
}

/**
 * `rows` with the `_secret` flag set on every figure tied to salaries (`maskedWith`: hours, ETP
 * réalisés and their rates) in the cells under the business secret (`businessSecret`: keys of
 * `magnitudeCellKey`, months and years; fewer than 3 structures, or one holding more than 85 %
 * of a magnitude). The years salaries publishes come masked from salaries already; the months
 * are decided here.
 */
export function withBusinessSecret(
  spec: DatasetSpec,
  rows: readonly Row[],
  businessSecret: ReadonlySet<string>
): Row[] {
  const tied = spec.columns.filter((c) => c.role === "figure" && c.maskedWith?.dataset === "salaries");
  return rows.map((r) =>
    businessSecret.has(magnitudeCellKey(r))
      ? {...r, ...Object.fromEntries(tied.map((c) => [secretColumnName(c.name), true]))}
      : r
  );
}

/**
 * `rows` with the `_secret` flag set on each figure tied to salaries (`maskedWith`) where
 * salaries masks that figure for all its employees (« ensemble ») of the same territory,
 * kind and year; a month follows its year. Disclosure control then nulls them.
 */
export function withSalariesMasks(spec: DatasetSpec, rows: readonly Row[], salaries: readonly Row[]): Row[] {
  const key = (r: Row, year: string) => JSON.stringify([r.niveau, r.territoire, r.type_structure, year]);
  const tied = spec.columns.filter((c) => c.role === "figure" && c.maskedWith?.dataset === "salaries");
  const maskedThere = new Set(
    salaries
      .filter((r) => r.caracteristique === "ensemble" && r[secretColumnName(WITH_SALARIES.figure)] === true)
      .map((r) => key(r, String(r.periode)))
  );
  return rows.map((r) =>
    maskedThere.has(key(r, String(r.periode).slice(0, 4)))
      ? {...r, ...Object.fromEntries(tied.map((c) => [secretColumnName(c.name), true]))}
      : r
  );
}

/**
 * Secondary masks for the figures tied to salaries. The year masks copied from salaries come
 * in pairs within a year's relations, but a month may lack the row of a masked cell's sibling
 * (no hours that month: read as 0), leaving one masked cell alone in its relation (région 44,
 * EI, January 2025: ensemble − ACI gave 374.57 hours). The hours' relations (geography,
 * kinds, months into their year) are protected like counts, without a threshold (hours are
 * not people), and the other tied figures follow the hours. A year cell is chosen last:
 * salaries publishes it; choosing one throws rather than let salaries give it back.
 * @throws Error (French) naming the year cell that would have to be masked.
 */
export function protectTiedMagnitudes(spec: DatasetSpec, rows: readonly Row[], salaries: readonly Row[]): Row[] {
  const figure = WITH_SALARIES.figure;
  const flag = secretColumnName(figure);
  const tied = spec.columns.filter((c) => c.role === "figure" && c.maskedWith?.dataset === "salaries");
  const isYear = (r: Row) => /^\d{4}$/.test(String(r.periode));
  const cells = rows.map((r) => ({
    figure,
    dims: {niveau: r.niveau!, territoire: r.territoire!, periode: r.periode!, type_structure: r.type_structure!}
  })) as {figure: string; dims: Record<string, string>}[];
  const keys = cells.map((c) => cellKey(c.figure, c.dims));
  // Values only rank the cells to mask next (no threshold applies): a year cell, none (last).
  const values = new Map(
    rows.map((r, i) => [keys[i]!, !isYear(r) && typeof r[figure] === "number" ? (r[figure] as number) : null])
  );
  const primary = new Map<string, MaskReason>(
    rows.flatMap((r, i) => (r[flag] === true ? [[keys[i]!, "primaire" as const]] : []))
  );
  const hierarchies = [geography(), structureKinds(), monthsInYear("periode")];
  const constraints = hierarchyConstraints(cells, hierarchies);
  const masks = protectCells(values, primary, constraints, 0, complementCosts(cells, hierarchies));
  const inSalaries = new Set(salaries.filter((r) => r.caracteristique === "ensemble").map(magnitudeCellKey));
  return rows.map((r, i) => {
    if (!masks.has(keys[i]!) || primary.has(keys[i]!)) return r;
    if (isYear(r) && inSalaries.has(magnitudeCellKey(r)))
      throw new Error(
        messages.yearWouldBeMasked(String(r.niveau), String(r.territoire), String(r.periode), String(r.type_structure))
      );
    return {...r, ...Object.fromEntries(tied.map((c) => [secretColumnName(c.name), true]))};
  });
}

export async function etp(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`etp-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
