// One run of `pnpm reports`: check the options against the data, build every report, write
// each in its forms, then the index and the manifest. Side effects (files, log) go through
// the `effects` passed in, so that tests can run it on a temporary folder.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, realpathSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";
import {
  DEPARTEMENT_NAMES,
  REGIONS,
  isDepartement,
  normalizeDepartement,
  regionOfDepartement
} from "@pilotage/indicators";
import {REPO_ROOT} from "@pilotage/sources";
import type {ReportData} from "./data.ts";
import {groupMembers, levelFigures} from "./figures.ts";
import {reportHtml} from "./html.ts";
import {readHours, savings, type HoursConfig, type Savings} from "./hours.ts";
import {indexHtml, type Manifest, type ManifestEntry, type ManifestFile} from "./index-page.ts";
import {messages} from "./messages.ts";
import {DEFAULT_DEPARTEMENT, type Report, type ReportKind} from "./model.ts";
import {launchPrinter, printPdf} from "./pdf.ts";
import {departementReport} from "./reports/departement.ts";
import {regionReport} from "./reports/region.ts";
import {rsaReport} from "./reports/rsa.ts";
import {structureReport} from "./reports/structure.ts";
import {reportXlsx} from "./xlsx.ts";

export {DEFAULT_DEPARTEMENT};

export type Format = "html" | "pdf" | "xlsx";
export const FORMATS: readonly Format[] = ["html", "pdf", "xlsx"];

/** A bad option: its message is French and meant for the user as is. */
export class OptionError extends Error {}

export interface RawOptions {
  readonly annee?: string;
  readonly departement?: string;
  readonly region?: string;
  readonly structures?: string;
  readonly formats?: string;
}

export interface RunOptions {
  readonly year: number;
  readonly departement: string;
  readonly region: string;
  /** ASP ids of the SIAE to review, ascending. */
  readonly structures: readonly number[];
  readonly formats: ReadonlySet<Format>;
}

/** `--annee`: four digits, or undefined when not given. */
function yearOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw.trim())) throw new OptionError(messages.badYear(raw));
  return Number(raw.trim());
}

/** `--departement`: an INSEE code (34, 2A, 974), also as the ASP writes it (034, 02A). */
function departementOption(raw: string | undefined): string {
  const written = (raw ?? DEFAULT_DEPARTEMENT).trim();
  const asp = /^0(\d\d|2[AB])$/i.exec(written);
  const code = normalizeDepartement(asp ? asp[1]! : written);
  if (!code || !isDepartement(code)) throw new OptionError(messages.unknownDepartement(written));
  return code;
}

/** `--formats`: some of html, pdf, xlsx, in any case; all three when not given. */
function formatsOption(raw: string | undefined): Set<Format> {
  const formats = new Set<Format>();
  for (const f of (raw ?? FORMATS.join(",")).split(",").map((s) => s.trim().toLowerCase())) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new OptionError(messages.badFormats(raw ?? ""));
    formats.add(f as Format);
  }
  return formats;
}

/**
 * Checks what can be checked without the data (year, département, formats), so that a typo is
 * refused before the sources are staged. Throws an {@link OptionError} with a French message.
 */
export function checkOptionsWithoutData(raw: RawOptions): void {
  yearOption(raw.annee);
  departementOption(raw.departement);
  formatsOption(raw.formats);
}

/** Checks raw options against the data; throws an {@link OptionError} with a French message. */
export function resolveOptions(raw: RawOptions, data: ReportData): RunOptions {
  let year = yearOption(raw.annee);
  if (year !== undefined) {
    if (!data.years.includes(year)) throw new OptionError(messages.noDataYear(year, data.years));
  } else {
    const last = data.fullYears[data.fullYears.length - 1];
    if (last === undefined) throw new OptionError(messages.noFullYear);
    year = last;
  }
  const regionAsked = raw.region?.trim();
  const regionEntry = regionAsked === undefined ? undefined : REGIONS.find((r) => r.code === regionAsked);
  if (regionAsked !== undefined && !regionEntry) throw new OptionError(messages.unknownRegion(regionAsked));
  // --region alone: the région's département with the most SIAE (ties: the most ETP
  // conventionnés, then INSEE order), so that « pnpm reports --region 93 » gives the DREETS
  // synthesis with a DDETS of that région.
  const weight = (d: string) =>
    [
      groupMembers(data, "département", d, "ensemble", year).size,
      levelFigures(data, "département", d, "ensemble", year).etpConventionnes
    ] as const;
  const departement =
    raw.departement === undefined && regionEntry
      ? [...regionEntry.departements].sort((a, b) => {
          const [wa, wb] = [weight(a), weight(b)];
          return wb[0] - wa[0] || wb[1] - wa[1] || a.localeCompare(b);
        })[0]!
      : departementOption(raw.departement);
  const depRegion = regionOfDepartement(departement) as string;
  const region = regionAsked ?? depRegion;
  if (region !== depRegion) throw new OptionError(messages.regionMismatch(departement, region));
  const members = groupMembers(data, "département", departement, "ensemble", year);
  if (members.size === 0) throw new OptionError(messages.noStructures(departement, year));
  let structures = [...members].sort((a, b) => a - b);
  if (raw.structures !== undefined) {
    const ids = raw.structures
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        if (!/^\d+$/.test(s)) throw new OptionError(messages.badStructure(s));
        const id = Number(s);
        if (!members.has(id)) {
          const known = data.structures.get(id);
          throw new OptionError(
            known
              ? messages.structureNotInScope(id, departement, year, known.departement)
              : messages.unknownStructure(id)
          );
        }
        return id;
      });
    if (ids.length === 0) throw new OptionError(messages.badStructure(raw.structures.trim()));
    // Each structure once (one report, counted once in the hours saved), by id as the default list.
    structures = [...new Set(ids)].sort((a, b) => a - b);
  }
  return {year, departement, region, structures, formats: formatsOption(raw.formats)};
}

/** Every report of a run, in a fixed order: structures (by id), DDETS, DREETS, CD. */
export function buildReports(data: ReportData, o: RunOptions): Report[] {
  return [
    ...o.structures.map((id) => structureReport(data, id, o.year)),
    departementReport(data, o.departement, o.year),
    regionReport(data, o.region, o.year),
    rsaReport(data, o.departement, o.year)
  ];
}

export interface WriteEffects {
  readonly log: (line: string) => void;
}

export interface RunResult {
  readonly manifest: Manifest;
  readonly saved: Savings;
  readonly hours: HoursConfig;
  /** Seconds spent on each form. */
  readonly timings: Readonly<Record<Format | "build", number>>;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** The default output folder, relative to the repository root; git ignores it. */
export const DEFAULT_OUTPUT = "reports";

const isWithin = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/**
 * The output folder, absolute. Refused when it lies in a dist/ folder, by its path as written
 * or through a symbolic link (its nearest existing ancestor is resolved), so that no report can
 * be published with the site; and inside the repository anywhere but under reports/ (git
 * ignores that folder only: elsewhere, "--sortie ." or docs/, reports would be committed or
 * published). Throws an {@link OptionError}.
 */
export function checkOutputDir(outDir: string, repoRoot: string = REPO_ROOT): string {
  const out = resolve(outDir);
  let existing = out;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  // A file where the folder (or one of its parents) should be: refused in French, not by mkdir's EEXIST.
  if (!statSync(existing).isDirectory()) throw new OptionError(messages.outputNotDir(existing));
  const real = join(realpathSync(existing), relative(existing, out));
  for (const path of [out, real]) {
    if (path.split(sep).includes("dist")) throw new OptionError(messages.outputInDist(path));
  }
  const repo = realpathSync(repoRoot);
  if (isWithin(real, repo) && !isWithin(real, join(repo, DEFAULT_OUTPUT)))
    throw new OptionError(messages.outputInRepository(out, `${DEFAULT_OUTPUT}/`));
  return out;
}

/** How a folder is named to the user: from the repository root inside it, else in full. */
export function shownFolder(folder: string, repoRoot: string = REPO_ROOT): string {
  return isWithin(folder, repoRoot) ? `${relative(repoRoot, folder) || "."}/` : `${folder}/`;
}

/** Writes every report in its forms into `outDir`, then index.html and manifest.json. */
export async function writeReports(
  reports: readonly Report[],
  o: RunOptions,
  outDir: string,
  effects: WriteEffects,
  referenceDate: string
): Promise<RunResult> {
  const out = checkOutputDir(outDir);
  mkdirSync(out, {recursive: true});
  const timings = {build: 0, html: 0, pdf: 0, xlsx: 0};
  const entries: ManifestEntry[] = new Array(reports.length);
  const browser = o.formats.has("pdf") ? await launchPrinter() : null;
  const one = async (report: Report, index: number) => {
    const files: ManifestFile[] = [];
    const write = (format: Format, bytes: Uint8Array | string) => {
      const path = `${report.slug}.${format}`;
      writeFileSync(join(out, path), bytes);
      files.push({
        format,
        path,
        bytes: typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length,
        sha256: sha256(bytes)
      });
    };
    let t = performance.now();
    const html = reportHtml(report);
    timings.html += (performance.now() - t) / 1000;
    if (o.formats.has("html")) write("html", html);
    if (browser) {
      t = performance.now();
      write("pdf", await printPdf(browser, report, html));
      timings.pdf += (performance.now() - t) / 1000;
    }
    if (o.formats.has("xlsx")) {
      t = performance.now();
      write("xlsx", await reportXlsx(report));
      timings.xlsx += (performance.now() - t) / 1000;
    }
    entries[index] = {
      kind: report.kind,
      title: report.title,
      recipient: report.recipient,
      subject: report.subject,
      period: `année ${report.year}`,
      files
    };
  };
  try {
    // Two reports at a time (Chromium prints one while Node renders the other); the manifest
    // keeps the reports' fixed order whatever finishes first.
    let next = 0;
    const worker = async () => {
      while (next < reports.length) {
        const index = next++;
        await one(reports[index]!, index);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await browser?.close();
  }
  const hours = readHours();
  const counts: Partial<Record<ReportKind, number>> = {};
  for (const r of reports) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  const saved = savings(hours, counts);
  const manifest: Manifest = {
    referenceDate,
    year: o.year,
    departement: o.departement,
    region: o.region,
    reports: entries,
    savedHours: saved.hours,
    savedDays: saved.days
  };
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  writeFileSync(join(out, "index.html"), indexHtml(manifest, hours, saved));
  effects.log(`${reports.length} rapports écrits dans ${shownFolder(out)} (index.html, manifest.json).`);
  return {manifest, saved, hours, timings};
}

/** The name of a département, for messages. */
export const departementName = (code: string): string => DEPARTEMENT_NAMES[code] ?? code;
