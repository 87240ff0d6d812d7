// What a source file really holds, whatever its name says: ASP drops have held `.csv.gz`
// files that were zip archives (domain.md). The first bytes decide: gzip (1F 8B), zip
// (50 4B 03 04), plain text (no NUL byte), or none of these — refused as such,
// never as "truncated". A zip is read with fflate, streamed: its one CSV member is written
// to a temporary plain file that DuckDB then scans like any other (memory stays flat).
import {closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Unzip, UnzipInflate} from "fflate";
import {SourceError} from "./errors.ts";

export type ContentKind = "gzip" | "zip" | "text" | "other";

/** The kind of content of a file, from its first 4 KB. */
export function sniffContent(path: string): ContentKind {
  const fd = openSync(path, "r");
  const head = Buffer.alloc(4096);
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  if (n >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return "gzip";
  if (n >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  // Text: no NUL byte (an undecodable byte in a text file is diagnosed later, at its line).
  return bytes.includes(0) ? "other" : "text";
}

/** A source file ready for DuckDB: the path to scan and its compression. */
export interface ReadableSource {
  readonly path: string;
  readonly compression: "gzip" | "none";
  /** Deletes the temporary copy, if one was made. */
  cleanup(): void;
}

/**
 * Opens a source file by its content. `display` names the file in errors; a zip's CSV
 * member goes to a temporary folder under `tempRoot` (deleted by `cleanup`).
 * @throws SourceError `not_an_archive` (neither gzip, zip nor text), `zip_content` (no
 * single CSV member, or a broken archive).
 */
export async function openSource(path: string, display: string, tempRoot = tmpdir()): Promise<ReadableSource> {
  const kind = sniffContent(path);
  if (kind === "gzip") return {path, compression: "gzip", cleanup() {}};
  if (kind === "text") return {path, compression: "none", cleanup() {}};
  if (kind === "other")
    throw new SourceError({file: display, line: null, column: null, value: null, reason: "not_an_archive"});
  mkdirSync(tempRoot, {recursive: true});
  const dir = mkdtempSync(join(tempRoot, "zip-"));
  const out = join(dir, "member.csv");
  try {
    await extractCsvMember(path, out, display);
  } catch (e) {
    rmSync(dir, {recursive: true, force: true});
    throw e;
  }
  return {path: out, compression: "none", cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/** Writes the one `.csv` member of the zip at `path` to `out`, streamed. */
async function extractCsvMember(path: string, out: string, display: string): Promise<void> {
  const refuse = (detail: string) =>
    new SourceError({file: display, line: null, column: null, value: null, reason: "zip_content", detail});
  const fd = openSync(out, "w");
  const members: string[] = [];
  // Set from fflate's callbacks.
  const state: {failure: unknown; finished: boolean} = {failure: null, finished: false};
  try {
    const unzip = new Unzip();
    unzip.register(UnzipInflate);
    unzip.onfile = (file) => {
      if (file.name.endsWith("/") || !/\.csv$/i.test(file.name) || file.name.startsWith("__MACOSX/")) return;
      members.push(file.name);
      if (members.length > 1) return;
      file.ondata = (err, chunk, final) => {
        if (err) state.failure = err;
        else {
          writeSync(fd, chunk);
          if (final) state.finished = true;
        }
      };
      file.start();
    };
    for await (const chunk of createReadStream(path, {highWaterMark: 1 << 20}) as AsyncIterable<Buffer>) {
      unzip.push(chunk);
      if (state.failure) break;
    }
    if (!state.failure) unzip.push(new Uint8Array(0), true);
  } catch (e) {
    state.failure = e;
  } finally {
    closeSync(fd);
  }
  if (members.length !== 1) throw refuse(`membres CSV trouvés : ${members.length}`);
  if (state.failure || !state.finished)
    // fflate's own words ("Error: invalid zip data") are English and say no more than this.
    throw refuse("archive zip illisible ou coupée avant la fin");
}
