// Every indicator is published at three levels (national, région, département) in the same
// row shape: `niveau`, `territoire` (FR, région code, département code). One SQL pattern
// gives them all: compute at département level, join the département → région table given
// inline (a VALUES list, so no table is written and the SQL runs on DuckDB and PostgreSQL
// alike, on a read-only staging), then GROUP BY GROUPING SETS.
//
// Distinct-people counts are not additive: GROUPING SETS recounts them at each level
// instead of summing the départements.
import {NATIONAL_CODE, REGIONS} from "../territories.ts";

/** `territoires(departement, region)` as a CTE body: 101 rows. */
export function territoriesValues(): string {
  const rows = REGIONS.flatMap((r) => r.departements.map((d) => `('${d}', '${r.code}')`));
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS t(departement, region)`;
}

/**
 * The select-list columns `niveau` and `territoire` of a query grouped by
 * `GROUPING SETS ((<region>, <departement>, …), (<region>, …), (…))`.
 */
export function levelColumns(region: string, departement: string): string {
  return `CASE WHEN GROUPING(${departement}) = 0 THEN 'département'
              WHEN GROUPING(${region}) = 0 THEN 'région'
              ELSE 'national' END AS niveau,
         CASE WHEN GROUPING(${departement}) = 0 THEN ${departement}
              WHEN GROUPING(${region}) = 0 THEN ${region}
              ELSE '${NATIONAL_CODE}' END AS territoire`;
}

/**
 * `GROUP BY GROUPING SETS` over the three levels, each crossed with the other grouping
 * columns (period, structure kind…). Rows whose département maps to no known one (NULL
 * région and département) count in the national total only: the HAVING drops their
 * région and département groups, never the rows themselves.
 */
export function groupByLevels(region: string, departement: string, others: readonly string[] = []): string {
  const rest = others.length ? `, ${others.join(", ")}` : "";
  return `GROUP BY GROUPING SETS ((${region}, ${departement}${rest}), (${region}${rest}), (${others.join(", ")}))
  ${knownTerritoryHaving(region, departement)}`;
}

/** HAVING clause of a GROUPING SETS query: no région or département group for unknown territories. */
export function knownTerritoryHaving(region: string, departement: string): string {
  return `HAVING (GROUPING(${region}) = 1 OR ${region} IS NOT NULL) AND (GROUPING(${departement}) = 1 OR ${departement} IS NOT NULL)`;
}

/**
 * Département of a structure from the INSEE code of its commune, normalised first
 * ("2A004" → "2A", "97105" → "971", "1053" → "01", " 34172" → "34"), as a SQL expression.
 */
export {departementOfCommuneSql} from "@pilotage/sources";
