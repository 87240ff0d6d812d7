// The additive relations a reader sees among the published rows of a count: a région and
// its départements, France and its régions, « ensemble » and the five SIAE kinds, and what
// the masked parts of each hide together. Shared by the unit checks on computed datasets
// (data-loaders/lib/sample-datasets.ts) and the attack on the built files (tests/e2e/attack.test.ts).

type AnyRow = Readonly<Record<string, unknown>>;

/** The five SIAE kinds whose sum is « ensemble » (« autres » stands apart). */
const KINDS: readonly unknown[] = ["ACI", "AI", "EI", "ETTI", "EITI"];

export interface Relation<R extends AnyRow> {
  /** The total row, if published at all. */
  readonly total: R | undefined;
  readonly parts: readonly R[];
  /** The relation in words, for a test's message. */
  readonly what: string;
}

/**
 * Every geography and kind relation among `rows` (with `niveau`, `territoire`,
 * `type_structure`), rows being grouped by the other `dims` (period, categories).
 * `regionOf` gives a département's région.
 */
export function additiveRelations<R extends AnyRow>(
  rows: readonly R[],
  dims: readonly string[],
  regionOf: (departement: string) => string | null
): Relation<R>[] {
  const group = (key: (r: R) => unknown[]) => {
    const groups = new Map<string, R[]>();
    for (const row of rows) {
      const k = JSON.stringify(key(row));
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
    return groups;
  };
  const relations: Relation<R>[] = [];
  for (const [key, g] of group((r) => [r.type_structure, ...dims.map((d) => r[d])])) {
    const regions = g.filter((r) => r.niveau === "région");
    relations.push({total: g.find((r) => r.niveau === "national"), parts: regions, what: `${key} France`});
    for (const region of regions)
      relations.push({
        total: region,
        parts: g.filter((r) => r.niveau === "département" && regionOf(String(r.territoire)) === region.territoire),
        what: `${key} région ${String(region.territoire)}`
      });
  }
  for (const [key, g] of group((r) => [r.niveau, r.territoire, ...dims.map((d) => r[d])]))
    relations.push({
      total: g.find((r) => r.type_structure === "ensemble"),
      parts: g.filter((r) => KINDS.includes(r.type_structure)),
      what: `${key} types de SIAE`
    });
  return relations;
}

/**
 * What the masked parts of `relation` hide together for `figure`, as a reader computes it
 * (the total minus the published parts), and how many parts are masked; null when the total
 * is not published or no part is masked.
 */
export function hiddenTogether<R extends AnyRow>(
  relation: Relation<R>,
  figure: string
): {readonly hidden: number; readonly masked: number} | null {
  const isMasked = (r: R) => r[`${figure}_secret`] === true;
  const {total, parts} = relation;
  if (!total || isMasked(total) || typeof total[figure] !== "number") return null;
  const masked = parts.filter(isMasked).length;
  if (masked === 0) return null;
  const hidden = parts.reduce(
    (rest, p) => (isMasked(p) || typeof p[figure] !== "number" ? rest : rest - (p[figure] as number)),
    total[figure] as number
  );
  return {hidden, masked};
}

/**
 * For flows only (hours, applications): each year and its months, for the same territory,
 * kind and other `dims` (a month without a row is read as 0).
 */
export function monthsInYearRelations<R extends AnyRow>(rows: readonly R[], dims: readonly string[]): Relation<R>[] {
  const key = (r: R, year: string) =>
    JSON.stringify([r.niveau, r.territoire, r.type_structure, year, ...dims.map((d) => r[d])]);
  const months = new Map<string, R[]>();
  for (const r of rows) {
    const p = String(r.periode);
    if (/^\d{4}-\d{2}$/.test(p)) months.set(key(r, p.slice(0, 4)), [...(months.get(key(r, p.slice(0, 4))) ?? []), r]);
  }
  return rows
    .filter((r) => /^\d{4}$/.test(String(r.periode)))
    .map((year) => ({
      total: year,
      parts: months.get(key(year, String(year.periode))) ?? [],
      what: `${key(year, String(year.periode))} mois`
    }));
}

/**
 * Whether `relation` shows a masked total beside parts that are all published: the sum of
 * the parts gives it back (a part without a row is read as 0).
 */
export function totalAlone<R extends AnyRow>(relation: Relation<R>, figure: string): boolean {
  const isMasked = (r: R) => r[`${figure}_secret`] === true;
  return (
    relation.total !== undefined &&
    isMasked(relation.total) &&
    relation.parts.length > 0 &&
    !relation.parts.some(isMasked)
  );
}

/**
 * For magnitudes (no threshold): the relations of `relations` where a masked `figure` is given
 * back, a masked total beside published parts (`totalAlone`) or a single masked part beside a
 * published total, each named by its `what`; and how many relations with a masked part were
 * checked (a test expects some, or it proves nothing).
 */
export function maskedMagnitudesAlone<R extends AnyRow>(
  relations: readonly Relation<R>[],
  figure: string
): {readonly alone: string[]; readonly checked: number} {
  const alone: string[] = [];
  let checked = 0;
  for (const relation of relations) {
    if (totalAlone(relation, figure)) alone.push(`${figure} ${relation.what} (total)`);
    const seen = hiddenTogether(relation, figure);
    if (!seen) continue;
    checked++;
    if (seen.masked < 2) alone.push(`${figure} ${relation.what}`);
  }
  return {alone, checked};
}
