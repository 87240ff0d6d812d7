import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {describeSources, resolveSources} from "./config.ts";
import {tempDir} from "./test-fixtures.ts";

describe("resolveSources", () => {
  it("takes PILOTAGE_SOURCES first, relative to the repo root", () => {
    const root = tempDir();
    expect(resolveSources({PILOTAGE_SOURCES: "data/extracts", DATABASE_URL: "postgres://x@h/db"}, {root})).toEqual({
      kind: "folder",
      folder: join(root, "data/extracts"),
      origin: "env"
    });
  });

  it("then the config file at the repo root", () => {
    const root = tempDir();
    writeFileSync(join(root, "pilotage.config.json"), JSON.stringify({sources: "/srv/fluxiae"}));
    expect(resolveSources({}, {root})).toEqual({kind: "folder", folder: "/srv/fluxiae", origin: "config-file"});
  });

  it("then DATABASE_URL, with the schema defaulting to public", () => {
    const root = tempDir();
    expect(resolveSources({DATABASE_URL: "postgres://u:secret@h/db"}, {root})).toEqual({
      kind: "warehouse",
      url: "postgres://u:secret@h/db",
      schema: "public"
    });
    const config = resolveSources({DATABASE_URL: "postgres://u:secret@h/db", PILOTAGE_PG_SCHEMA: "pilotage"}, {root});
    expect(config).toMatchObject({schema: "pilotage"});
    expect(describeSources(config)).not.toContain("secret");
  });

  it("falls back to the embedded sample, even before it exists", () => {
    const root = tempDir();
    mkdirSync(join(root, "packages"), {recursive: true});
    expect(resolveSources({}, {root})).toEqual({
      kind: "folder",
      folder: join(root, "packages/synth/sample"),
      origin: "sample"
    });
  });

  it("rejects an unreadable config file", () => {
    const root = tempDir();
    writeFileSync(join(root, "pilotage.config.json"), "{not json");
    expect(() => resolveSources({}, {root})).toThrow(/configuration illisible/);
  });
});
