// Everything the reports read, queried once from the staged sources: the structure-grain
// marts (private) and the published definitions at département, région and national level
// (the same SQL as the site's datasets, so that a territory's figures are the site's).
import {
  CANDIDATURES_CUBE,
  STRUCTURE_MARTS,
  employeesByLevelSql,
  etpByLevelSql,
  exitsByLevelSql,
  pathsByLevelSql,
  structureMartSql,
  type StructureMart
} from "@pilotage/indicators";
import type {Row, SqlEngine} from "@pilotage/sources";

/** One SIAE as the reports name it. */
export interface StructureIdentity {
  readonly id: number;
  readonly nom: string;
  readonly siret: string | null;
  readonly departement: string;
  readonly region: string;
  readonly kinds: readonly string[];
}

/** Rows of each mart, and of the level figures, as the engine returned them. */
export interface ReportData {
  readonly referenceDate: string;
  /** Years with monthly statements, ascending; `fullYears` those with 12 months. */
  readonly years: readonly number[];
  readonly fullYears: readonly number[];
  readonly structures: ReadonlyMap<number, StructureIdentity>;
  readonly marts: Readonly<Record<Exclude<StructureMart, "structure_identite">, readonly Row[]>>;
  /**
   * Published definitions at every level: niveau, territoire, type_structure, periode… Yearly
   * rows only; candidatures: the cube's year rows (mois = 0) for every origin, prescriber
   * type and refusal motif together ('ensemble'), by state.
   */
  readonly levels: {
    readonly etp: readonly Row[];
    readonly salaries: readonly Row[];
    readonly sorties: readonly Row[];
    readonly parcours: readonly Row[];
    readonly candidatures: readonly Row[];
  };
}

const num = (v: unknown): number => (typeof v === "number" ? v : v === null || v === undefined ? 0 : Number(v));

/**
 * Queries every mart and level figure. `referenceDate` (`AAAA-MM-JJ`) is the data's date.
 * Level rows are kept for départements, régions and France; monthly level rows are dropped.
 */
export async function loadReportData(engine: SqlEngine, referenceDate: string): Promise<ReportData> {
  const params = {referenceDate};
  const marts = {} as Record<StructureMart, Row[]>;
  for (const name of STRUCTURE_MARTS) marts[name] = await engine.query(structureMartSql(name, params));
  const {years, fullYears} = await statementYears(engine);
  // Only the rows the reports read leave the engine (at national scale, the monthly rows and
  // the applications cube's origin and prescriber cells would be most of the memory).
  const where = (sql: string, condition: string) => `SELECT * FROM (${sql}) AS q WHERE ${condition}`;
  const levels = {
    etp: await engine.query(where(etpByLevelSql(), "periode NOT LIKE '%-%'")),
    salaries: await engine.query(employeesByLevelSql()),
    sorties: await engine.query(exitsByLevelSql()),
    parcours: await engine.query(pathsByLevelSql(referenceDate)),
    candidatures: await engine.query(
      where(
        CANDIDATURES_CUBE,
        "mois = 0 AND origine = 'ensemble' AND type_prescripteur = 'ensemble' AND motif_refus = 'ensemble' AND traitement = 'ensemble'"
      )
    )
  };
  const structures = new Map<number, StructureIdentity>();
  for (const r of marts.structure_identite) {
    structures.set(num(r.structure_id), {
      id: num(r.structure_id),
      nom: String(r.nom ?? `Structure ${r.structure_id}`),
      siret: r.siret === null ? null : String(r.siret),
      departement: String(r.departement),
      region: String(r.region),
      kinds: String(r.kinds ?? "")
        .split(", ")
        .filter(Boolean)
    });
  }
  const {structure_identite: _, ...rest} = marts;
  return {
    referenceDate,
    years,
    fullYears,
    structures,
    marts: rest,
    levels
  };
}

/**
 * Years with monthly statements (emi), ascending, and among them the full years (statements
 * in all 12 months): `pnpm reports` defaults to the last full year.
 */
export async function statementYears(engine: SqlEngine): Promise<{years: number[]; fullYears: number[]}> {
  const months = await engine.query<{annee: number; n: number}>(
    `SELECT emi_sme_annee AS annee, COUNT(DISTINCT emi_sme_mois) AS n FROM emi GROUP BY emi_sme_annee ORDER BY annee`
  );
  return {
    years: months.map((m) => num(m.annee)),
    fullYears: months.filter((m) => num(m.n) === 12).map((m) => num(m.annee))
  };
}

/** Sum of `field` over rows matching `where`. */
export function sum(rows: readonly Row[], field: string, where: (r: Row) => boolean = () => true): number {
  let total = 0;
  for (const r of rows) if (where(r)) total += num(r[field]);
  return total;
}

/** The first row matching `where`, or undefined. */
export const find = (rows: readonly Row[], where: (r: Row) => boolean): Row | undefined => rows.find(where);

export {num};

/** Filters of level rows: a territory's row of a kind ("ensemble" for all) and year. */
export const levelRow =
  (niveau: string, territoire: string, kind: string, year: number) =>
  (r: Row): boolean =>
    r.niveau === niveau &&
    r.territoire === territoire &&
    r.type_structure === kind &&
    String(r.periode) === String(year);

type MartName = keyof ReportData["marts"];
const indexes = new WeakMap<ReportData, Map<MartName, Map<number, Row[]>>>();

/** The rows of a mart for one SIAE (an index built once per mart, so a national run stays linear). */
export function structureRows(data: ReportData, mart: MartName, id: number): readonly Row[] {
  let byMart = indexes.get(data);
  if (!byMart) indexes.set(data, (byMart = new Map()));
  let index = byMart.get(mart);
  if (!index) {
    index = new Map();
    for (const r of data.marts[mart]) {
      const key = num(r.structure_id);
      const list = index.get(key);
      if (list) list.push(r);
      else index.set(key, [r]);
    }
    byMart.set(mart, index);
  }
  return index.get(id) ?? [];
}

const memos = new WeakMap<ReportData, Map<string, unknown>>();

/** `compute()` once per data and key (level figures and groups are asked for by every review). */
export function memo<T>(data: ReportData, key: string, compute: () => T): T {
  let m = memos.get(data);
  if (!m) memos.set(data, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}
