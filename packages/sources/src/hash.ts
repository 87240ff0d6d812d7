// The staging key: a fingerprint of the input files, cheap enough to take on every run.
// Per file: its name relative to the sources folder, size, modification time, and the
// first and last 64 KiB of its bytes (the DEB line with its extraction time-stamp, the
// header, and the FIN line with its row count). A full content hash would read gigabytes
// on each build; this one misses only an edit in the middle of a file that keeps size
// and mtime, which copying or re-extracting does not do. STAGING_VERSION is part of the
// key so that a change in how sources are staged restages them.
import {createHash} from "node:crypto";
import {openSync, readSync, closeSync, statSync} from "node:fs";

export const STAGING_VERSION = "sources-staging-2";
const EDGE = 64 * 1024;

export function fingerprint(
  files: readonly {readonly name: string; readonly path: string}[],
  extra: readonly string[] = []
): string {
  const hash = createHash("sha256").update(STAGING_VERSION);
  for (const e of extra) hash.update(`\0${e}`);
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const st = statSync(file.path);
    hash.update(`\0${file.name}\0${st.size}\0${Math.floor(st.mtimeMs)}\0`);
    const fd = openSync(file.path, "r");
    try {
      const head = Buffer.alloc(Math.min(EDGE, st.size));
      readSync(fd, head, 0, head.length, 0);
      hash.update(head);
      if (st.size > EDGE) {
        const tail = Buffer.alloc(Math.min(EDGE, st.size - EDGE));
        readSync(fd, tail, 0, tail.length, st.size - tail.length);
        hash.update(tail);
      }
    } finally {
      closeSync(fd);
    }
  }
  return hash.digest("hex");
}
