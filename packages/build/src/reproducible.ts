// After Framework's build: the one thing in dist/ that depends on when the build ran.
// Each page registers the files it attaches with their modification time
// (`registerFile("…", {…, "lastModified": 1796091570070.4, …})`), and a data file's time is
// when its loader happened to write it: two builds of the same data gave pages that differed
// by those numbers alone. They are set to the publication date instead (SOURCE_DATE_EPOCH
// when set, else the data's reference date), as for every other published date.
import {readFile, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

const LAST_MODIFIED = /(registerFile\("[^"\n]*", \{[^\n]*?"lastModified":)(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/g;

/** `html` with the modification time of every attached file set to `date` (milliseconds since 1970). */
export function stampAttachments(html: string, date: Date): string {
  return html.replace(LAST_MODIFIED, (_match, head: string) => `${head}${date.getTime()}`);
}

/**
 * Rewrites every `.html` file under `distDir` with {@link stampAttachments}; returns how
 * many files changed. Throws what the file system throws (a missing dist/).
 */
export async function stampDist(distDir: string, date: Date): Promise<number> {
  let changed = 0;
  for (const entry of await readdir(distDir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const html = await readFile(path, "utf8");
    const stamped = stampAttachments(html, date);
    if (stamped !== html) {
      await writeFile(path, stamped);
      changed++;
    }
  }
  return changed;
}
