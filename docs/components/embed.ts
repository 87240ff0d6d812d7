// Embeds: every figure offers "Intégrer", a snippet that others paste in their own site to
// show that one chart (an <iframe> of a page of this site, which reports its height to the
// host). Two kinds of embedded page:
// - the light embed page `integrer.html?graphique=…&territoire=…`, for the charts a
//   territory page draws (national, région, département): only that chart's code and data;
// - any other page of the site opened with `?integrer=<figure>` and its filters: the page
//   draws as usual, and only that figure is shown.
// The host page may load `integrer.js` (served by the site) to resize the iframe to its
// content; without it the iframe keeps a fixed height that fits most charts.
import {el, slug} from "./dom.js";

/** Height of the iframe when the host does not load the resizing script. */
export const EMBED_DEFAULT_HEIGHT = 620;

/** Message the embedded page sends to its host: `{type: "pilotage-iae:hauteur", height}`. */
export const HEIGHT_MESSAGE = "pilotage-iae:hauteur";

/** Themes an embed may ask for: light, dark, or the host's (transparent, system colours). */
export type EmbedTheme = "clair" | "sombre" | "hote";
const THEMES: Record<EmbedTheme, string> = {clair: "Clair", sombre: "Sombre", hote: "Celui du site hôte"};

/** A chart of the light embed page: its id and the territory it is drawn for. */
export interface EmbedTarget {
  /** Id of the chart in the embed catalogue (docs/components/territory.ts). */
  readonly graphique: string;
  /** "france", "region-84" or "departement-75". */
  readonly territoire: string;
}

const params = (): URLSearchParams => new URLSearchParams(typeof location === "undefined" ? "" : location.search);

/** The figure this page is asked to show alone (`?integrer=…`), or null on a normal visit. */
export function embeddedFigure(): string | null {
  return params().get("integrer");
}

/** URL of the site's root: where Framework's own assets (`_observablehq/…`) are served from. */
function siteRoot(): URL {
  const asset = document.querySelector<HTMLLinkElement>("link[href*='_observablehq/']");
  const href = asset ? new URL(asset.getAttribute("href")!, location.href).href : location.href;
  const at = href.indexOf("_observablehq/");
  return new URL(at >= 0 ? href.slice(0, at) : "./", location.href);
}

/** The address of the embedded view of a figure, for the given theme. */
export function embedUrl(key: string, theme: EmbedTheme, target?: EmbedTarget): string {
  if (target) {
    const url = new URL("integrer.html", siteRoot());
    url.searchParams.set("graphique", target.graphique);
    url.searchParams.set("territoire", target.territoire);
    url.searchParams.set("theme", theme);
    return url.href;
  }
  const url = new URL(location.href);
  url.hash = "";
  url.searchParams.set("integrer", key);
  url.searchParams.set("theme", theme);
  return url.href;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The HTML to paste: the iframe (French title, fixed height) and the resizing script. */
export function embedSnippet(src: string, title: string): string {
  const script = new URL("integrer.js", siteRoot()).href;
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(`Graphique : ${title}`)}" ` +
    `width="100%" height="${EMBED_DEFAULT_HEIGHT}" style="border: 0; width: 100%;" loading="lazy"></iframe>\n` +
    `<script src="${escapeAttr(script)}" async></script>`
  );
}

/** The same chart drawn by the site's module in a host's own page, without an iframe. */
export function moduleSnippet(target: EmbedTarget): string {
  const root = siteRoot();
  const id = `iae-${target.graphique}-${target.territoire}`;
  return (
    `<link rel="stylesheet" href="${new URL("integrer/graphique.css", root).href}">\n` +
    `<div id="${id}"></div>\n` +
    `<script type="module">\n` +
    `  import {drawChart} from "${new URL("integrer/graphique.js", root).href}";\n` +
    `  drawChart(document.getElementById("${id}"), ${JSON.stringify(target).replace(/"(\w+)":/g, "$1: ")});\n` +
    `</script>`
  );
}

let counter = 0;

/** The "Intégrer" action of a figure: a theme choice and the snippet to copy. */
export function embedAction(title: string, key: string, target?: EmbedTarget): HTMLElement {
  const id = `pi-integrer-${++counter}`;
  const area = el("textarea", {id: `${id}-code`, readonly: "", rows: "4", spellcheck: "false"});
  let theme: EmbedTheme = "clair";
  const update = () => (area.value = embedSnippet(embedUrl(key, theme, target), title));
  const choices = el("fieldset", {class: "pi-integrer-themes"}, [el("legend", {}, ["Thème"])]);
  for (const [value, label] of Object.entries(THEMES) as [EmbedTheme, string][]) {
    const input = el("input", {type: "radio", name: `${id}-theme`, id: `${id}-${value}`, value});
    if (value === theme) input.checked = true;
    input.addEventListener("change", () => {
      theme = value;
      update();
    });
    choices.append(el("label", {for: `${id}-${value}`}, [input, ` ${label}`]));
  }
  // Without an iframe, for hosts that prefer a module (the site must then allow CORS).
  const moduleCode = target
    ? el("details", {class: "pi-integrer-module"}, [
        el("summary", {}, ["Sans cadre : le module JavaScript"]),
        el("pre", {}, [el("code", {}, [moduleSnippet(target)])])
      ])
    : null;
  const copy = el("button", {type: "button"}, ["Copier le code"]);
  const status = el("span", {role: "status"});
  copy.addEventListener("click", async () => {
    update();
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = "Code copié.";
    } catch {
      area.select();
      status.textContent = "Sélectionnez le code et copiez-le.";
    }
  });
  // The snippet reads the page's address (its filters) when opened, not when drawn.
  const details = el("details", {class: "pi-integrer"}, [
    el("summary", {}, ["Intégrer"]),
    el("p", {}, [
      "Pour afficher ce graphique sur un autre site, collez ce code dans sa page. ",
      "Le script ajuste la hauteur du cadre à son contenu ; sans lui, le cadre garde une hauteur fixe."
    ]),
    choices,
    el("label", {for: `${id}-code`}, ["Code à coller"]),
    area,
    el("p", {}, [copy, " ", status]),
    moduleCode
  ]);
  details.addEventListener("toggle", update);
  return details;
}

/** The key that names a figure in `?integrer=`: its title as a slug. */
export const embedKey = (title: string): string => slug(title);

/**
 * In an embedded view, sets the theme, keeps on screen only the figure asked for (and the
 * elements that contain it), and reports the page's height to the host at every change.
 */
export function startEmbeddedView(): void {
  const key = embeddedFigure();
  if (key === null || typeof document === "undefined") return;
  const root = document.documentElement;
  if (root.classList.contains("pi-integre")) return;
  applyEmbedTheme(params().get("theme"));
  const mark = () => {
    const figure = document.querySelector(`figure[data-integrer="${CSS.escape(key)}"]`);
    if (!figure || figure.classList.contains("pi-integre-cible")) return;
    figure.classList.add("pi-integre-cible");
    for (let node = figure.parentElement; node && node !== document.body; node = node.parentElement)
      node.classList.add("pi-integre-chemin");
  };
  new MutationObserver(mark).observe(document, {childList: true, subtree: true});
  reportHeight();
}

/** Marks the page as embedded (`pi-integre` on <html>) in the theme asked for: "clair", "sombre" or "hote". */
export function applyEmbedTheme(theme: string | null): void {
  const root = document.documentElement;
  root.classList.add("pi-integre");
  if (theme === "clair") root.classList.add("pi-theme-clair");
  else if (theme === "sombre") root.classList.add("pi-theme-sombre");
  else if (theme === "hote") root.classList.add("pi-theme-hote");
}

let reporting = false;

/** Sends the document's height to the host page at each change of size. */
export function reportHeight(): void {
  if (reporting || typeof window === "undefined" || window.parent === window) return;
  reporting = true;
  let last = -1;
  const send = () => {
    // The content's height, not the document's: the document is at least as tall as the iframe.
    const main = document.querySelector("#observablehq-main, #pi-integre") ?? document.body;
    const height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + 8);
    if (height === last) return;
    last = height;
    window.parent.postMessage({type: HEIGHT_MESSAGE, height}, "*");
  };
  new ResizeObserver(send).observe(document.querySelector("#observablehq-main, #pi-integre") ?? document.body);
  send();
}
