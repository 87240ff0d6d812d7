// The sections of a territory page (a région or a département): key figures compared with
// the levels above, then each theme at that level. A page passes the Arrow tables of its
// own archive folder (docs/data/territoires/<kind>/<code>/*.arrow), which hold only the
// rows of this territory, of the levels above it and, for a région, of its départements.
import type {Table} from "apache-arrow";
import {barChart} from "./bar.js";
import type {EmbedTarget} from "./embed.js";
import {dataTable} from "./table.js";
import {formatNumber, formatPercent, formatPeriodRange} from "./format.js";
import {keyFigure} from "./key-figure.js";
import {lineChart} from "./line.js";
import {REGIONS, departement} from "./territories.js";
import {latestYear, maskOf, one, referenceDate, rowsOf, yearBefore, type PlainTable, type Row} from "../lib/rows.js";

export interface TerritoryData {
  /** "national" for France entière (embeds only: there is no national territory page). */
  readonly level: "national" | "région" | "département";
  readonly code: string;
  /** Theme datasets by name (structures, etp, salaries, sorties, parcours…), each may be absent. */
  readonly tables: Readonly<Record<string, Table | PlainTable | undefined>>;
  readonly width: number;
}

const SOURCE_ASP = "ASP, extractions fluxIAE";
const SOURCE_EMPLOIS = "plateforme des emplois de l'inclusion";

/** In place of a chart with nothing to draw: say so, rather than leave a silent gap. */
function noData(title: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "pi-sans-donnees";
  p.textContent = `${title} : pas de données publiées pour ce territoire.`;
  return p;
}

/** Where the figures of a territory are published when its own are all masked (none above France). */
export function levelAbove(level: TerritoryData["level"], code: string): {name: string; href: string} | undefined {
  if (level === "national") return undefined;
  if (level === "région") return {name: "la France entière", href: "../index.html"};
  const region = departement(code)?.region;
  const nom = REGIONS.find((r) => r.code === region)?.nom;
  return nom
    ? {name: `la région ${nom}`, href: `../regions/${region}.html`}
    : {name: "la France entière", href: "../index.html"};
}

const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** How the URL names a territory: "france", "region-84", "departement-75". */
export function territoryParam(level: TerritoryData["level"], code: string): string {
  return level === "national" ? "france" : `${level === "région" ? "region" : "departement"}-${code}`;
}

/** The territory of a URL parameter, and its folder of the archive; null when it is not one. */
export function parseTerritoryParam(
  value: string
): {level: TerritoryData["level"]; code: string; folder: string} | null {
  if (value === "france") return {level: "national", code: "FR", folder: "france"};
  const match = /^(region|departement)-([0-9AB]{2,3})$/.exec(value);
  if (!match) return null;
  const [, kind, code] = match as unknown as [string, string, string];
  return kind === "region"
    ? {level: "région", code, folder: `regions/${code}`}
    : {level: "département", code, folder: `departements/${code}`};
}

/** The embed of a territory chart: its id in TERRITORY_CHARTS and the territory. */
const embedOf = (data: TerritoryData, graphique: string): EmbedTarget => ({
  graphique,
  territoire: territoryParam(data.level, data.code)
});

/** Name of the territory of the page, from any of its tables ("France" for the national level). */
function nameOf(data: TerritoryData): string {
  for (const table of Object.values(data.tables)) {
    const name = territoryName(rowsOf(table), data.level, data.code);
    if (name !== data.code) return name;
  }
  return data.code;
}

/** Name of a territory as the datasets spell it. */
export function territoryName(rows: readonly Row[], level: string, code: string): string {
  const row = rows.find((r) => r.niveau === level && r.territoire === code);
  return row ? String(row.territoire_libelle) : code;
}

interface Measure {
  readonly dataset: string;
  readonly figure: string;
  readonly where?: Readonly<Record<string, string>>;
  readonly label: string;
  readonly title: string;
  readonly population: string;
  readonly format?: "nombre" | "pourcentage";
  readonly source?: string;
}

/** The key figures of a territory page, each compared with the levels above. */
const KEY_MEASURES: readonly Measure[] = [
  {
    dataset: "structures",
    figure: "nb_structures",
    label: "structures d'insertion",
    title: "Structures",
    population: "structures de l'insertion par l'activité économique (SIAE)"
  },
  {
    dataset: "salaries",
    figure: "nb_salaries",
    where: {caracteristique: "ensemble"},
    label: "salariés en insertion",
    title: "Salariés",
    population: "personnes ayant travaillé au moins une heure dans une SIAE"
  },
  {
    dataset: "etp",
    figure: "etp_realises",
    label: "ETP réalisés",
    title: "ETP réalisés",
    population: "annexes financières validées, provisoires ou clôturées, hors FDI"
  },
  {
    dataset: "etp",
    figure: "taux_realisation",
    label: "des ETP conventionnés réalisés",
    title: "Taux de réalisation",
    population: "annexes financières validées, provisoires ou clôturées, hors FDI",
    format: "pourcentage"
  },
  {
    dataset: "candidatures-taux",
    figure: "candidatures",
    label: "candidatures reçues par les SIAE",
    title: "Candidatures",
    population: "candidatures envoyées aux structures de l'insertion par l'activité économique",
    source: SOURCE_EMPLOIS
  },
  {
    dataset: "candidatures-taux",
    figure: "taux_acceptation",
    label: "des candidatures acceptées",
    title: "Taux d'acceptation",
    population: "candidatures envoyées aux structures de l'insertion par l'activité économique",
    format: "pourcentage",
    source: SOURCE_EMPLOIS
  },
  {
    dataset: "pass-iae",
    figure: "pass_delivres",
    label: "PASS IAE délivrés",
    title: "PASS IAE délivrés",
    population: "PASS IAE délivrés aux personnes embauchées en SIAE",
    source: SOURCE_EMPLOIS
  }
];

/** Id of a key figure among the territory charts: "chiffre-salaries-nb_salaries". */
const keyId = (m: Measure) => `chiffre-${m.dataset}-${m.figure}`;

/** Key-figure cards: the territory's latest year, its change over a year, and the région and France beside it. */
export function keyFigures(data: TerritoryData, only?: string): HTMLElement[] {
  const {level, code, tables} = data;
  const cards: HTMLElement[] = [];
  const territory = nameOf(data);
  for (const m of KEY_MEASURES) {
    if (only !== undefined && keyId(m) !== only) continue;
    const table = tables[m.dataset];
    const rows = rowsOf(table);
    const year = latestYear(rows);
    if (!year) continue;
    const at = (lvl: string, territoire: string, periode: string) =>
      one(rows, {niveau: lvl, territoire, periode, type_structure: "ensemble", ...m.where});
    const current = at(level, code, year);
    const previous = at(level, code, yearBefore(year));
    const format = m.format ?? "nombre";
    const write = (v: unknown) =>
      typeof v === "number" ? (format === "pourcentage" ? formatPercent(v) : formatNumber(v)) : "secret statistique";
    const above = (level === "département" ? ["région", "national"] : level === "région" ? ["national"] : [])
      .map((l) => one(rows, {niveau: l, periode: year, type_structure: "ensemble", ...m.where}))
      .filter((r): r is Row => r !== undefined)
      .map((r) => `${r.niveau === "national" ? "France" : String(r.territoire_libelle)} : ${write(r[m.figure])}`);
    cards.push(
      keyFigure({
        title: m.title,
        headingLevel: 3,
        value: typeof current?.[m.figure] === "number" ? (current[m.figure] as number) : null,
        masked: maskOf(current, m.figure),
        previous: typeof previous?.[m.figure] === "number" ? (previous[m.figure] as number) : null,
        previousPeriod: yearBefore(year),
        label: m.label,
        format,
        population: `${m.population}, ${territory}`,
        period: year,
        note: above.length ? `Pour comparaison, ${above.join(" ; ")}.` : undefined,
        source: m.source ?? SOURCE_ASP,
        dataDate: referenceDate(table) ?? "",
        territory,
        fileName: `${keyId(m)}_${territoryParam(level, code)}_${year}`,
        embed: embedOf(data, keyId(m))
      })
    );
  }
  return cards;
}

/** Monthly ETP réalisés and conventionnés of the territory. */
export function etpMonthly(data: TerritoryData): HTMLElement {
  const {level, code, tables, width} = data;
  const rows = rowsOf(tables.etp).filter(
    (r) =>
      r.niveau === level &&
      r.territoire === code &&
      r.type_structure === "ensemble" &&
      /^\d{4}-\d{2}$/.test(String(r.periode))
  );
  if (!rows.length) return noData("ETP conventionnés et réalisés par mois");
  const long = rows.flatMap((r) => [
    {
      mois: String(r.periode),
      serie: "ETP conventionnés",
      valeur: num(r.etp_conventionnes),
      masked: maskOf(r, "etp_conventionnes")
    },
    {mois: String(r.periode), serie: "ETP réalisés", valeur: num(r.etp_realises), masked: maskOf(r, "etp_realises")}
  ]);
  const months = rows.map((r) => String(r.periode)).sort();
  return lineChart({
    title: "ETP conventionnés et réalisés par mois",
    headingLevel: 3,
    data: long,
    x: "mois",
    y: "valeur",
    series: "serie",
    xLabel: "Mois",
    yLabel: "ETP",
    population: `annexes financières validées, provisoires ou clôturées, hors FDI, ${nameOf(data)}`,
    period: formatPeriodRange(months[0]!, months.at(-1)!),
    source: SOURCE_ASP,
    dataDate: referenceDate(tables.etp) ?? "",
    width,
    territory: nameOf(data),
    unit: "ETP",
    fileName: `etp-mensuel_${territoryParam(level, code)}`,
    embed: embedOf(data, "etp-mensuel"),
    above: levelAbove(level, code)
  });
}

const PLACE_AND_TIME = new Set(["niveau", "territoire", "periode"]);

/**
 * A row that breaks a figure down by `category` only: every other breakdown of the row
 * (structure kind, characteristic, origin…) at its "ensemble" total.
 */
function othersAtTotal(row: Row, category: string): boolean {
  return Object.entries(row).every(
    ([key, value]) =>
      key === category ||
      PLACE_AND_TIME.has(key) ||
      key.endsWith("_libelle") ||
      typeof value !== "string" ||
      value === "ensemble"
  );
}

/** A bar chart of one figure of a dataset by one of its categories. */
export interface ByCategorySpec {
  readonly dataset: string;
  readonly figure: string;
  readonly category: string;
  readonly categoryLabel: string;
  readonly title: string;
  readonly population: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly exclude?: readonly string[];
  readonly format?: "nombre" | "pourcentage";
}

const POPULATION_SALARIES = "personnes ayant travaillé au moins une heure dans une SIAE";

/** The bar charts of every territory page, by id (the id is also their embed's). */
export const BAR_CHARTS: Readonly<Record<string, ByCategorySpec>> = {
  "salaries-par-type": {
    dataset: "salaries",
    figure: "nb_salaries",
    category: "type_structure",
    categoryLabel: "type_structure",
    title: "Salariés par type de structure",
    population: POPULATION_SALARIES,
    xLabel: "Salariés",
    yLabel: "Type de structure"
  },
  "profil-salaries": {
    dataset: "salaries",
    figure: "part_salaries",
    category: "caracteristique",
    categoryLabel: "caracteristique_libelle",
    title: "Profil des salariés",
    population: POPULATION_SALARIES,
    xLabel: "Part des salariés",
    yLabel: "Caractéristique",
    format: "pourcentage"
  },
  "durees-parcours": {
    dataset: "parcours",
    figure: "nb_parcours",
    category: "tranche_duree",
    categoryLabel: "tranche_duree_libelle",
    title: "Durée des parcours",
    population: "parcours en cours pendant l'année",
    xLabel: "Parcours",
    yLabel: "Durée"
  },
  "sorties-par-categorie": {
    dataset: "sorties",
    figure: "nb_sorties",
    category: "categorie_sortie",
    categoryLabel: "categorie_sortie_libelle",
    exclude: ["ensemble", "sorties_dynamiques"],
    title: "Sorties par catégorie",
    population: "sorties examinées (hors retraits des sorties constatées)",
    xLabel: "Sorties",
    yLabel: "Catégorie"
  }
};

/** A bar chart of one figure by a category dimension, for the territory's latest year (a spec or its id in BAR_CHARTS). */
export function byCategory(data: TerritoryData, spec: ByCategorySpec | string): HTMLElement {
  const id = typeof spec === "string" ? spec : undefined;
  const o = typeof spec === "string" ? BAR_CHARTS[spec] : spec;
  if (!o) throw new Error(`Graphique inconnu : « ${String(spec)} ».`);
  const all = rowsOf(data.tables[o.dataset]);
  const year = latestYear(all);
  const rows = all.filter(
    (r) =>
      r.niveau === data.level &&
      r.territoire === data.code &&
      r.periode === year &&
      othersAtTotal(r, o.category) &&
      !(o.exclude ?? ["ensemble"]).includes(String(r[o.category]))
  );
  if (!rows.length || !year) return noData(o.title);
  return barChart({
    title: o.title,
    headingLevel: 3,
    data: rows.map((r) => ({
      categorie: String(r[o.categoryLabel] ?? r[o.category]),
      valeur: num(r[o.figure]),
      masked: maskOf(r, o.figure)
    })),
    y: "categorie",
    x: "valeur",
    yLabel: o.yLabel,
    xLabel: o.xLabel,
    format: o.format ?? "nombre",
    population: `${o.population}, ${nameOf(data)}`,
    period: year,
    source: SOURCE_ASP,
    dataDate: referenceDate(data.tables[o.dataset]) ?? "",
    width: data.width,
    territory: nameOf(data),
    fileName: `${id ?? o.dataset}_${territoryParam(data.level, data.code)}_${year}`,
    embed: id ? embedOf(data, id) : undefined,
    above: levelAbove(data.level, data.code)
  });
}

/** For a région: its départements side by side, latest year. */
export function departementsTable(data: TerritoryData): HTMLElement | null {
  if (data.level !== "région") return null;
  const salaries = rowsOf(data.tables.salaries);
  const etp = rowsOf(data.tables.etp);
  const structures = rowsOf(data.tables.structures);
  const year = latestYear(etp) ?? latestYear(salaries);
  if (!year) return null;
  const departements = [
    ...new Set(etp.filter((r) => r.niveau === "département").map((r) => String(r.territoire)))
  ].sort();
  const at = (rows: Row[], dep: string, where: Record<string, string> = {}) =>
    one(rows, {niveau: "département", territoire: dep, periode: year, type_structure: "ensemble", ...where});
  const rows = departements.map((dep) => {
    const s = at(structures, dep);
    const p = at(salaries, dep, {caracteristique: "ensemble"});
    const e = at(etp, dep);
    return {
      departement: `${territoryName(etp, "département", dep)} (${dep})`,
      structures: num(s?.nb_structures),
      salaries: num(p?.nb_salaries),
      etp: num(e?.etp_realises),
      taux: num(e?.taux_realisation),
      masked: maskOf(p, "nb_salaries")
    };
  });
  return dataTable({
    title: "Les départements de la région",
    headingLevel: 3,
    data: rows,
    columns: [
      {label: "Département", value: "departement" as const},
      {label: "Structures", value: "structures" as const, format: "nombre" as const},
      {label: "Salariés", value: "salaries" as const, format: "nombre" as const},
      {label: "ETP réalisés", value: "etp" as const, format: "nombre" as const},
      {label: "Taux de réalisation", value: "taux" as const, format: "pourcentage" as const}
    ],
    population: "structures de l'insertion par l'activité économique (SIAE) et leurs salariés",
    period: year,
    source: SOURCE_ASP,
    dataDate: referenceDate(data.tables.etp) ?? "",
    width: data.width,
    territory: nameOf(data),
    fileName: `departements_${territoryParam(data.level, data.code)}_${year}`
  });
}

/** A chart that a territory page draws and that the embed page can draw alone. */
export interface TerritoryChart {
  readonly id: string;
  readonly title: string;
  /** The datasets it reads (files of the territory's folder, without `.arrow`). */
  readonly datasets: readonly string[];
  /** Levels it exists at. */
  readonly levels: readonly TerritoryData["level"][];
  readonly draw: (data: TerritoryData) => HTMLElement | null;
}

const EVERY_LEVEL = ["national", "région", "département"] as const;

/**
 * The charts of the territory pages that the light embed page (docs/embed/integrer.ts) can
 * draw, by id. The table of a région's départements is embedded as its page instead (its
 * data, every département's, would not fit an embed's weight).
 */
export const TERRITORY_CHARTS: readonly TerritoryChart[] = [
  ...KEY_MEASURES.map((m) => ({
    id: keyId(m),
    title: m.title,
    datasets: [m.dataset],
    levels: EVERY_LEVEL,
    draw: (data: TerritoryData) => keyFigures(data, keyId(m))[0] ?? noData(m.title)
  })),
  {
    id: "etp-mensuel",
    title: "ETP conventionnés et réalisés par mois",
    datasets: ["etp"],
    levels: EVERY_LEVEL,
    draw: etpMonthly
  },
  ...Object.entries(BAR_CHARTS).map(([id, spec]) => ({
    id,
    title: spec.title,
    datasets: [spec.dataset],
    levels: EVERY_LEVEL,
    draw: (data: TerritoryData) => byCategory(data, id)
  }))
];
