// The words a dataset declaration is made of (levels, periods, units, what a figure
// counts): shared by dataset.ts and the French texts of messages.ts.

/** Geographic level of a row; also the values of a `niveau` column. */
export const LEVELS = ["national", "région", "département", "structure"] as const;
export type Level = (typeof LEVELS)[number];

export const PERIODS = ["année", "mois"] as const;
export type Period = (typeof PERIODS)[number];

/** Units of figures. "%" figures are stored as proportions (0.22 for 22 %). */
export type Unit =
  "personnes" | "structures" | "ETP" | "%" | "€" | "candidatures" | "PASS IAE" | "postes" | "heures" | "jours" | "mois";

/** What a figure counts: "people" figures (and rates over them) fall under the statistical secret. */
export type Counts = "people" | "structures" | "other";

/**
 * How a total relates to its parts (dataset figures' `aggregation`, relations of the interval
 * audit): "sum", the total is the sum of its parts (applications, PASS IAE, hours: each
 * counted in one part only); "distinct", a count of distinct people, one of whom may sit in
 * several parts (an employee of two départements counts once nationally): each part ≤ total ≤
 * sum of parts.
 */
export type RelationKind = "sum" | "distinct";
