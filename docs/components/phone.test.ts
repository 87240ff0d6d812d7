// @vitest-environment jsdom
// Charts on a phone (390 px wide, about 358 px for the chart): the plot keeps its width.
import {describe, expect, it} from "vitest";
import {lineChart} from "./line.js";

const common = {title: "ETP par mois", population: "p", period: "p", source: "s", dataDate: "2026-01-31"};
const data = ["2024-01", "2024-06", "2025-01", "2025-12"].flatMap((mois, i) => [
  {mois, serie: "ETP conventionnés", v: 100 + i},
  {mois, serie: "ETP réalisés", v: 90 + i}
]);

describe("a line chart on a phone", () => {
  it("keeps at least 80 % of its width for the plot: series names go to the legend", () => {
    const figure = lineChart({...common, data, x: "mois", y: "v", series: "serie", width: 358});
    const grid = figure.querySelector("svg > line")!;
    const plot = Number(grid.getAttribute("x2")) - Number(grid.getAttribute("x1"));
    expect(plot).toBeGreaterThanOrEqual(0.8 * 358);
    const names = [...figure.querySelectorAll(".pi-legende li")].map((li) => li.textContent);
    expect(names).toEqual(["ETP conventionnés", "ETP réalisés"]);
    // No text drawn past the right edge.
    for (const t of figure.querySelectorAll("svg text"))
      if (t.getAttribute("text-anchor") !== "end") expect(Number(t.getAttribute("x"))).toBeLessThanOrEqual(358 - 30);
  });

  it("names the lines at their ends on a wide screen", () => {
    const figure = lineChart({...common, data, x: "mois", y: "v", series: "serie", width: 900});
    const texts = [...figure.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(texts).toContain("ETP réalisés");
  });
});
