// Download links built in the browser: nothing to fetch, nothing stored on a server.
import {tableToIPC, type Table} from "apache-arrow";
import {el} from "./dom.js";

// A BOM so that Excel opens the UTF-8 file with its accents intact.
const BOM = "\ufeff";

function blobUrl(data: BlobPart, type: string): string | null {
  if (typeof URL.createObjectURL !== "function") return null;
  return URL.createObjectURL(new Blob([data], {type}));
}

export function csvHref(csv: string): string {
  // A data: URL works everywhere (tests included); a blob: URL for large tables.
  if (csv.length < 100_000) return `data:text/csv;charset=utf-8,${encodeURIComponent(BOM + csv)}`;
  return blobUrl(BOM + csv, "text/csv;charset=utf-8") ?? `data:text/csv;charset=utf-8,${encodeURIComponent(BOM + csv)}`;
}

export function arrowHref(arrow: string | Table): string | null {
  if (typeof arrow === "string") return arrow;
  // Copy into a plain ArrayBuffer-backed array: Blob does not take shared buffers.
  return blobUrl(new Uint8Array(tableToIPC(arrow, "file")), "application/vnd.apache.arrow.file");
}

/** "Télécharger les données : CSV · Arrow" */
export function downloadLinks(fileName: string, csv: string, arrow?: string | Table): HTMLElement {
  const links: Node[] = [el("a", {href: csvHref(csv), download: `${fileName}.csv`, type: "text/csv"}, ["CSV"])];
  const href = arrow === undefined ? null : arrowHref(arrow);
  if (href) links.push(el("a", {href, download: `${fileName}.arrow`}, ["Arrow"]));
  return el("p", {class: "pi-telechargements"}, ["Télécharger les données : ", ...links]);
}
