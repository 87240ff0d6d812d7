// How each kind of structure employs people, tuned to the orders of magnitude in
// domain.md (DARES): AI employ the most people but few hours each, ACI and ETTI more men,
// a third of employees on RSA, paths of about a year capped at 24 months.
import type {IaeKind} from "@pilotage/sources";

export interface KindProfile {
  /** Funded full-time posts (ETP conventionnés) of a typical structure (median). */
  readonly etpMedian: number;
  /** Hours worked in a full month by one employee (mean). */
  readonly hoursPerMonth: number;
  /** Share of months with no hours at all (AI and ETTI: no mission that month). */
  readonly idleMonthShare: number;
  /** Mean length of a path in the structure, in months. */
  readonly pathMonths: number;
  /** Length of one contract, in months (min, max): renewals fill the path. */
  readonly contractMonths: readonly [number, number];
  readonly menShare: number;
  readonly rsaShare: number;
  /** NAF codes seen for this kind. */
  readonly naf: readonly string[];
  /** ROME domains (first letters) of the jobs offered. */
  readonly romeDomains: string;
}

export const PROFILES: Readonly<Record<IaeKind, KindProfile>> = {
  ACI: {
    etpMedian: 15,
    hoursPerMonth: 95,
    idleMonthShare: 0,
    pathMonths: 11,
    contractMonths: [4, 12],
    menShare: 0.64,
    rsaShare: 0.45,
    naf: ["8899B", "0161Z", "8130Z", "3832Z", "9499Z"],
    romeDomains: "AFGKN"
  },
  AI: {
    etpMedian: 13,
    hoursPerMonth: 26,
    idleMonthShare: 0.2,
    pathMonths: 9,
    contractMonths: [1, 6],
    menShare: 0.4,
    rsaShare: 0.28,
    naf: ["7830Z", "8899B", "8810A"],
    romeDomains: "AKG"
  },
  EI: {
    etpMedian: 10,
    hoursPerMonth: 115,
    idleMonthShare: 0,
    pathMonths: 10,
    contractMonths: [4, 12],
    menShare: 0.6,
    rsaShare: 0.35,
    naf: ["8130Z", "3811Z", "5610A", "4120B", "8121Z"],
    romeDomains: "AFGHKN"
  },
  ETTI: {
    etpMedian: 13,
    hoursPerMonth: 75,
    idleMonthShare: 0.12,
    pathMonths: 7,
    contractMonths: [1, 4],
    menShare: 0.72,
    rsaShare: 0.3,
    naf: ["7820Z"],
    romeDomains: "FHNK"
  },
  EITI: {
    etpMedian: 3,
    hoursPerMonth: 70,
    idleMonthShare: 0.05,
    pathMonths: 12,
    contractMonths: [6, 12],
    menShare: 0.5,
    rsaShare: 0.4,
    naf: ["7490B", "8299Z"],
    romeDomains: "DGK"
  }
};

/** Hirings by month of the year (January first): fewer in summer and December. */
export const HIRING_SEASONALITY: readonly number[] = [
  1.1, 1.1, 1.15, 1.05, 1.0, 0.95, 0.75, 0.6, 1.25, 1.2, 1.05, 0.75
];

/** Share of hirings that went through an application on the emplois platform. */
export const HIRES_THROUGH_PLATFORM = 0.92;
/** Refused or pending applications sent by a person who was eventually hired (mean). */
export const OTHER_APPLICATIONS_OF_HIRED = 1.3;
/** People who applied and were never accepted, per hiring. */
export const UNHIRED_CANDIDATES_PER_HIRE = 0.75;
/** Applications of a person never accepted (mean): with the above, ≈ 22 % accepted. */
export const APPLICATIONS_OF_UNHIRED = 3.0;
/** The platform export starts this many days before the period: earlier hirings have no application. */
export const PLATFORM_HISTORY_DAYS = 183;
