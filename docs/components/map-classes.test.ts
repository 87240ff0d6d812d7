import {describe, expect, it} from "vitest";
import {formatter} from "./format.js";
import {classBounds, classLabels, isShare} from "./map.js";

describe("map classes of a share", () => {
  const pct = formatter("pourcentage");
  it("stop at 100 %: no « 100 % ou plus » class", () => {
    // Shares of posts in tension: a quarter of the départements at 100 %.
    const values = [0.2, 0.35, 0.5, 0.6, 0.75, 0.9, 1, 1, 1, 1];
    expect(isShare(values, "pourcentage")).toBe(true);
    const bounds = classBounds(values).filter((b) => b < 1);
    const labels = classLabels(bounds, pct, 1);
    expect(labels.at(-1)).toMatch(/^de .* à 100\u202f%$/);
    expect(labels.join(" | ")).not.toMatch(/ou plus/);
  });

  it("a rate that may pass 100 % (taux de réalisation) keeps its open class, counts too", () => {
    expect(isShare([0.8, 1.1], "pourcentage")).toBe(false);
    expect(isShare([12, 40], "nombre")).toBe(false);
    expect(classLabels([10, 20], formatter("nombre")).at(-1)).toBe("20 ou plus");
  });
});
