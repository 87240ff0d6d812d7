// Known answers for the thresholds of the statistical and business secrets.
import {describe, expect, it} from "vitest";
import {
  BUSINESS_SECRET_DOMINANCE,
  BUSINESS_SECRET_MIN_STRUCTURES,
  isBusinessSecret,
  isUnderThreshold
} from "./threshold.ts";

describe("business secret", () => {
  it("is 3 structures and 85 %, as French official statistics apply it to businesses", () => {
    expect([BUSINESS_SECRET_MIN_STRUCTURES, BUSINESS_SECRET_DOMINANCE]).toEqual([3, 0.85]);
  });

  it("masks 1 or 2 structures, whatever their shares", () => {
    expect(isBusinessSecret(1, 1)).toBe(true);
    expect(isBusinessSecret(2, 0.5)).toBe(true);
  });

  it("masks 3 structures or more where one holds more than 85 %", () => {
    expect(isBusinessSecret(3, 0.9)).toBe(true);
    expect(isBusinessSecret(40, 0.86)).toBe(true);
  });

  it("publishes 3 balanced structures, and a largest share of exactly 85 %", () => {
    expect(isBusinessSecret(3, 1 / 3)).toBe(false);
    expect(isBusinessSecret(10, 0.85)).toBe(false);
  });

  it("publishes a cell without any structure (zeros identify nobody), as a count of 0 is", () => {
    expect(isBusinessSecret(0, 0)).toBe(false);
    expect(isUnderThreshold(0)).toBe(false);
  });
});
