// Job posts of every inclusive employer. The datasets' "ensemble" counts the SIAE only (the
// five kinds of structure); the other inclusive employers ("autres": EA, GEIQ…) stand apart.
// A page that shows both must show a total that includes both, or its figures do not add
// up (180 open posts beside 205 by kind). Job posts are not persons: no secret applies, so
// the sum is exact.
import type {Row} from "./rows.js";

/** Code of the added total: every inclusive employer, SIAE and others. */
export const ALL_EMPLOYERS = "tous";

const COUNTS = [
  "postes_ouverts",
  "postes_ouverts_30_jours",
  "postes_sans_candidature",
  "postes_sans_embauche",
  "postes_en_tension"
] as const;

/**
 * The rows of postes-tension plus, for each territory, period and domaine, a row of
 * type_structure "tous" = "ensemble" (SIAE) + "autres", with part_en_tension recomputed
 * (postes_en_tension / postes_ouverts_30_jours, null when no post is 30 days old).
 */
export function withAllEmployers(rows: readonly Row[]): Row[] {
  const key = (r: Row) => `${r.niveau}|${r.territoire}|${r.periode}|${r.domaine}`;
  const others = new Map(rows.filter((r) => r.type_structure === "autres").map((r) => [key(r), r]));
  const added = rows
    .filter((r) => r.type_structure === "ensemble")
    .map((siae) => {
      const autres = others.get(key(siae));
      const row: Row = {...siae, type_structure: ALL_EMPLOYERS};
      for (const c of COUNTS) row[c] = (siae[c] ?? 0) + (autres?.[c] ?? 0);
      row.part_en_tension =
        row.postes_ouverts_30_jours > 0 ? row.postes_en_tension / row.postes_ouverts_30_jours : null;
      return row;
    });
  return [...added, ...rows];
}
