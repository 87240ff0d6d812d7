// The figures of one SIAE, or of a group of SIAE (a kind in a département, in France), for a
// year: read from the structure marts (a SIAE) or from the published definitions (a group),
// so that the reports never compute a figure their own way.
import {ACCEPTEE, REFUSEE, NATIONAL_CODE} from "@pilotage/indicators";
import type {Row} from "@pilotage/sources";
import {levelRow, memo, num, structureRows, sum, type ReportData} from "./data.ts";
import {ratio} from "./format.ts";

/** Yearly figures; `null` where the source holds nothing to compute it from. */
export interface Figures {
  readonly etpConventionnes: number;
  readonly etpRealises: number;
  readonly etpRealisesValides: number;
  readonly tauxRealisation: number | null;
  readonly tauxRealisationValides: number | null;
  readonly heures: number;
  readonly montantAide: number;
  readonly montantCofinance: number;
  /** af_montant_total_annuel of the annexes (structure grain only): the base of partCofinancement. */
  readonly montantTotalAnnexes?: number;
  readonly partCofinancement: number | null;
  readonly salaries: number;
  readonly embauches: number;
  readonly sorties: number;
  readonly sortiesDynamiques: number;
  readonly sortiesDurables: number;
  readonly tauxSortieDynamique: number | null;
  readonly tauxEmploiDurable: number | null;
  readonly parcours: number;
  readonly dureeMediane: number | null;
  readonly candidatures: number;
  readonly acceptees: number;
  readonly refusees: number;
  readonly tauxAcceptation: number | null;
  readonly tauxRefus: number | null;
  readonly autoPrescriptions: number;
  readonly delaiMedian: number | null;
  readonly pass: number;
}

const ofStructure = (id: number, year: number) => (r: Row) => num(r.structure_id) === id && num(r.annee) === year;

/** Figures of SIAE `id` in `year` (all its kinds together), from the structure marts. */
export function structureFigures(data: ReportData, id: number, year: number): Figures {
  return memo(data, `s/${id}/${year}`, () => computeStructureFigures(data, id, year));
}

function computeStructureFigures(data: ReportData, id: number, year: number): Figures {
  const m = {
    structure_etp: structureRows(data, "structure_etp", id),
    structure_salaries: structureRows(data, "structure_salaries", id),
    structure_embauches: structureRows(data, "structure_embauches", id),
    structure_sorties: structureRows(data, "structure_sorties", id),
    structure_parcours: structureRows(data, "structure_parcours", id),
    structure_candidatures: structureRows(data, "structure_candidatures", id),
    structure_pass: structureRows(data, "structure_pass", id)
  };
  const at = ofStructure(id, year);
  const etpYear = (r: Row) => at(r) && num(r.mois) === 0;
  const conv = sum(m.structure_etp, "etp_conventionnes", etpYear);
  const real = sum(m.structure_etp, "etp_realises", etpYear);
  const valid = sum(m.structure_etp, "etp_realises_valides", etpYear);
  const totalAnnexes = sum(m.structure_etp, "montant_total_annexes", etpYear);
  const cofinance = sum(m.structure_etp, "montant_cofinance", etpYear);
  const exits = (cat: string) => sum(m.structure_sorties, "nb_sorties", (r) => at(r) && r.categorie_sortie === cat);
  const sorties = exits("ensemble");
  const paths = m.structure_parcours.filter((r) => at(r) && r.tranche_duree === "ensemble");
  const cand = m.structure_candidatures.find(at);
  const candidatures = num(cand?.candidatures);
  return {
    etpConventionnes: conv,
    etpRealises: real,
    etpRealisesValides: valid,
    tauxRealisation: ratio(real, conv),
    tauxRealisationValides: ratio(valid, conv),
    heures: sum(m.structure_etp, "heures_travaillees", etpYear),
    montantAide: sum(m.structure_etp, "montant_aide", etpYear),
    montantCofinance: cofinance,
    montantTotalAnnexes: totalAnnexes,
    partCofinancement: ratio(cofinance, totalAnnexes),
    // A person working under two kinds of the same SIAE is one person of the SIAE: the mart
    // counts by kind, so a SIAE with one kind (nearly all) reads its row as is.
    salaries: sum(m.structure_salaries, "nb_salaries", (r) => at(r) && r.caracteristique === "ensemble"),
    embauches: sum(m.structure_embauches, "nb_embauches", at),
    sorties,
    sortiesDynamiques: exits("sorties_dynamiques"),
    sortiesDurables: exits("emploi_durable"),
    tauxSortieDynamique: ratio(exits("sorties_dynamiques"), sorties),
    tauxEmploiDurable: ratio(exits("emploi_durable"), sorties),
    parcours: sum(paths, "nb_parcours"),
    dureeMediane: paths.length === 1 ? num(paths[0]?.duree_mediane) : null,
    candidatures,
    acceptees: num(cand?.acceptees),
    refusees: num(cand?.refusees),
    tauxAcceptation: ratio(num(cand?.acceptees), candidatures),
    tauxRefus: ratio(num(cand?.refusees), candidatures),
    autoPrescriptions: num(cand?.auto_prescriptions),
    delaiMedian: cand?.delai_median_jours === null || cand === undefined ? null : num(cand.delai_median_jours),
    pass: sum(m.structure_pass, "pass_delivres", at)
  };
}

/**
 * The figures of a territory (niveau 'département' | 'région' | 'national') for a kind
 * ('ensemble' for all), from the published definitions. Computed once per data and arguments:
 * every structure review asks for its département's and France's.
 */
export function levelFigures(
  data: ReportData,
  niveau: string,
  territoire: string,
  kind: string,
  year: number
): Figures {
  return memo(data, `l/${niveau}/${territoire}/${kind}/${year}`, () =>
    computeLevelFigures(data, niveau, territoire, kind, year)
  );
}

function computeLevelFigures(
  data: ReportData,
  niveau: string,
  territoire: string,
  kind: string,
  year: number
): Figures {
  const l = data.levels;
  const at = levelRow(niveau, territoire, kind, year);
  const etp = l.etp.find(at);
  const exits = (cat: string) => sum(l.sorties, "nb_sorties", (r) => at(r) && r.categorie_sortie === cat);
  const sorties = exits("ensemble");
  const path = l.parcours.find((r) => at(r) && r.tranche_duree === "ensemble");
  const candAt = (r: Row) =>
    r.niveau === niveau &&
    r.territoire === territoire &&
    r.type_structure === kind &&
    num(r.annee) === year &&
    r.origine === "ensemble" &&
    r.type_prescripteur === "ensemble";
  const candidatures = sum(
    l.candidatures,
    "candidatures",
    (r) => candAt(r) && r.etat === "ensemble" && r.motif_refus === "ensemble"
  );
  const acceptees = sum(
    l.candidatures,
    "candidatures",
    (r) => candAt(r) && r.etat === ACCEPTEE && r.motif_refus === "ensemble"
  );
  const refusees = sum(
    l.candidatures,
    "candidatures",
    (r) => candAt(r) && r.etat === REFUSEE && r.motif_refus === "ensemble"
  );
  // Additive figures the published definitions do not hold (hires, PASS, auto-prescription)
  // are summed from the structure marts over the group's SIAE.
  const members = groupMembers(data, niveau, territoire, kind, year);
  const fromMarts = (mart: readonly Row[], field: string) =>
    sum(mart, field, (r) => num(r.annee) === year && members.has(num(r.structure_id)));
  const conv = num(etp?.etp_conventionnes);
  const real = num(etp?.etp_realises);
  return {
    etpConventionnes: conv,
    etpRealises: real,
    etpRealisesValides: num(etp?.etp_realises_valides),
    tauxRealisation: etp?.taux_realisation === undefined ? null : (etp.taux_realisation as number | null),
    tauxRealisationValides:
      etp?.taux_realisation_valides === undefined ? null : (etp.taux_realisation_valides as number | null),
    heures: num(etp?.heures_travaillees),
    montantAide: num(etp?.montant_aide),
    montantCofinance: fromMarts(
      data.marts.structure_etp.filter((r) => num(r.mois) === 0),
      "montant_cofinance"
    ),
    partCofinancement: etp?.part_cofinancement === undefined ? null : (etp.part_cofinancement as number | null),
    salaries: sum(l.salaries, "nb_salaries", (r) => at(r) && r.caracteristique === "ensemble"),
    embauches: fromMarts(data.marts.structure_embauches, "nb_embauches"),
    sorties,
    sortiesDynamiques: exits("sorties_dynamiques"),
    sortiesDurables: exits("emploi_durable"),
    tauxSortieDynamique: ratio(exits("sorties_dynamiques"), sorties),
    tauxEmploiDurable: ratio(exits("emploi_durable"), sorties),
    parcours: num(path?.nb_parcours),
    dureeMediane: path ? num(path.duree_mediane) : null,
    candidatures,
    acceptees,
    refusees,
    tauxAcceptation: ratio(acceptees, candidatures),
    tauxRefus: ratio(refusees, candidatures),
    autoPrescriptions: fromMarts(data.marts.structure_candidatures, "auto_prescriptions"),
    delaiMedian: null,
    pass: fromMarts(data.marts.structure_pass, "pass_delivres")
  };
}

/** SIAE of a territory and kind with an annexe in effect in `year` (structure_etp rows). */
export function groupMembers(
  data: ReportData,
  niveau: string,
  territoire: string,
  kind: string,
  year: number
): ReadonlySet<number> {
  return memo(data, `g/${niveau}/${territoire}/${kind}/${year}`, () => {
    const members = new Set<number>();
    for (const r of data.marts.structure_etp) {
      if (num(r.annee) !== year || num(r.mois) !== 0) continue;
      if (kind !== "ensemble" && r.kind !== kind) continue;
      if (niveau === "département" && r.departement !== territoire) continue;
      if (niveau === "région" && r.region !== territoire) continue;
      if (niveau === "national" && territoire !== NATIONAL_CODE) continue;
      members.add(num(r.structure_id));
    }
    return members;
  });
}

/** The kind of a SIAE with the most ETP conventionnés in `year` (its comparison group). */
export function mainKind(data: ReportData, id: number, year: number): string {
  let best = "";
  let bestEtp = -1;
  for (const r of structureRows(data, "structure_etp", id)) {
    if (num(r.structure_id) !== id || num(r.annee) !== year || num(r.mois) !== 0) continue;
    const etp = num(r.etp_conventionnes);
    if (etp > bestEtp || (etp === bestEtp && String(r.kind) < best)) [best, bestEtp] = [String(r.kind), etp];
  }
  return best || (data.structures.get(id)?.kinds[0] ?? "");
}
