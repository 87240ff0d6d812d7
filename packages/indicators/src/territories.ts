// Territories the indicators are published at: national, the 18 régions and 101
// départements of INSEE's 2016+ geography. Codes are INSEE's, as strings ("01", "2A", "971").

export const NATIONAL_CODE = "FR";

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly departements: readonly string[];
}

/** The 18 régions (13 in metropolitan France, 5 overseas) and their départements. */
export const REGIONS: readonly Region[] = [
  {code: "01", name: "Guadeloupe", departements: ["971"]},
  {code: "02", name: "Martinique", departements: ["972"]},
  {code: "03", name: "Guyane", departements: ["973"]},
  {code: "04", name: "La Réunion", departements: ["974"]},
  {code: "06", name: "Mayotte", departements: ["976"]},
  {code: "11", name: "Île-de-France", departements: ["75", "77", "78", "91", "92", "93", "94", "95"]},
  {code: "24", name: "Centre-Val de Loire", departements: ["18", "28", "36", "37", "41", "45"]},
  {code: "27", name: "Bourgogne-Franche-Comté", departements: ["21", "25", "39", "58", "70", "71", "89", "90"]},
  {code: "28", name: "Normandie", departements: ["14", "27", "50", "61", "76"]},
  {code: "32", name: "Hauts-de-France", departements: ["02", "59", "60", "62", "80"]},
  {code: "44", name: "Grand Est", departements: ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]},
  {code: "52", name: "Pays de la Loire", departements: ["44", "49", "53", "72", "85"]},
  {code: "53", name: "Bretagne", departements: ["22", "29", "35", "56"]},
  {
    code: "75",
    name: "Nouvelle-Aquitaine",
    departements: ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"]
  },
  {
    code: "76",
    name: "Occitanie",
    departements: ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]
  },
  {
    code: "84",
    name: "Auvergne-Rhône-Alpes",
    departements: ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"]
  },
  {code: "93", name: "Provence-Alpes-Côte d'Azur", departements: ["04", "05", "06", "13", "83", "84"]},
  {code: "94", name: "Corse", departements: ["2A", "2B"]}
];

/** Names of the 101 départements, by code, in code order. */
export const DEPARTEMENT_NAMES: Readonly<Record<string, string>> = {
  "01": "Ain",
  "02": "Aisne",
  "03": "Allier",
  "04": "Alpes-de-Haute-Provence",
  "05": "Hautes-Alpes",
  "06": "Alpes-Maritimes",
  "07": "Ardèche",
  "08": "Ardennes",
  "09": "Ariège",
  "10": "Aube",
  "11": "Aude",
  "12": "Aveyron",
  "13": "Bouches-du-Rhône",
  "14": "Calvados",
  "15": "Cantal",
  "16": "Charente",
  "17": "Charente-Maritime",
  "18": "Cher",
  "19": "Corrèze",
  "2A": "Corse-du-Sud",
  "2B": "Haute-Corse",
  "21": "Côte-d'Or",
  "22": "Côtes-d'Armor",
  "23": "Creuse",
  "24": "Dordogne",
  "25": "Doubs",
  "26": "Drôme",
  "27": "Eure",
  "28": "Eure-et-Loir",
  "29": "Finistère",
  "30": "Gard",
  "31": "Haute-Garonne",
  "32": "Gers",
  "33": "Gironde",
  "34": "Hérault",
  "35": "Ille-et-Vilaine",
  "36": "Indre",
  "37": "Indre-et-Loire",
  "38": "Isère",
  "39": "Jura",
  "40": "Landes",
  "41": "Loir-et-Cher",
  "42": "Loire",
  "43": "Haute-Loire",
  "44": "Loire-Atlantique",
  "45": "Loiret",
  "46": "Lot",
  "47": "Lot-et-Garonne",
  "48": "Lozère",
  "49": "Maine-et-Loire",
  "50": "Manche",
  "51": "Marne",
  "52": "Haute-Marne",
  "53": "Mayenne",
  "54": "Meurthe-et-Moselle",
  "55": "Meuse",
  "56": "Morbihan",
  "57": "Moselle",
  "58": "Nièvre",
  "59": "Nord",
  "60": "Oise",
  "61": "Orne",
  "62": "Pas-de-Calais",
  "63": "Puy-de-Dôme",
  "64": "Pyrénées-Atlantiques",
  "65": "Hautes-Pyrénées",
  "66": "Pyrénées-Orientales",
  "67": "Bas-Rhin",
  "68": "Haut-Rhin",
  "69": "Rhône",
  "70": "Haute-Saône",
  "71": "Saône-et-Loire",
  "72": "Sarthe",
  "73": "Savoie",
  "74": "Haute-Savoie",
  "75": "Paris",
  "76": "Seine-Maritime",
  "77": "Seine-et-Marne",
  "78": "Yvelines",
  "79": "Deux-Sèvres",
  "80": "Somme",
  "81": "Tarn",
  "82": "Tarn-et-Garonne",
  "83": "Var",
  "84": "Vaucluse",
  "85": "Vendée",
  "86": "Vienne",
  "87": "Haute-Vienne",
  "88": "Vosges",
  "89": "Yonne",
  "90": "Territoire de Belfort",
  "91": "Essonne",
  "92": "Hauts-de-Seine",
  "93": "Seine-Saint-Denis",
  "94": "Val-de-Marne",
  "95": "Val-d'Oise",
  "971": "Guadeloupe",
  "972": "Martinique",
  "973": "Guyane",
  "974": "La Réunion",
  "976": "Mayotte"
};

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
