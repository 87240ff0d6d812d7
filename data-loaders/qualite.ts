// The staging quality report, published as JSON for the « Données et méthode » page:
// files read (view, file name, extraction date, rows), files superseded by a newer
// extraction, references that point nowhere (orphans, counted in rows), duplicate
// statements dropped, columns left unread (an organisation's contacts among them), territory
// codes normalised or unknown, and optional tables missing.
// It holds counts and file names only: no value of any source row.
// Like every published file it depends on the data only: no time of build (the staging's
// own `generatedAt` stays in the cache), extraction names without the compression suffix
// (the same extraction, gzipped or not, is the same data), lists in a fixed order (not the
// order files were found or staged in).
import {readCurrent, type QualityReport} from "@pilotage/sources";
import {CACHE_DIR} from "./lib/run.ts";

export interface PublishedQuality {
  readonly sourceKind: QualityReport["sourceKind"];
  readonly referenceDate: string | null;
  readonly rowPolicy: QualityReport["rowPolicy"];
  readonly files: QualityReport["files"];
  readonly ignored: QualityReport["ignored"];
  readonly orphans: QualityReport["orphans"];
  readonly missingTables: QualityReport["missingTables"];
  readonly codes: QualityReport["codes"];
}

/** The name of an extraction, whether it came gzipped or not: `….csv.gz` → `….csv`. */
export const extractionName = (file: string): string => file.replace(/\.gz$/i, "");

const byKeys =
  <T>(...keys: ((item: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/**
 * The report, field by field (a field added to the staging report is not published
 * unseen): files by table, superseded files by view then name, orphans by table and column.
 */
export function publishedQuality(report: QualityReport): PublishedQuality {
  return {
    sourceKind: report.sourceKind,
    referenceDate: report.referenceDate,
    rowPolicy: report.rowPolicy,
    files: report.files
      .map((f) => ({
        table: f.table,
        source: f.source,
        family: f.family,
        file: extractionName(f.file),
        extractedAt: f.extractedAt,
        rows: f.rows,
        duplicatesDropped: f.duplicatesDropped,
        unreadColumns: [...f.unreadColumns].sort(),
        contactColumns: [...f.contactColumns].sort()
      }))
      .sort(
        byKeys(
          (f) => f.table,
          (f) => f.file
        )
      ),
    ignored: report.ignored
      .map((i) => ({
        view: i.view,
        file: extractionName(i.file),
        extractedAt: i.extractedAt,
        supersededBy: extractionName(i.supersededBy)
      }))
      .sort(
        byKeys(
          (i) => i.view,
          (i) => i.file
        )
      ),
    orphans: report.orphans
      .map((o) => ({table: o.table, column: o.column, target: o.target, rows: o.rows}))
      .sort(
        byKeys(
          (o) => o.table,
          (o) => o.column,
          (o) => o.target
        )
      ),
    missingTables: report.missingTables
      .map((m) => ({table: m.table, source: m.source, file: extractionName(m.file)}))
      .sort(byKeys((m) => m.table)),
    codes: report.codes
      .map((c) => ({table: c.table, column: c.column, normalised: c.normalised, unknown: c.unknown}))
      .sort(
        byKeys(
          (c) => c.table,
          (c) => c.column
        )
      )
  };
}

export function qualityJson(cacheDir = CACHE_DIR): string {
  return JSON.stringify(publishedQuality(readCurrent(cacheDir).quality), null, 1);
}
