import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {SAMPLE_DIR, SAMPLE_SEED} from "./index.ts";
import {Rng, synthHash} from "./rng.ts";
import {TINY, freshSample, generateInto, listFiles} from "./test-fixtures.ts";

async function sameBytes(a: string, b: string, files: readonly string[]): Promise<string[]> {
  const differing: string[] = [];
  for (const f of files) {
    const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
    if (!x.equals(y)) differing.push(f);
  }
  return differing;
}

describe("determinism", () => {
  let first: string, second: string, other: string;
  beforeAll(async () => {
    [first, second, other] = await Promise.all([generateInto(TINY, 7), generateInto(TINY, 7), generateInto(TINY, 8)]);
  });

  it("writes byte-identical files for the same scale and seed", async () => {
    const files = await listFiles(first);
    expect(files.length).toBe(17);
    expect(await listFiles(second)).toEqual(files);
    expect(await sameBytes(first, second, files)).toEqual([]);
  });

  it("writes different data for another seed (all but the fixed reference views)", async () => {
    const files = await listFiles(first);
    expect(await listFiles(other)).toEqual(files);
    const differing = await sameBytes(first, other, files);
    const expectedSame = files.filter((f) => f.includes("_Ref"));
    expect(differing.sort()).toEqual(files.filter((f) => !expectedSame.includes(f)).sort());
  });

  it("keeps the committed sample equal to a fresh generation with its seed", async () => {
    expect(SAMPLE_SEED).toBe(1);
    const fresh = await freshSample();
    const files = await listFiles(fresh);
    expect(await listFiles(SAMPLE_DIR)).toEqual(files);
    expect(await sameBytes(fresh, SAMPLE_DIR, files)).toEqual([]);
  });
});

describe("random streams", () => {
  it("repeat for a seed and differ between seeds and forks", () => {
    const a = new Rng("x");
    const b = new Rng("x");
    const seqA = Array.from({length: 5}, () => a.uint32());
    expect(Array.from({length: 5}, () => b.uint32())).toEqual(seqA);
    expect(Array.from({length: 5}, () => new Rng("y").uint32())).not.toEqual(seqA);
    expect(new Rng("x").fork(1).uint32()).not.toBe(new Rng("x").fork(2).uint32());
  });

  it("make UUID-shaped ids and unique synthetic hashes", () => {
    const rng = new Rng("ids");
    for (let i = 0; i < 100; i++)
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const hashes = new Set(Array.from({length: 100_000}, (_, i) => synthHash(12345, i)));
    expect(hashes.size).toBe(100_000);
    expect(synthHash(12345, 1)).toMatch(/^synth-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(synthHash(1, 1)).not.toBe(synthHash(2, 1));
  });
});
