// Hours of work each kind of report replaces, declared once in heures-economisees.json (each
// an estimate to confirm with the networks, with its basis), and what a run saves in all.
// Imported (not read from disk) so that the site's loader freshness sees a change of it.
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import declared from "../heures-economisees.json" with {type: "json"};
import type {ReportKind} from "./model.ts";

export interface HoursEntry {
  readonly heures: number;
  readonly statut: string;
  readonly base: string;
}

export interface HoursConfig {
  readonly description: string;
  readonly heuresParJour: number;
  readonly rapports: Readonly<Record<ReportKind, HoursEntry>>;
}

/** The configuration file (packages/reports/heures-economisees.json). */
export const HOURS_FILE = join(dirname(fileURLToPath(import.meta.url)), "../heures-economisees.json");

/** Checks the configuration (the file's by default); throws a French message naming the file and the entry. */
export function readHours(config: unknown = declared, file = HOURS_FILE): HoursConfig {
  const c = config as HoursConfig;
  for (const kind of ["structure", "departement", "region", "rsa"] as const) {
    const e = c.rapports?.[kind];
    if (!e || typeof e.heures !== "number" || !(e.heures > 0) || !e.base || !e.statut)
      throw new Error(`${file} : l'entrée « rapports.${kind} » doit donner des heures (> 0), un statut et une base.`);
  }
  if (!(c.heuresParJour > 0)) throw new Error(`${file} : « heuresParJour » doit être un nombre positif.`);
  return c;
}

export interface Savings {
  readonly lines: readonly {kind: ReportKind; count: number; hours: number; total: number}[];
  readonly hours: number;
  readonly days: number;
}

/** Reports produced × hours each = hours and person-days saved. */
export function savings(config: HoursConfig, counts: Readonly<Partial<Record<ReportKind, number>>>): Savings {
  const lines = (Object.keys(config.rapports) as ReportKind[]).map((kind) => {
    const count = counts[kind] ?? 0;
    const hours = config.rapports[kind].heures;
    return {kind, count, hours, total: count * hours};
  });
  const total = lines.reduce((a, l) => a + l.total, 0);
  return {lines, hours: total, days: total / config.heuresParJour};
}
