import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {BACKGROUND, CATEGORICAL, MASK_STROKE, SEQUENTIAL, contrast, luminance} from "./palette.js";

describe("palette", () => {
  it("computes WCAG contrast like the reference values", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("categorical colours reach 3:1 on the light AND the dark background", () => {
    for (const c of [...CATEGORICAL, MASK_STROKE]) {
      expect(contrast(c, BACKGROUND.light), `${c} sur fond clair`).toBeGreaterThanOrEqual(3);
      expect(contrast(c, BACKGROUND.dark), `${c} sur fond sombre`).toBeGreaterThanOrEqual(3);
    }
  });

  it("white labels inside segments reach 4.5:1 on every categorical colour", () => {
    for (const c of CATEGORICAL) expect(contrast(c, "#ffffff"), c).toBeGreaterThanOrEqual(4.5);
  });

  it("each theme's sequential ramp reaches 3:1 on its background and grows in contrast", () => {
    for (const theme of ["light", "dark"] as const) {
      const ramp = SEQUENTIAL[theme].map((c) => contrast(c, BACKGROUND[theme]));
      for (const r of ramp) expect(r).toBeGreaterThanOrEqual(3);
      expect(ramp).toEqual([...ramp].sort((a, b) => a - b));
    }
  });

  it("adjacent classes of each map ramp are told apart: at least 1.5:1 between neighbours, in both themes", () => {
    for (const theme of ["light", "dark"] as const) {
      const ramp = SEQUENTIAL[theme];
      for (let i = 1; i < ramp.length; i++)
        expect(contrast(ramp[i]!, ramp[i - 1]!), `${theme} ${ramp[i - 1]} → ${ramp[i]}`).toBeGreaterThanOrEqual(1.5);
    }
  });

  it("the stylesheet carries the same colours as palette.ts", () => {
    const css = readFileSync(new URL("./charts.css", import.meta.url), "utf8");
    CATEGORICAL.forEach((c, i) => expect(css).toContain(`--pi-cat-${i + 1}: ${c};`));
    SEQUENTIAL.light.forEach((c, i) => expect(css).toContain(`--pi-seq-${i + 1}: ${c};`));
    SEQUENTIAL.dark.forEach((c, i) => expect(css).toContain(`--pi-seq-${i + 1}: ${c};`));
    expect(css).toContain(`--pi-fond: ${BACKGROUND.dark};`);
    expect(css).toContain(`--pi-masque-trait: ${MASK_STROKE};`);
  });
});
