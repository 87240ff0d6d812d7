// Stable open data. Framework names the files it publishes with a hash of their content,
// which changes at every build; open-data users need addresses that last. After the build,
// every published dataset is also written under `dist/donnees/`, from the very bytes the site
// publishes (so with exactly its masks):
//   <jeu>.arrow            the Arrow file of the site, unchanged
//   <jeu>.csv              CSV for tools: comma, decimal point, UTF-8, every digit
//   <jeu>-tableur.csv      CSV that French spreadsheet software opens directly: semicolon,
//                          decimal comma, values rounded as the site shows them, UTF-8 with BOM
//   <jeu>.parquet          Parquet (written by DuckDB)
//   <jeu>.dictionnaire.json  the dataset's entry of the data dictionary
//   dictionnaire.json      the whole data dictionary
//   catalogue.json         DCAT catalogue (JSON-LD), as data.gouv.fr harvests it
//   territoires/…          each territory's slice of the theme datasets (Arrow), which the
//                          embeds read (`france/`, `regions/<code>/`, `departements/<code>/`)
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {DataType, tableFromIPC, type Table} from "apache-arrow";
import {csvFormatRows, dsvFormat} from "d3-dsv";
import {unzipSync} from "fflate";

/** Licence of every published file: Licence Ouverte / Open Licence 2.0 (Etalab). */
export const LICENCE = {
  title: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  spdx: "etalab-2.0"
} as const;

/** A column of the data dictionary (the fields this module reads). */
export interface OpenDataColumn {
  readonly name: string;
  readonly role: "dimension" | "figure" | "secret";
  readonly type: "dictionary" | "date" | "int32" | "float64" | "bool";
  readonly label: string;
  readonly unit?: string;
}

/** A dataset of the data dictionary (the fields this module reads). */
export interface OpenDataDataset {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly referenceDate: string;
  readonly levels?: readonly string[];
  readonly periods?: readonly string[];
  readonly columns: readonly OpenDataColumn[];
}

/** A cell as the CSV files write it: text, number, yes/no, or empty (null). */
export type Cell = string | number | boolean | null;

/** Rows of an Arrow table as plain cells: dates as `AAAA-MM-JJ`, 64-bit integers as numbers. */
export function tableCells(table: Table): Cell[][] {
  const fields = table.schema.fields;
  const columns = fields.map((f) => table.getChild(f.name)!);
  const rows: Cell[][] = [];
  for (let i = 0; i < table.numRows; i++) {
    rows.push(
      columns.map((column, j) => {
        const v = column.get(i);
        if (v == null) return null;
        if (DataType.isDate(fields[j]!.type)) return new Date(Number(v)).toISOString().slice(0, 10);
        if (typeof v === "bigint") return Number(v);
        return v as Cell;
      })
    );
  }
  return rows;
}

/** CSV for tools: comma, decimal point, every digit, `true`/`false`, empty cell for null. */
export function standardCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return csvFormatRows([[...header], ...rows.map((r) => r.map((v) => (v == null ? "" : String(v))))]) + "\n";
}

/**
 * Digits a value keeps in the spreadsheet CSV: as the site writes it (docs/components/format.ts):
 * a rate (unit "%", a ratio) to the tenth of a percent, euros to the euro, anything else to
 * one decimal at most.
 */
export function shownDigits(unit: string | undefined): number {
  if (unit === "%") return 3;
  if (unit === "€") return 0;
  return 1;
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** The spreadsheet CSV: UTF-8 BOM, semicolon, decimal comma, values rounded as shown, `oui`/`non`. */
export function spreadsheetCsv(columns: readonly OpenDataColumn[], rows: readonly Cell[][]): string {
  const digits = columns.map((c) => shownDigits(c.unit));
  const cells = rows.map((r) =>
    r.map((v, j) => {
      if (v == null) return "";
      if (typeof v === "boolean") return v ? "oui" : "non";
      if (typeof v === "number") return String(round(v, digits[j]!)).replace(".", ",");
      return v;
    })
  );
  return "\ufeff" + dsvFormat(";").formatRows([columns.map((c) => c.name), ...cells]) + "\n";
}

const SQL_TYPES: Record<OpenDataColumn["type"], string> = {
  dictionary: "VARCHAR",
  date: "DATE",
  int32: "INTEGER",
  float64: "DOUBLE",
  bool: "BOOLEAN"
};

/** Writes a Parquet file from the standard CSV, every column typed as the dictionary declares it. */
async function writeParquet(csvPath: string, columns: readonly OpenDataColumn[], out: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = await instance.connect();
  try {
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const types = columns.map((c) => `${quote(c.name)}: ${quote(SQL_TYPES[c.type])}`).join(", ");
    await connection.run(
      `COPY (SELECT * FROM read_csv(${quote(csvPath)}, header = true, delim = ',', quote = '"', ` +
        `nullstr = '', columns = {${types}})) TO ${quote(out)} (FORMAT parquet, COMPRESSION zstd)`
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The territory of an archive folder: "france", "regions/84", "departements/75". */
function folderTerritory(folder: string): {niveau: string; territoire: string} {
  if (folder === "france") return {niveau: "national", territoire: "FR"};
  const [kind, code] = folder.split("/");
  if (!code || (kind !== "regions" && kind !== "departements"))
    throw new Error(`Données ouvertes : dossier de territoire inattendu dans l'archive : « ${folder} ».`);
  return {niveau: kind === "regions" ? "région" : "département", territoire: code};
}

/**
 * A territory slice as the embeds read it, `{referenceDate, rows: [{column: value}]}`, cut to
 * what an embedded chart of that territory shows: all the territory's own rows (months
 * included), and the rows of the levels above it for the latest year only (the key figures'
 * comparison). A région's départements are left out (the Arrow slice keeps them).
 */
export function sliceJson(bytes: Uint8Array, folder: string): string {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const self = folderTerritory(folder);
  const above = new Set(
    self.niveau === "département" ? ["région", "national"] : self.niveau === "région" ? ["national"] : []
  );
  const all = tableCells(table).map((cells) => Object.fromEntries(cells.map((v, i) => [names[i], v])));
  const years = all.map((r) => String(r.periode ?? "")).filter((p) => /^\d{4}$/.test(p));
  const latest = years.sort().at(-1);
  const rows = all.filter(
    (r) =>
      (r.niveau === self.niveau && r.territoire === self.territoire) ||
      (above.has(String(r.niveau)) && r.periode === latest)
  );
  return JSON.stringify({referenceDate: table.schema.metadata.get("reference_date") ?? "", rows});
}

/**
 * Reads a Parquet file back with DuckDB (to check what was written): column names and rows,
 * values as the CSV writes them (dates `AAAA-MM-JJ`, null → null).
 */
export async function readParquet(path: string): Promise<{columns: string[]; rows: Cell[][]}> {
  const instance = await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = await instance.connect();
  try {
    const result = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`);
    const rows = result.getRowsJS().map((r) =>
      r.map((v): Cell => {
        if (v == null) return null;
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === "bigint") return Number(v);
        if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
        return String(v);
      })
    );
    return {columns: result.columnNames(), rows};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function datasetOf(dictionary: {datasets: OpenDataDataset[]}, name: string): OpenDataDataset {
  const d = dictionary.datasets.find((x) => x.name === name);
  if (!d) throw new Error(`Jeu de données « ${name} » absent du dictionnaire.`);
  return d;
}

/** The DCAT catalogue (JSON-LD) of the published datasets; `siteUrl` makes its addresses absolute. */
export function catalogue(
  datasets: readonly OpenDataDataset[],
  sizes: ReadonlyMap<string, number>,
  siteUrl = ""
): Record<string, unknown> {
  const at = (file: string) => (siteUrl ? new URL(`donnees/${file}`, siteUrl.replace(/\/?$/, "/")).href : file);
  const modified = datasets
    .map((d) => d.referenceDate)
    .sort()
    .at(-1);
  const distribution = (file: string, title: string, mediaType: string, format: string) => ({
    "@type": "dcat:Distribution",
    "dct:title": title,
    "dcat:downloadURL": {"@id": at(file)},
    "dcat:accessURL": {"@id": at(file)},
    "dcat:mediaType": mediaType,
    "dct:format": format,
    "dcat:byteSize": sizes.get(file),
    "dct:license": {"@id": LICENCE.url}
  });
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      xsd: "http://www.w3.org/2001/XMLSchema#"
    },
    "@id": at("catalogue.json"),
    "@type": "dcat:Catalog",
    "dct:title": "Pilotage de l'inclusion dans l'emploi : données ouvertes de l'IAE",
    "dct:description":
      "Chiffres de l'insertion par l'activité économique (structures, salariés, candidatures, PASS IAE, " +
      "financements) par territoire et par période, sous secret statistique : tout effectif de moins de " +
      "11 personnes est masqué, ainsi que les valeurs qui permettraient de le retrouver.",
    "dct:language": "fr",
    "dct:license": {"@id": LICENCE.url, "dct:title": LICENCE.title, "dct:identifier": LICENCE.spdx},
    "dct:modified": modified,
    "dcat:dataset": datasets.map((d) => ({
      "@id": at(d.name),
      "@type": "dcat:Dataset",
      "dct:identifier": d.name,
      "dct:title": d.title,
      "dct:description": d.description,
      "dct:language": "fr",
      "dct:license": {"@id": LICENCE.url, "dct:title": LICENCE.title},
      "dct:modified": d.referenceDate,
      "dct:spatial": "France (national, régions, départements)",
      "dcat:keyword": ["insertion par l'activité économique", "IAE", "SIAE", ...(d.levels ?? [])],
      "dct:conformsTo": {"@id": at(`${d.name}.dictionnaire.json`), "dct:title": "Dictionnaire des données"},
      "dcat:distribution": [
        distribution(`${d.name}.csv`, "CSV (virgule, point décimal)", "text/csv", "CSV"),
        distribution(
          `${d.name}-tableur.csv`,
          "CSV pour tableur (point-virgule, virgule décimale, valeurs arrondies comme sur le site)",
          "text/csv",
          "CSV"
        ),
        distribution(
          `${d.name}.arrow`,
          "Apache Arrow (format fichier IPC)",
          "application/vnd.apache.arrow.file",
          "Arrow"
        ),
        distribution(`${d.name}.parquet`, "Apache Parquet", "application/vnd.apache.parquet", "Parquet"),
        distribution(`${d.name}.dictionnaire.json`, "Dictionnaire des données (JSON)", "application/json", "JSON")
      ]
    }))
  };
}

export interface OpenDataOptions {
  /** Folder of the loaders' outputs: `docs/.observablehq/cache/data`. */
  readonly dataDir: string;
  /** Where to write: `dist/donnees`. Emptied first. */
  readonly outDir: string;
  /** Public address of the site, for absolute URLs in the catalogue (optional). */
  readonly siteUrl?: string;
}

/**
 * Writes the stable open-data files (see the head of this file) from the published Arrow
 * files and the data dictionary. Returns the paths written, relative to `outDir`.
 * Throws (in French) when the dictionary or a dataset's file is missing, or when a file's
 * columns differ from its dictionary entry.
 */
export async function publishOpenData({dataDir, outDir, siteUrl}: OpenDataOptions): Promise<string[]> {
  const dictionaryPath = join(dataDir, "dictionnaire.json");
  let dictionary: {datasets: OpenDataDataset[]; markdown?: string};
  try {
    dictionary = JSON.parse(readFileSync(dictionaryPath, "utf8"));
  } catch (error) {
    throw new Error(`Données ouvertes : dictionnaire illisible (${dictionaryPath}) : ${(error as Error).message}`);
  }
  rmSync(outDir, {recursive: true, force: true});
  mkdirSync(outDir, {recursive: true});
  const written: string[] = [];
  const sizes = new Map<string, number>();
  const write = (file: string, content: string | Uint8Array) => {
    const path = join(outDir, file);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, content);
    written.push(file);
    sizes.set(file, statSync(path).size);
  };
  for (const d of dictionary.datasets) {
    const source = join(dataDir, d.file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(source);
    } catch {
      throw new Error(`Données ouvertes : fichier publié absent pour « ${d.name} » (${source}).`);
    }
    const table = tableFromIPC(bytes);
    const names = table.schema.fields.map((f) => f.name);
    const declared = d.columns.map((c) => c.name);
    if (names.join() !== declared.join())
      throw new Error(
        `Données ouvertes : les colonnes de ${source} (${names.join(", ")}) diffèrent du dictionnaire (${declared.join(", ")}).`
      );
    const rows = tableCells(table);
    write(`${d.name}.arrow`, bytes);
    write(`${d.name}.csv`, standardCsv(names, rows));
    write(`${d.name}-tableur.csv`, spreadsheetCsv(d.columns, rows));
    await writeParquet(join(outDir, `${d.name}.csv`), d.columns, join(outDir, `${d.name}.parquet`));
    written.push(`${d.name}.parquet`);
    sizes.set(`${d.name}.parquet`, statSync(join(outDir, `${d.name}.parquet`)).size);
    write(`${d.name}.dictionnaire.json`, JSON.stringify(datasetOf(dictionary, d.name), null, 2) + "\n");
  }
  const {markdown: _markdown, ...machine} = dictionary;
  write("dictionnaire.json", JSON.stringify(machine, null, 2) + "\n");
  write("catalogue.json", JSON.stringify(catalogue(dictionary.datasets, sizes, siteUrl), null, 2) + "\n");
  // Each territory's slices, for the embeds (and for whoever wants one territory only).
  const archive = join(dataDir, "territoires.zip");
  for (const [name, content] of Object.entries(unzipSync(readFileSync(archive)))) {
    if (name.endsWith("/")) continue;
    write(`territoires/${name}`, content);
    // The same slice as JSON rows, which the embeds read without an Arrow reader.
    if (name.endsWith(".arrow"))
      write(`territoires/${name.replace(/\.arrow$/, ".json")}`, sliceJson(content, dirname(name)));
  }
  return written;
}
