// « Ce que le site remplace »: the hours of reporting the private reports save on the test
// territory, published as JSON. It holds the declared hours per kind of report (an estimate
// each, with its basis) and the number of reports `pnpm reports` produces there by default
// (the last full year): one per SIAE (the published count of structures of the département),
// one DDETS review, one DREETS synthesis, one conseil départemental report. No figure of any
// report is published.
import {DEPARTEMENT_NAMES, REGIONS, regionOfDepartement, structuresByYearSql} from "@pilotage/indicators";
import {statementYears} from "@pilotage/reports/data";
import {readHours, savings} from "@pilotage/reports/hours";
import {DEFAULT_DEPARTEMENT, REPORT_KIND_LABELS, type ReportKind} from "@pilotage/reports/model";
import type {SqlEngine} from "@pilotage/sources";

export interface SavedHours {
  readonly description: string;
  readonly annee: number | null;
  readonly departement: {readonly code: string; readonly nom: string};
  readonly region: {readonly code: string; readonly nom: string};
  readonly heuresParJour: number;
  readonly rapports: readonly {
    readonly type: ReportKind;
    readonly libelle: string;
    readonly nombre: number;
    readonly heures: number;
    readonly total: number;
    readonly statut: string;
    readonly base: string;
  }[];
  readonly heures: number;
  readonly jours: number;
}

/**
 * The page's figures, from the staged sources, for the run `pnpm reports` makes by default:
 * the last full year of monthly statements (12 months), the test territory's département.
 */
export async function savedHours(engine: SqlEngine): Promise<SavedHours> {
  const hours = readHours();
  const code = DEFAULT_DEPARTEMENT;
  const {fullYears} = await statementYears(engine);
  const year = fullYears[fullYears.length - 1];
  const latest = (await engine.query(structuresByYearSql())).find(
    (r) =>
      r.niveau === "département" &&
      r.territoire === code &&
      r.type_structure === "ensemble" &&
      String(r.periode) === String(year)
  );
  const siae = Number(latest?.nb_structures ?? 0);
  const counts: Record<ReportKind, number> = {structure: siae, departement: 1, region: 1, rsa: 1};
  const saved = savings(hours, counts);
  const region = regionOfDepartement(code) ?? "";
  return {
    description: hours.description,
    annee: year ?? null,
    departement: {code, nom: DEPARTEMENT_NAMES[code] ?? code},
    region: {code: region, nom: REGIONS.find((r) => r.code === region)?.name ?? region},
    heuresParJour: hours.heuresParJour,
    rapports: saved.lines.map((l) => ({
      type: l.kind,
      libelle: REPORT_KIND_LABELS[l.kind],
      nombre: l.count,
      heures: l.hours,
      total: l.total,
      statut: hours.rapports[l.kind].statut,
      base: hours.rapports[l.kind].base
    })),
    heures: saved.hours,
    jours: saved.days
  };
}
