// The employees of one IAE structure over the period: paths (a hiring, renewals, an exit),
// the contracts of each path and one monthly statement per person and month worked.
// A path's hiring is drawn month by month so that the headcount stays near what the
// structure's funded posts pay for; paths start up to two years before the period so
// that the first months already have a realistic stock of people.
import type {IaeKind} from "@pilotage/sources";
import {addMonths, monthEnd, monthOf, monthStart, type Day} from "../dates.ts";
import {HIRING_SEASONALITY, PROFILES} from "../profiles.ts";
import {
  MOTIF_CDD_AUTRE_SIAE,
  PE_DUREE_12_23,
  PE_DUREE_24_PLUS,
  REF_DUREE_POLE_EMPLOI,
  REF_MOTIF_SORT,
  REF_NIVEAU_FORMATION
} from "../referentials.ts";
import {synthHash, type Rng} from "../rng.ts";
import type {Context} from "./context.ts";
import type {Annexe, Structure} from "./world.ts";

export type Rsa = "NON" | "OUI-M" | "OUI-NM";

export interface Person {
  readonly id: number;
  readonly hash: string;
  readonly sex: "F" | "M";
  readonly birthYear: number;
  readonly dep: string;
  readonly qpv: boolean;
  readonly zrr: boolean;
  readonly rsa: Rsa;
  readonly ass: boolean;
  readonly aah: boolean;
  readonly rqth: boolean;
  readonly levelId: number;
  readonly peDureeId: number;
  readonly createdDay: Day;
  /** Set once the person has a candidate account on the platform. */
  candidateId: string | null;
  /** End of the person's current PASS IAE, if any. */
  passEnd: Day | null;
}

export interface Contract {
  readonly id: number;
  readonly person: Person;
  readonly structureId: number;
  readonly mesure: string;
  readonly parentId: number | null;
  readonly start: Day;
  readonly plannedEnd: Day;
  readonly exit: Day | null;
  readonly motifId: number | null;
  readonly rome: string;
  readonly weeklyHours: number;
}

export interface Statement {
  readonly id: number;
  readonly person: Person;
  readonly annexe: Annexe;
  readonly contract: Contract;
  readonly month: number;
  readonly hours: number;
  readonly motifId: number | null;
  readonly validated: boolean;
}

export interface Hire {
  readonly person: Person;
  readonly day: Day;
}

export interface StructureEmployment {
  readonly newPeople: Person[];
  readonly contracts: Contract[];
  readonly statements: Statement[];
  readonly hires: Hire[];
}

/** People who left a structure and may be hired by another one of the same département. */
export class MobilityPool {
  private readonly byDep = new Map<string, {person: Person; exit: Day}[]>();

  add(person: Person, exit: Day): void {
    const list = this.byDep.get(person.dep) ?? [];
    list.push({person, exit});
    if (list.length > 400) list.shift(); // bounded: memory must not grow with the scale
    this.byDep.set(person.dep, list);
  }

  /** Someone who left before `hire` (at least a week before), taken out of the pool. */
  take(dep: string, hire: Day): Person | null {
    const list = this.byDep.get(dep);
    if (!list) return null;
    const limit = Math.min(list.length, 30);
    for (let i = 0; i < limit; i++) {
      const entry = list[i] as {person: Person; exit: Day};
      if (entry.exit < hire - 7) {
        list.splice(i, 1);
        return entry.person;
      }
    }
    return null;
  }
}

const MOTIFS = REF_MOTIF_SORT.map((m) => [m.rms_id, m.weight] as const);
const LEVELS = REF_NIVEAU_FORMATION.map((r) => [r.id, r.weight] as const);
const PE_DUREES = REF_DUREE_POLE_EMPLOI.map((r) => [r.id, r.weight] as const);

export function newPerson(ctx: Context, rng: Rng, kind: IaeKind | null, dep: string, hire: Day): Person {
  const profile = kind ? PROFILES[kind] : null;
  const age = rng.weighted([
    [rng.int(18, 25), 21],
    [rng.int(26, 49), 54],
    [rng.int(50, 64), 25]
  ] as const);
  const rsaShare = profile?.rsaShare ?? 0.3;
  const rsa: Rsa = rng.chance(rsaShare) ? (rng.chance(0.15) ? "OUI-M" : "OUI-NM") : "NON";
  const year = new Date(hire * 86_400_000).getUTCFullYear();
  return {
    id: ctx.ids.salarie.take(),
    hash: synthHash(ctx.hashKey, ctx.ids.person.take()),
    sex: rng.chance(profile?.menShare ?? 0.5) ? "M" : "F",
    birthYear: year - age,
    // Most people live in the structure's département; some just across its border.
    dep: rng.chance(0.93) ? dep : rng.pick(NEIGHBOUR_FALLBACK),
    qpv: rng.chance(0.2),
    zrr: rng.chance(0.08),
    rsa,
    ass: rsa === "NON" && rng.chance(0.1),
    aah: rng.chance(0.04),
    rqth: rng.chance(0.1),
    levelId: rng.weighted(LEVELS),
    peDureeId: rng.weighted(PE_DUREES),
    createdDay: hire - rng.int(0, 20),
    candidateId: null,
    passEnd: null
  };
}

// People living outside the structure's département: a few big ones, for simplicity.
const NEIGHBOUR_FALLBACK = ["13", "33", "59", "69", "75", "93"];

export function simulateStructure(ctx: Context, s: Structure, pool: MobilityPool): StructureEmployment {
  const kind = s.iaeKind;
  if (!kind) throw new Error(`${s.kind} is not an IAE structure`);
  const rng = ctx.rng.fork(`employment-${s.idAsp}`);
  const profile = PROFILES[kind];
  const out: StructureEmployment = {newPeople: [], contracts: [], statements: [], hires: []};

  const activeHours = profile.hoursPerMonth * (1 - profile.idleMonthShare);
  const stock = (s.etp * (1607 / 12) * s.realisation) / activeHours;
  const ratePerMonth = stock / profile.pathMonths;
  const warmUp = Math.max(s.openMonth, ctx.firstMonth - 24);
  const mainAnnexes = new Map<number, Annexe>();
  for (const a of s.annexes) if (a.main) mainAnnexes.set(new Date(a.start * 86_400_000).getUTCFullYear(), a);

  for (let m = warmUp; m <= ctx.lastMonth; m++) {
    // New structures ramp up: the first months hire more to reach their stock.
    const rampUp = m < ctx.firstMonth || s.openMonth < ctx.firstMonth ? 1 : m - s.openMonth < 3 ? 3 : 1;
    const hires = rng.poisson(ratePerMonth * rampUp * (HIRING_SEASONALITY[m % 12] as number));
    for (let h = 0; h < hires; h++) {
      const hire = monthStart(m) + rng.int(0, monthEnd(m) - monthStart(m));
      // Path length: log-normal around the kind's mean, capped at 24 months (a few
      // derogations up to 36), very short ones being trial periods that failed.
      const derogation = rng.chance(0.03);
      const months = Math.min(derogation ? 36 : 24, Math.max(0.2, rng.logNormal(profile.pathMonths * 0.8, 0.65)));
      const exitDay = hire + Math.round(months * 30.44);
      if (exitDay < ctx.periodStart) continue; // ended before the period: not in the extract
      const exit = exitDay <= ctx.periodEnd ? exitDay : null;
      const reused = rng.chance(0.07) ? pool.take(s.dep.code, hire) : null;
      const person = reused ?? newPerson(ctx, rng, kind, s.dep.code, hire);
      if (!reused) out.newPeople.push(person);
      out.hires.push({person, day: hire});
      const motifId = exit === null ? null : months < 0.6 && rng.chance(0.5) ? 134 : rng.weighted(MOTIFS);
      const contracts = contractsOfPath(ctx, rng, s, person, hire, exit, motifId);
      out.contracts.push(...contracts);
      statementsOfPath(ctx, rng, s, contracts, exit, motifId, mainAnnexes, out.statements);
      if (exit !== null && (motifId === MOTIF_CDD_AUTRE_SIAE || rng.chance(0.2))) pool.add(person, exit);
    }
  }
  return out;
}

function contractsOfPath(
  ctx: Context,
  rng: Rng,
  s: Structure,
  person: Person,
  hire: Day,
  exit: Day | null,
  motifId: number | null
): Contract[] {
  const profile = PROFILES[s.iaeKind as IaeKind];
  const rome = rng.pick(s.romeCodes);
  const weeklyHours = Math.max(4, Math.round(((profile.hoursPerMonth * 12) / 52) * (0.8 + rng.next() * 0.4)));
  const contracts: Contract[] = [];
  let start = hire;
  let parentId: number | null = null;
  for (;;) {
    const plannedEnd = addMonths(start, rng.int(profile.contractMonths[0], profile.contractMonths[1])) - 1;
    const last = exit !== null ? plannedEnd >= exit : plannedEnd >= ctx.periodEnd;
    const id = ctx.ids.contrat.take();
    contracts.push({
      id,
      person,
      structureId: s.idAsp as number,
      mesure: s.mesure,
      parentId,
      start,
      plannedEnd,
      exit: last ? exit : null,
      motifId: last ? motifId : null,
      rome,
      weeklyHours
    });
    if (last) return contracts;
    // Renewals point to the first contract of the chain.
    parentId ??= id;
    start = plannedEnd + 1;
  }
}

function statementsOfPath(
  ctx: Context,
  rng: Rng,
  s: Structure,
  contracts: readonly Contract[],
  exit: Day | null,
  motifId: number | null,
  mainAnnexes: ReadonlyMap<number, Annexe>,
  into: Statement[]
): void {
  const profile = PROFILES[s.iaeKind as IaeKind];
  const first = contracts[0] as Contract;
  const lastDay = exit ?? ctx.periodEnd;
  const from = Math.max(ctx.firstMonth, monthOf(first.start));
  const to = Math.min(ctx.lastMonth, monthOf(lastDay));
  // Each person keeps a usual volume of hours (AI: very variable from person to person).
  const usual = profile.hoursPerMonth * (s.kind === "AI" ? rng.logNormal(0.85, 0.6) : 0.85 + rng.next() * 0.3);
  let c = 0;
  for (let m = from; m <= to; m++) {
    const mStart = Math.max(monthStart(m), first.start);
    const mEnd = Math.min(monthEnd(m), lastDay);
    while (c < contracts.length - 1 && (contracts[c] as Contract).plannedEnd < mEnd) c++;
    const contract = contracts[c] as Contract;
    const share = (mEnd - mStart + 1) / (monthEnd(m) - monthStart(m) + 1);
    const idle = rng.chance(profile.idleMonthShare);
    const hours = idle ? 0 : Math.min(190, Math.max(1, usual * share * (0.85 + rng.next() * 0.3)));
    const annexe = mainAnnexes.get(Math.floor(m / 12));
    if (!annexe) continue; // no funding that year: the structure had not opened yet
    // The latest month is partly not yet validated at extraction time.
    const pending = m === ctx.lastMonth ? 0.35 : m === ctx.lastMonth - 1 ? 0.05 : 0;
    into.push({
      id: ctx.ids.statement.take(),
      person: contract.person,
      annexe,
      contract,
      month: m,
      hours: Math.round(hours * 100) / 100,
      motifId: exit !== null && m === monthOf(exit) ? motifId : null,
      validated: !rng.chance(pending)
    });
  }
}

/** Whether the person is registered long-term at France Travail (for the criteria). */
export function isDetld(p: Person): boolean {
  return p.peDureeId === PE_DUREE_24_PLUS;
}

export function isDeld(p: Person): boolean {
  return p.peDureeId === PE_DUREE_12_23;
}
