// The filters chosen on the page (set by the filter inputs of docs/lib/inputs.ts), which a
// figure reads when it is drawn: its downloads name the territory and the filters, its
// embed snippet keeps them.

export interface ChosenFilter {
  /** The value as written in the URL: "departement-75", "2025", "ACI". */
  readonly value: string;
  /** The value as the reader sees it: "Paris (75)", "2025", "Ateliers et chantiers d'insertion (ACI)". */
  readonly label: string;
}

/** URL name of the filter (`territoire`, `type`, `annee`…) → its current value. */
export const chosenFilters = new Map<string, ChosenFilter>();

/** The territory the page shows: the chosen one, else the whole country. */
export function chosenTerritory(): string {
  return chosenFilters.get("territoire")?.label ?? "France entière";
}

/** "profil-femme-2025" + filters → "profil-femme-2025_departement-75_ACI" (values not already in the name). */
export function fileNameWithFilters(base: string): string {
  const parts = [...chosenFilters.values()]
    .map((f) => f.value)
    .filter((v) => v && !base.split(/[-_]/).includes(v) && !base.includes(v));
  return [base, ...parts].join("_");
}
