// `pnpm reports` as a user runs it: with no option, the test territory's reports, their index
// and manifest, and the hours saved printed; a bad option ends with a clear French message and
// exit code 1 (no stack trace); --aide lists the options; the declared hours are checked.
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {REPO_ROOT} from "@pilotage/sources";
import {tempDir} from "@pilotage/sources/testing";
import {fmt} from "./format.ts";
import {HOURS_FILE, readHours, savings} from "./hours.ts";
import type {Manifest} from "./index-page.ts";
import {REPORT_KIND_LABELS, type ReportKind} from "./model.ts";

const run = (...args: string[]) =>
  spawnSync("node", ["--import", "tsx", "packages/reports/src/cli.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: {...process.env, DATABASE_URL: "", PILOTAGE_SOURCES: ""}
  });

// Staging may log its progress on stderr first: the message is the last line.
const lastLine = (text: string) => text.trim().split("\n").pop();

describe("pnpm reports", () => {
  it("with no option but the form and folder: the test territory's reports, index, manifest and hours saved printed", () => {
    const out = tempDir("pilotage-reports-cli-");
    const r = run("--formats", "html", "--sortie", out);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect([manifest.year, manifest.departement, manifest.region]).toEqual([2025, "34", "76"]);
    const counts: Partial<Record<ReportKind, number>> = {};
    for (const e of manifest.reports) {
      counts[e.kind] = (counts[e.kind] ?? 0) + 1;
      expect(e.files.map((f) => f.format)).toEqual(["html"]);
      expect(existsSync(join(out, e.files[0]!.path)), e.files[0]!.path).toBe(true);
    }
    expect(counts.structure).toBeGreaterThanOrEqual(30);
    expect([counts.departement, counts.region, counts.rsa]).toEqual([1, 1, 1]);
    // The index names only the form written.
    expect(readFileSync(join(out, "index.html"), "utf8")).toMatch(/rapports, chacun en HTML\. /);
    // Reports produced × hours each, printed line by line, then the total in person-days.
    const hours = readHours();
    const saved = savings(hours, counts);
    for (const l of saved.lines)
      expect(r.stdout).toContain(`${REPORT_KIND_LABELS[l.kind]} : ${l.count} × ${l.hours} h = ${l.total} h`);
    expect(manifest.savedHours).toBe(saved.hours);
    expect(r.stdout).toContain(
      `Total : ${fmt.hours(saved.hours)} h, soit ${fmt.etp(saved.days)} jours de travail (${hours.heuresParJour} h par jour).`
    );
  }, 300_000);

  it("an unknown département: a French message, exit code 1, no stack trace", () => {
    const r = run("--departement", "99", "--formats", "html");
    expect(r.status).toBe(1);
    expect(lastLine(r.stderr)).toBe(
      "Département inconnu : « 99 » (attendu : un code INSEE, par exemple 34, 2A ou 974)."
    );
  });

  it("a year with no data: a French message naming the years that have some", () => {
    const r = run("--annee", "2031");
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(lastLine(r.stderr)).toBe("Aucune donnée pour l'année 2031 : les états mensuels couvrent 2023, 2024, 2025.");
  });

  it("an unknown option: a French message pointing to --aide", () => {
    const r = run("--annees", "2025");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("Option inconnue : « --annees ». « pnpm reports --aide » liste les options.\n");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("--aide lists every option", () => {
    const r = run("--aide");
    expect(r.status).toBe(0);
    for (const o of ["--annee", "--departement", "--region", "--structures", "--sortie", "--formats"])
      expect(r.stdout).toContain(o);
  });
});

describe("hours saved", () => {
  it("are declared once, each with a status and a basis, and multiply out", () => {
    const hours = readHours();
    const s = savings(hours, {structure: 33, departement: 1, region: 1, rsa: 1});
    expect(s.hours).toBe(33 * 7 + 35 + 21 + 28);
    expect(s.days).toBe(45);
    for (const e of Object.values(hours.rapports)) expect(e.statut).toMatch(/estimation à confirmer/);
  });

  it("a declaration without its basis is refused, naming the file and the entry", () => {
    const bad = structuredClone(readHours()) as {rapports: {rsa: {base?: string}}};
    delete bad.rapports.rsa.base;
    expect(() => readHours(bad)).toThrow(
      `${HOURS_FILE} : l'entrée « rapports.rsa » doit donner des heures (> 0), un statut et une base.`
    );
  });
});
