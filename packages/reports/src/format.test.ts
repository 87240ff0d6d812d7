// Known answers of the reports' number formats (French conventions, narrow no-break spaces).
import {describe, expect, it} from "vitest";
import {counted, etpCounted, formatCell} from "./format.ts";

const NNBSP = "\u202f";

describe("formatCell", () => {
  it("writes money to the euro, however large (a funding review, not a dashboard's « 1 M€ »)", () => {
    expect(formatCell(1028044.34, "euros")).toBe(`1${NNBSP}028${NNBSP}044${NNBSP}€`);
    expect(formatCell(985651, "euros")).toBe(`985${NNBSP}651${NNBSP}€`);
    expect(formatCell(0, "euros")).toBe(`0${NNBSP}€`);
  });
  it("writes ETP to one decimal, rates as percentages, a missing value as a dash", () => {
    expect(formatCell(12.44, "etp")).toBe("12,4");
    // Under 10 ETP, two decimals: 1,36 for 1,02 reads as the 133,3 % it is.
    expect(formatCell(1.3612, "etp")).toBe("1,36");
    expect(formatCell(1.0204, "etp")).toBe("1,02");
    expect(formatCell(0.886, "percent")).toBe(`88,6${NNBSP}%`);
    expect(formatCell(null, "count")).toBe("—");
  });

  it("agrees words with 0, 1 or many as French does (newcomer check: « 1 ETP conventionnés », « 0 acceptées »)", () => {
    expect(etpCounted(1, "conventionné")).toBe("1 ETP conventionné");
    expect(etpCounted(1.996, "conventionné")).toBe("2 ETP conventionnés");
    expect(etpCounted(1.96, "conventionné")).toBe("1,96 ETP conventionné");
    expect(etpCounted(14, "conventionné")).toBe("14 ETP conventionnés");
    expect(counted(0, "acceptée", "acceptées", "aucune acceptée")).toBe("aucune acceptée");
    expect(counted(1, "relève", "relèvent", "aucune ne relève")).toBe("1 relève");
    expect(counted(53, "refusée", "refusées")).toBe("53 refusées");
    expect(counted(0, "refusée", "refusées")).toBe("0 refusée");
  });
});
