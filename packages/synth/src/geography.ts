// The 101 départements (2A/2B for Corsica, 971–976 overseas) and 18 régions, with a rough
// population (thousands, recent INSEE orders of magnitude) used only as a weight for
// where structures and people are.

export interface Region {
  readonly code: string;
  readonly name: string;
}

export interface Departement {
  readonly code: string;
  readonly region: Region;
  readonly population: number;
}

const R = (code: string, name: string): Region => ({code, name});

export const REGIONS: readonly Region[] = [
  R("01", "Guadeloupe"),
  R("02", "Martinique"),
  R("03", "Guyane"),
  R("04", "La Réunion"),
  R("06", "Mayotte"),
  R("11", "Île-de-France"),
  R("24", "Centre-Val de Loire"),
  R("27", "Bourgogne-Franche-Comté"),
  R("28", "Normandie"),
  R("32", "Hauts-de-France"),
  R("44", "Grand Est"),
  R("52", "Pays de la Loire"),
  R("53", "Bretagne"),
  R("75", "Nouvelle-Aquitaine"),
  R("76", "Occitanie"),
  R("84", "Auvergne-Rhône-Alpes"),
  R("93", "Provence-Alpes-Côte d'Azur"),
  R("94", "Corse")
];

// région code → "département:population" list.
const LAYOUT: Record<string, string> = {
  "01": "971:384",
  "02": "972:361",
  "03": "973:285",
  "04": "974:870",
  "06": "976:310",
  "11": "75:2130 77:1420 78:1450 91:1300 92:1620 93:1660 94:1410 95:1250",
  "24": "18:300 28:430 36:218 37:610 41:330 45:680",
  "27": "21:535 25:545 39:260 58:200 70:233 71:550 89:335 90:141",
  "28": "14:700 27:600 50:495 61:280 76:1250",
  "32": "02:530 59:2610 60:830 62:1460 80:570",
  "44": "08:270 10:310 51:565 52:170 54:733 55:183 57:1045 67:1140 68:765 88:360",
  "52": "44:1460 49:820 53:307 72:565 85:690",
  "53": "22:600 29:915 35:1100 56:760",
  "75": "16:352 17:655 19:240 23:116 24:413 33:1650 40:420 47:331 64:690 79:375 86:437 87:372",
  "76": "09:153 11:375 12:280 30:750 31:1420 32:191 34:1190 46:174 48:76 65:230 66:480 81:390 82:262",
  "84": "01:660 03:335 07:330 15:144 26:520 38:1280 42:765 43:228 63:660 69:1880 73:440 74:840",
  "93": "04:165 05:141 06:1090 13:2040 83:1080 84:560",
  "94": "2A:160 2B:180"
};

export const DEPARTEMENTS: readonly Departement[] = REGIONS.flatMap((region) =>
  (LAYOUT[region.code] ?? "").split(" ").map((item) => {
    const [code, population] = item.split(":");
    return {code: code as string, region, population: Number(population)};
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
