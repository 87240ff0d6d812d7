// The 101 départements (2A/2B for Corsica, 971–976 overseas) and 18 régions, with a rough
// population (thousands, recent INSEE orders of magnitude) used only as a weight for
// where structures and people are.

import {REGIONS as SEED_REGIONS} from "@pilotage/sources";

export interface Region {
  readonly code: string;
  readonly name: string;
}

export interface Departement {
  readonly code: string;
  readonly region: Region;
  readonly population: number;
}

// Names and membership: the seed territoires.csv (@pilotage/sources), the list the indicators use.
export const REGIONS: readonly Region[] = SEED_REGIONS.map((r) => ({code: r.code, name: r.name}));

// Rough population of each département, in thousands (a weight, not a statistic).
const POPULATION: Readonly<Record<string, number>> = {
  "01": 660,
  "02": 530,
  "03": 335,
  "04": 165,
  "05": 141,
  "06": 1090,
  "07": 330,
  "08": 270,
  "09": 153,
  "10": 310,
  "11": 375,
  "12": 280,
  "13": 2040,
  "14": 700,
  "15": 144,
  "16": 352,
  "17": 655,
  "18": 300,
  "19": 240,
  "21": 535,
  "22": 600,
  "23": 116,
  "24": 413,
  "25": 545,
  "26": 520,
  "27": 600,
  "28": 430,
  "29": 915,
  "2A": 160,
  "2B": 180,
  "30": 750,
  "31": 1420,
  "32": 191,
  "33": 1650,
  "34": 1190,
  "35": 1100,
  "36": 218,
  "37": 610,
  "38": 1280,
  "39": 260,
  "40": 420,
  "41": 330,
  "42": 765,
  "43": 228,
  "44": 1460,
  "45": 680,
  "46": 174,
  "47": 331,
  "48": 76,
  "49": 820,
  "50": 495,
  "51": 565,
  "52": 170,
  "53": 307,
  "54": 733,
  "55": 183,
  "56": 760,
  "57": 1045,
  "58": 200,
  "59": 2610,
  "60": 830,
  "61": 280,
  "62": 1460,
  "63": 660,
  "64": 690,
  "65": 230,
  "66": 480,
  "67": 1140,
  "68": 765,
  "69": 1880,
  "70": 233,
  "71": 550,
  "72": 565,
  "73": 440,
  "74": 840,
  "75": 2130,
  "76": 1250,
  "77": 1420,
  "78": 1450,
  "79": 375,
  "80": 570,
  "81": 390,
  "82": 262,
  "83": 1080,
  "84": 560,
  "85": 690,
  "86": 437,
  "87": 372,
  "88": 360,
  "89": 335,
  "90": 141,
  "91": 1300,
  "92": 1620,
  "93": 1660,
  "94": 1410,
  "95": 1250,
  "971": 384,
  "972": 361,
  "973": 285,
  "974": 870,
  "976": 310
};

export const DEPARTEMENTS: readonly Departement[] = SEED_REGIONS.flatMap((seed, i) =>
  seed.departements.map((code) => {
    const population = POPULATION[code];
    if (population === undefined) throw new Error(`Générateur : pas de population pour le département ${code}.`);
    return {code, region: REGIONS[i]!, population};
  })
).sort((a, b) => a.code.localeCompare(b.code));

/** A commune INSEE code in the département (5 characters: 34172, 2A004, 97411). */
export function communeCode(dep: string, n: number): string {
  return dep.length === 3 ? `${dep}${String(n % 100).padStart(2, "0")}` : `${dep}${String(n % 1000).padStart(3, "0")}`;
}

/** A postal code for the département (Corsica's start with 20). */
export function postalCode(dep: string, n: number): string {
  const prefix = dep === "2A" ? "200" : dep === "2B" ? "202" : dep.length === 3 ? dep : `${dep}0`;
  return `${prefix}${String(n % 100).padStart(5 - prefix.length, "0")}`;
}

/** The ASP writes départements on 3 characters in annexe numbers (034, 02A, 971). */
export function aspDepartement(dep: string): string {
  return dep.padStart(3, "0");
}
