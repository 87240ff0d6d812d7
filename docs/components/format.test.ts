import {describe, expect, it} from "vitest";
import {
  NNBSP,
  formatChange,
  formatDate,
  formatDateLong,
  formatMoney,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercent,
  formatPoints,
  formatValue,
  frFormat,
  frTime
} from "./format.js";

// Write expectations with a visible "_" for the narrow no-break space.
const s = (text: string) => text.replaceAll("_", NNBSP);

describe("format", () => {
  it("writes numbers the French way with U+202F", () => {
    expect(formatNumber(1234.5)).toBe(s("1_234,5"));
    expect(formatNumber(1234)).toBe(s("1_234"));
    expect(formatNumber(686724)).toBe(s("686_724"));
    expect(formatNumber(1234567.891, 2)).toBe(s("1_234_567,89"));
    expect(formatNumber(-12.5)).toBe("−12,5");
  });

  it("writes percentages from ratios", () => {
    expect(formatPercent(0.123)).toBe(s("12,3_%"));
    expect(formatPercent(0.34)).toBe(s("34_%"));
    expect(formatPercent(0.2214, 0)).toBe(s("22_%"));
  });

  it("writes money in euros, M€ and Md€", () => {
    expect(formatMoney(12345)).toBe(s("12_345_€"));
    expect(formatMoney(1_234_567)).toBe(s("1,2_M€"));
    expect(formatMoney(1_000_000)).toBe(s("1_M€"));
    expect(formatMoney(2_345_678_901)).toBe(s("2,3_Md€"));
  });

  it("signs changes, and writes no sign for no change", () => {
    expect(formatChange(0.032)).toBe(s("+3,2_%"));
    expect(formatChange(-0.015)).toBe(s("−1,5_%"));
    expect(formatChange(0)).toBe(s("0_%"));
    expect(formatPoints(0.012)).toBe(s("+1,2_pt"));
    expect(formatPoints(-0.005)).toBe(s("−0,5_pt"));
  });

  it("writes dates and months in French, in UTC", () => {
    expect(formatMonth("2025-01")).toBe("janvier 2025");
    expect(formatMonth(new Date(Date.UTC(2025, 7, 1)))).toBe("août 2025");
    expect(formatMonthShort("2025-02")).toBe("févr. 2025");
    expect(formatDate("2025-01-15")).toBe("15 janv. 2025");
    expect(formatDateLong("2026-03-31")).toBe("31 mars 2026");
    expect(() => formatDate("pas une date")).toThrow(/Date illisible/);
  });

  it("writes masked values as masked, never as 0", () => {
    expect(formatValue(null)).toBe("secret statistique");
    expect(formatValue(undefined, "pourcentage")).toBe("secret statistique");
    expect(formatValue(0)).toBe("0");
  });

  it("exports d3 locales for D3 (and Plot) axes with the same convention", () => {
    expect(frFormat.format(",.1f")(12345.67)).toBe(s("12_345,7"));
    expect(frFormat.format(".0%")(0.5)).toBe(s("50_%"));
    expect(frTime.utcFormat("%B %Y")(new Date(Date.UTC(2025, 11, 1)))).toBe("décembre 2025");
  });
});
