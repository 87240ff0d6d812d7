// Format checks on the real bytes of a freshly generated sample.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {EMPLOIS_TABLES, FLUXIAE_TABLES, type ColumnSpec} from "@pilotage/sources";
import {beforeAll, describe, expect, it} from "vitest";
import {parseCsv, readCsvRecords} from "./read.ts";
import {freshSample, listFiles} from "./test-fixtures.ts";
import {extraColumnsOf} from "./views.ts";
import {formatCsvValue} from "./writers/emplois-csv.ts";

const FR_DATE = /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/(19|20)\d\d$/;
const FR_TIMESTAMP = /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/20\d\d ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const ISO_DATE = /^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkValue(col: ColumnSpec, value: string, family: "fluxiae" | "emplois"): string | null {
  if (value === "") return col.nullable === false ? `${col.name} is empty` : null;
  const ok = {
    integer: /^-?\d+$/.test(value),
    bigint: /^-?\d+$/.test(value),
    double: /^-?\d+(\.\d+)?$/.test(value),
    text: true,
    boolean: family === "fluxiae" ? value === "true" || value === "false" : value === "t" || value === "f",
    date: family === "fluxiae" ? FR_DATE.test(value) : ISO_DATE.test(value),
    timestamp: FR_TIMESTAMP.test(value)
  }[col.type];
  if (!ok) return `${col.name}: "${value}" is not a ${col.type}`;
  if (col.values && !col.values.includes(value)) return `${col.name}: "${value}" is not an accepted value`;
  return null;
}

describe("fluxIAE files", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = await freshSample();
    files = await listFiles(dir);
  });

  it("are named fluxIAE_<View>_<DDMMYYYY>_<HHMMSS>.csv.gz, one per view of the contract", () => {
    const flux = files.filter((f) => !f.includes("/"));
    expect(flux.every((f) => /^fluxIAE_[A-Za-z]+_15012026_061234\.csv\.gz$/.test(f))).toBe(true);
    expect(flux.map((f) => f.split("_")[1]).sort()).toEqual(FLUXIAE_TABLES.map((t) => t.source).sort());
  });

  it("are gzip with no timestamp and no file name in the header", () => {
    for (const spec of FLUXIAE_TABLES) {
      const bytes = readFileSync(join(dir, files.find((f) => f.startsWith(`fluxIAE_${spec.source}_`)) as string));
      expect([bytes[0], bytes[1], bytes[2]]).toEqual([0x1f, 0x8b, 8]);
      expect(bytes[3]).toBe(0); // FLG: no FNAME, no FCOMMENT, no FEXTRA
      expect(bytes.readUInt32LE(4)).toBe(0); // MTIME
    }
  });

  for (const spec of FLUXIAE_TABLES) {
    it(`${spec.source}: DEB, header, FIN, CRLF, separators and typed values`, () => {
      const name = files.find((f) => f.startsWith(`fluxIAE_${spec.source}_`)) as string;
      const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
      expect(text.endsWith("\r\n")).toBe(true);
      expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/); // CRLF only, no bare CR or LF
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const lines = text.slice(0, -2).split("\r\n");
      const header = (lines[1] as string).split("|");
      const width = header.length - 1;
      expect(lines[0]).toBe(`DEB${spec.source}15012026_061234${"|".repeat(width)}`);
      const rows = lines.slice(2, -1);
      expect(rows.length).toBeGreaterThan(0);
      expect(lines[lines.length - 1]).toBe(`FIN${rows.length}${"|".repeat(width)}`);
      for (const line of lines) expect(line.split("|").length - 1).toBe(width);
      // Every contract column, plus the extras the readers must ignore.
      for (const col of spec.columns) expect(header).toContain(col.name);
      for (const extra of extraColumnsOf(spec.source)) expect(header).toContain(extra);
      const problems = new Set<string>();
      for (const line of rows) {
        const values = line.split("|");
        for (const col of spec.columns) {
          const problem = checkValue(col, values[header.indexOf(col.name)] as string, "fluxiae");
          if (problem) problems.add(problem);
        }
        header.forEach((h, i) => {
          if (h.endsWith("_date_creation") && values[i] !== "" && !FR_TIMESTAMP.test(values[i] as string))
            problems.add(`${h}: ${values[i]}`);
        });
      }
      expect([...problems].slice(0, 5)).toEqual([]);
    });
  }
});

describe("emplois CSV files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(await freshSample(), "emplois");
  });

  it("quote exactly like PostgreSQL COPY CSV", () => {
    expect(formatCsvValue(null)).toBe("");
    expect(formatCsvValue("")).toBe('""');
    expect(formatCsvValue("a,b")).toBe('"a,b"');
    expect(formatCsvValue('Atelier "Les Jardins"')).toBe('"Atelier ""Les Jardins"""');
    expect(formatCsvValue("two\nlines")).toBe('"two\nlines"');
    expect(formatCsvValue("Candidature à l'étude")).toBe("Candidature à l'étude");
    expect(formatCsvValue(true)).toBe("t");
    expect(formatCsvValue(false)).toBe("f");
    expect(formatCsvValue(12.5)).toBe("12.5");
  });

  for (const spec of EMPLOIS_TABLES) {
    it(`${spec.source}.csv parses with its header, LF lines, quotes only where needed, typed values`, () => {
      const text = readFileSync(join(dir, `${spec.source}.csv`), "utf8");
      expect(text).not.toContain("\r");
      expect(text.endsWith("\n")).toBe(true);
      const [header, ...rows] = parseCsv(text);
      expect(header?.map((h) => h.value)).toEqual(spec.columns.map((c) => c.name));
      expect(rows.length).toBeGreaterThan(0);
      const problems = new Set<string>();
      for (const row of rows) {
        expect(row.length).toBe(spec.columns.length);
        row.forEach((field, i) => {
          const col = spec.columns[i] as ColumnSpec;
          if (field.quoted !== /[",\r\n]/.test(field.value) && field.value !== "")
            problems.add(`needless or missing quotes: ${field.value}`);
          const problem = checkValue(col, field.value, "emplois");
          if (problem) problems.add(problem);
        });
      }
      expect([...problems].slice(0, 5)).toEqual([]);
    });
  }

  it("round-trips names that hold commas and quotes", () => {
    const names = readCsvRecords(join(dir, "structures.csv")).map((r) => r.nom as string);
    expect(names.some((n) => n.includes(","))).toBe(true);
    expect(names.some((n) => n.includes('"'))).toBe(true);
    expect(names.some((n) => n.startsWith('Atelier "Les Jardins" '))).toBe(true);
  });
});
