// The staging quality report, published as JSON for the « Données et méthode » page:
// files read (view, file name, extraction date, rows), files superseded by a newer
// extraction, references that point nowhere (orphans, counted in rows), duplicate
// statements dropped, columns left unread (an organisation's contacts among them), territory
// codes normalised or unknown, and optional tables missing.
// It holds counts and file names only: no value of any source row.
import {readCurrent, type QualityReport} from "@pilotage/sources";
import {CACHE_DIR} from "./lib/run.ts";

export interface PublishedQuality {
  readonly sourceKind: QualityReport["sourceKind"];
  readonly generatedAt: string;
  readonly referenceDate: string | null;
  readonly rowPolicy: QualityReport["rowPolicy"];
  readonly files: QualityReport["files"];
  readonly ignored: QualityReport["ignored"];
  readonly orphans: QualityReport["orphans"];
  readonly missingTables: QualityReport["missingTables"];
  readonly codes: QualityReport["codes"];
}

/** The report, field by field (a field added to the staging report is not published unseen). */
export function publishedQuality(report: QualityReport): PublishedQuality {
  return {
    sourceKind: report.sourceKind,
    generatedAt: report.generatedAt,
    referenceDate: report.referenceDate,
    rowPolicy: report.rowPolicy,
    files: report.files.map((f) => ({
      table: f.table,
      source: f.source,
      family: f.family,
      file: f.file,
      extractedAt: f.extractedAt,
      rows: f.rows,
      duplicatesDropped: f.duplicatesDropped,
      unreadColumns: [...f.unreadColumns],
      contactColumns: [...f.contactColumns]
    })),
    ignored: report.ignored.map((i) => ({
      view: i.view,
      file: i.file,
      extractedAt: i.extractedAt,
      supersededBy: i.supersededBy
    })),
    orphans: report.orphans.map((o) => ({table: o.table, column: o.column, target: o.target, rows: o.rows})),
    missingTables: report.missingTables.map((m) => ({table: m.table, source: m.source, file: m.file})),
    codes: report.codes.map((c) => ({table: c.table, column: c.column, normalised: c.normalised, unknown: c.unknown}))
  };
}

export function qualityJson(cacheDir = CACHE_DIR): string {
  return JSON.stringify(publishedQuality(readCurrent(cacheDir).quality), null, 1);
}
