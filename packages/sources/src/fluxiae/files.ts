// The fluxIAE folder: one file per view and extraction, named
// fluxIAE_<View>_<DDMMYYYY>_<HHMMSS>.csv[.gz]. When a view comes in several extractions,
// the newest (date and time of the name) wins; the others are reported as ignored.
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";

export interface FluxIaeFile {
  /** File name (the folder's top level). */
  readonly name: string;
  readonly path: string;
  readonly view: string;
  /** Extraction date and time from the name, ISO `YYYY-MM-DDTHH:MM:SS`. */
  readonly extractedAt: string;
  readonly gzip: boolean;
}

export interface FluxIaeChoice {
  /** Newest file per view. */
  readonly chosen: ReadonlyMap<string, FluxIaeFile>;
  /** Older extractions, each with the file that superseded it. */
  readonly ignored: readonly {readonly file: FluxIaeFile; readonly supersededBy: string}[];
}

const NAME = /^fluxIAE_([A-Za-z0-9]+)_(\d{2})(\d{2})(\d{4})_(\d{2})(\d{2})(\d{2})\.csv(\.gz)?$/;

/** Parses a fluxIAE file name; null when the name does not follow the pattern. */
export function parseFluxIaeName(name: string): Omit<FluxIaeFile, "path"> | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, view, dd, mm, yyyy, hh, mi, ss, gz] = m as unknown as string[];
  return {name, view: view!, extractedAt: `${yyyy}-${mm}-${dd}T${hh}:${mi}:${ss}`, gzip: gz !== undefined};
}

export function listFluxIaeFiles(folder: string): FluxIaeFile[] {
  const files: FluxIaeFile[] = [];
  for (const name of readdirSync(folder).sort()) {
    const parsed = parseFluxIaeName(name);
    if (parsed && statSync(join(folder, name)).isFile()) files.push({...parsed, path: join(folder, name)});
  }
  return files;
}

/** Keeps the newest extraction of each view (ties: the plain file over the .gz, then by name). */
export function chooseNewest(files: readonly FluxIaeFile[]): FluxIaeChoice {
  const byView = new Map<string, FluxIaeFile[]>();
  for (const f of files) byView.set(f.view, [...(byView.get(f.view) ?? []), f]);
  const chosen = new Map<string, FluxIaeFile>();
  const ignored: {file: FluxIaeFile; supersededBy: string}[] = [];
  for (const [view, list] of byView) {
    const sorted = [...list].sort((a, b) => b.extractedAt.localeCompare(a.extractedAt) || a.name.localeCompare(b.name));
    const [newest, ...older] = sorted as [FluxIaeFile, ...FluxIaeFile[]];
    chosen.set(view, newest);
    for (const file of older) ignored.push({file, supersededBy: newest.name});
  }
  return {chosen, ignored};
}
