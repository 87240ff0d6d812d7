// Small readers of what the generator writes, for the tests and for inspecting a sample.
// (The real, validating readers belong to @pilotage/sources.)
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";

export interface FluxFile {
  readonly deb: string;
  readonly header: string[];
  readonly rows: string[][];
  readonly fin: string;
  /** Raw text, after gunzip. */
  readonly text: string;
}

export function readFlux(path: string): FluxFile {
  const text = gunzipSync(readFileSync(path)).toString("utf8");
  const lines = text.split("\r\n");
  if (lines.pop() !== "") throw new Error(`${path}: last line is not terminated by CRLF`);
  const deb = lines[0] ?? "";
  const header = (lines[1] ?? "").split("|");
  const fin = lines[lines.length - 1] ?? "";
  const rows = lines.slice(2, -1).map((l) => l.split("|"));
  return {deb, header, rows, fin, text};
}

/** Rows as objects keyed by column name ("" for null). */
export function fluxRecords(file: FluxFile): Record<string, string>[] {
  return file.rows.map((r) => Object.fromEntries(file.header.map((h, i) => [h, r[i] ?? ""])));
}

/** RFC 4180 parser (as PostgreSQL writes CSV): returns the rows with a flag for quoted fields. */
export function parseCsv(text: string): {value: string; quoted: boolean}[][] {
  const rows: {value: string; quoted: boolean}[][] = [];
  let row: {value: string; quoted: boolean}[] = [];
  let i = 0;
  while (i < text.length) {
    let value = "";
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) throw new Error("unterminated quoted field");
        value += text.slice(i, j);
        if (text[j + 1] === '"') {
          value += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\n") value += text[i++];
    }
    row.push({value, quoted});
    if (text[i] === ",") i++;
    else if (text[i] === "\n" || i >= text.length) {
      rows.push(row);
      row = [];
      i++;
    } else throw new Error(`unexpected character after field at ${i}`);
  }
  return rows;
}

/** CSV rows as objects; a null (empty unquoted field) becomes null, "" stays "". */
export function readCsvRecords(path: string): Record<string, string | null>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  if (!header) return [];
  return rows.map((r) =>
    Object.fromEntries(header.map((h, i) => [h.value, r[i] && (r[i].quoted || r[i].value !== "") ? r[i].value : null]))
  );
}
