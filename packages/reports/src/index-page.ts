// The index of a run: reports/index.html (for people) and reports/manifest.json (for tools),
// each report with its recipient, period, files and SHA-256 checksums, and the hours saved.
import {esc, STYLE} from "./html.ts";
import {formatCell, formatIsoDate} from "./format.ts";
import type {HoursConfig, Savings} from "./hours.ts";
import {REPORT_KIND_LABELS, type ReportKind} from "./model.ts";

export interface ManifestFile {
  readonly format: "html" | "pdf" | "xlsx";
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ManifestEntry {
  readonly kind: ReportKind;
  readonly title: string;
  readonly recipient: string;
  readonly subject: string;
  readonly period: string;
  readonly files: readonly ManifestFile[];
}

export interface Manifest {
  readonly referenceDate: string;
  readonly year: number;
  readonly departement: string;
  readonly region: string;
  readonly reports: readonly ManifestEntry[];
  readonly savedHours: number;
  readonly savedDays: number;
}

// How the index names the forms written (`--formats` may leave some out).
const FORM_NAMES: Readonly<Record<string, string>> = {html: "HTML", pdf: "PDF", xlsx: "tableur (XLSX)"};

/** "HTML, PDF et tableur (XLSX)", from the forms in that order. */
function formsText(formats: readonly string[]): string {
  const names = formats.map((f) => FORM_NAMES[f] ?? f.toUpperCase());
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
}

export function indexHtml(m: Manifest, hours: HoursConfig, saved: Savings): string {
  const formats = ["html", "pdf", "xlsx"].filter((f) => m.reports.some((r) => r.files.some((x) => x.format === f)));
  const rows = m.reports
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.title)}</th><td>${esc(r.recipient)}</td><td>${esc(r.period)}</td><td>${r.files
          .map((f) => `<a href="${esc(f.path)}">${f.format.toUpperCase()}</a>`)
          .join(
            " · "
          )}</td><td><code>${r.files.map((f) => `${f.format} ${f.sha256.slice(0, 16)}…`).join("<br>")}</code></td></tr>`
    )
    .join("\n");
  const savedRows = saved.lines
    .map(
      (l) =>
        `<tr><th scope="row">${esc(REPORT_KIND_LABELS[l.kind])}</th><td class="n">${formatCell(l.count, "count")}</td><td class="n">${formatCell(l.hours, "hours")}</td><td class="n">${formatCell(l.total, "hours")}</td><td>${esc(hours.rapports[l.kind].statut)}</td></tr>`
    )
    .join("\n");
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow">
<title>Rapports ${m.year} — index (diffusion restreinte)</title><style>${STYLE}</style></head>
<body>
<header class="bandeau"><p>Diffusion restreinte — chaque rapport est réservé à son destinataire</p></header>
<main>
<h1>Rapports ${m.year}</h1>
<p class="meta">Données au ${esc(formatIsoDate(m.referenceDate))}. ${formatCell(m.reports.length, "count")} rapports, chacun en ${formsText(formats)}. Les empreintes SHA-256 complètes sont dans <a href="manifest.json">manifest.json</a>.</p>
<h2>Temps de travail économisé</h2>
<p>${formatCell(saved.hours, "hours")} heures, soit ${formatCell(saved.days, "etp")} jours de travail (${formatCell(hours.heuresParJour, "count")} heures par jour) : rapports produits × heures que chacun demande à la main. ${esc(hours.description)}</p>
<table><caption>Heures économisées par type de rapport</caption><thead><tr><th scope="col">Rapport</th><th scope="col">Produits</th><th scope="col">Heures chacun</th><th scope="col">Heures économisées</th><th scope="col">Statut du chiffre</th></tr></thead><tbody>${savedRows}</tbody></table>
<h2>Les rapports</h2>
<table><caption>Rapports, destinataires, périodes et fichiers</caption><thead><tr><th scope="col">Rapport</th><th scope="col">Destinataire</th><th scope="col">Période</th><th scope="col">Fichiers</th><th scope="col">SHA-256</th></tr></thead><tbody>
${rows}
</tbody></table>
</main>
</body>
</html>
`;
}
