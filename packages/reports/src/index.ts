// Public face of @pilotage/reports: build the private reports from the staged sources.
export {loadReportData, type ReportData, type StructureIdentity} from "./data.ts";
export {structureFigures, levelFigures, groupMembers, mainKind, type Figures} from "./figures.ts";
export {reportHtml} from "./html.ts";
export {reportXlsx} from "./xlsx.ts";
export {launchPrinter, printPdf, setPdfDates} from "./pdf.ts";
export {readHours, savings, HOURS_FILE, type HoursConfig, type Savings} from "./hours.ts";
export {
  DEFAULT_DEPARTEMENT,
  FORMATS,
  OptionError,
  buildReports,
  resolveOptions,
  writeReports,
  type Format,
  type RunOptions
} from "./produce.ts";
export {REPORT_KIND_LABELS, type Report, type ReportKind, type Section, type Table} from "./model.ts";
export {formatCell} from "./format.ts";
export {structureReport} from "./reports/structure.ts";
