// The light embed page (integrer.html) and the module others may import instead of an
// iframe. One chart of the territory pages (TERRITORY_CHARTS) for one territory, read from
// the territory's JSON slices (donnees/territoires/<dossier>/<jeu>.json). Bundled on its own
// by packages/build/src/embed-page.ts (esbuild, minified, no Arrow reader): a few tens of KB.
//
//   integrer.html?graphique=etp-mensuel&territoire=departement-75&theme=clair|sombre|hote
import {applyEmbedTheme, reportHeight} from "../components/embed.js";
import {TERRITORY_CHARTS, parseTerritoryParam, type TerritoryData} from "../components/territory.js";
import type {PlainTable} from "../lib/rows.js";

export interface DrawOptions {
  /** Id of the chart: "etp-mensuel", "salaries-par-type", "chiffre-etp-etp_realises"… */
  readonly graphique: string;
  /** "france", "region-84" or "departement-75". */
  readonly territoire: string;
  /** Width of the chart in pixels. Default: the container's, at most 760. */
  readonly width?: number;
  /** Root of the site. Default: the folder this module is served from, one level up. */
  readonly base?: string | URL;
}

/** Ids and titles of the charts that can be embedded. */
export const CHARTS: readonly {id: string; title: string}[] = TERRITORY_CHARTS.map(({id, title}) => ({id, title}));

/**
 * Draws a chart in `container` and resolves to its figure. Rejects with a French message
 * when the chart or the territory is unknown, or when its data cannot be read.
 */
export async function drawChart(container: Element, o: DrawOptions): Promise<HTMLElement> {
  const chart = TERRITORY_CHARTS.find((c) => c.id === o.graphique);
  if (!chart) throw new Error(`Graphique inconnu : « ${o.graphique} ».`);
  const place = parseTerritoryParam(o.territoire);
  if (!place) throw new Error(`Territoire inconnu : « ${o.territoire} ».`);
  if (!chart.levels.includes(place.level))
    throw new Error(`Le graphique « ${chart.title} » n'existe pas pour ce niveau de territoire.`);
  const base = new URL(o.base ?? "../", import.meta.url);
  const tables: Record<string, PlainTable> = {};
  await Promise.all(
    chart.datasets.map(async (name) => {
      const url = new URL(`donnees/territoires/${place.folder}/${name}.json`, base);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Données introuvables pour ce territoire : ${name} (${response.status}).`);
      tables[name] = (await response.json()) as PlainTable;
    })
  );
  const width = o.width ?? Math.min(760, Math.max(280, Math.floor(container.getBoundingClientRect().width) || 640));
  const data: TerritoryData = {level: place.level, code: place.code, tables, width};
  const figure = chart.draw(data);
  if (!figure) throw new Error(`Le graphique « ${chart.title} » n'a rien à montrer pour ce territoire.`);
  // The figure's links (the level above, when every value is masked) are written relative to
  // the territory's own page: resolve them there, so that they lead to the site from the embed
  // page or a host's page, and open it in a new tab rather than inside the host.
  siteLinks(figure, new URL(place.level === "national" ? "index.html" : `${place.folder}.html`, base));
  container.replaceChildren(figure);
  return figure;
}

/**
 * Rewrites the relative links of `figure` (site pages, not downloads nor anchors) as absolute
 * addresses resolved against `page`, the territory page the figure belongs to, opened in a new tab.
 */
export function siteLinks(figure: Element, page: URL): void {
  for (const a of figure.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const href = a.getAttribute("href")!;
    if (a.hasAttribute("download") || /^(#|data:|blob:|[a-z][a-z0-9+.-]*:)/i.test(href)) continue;
    a.href = new URL(href, page).href;
    a.target = "_blank";
    a.rel = "noopener";
  }
}

/** The embed page itself: reads its URL, draws, links back to the territory's page. */
async function embedPage(): Promise<void> {
  const params = new URLSearchParams(location.search);
  applyEmbedTheme(params.get("theme") ?? "clair");
  const main = document.getElementById("pi-integre")!;
  const territoire = params.get("territoire") ?? "france";
  try {
    await drawChart(main, {
      graphique: params.get("graphique") ?? "etp-mensuel",
      territoire,
      base: new URL(".", location.href)
    });
    // Read by `pnpm bench:pages`: the moment the chart is in the page.
    performance.mark("pi-graphique-dessine");
    const place = parseTerritoryParam(territoire)!;
    const link = document.createElement("a");
    link.href = place.level === "national" ? "./index.html" : `./${place.folder}.html`;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = "Pilotage de l'inclusion dans l'emploi : voir la page du territoire";
    const p = document.createElement("p");
    p.className = "pi-integre-lien";
    p.append(link);
    main.append(p);
  } catch (error) {
    const p = document.createElement("p");
    p.className = "pi-sans-donnees";
    p.textContent = error instanceof Error ? error.message : String(error);
    main.replaceChildren(p);
  }
  reportHeight();
}

if (typeof document !== "undefined" && document.getElementById("pi-integre")) void embedPage();
