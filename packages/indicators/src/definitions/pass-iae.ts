// PASS IAE: issued per month and year, and the stock at the end of each period.
// - A PASS is issued in the period of its `date_début`; its territory is the département
//   of the structure that hired (`département_structure`, else the structure's own).
// - Observation date d of a period: its last day, or the reference date for the period
//   that holds it (periods after the reference date are left out). "At the reference date"
//   is then the row of the latest month or year.
// - Valid at d: date_début ≤ d ≤ date_fin. Suspended at d: valid and inside a suspension
//   (suspension.date_début ≤ d and (no suspension.date_fin or d ≤ suspension.date_fin)).
//   Active at d: valid and not suspended.
// - Expiring within 3 months: active at d and date_fin ≤ d + 3 months (same day of the
//   month, or the month's last day when it has fewer days).
// One PASS concerns one person: every count falls under the statistical secret.
import {normalizeDepartementSql} from "@pilotage/sources";
import {territoriesValues} from "./geography.ts";
import {byLevelsAndKinds, kindSql} from "./emplois.ts";

/** A period of the PASS figures: mois 0 for the year. */
export interface PassPeriod {
  readonly annee: number;
  readonly mois: number;
  /** First day, `AAAA-MM-JJ`. */
  readonly debut: string;
  /** Observation date d: last day, or the reference date. */
  readonly fin: string;
  /** d + 3 months. */
  readonly finPlus3Mois: string;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `date` (AAAA-MM-JJ) + `months` months, the day clamped to the length of the month reached. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Years and months from January of `firstYear` to the period holding `referenceDate`. */
export function passPeriods(firstYear: number, referenceDate: string): PassPeriod[] {
  const [ry, rm] = referenceDate.split("-").map(Number) as [number, number];
  const periods: PassPeriod[] = [];
  const add = (annee: number, mois: number, debut: string, last: string) => {
    const fin = last < referenceDate ? last : referenceDate;
    periods.push({annee, mois, debut, fin, finPlus3Mois: addMonths(fin, 3)});
  };
  for (let y = firstYear; y <= ry; y++) {
    add(y, 0, iso(y, 1, 1), iso(y, 12, 31));
    for (let m = 1; m <= (y === ry ? rm : 12); m++) add(y, m, iso(y, m, 1), iso(y, m, daysInMonth(y, m)));
  }
  return periods;
}

/** First year with a PASS issued (the period list starts there). Column: annee (null if none). */
export const PASS_FIRST_YEAR = `SELECT CAST(MIN(EXTRACT(YEAR FROM "date_début")) AS INTEGER) AS annee FROM pass_agrements`;

const date = (d: string) => `CAST('${d}' AS DATE)`;

/**
 * PASS IAE figures by territory, kind and period. Columns: niveau, territoire,
 * type_structure, annee, mois, pass_delivres, pass_actifs, pass_suspendus,
 * pass_expirant_3_mois. `suspensions: false` when the optional table `suspensions_pass` is
 * missing from the sources: no PASS is then known to be suspended (pass_suspendus is 0 and
 * meaningless: the caller removes it, and says that the active ones include suspended ones).
 */
export function passIaeSql(periods: readonly PassPeriod[], options: {readonly suspensions?: boolean} = {}): string {
  const suspended = (per: string) =>
    options.suspensions === false
      ? "0"
      : `CASE WHEN EXISTS (
             SELECT 1 FROM suspensions_pass s
             WHERE s."id_pass_agrément" = pass.id AND s."date_début" <= ${per}.fin
               AND (s.date_fin IS NULL OR s.date_fin >= ${per}.fin)
           ) THEN 1 ELSE 0 END`;
  const values = periods
    .map((p) => `(${p.annee}, ${p.mois}, ${date(p.debut)}, ${date(p.fin)}, ${date(p.finPlus3Mois)})`)
    .join(", ");
  return `
  WITH territoires AS (${territoriesValues()}),
  periodes AS (SELECT * FROM (VALUES ${values}) AS p(annee, mois, debut, fin, fin_plus_3_mois)),
  pass AS (
    SELECT p.id, p."date_début" AS date_debut, p.date_fin, t.region, t.departement,
           ${kindSql("s.type")} AS type_structure
    FROM pass_agrements p
    LEFT JOIN structures s ON s.id = p.id_structure
    -- Codes normalised ('1' → '01'); an unknown département counts in the national total only.
    LEFT JOIN territoires t ON t.departement = COALESCE(${normalizeDepartementSql('p."département_structure"')}, ${normalizeDepartementSql('s."département"')})
  ),
  delivres AS (
    SELECT pass.region, pass.departement, pass.type_structure, per.annee, per.mois,
           1 AS delivre, 0 AS actif, 0 AS suspendu, 0 AS expirant
    FROM pass JOIN periodes per ON pass.date_debut BETWEEN per.debut AND per.fin
  ),
  valides AS (
    SELECT pass.*, per.annee, per.mois, per.fin_plus_3_mois,
           ${suspended("per")} AS suspendu
    FROM pass JOIN periodes per ON pass.date_debut <= per.fin AND pass.date_fin >= per.fin
  ),
  stock AS (
    SELECT region, departement, type_structure, annee, mois, 0 AS delivre, 1 - suspendu AS actif, suspendu,
           CASE WHEN suspendu = 0 AND date_fin <= fin_plus_3_mois THEN 1 ELSE 0 END AS expirant
    FROM valides
  ),
  tout AS (SELECT * FROM delivres UNION ALL SELECT * FROM stock)
  ${byLevelsAndKinds(
    `CAST(SUM(delivre) AS INTEGER) AS pass_delivres, CAST(SUM(actif) AS INTEGER) AS pass_actifs,
     CAST(SUM(suspendu) AS INTEGER) AS pass_suspendus, CAST(SUM(expirant) AS INTEGER) AS pass_expirant_3_mois`,
    "tout",
    ["annee", "mois"]
  )}`;
}
