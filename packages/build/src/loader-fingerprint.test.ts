import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {findLoaders, invalidateLoaders, localImports} from "./loader-fingerprint.ts";

// A small Framework root: two loaders, each importing its own module, sharing a third.
let root: string;
const write = async (path: string, text: string) => {
  await mkdir(join(root, path, ".."), {recursive: true});
  await writeFile(join(root, path), text);
};
const cached = (path: string) => join(root, ".observablehq", "cache", path);
const inputs = (inputHash = "donnees-v1") => ({inputHash, sharedFiles: [join(root, "lock.yaml")]});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "pilotage-fingerprint-"));
  await write("lock.yaml", "lock v1\n");
  await write("lib/shared.ts", "export const shared = 1;\n");
  await write("lib/a.ts", 'import {shared} from "./shared.ts";\nexport const a = shared + 1;\n');
  await write("lib/b.ts", 'import {shared} from "./shared.ts";\nexport const b = shared + 2;\n');
  await write("data/a.arrow.ts", 'import {a} from "../lib/a.ts";\nimport * as d3 from "d3";\nconsole.log(a, d3);\n');
  await write("data/b.zip.ts", 'import {b} from "../lib/b.ts";\nconsole.log(b);\n');
  await write("components/chart.ts", "export const notALoader = true;\n");
  await write("data/a.test.ts", "export {};\n");
  // Outputs of a previous build: a file, and an archive with a member extracted from it.
  await write(".observablehq/cache/data/a.arrow", "old");
  await write(".observablehq/cache/data/b.zip", "old");
  await write(".observablehq/cache/data/b/01.arrow", "old");
});

afterEach(() => rm(root, {recursive: true, force: true}));

describe("loader fingerprints", () => {
  it("finds loaders (name.ext.ts) and nothing else", async () => {
    expect((await findLoaders(root)).map((p) => p.slice(root.length + 1))).toEqual([
      "data/a.arrow.ts",
      "data/b.zip.ts"
    ]);
  });

  it("follows local imports transitively and leaves npm packages to the lockfile", async () => {
    const files = (await localImports(join(root, "data/a.arrow.ts"))).map((p) =>
      p.replace(/^.*pilotage-fingerprint-[^/]+\//, "")
    );
    expect(files).toEqual(["data/a.arrow.ts", "lib/a.ts", "lib/shared.ts"]);
  });

  it("a first build runs every loader and deletes stale outputs, archive members included", async () => {
    const result = await invalidateLoaders(root, inputs());
    expect(result.stale).toEqual(["data/a.arrow.ts", "data/b.zip.ts"]);
    expect(existsSync(cached("data/a.arrow"))).toBe(false);
    expect(existsSync(cached("data/b.zip"))).toBe(false);
    expect(existsSync(cached("data/b/01.arrow"))).toBe(false);
  });

  it("a second build with no change runs no loader and keeps the outputs", async () => {
    await invalidateLoaders(root, inputs());
    await write(".observablehq/cache/data/a.arrow", "new");
    const result = await invalidateLoaders(root, inputs());
    expect(result.stale).toEqual([]);
    expect(await readFile(cached("data/a.arrow"), "utf8")).toBe("new");
  });

  it("a change in a module one loader imports runs that loader only", async () => {
    await invalidateLoaders(root, inputs());
    await write("lib/a.ts", 'import {shared} from "./shared.ts";\nexport const a = shared + 10;\n');
    expect((await invalidateLoaders(root, inputs())).stale).toEqual(["data/a.arrow.ts"]);
  });

  it("a change in a shared module, the input data or the lockfile runs every loader", async () => {
    await invalidateLoaders(root, inputs());
    await write("lib/shared.ts", "export const shared = 2;\n");
    expect((await invalidateLoaders(root, inputs())).stale).toHaveLength(2);
    expect((await invalidateLoaders(root, inputs("donnees-v2"))).stale).toHaveLength(2);
    await write("lock.yaml", "lock v2\n");
    expect((await invalidateLoaders(root, inputs("donnees-v2"))).stale).toHaveLength(2);
  });
});

describe("files the loaders read at run time", () => {
  it("are the seeds and the SQL models, so that changing one re-runs every loader", async () => {
    const {readAtRunTime} = await import("./prepare.ts");
    const {SEEDS_DIR} = await import("@pilotage/sources");
    const {MODELS_DIR} = await import("@pilotage/indicators");
    const files = readAtRunTime();
    expect(files).toContain(join(SEEDS_DIR, "territoires.csv"));
    expect(files).toContain(join(SEEDS_DIR, "categories_sortie.csv"));
    expect(files).toContain(join(MODELS_DIR, "marts/structure/structure_etp.sql"));
    expect(files).toEqual([...files].sort());
    expect(files.every((f) => /\.(csv|sql|yml)$/.test(f))).toBe(true);
  });
});
