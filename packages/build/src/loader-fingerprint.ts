// Framework re-runs a data loader in preview only when the loader file is newer than its
// cached output, and `observable build` reuses any cached output, however stale: a change
// in a module the loader imports, in the staged input data or in the configuration goes
// unseen. We fingerprint each loader (its whole local import graph, the lockfile, the
// staged input hash) and, when the fingerprint changed, delete its cached output (and the
// members extracted from it, for an archive) and set the loader file's modification time
// to now, so that both the build and the preview run it again.
import {createHash} from "node:crypto";
import {mkdir, readFile, readdir, rm, utimes, writeFile} from "node:fs/promises";
import {join, relative} from "node:path";
import * as esbuild from "esbuild";

/** A data loader as Framework sees it: `docs/**\/name.ext.ts`. */
const LOADER = /\.[a-z0-9]+\.ts$/i;
const NOT_LOADER = /\.(test|d|spec)\.ts$/i;

export async function findLoaders(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (LOADER.test(entry.name) && !NOT_LOADER.test(entry.name)) found.push(path);
    }
  }
  await walk(root);
  return found.sort();
}

/**
 * Every local file the loader imports, transitively, workspace packages (`@pilotage/*`)
 * included; npm packages are covered by the lockfile instead.
 */
export async function localImports(loader: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [loader],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
    plugins: [
      {
        name: "external-npm",
        setup(build) {
          // Bare specifiers are npm packages, except our own workspace packages.
          build.onResolve({filter: /^[^./]/}, (args) =>
            args.path.startsWith("@pilotage/") ? undefined : {path: args.path, external: true}
          );
        }
      }
    ]
  });
  return Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes("node_modules/.pnpm"))
    .sort();
}

export interface FingerprintInputs {
  /** Hash of the staged input data (changes when the sources change). */
  readonly inputHash: string;
  /** Files whose content affects every loader (lockfile, configuration). */
  readonly sharedFiles: readonly string[];
}

export async function fingerprint(loader: string, inputs: FingerprintInputs): Promise<string> {
  const hash = createHash("sha256").update(inputs.inputHash);
  for (const file of [...inputs.sharedFiles, ...(await localImports(loader))]) {
    hash
      .update(file)
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  }
  return hash.digest("hex");
}

export interface InvalidationResult {
  readonly stale: string[];
  readonly fresh: string[];
}

/**
 * Compares each loader's fingerprint with the one recorded at the previous build and
 * marks the changed ones stale. The record lives in Framework's cache folder, so that
 * clearing the cache clears it too.
 */
export async function invalidateLoaders(root: string, inputs: FingerprintInputs): Promise<InvalidationResult> {
  const recordPath = join(root, ".observablehq", "cache", "pilotage-fingerprints.json");
  const previous: Record<string, string> = await readFile(recordPath, "utf8")
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => ({}));
  const next: Record<string, string> = {};
  const stale: string[] = [];
  const fresh: string[] = [];
  const now = new Date();
  for (const loader of await findLoaders(root)) {
    const key = relative(root, loader);
    next[key] = await fingerprint(loader, inputs);
    if (previous[key] === next[key]) fresh.push(key);
    else {
      stale.push(key);
      await forgetOutput(root, key);
      await utimes(loader, now, now);
    }
  }
  await mkdir(join(root, ".observablehq", "cache"), {recursive: true});
  await writeFile(recordPath, JSON.stringify(next, null, 2) + "\n");
  return {stale, fresh};
}

const ARCHIVE = /\.(zip|tar|tgz|tar\.gz)$/;

/** Deletes a loader's cached output, and the files Framework extracted from it if it is an archive. */
async function forgetOutput(root: string, loaderKey: string): Promise<void> {
  const output = join(root, ".observablehq", "cache", loaderKey.replace(/\.ts$/, ""));
  await rm(output, {force: true});
  if (ARCHIVE.test(output)) await rm(output.replace(ARCHIVE, ""), {recursive: true, force: true});
}
