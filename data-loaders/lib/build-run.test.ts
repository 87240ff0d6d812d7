// The results the loaders of one build share: computed once, read back equal (dates too).
import {rm} from "node:fs/promises";
import {afterEach, describe, expect, it} from "vitest";
import {BUILD_RUN_DIR, oncePerBuild} from "./build-run.ts";

const RUN = `test-${process.pid}`;
afterEach(async () => {
  delete process.env.PILOTAGE_BUILD_RUN;
  await rm(`${BUILD_RUN_DIR}/${RUN}`, {recursive: true, force: true});
});

describe("oncePerBuild", () => {
  it("computes once per build run and gives the others the same values, dates included", async () => {
    process.env.PILOTAGE_BUILD_RUN = RUN;
    let calls = 0;
    const compute = async () => {
      calls++;
      return {rows: [{periode: "2025", n: 12, rate: 0.25, masked: null, date: new Date("2026-01-15T00:00:00Z")}]};
    };
    const first = await oncePerBuild("jeu-2026-01-15", compute);
    const second = await oncePerBuild("jeu-2026-01-15", compute);
    expect(calls).toBe(1);
    expect(second).toEqual(first);
    expect(second.rows[0]!.date).toBeInstanceOf(Date);
    expect(second.rows[0]!.date.toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("computes every time outside a build run (tests, pnpm dev)", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    await oncePerBuild("jeu", compute);
    await oncePerBuild("jeu", compute);
    expect(calls).toBe(2);
  });
});
