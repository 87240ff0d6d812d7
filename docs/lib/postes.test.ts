import {describe, expect, it} from "vitest";
import {ALL_EMPLOYERS, withAllEmployers} from "./postes.js";

const row = (
  type_structure: string,
  postes_ouverts: number,
  postes_en_tension: number,
  ouverts30 = postes_ouverts
) => ({
  niveau: "national",
  territoire: "FR",
  periode: "2025-12",
  domaine: "ensemble",
  type_structure,
  postes_ouverts,
  postes_ouverts_30_jours: ouverts30,
  postes_sans_candidature: 0,
  postes_sans_embauche: postes_en_tension,
  postes_en_tension,
  part_en_tension: ouverts30 ? postes_en_tension / ouverts30 : null
});

describe("postes of every inclusive employer", () => {
  it("adds the other employers to the SIAE: 180 + 25 = 205 open posts, 83 + 22 = 105 in tension", () => {
    // The sample's national figures of December 2025 (the example).
    const rows = [row("ensemble", 180, 83), row("ACI", 126, 62), row("autres", 25, 22)];
    const all = withAllEmployers(rows).find((r) => r.type_structure === ALL_EMPLOYERS)!;
    expect(all.postes_ouverts).toBe(205);
    expect(all.postes_en_tension).toBe(105);
    expect(all.part_en_tension).toBeCloseTo(105 / 205, 12);
  });

  it("keeps the SIAE total when a territory has no other employer, and no share without a 30-day-old post", () => {
    const all = withAllEmployers([row("ensemble", 4, 0, 0)]);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({type_structure: ALL_EMPLOYERS, postes_ouverts: 4, part_en_tension: null});
  });
});
