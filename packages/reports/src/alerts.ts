// The structures a DDETS or DREETS should look at first: each SIAE's gaps from what the
// dialogue de gestion watches, scored and ranked, each with its reasons in French.
import {fmt} from "./format.ts";
import {structureFigures, type Figures} from "./figures.ts";
import type {ReportData} from "./data.ts";
import {MIN_RATE_BASE} from "./reports/common.ts";

/** Thresholds of the alerts (declared once; to be tuned with the DDETS). */
export const ALERT_RULES = {
  /** Taux de réalisation under this: under-consumption of the funded posts. */
  sousConsommation: 0.8,
  /** Over this: over-consumption (the real product flags every structure over 100 %). */
  surConsommation: 1,
  /** Share of ETP réalisés on statements not yet validated over this. */
  nonValides: 0.1,
  /** Taux de sortie dynamique under this, with at least MIN_RATE_BASE exits examined. */
  sortieDynamique: 0.4
} as const;

export interface Alert {
  readonly id: number;
  /**
   * The sum of the structure's gaps beyond the thresholds it crosses, in percentage points
   * (taux de réalisation 47,1 % → 32,9 points under 80 %; 130,7 % → 30,7 points over 100 %).
   * No weighting: the ranking is the caption's « écart aux seuils ». Each gap is taken on the
   * rate as printed (to 0,1 %), so that the reasons shown add up to the score shown.
   */
  readonly score: number;
  readonly reasons: readonly string[];
  readonly figures: Figures;
}

/** Alerts of the SIAE `ids` in `year`, ranked (largest gap first, then id); SIAE with no reason are left out. */
export function rankAlerts(data: ReportData, ids: Iterable<number>, year: number): Alert[] {
  const alerts: Alert[] = [];
  for (const id of ids) {
    const f = structureFigures(data, id, year);
    const reasons: string[] = [];
    // In tenths of a point, whole numbers: the sum of the printed gaps is the printed score.
    let tenths = 0;
    const gap = (threshold: number, rate: number) => Math.abs(Math.round(rate * 1000) - Math.round(threshold * 1000));
    const t = f.tauxRealisation;
    if (f.etpConventionnes > 0 && f.etpRealises === 0) {
      reasons.push("aucun ETP réalisé déclaré sur l'année");
      tenths += gap(ALERT_RULES.sousConsommation, 0);
    } else if (t !== null && t < ALERT_RULES.sousConsommation) {
      reasons.push(`sous-consommation : taux de réalisation de ${fmt.pct(t)}`);
      tenths += gap(ALERT_RULES.sousConsommation, t);
    } else if (t !== null && t > ALERT_RULES.surConsommation) {
      reasons.push(`surconsommation : taux de réalisation de ${fmt.pct(t)}`);
      tenths += gap(ALERT_RULES.surConsommation, t);
    }
    const nonValides = f.etpRealises > 0 ? 1 - f.etpRealisesValides / f.etpRealises : 0;
    if (nonValides > ALERT_RULES.nonValides) {
      reasons.push(`${fmt.pct(nonValides)} des ETP réalisés sur des états mensuels non validés`);
      tenths += gap(ALERT_RULES.nonValides, nonValides);
    }
    if (
      f.sorties >= MIN_RATE_BASE &&
      f.tauxSortieDynamique !== null &&
      f.tauxSortieDynamique < ALERT_RULES.sortieDynamique
    ) {
      reasons.push(`taux de sortie dynamique de ${fmt.pct(f.tauxSortieDynamique)} sur ${fmt.count(f.sorties)} sorties`);
      tenths += gap(ALERT_RULES.sortieDynamique, f.tauxSortieDynamique);
    }
    if (reasons.length > 0) alerts.push({id, score: tenths / 10, reasons, figures: f});
  }
  return alerts.sort((a, b) => b.score - a.score || a.id - b.id);
}
