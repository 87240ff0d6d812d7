import {describe, expect, it} from "vitest";
import {
  DEPARTEMENT_CODES,
  DEPARTEMENT_NAMES,
  REGIONS,
  departementOfCommune,
  isRegion,
  normalizeDepartement,
  regionOfDepartement
} from "./territories.ts";

describe("territories", () => {
  it("has 101 départements in 18 régions, each département in exactly one région", () => {
    expect(DEPARTEMENT_CODES).toHaveLength(101);
    expect(REGIONS).toHaveLength(18);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(18);
    const all = REGIONS.flatMap((r) => r.departements);
    expect(all).toHaveLength(101);
    expect(new Set(all)).toEqual(new Set(DEPARTEMENT_CODES));
    for (const code of DEPARTEMENT_CODES) {
      expect(
        REGIONS.filter((r) => r.departements.includes(code)),
        code
      ).toHaveLength(1);
      expect(DEPARTEMENT_NAMES[code], code).toBeTruthy();
    }
  });

  it("lists département codes in INSEE order, Corsica between 19 and 21", () => {
    expect(DEPARTEMENT_CODES.slice(17, 22)).toEqual(["18", "19", "2A", "2B", "21"]);
    expect(DEPARTEMENT_CODES.at(0)).toBe("01");
    expect(DEPARTEMENT_CODES.slice(-5)).toEqual(["971", "972", "973", "974", "976"]);
  });

  it("maps départements to their région", () => {
    expect(regionOfDepartement("01")).toBe("84");
    expect(regionOfDepartement("2A")).toBe("94");
    expect(regionOfDepartement("75")).toBe("11");
    expect(regionOfDepartement("976")).toBe("06");
    expect(regionOfDepartement("20")).toBeNull();
    expect(regionOfDepartement("975")).toBeNull();
    expect(isRegion("84")).toBe(true);
    expect(isRegion("05")).toBe(false);
  });

  it("maps an INSEE commune code to its département", () => {
    expect(departementOfCommune("2A004")).toBe("2A");
    expect(departementOfCommune("2b033")).toBe("2B");
    expect(departementOfCommune("97105")).toBe("971");
    expect(departementOfCommune("97611")).toBe("976");
    expect(departementOfCommune("01004")).toBe("01");
    expect(departementOfCommune("75056")).toBe("75");
    for (const invalid of ["97501", "98799", "20004", "1004", "ABCDE", "", "010041"]) {
      expect(departementOfCommune(invalid), invalid).toBeNull();
    }
  });

  it("normalises département codes as the sources write them", () => {
    expect(normalizeDepartement("1")).toBe("01");
    expect(normalizeDepartement(" 2a ")).toBe("2A");
    expect(normalizeDepartement("971")).toBe("971");
    expect(normalizeDepartement("20")).toBeNull();
    expect(normalizeDepartement("100")).toBeNull();
  });
});
