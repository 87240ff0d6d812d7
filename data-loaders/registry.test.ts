import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {SPECS} from "./dictionnaire.ts";
import {THEME_DATASETS} from "./registry.ts";
import {GOLDEN_DIR} from "./golden/golden.ts";

describe("registry of published datasets", () => {
  it("documents in the dictionary every Arrow file the site publishes, under the same name", () => {
    const shims = readdirSync("docs/data")
      .filter((f) => f.endsWith(".arrow.ts"))
      .map((f) => f.replace(/\.arrow\.ts$/, ""))
      .sort();
    const documented = SPECS.map((spec) => spec("2026-01-15").name).sort();
    expect(documented).toEqual(shims);
  });

  it("names each theme dataset as its declaration does", () => {
    for (const d of THEME_DATASETS) expect(d.spec("2026-01-15").name).toBe(d.name);
  });

  it("keeps a golden CSV of each theme dataset, and none of a dataset gone", () => {
    const golden = readdirSync(GOLDEN_DIR)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => f.replace(/\.csv$/, ""))
      .sort();
    expect(golden).toEqual(THEME_DATASETS.map((d) => d.name).sort());
  });
});
