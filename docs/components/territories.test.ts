import {readFileSync} from "node:fs";
import {TERRITOIRES} from "@pilotage/sources";
import {describe, expect, it} from "vitest";
import {DEPARTEMENTS, OUTRE_MER, REGIONS, departementsOf, territoryName} from "./territories.js";

const topo = (name: string) => JSON.parse(readFileSync(new URL(`../geo/${name}.json`, import.meta.url), "utf8"));
const names = (name: string) =>
  Object.fromEntries(
    topo(name).objects[name].geometries.map((g: {properties: {code: string; nom: string}}) => [
      g.properties.code,
      g.properties.nom
    ])
  );

describe("territories", () => {
  it("is the seed territoires.csv, which the browser cannot read: same codes, names and régions", () => {
    const byCode = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1);
    expect(DEPARTEMENTS.map((d) => [d.code, d.nom, d.region]).sort(byCode)).toEqual(
      TERRITOIRES.map((t) => [t.departement, t.departement_nom, t.region]).sort(byCode)
    );
    expect(Object.fromEntries(REGIONS.map((r) => [r.code, r.nom]))).toEqual(
      Object.fromEntries(TERRITOIRES.map((t) => [t.region, t.region_nom]))
    );
  });

  it("lists 101 départements and 18 régions, codes unique", () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(REGIONS).toHaveLength(18);
    expect(new Set(DEPARTEMENTS.map((d) => d.code)).size).toBe(101);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(18);
  });

  it("puts each département in exactly one existing région", () => {
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    for (const d of DEPARTEMENTS) expect(regionCodes.has(d.region), d.code).toBe(true);
    const counted = REGIONS.flatMap((r) => departementsOf(r.code).map((d) => d.code));
    expect(counted.sort()).toEqual(DEPARTEMENTS.map((d) => d.code).sort());
    expect(departementsOf("11").map((d) => d.code)).toEqual(["75", "77", "78", "91", "92", "93", "94", "95"]);
    expect(departementsOf("94").map((d) => d.code)).toEqual(["2A", "2B"]);
    for (const r of REGIONS) expect(departementsOf(r.code).length, r.nom).toBeGreaterThan(0);
  });

  it("has the five overseas départements, each a région of its own", () => {
    expect(OUTRE_MER).toEqual(["971", "972", "973", "974", "976"]);
    expect(OUTRE_MER.map((c) => DEPARTEMENTS.find((d) => d.code === c)?.region)).toEqual([
      "01",
      "02",
      "03",
      "04",
      "06"
    ]);
  });

  it("agrees with the names of the boundary files", () => {
    const deps = names("departements");
    const regs = names("regions");
    expect(Object.keys(deps)).toHaveLength(101);
    expect(Object.keys(regs)).toHaveLength(18);
    for (const d of DEPARTEMENTS) expect(deps[d.code], d.code).toBe(d.nom);
    for (const r of REGIONS) expect(regs[r.code], r.code).toBe(r.nom);
    expect(territoryName("84", "regions")).toBe("Auvergne-Rhône-Alpes");
    expect(territoryName("974", "departements")).toBe("La Réunion");
  });
});
