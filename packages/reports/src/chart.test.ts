// Axis labels of the monthly chart: French month abbreviations (the site's), not names cut at
// four letters.
import {describe, expect, it} from "vitest";
import {axisLabel} from "./chart.ts";
import {MONTH_NAMES} from "./format.ts";

describe("axisLabel", () => {
  it("abbreviates month names as French does", () => {
    const short = (month: string) => axisLabel(month, true);
    expect(["janvier", "avril", "mai", "juillet", "octobre", "novembre", "décembre"].map(short)).toEqual([
      "janv.",
      "avr.",
      "mai",
      "juil.",
      "oct.",
      "nov.",
      "déc."
    ]);
    // Every month has its own label.
    expect(new Set(MONTH_NAMES.map(short)).size).toBe(12);
  });

  it("keeps labels whole when there is room", () => {
    expect(axisLabel("décembre", false)).toBe("décembre");
    expect(axisLabel("2025", true)).toBe("2025");
  });
});
