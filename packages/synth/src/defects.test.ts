import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {beforeAll, describe, expect, it} from "vitest";
import {writeDefects, type Defect} from "./defects.ts";
import {silentEffects} from "./progress.ts";
import {fluxRecords, readFlux} from "./read.ts";
import {TINY, fluxPath, generateInto, listFiles} from "./test-fixtures.ts";

describe("--defects", () => {
  let dir: string;
  let defects: Defect[];
  const text = (d: Defect) => gunzipSync(readFileSync(join(dir, "defects", d.name, d.file))).toString("utf8");
  const byName = (name: string) => defects.find((d) => d.name === name) as Defect;

  beforeAll(async () => {
    dir = await generateInto(TINY, 3);
    expect(existsSync(join(dir, "defects"))).toBe(false); // not in the default set
    defects = await writeDefects(dir, silentEffects);
  });

  it("writes the nine documented defects, each standing in for a good file, with a manifest", async () => {
    expect(defects.map((d) => d.name).sort()).toEqual(
      [
        "fin-count-mismatch",
        "gzip-cut-short",
        "invalid-utf8",
        "missing-column",
        "unparsable-date",
        "negative-hours",
        "unknown-code",
        "orphan-statement",
        "personal-column"
      ].sort()
    );
    const good = await listFiles(dir);
    for (const d of defects) expect(good).toContain(d.file);
    expect(JSON.parse(readFileSync(join(dir, "defects", "manifest.json"), "utf8"))).toEqual(defects);
  });

  it("makes each file defective in the way it says", async () => {
    const fin = text(byName("fin-count-mismatch")).split("\r\n");
    expect(Number(fin[fin.length - 2]?.match(/^FIN(\d+)/)?.[1])).not.toBe(fin.length - 4);

    const cut = readFileSync(join(dir, "defects", "gzip-cut-short", byName("gzip-cut-short").file));
    expect(() => gunzipSync(cut)).toThrow();

    const latin1 = gunzipSync(readFileSync(join(dir, "defects", "invalid-utf8", byName("invalid-utf8").file)));
    expect(() => new TextDecoder("utf-8", {fatal: true}).decode(latin1)).toThrow();

    const missing = text(byName("missing-column")).split("\r\n")[1]?.split("|");
    expect(missing).not.toContain("contrat_date_embauche");
    expect(missing).toContain("contrat_id_ctr");

    expect(text(byName("unparsable-date"))).toContain("|15/13/2024|");
    expect(text(byName("negative-hours"))).toContain("|-35|");
    expect(text(byName("unknown-code"))).toContain("|OUI|");
    expect(text(byName("personal-column")).split("\r\n")[1]?.split("|")).toContain("salarie_nom");

    const files = await listFiles(dir);
    const contracts = new Set(
      fluxRecords(readFlux(fluxPath(dir, files, "ContratMission"))).map((c) => c.contrat_id_ctr)
    );
    const orphan = text(byName("orphan-statement")).split("\r\n");
    const header = orphan[1]?.split("|") as string[];
    const rows = orphan.slice(2, -2).map((l) => l.split("|")[header.indexOf("emi_ctr_id")]);
    expect(rows.filter((id) => !contracts.has(id as string))).toEqual(["999999999"]);
  });
});
