// Every dataset computed on a folder as the administration really delivers it (domain.md,
// "Sources"): the sample generated with the real drops' quirks (`pnpm synth --quirks`: a
// Structure `.csv.gz` that is a zip, identical duplicate statements, commune codes without
// their leading zero or with a blank, people under two salarie_id), the real headers of
// every view with the Structure contact columns, and without the optional PASS suspensions
// table. Nothing is refused, the quality report says what was met, and the fluxIAE figures
// are those of the same generation without quirks: nothing counted twice, nothing misplaced.
import {readFileSync, rmSync} from "node:fs";
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {openDuckDb, recordingEffects, stage, type StageResult} from "@pilotage/sources";
import {generate} from "@pilotage/synth";
import {expectSameRows} from "@pilotage/indicators/testing/fluxiae-fixture";
import {tempDir} from "@pilotage/sources/testing";
import {THEME_DATASETS} from "./registry.ts";
import type {Computed} from "./lib/sample-datasets.ts";
import {publishFolder} from "./published.ts";
import {publishOpenData} from "@pilotage/build/open-data";

const FLUXIAE_DATASETS = ["structures", "etp", "salaries", "parcours", "sorties"];

async function stageAndCompute(quirks: boolean): Promise<{staged: StageResult; datasets: Record<string, Computed>}> {
  const folder = await mkdtemp(join(tmpdir(), "pilotage-real-"));
  await generate({scale: "sample", seed: 1, out: folder, quirks});
  if (quirks) rmSync(join(folder, "emplois", "suspensions_pass.csv"));
  const staged = await stage(
    {sources: {kind: "folder", folder, origin: "env"}, cacheDir: tempDir()},
    recordingEffects()
  );
  const engine = await openDuckDb(staged.dbPath!, {readOnly: true});
  try {
    const datasets: Record<string, Computed> = {};
    for (const d of THEME_DATASETS) datasets[d.name] = await d.compute({engine, referenceDate: staged.referenceDate!});
    return {staged, datasets};
  } finally {
    await engine.close();
  }
}

describe("a folder as the administration really delivers it", () => {
  let real: Awaited<ReturnType<typeof stageAndCompute>>;
  let plain: Awaited<ReturnType<typeof stageAndCompute>>;
  beforeAll(async () => {
    real = await stageAndCompute(true);
    plain = await stageAndCompute(false);
  }, 600_000);

  it("is staged without a refusal, the quality report saying what was met", () => {
    const q = real.staged.quality;
    const file = (table: string) => q.files.find((f) => f.table === table)!;
    expect(file("emi").duplicatesDropped).toBeGreaterThan(0);
    expect(file("structure").contactColumns).toEqual([
      "structure_adresse_admin_telephone",
      "structure_adresse_mail_corresp_technique",
      "structure_adresse_nom_corresp_technique",
      "structure_adresse_prenom_corresp_technique"
    ]);
    // The emplois platform's own columns: names of organisations and counsellors left unread,
    // the sex and birth year read from the NIR accepted (not read: no indicator needs them).
    expect(file("candidatures").contactColumns).toEqual([
      "nom_structure",
      "nom_département_structure",
      "nom_org_prescripteur",
      "nom_prénom_conseiller"
    ]);
    expect(file("candidats").unreadColumns).toEqual(
      expect.arrayContaining(["sexe_selon_nir", "annee_naissance_selon_nir"])
    );
    expect(q.codes.find((c) => c.table === "structure")!.normalised).toBeGreaterThan(0);
    expect(q.codes.every((c) => c.unknown === 0)).toBe(true);
    expect(q.missingTables.map((m) => m.table)).toEqual(["suspensions_pass"]);
    // The same generation without quirks has none of it.
    expect(plain.staged.quality.files.every((f) => f.duplicatesDropped === 0)).toBe(true);
    expect(plain.staged.quality.missingTables).toEqual([]);
  });

  it("computes every dataset, the PASS suspended removed", () => {
    for (const d of THEME_DATASETS) expect(real.datasets[d.name]!.rows.length, d.name).toBeGreaterThan(100);
    const pass = real.datasets["pass-iae"]!;
    expect(pass.spec.columns.map((c) => c.name)).not.toContain("pass_suspendus");
  });

  it.each(FLUXIAE_DATASETS)("gives %s the figures of the same data delivered without quirks", (name) => {
    expectSameRows(real.datasets[name]!.rows, plain.datasets[name]!.rows, name);
  });
});

// The build publishes open data from the loaders' files checked against the data dictionary:
// without the optional PASS suspensions table, pass-iae has no pass_suspendus column, and
// its dictionary entry must say the same, or the build stops after the loaders have run.
describe("a folder without the optional PASS suspensions table, published as open data", () => {
  let out: string;
  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), "pilotage-real-"));
    await generate({scale: "sample", seed: 1, out: folder, quirks: true});
    rmSync(join(folder, "emplois", "suspensions_pass.csv"));
    out = tempDir();
    await publishFolder(folder, join(out, ".cache"), out);
    await publishOpenData({dataDir: out, outDir: join(out, "donnees")});
  }, 600_000);

  it("declares in the dictionary the columns it publishes, the note on the missing table included", () => {
    const entry = JSON.parse(readFileSync(join(out, "donnees", "pass-iae.dictionnaire.json"), "utf8"));
    const names = entry.columns.map((c: {name: string}) => c.name);
    expect(names).not.toContain("pass_suspendus");
    expect(entry.description).toContain("La table des suspensions de PASS (facultative) est absente des sources");
    const header = readFileSync(join(out, "donnees", "pass-iae.csv"), "utf8")
      .split("\n")[0]!
      .split(",");
    expect(header).toEqual(names);
  });
});
