// One description of the columns gives both the "Voir les données" table (formatted text)
// and the CSV download (raw values): what is read and what is downloaded can't drift apart.
import {csvFormatRows} from "d3-dsv";
import {el} from "./dom.js";

export interface Column<R> {
  /** Header, as the reader sees it (also the CSV header). */
  label: string;
  /** Raw value for the CSV: a number stays a number; null is an empty cell. */
  value: (row: R) => string | number | null;
  /** Text of the HTML cell (default: the raw value). */
  text?: (row: R) => string;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/** A `<table>` with a caption, column headers and, as row headers, the first column. */
export function buildTable<R>(caption: string, columns: Column<R>[], rows: R[]): HTMLTableElement {
  const head = el("thead", {}, [
    el(
      "tr",
      {},
      columns.map((c) => el("th", {scope: "col", class: c.numeric ? "pi-num" : undefined}, [c.label]))
    )
  ]);
  const body = el(
    "tbody",
    {},
    rows.map((row) =>
      el(
        "tr",
        {},
        columns.map((c, i) => {
          const text = c.text ? c.text(row) : String(c.value(row) ?? "");
          const cls = c.numeric ? "pi-num" : undefined;
          return i === 0 ? el("th", {scope: "row", class: cls}, [text]) : el("td", {class: cls}, [text]);
        })
      )
    )
  );
  return el("table", {}, [el("caption", {}, [caption]), head, body]);
}

/**
 * CSV text (comma, dot decimals, RFC 4180 quoting): what analysts' tools read without settings.
 * Published figures come rounded to their declared precision; a number a page derives from
 * them (a share, a difference) is written with at most 12 significant digits, so that binary
 * leftovers (0.1 + 0.2 = 0.30000000000000004) never reach a download.
 */
export function toCsv<R>(columns: Column<R>[], rows: R[]): string {
  const values = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      if (typeof v === "number" && Number.isFinite(v)) return String(Number(v.toPrecision(12)));
      return v == null ? "" : String(v);
    })
  );
  return csvFormatRows([columns.map((c) => c.label), ...values]);
}
