// Small fluxIAE source folders in the real format for known-answer tests: each test lists
// only the rows it needs (objects with defaults), the builder writes every view of schema.ts
// (staging refuses a folder with one missing) plus the default emplois tables, then stages
// the folder with the real stage() and opens it on DuckDB and on PostgreSQL (PGlite).
import {expect} from "vitest";
import {loadIntoPostgres, openDuckDb, openPglite, recordingEffects, stage, type SqlEngine} from "@pilotage/sources";
import {EMPLOIS, FLUXIAE, tempDir, writeEmplois, writeFluxIae} from "@pilotage/sources/testing";

/** A structure: `insee` is the commune code of its address (département from it). */
export interface StructureRow {
  id: number;
  insee?: string;
}

export interface AnnexeRow {
  id: number;
  structure: number;
  /** Measure code (ACI_DC, EI_MP, FDI_DC…). */
  measure: string;
  state?: string;
  /** DD/MM/YYYY. */
  start?: string;
  end?: string;
  etp?: number;
  /** rmi_id of the annual hours of a full-time post. */
  hoursRef?: number;
  unitAmount?: number;
  totalAmount?: number | null;
  cofinance?: number | null;
  departement?: string | null;
}

export interface SalarieRow {
  id: number;
  /** The person (default `h<id>`): two salarie_id with one hash_nir are one person. */
  hashNir?: string;
  sex?: "MME" | "M.";
  birthYear?: number;
  qpv?: string;
  zrr?: boolean;
}

export interface ContratRow {
  id: number;
  person: number;
  structure: number;
  measure: string;
  /** First contract of the chain (itself by default, as the ASP writes it; null: left empty). */
  parent?: number | null;
  /** DD/MM/YYYY. */
  hire: string;
  end?: string;
  exit?: string;
  /** rms_id of the exit motif. */
  motif?: number;
  rsa?: "NON" | "OUI-M" | "OUI-NM";
  ass?: "OUI" | "NON";
  aah?: "OUI" | "NON";
  rqth?: "OUI" | "NON";
  /** rnf_id. */
  training?: number;
  /** rdp_id. */
  registration?: number;
}

export interface EmiRow {
  person: number;
  annexe: number;
  contrat: number;
  year: number;
  month: number;
  hours: number;
  /** emi_esm_etat_code: VALIDE by default, null for a statement not validated yet. */
  state?: string | null;
}

export interface FluxIaeFixture {
  structures: StructureRow[];
  annexes: AnnexeRow[];
  salaries?: SalarieRow[];
  contrats?: ContratRow[];
  emi?: EmiRow[];
}

/** Annual hours of a full-time post: id 1 = 1 607 h, id 3 = 1 820 h (and the RSA amount, id 2). */
export const HOURS_1607 = 1;
export const HOURS_1820 = 3;

/** Exit motifs (rms_id) of each category (rcs_code 1 to 5). */
export const MOTIF = {durable: 7, transition: 2, positive: 3, other: 4, withdrawal: 5} as const;

const text = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? "" : String(v);

/** Writes the folder: every fluxIAE view (rows given, reference views fixed) and the emplois tables. */
export function writeFluxIaeFolder(fixture: FluxIaeFixture): string {
  const dir = tempDir("pilotage-fluxiae-fixture-");
  const view = (name: string, rows: (string | number | boolean | null | undefined)[][]) =>
    writeFluxIae(dir, name, {header: FLUXIAE[name]!.header, rows: rows.map((r) => r.map(text))});
  view(
    "Structure",
    fixture.structures.map((s) => [
      s.id,
      "12345678900011",
      `Structure ${s.id}`,
      "8899B",
      "",
      s.insee ?? "34172",
      "",
      "0467000000",
      `contact${s.id}@structure.example`,
      "Martin",
      "Claire"
    ])
  );
  view(
    "AnnexeFinanciere",
    fixture.annexes.map((a) => {
      const etp = a.etp ?? 1;
      const unit = a.unitAmount ?? 12000;
      return [
        a.id,
        a.structure,
        `${a.measure.split("_")[0]}0342500${a.id}`,
        a.measure,
        a.state ?? "VALIDE",
        a.start ?? "01/01/2025",
        a.end ?? "31/12/2025",
        etp,
        a.hoursRef ?? HOURS_1607,
        unit,
        a.totalAmount === undefined ? etp * unit : a.totalAmount,
        a.cofinance,
        a.departement === undefined ? "34" : a.departement
      ];
    })
  );
  view(
    "Salarie",
    (fixture.salaries ?? []).map((s) => [
      s.id,
      s.hashNir ?? `h${s.id}`,
      s.sex ?? "MME",
      s.birthYear ?? 1990,
      "34",
      s.qpv ?? "",
      s.zrr ?? false
    ])
  );
  view(
    "ContratMission",
    (fixture.contrats ?? []).map((c) => [
      c.id,
      c.person,
      c.structure,
      c.measure,
      c.parent === undefined ? c.id : c.parent,
      c.hire,
      c.end,
      c.exit,
      c.motif,
      "A1203",
      c.rsa ?? "NON",
      c.ass ?? "NON",
      c.aah ?? "NON",
      c.rqth ?? "NON",
      c.training,
      c.registration,
      `${c.hire} 09:00:00`
    ])
  );
  view(
    "EtatMensuelIndiv",
    (fixture.emi ?? []).map((e) => [
      e.person,
      e.annexe,
      e.contrat,
      e.year,
      e.month,
      e.state === undefined ? "VALIDE" : e.state,
      e.hours,
      ""
    ])
  );
  view("RefMontantIae", [
    [HOURS_1607, "NB_HEURES_ETP", "Durée annuelle d'un ETP", 1607],
    [2, "MT_ME_RSA", "Montant RSA", 646.52],
    [HOURS_1820, "NB_HEURES_ETP_EI", "Durée annuelle d'un ETP (autre)", 1820]
  ]);
  view("RefMotifSort", [
    [MOTIF.durable, "96", "CDI Inclusion", 1],
    [MOTIF.transition, "2", "CDD dans une autre structure IAE", 2],
    [MOTIF.positive, "30", "Formation qualifiante", 3],
    [MOTIF.other, "40", "Sans nouvelles", 4],
    [MOTIF.withdrawal, "50", "Décès", 5]
  ]);
  view("RefCategorieSort", [
    [1, "1", "Emploi durable"],
    [2, "2", "Emploi de transition"],
    [3, "3", "Sorties positives"],
    [4, "4", "Autres sorties"],
    [5, "5", "Retrait des sorties constatées"]
  ]);
  view("RefNiveauFormation", [
    [1, "60", "Sans diplôme"],
    [2, "50", "Niveau CAP-BEP"],
    [3, "40", "Niveau bac"],
    [4, "30", "Bac + 2"]
  ]);
  view("RefDureePoleEmploi", [
    [1, "MOINS DE 6 MOIS"],
    [2, "DE 12 À 23 MOIS"],
    [3, "24 MOIS ET PLUS"]
  ]);
  for (const [name, table] of Object.entries(EMPLOIS)) writeEmplois(dir, name, table);
  return dir;
}

export interface StagedFixture {
  readonly duck: SqlEngine;
  readonly pg: SqlEngine;
  close(): Promise<void>;
}

/** Stages the fixture with the real stage(), opens it on DuckDB and copies it into PGlite. */
export function stageFixture(fixture: FluxIaeFixture): Promise<StagedFixture> {
  return stageOnBoth(writeFluxIaeFolder(fixture));
}

/** Stages a sources folder with the real stage(), opens it on DuckDB and copies it into PGlite. */
export async function stageOnBoth(folder: string): Promise<StagedFixture> {
  const staged = await stage(
    {sources: {kind: "folder", folder, origin: "env"}, cacheDir: tempDir()},
    recordingEffects()
  );
  const duck = await openDuckDb(staged.dbPath!, {readOnly: true});
  const pg = await openPglite();
  await loadIntoPostgres(pg, staged.dbPath!);
  return {
    duck,
    pg,
    async close() {
      await duck.close();
      await pg.close();
    }
  };
}

/** One statement per month from `from` to `to` (AAAA-MM, both included), same hours each month. */
export function monthly(
  base: Omit<EmiRow, "year" | "month">,
  from: string,
  to: string,
  extra: Partial<EmiRow> = {}
): EmiRow[] {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  const rows: EmiRow[] = [];
  for (let i = index(from); i <= index(to); i++)
    rows.push({...base, year: Math.floor(i / 12), month: (i % 12) + 1, ...extra});
  return rows;
}

type R = Record<string, unknown>;

/** Rows whose columns match `where` (a filter on the dimensions). */
export const pick = <T extends R>(rows: readonly T[], where: R): T[] =>
  rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));

/** The value of `figure` in the single row matching `where` (fails if none or several). */
export function only<T extends R>(rows: readonly T[], where: R, figure: string): unknown {
  const found = pick(rows, where);
  expect(found, JSON.stringify(where)).toHaveLength(1);
  return found[0]![figure];
}

/** Columns that identify a row besides its texts (years and months are numbers in some queries). */
const NUMERIC_KEYS = new Set(["annee", "mois"]);

/** Stable key of a row: its text columns (the dimensions), year and month. */
const keyOf = (row: R) =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .filter((k) => typeof row[k] === "string" || NUMERIC_KEYS.has(k))
      .map((k) => [k, row[k]])
  );

/**
 * The same rows on two engines: same keys, equal texts, integers and flags, floats equal
 * within a relative 1e-8 (the summing order differs between engines).
 */
export function expectSameRows(actual: readonly R[], expected: readonly R[], what = "rows"): void {
  expect(actual.length, `${what}: number of rows`).toBe(expected.length);
  const byKey = new Map(expected.map((r) => [keyOf(r), r]));
  expect(byKey.size, `${what}: keys are unique`).toBe(expected.length);
  for (const row of actual) {
    const other = byKey.get(keyOf(row));
    expect(other, `${what}: ${keyOf(row)} on both engines`).toBeDefined();
    expect(Object.keys(row).sort()).toEqual(Object.keys(other!).sort());
    for (const [k, v] of Object.entries(row)) {
      const w = other![k];
      if (typeof v === "number" && typeof w === "number" && !(Number.isInteger(v) && Number.isInteger(w))) {
        const scale = Math.max(Math.abs(v), Math.abs(w));
        expect(Math.abs(v - w), `${what}: ${keyOf(row)} ${k}: ${v} vs ${w}`).toBeLessThanOrEqual(1e-8 * scale);
      } else {
        expect(v, `${what}: ${keyOf(row)} ${k}`).toEqual(w);
      }
    }
  }
}
