// Reproducible publication (issue 11): the same data gives the same bytes. Every file the
// site publishes under docs/data/ (theme datasets, home page extracts, the territory archive,
// qualite.json, the dictionary) is built from the committed sample, and again from a copy
// whose files differ only in encoding (BOM, line endings, gzip or not, written to disk in
// another order with other dates) in another time zone; each pair must be byte-identical.
// Each side runs in its own process (its own TZ from the start, its own DuckDB, its own
// counters), through the same functions the loaders of docs/data/ call.
import {execFile} from "node:child_process";
import {readFileSync, readdirSync, utimesSync, writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {gunzipSync, gzipSync} from "node:zlib";
import {tableFromIPC} from "apache-arrow";
import {unzipSync} from "fflate";
import {beforeAll, describe, expect, it} from "vitest";
import {REPO_ROOT, SAMPLE_FOLDER} from "@pilotage/sources";
import {tempDir} from "@pilotage/sources/testing";
import {PUBLISHED_FILES} from "./published.ts";

const run = promisify(execFile);
const SAMPLE = join(REPO_ROOT, SAMPLE_FOLDER);

/** Relative paths of the files under `dir`, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/**
 * A copy of the sample with the same rows and values in other encodings: a BOM on every
 * file, CRLF line endings where the sample has LF and LF where it has CRLF, gzipped files
 * stored plain and plain files gzipped (one in two; the others re-gzipped at another
 * level), written in reverse order, each with another modification date.
 */
function reencodedCopy(from: string, to: string): string[] {
  const changes: string[] = [];
  const files = filesUnder(from).reverse();
  files.forEach((path, index) => {
    const raw = readFileSync(join(from, path));
    const gzipped = path.endsWith(".gz");
    const text = (gzipped ? gunzipSync(raw) : raw).toString("utf8").replace(/^\ufeff/, "");
    const crlf = text.includes("\r\n");
    const lines = text.replace(/\r\n/g, "\n");
    const reencoded = Buffer.from("\ufeff" + (crlf ? lines : lines.replace(/\n/g, "\r\n")), "utf8");
    const plainName = path.replace(/\.gz$/, "");
    const gzipIt = index % 2 === 0 ? !gzipped : gzipped;
    const name = gzipIt ? `${plainName}.gz` : plainName;
    mkdirSync(join(to, name, ".."), {recursive: true});
    writeFileSync(join(to, name), gzipIt ? gzipSync(reencoded, {level: 9}) : reencoded);
    const date = new Date(Date.UTC(2030, 0, 1 + index));
    utimesSync(join(to, name), date, date);
    changes.push(`${path} → ${name} (BOM, ${crlf ? "LF" : "CRLF"})`);
  });
  return changes;
}

/** Builds every published file from `sources` in a child process with the given TZ. */
async function publish(sources: string, out: string, tz: string): Promise<void> {
  await run(process.execPath, ["--import", "tsx", join(REPO_ROOT, "data-loaders/published.ts"), sources, out], {
    cwd: REPO_ROOT,
    env: {...process.env, TZ: tz},
    maxBuffer: 16 * 1024 * 1024
  });
}

/** What differs between two Arrow files, for the failure message: the first differing cell. */
function arrowDifference(a: Uint8Array, b: Uint8Array): string {
  const [x, y] = [tableFromIPC(a), tableFromIPC(b)];
  if (x.numRows !== y.numRows) return `${x.numRows} lignes contre ${y.numRows}`;
  for (const field of x.schema.fields) {
    const [u, v] = [x.getChild(field.name)!, y.getChild(field.name)!];
    for (let i = 0; i < x.numRows; i++)
      if (!Object.is(u.get(i), v.get(i))) return `ligne ${i}, ${field.name} : ${u.get(i)} contre ${v.get(i)}`;
  }
  return "mêmes valeurs, octets différents (métadonnées, dictionnaires ou ordre)";
}

function differences(name: string, a: Uint8Array, b: Uint8Array): string[] {
  if (Buffer.from(a).equals(Buffer.from(b))) return [];
  if (name.endsWith(".arrow")) return [`${name} : ${arrowDifference(a, b)}`];
  if (name.endsWith(".zip")) {
    const [x, y] = [unzipSync(a), unzipSync(b)];
    const members = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    const out = members.flatMap((m) =>
      !x[m] || !y[m] ? [`${name}/${m} : absent d'un côté`] : differences(`${name}/${m}`, x[m]!, y[m]!)
    );
    return out.length ? out : [`${name} : mêmes membres, octets de l'archive différents (dates, ordre)`];
  }
  return [`${name} : contenus différents`];
}

describe("the same data gives the same published bytes", () => {
  const root = tempDir("pilotage-repro-");
  const variant = join(root, "extractions");
  const [outA, outB] = [join(root, "a"), join(root, "b")];
  let changes: string[];

  beforeAll(async () => {
    changes = reencodedCopy(SAMPLE, variant);
    // Both sides at once (two processes): the sample in UTC, the copy 13 h 45 ahead of it.
    await Promise.all([publish(SAMPLE, outA, "UTC"), publish(variant, outB, "Pacific/Chatham")]);
  }, 600_000);

  it("the copy differs from the sample in encoding only, file by file", () => {
    expect(changes.length).toBe(filesUnder(SAMPLE).length);
    expect(filesUnder(variant)).not.toEqual(filesUnder(SAMPLE));
  });

  it("publishes every loader of docs/data/, and nothing else", () => {
    const loaders = readdirSync(join(REPO_ROOT, "docs/data"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(PUBLISHED_FILES).sort()).toEqual(loaders);
  });

  it("every published data file is byte-identical (territory archive, qualite.json and dictionary included)", () => {
    const diffs = Object.keys(PUBLISHED_FILES).flatMap((name) =>
      differences(name, readFileSync(join(outA, name)), readFileSync(join(outB, name)))
    );
    expect(diffs.slice(0, 20)).toEqual([]);
    // The archive holds a file per territory and theme dataset: it was compared member by member.
    const members = Object.keys(unzipSync(readFileSync(join(outA, "territoires.zip"))));
    expect(members.length).toBeGreaterThan(1000);
  });

  it("publishes no build time: qualite.json names extractions and dates from the data only", () => {
    const quality = JSON.parse(readFileSync(join(outA, "qualite.json"), "utf8"));
    expect(quality).not.toHaveProperty("generatedAt");
    expect(quality.referenceDate).toBe("2026-01-15");
    expect(quality.files.every((f: {file: string}) => !f.file.endsWith(".gz"))).toBe(true);
    const archive = readFileSync(join(outA, "territoires.zip"));
    // Local file header: DOS time at byte 10, date at byte 12, of the first member.
    const [time, date] = [archive.readUInt16LE(10), archive.readUInt16LE(12)];
    expect({year: 1980 + (date >> 9), month: (date >> 5) & 15, day: date & 31, hour: time >> 11}).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 12
    });
  });
});
