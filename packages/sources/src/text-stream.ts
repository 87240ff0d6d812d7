// Cheap streaming checks in JS, next to DuckDB's bulk scan: the first lines of a file
// (DEB, header), and, only when DuckDB has reported a problem, a byte-level pass that
// finds the exact line of an undecodable byte or of the end of a cut-short gzip.
// Memory stays flat: one chunk and one line at a time.
import {createReadStream} from "node:fs";
import {createGunzip} from "node:zlib";
import type {Readable} from "node:stream";
import {sniffContent} from "./archive.ts";

/** The file's bytes, gunzipped when its content is gzip (whatever its name says). */
function openBytes(path: string): Readable {
  const raw = createReadStream(path, {highWaterMark: 1 << 20});
  if (sniffContent(path) !== "gzip") return raw;
  const gunzip = createGunzip();
  raw.on("error", (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

const BOM = "\uFEFF";

/** The first `count` lines (BOM and CR removed); fewer if the file is shorter. */
export async function readHead(path: string, count: number): Promise<string[]> {
  const stream = openBytes(path);
  const lines: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = Buffer.concat([pending, chunk]);
      let nl: number;
      while (lines.length < count && (nl = pending.indexOf(0x0a)) >= 0) {
        lines.push(pending.subarray(0, nl).toString("utf8"));
        pending = pending.subarray(nl + 1);
      }
      if (lines.length >= count) break;
    }
  } catch {
    // A broken file is diagnosed later by `diagnose`; the head is what could be read.
  } finally {
    stream.destroy();
  }
  if (lines.length < count && pending.length) lines.push(pending.toString("utf8"));
  return lines.map((l, i) => (i === 0 && l.startsWith(BOM) ? l.slice(1) : l).replace(/\r$/, ""));
}

export type Diagnosis =
  | {readonly kind: "gzip_cut"; readonly line: number}
  | {readonly kind: "invalid_utf8"; readonly line: number}
  | {readonly kind: "ok"; readonly lines: number; readonly lastLine: string};

/**
 * Reads the whole file once, line by line as bytes: the first line that is not valid
 * UTF-8, or the line where a gzip stream stops short. `lastLine` is the last non-empty line.
 */
export async function diagnose(path: string): Promise<Diagnosis> {
  const decoder = new TextDecoder("utf-8", {fatal: true});
  let line = 0;
  let pending: Buffer = Buffer.alloc(0);
  let lastLine = "";
  const check = (bytes: Buffer): boolean => {
    line++;
    try {
      const text = decoder.decode(bytes);
      if (text.trim()) lastLine = text.replace(/\r$/, "");
      return true;
    } catch {
      return false;
    }
  };
  const stream = openBytes(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      let nl: number;
      while ((nl = pending.indexOf(0x0a, start)) >= 0) {
        if (!check(pending.subarray(start, nl))) return {kind: "invalid_utf8", line};
        start = nl + 1;
      }
      pending = Buffer.from(pending.subarray(start));
    }
  } catch {
    // zlib: "unexpected end of file" — the data stops within (or after) the current line.
    return {kind: "gzip_cut", line: line + 1};
  } finally {
    stream.destroy();
  }
  if (pending.length && !check(pending)) return {kind: "invalid_utf8", line};
  return {kind: "ok", lines: line, lastLine};
}

/**
 * File line (1-based) where CSV record `recordIndex` starts (0 = the header), following
 * RFC 4180 quoting: a quoted field may hold newlines, so records and lines differ.
 */
export async function lineOfCsvRecord(path: string, recordIndex: number): Promise<number> {
  let line = 1;
  let record = 0;
  let inQuotes = false;
  const stream = openBytes(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const byte of chunk) {
        if (record === recordIndex) return line;
        if (byte === 0x22)
          inQuotes = !inQuotes; // "" inside quotes toggles twice: same state
        else if (byte === 0x0a) {
          line++;
          if (!inQuotes) record++;
        }
      }
    }
  } finally {
    stream.destroy();
  }
  return line;
}

/** Where a record breaks the header's field count (see {@link firstRecordWithMoreFields}). */
export interface FieldCountProblem {
  /** First file line of the record. */
  readonly line: number;
  /** Fields of the record; null when a quote opened in it is never closed. */
  readonly fields: number | null;
}

/**
 * The first record, starting on line `fromLine` or later, with more fields than `expected`
 * (split on `separator`; `quoted`: RFC 4180 quotes, as in the emplois CSV — a quoted field
 * may hold separators and newlines), or whose quote is never closed; null when none.
 * fluxIAE has no quoting: a stray `|` in a value adds a field. Only counts are returned:
 * the record's values are never read into a message.
 */
export async function firstRecordWithMoreFields(
  path: string,
  expected: number,
  {fromLine = 1, separator = 0x7c, quoted = false}: {fromLine?: number; separator?: number; quoted?: boolean} = {}
): Promise<FieldCountProblem | null> {
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let inQuotes = false;
  const stream = openBytes(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const byte of chunk) {
        if (quoted && byte === 0x22) inQuotes = !inQuotes;
        else if (byte === separator && !inQuotes) fields++;
        else if (byte === 0x0a) {
          line++;
          if (inQuotes) continue;
          if (recordLine >= fromLine && fields > expected) return {line: recordLine, fields};
          recordLine = line;
          fields = 1;
        }
      }
    }
  } finally {
    stream.destroy();
  }
  if (inQuotes) return {line: recordLine, fields: null};
  return recordLine >= fromLine && fields > expected ? {line: recordLine, fields} : null;
}
