// The pages of the site, as Framework itself lists them from the configuration:
// the pages in `pages`, every Markdown page under docs/, and the dynamic paths.
import {existsSync, readFileSync} from "node:fs";
import {readConfig} from "@observablehq/framework/dist/config.js";

export async function sitePaths(): Promise<string[]> {
  // Reads observablehq.config.ts from the working directory (the repository root).
  const config = await readConfig();
  const paths: string[] = [];
  for await (const path of config.paths()) if (!isDraft(config.root, path)) paths.push(path);
  return paths.sort();
}

/** The URL of a page path as the site links it ("/index" → "/", "/etp" → "/etp.html": no clean URLs). */
export function pageUrl(base: string, path: string): string {
  return base + (path === "/index" ? "/" : path.replace(/\/index$/, "/") + (path.endsWith("/index") ? "" : ".html"));
}

/** A Markdown file marked `draft: true` (developers' notes under docs/) is not built. */
export function isDraft(root: string, path: string): boolean {
  const file = `${root}${path}.md`;
  if (!existsSync(file)) return false;
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, "utf8"));
  return !!front && /^draft:\s*true\s*$/m.test(front[1]!);
}
