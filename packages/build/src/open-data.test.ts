import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {DateDay, Float64, Int32, Utf8, Bool, makeVector, Table, tableToIPC, vectorFromArray} from "apache-arrow";
import {zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {publishOpenData, sliceJson, spreadsheetCsv, standardCsv, tableCells, type OpenDataColumn} from "./open-data.ts";

const COLUMNS: OpenDataColumn[] = [
  {name: "territoire_libelle", role: "dimension", type: "dictionary", label: "Nom du territoire"},
  {name: "date_reference", role: "dimension", type: "date", label: "Date"},
  {name: "nb_salaries", role: "figure", type: "int32", label: "Salariés", unit: "personnes"},
  {name: "nb_salaries_secret", role: "secret", type: "bool", label: "Masqué"},
  {name: "part_salaries", role: "figure", type: "float64", label: "Part", unit: "%"},
  {name: "etp_realises", role: "figure", type: "float64", label: "ETP", unit: "ETP"},
  {name: "montant_aide", role: "figure", type: "float64", label: "Aide", unit: "€"}
];

/** A small table as the loaders write it: text, a date, a count with its flag, decimals. */
function sample(): Table {
  return new Table({
    territoire_libelle: vectorFromArray(["Ain", "Côtes-d'Armor; Bretagne", "Aisne"], new Utf8()),
    date_reference: vectorFromArray([new Date("2026-01-15"), new Date("2026-01-15"), null], new DateDay()),
    nb_salaries: makeVector({
      type: new Int32(),
      data: new Int32Array([1852, 0, 0]),
      nullCount: 1,
      nullBitmap: new Uint8Array([0b011])
    }),
    nb_salaries_secret: vectorFromArray([false, false, true], new Bool()),
    part_salaries: vectorFromArray([0.4287037037037037, 0, null], new Float64()),
    etp_realises: vectorFromArray([1010.6899353720323, -0.04, null], new Float64()),
    montant_aide: vectorFromArray([23916831.12000003, 12.5, null], new Float64())
  });
}

describe("open-data CSV flavours", () => {
  const table = sample();
  const rows = tableCells(table);

  it("reads cells plainly: dates as AAAA-MM-JJ, nulls as null", () => {
    expect(rows[0]).toEqual([
      "Ain",
      "2026-01-15",
      1852,
      false,
      0.4287037037037037,
      1010.6899353720323,
      23916831.12000003
    ]);
    expect(rows[2]).toEqual(["Aisne", null, null, true, null, null, null]);
  });

  it("writes the standard CSV with commas, decimal points and every digit", () => {
    expect(
      standardCsv(
        COLUMNS.map((c) => c.name),
        rows
      )
    ).toBe(
      "territoire_libelle,date_reference,nb_salaries,nb_salaries_secret,part_salaries,etp_realises,montant_aide\n" +
        "Ain,2026-01-15,1852,false,0.4287037037037037,1010.6899353720323,23916831.12000003\n" +
        "Côtes-d'Armor; Bretagne,2026-01-15,0,false,0,-0.04,12.5\n" +
        "Aisne,,,true,,,\n"
    );
  });

  it("writes the spreadsheet CSV: BOM, semicolons, decimal comma, rounded as the site shows, oui/non", () => {
    expect(spreadsheetCsv(COLUMNS, rows)).toBe(
      "\ufeffterritoire_libelle;date_reference;nb_salaries;nb_salaries_secret;part_salaries;etp_realises;montant_aide\n" +
        "Ain;2026-01-15;1852;non;0,429;1010,7;23916831\n" +
        `"Côtes-d'Armor; Bretagne";2026-01-15;0;non;0;0;13\n` +
        "Aisne;;;oui;;;\n"
    );
  });
});

describe("publishOpenData", () => {
  it("writes every file at a stable name, a Parquet that DuckDB reads back, and a DCAT catalogue", async () => {
    const dir = mkdtempSync(join(tmpdir(), "donnees-"));
    const dataDir = join(dir, "cache");
    mkdirSync(dataDir);
    const bytes = tableToIPC(sample(), "file");
    writeFileSync(join(dataDir, "salaries.arrow"), bytes);
    const dataset = {
      name: "salaries",
      file: "salaries.arrow",
      title: "Salariés",
      description: "Essai",
      referenceDate: "2026-01-15",
      columns: COLUMNS
    };
    writeFileSync(
      join(dataDir, "dictionnaire.json"),
      JSON.stringify({disclosureThreshold: 11, datasets: [dataset], markdown: "…"})
    );
    writeFileSync(join(dataDir, "territoires.zip"), zipSync({"france/salaries.arrow": bytes}));
    // (the sample has no niveau column: the JSON slice keeps no row; sliceJson is tested below)
    const outDir = join(dir, "donnees");
    const files = await publishOpenData({dataDir, outDir, siteUrl: "https://exemple.fr/iae"});
    expect(files.sort()).toEqual(
      [
        "catalogue.json",
        "dictionnaire.json",
        "salaries-tableur.csv",
        "salaries.arrow",
        "salaries.csv",
        "salaries.dictionnaire.json",
        "salaries.parquet",
        "territoires/france/salaries.arrow",
        "territoires/france/salaries.json"
      ].sort()
    );
    expect(Buffer.compare(readFileSync(join(outDir, "salaries.arrow")), Buffer.from(bytes))).toBe(0);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const result = await connection.runAndReadAll(
      `SELECT territoire_libelle, nb_salaries, nb_salaries_secret, montant_aide FROM '${join(outDir, "salaries.parquet")}'`
    );
    expect(result.getRowsJS()).toEqual([
      ["Ain", 1852, false, 23916831.12000003],
      ["Côtes-d'Armor; Bretagne", 0, false, 12.5],
      ["Aisne", null, true, null]
    ]);
    connection.closeSync();
    instance.closeSync();
    const catalogue = JSON.parse(readFileSync(join(outDir, "catalogue.json"), "utf8"));
    expect(catalogue["@type"]).toBe("dcat:Catalog");
    expect(catalogue["dct:license"]["dct:title"]).toBe("Licence Ouverte / Open Licence version 2.0");
    const entry = catalogue["dcat:dataset"][0];
    expect(entry["dct:modified"]).toBe("2026-01-15");
    expect(entry["dct:conformsTo"]["@id"]).toBe("https://exemple.fr/iae/donnees/salaries.dictionnaire.json");
    expect(entry["dcat:distribution"][1]["dcat:downloadURL"]["@id"]).toBe(
      "https://exemple.fr/iae/donnees/salaries-tableur.csv"
    );
    const slice = JSON.parse(readFileSync(join(outDir, "territoires/france/salaries.json"), "utf8"));
    expect(slice).toEqual({referenceDate: "", rows: []});
  });

  it("refuses, in French, a dataset whose published file is missing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "donnees-"));
    writeFileSync(
      join(dataDir, "dictionnaire.json"),
      JSON.stringify({datasets: [{name: "etp", file: "etp.arrow", columns: []}]})
    );
    await expect(publishOpenData({dataDir, outDir: join(dataDir, "out")})).rejects.toThrow(
      /fichier publié absent pour « etp »/
    );
  });
});

describe("sliceJson", () => {
  const rows = [
    ["national", "FR", "2024", 100],
    ["national", "FR", "2025", 110],
    ["région", "84", "2024", 40],
    ["région", "84", "2025", 44],
    ["région", "84", "2025-03", 4],
    ["département", "01", "2025", 12],
    ["département", "01", "2025-03", null]
  ];
  const bytes = tableToIPC(
    new Table({
      niveau: vectorFromArray(
        rows.map((r) => r[0] as string),
        new Utf8()
      ),
      territoire: vectorFromArray(
        rows.map((r) => r[1] as string),
        new Utf8()
      ),
      periode: vectorFromArray(
        rows.map((r) => r[2] as string),
        new Utf8()
      ),
      nb: vectorFromArray(
        rows.map((r) => r[3] as number | null),
        new Int32()
      )
    }),
    "file"
  );
  const kept = (folder: string) =>
    JSON.parse(sliceJson(bytes, folder)).rows.map(
      (r: Record<string, unknown>) => `${r.niveau} ${r.territoire} ${r.periode}`
    );

  it("keeps a territory's own rows and the latest year of the levels above it", () => {
    expect(kept("regions/84")).toEqual(["national FR 2025", "région 84 2024", "région 84 2025", "région 84 2025-03"]);
    expect(kept("departements/01")).toEqual([
      "national FR 2025",
      "région 84 2025",
      "département 01 2025",
      "département 01 2025-03"
    ]);
    expect(kept("france")).toEqual(["national FR 2024", "national FR 2025"]);
  });

  it("keeps a masked value as null", () => {
    expect(JSON.parse(sliceJson(bytes, "departements/01")).rows.at(-1).nb).toBeNull();
  });

  it("refuses, in French, a folder that is not a territory", () => {
    expect(() => sliceJson(bytes, "ailleurs")).toThrow(/dossier de territoire inattendu/);
  });
});
