// The spreadsheet of a report (XLSX, written by ExcelJS): one sheet per table, numbers kept
// as numbers (with a display format), the restricted-circulation line on top of every sheet.
// The workbook's dates are the data's date and the zip is rewritten with a fixed timestamp,
// so that the same report gives the same bytes.
import ExcelJS from "exceljs";
import {unzipSync, zipSync} from "fflate";
import {restrictedLine} from "./html.ts";
import {cellFormat, type CellFormat, type Report, type Table} from "./model.ts";

/** Excel display format of each cell format (none for text). */
export const NUMBER_FORMATS: Readonly<Record<CellFormat, string | undefined>> = {
  text: undefined,
  count: "#,##0",
  etp: "#,##0.0",
  months: "#,##0.0",
  days: "#,##0.0",
  hours: "#,##0",
  percent: "0.0%",
  points: "0.0",
  euros: '#,##0 "€"'
};

/** Sheet names: at most 31 characters, unique, none of []:*?/\ . */
function sheetName(t: Table, used: Set<string>): string {
  const base = t.id.replace(/[[\]:*?/\\]/g, "_").slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}_${i}`;
  used.add(name);
  return name;
}

/** The report's workbook as XLSX bytes. */
export async function reportXlsx(report: Report): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const date = new Date(`${report.referenceDate}T00:00:00Z`);
  wb.creator = "Pilotage de l'inclusion dans l'emploi";
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  wb.title = report.title;
  wb.subject = restrictedLine(report);
  const used = new Set<string>();
  for (const section of report.sections) {
    for (const t of section.tables) {
      const ws = wb.addWorksheet(sheetName(t, used));
      ws.addRow([restrictedLine(report)]).font = {bold: true};
      ws.addRow([`${report.title} — ${section.title}`]);
      ws.addRow([t.caption]).font = {italic: true};
      ws.addRow([]);
      const header = ws.addRow(t.columns.map((c) => c.label));
      header.font = {bold: true};
      const rows = t.total ? [...t.rows, t.total] : t.rows;
      for (const [r, values] of rows.entries()) {
        // Sums come from the database in no fixed order, so their last binary digits vary from run
        // to run; 12 significant digits keep every figure and give the same bytes each time.
        const row = ws.addRow(values.map((v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)));
        values.forEach((v, i) => {
          const fmt = NUMBER_FORMATS[cellFormat(t, r, i)];
          if (fmt && typeof v === "number") row.getCell(i + 1).numFmt = fmt;
        });
      }
      if (t.total) ws.lastRow!.font = {bold: true};
      t.columns.forEach((c, i) => {
        ws.getColumn(i + 1).width = Math.min(60, Math.max(12, c.label.length + 2));
      });
    }
  }
  // Stored, not deflated: the zip is deflated once, below, when its times are fixed.
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer({zip: {compression: "STORE"}} as ExcelJS.XlsxWriteOptions));
  // Zip times are local times (DOS format): midnight of the data's date wherever this runs.
  const [y, m, d] = report.referenceDate.split("-").map(Number) as [number, number, number];
  return fixZipTimes(bytes, new Date(y, m - 1, d));
}

/** Rewrites a zip with every entry dated `date` (same entries, same order, deflated). */
export function fixZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const entries = unzipSync(zip);
  const out: Record<string, [Uint8Array, {mtime: Date; level: 6}]> = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, {mtime: date, level: 6}];
  return zipSync(out);
}
