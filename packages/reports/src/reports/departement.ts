// Revue départementale de l'IAE (DDETS): the département's totals, three-year trends, one
// line per SIAE and the structures to look at first. Recipient: the DDETS, whose scope holds
// every SIAE of the département (counts under 11 allowed there, never on the public site).
import {DEPARTEMENT_NAMES} from "@pilotage/indicators";
import type {ReportData} from "../data.ts";
import {groupMembers, levelFigures} from "../figures.ts";
import {plural} from "../format.ts";
import type {Report} from "../model.ts";
import {alertsSection, kindsSection, structuresTable, trendSection} from "./territory.ts";

/**
 * The DDETS review of `departement` (INSEE code) for `year`: synthèse by kind (published
 * definitions), three-year trend, one line per SIAE (structure marts), ranked alerts.
 */
export function departementReport(data: ReportData, departement: string, year: number): Report {
  const name = DEPARTEMENT_NAMES[departement] ?? departement;
  const ids = [...groupMembers(data, "département", departement, "ensemble", year)].sort((a, b) => a - b);
  const table = structuresTable(
    data,
    ids,
    year,
    false,
    levelFigures(data, "département", departement, "ensemble", year)
  );
  return {
    kind: "departement",
    slug: `${year}-departement-${departement}`,
    title: `Revue départementale de l'IAE ${year} — ${name}`,
    recipient: `DDETS ${name} (${departement})`,
    subject: `${name} (${departement})`,
    year,
    referenceDate: data.referenceDate,
    sections: [
      kindsSection(data, "département", departement, year, ids.length, name),
      trendSection(data, "département", departement, year),
      {
        id: "structures",
        title: "Les SIAE une par une",
        findings: [
          table.rows.length === 1
            ? "Le tableau donne, pour la seule SIAE du département, les chiffres du dialogue de gestion."
            : `Le tableau donne, pour chacune des ${plural(table.rows.length, "SIAE", "SIAE")}, les chiffres du dialogue de gestion.`
        ],
        tables: [table],
        notes: [
          "Sur- ou sous-consommation : ETP réalisés − ETP conventionnés de l'année.",
          "Ligne « Ensemble » : chiffres du département ; une personne salariée de deux structures compte une fois."
        ]
      },
      alertsSection(data, ids, year)
    ]
  };
}
