// Bilan annuel de la structure: what each SIAE compiles by hand for its dialogue de gestion
// with the DDETS (domain.md, "Reports the actors compile by hand today").
// Recipient: the structure itself (its own counts may be under 11). A comparison with the
// SIAE of the same kind is shown only where the group holds at least 3 SIAE, so that no other
// structure's figures can be read from it (the business-secret rule of French statistics).
import {
  DEPARTEMENT_NAMES,
  DURATION_BANDS,
  DURATION_BAND_LABELS,
  EXIT_CATEGORY_LABELS,
  NATIONAL_CODE,
  TRAIT_LABELS,
  type Trait
} from "@pilotage/indicators";
import type {Row} from "@pilotage/sources";
import {levelRow, memo, num, structureRows, sum, type ReportData} from "../data.ts";
import {groupMembers, levelFigures, mainKind, structureFigures, type Figures} from "../figures.ts";
import {MONTH_NAMES, counted, etpCounted, fmt, formatCell, formatIsoDate, plural, ratio} from "../format.ts";
import type {CellFormat, CellValue, Report, Section, Table} from "../model.ts";
import {MIN_GROUP_STRUCTURES, smallBase, trendSentence} from "./common.ts";

const PROFILE_TRAITS: readonly Trait[] = [
  "femme",
  "homme",
  "moins_26_ans",
  "26_49_ans",
  "50_ans_plus",
  "rsa",
  "deld",
  "detld",
  "qpv",
  "rqth",
  "formation_infra_cap",
  "formation_cap_bep",
  "formation_bac",
  "formation_superieur"
];

/** The yearly review of SIAE `id` for `year`. */
export function structureReport(data: ReportData, id: number, year: number): Report {
  const s = data.structures.get(id);
  if (!s) throw new Error(`Structure ${id} inconnue`);
  const f = structureFigures(data, id, year);
  const kind = mainKind(data, id, year);
  const depMembers = groupMembers(data, "département", s.departement, kind, year);
  const depOk = depMembers.size >= MIN_GROUP_STRUCTURES;
  const dep = levelFigures(data, "département", s.departement, kind, year);
  const fr = levelFigures(data, "national", NATIONAL_CODE, kind, year);
  const frMembers = groupMembers(data, "national", NATIONAL_CODE, kind, year).size;
  const depName = DEPARTEMENT_NAMES[s.departement] ?? s.departement;
  const cmp = (pick: (g: Figures) => number | null, perStructure = false) => {
    const value = (g: Figures, n: number) => {
      const v = pick(g);
      return v === null ? null : perStructure ? (n > 0 ? v / n : null) : v;
    };
    return [value(f, 1), depOk ? value(dep, depMembers.size) : null, value(fr, frMembers)] as CellValue[];
  };
  const compareColumns = [
    {label: "Indicateur", format: "text" as const},
    {label: "La structure", format: "text" as const},
    {label: `${kind}, ${depName}`, format: "text" as const},
    {label: `${kind}, France`, format: "text" as const}
  ];
  // A comparison table mixes ETP, rates and counts: each row declares its format, and its
  // values stay numbers (the spreadsheet keeps them so).
  const compareTable = (id: string, caption: string, lines: [string, CellFormat, CellValue[]][]): Table => ({
    id,
    caption,
    columns: compareColumns,
    rows: lines.map(([label, , values]) => [label, ...values]),
    rowFormats: lines.map(([, format]) => format)
  });
  const groupNote = depOk
    ? `Comparaisons : les ${depMembers.size} SIAE de type ${kind} du département et les ${frMembers} de France ; pour les volumes, la moyenne par structure.`
    : `Le département compte moins de ${MIN_GROUP_STRUCTURES} SIAE de type ${kind} : la comparaison départementale n'est pas diffusée (secret des affaires). Pour les volumes, la moyenne par structure.`;

  const sections: Section[] = [];

  // 1. Identity and annexes.
  const annexes = structureRows(data, "structure_annexes", id).filter(
    (r) =>
      num(r.structure_id) === id &&
      String(r.date_debut).slice(0, 4) <= String(year) &&
      String(r.date_fin).slice(0, 4) >= String(year)
  );
  const annexeTable: Table = {
    id: "annexes",
    caption: `Annexes financières en vigueur en ${year}`,
    columns: [
      {label: "Numéro", format: "text"},
      {label: "Mesure", format: "text"},
      {label: "État", format: "text"},
      {label: "Début d'effet", format: "text"},
      {label: "Fin d'effet", format: "text"},
      {label: "ETP conventionnés (mensuels)", format: "etp"},
      {label: "Montant total annuel", format: "euros"},
      {label: "Cofinancement du département", format: "euros"},
      {label: "Retenue pour les chiffres", format: "text"}
    ],
    rows: annexes
      .sort((a, b) => String(a.numero).localeCompare(String(b.numero)))
      .map((r) => [
        String(r.numero),
        String(r.mesure),
        String(r.etat),
        formatIsoDate(r.date_debut as string),
        formatIsoDate(r.date_fin as string),
        r.etp_postes_insertion as number | null,
        r.montant_total_annuel as number | null,
        r.montant_cofinance as number | null,
        isKept(r) ? "oui" : "non"
      ])
  };
  const kept = annexes.filter(isKept);
  (annexeTable as {total?: CellValue[]}).total = [
    `${plural(annexes.length, "annexe", "annexes")}, dont ${plural(kept.length, "retenue", "retenues")}`
  ];
  sections.push({
    id: "identite",
    title: "Identité et annexes financières",
    findings: [
      `${s.nom} (${s.kinds.join(", ")}, SIRET ${s.siret ?? "non renseigné"}) relève du département : ${depName} (${s.departement}).`,
      `En ${year}, ${plural(annexes.length, "annexe financière est", "annexes financières sont")} en vigueur, dont ${plural(kept.length, "retenue", "retenues")} pour les chiffres (états validés, provisoires ou clôturés, hors FDI).`
    ],
    tables: [
      {
        id: "identite",
        caption: "Identité de la structure",
        columns: [
          {label: "Dénomination", format: "text"},
          {label: "SIRET", format: "text"},
          {label: "Types", format: "text"},
          {label: "Département", format: "text"}
        ],
        rows: [[s.nom, s.siret ?? "non renseigné", s.kinds.join(", "), `${depName} (${s.departement})`]]
      },
      annexeTable,
      compareTable("chiffres_cles", `Chiffres clés ${year}, comparés aux SIAE du même type`, [
        ["ETP conventionnés", "etp", cmp((g) => g.etpConventionnes, true)],
        ["ETP réalisés", "etp", cmp((g) => g.etpRealises, true)],
        ["Taux de réalisation", "percent", cmp((g) => g.tauxRealisation)],
        ["Taux de réalisation (états validés)", "percent", cmp((g) => g.tauxRealisationValides)],
        ["Salariés", "count", cmp((g) => g.salaries, true)],
        ["Embauches", "count", cmp((g) => g.embauches, true)],
        ["Taux de sortie dynamique", "percent", cmp((g) => g.tauxSortieDynamique)],
        ["Taux d'emploi durable", "percent", cmp((g) => g.tauxEmploiDurable)],
        ["Durée médiane de parcours (mois)", "months", cmp((g) => g.dureeMediane)],
        ["Candidatures reçues", "count", cmp((g) => g.candidatures, true)],
        ["Taux d'acceptation des candidatures", "percent", cmp((g) => g.tauxAcceptation)],
        ["PASS IAE délivrés", "count", cmp((g) => g.pass, true)]
      ])
    ],
    notes: [groupNote]
  });

  // 2. ETP by month.
  const monthly: CellValue[][] = [];
  for (let m = 1; m <= 12; m++) {
    const at = (r: Row) => num(r.structure_id) === id && num(r.annee) === year && num(r.mois) === m;
    const c = sum(structureRows(data, "structure_etp", id), "etp_conventionnes", at);
    const r = sum(structureRows(data, "structure_etp", id), "etp_realises", at);
    const v = sum(structureRows(data, "structure_etp", id), "etp_realises_valides", at);
    monthly.push([MONTH_NAMES[m - 1] as string, c, r, v, ratio(r, c), ratio(v, c)]);
  }
  const etpTable: Table = {
    id: "etp_mensuels",
    caption: `ETP conventionnés et réalisés par mois, ${year}`,
    columns: [
      {label: "Mois", format: "text"},
      {label: "ETP conventionnés", format: "etp"},
      {label: "ETP réalisés", format: "etp"},
      {label: "ETP réalisés (états validés)", format: "etp"},
      {label: "Taux de réalisation", format: "percent"},
      {label: "Taux de réalisation (états validés)", format: "percent"}
    ],
    rows: monthly,
    total: [
      `Année ${year}`,
      f.etpConventionnes,
      f.etpRealises,
      f.etpRealisesValides,
      f.tauxRealisation,
      f.tauxRealisationValides
    ]
  };
  const etpFindings = [
    `En ${year}, la structure a réalisé ${fmt.etp(f.etpRealises)} ETP pour ${etpCounted(f.etpConventionnes, "conventionné")}, soit un taux de réalisation de ${fmt.pct(f.tauxRealisation)}.`,
    `Sur les seuls états mensuels validés, le taux de réalisation est de ${fmt.pct(f.tauxRealisationValides)}.`
  ];
  if (f.tauxRealisation !== null && f.tauxRealisation > 1)
    etpFindings.push(
      `La structure dépasse ses ETP conventionnés (taux supérieur à ${fmt.pct(1)}) : surconsommation à examiner.`
    );
  sections.push({
    id: "etp",
    title: "ETP conventionnés et réalisés",
    findings: etpFindings,
    tables: [etpTable],
    chart: {
      table: "etp_mensuels",
      category: 0,
      series: [1, 2],
      alt: `ETP conventionnés et réalisés par mois en ${year} : ${fmt.etp(f.etpRealises)} ETP réalisés pour ${fmt.etp(f.etpConventionnes)} conventionnés sur l'année.`
    },
    notes: [
      "ETP réalisés d'un mois : heures des états mensuels / heures annuelles d'un temps plein de l'annexe × 12 ; de l'année : somme des mois / 12."
    ]
  });

  // 3. Aid and co-funding.
  sections.push({
    id: "financement",
    title: "Aide au poste et cofinancement du département",
    findings: [
      `En ${year}, l'aide au poste de l'État s'élève à ${fmt.euros(f.montantAide)} ; ${f.montantCofinance > 0 ? `le département cofinance ${fmt.euros(f.montantCofinance)}, soit ${fmt.pct(f.partCofinancement)} du montant total annuel des annexes (${fmt.euros(f.montantTotalAnnexes ?? 0)})` : "aucun cofinancement du département n'est inscrit aux annexes"}.`
    ],
    tables: [
      {
        id: "financement",
        caption: `Financement ${year}`,
        columns: [
          {label: "Aide au poste (État)", format: "euros"},
          {label: "Cofinancement du département", format: "euros"},
          {label: "Montant total annuel des annexes", format: "euros"},
          {label: "Part cofinancée (du montant total)", format: "percent"}
        ],
        rows: [[f.montantAide, f.montantCofinance, f.montantTotalAnnexes ?? null, f.partCofinancement]]
      }
    ]
  });

  // 4. People: profile, hires, hours.
  const traitCount = (t: string) =>
    sum(
      structureRows(data, "structure_salaries", id),
      "nb_salaries",
      (r) => num(r.structure_id) === id && num(r.annee) === year && r.caracteristique === t
    );
  const levelShare = (niveau: string, territoire: string, t: string) =>
    memo(data, `share/${niveau}/${territoire}/${kind}/${year}/${t}`, () => {
      const at = levelRow(niveau, territoire, kind, year);
      const all = sum(data.levels.salaries, "nb_salaries", (r) => at(r) && r.caracteristique === "ensemble");
      return ratio(
        sum(data.levels.salaries, "nb_salaries", (r) => at(r) && r.caracteristique === t),
        all
      );
    });
  const profileRows = PROFILE_TRAITS.map((t) => [
    TRAIT_LABELS[t],
    traitCount(t),
    ratio(traitCount(t), f.salaries),
    depOk ? levelShare("département", s.departement, t) : null,
    levelShare("national", NATIONAL_CODE, t)
  ]);
  const women = profileRows[0] as CellValue[];
  const rsa = profileRows[5] as CellValue[];
  sections.push({
    id: "salaries",
    title: "Salariés : effectifs, embauches, heures et profil",
    findings: [
      f.salaries === 0
        ? `En ${year}, personne n'a travaillé dans la structure.`
        : `En ${year}, ${plural(f.salaries, "personne a", "personnes ont")} travaillé dans la structure (au moins une heure), pour ${fmt.hours(f.heures)} heures ; ${f.embauches === 0 ? "aucun parcours n'a" : plural(f.embauches, "parcours a", "parcours ont")} commencé par une embauche dans l'année.`,
      `Les femmes représentent ${fmt.pct(women[2] as number | null)} des salariés (France, même type : ${fmt.pct(women[4] as number | null)}) ; les bénéficiaires du RSA ${fmt.pct(rsa[2] as number | null)}.`
    ],
    tables: [
      {
        id: "effectifs",
        caption: `Effectifs et heures ${year}`,
        columns: [
          {label: "Salariés", format: "count"},
          {label: "Embauches (débuts de parcours)", format: "count"},
          {label: "Heures travaillées", format: "hours"},
          {label: "ETP réalisés", format: "etp"}
        ],
        rows: [[f.salaries, f.embauches, f.heures, f.etpRealises]]
      },
      {
        id: "profil",
        caption: `Profil des salariés ${year}`,
        columns: [
          {label: "Caractéristique", format: "text"},
          {label: "Salariés", format: "count"},
          {label: "Part", format: "percent"},
          {label: `Part, ${kind} ${depName}`, format: "percent"},
          {label: `Part, ${kind} France`, format: "percent"}
        ],
        rows: profileRows
      }
    ],
    notes: [
      "Profil lu sur le dernier contrat de l'année de chaque personne ; âge = année − année de naissance.",
      depOk ? "" : `Comparaison départementale non diffusée (moins de ${MIN_GROUP_STRUCTURES} SIAE de type ${kind}).`
    ].filter(Boolean)
  });

  // 5. Exits.
  const exitCats = ["emploi_durable", "emploi_transition", "sorties_positives", "autres_sorties"] as const;
  const exitRows = exitCats.map((c) => {
    const n = sum(
      structureRows(data, "structure_sorties", id),
      "nb_sorties",
      (r) => num(r.structure_id) === id && num(r.annee) === year && r.categorie_sortie === c
    );
    return [EXIT_CATEGORY_LABELS[c], n, ratio(n, f.sorties)] as CellValue[];
  });
  const exitFindings =
    f.sorties === 0
      ? [`En ${year}, aucune sortie n'a été examinée dans la structure.`]
      : [
          `En ${year}, ${plural(f.sorties, "sortie a été examinée", "sorties ont été examinées")}, dont ${counted(f.sortiesDurables, "vers un emploi durable", "vers un emploi durable", "aucune vers un emploi durable")} : le taux de sortie dynamique est de ${fmt.pct(f.tauxSortieDynamique)} et le taux d'emploi durable de ${fmt.pct(f.tauxEmploiDurable)}.`
        ];
  if (smallBase(f.sorties, "sorties")) exitFindings.push(smallBase(f.sorties, "sorties") as string);
  sections.push({
    id: "sorties",
    title: "Sorties et taux de sortie",
    findings: exitFindings,
    tables: [
      {
        id: "sorties",
        caption: `Sorties examinées par catégorie, ${year}`,
        columns: [
          {label: "Catégorie", format: "text"},
          {label: "Sorties", format: "count"},
          {label: "Part", format: "percent"}
        ],
        rows: exitRows,
        total: ["Ensemble des sorties examinées", f.sorties, f.sorties > 0 ? 1 : null]
      },
      compareTable("taux_sortie", `Taux de sortie ${year}, comparés aux SIAE du même type`, [
        ["Taux de sortie dynamique", "percent", cmp((g) => g.tauxSortieDynamique)],
        ["Taux d'emploi durable", "percent", cmp((g) => g.tauxEmploiDurable)]
      ])
    ],
    notes: [
      "Sorties examinées : ACI et EI après au moins 1 heure et plus de 2,65 mois ; AI et ETTI après 150 heures ; EITI après 1 heure ; hors retraits des sorties constatées."
    ]
  });

  // 6. Paths.
  const bandRows = DURATION_BANDS.filter((b) => b !== "ensemble").map((b) => [
    DURATION_BAND_LABELS[b],
    sum(
      structureRows(data, "structure_parcours", id),
      "nb_parcours",
      (r) => num(r.structure_id) === id && num(r.annee) === year && r.tranche_duree === b
    )
  ]);
  sections.push({
    id: "parcours",
    title: "Durée des parcours",
    findings: [
      f.parcours === 0
        ? `En ${year}, aucun parcours n'était en cours dans la structure.`
        : `En ${year}, ${plural(f.parcours, "parcours était", "parcours étaient")} en cours ; la durée médiane est de ${fmt.months(f.dureeMediane ?? 0)} mois.`
    ],
    tables: [
      {
        id: "parcours",
        caption: `Parcours en cours en ${year} par durée (de la première embauche à la sortie ou à la date des données)`,
        columns: [
          {label: "Durée", format: "text"},
          {label: "Parcours", format: "count"}
        ],
        rows: bandRows,
        total: ["Ensemble des parcours", f.parcours]
      },
      compareTable("duree_mediane", "Durée médiane des parcours (mois), comparée aux SIAE du même type", [
        ["Durée médiane (mois)", "months", cmp((g) => g.dureeMediane)]
      ])
    ]
  });

  // 7. Applications.
  const motifs = structureRows(data, "structure_motifs_refus", id)
    .filter((r) => num(r.structure_id) === id && num(r.annee) === year)
    .sort((a, b) => num(b.refusees) - num(a.refusees) || String(a.motif_refus).localeCompare(String(b.motif_refus)))
    .map((r) => [String(r.motif_refus), num(r.refusees), ratio(num(r.refusees), f.refusees)]);
  sections.push({
    id: "candidatures",
    title: "Candidatures reçues et leur traitement",
    findings: [
      f.candidatures === 0
        ? `En ${year}, la structure n'a reçu aucune candidature par la plateforme des emplois de l'inclusion.`
        : `En ${year}, la structure a reçu ${plural(f.candidatures, "candidature", "candidatures")} : ${counted(f.acceptees, "acceptée", "acceptées", "aucune acceptée")} (${fmt.pct(f.tauxAcceptation)}) et ${counted(f.refusees, "refusée", "refusées", "aucune refusée")} (${fmt.pct(f.tauxRefus)}) ; ${counted(f.autoPrescriptions, "relève", "relèvent", "aucune ne relève")} de l'auto-prescription.`
    ],
    tables: [
      {
        id: "candidatures",
        caption: `Candidatures ${year}`,
        columns: [
          {label: "Candidatures reçues", format: "count"},
          {label: "Acceptées", format: "count"},
          {label: "Taux d'acceptation", format: "percent"},
          {label: "Refusées", format: "count"},
          {label: "Taux de refus", format: "percent"},
          {label: "Auto-prescriptions", format: "count"},
          {label: "Délai médian de réponse (jours)", format: "days"}
        ],
        rows: [
          [f.candidatures, f.acceptees, f.tauxAcceptation, f.refusees, f.tauxRefus, f.autoPrescriptions, f.delaiMedian]
        ]
      },
      {
        id: "motifs_refus",
        caption: `Motifs de refus ${year}`,
        columns: [
          {label: "Motif", format: "text"},
          {label: "Candidatures refusées", format: "count"},
          {label: "Part", format: "percent"}
        ],
        rows: motifs
      }
    ]
  });

  // 8. PASS IAE, three years.
  const passYears = [year - 2, year - 1, year].filter((y) => data.years.includes(y) || y === year);
  const passRows = passYears.map((y) => [String(y), structureFigures(data, id, y).pass]);
  const first = passRows[0]?.[1] as number;
  sections.push({
    id: "pass",
    title: "PASS IAE délivrés",
    findings: [
      f.pass === 0
        ? `En ${year}, aucun PASS IAE n'a été délivré à des personnes embauchées par la structure.`
        : f.pass === 1
          ? `En ${year}, 1 PASS IAE a été délivré à une personne embauchée par la structure.`
          : `En ${year}, ${fmt.count(f.pass)} PASS IAE ont été délivrés à des personnes embauchées par la structure.`,
      trendSentence(String(passRows[0]?.[0]), first, String(year), f.pass, "PASS IAE délivrés", 20)
    ],
    tables: [
      {
        id: "pass",
        caption: "PASS IAE délivrés par année",
        columns: [
          {label: "Année", format: "text"},
          {label: "PASS IAE délivrés", format: "count"}
        ],
        rows: passRows
      }
    ]
  });

  return {
    kind: "structure",
    slug: `${year}-structure-${id}`,
    title: `Bilan annuel ${year} — ${s.nom}`,
    recipient: `${s.nom} (SIAE ${id})`,
    subject: `${s.nom}, ${depName}`,
    year,
    referenceDate: data.referenceDate,
    sections
  };
}

// Annexes the figures count: states VALIDE, PROVISOIRE, CLOTURE and an IAE measure (not FDI).
const isKept = (r: Row): boolean =>
  ["VALIDE", "PROVISOIRE", "CLOTURE"].includes(String(r.etat)) && !String(r.mesure).startsWith("FDI");
