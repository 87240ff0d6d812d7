// Profile of the employees (distinct people with at least 1 hour worked) and the gendered
// view (hours, ETP réalisés and the share of the aid by sex), by territory, kind of
// structure and year. People are counted once per cell: these counts do not add up between
// territories or kinds (a person may work in two), so only the categories that split the
// whole (sex, age, training level) are additive, within a cell.
import {
  TRAITS,
  TRAIT_LABELS,
  TRAIT_PARTITIONS,
  categoryTotal,
  cellKey,
  employeesByLevelSql,
  geography,
  hierarchyConstraints,
  complementCosts,
  protectCells,
  secretColumnName,
  toArrow,
  type DatasetSpec,
  type MaskReason,
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
import {oncePerProcess} from "./lib/build-run.ts";
import {businessSecretOnce, magnitudeCellKey, stable} from "./lib/business-secret.ts";

const HOURS = ["EtatMensuelIndiv.emi_nb_heures_travail"];

export function salariesSpec(referenceDate: string): DatasetSpec {
  return {
    name: "salaries",
    title: "Profil des salariés en insertion, par territoire, type de structure et année",
    description:
      "Personnes distinctes ayant travaillé au moins 1 heure dans l'année (états mensuels des annexes validées, " +
      "provisoires ou clôturées, hors FDI), selon leurs caractéristiques ; heures, ETP réalisés et part de l'aide " +
      "au poste selon le sexe (budget genré). Âge = année − année de naissance. Ce que déclare le contrat (RSA, " +
      "ASS, AAH, RQTH, durée d'inscription, niveau de formation) est lu sur le dernier contrat de l'année. Une " +
      "personne est comptée une fois par territoire et type : les effectifs ne s'additionnent pas entre territoires.",
    levels: ["national", "région", "département"],
    periods: ["année"],
    referenceDate,
    columns: [
      ...aspDimensions("Année (AAAA) des états mensuels."),
      {
        name: "caracteristique",
        role: "dimension",
        type: "dictionary",
        values: TRAITS,
        label: "Caractéristique",
        definition:
          "Caractéristique des salariés : sexe, tranche d'âge (moins de 26, 26 à 49, 50 ans ou plus), RSA (OUI-M " +
          "ou OUI-NM), ASS, AAH, RQTH, QPV, ZRR, DELD (inscrits de 12 à 23 mois), DETLD (24 mois ou plus), niveau " +
          "de formation, salariés de plusieurs structures dans l'année ; « ensemble » tous les salariés.",
        sources: [
          "Salarie.salarie_rci_libelle",
          "Salarie.salarie_annee_naissance",
          "Salarie.salarie_adr_qpv_type",
          "Salarie.salarie_adr_is_zrr",
          "ContratMission.contrat_salarie_rsa",
          "ContratMission.contrat_salarie_ass",
          "ContratMission.contrat_salarie_aah",
          "ContratMission.contrat_salarie_rqth",
          "ContratMission.contrat_salarie_pe_duree_id",
          "ContratMission.contrat_niveau_de_formation_id"
        ]
      },
      {
        name: "caracteristique_libelle",
        role: "dimension",
        type: "dictionary",
        describes: "caracteristique",
        label: "Libellé de la caractéristique",
        definition: "Libellé de la caractéristique."
      },
      {
        name: "nb_salaries",
        role: "figure",
        type: "int32",
        unit: "personnes",
        counts: "people",
        aggregation: "distinct",
        label: "Salariés",
        definition: "Nombre de personnes distinctes ayant travaillé au moins 1 heure dans l'année.",
        sources: [...HOURS, "EtatMensuelIndiv.emi_pph_id"]
      },
      {
        name: "part_salaries",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        numerator: "nb_salaries",
        label: "Part des salariés",
        definition: "Salariés ayant la caractéristique divisés par l'ensemble des salariés.",
        sources: [...HOURS, "EtatMensuelIndiv.emi_pph_id"]
      },
      {
        name: "heures_travaillees",
        role: "figure",
        type: "float64",
        unit: "heures",
        decimals: 2,
        counts: "other",
        businessSecret: true,
        denominator: "nb_salaries",
        label: "Heures travaillées",
        definition: "Heures travaillées par ces salariés (masquées avec leur effectif).",
        sources: HOURS
      },
      {
        name: "etp_realises",
        role: "figure",
        type: "float64",
        unit: "ETP",
        decimals: 2,
        counts: "other",
        businessSecret: true,
        denominator: "nb_salaries",
        label: "ETP réalisés",
        definition:
          "ETP réalisés par ces salariés sur l'année : heures / durée annuelle théorique de l'annexe (masqués avec " +
          "leur effectif).",
        sources: [...HOURS, "AnnexeFinanciere.af_duree_heure_annuel_etp_id", "RefMontantIae.rmi_valeur"]
      },
      {
        name: "part_etp",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        businessSecret: true,
        numerator: "nb_salaries",
        label: "Part des ETP réalisés",
        definition:
          "ETP réalisés par ces salariés divisés par ceux de l'ensemble des salariés : pour les femmes, la part de " +
          "l'aide qui leur revient (budget genré).",
        sources: [...HOURS, "AnnexeFinanciere.af_duree_heure_annuel_etp_id", "RefMontantIae.rmi_valeur"]
      },
      {
        name: "montant_aide",
        role: "figure",
        type: "float64",
        unit: "€",
        decimals: 0,
        counts: "other",
        businessSecret: true,
        numerator: "nb_salaries",
        label: "Aide au poste correspondante",
        definition: "Aide au poste du territoire et du type de structure × part des ETP réalisés.",
        sources: ["AnnexeFinanciere.af_etp_postes_insertion", "AnnexeFinanciere.af_montant_unitaire_annuel_valeur"]
      }
    ]
  };
}

export const salariesHierarchies = [
  geography(),
  categoryTotal("type_structure"),
  ...TRAIT_PARTITIONS.map((parts) => partition("caracteristique", "ensemble", parts))
];

export async function compute({engine, referenceDate}: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const spec = salariesSpec(referenceDate);
  const raw = withTerritoryNames(await engine.query(employeesByLevelSql())).map(({montant_aide, ...r}) => ({
    ...r,
    caracteristique_libelle: TRAIT_LABELS[r.caracteristique as keyof typeof TRAIT_LABELS],
    aide_cellule: montant_aide
  }));
  const rows = withShares(raw, "caracteristique", {
    part_salaries: (row, total) => ratio(row.nb_salaries, total.nb_salaries),
    part_etp: (row, total) => ratio(row.etp_realises, total.etp_realises),
    montant_aide: (row, total) => {
      const share = ratio(row.etp_realises, total.etp_realises);
      return share === null || typeof row.aide_cellule !== "number" ? null : share * row.aide_cellule;
    }
  }).map(({aide_cellule: _, ...r}) => r);
  const masked = disclose(spec, rows, salariesHierarchies);
  const shares = maskSharesOfMaskedTotals(masked, "caracteristique", "nb_salaries", [
    "part_salaries",
    "part_etp",
    "montant_aide"
  ]);
  const secret = await businessSecretOnce({engine, referenceDate});
  return {spec, rows: withAidMasks(protectMagnitudes(shares, new Set(secret.cells)), new Set(secret.conventions))};
}

/**
 * The aid of every trait masked in the year cells whose aid etp masks (`conventions`: keys of
 * `magnitudeCellKey`, the business secret and what protects it): the « ensemble » row's aid is
 * etp's, and a trait's is its share of ETP × etp's aid.
 */
export function withAidMasks(rows: readonly Row[], conventions: ReadonlySet<string>): Row[] {
  return rows.map((r) =>
    conventions.has(magnitudeCellKey(r)) ? {...r, montant_aide: null, [secretColumnName("montant_aide")]: true} : r
  );
}

// The magnitudes of a row: masked together, on the pattern of the hours.
const MAGNITUDES = ["heures_travaillees", "etp_realises", "part_etp", "montant_aide"] as const;

/**
 * Masks the magnitudes of every row (all traits) of the cells under the business secret
 * (`businessSecret`: keys of `magnitudeCellKey`, fewer than 3 structures or one over 85 %),
 * then as many more as their relations need so that none is given back: the hours' relations
 * (geography, kinds, traits into « ensemble ») are protected like counts, without a threshold
 * (hours are not people), starting from the hours already masked with their employees; ETP
 * réalisés, the share of ETP and the aid follow the hours of their row, and the shares and aid
 * of a cell follow its « ensemble » ETP (a share beside a published total gives the part back).
 * etp then masks the same year cells (`withSalariesMasks`).
 */
export function protectMagnitudes(rows: readonly Row[], businessSecret: ReadonlySet<string>): Row[] {
  const figure = "heures_travaillees";
  const flag = secretColumnName(figure);
  const cells = rows.map((r) => ({
    figure,
    dims: {
      niveau: r.niveau!,
      territoire: r.territoire!,
      periode: r.periode!,
      type_structure: r.type_structure!,
      caracteristique: r.caracteristique!
    }
  })) as {figure: string; dims: Record<string, string>}[];
  const keys = cells.map((c) => cellKey(c.figure, c.dims));
  const values = new Map(
    rows.map((r, i) => [keys[i]!, typeof r[figure] === "number" ? stable(r[figure] as number) : null])
  );
  const primary = new Map<string, MaskReason>(
    rows.flatMap((r, i) =>
      r[flag] === true || businessSecret.has(magnitudeCellKey(r)) ? [[keys[i]!, "primaire" as const]] : []
    )
  );
  const masks = protectCells(
    values,
    primary,
    hierarchyConstraints(cells, salariesHierarchies),
    0,
    complementCosts(cells, salariesHierarchies)
  );
  const out = rows.map((r, i) =>
    masks.has(keys[i]!)
      ? {
          ...r,
          ...Object.fromEntries(
            MAGNITUDES.flatMap((m) => [
              [m, null],
              [secretColumnName(m), true]
            ])
          )
        }
      : r
  );
  return maskSharesOfMaskedTotals(out, "caracteristique", "etp_realises", ["part_etp", "montant_aide"]);
}

/**
 * The salaries dataset as its loader publishes it, computed once per build and engine (etp
 * reads its masks, the territory archive its rows).
 */
export function salariesOnce(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  return oncePerProcess(context.engine, `salaries-${context.referenceDate}`, () => compute(context));
}

export async function salaries(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: etp and the territory archive read the same rows.
  const {spec, rows} = await salariesOnce(context);
  return toArrow(spec, rows);
}
