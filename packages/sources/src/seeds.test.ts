import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  DEPARTEMENTS,
  EXIT_CATEGORY_SEED,
  DEPARTEMENT_NAMES,
  MEASURE_KINDS,
  REGIONS,
  ROME_CODES_BY_DOMAINE,
  ROME_GRANDS_DOMAINES,
  TERRITOIRES,
  readSeed,
  romeGrandDomaine
} from "./seeds.ts";

describe("seeds", () => {
  it("territoires.csv: 101 départements in 18 régions, each in one région", () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(REGIONS).toHaveLength(18);
    expect(REGIONS.flatMap((r) => r.departements).sort()).toEqual([...DEPARTEMENTS].sort());
    expect(DEPARTEMENTS.slice(26, 31)).toEqual(["28", "29", "2A", "2B", "30"]);
    expect(DEPARTEMENTS.slice(-5)).toEqual(["971", "972", "973", "974", "976"]);
    expect(DEPARTEMENTS).not.toContain("20");
    expect(REGIONS.find((r) => r.code === "76")).toMatchObject({name: "Occitanie"});
    expect(REGIONS.find((r) => r.code === "76")!.departements).toContain("34");
    expect(REGIONS.find((r) => r.code === "94")!.departements).toEqual(["2A", "2B"]);
    expect(DEPARTEMENT_NAMES["34"]).toBe("Hérault");
    expect(DEPARTEMENT_NAMES["01"]).toBe("Ain");
    expect(TERRITOIRES.find((t) => t.departement === "976")).toEqual({
      departement: "976",
      departement_nom: "Mayotte",
      region: "06",
      region_nom: "Mayotte"
    });
  });

  it("mesures_dispositifs_asp.csv: the seven IAE measure codes, FDI, ACIPA and EIPA left out", () => {
    expect(MEASURE_KINDS).toEqual({
      ACI_DC: "ACI",
      ACI_MP: "ACI",
      AI_DC: "AI",
      EITI_DC: "EITI",
      EI_DC: "EI",
      EI_MP: "EI",
      ETTI_DC: "ETTI"
    });
  });

  it("categories_sortie.csv: the five RefCategorieSort codes, 5 not examined, 1 to 3 dynamic", () => {
    expect(EXIT_CATEGORY_SEED.map((c) => [c.rcs_code, c.categorie, c.examinee, c.dynamique])).toEqual([
      ["1", "emploi_durable", true, true],
      ["2", "emploi_transition", true, true],
      ["3", "sorties_positives", true, true],
      ["4", "autres_sorties", true, false],
      ["5", "retrait", false, false]
    ]);
    expect(EXIT_CATEGORY_SEED[4]!.libelle).toBe("Retrait des sorties constatées");
  });

  it("rome.csv: 14 grands domaines, 609 codes, each under its letter", () => {
    expect(Object.keys(ROME_GRANDS_DOMAINES)).toEqual("ABCDEFGHIJKLMN".split(""));
    expect(ROME_GRANDS_DOMAINES.F).toBe("Construction, Bâtiment et Travaux publics");
    expect(Object.values(ROME_CODES_BY_DOMAINE).flat()).toHaveLength(609);
    for (const [letter, codes] of Object.entries(ROME_CODES_BY_DOMAINE))
      for (const code of codes) expect(code.startsWith(letter), code).toBe(true);
    expect(romeGrandDomaine(" a1101 ")).toBe("A");
    expect(romeGrandDomaine("N4403")).toBe("N");
    expect(romeGrandDomaine("Z9999")).toBeNull();
    expect(romeGrandDomaine("")).toBeNull();
  });

  it("refuses a seed with a missing column, an empty value or a repeated key, naming file, line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "seeds-"));
    writeFileSync(join(dir, "a.csv"), "code,nom\n01,Ain\n02,\n");
    writeFileSync(join(dir, "b.csv"), "code,nom\n01,Ain\n01,Aisne\n");
    expect(() => readSeed("a.csv", ["code", "region"], "code", dir)).toThrow(
      `${join(dir, "a.csv")}, ligne 1 : colonne(s) absente(s) : region.`
    );
    expect(() => readSeed("a.csv", ["code", "nom"], "code", dir)).toThrow(
      `${join(dir, "a.csv")}, ligne 3, colonne nom : valeur vide.`
    );
    expect(() => readSeed("b.csv", ["code", "nom"], "code", dir)).toThrow(
      `${join(dir, "b.csv")}, ligne 3, colonne code : « 01 » déjà à la ligne 2.`
    );
    expect(readSeed("b.csv", ["nom"], undefined, dir)).toEqual([{nom: "Ain"}, {nom: "Aisne"}]);
  });
});
