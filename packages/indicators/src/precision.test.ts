import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {roundToDecimals} from "./precision.ts";

describe("roundToDecimals", () => {
  it("gives the same value for the two sums of the issue, whatever the order they were taken in", () => {
    // National 2023 ETP réalisés and hours worked, as two builds of the same sample gave them.
    expect(roundToDecimals(882.746666083138, 2)).toBe(882.75);
    expect(roundToDecimals(882.7466660831379, 2)).toBe(882.75);
    expect(roundToDecimals(1438297.1400000073, 2)).toBe(1438297.14);
    expect(roundToDecimals(1438297.1400000034, 2)).toBe(1438297.14);
    expect(roundToDecimals(0.4400696106156189, 4)).toBe(0.4401);
  });

  it("rounds half away from zero on the decimal value, not on its binary neighbour", () => {
    expect(roundToDecimals(0.125, 2)).toBe(0.13);
    expect(roundToDecimals(-0.125, 2)).toBe(-0.13);
    // 1.005 is stored as 1.00499999999999989…: toFixed(2) gives "1.00", a statistician 1.01.
    expect(roundToDecimals(1.005, 2)).toBe(1.01);
    expect(roundToDecimals(2.5, 0)).toBe(3);
    expect(roundToDecimals(1234.4999, 0)).toBe(1234);
  });

  it("rounds a value on a midpoint the same way from both sides of its float noise", () => {
    // A rate of 1/8 summed in two orders: a few units in the last place either side.
    const noisy = [0.125 - 2 ** -55, 0.125, 0.125 + 2 ** -55, 0.1 + 0.025];
    expect(new Set(noisy.map((x) => roundToDecimals(x, 2)))).toEqual(new Set([0.13]));
  });

  it("writes 0, never −0, and keeps large and tiny values", () => {
    expect(Object.is(roundToDecimals(-1e-17, 2), 0)).toBe(true);
    expect(Object.is(roundToDecimals(-0, 4), 0)).toBe(true);
    expect(Object.is(roundToDecimals(-0.004, 2), 0)).toBe(true);
    expect(roundToDecimals(123456789012.345, 2)).toBe(123456789012);
    expect(roundToDecimals(0.00005, 4)).toBe(0.0001);
    expect(roundToDecimals(3e-9, 4)).toBe(0);
  });

  it("prints as the declared decimals at most", () => {
    fc.assert(
      fc.property(fc.double({min: -1e9, max: 1e9, noNaN: true}), fc.integer({min: 0, max: 6}), (x, d) => {
        const rounded = roundToDecimals(x, d);
        const decimals = String(rounded).split(".")[1]?.length ?? 0;
        return decimals <= d && Math.abs(rounded - x) <= 0.5 * 10 ** -d + Math.abs(x) * 1e-11;
      })
    );
  });

  it("is not moved by a relative noise of 1e-13 (sums taken in another order)", () => {
    fc.assert(
      fc.property(fc.integer({min: -1e9, max: 1e9}), fc.integer({min: 0, max: 4}), (n, d) => {
        // An exact decimal value (n × 10^-3) and the same value with float noise on it.
        const exact = n / 1000;
        return roundToDecimals(exact * (1 + 1e-13), d) === roundToDecimals(exact * (1 - 1e-13), d);
      })
    );
  });

  it("refuses what cannot be published", () => {
    expect(() => roundToDecimals(Number.NaN, 2)).toThrow(RangeError);
    expect(() => roundToDecimals(1, -1)).toThrow(RangeError);
  });
});
