import {describe, expect, it} from "vitest";
import {DEPARTEMENT_CODES, REGIONS} from "@pilotage/indicators";
import {sliceFor, territories} from "./territoires.ts";

describe("territory archive", () => {
  it("has one folder for France, one per région and one per département", () => {
    const paths = territories().map((t) => t.path);
    expect(paths.filter((p) => p === "france")).toHaveLength(1);
    expect(paths).toHaveLength(1 + 18 + DEPARTEMENT_CODES.length);
    expect(paths.filter((p) => p.startsWith("regions/"))).toHaveLength(18);
    expect(paths.filter((p) => p.startsWith("departements/")).sort()).toEqual(
      [...DEPARTEMENT_CODES].map((c) => `departements/${c}`).sort()
    );
    expect(REGIONS.find((r) => r.code === "84")!.departements).toContain("01");
  });

  it("keeps a département's own rows, and only the yearly rows of its région and of France", () => {
    const ain = territories().find((t) => t.path === "departements/01")!;
    const rows = [
      {niveau: "département", territoire: "01", periode: "2025"},
      {niveau: "département", territoire: "01", periode: "2025-03"},
      {niveau: "région", territoire: "84", periode: "2025"},
      {niveau: "région", territoire: "84", periode: "2025-03"},
      {niveau: "national", territoire: "FR", periode: "2025"},
      {niveau: "département", territoire: "69", periode: "2025"},
      // Région 01 is Guadeloupe, not Ain: same code, other level.
      {niveau: "région", territoire: "01", periode: "2025"}
    ];
    expect(sliceFor(ain, rows)).toEqual([rows[0], rows[1], rows[2], rows[4]]);
  });

  it("gives a région the yearly rows of its own départements only", () => {
    const ara = territories().find((t) => t.path === "regions/84")!;
    const rows = [
      {niveau: "région", territoire: "84", periode: "2025-01"},
      {niveau: "département", territoire: "01", periode: "2025"},
      {niveau: "département", territoire: "01", periode: "2025-01"},
      {niveau: "département", territoire: "75", periode: "2025"}
    ];
    expect(sliceFor(ara, rows)).toEqual([rows[0], rows[1]]);
  });
});
