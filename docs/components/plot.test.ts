// @vitest-environment jsdom
import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {formatNumber} from "./format.js";
import {accessiblePlot} from "./plot.js";

describe("accessiblePlot", () => {
  it("removes aria-label from role-less groups and labels the chart as one image", () => {
    const plot = Plot.plot({
      document,
      y: {tickFormat: formatNumber},
      marks: [
        Plot.barY(
          [
            {x: "ACI", y: 1200},
            {x: "AI", y: 3400}
          ],
          {x: "x", y: "y"}
        )
      ]
    });
    expect(plot.querySelectorAll("g[aria-label]:not([role])").length).toBeGreaterThan(0);
    accessiblePlot(plot, "Les AI emploient le plus de salariés.");
    expect(plot.querySelectorAll("g[aria-label]:not([role])")).toHaveLength(0);
    expect(plot.getAttribute("role")).toBe("img");
    expect(plot.getAttribute("aria-label")).toBe("Les AI emploient le plus de salariés.");
    expect(plot.textContent).toContain("3\u202f000"); // French thousands on Plot's axis
  });
});
