// National ETP réalisés and conventionnés by month, for the home page.
import {toArrow, type DatasetSpec} from "@pilotage/indicators";
import {compute as computeEtp} from "./etp.ts";
import {oncePerBuild} from "./lib/build-run.ts";
import type {LoaderContext} from "./lib/run.ts";

export function etpMensuelSpec(referenceDate: string): DatasetSpec {
  return {
    name: "etp-mensuel",
    title: "ETP réalisés et conventionnés par mois, France entière",
    description:
      "Équivalents temps plein réalisés (heures déclarées dans les états mensuels) et conventionnés " +
      "(annexes financières en vigueur), par mois, pour les annexes validées, provisoires ou clôturées, hors FDI.",
    levels: ["national"],
    periods: ["mois"],
    referenceDate,
    columns: [
      {
        name: "mois",
        role: "dimension",
        type: "date",
        label: "Mois",
        definition: "Premier jour du mois des états mensuels."
      },
      {
        name: "etp_realises",
        role: "figure",
        type: "float64",
        unit: "ETP",
        decimals: 2,
        counts: "other",
        maskedWith: {dataset: "etp", figure: "etp_realises"},
        label: "ETP réalisés",
        definition:
          "Somme des heures travaillées du mois divisées par la durée annuelle théorique de l'annexe (RefMontantIae), multipliée par 12.",
        sources: [
          "EtatMensuelIndiv.emi_nb_heures_travail",
          "AnnexeFinanciere.af_duree_heure_annuel_etp_id",
          "RefMontantIae.rmi_valeur"
        ]
      },
      {
        name: "etp_conventionnes",
        role: "figure",
        type: "float64",
        unit: "ETP",
        decimals: 2,
        counts: "other",
        maskedWith: {dataset: "etp", figure: "etp_conventionnes"},
        label: "ETP conventionnés",
        definition: "Somme des ETP conventionnés (postes d'insertion) des annexes financières en vigueur ce mois-là.",
        sources: ["AnnexeFinanciere.af_etp_postes_insertion"]
      }
    ]
  };
}

/**
 * The national rows of the `etp` dataset, all kinds together, month by month: a light file
 * for the home page, equal by construction to what the ETP page shows for France, masks
 * included (`_secret` flags copied from etp).
 */
export async function etpMensuel(context: LoaderContext): Promise<Uint8Array> {
  // The etp dataset as its loader computed it in this build (or computed here).
  const {rows} = await oncePerBuild(`etp-${context.referenceDate}`, () => computeEtp(context));
  const national = rows.filter(
    (r) => r.niveau === "national" && r.type_structure === "ensemble" && /^\d{4}-\d{2}$/.test(String(r.periode))
  );
  return toArrow(
    etpMensuelSpec(context.referenceDate),
    national.map((r) => ({
      mois: `${r.periode}-01`,
      etp_realises: r.etp_realises,
      etp_realises_secret: r.etp_realises_secret,
      etp_conventionnes: r.etp_conventionnes,
      etp_conventionnes_secret: r.etp_conventionnes_secret
    }))
  );
}
