// Two builds of dist/ from the same input are byte-identical (issue 11). The site built by
// `pnpm build:sample` before this suite is kept aside; every loader is then marked stale
// (its fingerprint record deleted) and the site built again, re-running every data loader
// and Framework's whole build. Files Framework names by content hash (`etp.1a2b3c4d.arrow`)
// must then carry the same names: a differing content would show as a differing name.
// The staging (DuckDB file of the sample) is reused: building it again from other
// encodings of the same extracts is data-loaders/reproducible.test.ts's part.
import {execFile} from "node:child_process";
import {createHash} from "node:crypto";
import {cp, mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";

const run = promisify(execFile);
const FINGERPRINTS = "docs/.observablehq/cache/pilotage-fingerprints.json";

/** Path (relative to `dir`) → sha256 of every file under `dir`. */
async function digests(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  const out = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(entry.parentPath, entry.name);
    out.set(
      path.slice(dir.length + 1),
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex")
    );
  }
  return out;
}

describe("two builds of the site from the same input", () => {
  let aside: string;
  let first: Map<string, string>;
  let second: Map<string, string>;
  let log: string;

  beforeAll(async () => {
    aside = await mkdtemp(join(tmpdir(), "pilotage-dist-"));
    await cp("dist", aside, {recursive: true});
    first = await digests("dist");
    await rm(FINGERPRINTS, {force: true});
    try {
      const env: NodeJS.ProcessEnv = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"};
      delete env.DATABASE_URL;
      delete env.PILOTAGE_SOURCES;
      const result = await run("pnpm", ["build"], {env, maxBuffer: 64 * 1024 * 1024});
      log = result.stdout;
    } catch (error) {
      // Put the first site back, so that the rest of the suite still has one to visit.
      await rm("dist", {recursive: true, force: true});
      await cp(aside, "dist", {recursive: true});
      throw error;
    }
    second = await digests("dist");
  }, 1_200_000);

  afterAll(async () => {
    if (aside) await rm(aside, {recursive: true, force: true});
  });

  it("the second build re-ran every data loader", () => {
    expect(log).toMatch(/Chargeurs : (\d+) à relancer, 0 à jour\./);
  });

  it("gives the same files, byte for byte (content-hashed names included)", () => {
    expect(first.size).toBeGreaterThan(100);
    const onlyFirst = [...first.keys()].filter((p) => !second.has(p));
    const onlySecond = [...second.keys()].filter((p) => !first.has(p));
    const changed = [...first.keys()].filter((p) => second.has(p) && second.get(p) !== first.get(p));
    expect({onlyFirst, onlySecond, changed}).toEqual({onlyFirst: [], onlySecond: [], changed: []});
    expect([...first.keys()].some((p) => /^_file\/data\/etp\.[0-9a-f]{8}\.arrow$/.test(p))).toBe(true);
  });
});
