import {describe, expect, it} from "vitest";
import {openDuckDb} from "@pilotage/sources";
import {departementOfCommuneSql, groupByLevels, levelColumns, territoriesValues} from "./geography.ts";

describe("three levels in one query", () => {
  it("recounts distinct people at each level instead of summing départements", async () => {
    const db = await openDuckDb(":memory:");
    try {
      // Person 1 works in Ain (01) and Rhône (69), both in Auvergne-Rhône-Alpes (84): one person
      // at région and national level, two départemental rows.
      const rows = await db.query(`
        WITH territoires AS (${territoriesValues()}),
        emplois(personne, commune) AS (VALUES (1, '01004'), (1, '69123'), (2, '2A004'), (3, '97105')),
        t AS (SELECT e.personne, x.departement, x.region
              FROM emplois e JOIN territoires x ON x.departement = ${departementOfCommuneSql("e.commune")})
        SELECT ${levelColumns("region", "departement")}, COUNT(DISTINCT personne) AS personnes
        FROM t ${groupByLevels("region", "departement")}
        ORDER BY niveau, territoire`);
      expect(rows).toEqual([
        {niveau: "département", territoire: "01", personnes: 1},
        {niveau: "département", territoire: "2A", personnes: 1},
        {niveau: "département", territoire: "69", personnes: 1},
        {niveau: "département", territoire: "971", personnes: 1},
        {niveau: "national", territoire: "FR", personnes: 3},
        {niveau: "région", territoire: "01", personnes: 1},
        {niveau: "région", territoire: "84", personnes: 1},
        {niveau: "région", territoire: "94", personnes: 1}
      ]);
    } finally {
      await db.close();
    }
  });
});
