// The emplois platform side of one structure: the candidates, their applications
// (candidatures), PASS IAE and their suspensions, and the structure's job posts.
// Hirings seen in the ASP statements come with an accepted application and a PASS IAE
// for the same pseudonymised person (same hash); around them, people who applied and
// were not hired, so that about 22 % of applications end accepted.
import {CANDIDATURE_ORIGINS} from "@pilotage/sources";
import {addMonths, monthEnd, monthStart, type Day} from "../dates.ts";
import {
  APPLICATIONS_OF_UNHIRED,
  HIRES_THROUGH_PLATFORM,
  HIRING_SEASONALITY,
  OTHER_APPLICATIONS_OF_HIRED,
  PLATFORM_HISTORY_DAYS,
  UNHIRED_CANDIDATES_PER_HIRE
} from "../profiles.ts";
import {REFUSAL_MOTIFS, SUSPENSION_MOTIFS} from "../referentials.ts";
import type {Rng} from "../rng.ts";
import type {Context} from "./context.ts";
import {isDeld, isDetld, newPerson, type Hire, type Person} from "./employment.ts";
import type {Structure, World} from "./world.ts";

export interface Candidate {
  readonly id: string;
  readonly person: Person;
  /** Some accounts have no NIR known to the platform. */
  readonly withHash: boolean;
}

export interface Application {
  readonly id: string;
  readonly candidateId: string;
  readonly structure: Structure;
  readonly sent: Day;
  readonly processed: Day | null;
  readonly hired: Day | null;
  readonly state: string;
  readonly origin: string;
  readonly prescriberType: string | null;
  readonly organisationId: number | null;
  readonly refusalMotif: string | null;
  readonly autoRefused: boolean | null;
}

export interface Pass {
  readonly id: string;
  readonly candidateId: string;
  readonly structure: Structure;
  readonly start: Day;
  readonly end: Day;
}

export interface Suspension {
  readonly id: number;
  readonly passId: string;
  readonly start: Day;
  readonly end: Day | null;
  readonly motif: string;
}

export interface Fiche {
  readonly id: number;
  readonly structure: Structure;
  readonly rome: string;
  readonly open: boolean;
  readonly created: Day;
}

export interface StructureApplications {
  readonly candidates: Candidate[];
  readonly applications: Application[];
  readonly passes: Pass[];
  readonly suspensions: Suspension[];
  readonly fiches: Fiche[];
}

type Origin = (typeof CANDIDATURE_ORIGINS)[number];
const ORIGINS: readonly (readonly [Origin, number])[] = [
  ["Prescripteur habilité", 58],
  ["Candidat", 19],
  ["Employeur", 14],
  ["Orienteur", 9]
];

const OTHER_STATES_OLD: readonly (readonly [string, number])[] = [
  ["Candidature déclinée", 74],
  ["Embauché ailleurs", 10],
  ["Vivier", 4],
  ["Embauche annulée", 2],
  ["Nouvelle candidature", 4],
  ["Candidature à l'étude", 3],
  ["Candidature en attente", 3]
];
const OTHER_STATES_RECENT: readonly (readonly [string, number])[] = [
  ["Nouvelle candidature", 35],
  ["Candidature à l'étude", 22],
  ["Candidature en attente", 12],
  ["Action préalable à l'embauche", 6],
  ["Candidature déclinée", 25]
];

export function applicationsOf(
  ctx: Context,
  world: World,
  s: Structure,
  hires: readonly Hire[]
): StructureApplications {
  const rng = ctx.rng.fork(`applications-${s.idEmplois}`);
  const out: StructureApplications = {candidates: [], applications: [], passes: [], suspensions: [], fiches: []};
  const neighbours = world.structuresByDep.get(s.dep.code) ?? [s];
  const isQuiet = (d: Day) => s.quietSince !== null && d > s.quietSince;

  const candidateOf = (person: Person): string => {
    if (person.candidateId === null) {
      person.candidateId = rng.uuid();
      out.candidates.push({id: person.candidateId, person, withHash: true});
    }
    return person.candidateId;
  };

  const apply = (candidateId: string, target: Structure, sent: Day, hired: Day | null): void => {
    if (isQuiet(sent) && target === s) return;
    const origin = rng.weighted(ORIGINS);
    const orgs = world.organisationsByDep.get(target.dep.code);
    const org =
      origin === "Prescripteur habilité"
        ? pickOrg(rng, orgs?.habilitees)
        : origin === "Orienteur"
          ? pickOrg(rng, orgs?.others)
          : null;
    let state = "Candidature acceptée";
    if (hired === null) {
      const recent = ctx.periodEnd - sent < 45;
      state = rng.weighted(recent ? OTHER_STATES_RECENT : OTHER_STATES_OLD);
    }
    const processed =
      state === "Nouvelle candidature"
        ? null
        : Math.min(hired ?? ctx.periodEnd, sent + Math.round(rng.logNormal(6, 1.1)));
    const refused = state === "Candidature déclinée";
    const autoRefused = refused && rng.chance(0.08);
    out.applications.push({
      id: rng.uuid(),
      candidateId,
      structure: target,
      sent,
      processed,
      hired,
      state,
      origin,
      prescriberType: org?.type ?? null,
      organisationId: org?.id ?? null,
      refusalMotif: refused ? (autoRefused ? "Refus automatique" : rng.weighted(REFUSAL_MOTIFS)) : null,
      autoRefused: refused ? autoRefused : null
    });
  };

  // Hirings: an accepted application, earlier refused ones, and the PASS IAE.
  for (const hire of hires) {
    if (!rng.chance(HIRES_THROUGH_PLATFORM) || isQuiet(hire.day)) continue;
    if (hire.day < ctx.periodStart - PLATFORM_HISTORY_DAYS) continue;
    const candidateId = candidateOf(hire.person);
    const sent = hire.day - Math.min(90, Math.round(rng.logNormal(12, 0.8)));
    apply(candidateId, s, sent, hire.day);
    const others = rng.poisson(OTHER_APPLICATIONS_OF_HIRED);
    for (let i = 0; i < others; i++) apply(candidateId, rng.pick(neighbours), sent - rng.int(0, 60), null);
    if (s.iaeKind && (hire.person.passEnd === null || hire.person.passEnd < hire.day)) {
      addPass(ctx, rng, out, candidateId, s, hire.day, hire.person);
    }
  }

  // Employers outside the IAE also hire through the platform (no PASS IAE, no ASP data).
  if (!s.iaeKind) {
    const perYear = Math.max(2, Math.round(s.etp * 0.8));
    for (let i = 0; i < perYear * (ctx.scale.months / 12); i++) {
      const hired = seasonalDay(ctx, rng);
      const person = newPerson(ctx, rng, null, s.dep.code, hired);
      apply(candidateOf(person), s, hired - rng.int(3, 40), hired);
    }
  }

  // People who applied here (and maybe nearby) and were never accepted.
  const baseHires = s.iaeKind
    ? hires.length * HIRES_THROUGH_PLATFORM
    : Math.max(2, s.etp * 0.8) * (ctx.scale.months / 12);
  const unhired = rng.poisson(baseHires * UNHIRED_CANDIDATES_PER_HIRE);
  for (let i = 0; i < unhired; i++) {
    const first = seasonalDay(ctx, rng);
    const person = newPerson(ctx, rng, null, s.dep.code, first);
    const candidate: Candidate = {id: rng.uuid(), person, withHash: rng.chance(0.93)};
    out.candidates.push(candidate);
    const count = 1 + rng.poisson(APPLICATIONS_OF_UNHIRED - 1);
    for (let k = 0; k < count; k++) {
      const sent = Math.min(ctx.periodEnd, first + (k === 0 ? 0 : rng.int(0, 90)));
      apply(candidate.id, k === 0 ? s : rng.pick(neighbours), sent, null);
    }
  }

  // Job posts; a structure "en tension" keeps old posts open and receives nothing.
  const posts = Math.min(12, 1 + Math.floor(s.etp / 5));
  for (let i = 0; i < posts; i++) {
    const quiet = s.quietSince !== null;
    out.fiches.push({
      id: ctx.ids.fiche.take(),
      structure: s,
      rome: rng.pick(s.romeCodes),
      open: quiet || rng.chance(0.55),
      created: quiet
        ? (s.quietSince as Day) - rng.int(30, 400)
        : ctx.periodStart - 365 + rng.int(0, ctx.periodEnd - ctx.periodStart + 300)
    });
  }
  return out;
}

function pickOrg<T>(rng: Rng, list: readonly T[] | undefined): T | null {
  return list && list.length > 0 ? rng.pick(list) : null;
}

const monthWeights = new WeakMap<Context, (readonly [number, number])[]>();
function seasonalMonths(ctx: Context): (readonly [number, number])[] {
  let weights = monthWeights.get(ctx);
  if (!weights) {
    weights = Array.from(
      {length: ctx.scale.months},
      (_, i) => [ctx.firstMonth + i, HIRING_SEASONALITY[(ctx.firstMonth + i) % 12] as number] as const
    );
    monthWeights.set(ctx, weights);
  }
  return weights;
}

/** A day of the period, months weighted by the seasonality of hirings. */
function seasonalDay(ctx: Context, rng: Rng): Day {
  const m = rng.weighted(seasonalMonths(ctx));
  return monthStart(m) + rng.int(0, monthEnd(m) - monthStart(m));
}

function addPass(
  ctx: Context,
  rng: Rng,
  out: StructureApplications,
  candidateId: string,
  s: Structure,
  start: Day,
  person: Person
): void {
  const id = rng.uuid();
  let end = addMonths(start, 24) - 1;
  // About one PASS in ten is suspended once (sickness, detention…): its end moves later.
  if (rng.chance(0.1)) {
    const from = start + rng.int(45, 400);
    if (from <= ctx.periodEnd) {
      const length = rng.int(20, 180);
      const to = from + length;
      out.suspensions.push({
        id: ctx.ids.suspension.take(),
        passId: id,
        start: from,
        end: to <= ctx.periodEnd ? to : null,
        motif: rng.pick(SUSPENSION_MOTIFS)
      });
      end += length;
    }
  }
  out.passes.push({id, candidateId, structure: s, start, end});
  person.passEnd = end;
}

/** Eligibility criteria of a candidate, consistent with the person's situation. */
export function criteriaOf(p: Person): Record<string, boolean> {
  return {
    critère_n1_bénéficiaire_du_rsa: p.rsa !== "NON",
    critère_n1_detld_plus_de_24_mois: isDetld(p),
    critère_n2_deld_12_à_24_mois: isDeld(p),
    critère_n2_résident_qpv: p.qpv,
    critère_n2_résident_zrr: p.zrr,
    critère_n2_travailleur_handicapé: p.rqth
  };
}
