// Synthèse régionale (DREETS): the départements of the région side by side, the région's
// totals and trends, and the structures to look at first across the région.
import {DEPARTEMENT_NAMES, REGIONS} from "@pilotage/indicators";
import type {ReportData} from "../data.ts";
import {groupMembers, levelFigures} from "../figures.ts";
import {fmt, plural} from "../format.ts";
import type {Report} from "../model.ts";
import {MIN_GROUP_STRUCTURES} from "./common.ts";
import {FIGURE_COLUMNS, alertsSection, figureCells, kindsSection, trendSection} from "./territory.ts";

/**
 * The DREETS synthesis of `region` (INSEE code) for `year`: the départements side by side,
 * trend and alerts over the région's SIAE. Throws on an unknown région.
 */
export function regionReport(data: ReportData, region: string, year: number): Report {
  const r = REGIONS.find((x) => x.code === region);
  if (!r) throw new Error(`Région ${region} inconnue`);
  const ids = [...groupMembers(data, "région", region, "ensemble", year)].sort((a, b) => a - b);
  const rows = r.departements.map((d) => [
    `${DEPARTEMENT_NAMES[d] ?? d} (${d})`,
    groupMembers(data, "département", d, "ensemble", year).size,
    ...figureCells(levelFigures(data, "département", d, "ensemble", year))
  ]);
  // A département's rate is compared only when it rests on a few SIAE, and only among two
  // such départements or more: « le plus élevé » of one, or of one structure, says nothing.
  const compared = rows.filter((x) => (x[1] as number) >= MIN_GROUP_STRUCTURES && x[4] !== null);
  const best =
    compared.length >= 2
      ? [...compared].sort((a, b) => ((b[4] as number | null) ?? 0) - ((a[4] as number | null) ?? 0))[0]
      : undefined;
  return {
    kind: "region",
    slug: `${year}-region-${region}`,
    title: `Synthèse régionale de l'IAE ${year} — ${r.name}`,
    recipient: `DREETS ${r.name}`,
    subject: r.name,
    year,
    referenceDate: data.referenceDate,
    sections: [
      kindsSection(data, "région", region, year, ids.length, r.name),
      {
        id: "departements",
        title: "Les départements côte à côte",
        findings: [
          `La région compte ${plural(r.departements.length, "département", "départements")} et ${plural(ids.length, "SIAE", "SIAE")} en ${year}.`,
          ...(best
            ? // A nominal sentence: a département's name takes its own article (« de l'Aude », « de
              // la Haute-Garonne »), which no table here holds. The SIAE count says on how many
              // structures the rate rests.
              [
                `Taux de réalisation le plus élevé : ${best[0]}, ${fmt.pct(best[4] as number | null)} (${plural(best[1] as number, "SIAE", "SIAE")}).`
              ]
            : [])
        ],
        tables: [
          {
            id: "departements",
            caption: `Départements de la région, ${year}`,
            columns: [{label: "Département", format: "text"}, {label: "SIAE", format: "count"}, ...FIGURE_COLUMNS],
            rows,
            total: [
              `${r.name} (${plural(r.departements.length, "département", "départements")})`,
              ids.length,
              ...figureCells(levelFigures(data, "région", region, "ensemble", year))
            ]
          }
        ]
      },
      trendSection(data, "région", region, year),
      alertsSection(data, ids, year)
    ]
  };
}
