// The small, fixed part of the sample: structures with their yearly annexes financières,
// and the prescriber organisations. Thousands of rows at most, so it lives in memory.
import type {IaeKind} from "@pilotage/sources";
import {IAE_KINDS} from "@pilotage/sources";
import {day, monthIndex, monthStart, type Day, type MonthIndex} from "../dates.ts";
import {DEPARTEMENTS, aspDepartement, communeCode, postalCode, type Departement} from "../geography.ts";
import {PROFILES} from "../profiles.ts";
import {AID_PER_ETP, ORGANISATION_KINDS, RMI_ETP_1607, RMI_ETP_1820} from "../referentials.ts";
import {ROME_CODES} from "../rome-codes.ts";
import type {Rng} from "../rng.ts";
import type {OtherKind} from "../scales.ts";
import type {Context} from "./context.ts";

export type StructureKind = IaeKind | OtherKind;

export interface Annexe {
  readonly id: number;
  readonly numero: string;
  readonly mesure: string;
  readonly etat: string;
  readonly start: Day;
  readonly end: Day;
  readonly etp: number;
  readonly divisorId: number;
  readonly unitAmount: number;
  readonly totalAmount: number;
  readonly cofinance: number | null;
  readonly createdDay: Day;
  /** Statements of the year are attached to it (the structure's main annexe of the year). */
  readonly main: boolean;
}

export interface Structure {
  /** ASP id (structure_id_siae); null for employers outside the IAE. */
  readonly idAsp: number | null;
  readonly idEmplois: number;
  readonly kind: StructureKind;
  readonly iaeKind: IaeKind | null;
  readonly dep: Departement;
  readonly name: string;
  readonly siret: string;
  readonly naf: string;
  readonly postalCode: string;
  readonly insee: string;
  readonly createdDay: Day;
  /** First month with activity (most are older than the period). */
  readonly openMonth: MonthIndex;
  /** Funded posts of a year, before the yearly variation of each annexe. */
  readonly etp: number;
  /** Realised / funded: most near 0.9, some above 1 (flagged by the indicators). */
  readonly realisation: number;
  readonly mesure: string;
  readonly romeCodes: readonly string[];
  /** "Poste en tension": open posts, and no application received after this day. */
  readonly quietSince: Day | null;
  readonly annexes: Annexe[];
}

export interface Organisation {
  readonly id: number;
  readonly type: string;
  readonly habilitee: boolean;
  readonly dep: string;
}

export interface World {
  readonly structures: readonly Structure[];
  readonly organisations: readonly Organisation[];
  readonly structuresByDep: ReadonlyMap<string, readonly Structure[]>;
  readonly organisationsByDep: ReadonlyMap<string, {habilitees: Organisation[]; others: Organisation[]}>;
}

const OTHER_KINDS: readonly OtherKind[] = ["EA", "EATT", "GEIQ", "OPCS"];
const OTHER_NAF: Record<OtherKind, string> = {EA: "8810C", EATT: "7820Z", GEIQ: "7830Z", OPCS: "8899B"};

// Names are institutional and synthetic; a few carry a comma or quotes on purpose,
// which the CSV writer must quote exactly as PostgreSQL does.
const NAME_STEMS: Record<StructureKind, readonly string[]> = {
  ACI: ["Chantier d'insertion", 'Atelier "Les Jardins"', "Ressourcerie", "Chantier nature, patrimoine"],
  AI: ["Association intermédiaire", "AI Services, entraide"],
  EI: ["Entreprise d'insertion", 'Régie "Bâtir"', "Restaurant d'insertion"],
  ETTI: ["Intérim d'insertion", 'ETTI "Tremplin"'],
  EITI: ["Coopérative d'indépendants"],
  EA: ["Entreprise adaptée"],
  EATT: ["Entreprise adaptée de travail temporaire"],
  GEIQ: ["GEIQ BTP", "GEIQ propreté, services"],
  OPCS: ["Organisme conventionné"]
};

function pickDepartement(rng: Rng): Departement {
  return rng.weighted(DEPARTEMENTS.map((d) => [d, d.population] as const));
}

function siret(n: number): string {
  // 14 digits, starting with 9 (no real SIREN of an employer of this kind starts so).
  return `9${String(n * 7919)
    .padStart(8, "0")
    .slice(-8)}${String(n % 100000).padStart(5, "0")}`;
}

export function buildWorld(ctx: Context): World {
  const rng = ctx.rng.fork("world");
  const structures: Structure[] = [];
  const kinds: StructureKind[] = [];
  for (const kind of IAE_KINDS) for (let i = 0; i < ctx.scale.structures[kind]; i++) kinds.push(kind);
  for (const kind of OTHER_KINDS) for (let i = 0; i < ctx.scale.otherStructures[kind]; i++) kinds.push(kind);
  // The test territory's structures come last: those before keep their ids and streams.
  const territory = ctx.scale.testTerritory;
  const firstOfTerritory = kinds.length;
  if (territory) for (const kind of IAE_KINDS) for (let i = 0; i < territory.structures[kind]; i++) kinds.push(kind);
  const territoryDep = territory ? DEPARTEMENTS.find((d) => d.code === territory.departement) : undefined;
  if (territory && !territoryDep) throw new Error(`Unknown test territory département "${territory.departement}"`);

  // Emplois ids are a shuffle of 1..n, so they never coincide with the ASP ids by order.
  const emploisIds = kinds.map((_, i) => i + 1);
  for (let i = emploisIds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [emploisIds[i], emploisIds[j]] = [emploisIds[j] as number, emploisIds[i] as number];
  }

  let aci = 0;
  const orderInDep = new Map<string, number>();
  kinds.forEach((kind, i) => {
    const srng = rng.fork(`structure-${i}`);
    const iaeKind = (IAE_KINDS as readonly string[]).includes(kind) ? (kind as IaeKind) : null;
    // The first 101 ACI take one département each: every département has a sizeable structure.
    const inTerritory = i >= firstOfTerritory;
    const anchor = !inTerritory && kind === "ACI" && aci < DEPARTEMENTS.length;
    const dep = inTerritory
      ? (territoryDep as Departement)
      : anchor
        ? (DEPARTEMENTS[aci++] as Departement)
        : pickDepartement(srng);
    const sizeFactor = inTerritory ? (territory?.sizeFactor ?? 1) : ctx.scale.sizeFactor;
    const order = (orderInDep.get(dep.code) ?? 0) + 1;
    orderInDep.set(dep.code, order);
    const profile = iaeKind ? PROFILES[iaeKind] : null;
    // An anchor ACI is never tiny, even in a small sample: each département keeps enough
    // people for its figures to pass the disclosure threshold.
    const floor = anchor ? 7 : 1;
    const etp = profile
      ? Math.max(floor, Math.round(srng.logNormal(profile.etpMedian * sizeFactor, 0.55) * 100) / 100)
      : Math.max(2, Math.round(srng.logNormal(12 * sizeFactor, 0.6)));
    // About 6 % of structures open during the period; the others existed before it.
    const late = iaeKind !== null && !anchor && !inTerritory && srng.chance(0.06);
    const openMonth = late ? ctx.firstMonth + srng.int(6, ctx.scale.months - 6) : ctx.firstMonth - srng.int(24, 240);
    const penitentiary = (kind === "ACI" || kind === "EI") && srng.chance(0.03);
    const mesure = iaeKind ? `${iaeKind}_${penitentiary ? "MP" : "DC"}` : "";
    const domains = profile?.romeDomains ?? "KHN";
    const romePool = ROME_CODES.filter((c) => domains.includes(c[0] as string));
    const idAsp = iaeKind ? ctx.ids.structure.take() : null;
    const stem = srng.pick(NAME_STEMS[kind]);
    const structure: Structure = {
      idAsp,
      idEmplois: emploisIds[i] as number,
      kind,
      iaeKind,
      dep,
      name: `${stem} ${dep.code}-${String(order).padStart(3, "0")}`,
      siret: siret(i + 1),
      naf: profile ? srng.pick(profile.naf) : OTHER_NAF[kind as OtherKind],
      postalCode: postalCode(dep.code, srng.int(0, 99)),
      insee: communeCode(dep.code, srng.int(1, 400)),
      createdDay: monthStart(openMonth) - srng.int(20, 200),
      openMonth,
      etp,
      realisation: Math.min(1.35, Math.max(0.45, srng.normal(0.9, 0.13))),
      mesure,
      romeCodes: Array.from({length: srng.int(1, 4)}, () => srng.pick(romePool)),
      quietSince: srng.chance(0.04) ? ctx.periodEnd - srng.int(60, 150) : null,
      annexes: []
    };
    if (iaeKind) structure.annexes.push(...annexesOf(ctx, srng, structure, iaeKind, order));
    structures.push(structure);
  });

  const organisations: Organisation[] = [];
  const orng = rng.fork("organisations");
  for (const dep of DEPARTEMENTS) {
    for (let i = 0; i < ctx.scale.organisationsPerDepartement; i++) {
      // Every département has a France Travail agency and a mission locale.
      const kind =
        i === 0
          ? ORGANISATION_KINDS[0]
          : i === 1
            ? ORGANISATION_KINDS[1]
            : orng.weighted(ORGANISATION_KINDS.map((k) => [k, k.weight] as const));
      if (!kind) continue;
      organisations.push({id: ctx.ids.organisation.take(), type: kind.type, habilitee: kind.habilitee, dep: dep.code});
    }
  }

  const structuresByDep = new Map<string, Structure[]>();
  for (const s of structures) structuresByDep.set(s.dep.code, [...(structuresByDep.get(s.dep.code) ?? []), s]);
  const organisationsByDep = new Map<string, {habilitees: Organisation[]; others: Organisation[]}>();
  for (const o of organisations) {
    const entry = organisationsByDep.get(o.dep) ?? {habilitees: [], others: []};
    (o.habilitee ? entry.habilitees : entry.others).push(o);
    organisationsByDep.set(o.dep, entry);
  }
  return {structures, organisations, structuresByDep, organisationsByDep};
}

/** One main annexe a year (VALIDE, CLOTURE or PROVISOIRE), plus a few FDI and excluded ones. */
function annexesOf(ctx: Context, rng: Rng, s: Structure, kind: IaeKind, order: number): Annexe[] {
  const annexes: Annexe[] = [];
  const lastYear = ctx.years[ctx.years.length - 1] as number;
  for (const year of ctx.years) {
    const firstMonthOfYear = monthIndex(year, 1);
    if (s.openMonth > monthIndex(year, 12)) continue;
    const startMonth = Math.max(firstMonthOfYear, s.openMonth);
    const start = monthStart(startMonth);
    const end = day(year, 12, 31);
    const months = 12 - (startMonth - firstMonthOfYear);
    const make = (mesure: string, etat: string, etp: number, main: boolean, n: number): Annexe => {
      const unit = Math.round((AID_PER_ETP[kind] ?? 0) * (1 + (year - 2023) * 0.02) * (1 + rng.next() * 0.08));
      const total = Math.round(((etp * unit * months) / 12) * 100) / 100;
      // Conseils départementaux co-fund mostly ACI, for people on RSA.
      const cofinance =
        kind === "ACI" && rng.chance(0.6)
          ? Math.round(total * (0.05 + rng.next() * 0.2) * 100) / 100
          : rng.chance(0.5)
            ? 0
            : null;
      const prefix = mesure.split("_")[0] as string;
      return {
        id: ctx.ids.annexe.take(),
        numero: `${prefix}${aspDepartement(s.dep.code)}${String(year % 100).padStart(2, "0")}${String(order * 10 + n).padStart(4, "0")}`,
        mesure,
        etat,
        start,
        end,
        etp,
        divisorId: rng.chance(0.9) ? RMI_ETP_1607 : RMI_ETP_1820,
        unitAmount: unit,
        totalAmount: total,
        cofinance,
        createdDay: start - rng.int(15, 90),
        main
      };
    };
    const etat =
      year === lastYear
        ? rng.weighted([
            ["VALIDE", 85],
            ["PROVISOIRE", 15]
          ] as const)
        : rng.weighted([
            ["VALIDE", 55],
            ["CLOTURE", 45]
          ] as const);
    const etp = Math.round(s.etp * (0.9 + rng.next() * 0.2) * 100) / 100;
    annexes.push(make(s.mesure, etat, etp, true, 0));
    // A replaced draft or a refused request: present in the extract, excluded from figures.
    if (rng.chance(0.05)) {
      annexes.push(
        make(
          s.mesure,
          rng.weighted([
            ["BROUILLON", 3],
            ["REJETE", 2],
            ["ANNULE", 1]
          ] as const),
          etp,
          false,
          1
        )
      );
    }
    // Fonds départemental d'insertion: funded besides, excluded from ETP figures.
    if (kind === "ACI" && rng.chance(0.12)) {
      annexes.push(make("FDI_DC", "VALIDE", Math.round(rng.next() * 2 * 100) / 100 + 0.5, false, 2));
    }
  }
  return annexes;
}
