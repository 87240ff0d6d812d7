// Territories the indicators are published at: national, the 18 régions and 101
// départements of INSEE's 2016+ geography. Codes are INSEE's, as strings ("01", "2A", "971").

import {DEPARTEMENT_NAMES, REGIONS, type Region} from "@pilotage/sources";

export const NATIONAL_CODE = "FR";

// The régions, the départements and their names come from the seed territoires.csv
// (@pilotage/sources), the one list the sources, indicators, reports and generator share.
export {REGIONS, DEPARTEMENT_NAMES, type Region};

/** The 101 département codes, in code order. */
export const DEPARTEMENT_CODES: readonly string[] = Object.keys(DEPARTEMENT_NAMES).sort(compareCodes);

const REGION_OF_DEPARTEMENT: ReadonlyMap<string, string> = new Map(
  REGIONS.flatMap((r) => r.departements.map((d) => [d, r.code] as const))
);

/** Région code of a département code ("01" → "84"), or null for a code outside the 101. */
export function regionOfDepartement(departement: string): string | null {
  return REGION_OF_DEPARTEMENT.get(departement) ?? null;
}

export function isDepartement(code: string): boolean {
  return REGION_OF_DEPARTEMENT.has(code);
}

export function isRegion(code: string): boolean {
  return REGIONS.some((r) => r.code === code);
}

/**
 * Département of an INSEE commune code: "01004" → "01", "2A004" → "2A", "97105" → "971".
 * Overseas communes carry a 3-character département. Returns null for anything that is not
 * a commune of the 101 départements (malformed code, overseas collectivities 975/977/978,
 * 98x, or the pre-1976 Corsican "20xxx", which is a postal code, not an INSEE code).
 */
export function departementOfCommune(commune: string): string | null {
  const code = commune.trim().toUpperCase();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return null;
  const departement = code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2);
  return isDepartement(departement) ? departement : null;
}

/**
 * A département code as the sources write it, normalised: "1" → "01", "2a" → "2A",
 * " 971 " → "971". Null when it is not one of the 101 (including an ambiguous "20").
 */
export function normalizeDepartement(value: string): string | null {
  const code = value.trim().toUpperCase();
  const padded = /^\d$/.test(code) ? `0${code}` : code;
  return isDepartement(padded) ? padded : null;
}

// "2A" and "2B" sort between "19" and "21", as INSEE lists them.
function compareCodes(a: string, b: string): number {
  const rank = (code: string) => (code === "2A" ? 20.1 : code === "2B" ? 20.2 : Number(code));
  return rank(a) - rank(b);
}
