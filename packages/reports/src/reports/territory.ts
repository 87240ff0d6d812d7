// Pieces shared by the territory reviews (DDETS and DREETS): the kinds table, the three-year
// trend, one line per SIAE and the ranked alerts.
import {IAE_KINDS} from "@pilotage/indicators";
import {rankAlerts} from "../alerts.ts";
import type {ReportData} from "../data.ts";
import {groupMembers, levelFigures, structureFigures, mainKind, type Figures} from "../figures.ts";
import {etpCounted, fmt, plural} from "../format.ts";
import type {CellValue, Section, Table} from "../model.ts";
import {trendSentence} from "./common.ts";

/** Columns of a line of figures (a kind, a year, a SIAE, a département). */
export const FIGURE_COLUMNS = [
  {label: "ETP conventionnés", format: "etp"},
  {label: "ETP réalisés", format: "etp"},
  {label: "Taux de réalisation", format: "percent"},
  {label: "Taux de réalisation (états validés)", format: "percent"},
  {label: "Salariés", format: "count"},
  {label: "Sorties examinées", format: "count"},
  {label: "Taux de sortie dynamique", format: "percent"},
  {label: "Taux d'emploi durable", format: "percent"}
] as const;

export const figureCells = (f: Figures): CellValue[] => [
  f.etpConventionnes,
  f.etpRealises,
  f.tauxRealisation,
  f.tauxRealisationValides,
  f.salaries,
  f.sorties,
  f.tauxSortieDynamique,
  f.tauxEmploiDurable
];

/** Totals of a territory by kind, from the published definitions. */
export function kindsSection(
  data: ReportData,
  niveau: string,
  territoire: string,
  year: number,
  count: number,
  name: string
): Section {
  const total = levelFigures(data, niveau, territoire, "ensemble", year);
  const table: Table = {
    id: "par_type",
    caption: `${name} : chiffres ${year} par type de structure`,
    columns: [{label: "Type", format: "text"}, {label: "SIAE", format: "count"}, ...FIGURE_COLUMNS],
    rows: IAE_KINDS.map((k) => [
      k,
      groupMembers(data, niveau, territoire, k, year).size,
      ...figureCells(levelFigures(data, niveau, territoire, k, year))
    ]),
    total: ["Ensemble", count, ...figureCells(total)]
  };
  return {
    id: "synthese",
    title: "Synthèse",
    findings: [
      `En ${year}, ${plural(count, "SIAE du territoire a", "SIAE du territoire ont")} réalisé ${fmt.etp(total.etpRealises)} ETP pour ${etpCounted(total.etpConventionnes, "conventionné")}, soit un taux de réalisation de ${fmt.pct(total.tauxRealisation)} (${fmt.pct(total.tauxRealisationValides)} sur les états validés).`,
      `${plural(total.salaries, "personne a", "personnes ont")} travaillé en insertion ; sur ${plural(total.sorties, "sortie examinée", "sorties examinées")}, le taux de sortie dynamique est de ${fmt.pct(total.tauxSortieDynamique)} et le taux d'emploi durable de ${fmt.pct(total.tauxEmploiDurable)}.`
    ],
    tables: [table],
    notes: [
      "Chiffres du territoire : mêmes définitions et mêmes nombres que le site public (jeux « etp », « salaries », « sorties ») ; une personne salariée de deux types de structure compte une fois dans l'ensemble."
    ]
  };
}

/** Three years of the territory's totals, with trend sentences that respect small bases. */
export function trendSection(data: ReportData, niveau: string, territoire: string, year: number): Section {
  const years = [year - 2, year - 1, year].filter((y) => data.years.includes(y));
  const rows = years.map((y) => [String(y), ...figureCells(levelFigures(data, niveau, territoire, "ensemble", y))]);
  const first = levelFigures(data, niveau, territoire, "ensemble", years[0] ?? year);
  const last = levelFigures(data, niveau, territoire, "ensemble", year);
  return {
    id: "tendances",
    title: years.length < 3 ? `Tendances depuis ${years[0] ?? year}` : "Tendances sur trois ans",
    // With one year of data the sentence saying so is written once, not once per figure.
    findings:
      years.length < 2
        ? [trendSentence(String(year), 0, String(year), 0, "", 0)]
        : [
            trendSentence(String(years[0]), first.salaries, String(year), last.salaries, "salariés", 30),
            trendSentence(String(years[0]), first.sorties, String(year), last.sorties, "sorties examinées", 30)
          ],
    tables: [
      {
        id: "tendances",
        caption: years.length < 2 ? `Chiffres du territoire, ${year}` : `Chiffres du territoire, ${years[0]} à ${year}`,
        columns: [{label: "Année", format: "text"}, ...FIGURE_COLUMNS],
        rows
      }
    ],
    chart: {
      table: "tendances",
      category: 0,
      series: [1, 2],
      alt:
        years.length < 2
          ? `ETP conventionnés et réalisés en ${year}.`
          : `ETP conventionnés et réalisés de ${years[0]} à ${year}.`
    }
  };
}

/** One line per SIAE (dialogue-de-gestion figures), sorted by name. */
export function structuresTable(
  data: ReportData,
  ids: readonly number[],
  year: number,
  withDepartement: boolean,
  totals?: Figures
): Table {
  const rows = ids
    .map((id) => {
      const s = data.structures.get(id);
      const f = structureFigures(data, id, year);
      const nonValides = f.etpRealises - f.etpRealisesValides;
      return [
        s?.nom ?? String(id),
        String(id),
        ...(withDepartement ? [s?.departement ?? ""] : []),
        mainKind(data, id, year),
        f.etpConventionnes,
        f.etpRealises,
        f.tauxRealisation,
        f.etpRealises - f.etpConventionnes,
        nonValides,
        f.salaries,
        f.sorties,
        f.tauxSortieDynamique,
        f.tauxEmploiDurable
      ] as CellValue[];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), "fr") || String(a[1]).localeCompare(String(b[1])));
  return {
    id: "structures",
    caption: `Une ligne par SIAE, ${year}`,
    columns: [
      {label: "Structure", format: "text"},
      {label: "Identifiant ASP", format: "text"},
      ...(withDepartement ? [{label: "Département", format: "text" as const}] : []),
      {label: "Type principal", format: "text"},
      {label: "ETP conventionnés", format: "etp"},
      {label: "ETP réalisés", format: "etp"},
      {label: "Taux de réalisation", format: "percent"},
      {label: "Sur- (+) ou sous-consommation (−), ETP", format: "etp"},
      {label: "ETP sur états non validés", format: "etp"},
      {label: "Salariés", format: "count"},
      {label: "Sorties examinées", format: "count"},
      {label: "Taux de sortie dynamique", format: "percent"},
      {label: "Taux d'emploi durable", format: "percent"}
    ],
    rows,
    // The territory's own figures (a person employed by two structures counts once), so that
    // the line named « Ensemble » holds totals and not only the count of lines.
    total: totals
      ? [
          `Ensemble : ${plural(rows.length, "SIAE", "SIAE")}`,
          "",
          ...(withDepartement ? [""] : []),
          "",
          totals.etpConventionnes,
          totals.etpRealises,
          totals.tauxRealisation,
          totals.etpRealises - totals.etpConventionnes,
          totals.etpRealises - totals.etpRealisesValides,
          totals.salaries,
          totals.sorties,
          totals.tauxSortieDynamique,
          totals.tauxEmploiDurable
        ]
      : [`Ensemble : ${plural(rows.length, "SIAE", "SIAE")}`]
  };
}

/** The ranked alerts section. */
export function alertsSection(data: ReportData, ids: readonly number[], year: number): Section {
  // Every structure in gap is listed: the DDETS must see each, and the spreadsheet hold each.
  const alerts = rankAlerts(data, ids, year);
  const first = alerts[0];
  return {
    id: "alertes",
    title: "Structures à regarder en premier",
    findings: [
      alerts.length === 0
        ? `En ${year}, aucune structure ne s'écarte des seuils suivis.`
        : `En ${year}, ${plural(alerts.length, "structure s'écarte", "structures s'écartent")} des seuils suivis.`,
      ...(first ? [`En tête : ${data.structures.get(first.id)?.nom ?? first.id} (${first.reasons.join(" ; ")}).`] : [])
    ],
    tables: [
      {
        id: "alertes",
        caption: "Structures classées par écart aux seuils (somme des écarts, le plus grand d'abord)",
        columns: [
          {label: "Rang", format: "count"},
          {label: "Structure", format: "text"},
          {label: "Identifiant ASP", format: "text"},
          {label: "Écart aux seuils (points)", format: "points"},
          {label: "Raisons", format: "text"}
        ],
        rowHeader: 1,
        rows: alerts.map((a, i) => [
          i + 1,
          data.structures.get(a.id)?.nom ?? String(a.id),
          String(a.id),
          a.score,
          a.reasons.join(" ; ")
        ]),
        total: [
          alerts.length === 0
            ? "Aucune structure en écart"
            : `${plural(alerts.length, "structure", "structures")} en écart`
        ]
      }
    ],
    notes: [
      "Seuils : taux de réalisation sous 80 % ou au-dessus de 100 % ; plus de 10 % des ETP sur des états non validés ; taux de sortie dynamique sous 40 % avec au moins 10 sorties examinées.",
      "Écart aux seuils : la somme, en points de pourcentage, de ce dont la structure dépasse chaque seuil franchi (un taux de réalisation de 47,1 % est à 32,9 points sous 80 % ; aucun ETP réalisé compte pour 80 points)."
    ]
  };
}
