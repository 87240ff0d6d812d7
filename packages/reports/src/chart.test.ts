// Axis labels of the monthly chart: French month abbreviations, not names cut at four letters.
import {describe, expect, it} from "vitest";
import {axisLabel} from "./chart.ts";
import {MONTH_NAMES} from "./format.ts";

describe("axisLabel", () => {
  it("abbreviates month names as French does", () => {
    expect(MONTH_NAMES.map((m) => axisLabel(m, true))).toEqual([
      "janv.",
      "févr.",
      "mars",
      "avril",
      "mai",
      "juin",
      "juil.",
      "août",
      "sept.",
      "oct.",
      "nov.",
      "déc."
    ]);
  });

  it("keeps labels whole when there is room", () => {
    expect(axisLabel("décembre", false)).toBe("décembre");
    expect(axisLabel("2025", true)).toBe("2025");
  });
});
