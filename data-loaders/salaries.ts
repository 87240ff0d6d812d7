// Profile of the employees (distinct people with at least 1 hour worked) and the gendered
// view (hours, ETP réalisés and the share of the aid by sex), by territory, kind of
// structure and year. People are counted once per cell: these counts do not add up between
// territories or kinds (a person may work in two), so only the categories that split the
// whole (sex, age, training level) are additive, within a cell.
import {
  cellKey,
  hierarchyConstraints,
  protectCells,
  secretColumnName,
  type Cell,
  type Dims,
  type MaskReason,
  type Value,
  TRAITS,
  TRAIT_LABELS,
  TRAIT_PARTITIONS,
  categoryTotal,
  employeesByLevelSql,
  geography,
  toArrow,
  type DatasetSpec,
  type Hierarchy,
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
import type {ComputeContext} from "./etp.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

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
        numerator: "nb_salaries",
        label: "Aide au poste correspondante",
        definition: "Aide au poste du territoire et du type de structure × part des ETP réalisés.",
        sources: ["AnnexeFinanciere.af_etp_postes_insertion", "AnnexeFinanciere.af_montant_unitaire_annuel_valeur"]
      }
    ]
  };
}

// Distinct people: a person employed in two départements (or two kinds) counts once in the
// région (in « ensemble »): part ≤ total ≤ Σ parts, not a sum.
export const salariesHierarchies: Hierarchy[] = [
  {...geography(), kind: "distinct"},
  {...categoryTotal("type_structure"), kind: "distinct"},
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
  const counted = await disclose(spec, rows, salariesHierarchies);
  const masked = maskSharesOfMaskedTotals(counted, "caracteristique", "nb_salaries", ["part_salaries"]);
  return {spec, rows: await maskMagnitudes(rows, masked)};
}

/** Figures summed over the employees of a row: hours, ETP, aid and the share of ETP. */
const MAGNITUDES = ["heures_travaillees", "etp_realises", "part_etp", "montant_aide"] as const;

// Hours add up over geography, kinds and the categories that split the whole (unlike people).
const hoursHierarchies: Hierarchy[] = [
  geography(),
  categoryTotal("type_structure"),
  ...TRAIT_PARTITIONS.map((parts) => partition("caracteristique", "ensemble", parts))
];

/**
 * Hours, ETP réalisés and aid of a row are masked with its employees' count (magnitudes over
 * fewer than 11 people), and more where a masked one would follow from the others by a sum.
 * The « ensemble » row is the cell `etp` publishes (same territory, kind and year, same
 * values): it is published here exactly as there. Its parts (sexes, ages, training levels)
 * are masked in pairs or more, so that no total gives one back (the hours of a row's parts
 * add up to its total; the audit of the published files checks it).
 */
async function maskMagnitudes(raw: readonly Row[], counted: readonly Row[]): Promise<Row[]> {
  const values = new Map<string, number | null>();
  const masks = new Map<string, MaskReason>();
  const cells: Cell[] = [];
  const keyOf = (row: Row) => cellKey("heures_travaillees", magnitudeDims(row));
  raw.forEach((row, i) => {
    if (row.caracteristique === "ensemble") return; // below, never masked: published in etp
    const dims = magnitudeDims(row);
    const key = keyOf(row);
    values.set(key, typeof row.heures_travaillees === "number" ? row.heures_travaillees : null);
    cells.push({figure: "heures_travaillees", dims});
    if (counted[i]![secretColumnName("nb_salaries")] === true) masks.set(key, "primaire");
  });
  for (const row of raw.filter((r) => r.caracteristique === "ensemble")) {
    values.set(keyOf(row), typeof row.heures_travaillees === "number" ? row.heures_travaillees : null);
    cells.push({figure: "heures_travaillees", dims: magnitudeDims(row)});
  }
  // Exact protection only (threshold 0): hours are not people, a bound on them reveals no one.
  const result = await protectCells(values, masks, hierarchyConstraints(cells, hoursHierarchies), 0);
  return counted.map((row, i) => {
    const out: Record<string, Value | undefined> = {...row};
    const hidden = row.caracteristique !== "ensemble" && result.has(keyOf(raw[i]!));
    for (const figure of MAGNITUDES) {
      out[figure] = hidden ? null : raw[i]![figure];
      out[secretColumnName(figure)] = hidden;
    }
    return out;
  });
}

const magnitudeDims = (row: Row): Dims => ({
  niveau: row.niveau as string,
  territoire: row.territoire as string,
  periode: row.periode as string,
  type_structure: row.type_structure as string,
  caracteristique: row.caracteristique as string
});

export async function salaries(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`salaries-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
