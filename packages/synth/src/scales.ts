// Scales: how big a sample to make. A scale only sets sizes and the calendar; how people
// behave (hours, durations, exits…) is in profiles.ts and is the same at every scale.
import type {IaeKind} from "@pilotage/sources";

export type OtherKind = "EA" | "EATT" | "GEIQ" | "OPCS";

export interface ScaleConfig {
  readonly name: string;
  /** First month of statements is January of this year. */
  readonly firstYear: number;
  /** Number of monthly statements (36 = three years). */
  readonly months: number;
  /** Extraction timestamp written in the fluxIAE file names and DEB lines (fixed, never "now"). */
  readonly extraction: {readonly date: string; readonly time: string};
  /** IAE structures per kind (the first 101 ACI take one département each). */
  readonly structures: Readonly<Record<IaeKind, number>>;
  /** Other inclusion employers, known to the emplois platform only. */
  readonly otherStructures: Readonly<Record<OtherKind, number>>;
  /** Multiplies every structure's funded posts: small samples keep structures smaller. */
  readonly sizeFactor: number;
  /** Prescriber organisations per département (France Travail, mission locale, …). */
  readonly organisationsPerDepartement: number;
  /**
   * A test territory: one département at a real département's density (structures of every
   * kind, sizes of real SIAE), so that its private reports look like a real territory's.
   * Its structures come after all the others (ids and random streams of the rest unchanged).
   */
  readonly testTerritory?: {
    readonly departement: string;
    readonly structures: Readonly<Record<IaeKind, number>>;
    readonly sizeFactor: number;
  };
}

export const SCALES = {
  sample: {
    name: "sample",
    firstYear: 2023,
    months: 36,
    extraction: {date: "2026-01-15", time: "061234"},
    structures: {ACI: 101, AI: 24, EI: 18, ETTI: 10, EITI: 6},
    otherStructures: {EA: 12, EATT: 2, GEIQ: 8, OPCS: 2},
    sizeFactor: 0.4,
    organisationsPerDepartement: 8,
    // Hérault (Occitanie): 32 more SIAE at 0.8 of real sizes, over 35 with those drawn there.
    testTerritory: {departement: "34", structures: {ACI: 14, AI: 7, EI: 6, ETTI: 3, EITI: 2}, sizeFactor: 0.8}
  },
  national: {
    name: "national",
    firstYear: 2023,
    months: 36,
    extraction: {date: "2026-01-15", time: "061234"},
    structures: {ACI: 1950, AI: 650, EI: 950, ETTI: 280, EITI: 170},
    otherStructures: {EA: 750, EATT: 30, GEIQ: 180, OPCS: 20},
    sizeFactor: 1,
    organisationsPerDepartement: 25
  }
} as const satisfies Record<string, ScaleConfig>;

export type ScaleName = keyof typeof SCALES;

export function scaleConfig(name: string): ScaleConfig {
  if (!(name in SCALES)) throw new Error(`Unknown scale "${name}" (known: ${Object.keys(SCALES).join(", ")})`);
  return SCALES[name as ScaleName];
}
