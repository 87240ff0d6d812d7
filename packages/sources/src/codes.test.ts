// Commune codes as the sources write them, read on both engines: the département each one
// lands in, and whether the quality report counts it as normalised or unknown.
import {describe, expect, it} from "vitest";
import {codeCountSql, departementOfCommuneSql} from "./codes.ts";
import {openDuckDb} from "./duckdb-engine.ts";
import {openPglite} from "./postgres-engine.ts";
import type {SqlEngine} from "./engine.ts";

// [code as written, its département ('?': maps to none, national total only)]
const CASES: readonly (readonly [string, string | null])[] = [
  ["01053", "01"],
  ["1053", "01"], // leading zero lost (Bourg-en-Bresse), never the Aube (10)
  [" 34172", "34"],
  ["2a004", "2A"],
  ["97411", "974"],
  ["034172", "?"], // six digits: not a commune, not placed by its first digits
  ["1053.0", "?"], // as a spreadsheet writes a number
  ["99999", "99"], // shaped as a commune, but département 99 is not one of the 101
  ["", null]
];

const engines: Record<string, () => Promise<SqlEngine>> = {
  DuckDB: () => openDuckDb(":memory:"),
  PGlite: () => openPglite()
};

describe.each(Object.keys(engines))("commune codes on %s", (name) => {
  it("places each code in its département, or in none, and counts the unknown ones", async () => {
    const db = await engines[name]!();
    try {
      await db.query(`CREATE TABLE structure (structure_adresse_admin_code_insee TEXT)`);
      for (const [code] of CASES) await db.query(`INSERT INTO structure VALUES ('${code}')`);
      const rows = await db.query<{code: string; dep: string | null}>(
        `SELECT structure_adresse_admin_code_insee AS code, ${departementOfCommuneSql("structure_adresse_admin_code_insee")} AS dep FROM structure`
      );
      expect(rows.map((r) => [r.code, r.dep])).toEqual(CASES.map(([c, d]) => [c, d]));
      const [count] = await db.query<{normalised: number | string; unknown: number | string}>(
        codeCountSql({table: "structure", column: "structure_adresse_admin_code_insee", kind: "commune"}, "structure")
      );
      // Normalised: '1053', ' 34172', '2a004' ; unknown: '034172', '1053.0', '99999'.
      expect(Number(count!.normalised)).toBe(3);
      expect(Number(count!.unknown)).toBe(3);
    } finally {
      await db.close();
    }
  });
});
