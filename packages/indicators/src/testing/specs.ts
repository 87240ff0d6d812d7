// Small dataset declarations shared by the tests.

import {LEVELS, type DatasetSpec} from "../dataset.ts";

export const EMPLOYEES: DatasetSpec = {
  name: "salaries-test",
  title: "Salariés en insertion (test)",
  description: "Salariés, ETP et sorties par territoire et par année.",
  levels: ["national", "région", "département"],
  periods: ["année"],
  referenceDate: "2024-12-31",
  columns: [
    {
      name: "niveau",
      role: "dimension",
      type: "dictionary",
      values: LEVELS,
      label: "Niveau",
      definition: "Niveau géographique."
    },
    {
      name: "territoire",
      role: "dimension",
      type: "dictionary",
      label: "Territoire",
      definition: "Code INSEE du territoire."
    },
    {
      name: "territoire_libelle",
      role: "dimension",
      type: "dictionary",
      describes: "territoire",
      label: "Nom du territoire",
      definition: "Nom du territoire."
    },
    {name: "periode", role: "dimension", type: "dictionary", label: "Période", definition: "Année (AAAA)."},
    {
      name: "premiere_embauche",
      role: "dimension",
      type: "date",
      nullable: true,
      label: "Première embauche",
      definition: "Date de la première embauche de la période.",
      sources: ["ContratMission.contrat_date_embauche"]
    },
    {
      name: "nb_salaries",
      role: "figure",
      type: "int32",
      unit: "personnes",
      counts: "people",
      aggregation: "distinct",
      label: "Salariés",
      definition: "Personnes distinctes ayant travaillé au moins une heure.",
      sources: ["EtatMensuelIndiv.emi_pph_id", "EtatMensuelIndiv.emi_nb_heures_travail"]
    },
    {
      name: "etp_realises",
      role: "figure",
      type: "float64",
      unit: "ETP",
      decimals: 2,
      counts: "other",
      label: "ETP réalisés",
      definition: "Heures travaillées / heures annuelles théoriques.",
      sources: ["EtatMensuelIndiv.emi_nb_heures_travail", "RefMontantIae.rmi_valeur"]
    },
    {
      name: "nb_structures",
      role: "figure",
      type: "int32",
      unit: "structures",
      counts: "structures",
      label: "Structures",
      definition: "SIAE ayant au moins un salarié."
    },
    {
      name: "taux_emploi_durable",
      role: "figure",
      type: "float64",
      unit: "%",
      decimals: 4,
      counts: "other",
      numerator: "nb_sorties_durables",
      denominator: "nb_sorties",
      label: "Taux d'emploi durable",
      definition: "Sorties en emploi durable / sorties examinées."
    },
    {
      name: "nb_sorties_durables",
      role: "figure",
      type: "int32",
      unit: "personnes",
      counts: "people",
      aggregation: "sum",
      label: "Sorties en emploi durable",
      definition: "Sorties examinées vers un emploi durable."
    },
    {
      name: "nb_sorties",
      role: "figure",
      type: "int32",
      unit: "personnes",
      counts: "people",
      aggregation: "sum",
      label: "Sorties examinées",
      definition: "Sorties comptées (hors retrait des sorties constatées).",
      sources: ["ContratMission.contrat_motif_sortie_id", "RefCategorieSort.rcs_code"]
    }
  ],
  sortBy: ["niveau", "territoire", "periode"]
};

/** A row of EMPLOYEES with every figure published (all over the threshold). */
export const employeesRow = (over: Record<string, unknown> = {}) => ({
  niveau: "département",
  territoire: "01",
  territoire_libelle: "Ain",
  periode: "2024",
  premiere_embauche: "2024-01-02",
  nb_salaries: 120,
  etp_realises: 61.5,
  nb_structures: 4,
  taux_emploi_durable: 0.25,
  nb_sorties_durables: 20,
  nb_sorties: 80,
  ...over
});
