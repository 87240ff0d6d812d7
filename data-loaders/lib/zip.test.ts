import {execFileSync} from "node:child_process";
import {join} from "node:path";
import {unzipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {publicationDate} from "@pilotage/indicators";
import {REPO_ROOT} from "@pilotage/sources";
import {stableZip} from "./zip.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

/** The archive made in a separate process with the given TZ (hex, to cross the process boundary). */
function zipInZone(tz: string): string {
  const script =
    `import {stableZip} from ${JSON.stringify(join(REPO_ROOT, "data-loaders/lib/zip.ts"))};` +
    `const e = (t) => new TextEncoder().encode(t);` +
    `process.stdout.write(Buffer.from(stableZip({"b/x.arrow": e("b"), "a/y.arrow": e("a")}, new Date("2026-01-15T00:00:00Z"))).toString("hex"));`;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: {...process.env, TZ: tz},
    encoding: "utf8"
  });
}

describe("stableZip", () => {
  it("gives the same bytes for the same members, whatever their order and the time of the build", async () => {
    const date = new Date("2026-01-15T00:00:00Z");
    const first = stableZip({"b/x.arrow": bytes("b"), "a/y.arrow": bytes("a")}, date);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times count in 2 s steps
    const second = stableZip({"a/y.arrow": bytes("a"), "b/x.arrow": bytes("b")}, date);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Object.keys(unzipSync(first))).toEqual(["a/y.arrow", "b/x.arrow"]);
  });

  it("writes the same date in every time zone (the day of the date, at noon)", () => {
    const zones = ["UTC", "Pacific/Chatham", "America/Santiago", "Pacific/Kiritimati", "America/Havana"];
    const archives = zones.map(zipInZone);
    expect(new Set(archives).size).toBe(1);
    const archive = Buffer.from(archives[0]!, "hex");
    const [time, day] = [archive.readUInt16LE(10), archive.readUInt16LE(12)];
    expect([1980 + (day >> 9), (day >> 5) & 15, day & 31, time >> 11, (time >> 5) & 63]).toEqual([2026, 1, 15, 12, 0]);
  });

  it("refuses a date a zip cannot hold", () => {
    expect(() => stableZip({}, new Date("1979-12-31T00:00:00Z"))).toThrow(/1980/);
  });
});

describe("publicationDate", () => {
  it("is the reference date of the data, at midnight UTC, by default", () => {
    expect(publicationDate("2026-01-15", {}).toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("is SOURCE_DATE_EPOCH when set", () => {
    expect(publicationDate("2026-01-15", {SOURCE_DATE_EPOCH: "1700000000"}).toISOString()).toBe(
      "2023-11-14T22:13:20.000Z"
    );
    expect(publicationDate("2026-01-15", {SOURCE_DATE_EPOCH: ""}).toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("refuses a SOURCE_DATE_EPOCH or a reference date it cannot read, in French", () => {
    expect(() => publicationDate("2026-01-15", {SOURCE_DATE_EPOCH: "demain"})).toThrow(
      /SOURCE_DATE_EPOCH vaut « demain »/
    );
    expect(() => publicationDate("15/01/2026", {})).toThrow(/« 15\/01\/2026 » n'est pas une date AAAA-MM-JJ/);
  });
});
