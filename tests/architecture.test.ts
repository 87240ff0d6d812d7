// The import graph of the workspace against its allowed dependencies (.dependency-cruiser.cjs):
// layers in one direction, no cycle (type-only imports included), packages entered through
// their exports only. Checked by dependency-cruiser on the real tree, and on a small tree
// holding one breach of each rule, which must be reported (a check that cannot fail proves
// nothing).
import {execFileSync} from "node:child_process";
import {createRequire} from "node:module";
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {describe, expect, it} from "vitest";
import {REPO_ROOT} from "@pilotage/sources";
import {tempDir} from "@pilotage/sources/testing";

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: {readonly name: string};
  readonly cycle?: readonly {readonly name: string}[];
}

const DEPCRUISE = join(REPO_ROOT, "node_modules/.bin/depcruise");

/** The violations dependency-cruiser finds under `root`, with the rules of `config`. */
function violations(root: string, config: string, paths: readonly string[]): Violation[] {
  let out: string;
  try {
    out = execFileSync(DEPCRUISE, ["--config", config, "--output-type", "json", ...paths], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024
    });
  } catch (error) {
    // Exit code > 0 when violations are found: the JSON is still on stdout.
    out = String((error as {stdout?: string}).stdout ?? "");
    if (!out.startsWith("{")) throw error;
  }
  return (JSON.parse(out) as {summary: {violations: Violation[]}}).summary.violations;
}

const show = (v: Violation) =>
  `${v.rule.name} : ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(" → ") : v.to}`;

// The French explanation of each rule (its `comment`), for the failure message.
const RULES = new Map<string, string>(
  (
    createRequire(import.meta.url)(join(REPO_ROOT, ".dependency-cruiser.cjs")) as {
      forbidden: {name: string; comment: string}[];
    }
  ).forbidden.map((r) => [r.name, r.comment])
);
const explained = (found: readonly Violation[]) =>
  found.map((v) => `${show(v)}\n    ${RULES.get(v.rule.name) ?? ""}`).join("\n");

describe("the workspace's import graph", () => {
  it("holds every rule: layers, no cycle, package entries", () => {
    const found = violations(REPO_ROOT, ".dependency-cruiser.cjs", [
      "packages",
      "data-loaders",
      "docs",
      "tests",
      "observablehq.config.ts",
      "vitest.config.ts"
    ]);
    expect(found.map(show), `imports interdits :\n${explained(found)}`).toEqual([]);
  });

  it("reports a breach of each rule on a tree made to break them", () => {
    const root = tempDir();
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), {recursive: true});
      writeFileSync(join(root, path), text);
    };
    const pkg = (name: string) =>
      file(
        `packages/${name}/package.json`,
        JSON.stringify({name: `@pilotage/${name}`, exports: {".": "./src/index.ts"}})
      );
    for (const name of ["sources", "indicators", "synth"]) pkg(name);
    file("tsconfig.json", JSON.stringify({compilerOptions: {allowImportingTsExtensions: true, noEmit: true}}));
    file(
      ".dependency-cruiser.cjs",
      `module.exports = require(${JSON.stringify(join(REPO_ROOT, ".dependency-cruiser.cjs"))}).configFor(__dirname);`
    );
    // sources → indicators: the wrong way.
    file("packages/sources/src/index.ts", `import {f} from "../../indicators/src/index.ts";\nexport const s = f;\n`);
    file("packages/sources/src/internal.ts", `export const i = 1;\n`);
    file("packages/indicators/src/index.ts", `export const f = 1;\n`);
    // A cycle made of type-only imports.
    file("packages/indicators/src/a.ts", `import type {B} from "./b.ts";\nexport type A = {b?: B};\n`);
    file("packages/indicators/src/b.ts", `import type {A} from "./a.ts";\nexport type B = {a?: A};\n`);
    // synth → indicators.
    file("packages/synth/src/index.ts", `import {f} from "../../indicators/src/index.ts";\nexport const g = f;\n`);
    // A loader into another package's src/, past its exports.
    file("data-loaders/x.ts", `import {i} from "../packages/sources/src/internal.ts";\nexport const x = i;\n`);
    // A path into a package past its exports, which no resolver finds.
    file("packages/synth/src/deep.ts", `import {i} from "@pilotage/sources/src/internal.ts";\nexport const d = i;\n`);
    // A chart that reads a source.
    file("docs/components/chart.ts", `import {s} from "../../packages/sources/src/index.ts";\nexport const c = s;\n`);

    const found = violations(root, ".dependency-cruiser.cjs", ["packages", "data-loaders", "docs"]).map(show);
    expect(found).toEqual(
      expect.arrayContaining([
        "sources-are-first : packages/sources/src/index.ts → packages/indicators/src/index.ts",
        expect.stringMatching(/^no-circular : packages\/indicators\/src\/[ab]\.ts → /),
        "synth-knows-no-indicator : packages/synth/src/index.ts → packages/indicators/src/index.ts",
        "package-entry-only : data-loaders/x.ts → packages/sources/src/internal.ts",
        "charts-know-no-source : docs/components/chart.ts → packages/sources/src/index.ts",
        "not-to-unresolvable : packages/synth/src/deep.ts → @pilotage/sources/src/internal.ts"
      ])
    );
    // Entering through the exports is allowed: the chart's import is a layering breach only.
    expect(found.filter((v) => v.startsWith("package-entry-only : docs/"))).toEqual([]);
  });
});
