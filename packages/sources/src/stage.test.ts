import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {SourceError} from "./errors.ts";
import {recordingEffects} from "./progress.ts";
import {openStaged, stage, type CurrentStaging} from "./stage.ts";
import {EMPLOIS, FLUXIAE, tempDir, writeFluxIae, writeSample} from "./test-fixtures.ts";
import {chooseNewest, listFluxIaeFiles} from "./fluxiae/files.ts";

const folderConfig = (folder: string, cacheDir: string) => ({
  sources: {kind: "folder" as const, folder, origin: "env" as const},
  cacheDir
});

describe("staging", () => {
  it("stages every table, reports orphans, freshness and the chosen files", async () => {
    const folder = writeSample(tempDir());
    // An older extraction of the statements, with other rows: must be ignored and reported.
    writeFluxIae(
      folder,
      "EtatMensuelIndiv",
      {header: FLUXIAE.EtatMensuelIndiv!.header, rows: []},
      {stamp: "01012026_080000"}
    );
    const cacheDir = tempDir();
    const effects = recordingEffects();
    const result = await stage(folderConfig(folder, cacheDir), effects);

    expect(result.reused).toBe(false);
    expect(result.referenceDate).toBe("2026-02-01");
    expect(result.quality.rowPolicy).toBe("refuse");
    expect(result.quality.files.find((f) => f.table === "emi")).toMatchObject({
      rows: 3,
      file: "fluxIAE_EtatMensuelIndiv_01022026_120000.csv.gz",
      extractedAt: "2026-02-01T12:00:00"
    });
    expect(result.quality.ignored).toEqual([
      {
        view: "EtatMensuelIndiv",
        file: "fluxIAE_EtatMensuelIndiv_01012026_080000.csv",
        extractedAt: "2026-01-01T08:00:00",
        supersededBy: "fluxIAE_EtatMensuelIndiv_01022026_120000.csv.gz"
      }
    ]);
    expect(effects.lines).toContain(
      "fluxIAE EtatMensuelIndiv : fluxIAE_EtatMensuelIndiv_01022026_120000.csv.gz retenu (le plus récent), ignoré(s) : fluxIAE_EtatMensuelIndiv_01012026_080000.csv"
    );

    const orphans = Object.fromEntries(result.quality.orphans.map((o) => [`${o.table}.${o.column}`, o.rows]));
    expect(orphans["emi.emi_afi_id"]).toBe(1);
    expect(orphans["fiches_de_poste.id_employeur"]).toBe(1);
    expect(orphans["contrat.contrat_id_pph"]).toBe(0);
    expect(orphans["candidatures.id_candidat"]).toBe(0);

    const current = JSON.parse(readFileSync(join(cacheDir, "staging", "current.json"), "utf8")) as CurrentStaging;
    expect(current.hash).toBe(result.hash);
    expect(current.dbPath).toBe(join(cacheDir, "staging", `${result.hash}.duckdb`));
    expect(current.files).toContain("emplois/pass_agréments.csv");
    expect(current.quality.orphans).toEqual(result.quality.orphans);
    // Nothing temporary left behind.
    expect(readdirSync(join(cacheDir, "staging")).filter((f) => f.includes(".tmp-"))).toEqual([]);

    const engine = await openStaged(cacheDir);
    try {
      expect(
        await engine.query(
          "SELECT af_id_annexe_financiere AS id, af_date_debut_effet AS d, af_etp_postes_insertion AS etp FROM annexe_financiere ORDER BY 1"
        )
      ).toEqual([
        {id: 10, d: "2025-01-01", etp: 12.5},
        {id: 11, d: "2025-01-01", etp: 3}
      ]);
      expect(
        await engine.query(
          "SELECT count(*) AS n, sum(emi_nb_heures_travail) AS h FROM emi WHERE emi_sme_mois = $1",
          [2]
        )
      ).toEqual([{n: 1, h: 120.5}]);
      expect(await engine.query(`SELECT id, "date_début" FROM pass_agrements`)).toEqual([
        {id: "p1", date_début: "2025-02-03"}
      ]);
    } finally {
      await engine.close();
    }
  });

  it("reuses the staging of the same inputs and restages when a file changes", async () => {
    const folder = writeSample(tempDir());
    const cacheDir = tempDir();
    const first = await stage(folderConfig(folder, cacheDir), recordingEffects());
    const dbStat = statSync(first.dbPath!);
    const effects = recordingEffects();
    const second = await stage(folderConfig(folder, cacheDir), effects);
    expect(second.reused).toBe(true);
    expect(second.hash).toBe(first.hash);
    expect(statSync(second.dbPath!).mtimeMs).toBe(dbStat.mtimeMs);
    expect(effects.lines.some((l) => l.includes("lignes en"))).toBe(false); // no file read

    // A newer extraction of one view → a new key.
    writeFluxIae(folder, "RefMontantIae", FLUXIAE.RefMontantIae!, {stamp: "02022026_120000"});
    const third = await stage(folderConfig(folder, cacheDir), recordingEffects());
    expect(third.reused).toBe(false);
    expect(third.hash).not.toBe(first.hash);
    expect(third.referenceDate).toBe("2026-02-02");
  });

  it("keeps the staging in use and the one used before it, and deletes older ones", async () => {
    const cacheDir = tempDir();
    const a = writeSample(tempDir());
    const b = writeSample(tempDir());
    writeFluxIae(b, "RefMontantIae", FLUXIAE.RefMontantIae!, {stamp: "02022026_120000"});
    const c = writeSample(tempDir());
    writeFluxIae(c, "RefMontantIae", FLUXIAE.RefMontantIae!, {stamp: "03022026_120000"});
    const stagings = () =>
      readdirSync(join(cacheDir, "staging"))
        .filter((f) => f.endsWith(".duckdb"))
        .sort();
    const first = await stage(folderConfig(a, cacheDir), recordingEffects());
    const second = await stage(folderConfig(b, cacheDir), recordingEffects());
    expect(stagings()).toEqual([first.hash, second.hash].map((h) => `${h}.duckdb`).sort());
    // Back to the first source: reused, and now the more recently used of the two.
    await new Promise((r) => setTimeout(r, 20));
    expect((await stage(folderConfig(a, cacheDir), recordingEffects())).reused).toBe(true);
    const third = await stage(folderConfig(c, cacheDir), recordingEffects());
    expect(stagings()).toEqual([first.hash, third.hash].map((h) => `${h}.duckdb`).sort());
    expect(existsSync(join(cacheDir, "staging", `${second.hash}.json`))).toBe(false);
  });

  it("refuses the whole build on a bad file and leaves no staging behind", async () => {
    const folder = writeSample(tempDir(), {
      fluxiae: {
        Salarie: {
          header: FLUXIAE.Salarie!.header,
          rows: [...FLUXIAE.Salarie!.rows, ["102", "", "MLLE", "1980", "13", "", "false"]]
        }
      }
    });
    const cacheDir = tempDir();
    const error = await stage(folderConfig(folder, cacheDir), recordingEffects()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({
      reason: "unknown_code",
      file: "fluxIAE_Salarie_01022026_120000.csv",
      line: 5,
      column: "salarie_rci_libelle",
      value: "MLLE"
    });
    expect(existsSync(join(cacheDir, "staging", "current.json"))).toBe(false);
    expect(readdirSync(join(cacheDir, "staging")).filter((f) => f.endsWith(".duckdb") || f.includes(".tmp-"))).toEqual(
      []
    );
  });

  it("stages files side by side, yet always reports the same refusal: the first bad file, largest first", async () => {
    // 30 000 applications (the largest file, read in many chunks) with a bad date near the
    // end, and a bad Salarie row: the applications' refusal is the one reported, every time,
    // with the line and the raw value read back from the file.
    const [first] = EMPLOIS.candidatures!.rows;
    const rows = Array.from({length: 30_000}, (_, i) => [`k${i}`, ...first!.slice(1)]);
    rows[29_990]![1] = "31/12/2025";
    const folder = writeSample(tempDir(), {
      emplois: {candidatures: {header: EMPLOIS.candidatures!.header, rows}},
      fluxiae: {
        Salarie: {
          header: FLUXIAE.Salarie!.header,
          rows: [...FLUXIAE.Salarie!.rows, ["102", "", "MLLE", "1980", "13", "", "false"]]
        }
      }
    });
    for (let run = 0; run < 3; run++) {
      const error = await stage(folderConfig(folder, tempDir()), recordingEffects()).catch((e: unknown) => e);
      expect(error).toMatchObject({
        reason: "unparsable",
        file: "emplois/candidatures.csv",
        line: 29_992,
        column: "date_candidature",
        value: "31/12/2025",
        others: 0
      });
    }
  });

  it("refuses a missing required source file, naming it", async () => {
    const folder = writeSample(tempDir());
    const cacheDir = tempDir();
    const {rmSync} = await import("node:fs");
    rmSync(join(folder, "emplois", "pass_agréments.csv"));
    await expect(stage(folderConfig(folder, cacheDir), recordingEffects())).rejects.toMatchObject({
      reason: "missing_file",
      file: "emplois/pass_agréments.csv"
    });
  });

  it("goes on without an optional table (PASS suspensions), saying so in the quality report and the summary", async () => {
    const folder = writeSample(tempDir());
    const {rmSync} = await import("node:fs");
    rmSync(join(folder, "emplois", "suspensions_pass.csv"));
    const effects = recordingEffects();
    const result = await stage(folderConfig(folder, tempDir()), effects);
    expect(result.quality.missingTables).toEqual([
      {table: "suspensions_pass", source: "suspensions_pass", file: "emplois/suspensions_pass.csv"}
    ]);
    expect(result.quality.files.map((f) => f.table)).not.toContain("suspensions_pass");
    expect(result.quality.orphans.map((o) => o.table)).not.toContain("suspensions_pass");
    expect(effects.lines.join("\n")).toContain("emplois/suspensions_pass.csv absent (table facultative)");
  });

  it("says how to generate the embedded sample when it does not exist yet", async () => {
    const config = {
      sources: {kind: "folder" as const, folder: join(tempDir(), "absent"), origin: "sample" as const},
      cacheDir: tempDir()
    };
    await expect(stage(config, recordingEffects())).rejects.toThrow(/pnpm synth/);
  });

  it("chooses the newest extraction per view by date and time of the name", () => {
    const folder = tempDir();
    for (const stamp of ["31122025_235959", "01022026_080000", "01022026_120000", "15012026_120000"])
      writeFluxIae(folder, "Structure", FLUXIAE.Structure!, {stamp});
    const {chosen, ignored} = chooseNewest(listFluxIaeFiles(folder));
    expect(chosen.get("Structure")!.name).toBe("fluxIAE_Structure_01022026_120000.csv");
    expect(ignored.map((i) => i.file.name).sort()).toEqual([
      "fluxIAE_Structure_01022026_080000.csv",
      "fluxIAE_Structure_15012026_120000.csv",
      "fluxIAE_Structure_31122025_235959.csv"
    ]);
  });
});
