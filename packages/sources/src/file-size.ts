// The size of a source file's content, to order the work: the file size, or for a .gz the
// uncompressed size its gzip trailer records (ISIZE, the last 4 bytes: size modulo 2^32,
// exact below 4 GiB, which is plenty to tell big files from small ones).
import {closeSync, openSync, readSync, statSync} from "node:fs";

export function contentSize(path: string): number {
  const size = statSync(path).size;
  if (!path.endsWith(".gz") || size < 18) return size;
  const fd = openSync(path, "r");
  try {
    const trailer = Buffer.alloc(4);
    readSync(fd, trailer, 0, 4, size - 4);
    return trailer.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
}
