// Bilan RSA du conseil départemental: the RSA beneficiaries employed in the département's
// IAE (people, ETP, hours, hires, exits and their outcomes), by kind and by structure, against
// the co-funding the département paid (af_mt_cofinance). Recipient: the conseil
// départemental, for the people it co-funds: counts under 11 are allowed in this scope.
import {DEPARTEMENT_NAMES, EXIT_CATEGORY_LABELS, IAE_KINDS} from "@pilotage/indicators";
import type {Row} from "@pilotage/sources";
import {levelRow, num, sum, type ReportData} from "../data.ts";
import {groupMembers, mainKind} from "../figures.ts";
import {counted, fmt, plural, ratio} from "../format.ts";
import type {CellValue, Report} from "../model.ts";

interface RsaFigures {
  salaries: number;
  etp: number;
  heures: number;
  embauches: number;
  sorties: number;
  sortiesDynamiques: number;
  cofinance: number;
}

const cells = (f: RsaFigures): CellValue[] => [
  f.salaries,
  f.etp,
  f.heures,
  f.embauches,
  f.sorties,
  ratio(f.sortiesDynamiques, f.sorties),
  f.cofinance
];
const COLUMNS = [
  {label: "Bénéficiaires du RSA salariés", format: "count"},
  {label: "ETP réalisés par eux", format: "etp"},
  {label: "Heures travaillées", format: "hours"},
  {label: "Embauches au RSA", format: "count"},
  {label: "Sorties examinées", format: "count"},
  {label: "Taux de sortie dynamique", format: "percent"},
  {label: "Cofinancement du département", format: "euros"}
] as const;

/**
 * The conseil départemental's RSA report for `departement` and `year`: RSA beneficiaries
 * (people from the published definition, the rest summed from the structure marts) by kind and
 * by SIAE, their exits by category, against af_mt_cofinance.
 */
export function rsaReport(data: ReportData, departement: string, year: number): Report {
  const name = DEPARTEMENT_NAMES[departement] ?? departement;
  const ids = [...groupMembers(data, "département", departement, "ensemble", year)].sort((a, b) => a - b);
  const m = data.marts;
  const ofIds = (set: ReadonlySet<number>) => (r: Row) => num(r.annee) === year && set.has(num(r.structure_id));
  const martFigures = (set: ReadonlySet<number>, kind?: string): RsaFigures => {
    const at = (r: Row) => ofIds(set)(r) && (kind === undefined || r.kind === kind);
    return {
      salaries: sum(m.structure_salaries, "nb_salaries", (r) => at(r) && r.caracteristique === "rsa"),
      etp: sum(m.structure_salaries, "etp_realises", (r) => at(r) && r.caracteristique === "rsa"),
      heures: sum(m.structure_salaries, "heures_travaillees", (r) => at(r) && r.caracteristique === "rsa"),
      embauches: sum(m.structure_embauches, "nb_embauches_rsa", at),
      sorties: sum(m.structure_sorties, "nb_sorties_rsa", (r) => at(r) && r.categorie_sortie === "ensemble"),
      sortiesDynamiques: sum(
        m.structure_sorties,
        "nb_sorties_rsa",
        (r) => at(r) && r.categorie_sortie === "sorties_dynamiques"
      ),
      cofinance: sum(m.structure_etp, "montant_cofinance", (r) => at(r) && num(r.mois) === 0)
    };
  };
  // People: the published definition at département level (a person counts once even when
  // employed by two SIAE); the other figures add up over structures.
  const levelPeople = (kind: string) => {
    const at = levelRow("département", departement, kind, year);
    const row = data.levels.salaries.find((r) => at(r) && r.caracteristique === "rsa");
    return {salaries: num(row?.nb_salaries), etp: num(row?.etp_realises), heures: num(row?.heures_travaillees)};
  };
  const all = new Set(ids);
  const total = {...martFigures(all), ...levelPeople("ensemble")};
  const kindRows = IAE_KINDS.map((k) => [k, ...cells({...martFigures(all, k), ...levelPeople(k)})]);
  const structureRows = ids
    .map((id) => {
      const f = martFigures(new Set([id]));
      return [
        data.structures.get(id)?.nom ?? String(id),
        String(id),
        mainKind(data, id, year),
        ...cells(f),
        f.etp > 0 ? f.cofinance / f.etp : null
      ] as CellValue[];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), "fr"));
  const cofunded = structureRows.filter((r) => (r[9] as number) > 0).length;
  const outcomes = (["emploi_durable", "emploi_transition", "sorties_positives", "autres_sorties"] as const).map(
    (c) => {
      const n = sum(m.structure_sorties, "nb_sorties_rsa", (r) => ofIds(all)(r) && r.categorie_sortie === c);
      return [EXIT_CATEGORY_LABELS[c], n, ratio(n, total.sorties)] as CellValue[];
    }
  );
  const durable = outcomes[0]?.[1] as number;
  return {
    kind: "rsa",
    slug: `${year}-rsa-${departement}`,
    title: `Bilan RSA ${year} — IAE, département : ${name} (${departement})`,
    recipient: `Conseil départemental ${name} (${departement})`,
    subject: `${name} (${departement})`,
    year,
    referenceDate: data.referenceDate,
    sections: [
      {
        id: "synthese",
        title: "Les bénéficiaires du RSA dans l'IAE du département",
        findings: [
          total.salaries === 0
            ? `En ${year}, aucun bénéficiaire du RSA n'a travaillé dans les SIAE du département.`
            : `En ${year}, ${plural(total.salaries, "bénéficiaire du RSA a", "bénéficiaires du RSA ont")} travaillé dans les SIAE du département, pour ${fmt.etp(total.etp)} ETP et ${fmt.hours(total.heures)} heures ; ${counted(total.embauches, "a été embauché", "ont été embauchés", "aucun n'a été embauché")} dans l'année.`,
          total.cofinance > 0
            ? `Le cofinancement versé par le département s'élève à ${fmt.euros(total.cofinance)}.`
            : "Aucun cofinancement du département n'est inscrit aux annexes de l'année."
        ],
        tables: [
          {
            id: "rsa_par_type",
            caption: `Bénéficiaires du RSA par type de structure, ${year}`,
            columns: [{label: "Type", format: "text"}, ...COLUMNS],
            rows: kindRows,
            total: ["Ensemble", ...cells(total)]
          }
        ],
        notes: [
          "Bénéficiaire du RSA : contrat déclaré OUI-M ou OUI-NM (dernier contrat de l'année pour les salariés, contrat d'embauche pour les embauches, contrat de sortie pour les sorties). Dans l'ensemble, une personne salariée de deux structures compte une fois."
        ]
      },
      {
        id: "sorties_rsa",
        title: "Sorties des bénéficiaires du RSA",
        findings:
          total.sorties === 0
            ? [`En ${year}, aucune sortie de bénéficiaire du RSA n'a été examinée.`]
            : [
                `En ${year}, ${plural(total.sorties, "sortie de bénéficiaire du RSA a été examinée", "sorties de bénéficiaires du RSA ont été examinées")}, dont ${counted(durable, "vers un emploi durable", "vers un emploi durable", "aucune vers un emploi durable")}.`
              ],
        tables: [
          {
            id: "sorties_rsa",
            caption: `Sorties examinées des bénéficiaires du RSA par catégorie, ${year}`,
            columns: [
              {label: "Catégorie", format: "text"},
              {label: "Sorties", format: "count"},
              {label: "Part", format: "percent"}
            ],
            rows: outcomes,
            total: ["Ensemble", total.sorties, total.sorties > 0 ? 1 : null]
          }
        ]
      },
      {
        id: "rsa_par_structure",
        title: "Par structure, face au cofinancement",
        findings: [
          `Le tableau rapporte, ${structureRows.length === 1 ? "pour la seule SIAE du département" : `pour chacune des ${plural(structureRows.length, "SIAE", "SIAE")}`}, les bénéficiaires du RSA employés au cofinancement versé ; ${counted(cofunded, "structure a reçu", "structures ont reçu", "aucune structure n'a reçu")} ${cofunded === 0 ? "de cofinancement" : "un cofinancement"} du département.`
        ],
        tables: [
          {
            id: "rsa_par_structure",
            caption: `Bénéficiaires du RSA et cofinancement par structure, ${year}`,
            columns: [
              {label: "Structure", format: "text"},
              {label: "Identifiant ASP", format: "text"},
              {label: "Type principal", format: "text"},
              ...COLUMNS,
              {label: "Cofinancement par ETP RSA", format: "euros"}
            ],
            rows: structureRows,
            // The département's totals, as in the first table: people counted once.
            total: [
              `Ensemble : ${plural(structureRows.length, "SIAE", "SIAE")}, dont ${counted(cofunded, "cofinancée", "cofinancées", "aucune cofinancée")}`,
              "",
              "",
              ...cells(total),
              total.etp > 0 ? total.cofinance / total.etp : null
            ]
          }
        ],
        notes: [
          "Ligne « Ensemble » : une personne salariée de deux structures compte une fois ; les autres colonnes sont la somme des structures."
        ]
      }
    ]
  };
}
