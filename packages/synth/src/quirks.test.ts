// The real drops' quirks written by `--quirks` (domain.md, "Sources"): each one present,
// and the output still byte-identical for a seed.
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {unzipSync} from "fflate";
import {gunzipSync} from "node:zlib";
import {beforeAll, describe, expect, it} from "vitest";
import {generate, SECOND_SALARIE_OFFSET} from "./generate.ts";
import {TINY, fluxPath, listFiles} from "./test-fixtures.ts";
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";

async function quirky(seed: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "synth-quirks-"));
  await generate({scale: TINY, seed, out: dir, quirks: true});
  return dir;
}

/** Data rows of a fluxIAE file (gzip or zip), split on `|`, with the header. */
async function rows(path: string): Promise<{header: string[]; rows: string[][]}> {
  const bytes = await readFile(path);
  const text =
    bytes[0] === 0x50
      ? Buffer.from(Object.values(unzipSync(bytes))[0]!).toString("utf8")
      : gunzipSync(bytes).toString("utf8");
  const lines = text.split("\r\n").filter((l) => l !== "");
  return {header: lines[1]!.split("|"), rows: lines.slice(2, -1).map((l) => l.split("|"))};
}

describe("--quirks", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = await quirky(3);
    files = await listFiles(dir);
  });

  it("writes the Structure view as a zip archive under its .csv.gz name", async () => {
    const bytes = await readFile(fluxPath(dir, files, "Structure"));
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("writes some commune codes without their leading zero or with a blank", async () => {
    const s = await rows(fluxPath(dir, files, "Structure"));
    const at = s.header.indexOf("structure_adresse_admin_code_insee");
    const codes = s.rows.map((r) => r[at]!);
    expect(codes.some((c) => /^\d{4}$/.test(c) || c.startsWith(" "))).toBe(true);
  });

  it("writes some monthly statements twice, identical", async () => {
    const e = await rows(fluxPath(dir, files, "EtatMensuelIndiv"));
    const lines = e.rows.map((r) => r.join("|"));
    expect(lines.length - new Set(lines).size).toBeGreaterThan(0);
  });

  it("gives some people a second salarie_id with the same hash_nir, used by contracts and statements", async () => {
    const s = await rows(fluxPath(dir, files, "Salarie"));
    const id = s.header.indexOf("salarie_id");
    const hash = s.header.indexOf("hash_nir");
    const second = s.rows.filter((r) => Number(r[id]) > SECOND_SALARIE_OFFSET);
    expect(second.length).toBeGreaterThan(0);
    for (const r of second) {
      const first = s.rows.find((x) => Number(x[id]) === Number(r[id]) - SECOND_SALARIE_OFFSET)!;
      expect(first[hash]).toBe(r[hash]);
    }
    const c = await rows(fluxPath(dir, files, "ContratMission"));
    const pph = c.header.indexOf("contrat_id_pph");
    expect(c.rows.some((r) => Number(r[pph]) > SECOND_SALARIE_OFFSET)).toBe(true);
  });

  it("stays byte-identical for a seed", async () => {
    const again = await quirky(3);
    for (const f of files) expect((await readFile(join(again, f))).equals(await readFile(join(dir, f))), f).toBe(true);
  });
});
