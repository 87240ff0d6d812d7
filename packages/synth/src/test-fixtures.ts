// Test fixtures: samples generated into temporary folders, once per test file.
import {mkdtemp, readdir} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {generate} from "./generate.ts";
import type {ScaleConfig} from "./scales.ts";

/** A very small scale for the tests that generate several times. */
export const TINY: ScaleConfig = {
  name: "tiny",
  firstYear: 2024,
  months: 14,
  extraction: {date: "2025-03-10", time: "235959"},
  structures: {ACI: 6, AI: 3, EI: 3, ETTI: 2, EITI: 2},
  otherStructures: {EA: 1, EATT: 1, GEIQ: 1, OPCS: 1},
  sizeFactor: 0.3,
  organisationsPerDepartement: 4
};

export async function generateInto(scale: string | ScaleConfig, seed: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "synth-test-"));
  await generate({scale, seed, out: dir});
  return dir;
}

let sample: Promise<string> | undefined;
/** The default sample (seed 1), freshly generated. */
export function freshSample(): Promise<string> {
  sample ??= generateInto("sample", 1);
  return sample;
}

/** Every file under a folder, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export const fluxPath = (dir: string, files: readonly string[], view: string): string => {
  const name = files.find((f) => f.startsWith(`fluxIAE_${view}_`));
  if (!name) throw new Error(`no ${view} file`);
  return join(dir, name);
};
