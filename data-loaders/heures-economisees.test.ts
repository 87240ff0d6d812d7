// « Ce que le site remplace » publishes the hours saved by the run `pnpm reports` makes by
// default on the test territory: the same year, the same number of reports of each kind, and
// reports produced × hours each (heures-economisees.json) = hours, / hours a day = days.
import {describe, expect, it} from "vitest";
import {openDuckDb} from "@pilotage/sources";
import {readHours} from "@pilotage/reports/hours";
import {buildReports, resolveOptions} from "@pilotage/reports";
import {onTheSample} from "@pilotage/reports/testing";
import {savedHours} from "./heures-economisees.ts";

const sample = onTheSample();

describe("heures-economisees (Ce que le site remplace)", () => {
  it("counts the reports of the default run on the sample, times the declared hours", async () => {
    const duck = await openDuckDb(sample.dbPath, {readOnly: true});
    let saved;
    try {
      saved = await savedHours(duck);
    } finally {
      await duck.close();
    }
    const options = resolveOptions({}, sample.data);
    const produced: Record<string, number> = {};
    for (const r of buildReports(sample.data, options)) produced[r.kind] = (produced[r.kind] ?? 0) + 1;
    expect(saved.annee).toBe(options.year);
    expect(saved.departement.code).toBe(options.departement);
    expect(saved.region.code).toBe(options.region);
    expect(Object.fromEntries(saved.rapports.map((r) => [r.type, r.nombre]))).toEqual(produced);
    const declared = readHours();
    let hours = 0;
    for (const r of saved.rapports) {
      expect(r.heures, r.type).toBe(declared.rapports[r.type].heures);
      expect(r.total, r.type).toBe(produced[r.type]! * declared.rapports[r.type].heures);
      hours += produced[r.type]! * declared.rapports[r.type].heures;
    }
    expect(saved.heures).toBe(hours);
    expect(saved.jours).toBeCloseTo(hours / declared.heuresParJour, 12);
    // The test territory's goal: 40 person-days saved.
    expect(saved.jours).toBeGreaterThanOrEqual(40);
  });
});
