// The data dictionary, generated from the dataset declarations so it cannot drift from
// the files: a JSON document for machines and a French Markdown page for the site.

import {
  type Counts,
  type DatasetSpec,
  type Level,
  type Period,
  type Unit,
  checkSpec,
  publishedColumns
} from "./dataset.ts";
import {
  COUNTS_LABELS,
  LEVEL_LABELS,
  PERIOD_LABELS,
  PRECISION_EXPLANATION,
  SECRET_EXPLANATION,
  TYPE_LABELS,
  UNIT_LABELS,
  businessSecretNote,
  precisionNote
} from "./messages.ts";
import {
  BUSINESS_SECRET_DOMINANCE,
  BUSINESS_SECRET_MIN_STRUCTURES,
  DISCLOSURE_THRESHOLD
} from "./disclosure/threshold.ts";

export interface DictionaryColumn {
  readonly name: string;
  readonly role: "dimension" | "figure" | "secret";
  readonly type: keyof typeof TYPE_LABELS;
  readonly label: string;
  readonly definition: string;
  readonly nullable: boolean;
  readonly unit?: Unit;
  readonly counts?: Counts;
  readonly numerator?: string;
  readonly denominator?: string;
  /** Masked wherever this other dataset masks this figure (see dataset.ts). */
  readonly maskedWith?: {readonly dataset: string; readonly figure: string};
  /** A magnitude over structures, under the business secret (see dataset.ts). */
  readonly businessSecret?: boolean;
  /** Decimals a decimal figure is rounded to (see precision.ts); absent for exact columns. */
  readonly decimals?: number;
  /** Whether the figure falls under the statistical secret (it then has a `_secret` flag). */
  readonly secret?: boolean;
  readonly values?: readonly string[];
  readonly describes?: string;
  readonly sources: readonly string[];
}

export interface DictionaryDataset {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly levels: readonly Level[];
  readonly periods: readonly Period[];
  readonly referenceDate: string;
  readonly columns: readonly DictionaryColumn[];
}

export interface DataDictionary {
  readonly disclosureThreshold: number;
  /**
   * Business secret of the magnitudes (ETP, hours, aid): masked when computed over fewer than
   * `minStructures` structures, or when one holds more than `dominance` of it (a proportion).
   */
  readonly businessSecret: {readonly minStructures: number; readonly dominance: number};
  readonly datasets: readonly DictionaryDataset[];
}

/** The dictionary of the given datasets, in the given order (each declaration is checked). */
export function buildDictionary(specs: readonly DatasetSpec[]): DataDictionary {
  return {
    disclosureThreshold: DISCLOSURE_THRESHOLD,
    businessSecret: {minStructures: BUSINESS_SECRET_MIN_STRUCTURES, dominance: BUSINESS_SECRET_DOMINANCE},
    datasets: specs.map((spec) => {
      checkSpec(spec);
      const columns = publishedColumns(spec);
      const flagged = new Set(columns.flatMap((c) => (c.role === "secret" ? [c.of] : [])));
      return {
        name: spec.name,
        file: `${spec.name}.arrow`,
        title: spec.title,
        description: spec.description,
        levels: spec.levels,
        periods: spec.periods,
        referenceDate: spec.referenceDate,
        columns: columns.map((c): DictionaryColumn => {
          const base = {name: c.name, role: c.role, type: c.type, label: c.label, definition: c.definition};
          if (c.role === "secret") return {...base, nullable: false, sources: []};
          const nullable = c.nullable ?? c.role === "figure";
          if (c.role === "dimension") {
            return {...base, nullable, sources: c.sources ?? [], values: c.values, describes: c.describes};
          }
          return {
            ...base,
            nullable,
            unit: c.unit,
            counts: c.counts,
            numerator: c.numerator,
            denominator: c.denominator,
            maskedWith: c.maskedWith,
            businessSecret: c.businessSecret,
            decimals: c.decimals,
            secret: flagged.has(c.name),
            sources: c.sources ?? []
          };
        })
      };
    })
  };
}

/** The dictionary as a French Markdown page. */
export function dictionaryToMarkdown(dictionary: DataDictionary): string {
  const lines: string[] = [
    "# Dictionnaire des données",
    "",
    "Cette page est générée à partir des déclarations des jeux de données : elle décrit exactement les fichiers publiés.",
    "",
    `> ${SECRET_EXPLANATION} Seuils : ${dictionary.disclosureThreshold} personnes ; ` +
      `${dictionary.businessSecret.minStructures} structures et ` +
      `${Math.round(dictionary.businessSecret.dominance * 100)} % pour une seule.`,
    "",
    `> ${PRECISION_EXPLANATION}`,
    ""
  ];
  for (const dataset of dictionary.datasets) {
    lines.push(
      `## ${dataset.title}`,
      "",
      dataset.description,
      "",
      `- Fichier : \`${dataset.file}\``,
      `- Niveaux : ${dataset.levels.map((l) => LEVEL_LABELS[l]).join(", ")}`,
      `- Périodes : ${dataset.periods.map((p) => PERIOD_LABELS[p]).join(", ")}`,
      `- Date de référence : ${frenchDate(dataset.referenceDate)}`,
      "",
      "| Colonne | Libellé | Définition | Type | Unité | Sources |",
      "| --- | --- | --- | --- | --- | --- |"
    );
    for (const c of dataset.columns) {
      const definition = [c.definition, ...notes(c)].join(" ");
      const cells = [
        `\`${c.name}\``,
        c.label,
        definition,
        TYPE_LABELS[c.type],
        c.unit ? UNIT_LABELS[c.unit] : "",
        c.sources.map((s) => `\`${s}\``).join(", ")
      ];
      lines.push(`| ${cells.map(cell).join(" | ")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function notes(c: DictionaryColumn): string[] {
  const out: string[] = [];
  if (c.values) out.push(`Valeurs : ${c.values.map((v) => `« ${v} »`).join(", ")}.`);
  if (c.describes) out.push(`Libellé de \`${c.describes}\`.`);
  if (c.counts && c.counts !== "other") out.push(`${COUNTS_LABELS[c.counts]}.`);
  if (c.numerator) out.push(`Numérateur : \`${c.numerator}\`.`);
  if (c.denominator) out.push(`Dénominateur : \`${c.denominator}\`.`);
  if (c.decimals !== undefined) out.push(precisionNote(c.decimals));
  if (c.secret) out.push("Soumis au secret statistique.");
  if (c.businessSecret) out.push(businessSecretNote());
  return out;
}

// A Markdown table cell: no line break, and a pipe would end the cell.
function cell(text: string): string {
  return text.replaceAll("\n", " ").replaceAll("|", "\\|");
}

function frenchDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
