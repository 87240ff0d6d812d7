// The stable open-data files of the built site (dist/donnees/, written by `pnpm build`), read
// back: both CSV flavours, Arrow and Parquet equal the datasets the site's pages read
// (dist/_file/data/<jeu>.<hash>.arrow), with exactly their masks; the catalogue lists each
// dataset with its dictionary and its files.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {csvParseRows, dsvFormat} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import {readParquet, shownDigits, tableCells, type Cell, type OpenDataDataset} from "@pilotage/build/open-data";

const DONNEES = "dist/donnees";
let dictionary: {datasets: OpenDataDataset[]; disclosureThreshold: number};
let catalogue: {"dcat:dataset": Record<string, any>[]; "dct:license": {"@id": string}};

beforeAll(() => {
  if (!existsSync(join(DONNEES, "catalogue.json")))
    throw new Error("dist/donnees/ est absent : lancer `pnpm build` avant ces tests.");
  dictionary = JSON.parse(readFileSync(join(DONNEES, "dictionnaire.json"), "utf8"));
  catalogue = JSON.parse(readFileSync(join(DONNEES, "catalogue.json"), "utf8"));
});

/** The Arrow file the site's pages read for a dataset (its hashed name). */
function siteFile(name: string): Buffer {
  const dir = "dist/_file/data";
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.arrow$`).test(f));
  if (!file) throw new Error(`Le site ne publie pas ${name}.arrow`);
  return readFileSync(join(dir, file));
}

const names = (): string[] => dictionary.datasets.map((d) => d.name);

describe("stable open data", () => {
  it("lists every published dataset of the dictionary in the catalogue, with its dictionary and files", () => {
    expect(catalogue["dct:license"]["@id"]).toBe("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
    const listed = catalogue["dcat:dataset"].map((d) => d["dct:identifier"]);
    expect(listed).toEqual(names());
    expect(listed).toContain("salaries");
    for (const entry of catalogue["dcat:dataset"]) {
      const name = entry["dct:identifier"];
      const ownDictionary = JSON.parse(readFileSync(join(DONNEES, entry["dct:conformsTo"]["@id"]), "utf8"));
      expect(ownDictionary).toEqual(dictionary.datasets.find((d) => d.name === name));
      expect(entry["dct:modified"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const files = entry["dcat:distribution"].map((d: any) => d["dcat:downloadURL"]["@id"]);
      expect(files).toEqual([
        `${name}.csv`,
        `${name}-tableur.csv`,
        `${name}.arrow`,
        `${name}.parquet`,
        `${name}.dictionnaire.json`
      ]);
      for (const file of files) expect(existsSync(join(DONNEES, file))).toBe(true);
    }
  });

  it.each([
    ["structures"],
    ["etp"],
    ["salaries"],
    ["parcours"],
    ["sorties"],
    ["candidatures"],
    ["candidatures-taux"],
    ["prescripteurs"],
    ["pass-iae"],
    ["postes-tension"],
    ["etp-mensuel"],
    ["salaries-ensemble"]
  ])(
    "%s: Arrow, both CSV and Parquet read back equal the site's dataset",
    async (name) => {
      const spec = dictionary.datasets.find((d) => d.name === name)!;
      expect(spec).toBeDefined();
      const site = siteFile(name);
      // Arrow: the very bytes of the site.
      expect(Buffer.compare(readFileSync(join(DONNEES, `${name}.arrow`)), site)).toBe(0);
      const table = tableFromIPC(site);
      const header = table.schema.fields.map((f) => f.name);
      const expected = tableCells(table);
      const text = (v: Cell) => (v == null ? "" : String(v));

      // Standard CSV: comma, decimal point, every digit.
      const standard = csvParseRows(readFileSync(join(DONNEES, `${name}.csv`), "utf8").trimEnd());
      expect(standard[0]).toEqual(header);
      expect(standard.slice(1)).toEqual(expected.map((r) => r.map(text)));

      // Spreadsheet CSV: BOM, semicolon, decimal comma, rounded as shown, oui/non.
      const raw = readFileSync(join(DONNEES, `${name}-tableur.csv`), "utf8");
      expect(raw.startsWith("\ufeff")).toBe(true);
      const french = dsvFormat(";").parseRows(raw.slice(1).trimEnd());
      expect(french[0]).toEqual(header);
      const digits = spec.columns.map((c) => shownDigits(c.unit));
      expect(french.slice(1).length).toBe(expected.length);
      french.slice(1).forEach((row, i) => {
        row.forEach((cell, j) => {
          const v = expected[i]![j]!;
          if (v == null) expect(cell).toBe("");
          else if (typeof v === "boolean") expect(cell).toBe(v ? "oui" : "non");
          else if (typeof v === "number") {
            expect(cell).not.toContain(".");
            expect(Math.abs(Number(cell.replace(",", ".")) - v)).toBeLessThanOrEqual(0.5 * 10 ** -digits[j]! + 1e-9);
          } else expect(cell).toBe(String(v));
        });
      });

      // Parquet, read by DuckDB: same rows, same nulls.
      const parquet = await readParquet(join(DONNEES, `${name}.parquet`));
      expect(parquet.columns).toEqual(header);
      expect(parquet.rows).toEqual(expected);
    },
    60_000
  );

  it("publishes exactly the site's masks: no people count under the threshold, no column outside the dictionary", () => {
    for (const spec of dictionary.datasets) {
      const table = tableFromIPC(readFileSync(join(DONNEES, `${spec.name}.arrow`)));
      expect(table.schema.fields.map((f) => f.name)).toEqual(spec.columns.map((c) => c.name));
      const people = (spec.columns as readonly (OpenDataDataset["columns"][number] & {counts?: string})[]).filter(
        (c) => c.role === "figure" && c.counts === "people" && c.type === "int32"
      );
      for (const column of people) {
        const values = table.getChild(column.name)!.toArray() as ArrayLike<number | null>;
        const secret = table.getChild(`${column.name}_secret`);
        for (let i = 0; i < table.numRows; i++) {
          const v = table.getChild(column.name)!.get(i);
          if (v != null)
            expect(v === 0 || v >= dictionary.disclosureThreshold, `${spec.name}.${column.name} = ${v}`).toBe(true);
          if (secret?.get(i)) expect(v).toBeNull();
        }
        expect(values.length).toBe(table.numRows);
      }
    }
  });

  it("slices each territory for the embeds: Arrow, and JSON cut to what an embedded chart shows", () => {
    for (const [folder, niveau, territoire, above] of [
      ["france", "national", "FR", []],
      ["regions/84", "région", "84", ["national"]],
      ["departements/2A", "département", "2A", ["région", "national"]]
    ] as const) {
      const arrow = tableFromIPC(readFileSync(join(DONNEES, "territoires", folder, "etp.arrow")));
      const json = JSON.parse(readFileSync(join(DONNEES, "territoires", folder, "etp.json"), "utf8"));
      expect(json.referenceDate).toBe(arrow.schema.metadata.get("reference_date"));
      const own = (r: {niveau: string; territoire: string}) => r.niveau === niveau && r.territoire === territoire;
      const rows = arrow.toArray().map((r) => r.toJSON());
      // All the territory's own rows, months included, the same values.
      expect(json.rows.filter(own)).toEqual(
        rows
          .filter(own)
          .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])))
      );
      expect(json.rows.some((r: {periode: string}) => /^\d{4}-\d{2}$/.test(r.periode))).toBe(true);
      // Beside them, only the levels above, at the latest year.
      const latest = rows
        .map((r) => String(r.periode))
        .filter((p) => /^\d{4}$/.test(p))
        .sort()
        .at(-1);
      for (const r of json.rows.filter((r: {niveau: string; territoire: string}) => !own(r))) {
        expect(above).toContain(r.niveau);
        expect(r.periode).toBe(latest);
      }
    }
  });
});
