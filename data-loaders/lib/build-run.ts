// What the loaders of one build compute once. Each loader is a process of its own, and
// several need the same result: the applications cube (candidatures, candidatures-taux,
// prescripteurs) and every theme dataset (its own loader, then the territory archive).
// `pnpm build` names its run (PILOTAGE_BUILD_RUN, removing earlier runs' folders); the first
// loader leaves its result in `.cache/build-run/<run>/`, the others read it. Within one run,
// sources and code do not change, so nothing can be stale; without a run (tests, `pnpm dev`)
// everything is computed in place.
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {CACHE_DIR} from "./run.ts";
import {masksOff} from "./unmasked.ts";

/** Folder of the results shared by the loaders of one build. */
export const BUILD_RUN_DIR = join(CACHE_DIR, "build-run");

// Dates survive the round trip through JSON as {"$date": "…"}; other values are plain JSON.
const DATE_TAG = "$date";
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? {[DATE_TAG]: raw.toISOString()} : value;
}
function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === DATE_TAG) return new Date((value as Record<string, string>)[DATE_TAG]!);
  }
  return value;
}

/**
 * `compute()`, or the result an earlier loader of the same build left under `name` (a file
 * name: letters, digits, `-`, `_`, `.`). Results must be JSON data (dates allowed). Throws
 * what `compute` throws, or a file-system error other than "absent".
 */
export async function oncePerBuild<T>(name: string, compute: () => Promise<T>): Promise<T> {
  const run = process.env.PILOTAGE_BUILD_RUN;
  // Rows without disclosure control (lib/unmasked.ts) are never left where a loader reads them.
  if (masksOff()) return compute();
  if (!run || !/^[\w-]+$/.test(run) || !/^[\w.-]+$/.test(name)) return compute();
  const file = join(BUILD_RUN_DIR, run, `${name}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8"), reviver) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const text = JSON.stringify(await compute(), replacer);
  await mkdir(dirname(file), {recursive: true});
  // Written whole then renamed: a loader running beside never reads half a file.
  const partial = `${file}.${process.pid}.partiel`;
  await writeFile(partial, text);
  await rename(partial, file);
  // What the others will read (JSON has no -0 nor NaN): every file of the build gets the same values.
  return JSON.parse(text, reviver) as T;
}

// Results already asked for in this process, by engine then name (see oncePerProcess).
const asked = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `oncePerBuild(name, compute)`, asked once per engine in this process: datasets computed side
 * by side (the territory archive, etp reading salaries' masks) share one promise instead of
 * computing twice. A failed computation is forgotten, so that a later call tries again.
 */
export function oncePerProcess<T>(engine: object, name: string, compute: () => Promise<T>): Promise<T> {
  // Unmasked results (lib/unmasked.ts) are kept under a name of their own.
  if (masksOff()) name = `sans-masque-${name}`;
  let byName = asked.get(engine);
  if (!byName) asked.set(engine, (byName = new Map()));
  let result = byName.get(name) as Promise<T> | undefined;
  if (!result) {
    result = oncePerBuild(name, compute);
    byName.set(name, result);
    result.catch(() => byName.delete(name));
  }
  return result;
}
