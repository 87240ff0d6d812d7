// A report as one self-contained HTML file: inline style, inline SVG, no script, no request.
// Accessible (lang, landmarks, headings, captions, header cells, text alternatives, contrast)
// and printable (A4; Chromium adds the recipient, period and page numbers on every page).
// On paper the closing footer is left out: every page's margin already carries its line, and
// it would add a page of its own whenever the body ends near the bottom.
import {renderChart} from "./chart.ts";
import {formatCell, formatIsoDate} from "./format.ts";
import {cellFormat, type CellFormat, type CellValue, type Report, type Section, type Table} from "./model.ts";

export const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The line printed on every page: "Diffusion restreinte", the recipient, the period. */
export const restrictedLine = (r: Report): string =>
  `Diffusion restreinte — destinataire : ${r.recipient} — période : année ${r.year}`;

export const STYLE = `
:root{color:#111;background:#fff;font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;line-height:1.45}
body{margin:0 auto;max-width:60rem;padding:1rem}
.bandeau{border:2px solid #000;padding:.3rem .6rem;font-weight:bold;margin-bottom:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;border-bottom:1px solid #000;margin-top:1.6rem;break-after:avoid}
.meta{color:#333}
.constats p{margin:.3rem 0;font-weight:500}
.constats{break-inside:avoid;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:9pt;break-inside:auto}
caption{text-align:left;font-weight:bold;padding:.2rem 0;caption-side:top}
th,td{border:1px solid #777;padding:.15rem .35rem;vertical-align:top}
thead th{background:#e8e8e8;text-align:left}
tbody th{text-align:left;font-weight:normal;min-width:12.5em}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.insec{white-space:nowrap}
table.court,tbody.fin,tbody.debut{break-inside:avoid}
thead,tbody.debut{break-after:avoid}
caption{break-after:avoid}
tr.total th,tr.total td{font-weight:bold;border-top:2px solid #000}
thead{display:table-header-group}
tr{break-inside:avoid}
.graphique{max-width:100%;height:auto;break-inside:avoid;display:block;margin:.5rem 0}
.notes{font-size:8.5pt;color:#333}
nav ol{columns:2}
a{color:#0b3d91}
@page{size:A4;margin:20mm 14mm 18mm 14mm}
@media print{body{max-width:none;padding:0}.bandeau,body>footer{display:none}}
`;

// A hyphenated word (a structure's code "34-032", "Haute-Garonne") is never broken at its hyphen:
// Chromium would otherwise print "Coopérative d'indépendants 34-" above "032".
const keepHyphenated = (html: string) => html.replace(/[^\s<>]+-[^\s<>]+/g, (w) => `<span class="insec">${w}</span>`);

function cellHtml(value: CellValue, format: CellFormat, header: boolean): string {
  const escaped = esc(formatCell(value, format));
  const text = format === "text" ? keepHyphenated(escaped) : escaped;
  const numeric = format !== "text" || (typeof value === "string" && /^[−+\d]/.test(value));
  return header ? `<th scope="row">${text}</th>` : `<td${numeric ? ' class="n"' : ""}>${text}</td>`;
}

export function tableHtml(t: Table): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join("");
  const header = t.rowHeader ?? (t.columns[0]?.format === "text" ? 0 : -1);
  const line = (row: readonly CellValue[], index: number, cls = "") =>
    row.length === 1 && t.columns.length > 1
      ? `<tr${cls ? ` class="${cls}"` : ""}><th scope="row" colspan="${t.columns.length}">${esc(String(row[0]))}</th></tr>`
      : `<tr${cls ? ` class="${cls}"` : ""}>${row
          .map((v, i) => cellHtml(v, cellFormat(t, index, i), i === header))
          .join(
            ""
          )}${row.length < t.columns.length ? `<td colspan="${t.columns.length - row.length}"></td>` : ""}</tr>`;
  // A short table is kept on one page: split, it left its caption or header alone at the foot
  // of a page (the "Candidatures" table, one row, printed its header on one page, its row on the next).
  const short = t.rows.length + (t.total ? 1 : 0) <= 12;
  // A long table's last five rows stay with its total: split at a page foot, the total alone,
  // or one row, made a last page of its own.
  // Its first two rows stay with its caption and header: alone at a page foot, a header with
  // no row (repeated on the next page) said nothing.
  const tail = short ? t.rows.length : Math.max(0, t.rows.length - 5);
  const lead = short ? 0 : Math.min(2, tail);
  const start = t.rows
    .slice(0, lead)
    .map((r, i) => line(r, i))
    .join("");
  const body = t.rows
    .slice(lead, tail)
    .map((r, i) => line(r, lead + i))
    .join("");
  const end = t.rows
    .slice(tail)
    .map((r, i) => line(r, tail + i))
    .join("");
  const total = t.total ? line(t.total, t.rows.length, "total") : "";
  const empty = t.rows.length === 0 && !t.total ? `<tr><td colspan="${t.columns.length}">Aucune ligne.</td></tr>` : "";
  return `<table id="t-${esc(t.id)}"${short ? ' class="court"' : ""}><caption>${esc(t.caption)}</caption><thead><tr>${head}</tr></thead>${short ? "" : `<tbody class="debut">${start}</tbody>`}<tbody>${body}${short ? end + total : ""}${empty}</tbody>${short ? "" : `<tbody class="fin">${end}${total}</tbody>`}</table>`;
}

function sectionHtml(s: Section, index: number): string {
  const chartTable = s.chart ? s.tables.find((t) => t.id === s.chart?.table) : undefined;
  const chart = s.chart && chartTable ? renderChart(s.chart, chartTable, `${index}`) : "";
  // The notes (definitions, how to read) come with the findings, before the tables: after a
  // long table they were left alone on a last page.
  const notes = s.notes?.length ? `<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "";
  return `<section id="s-${esc(s.id)}" aria-labelledby="h-${esc(s.id)}"><h2 id="h-${esc(s.id)}">${index + 1}. ${esc(s.title)}</h2>
<div class="constats">${s.findings.map((f) => `<p>${esc(f)}</p>`).join("")}${notes}</div>
${chart}${s.tables.map(tableHtml).join("\n")}</section>`;
}

/** Whether the report prints on landscape pages (DDETS, DREETS and RSA reviews, whose tables run to 13 columns). */
export const isLandscape = (r: Report): boolean => r.kind !== "structure";

/** The report's HTML (UTF-8 text). Same report, same bytes: nothing depends on the clock. */
export function reportHtml(r: Report): string {
  const toc = r.sections.map((s) => `<li><a href="#s-${esc(s.id)}">${esc(s.title)}</a></li>`).join("");
  // A territory review is a wide table of every SIAE (or département): on paper, landscape.
  const page = isLandscape(r) ? "@page{size:A4 landscape}" : "";
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(r.title)}</title>
<style>${STYLE}${page}</style>
</head>
<body>
<header class="bandeau"><p>${esc(restrictedLine(r))}</p></header>
<main>
<h1>${esc(r.title)}</h1>
<p class="meta">Destinataire : ${esc(r.recipient)}. Période : année ${r.year}. Données au ${esc(formatIsoDate(r.referenceDate))} (extractions ASP fluxIAE et plateforme des emplois de l'inclusion). Aucune donnée personnelle : des effectifs, jamais une ligne par personne. Document produit automatiquement à partir des données administratives ; à ne pas diffuser hors de son destinataire.</p>
<nav aria-label="Sommaire"><h2 id="sommaire">Sommaire</h2><ol>${toc}</ol></nav>
${r.sections.map(sectionHtml).join("\n")}
</main>
<footer><p class="notes">${esc(restrictedLine(r))}. Document produit automatiquement à partir des données administratives ; à ne pas diffuser hors de son destinataire.</p></footer>
</body>
</html>
`;
}
