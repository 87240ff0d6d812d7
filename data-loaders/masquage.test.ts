import {readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {geography, secretColumnName, type DatasetSpec, type Row} from "@pilotage/indicators";
import type {SqlEngine} from "@pilotage/sources";
import {disclose} from "./lib/asp-columns.ts";
import {BUILD_RUN_DIR, oncePerBuild} from "./lib/build-run.ts";
import {masksOff, withoutMasks} from "./lib/unmasked.ts";
import {
  MIN_COUNTED_FOR_SHARE,
  maskingMeasures,
  measureMasking,
  measuredFigures,
  percentUp,
  publishedMasking,
  type MaskingMeasure
} from "./masquage.ts";

// Employees and applications by territory: a people count, a share over it, applications.
const SPEC: DatasetSpec = {
  name: "essai",
  title: "Essai",
  description: "Jeu d'essai.",
  levels: ["national", "région", "département"],
  periods: ["année"],
  referenceDate: "2025-12-31",
  columns: [
    {name: "niveau", role: "dimension", type: "dictionary", label: "Niveau", definition: "Niveau."},
    {name: "territoire", role: "dimension", type: "dictionary", label: "Territoire", definition: "Code."},
    {
      name: "territoire_libelle",
      role: "dimension",
      type: "dictionary",
      describes: "territoire",
      label: "Nom",
      definition: "Nom."
    },
    {
      name: "nb",
      role: "figure",
      type: "int32",
      unit: "personnes",
      counts: "people",
      aggregation: "sum",
      label: "Salariés",
      definition: "Salariés."
    },
    {
      name: "part",
      role: "figure",
      type: "float64",
      unit: "%",
      decimals: 4,
      counts: "other",
      numerator: "nb",
      label: "Part",
      definition: "Part."
    },
    {
      name: "candidatures",
      role: "figure",
      type: "int32",
      unit: "candidatures",
      counts: "people",
      aggregation: "sum",
      label: "Candidatures",
      definition: "Candidatures."
    }
  ]
};

const row = (niveau: string, territoire: string, nb: number, candidatures = 50): Row => ({
  niveau,
  territoire,
  territoire_libelle: `nom ${territoire}`,
  nb,
  part: null,
  candidatures
});

// 8 départements holding 120 employees, 2 of them masked (3 and 4 employees: 7 people).
const DEPARTEMENTS = [3, 4, 20, 15, 18, 20, 20, 20].map((nb, i) => row("département", `d${i}`, nb));
const mask = (r: Row, figure: string): Row => ({...r, [figure]: null, [secretColumnName(figure)]: true});

describe("maskingMeasures, known answers", () => {
  it("measures people counts and applications apart, level by level: 2 of 8 cells, 7 of 120 people", () => {
    const unmasked = [row("national", "FR", 120, 400), ...DEPARTEMENTS];
    const published = unmasked.map((r, i) => (i === 1 || i === 2 ? mask(mask(r, "nb"), "part") : r));
    const measures = maskingMeasures(SPEC, published, unmasked);
    expect(measures).toEqual([
      {
        dataset: "essai",
        unit: "personnes",
        figures: ["Salariés"],
        level: "national",
        cells: 1,
        maskedCells: 0,
        counted: 120,
        maskedCounted: 0,
        maskedAtOrAboveThreshold: 0
      },
      {
        dataset: "essai",
        unit: "candidatures",
        figures: ["Candidatures"],
        level: "national",
        cells: 1,
        maskedCells: 0,
        counted: 400,
        maskedCounted: 0,
        maskedAtOrAboveThreshold: 0
      },
      {
        dataset: "essai",
        unit: "personnes",
        figures: ["Salariés"],
        level: "département",
        cells: 8,
        maskedCells: 2,
        counted: 120,
        maskedCounted: 7,
        maskedAtOrAboveThreshold: 0
      },
      {
        dataset: "essai",
        unit: "candidatures",
        figures: ["Candidatures"],
        level: "département",
        cells: 8,
        maskedCells: 0,
        counted: 400,
        maskedCounted: 0,
        maskedAtOrAboveThreshold: 0
      }
    ]);
    const departement = measures.find((m) => m.level === "département" && m.unit === "personnes")!;
    expect(departement.maskedCells / departement.cells).toBe(0.25);
  });

  it("counts a masked cell at or above the threshold (a secondary mask), and not one under it", () => {
    const unmasked = [row("national", "FR", 25), row("national", "FR2", 10)];
    const published = unmasked.map((r) => mask(r, "nb"));
    const [people] = maskingMeasures(SPEC, published, unmasked);
    expect(people).toMatchObject({maskedCells: 2, maskedCounted: 35, maskedAtOrAboveThreshold: 1});
  });

  it("measures only counts and the magnitudes masked with one, not rates", () => {
    expect(measuredFigures(SPEC).map((f) => f.name)).toEqual(["nb", "candidatures"]);
  });

  it("refuses a published row with no unmasked twin, and unmasked rows that carry a mask", () => {
    expect(() => maskingMeasures(SPEC, [row("national", "FR", 5)], [])).toThrow(/pas de valeur sans masque/);
    const flagged = mask(row("national", "FR", 5), "nb");
    expect(() => maskingMeasures(SPEC, [flagged], [flagged])).toThrow(/porte un masque/);
    const twice = [row("national", "FR", 5), row("national", "FR", 6)];
    expect(() => maskingMeasures(SPEC, twice, twice)).toThrow(/deux lignes/);
  });
});

describe("publishedMasking", () => {
  const measure = (maskedCounted: number, counted: number): MaskingMeasure => ({
    dataset: "essai",
    unit: "personnes",
    figures: ["Salariés"],
    level: "national",
    cells: 8,
    maskedCells: 2,
    counted,
    maskedCounted,
    maskedAtOrAboveThreshold: 1
  });

  it("rounds the share of what is counted up to a whole percent, and keeps exact percents", () => {
    expect(percentUp(7, 120)).toBe(6);
    expect(percentUp(3, 300)).toBe(1);
    expect(percentUp(1, 10_000)).toBe(1);
    expect(percentUp(0, 120)).toBe(0);
    expect(publishedMasking([measure(7, 1200)])).toEqual([
      {
        dataset: "essai",
        unit: "personnes",
        figures: ["Salariés"],
        level: "national",
        cells: 8,
        maskedCells: 2,
        maskedCountedPercent: 1
      }
    ]);
  });

  it("publishes no share where a percentage point would hold fewer than the threshold", () => {
    expect(publishedMasking([measure(7, MIN_COUNTED_FOR_SHARE - 1)])[0]!.maskedCountedPercent).toBeNull();
    expect(publishedMasking([measure(7, MIN_COUNTED_FOR_SHARE)])[0]!.maskedCountedPercent).toBe(1);
  });
});

describe("measureMasking: the same computation with and without disclosure control", () => {
  const engine: SqlEngine = {dialect: "duckdb", query: async () => [], close: async () => {}} as never;
  // Région 94 = 2A + 2B: 2A (4 employees) is masked, and 2B (30) to protect it.
  const rows = [row("région", "94", 34), row("département", "2A", 4), row("département", "2B", 30)];
  const dataset = {
    name: "essai",
    compute: async () => ({spec: SPEC, rows: disclose(SPEC, rows, [geography()])})
  };

  it("finds the people behind the masked cells, the secondary mask at or above the threshold", async () => {
    const measures = await measureMasking({engine, referenceDate: "2025-12-31"}, [dataset]);
    expect(measures.find((m) => m.level === "département" && m.unit === "personnes")).toMatchObject({
      cells: 2,
      maskedCells: 2,
      counted: 34,
      maskedCounted: 34,
      maskedAtOrAboveThreshold: 1
    });
    expect(measures.find((m) => m.level === "région" && m.unit === "personnes")).toMatchObject({maskedCells: 0});
  });

  it("turns masks off only inside withoutMasks: disclose gives the rows back as they are", async () => {
    expect(masksOff()).toBe(false);
    const inside = await withoutMasks(async () => disclose(SPEC, rows, [geography()]));
    expect(inside).toEqual(rows);
    expect(disclose(SPEC, rows, [geography()])[1]![secretColumnName("nb")]).toBe(true);
  });
});

describe("oncePerBuild without masks", () => {
  const saved = process.env.PILOTAGE_BUILD_RUN;
  afterEach(() => {
    if (saved === undefined) delete process.env.PILOTAGE_BUILD_RUN;
    else process.env.PILOTAGE_BUILD_RUN = saved;
  });

  it("neither reads nor leaves a build-run file that the published loaders would read", async () => {
    const run = `essai-masquage-${process.pid}`;
    process.env.PILOTAGE_BUILD_RUN = run;
    try {
      expect(await oncePerBuild("essai", async () => "masqué")).toBe("masqué");
      // Unmasked: computed in place, not the file the masked run left…
      expect(await withoutMasks(() => oncePerBuild("essai", async () => "sans masque"))).toBe("sans masque");
      // …and nothing written: the masked result is still what a loader reads.
      expect(await oncePerBuild("essai", async () => "autre")).toBe("masqué");
      expect(readdirSync(join(BUILD_RUN_DIR, run))).toEqual(["essai.json"]);
    } finally {
      rmSync(join(BUILD_RUN_DIR, run), {recursive: true, force: true});
    }
  });
});
