// National ETP réalisés and conventionnés by month: the first published dataset.
import {ETP_NATIONAL_MONTHLY, toArrow, type DatasetSpec} from "@pilotage/indicators";
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
        counts: "other",
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
        counts: "other",
        label: "ETP conventionnés",
        definition: "Somme des ETP conventionnés (postes d'insertion) des annexes financières en vigueur ce mois-là.",
        sources: ["AnnexeFinanciere.af_etp_postes_insertion"]
      }
    ]
  };
}

export async function etpMensuel({engine, referenceDate}: LoaderContext): Promise<Uint8Array> {
  const rows = await engine.query<{annee: number; mois: number; etp_realises: number; etp_conventionnes: number}>(
    ETP_NATIONAL_MONTHLY
  );
  return toArrow(
    etpMensuelSpec(referenceDate),
    rows.map((r) => ({
      mois: `${r.annee}-${String(r.mois).padStart(2, "0")}-01`,
      etp_realises: r.etp_realises,
      etp_conventionnes: r.etp_conventionnes
    }))
  );
}
