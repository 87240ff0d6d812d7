// The output folder guard: reports are never written inside a dist/ folder, whether the path
// names it or a symbolic link leads into it, nor in the repository outside its git-ignored reports/.
import {mkdirSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {tempDir} from "@pilotage/sources/testing";
import {checkOutputDir, OptionError, shownFolder} from "./produce.ts";

describe("checkOutputDir", () => {
  const dir = tempDir("pilotage-reports-out-");
  mkdirSync(join(dir, "dist"));
  symlinkSync(join(dir, "dist"), join(dir, "lien"));

  it("accepts a folder outside dist/, existing or not, and returns it absolute", () => {
    expect(checkOutputDir(join(dir, "rapports", "2025"))).toBe(join(dir, "rapports", "2025"));
  });

  it("refuses a folder in dist/ named by its path", () => {
    expect(() => checkOutputDir(join(dir, "dist", "x"))).toThrow(OptionError);
    expect(() => checkOutputDir(join(dir, "x", "..", "dist"))).toThrow("dist/");
  });

  it("refuses a folder reached through a symbolic link into dist/", () => {
    expect(() => checkOutputDir(join(dir, "lien", "x"))).toThrow(OptionError);
    expect(() => checkOutputDir(join(dir, "lien"))).toThrow("dist/");
  });

  it("refuses, in French, a file where the folder or one of its parents should be", () => {
    writeFileSync(join(dir, "fichier"), "");
    expect(() => checkOutputDir(join(dir, "fichier"))).toThrow("n'est pas un dossier");
    expect(() => checkOutputDir(join(dir, "fichier", "x"))).toThrow(OptionError);
  });

  it("inside the repository, accepts reports/ only (git ignores it; « --sortie . » wrote into the root)", () => {
    const repo = join(dir, "depot");
    mkdirSync(join(repo, "docs"), {recursive: true});
    expect(checkOutputDir(join(repo, "reports"), repo)).toBe(join(repo, "reports"));
    expect(checkOutputDir(join(repo, "reports", "2025"), repo)).toBe(join(repo, "reports", "2025"));
    for (const inside of [repo, join(repo, "docs"), join(repo, "rapports"), join(repo, "reports-2025")])
      expect(() => checkOutputDir(inside, repo), inside).toThrow("est dans le dépôt, hors de reports/");
    expect(checkOutputDir(join(dir, "ailleurs"), repo)).toBe(join(dir, "ailleurs"));
  });

  it("names a folder from the repository root inside it, in full outside", () => {
    expect(shownFolder(join(dir, "depot", "reports"), join(dir, "depot"))).toBe("reports/");
    expect(shownFolder(join(dir, "ailleurs"), join(dir, "depot"))).toBe(`${join(dir, "ailleurs")}/`);
  });
});
