// The light embed page, built beside Framework's output: Framework's page runtime and the
// Arrow reader weigh more than the 60 KB an embed may cost, so the embed is bundled on its
// own with esbuild (minified, tree-shaken) from docs/embed/:
//   dist/integrer.html               the page an <iframe> shows
//   dist/integrer/graphique.js|.css  its module (also importable by a host: drawChart) and styles
//   dist/integrer.js                 the script a host page loads to resize its iframes
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build, type Plugin} from "esbuild";

// The embed reads JSON slices and never writes Arrow: the components' optional Arrow
// download of a table (downloads.ts) is replaced by a stub, so no Arrow code is shipped.
const noArrow: Plugin = {
  name: "sans-arrow",
  setup(b) {
    b.onResolve({filter: /^apache-arrow$/}, () => ({path: "apache-arrow", namespace: "sans-arrow"}));
    b.onLoad({filter: /.*/, namespace: "sans-arrow"}, () => ({
      contents:
        'const absent = () => { throw new Error("Arrow n\'est pas chargé dans les graphiques intégrés."); };\n' +
        "export const tableToIPC = absent, tableFromIPC = absent;",
      loader: "js"
    }));
  }
};

const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Graphique intégré : Pilotage de l'inclusion dans l'emploi</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="integrer/graphique.css">
<style>
:root { --theme-background: #ffffff; --theme-foreground: #1b1e23; }
@media (prefers-color-scheme: dark) { :root { --theme-background: #161616; --theme-foreground: #eceef1; } }
html { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0; padding: 0.5rem 0.75rem; background: var(--theme-background); color: var(--theme-foreground); }
#pi-integre { max-width: 760px; }
.pi-integre-lien { font-size: 0.85rem; margin: 0.5rem 0 0; }
.pi-integre-lien a { color: inherit; }
</style>
<script type="module" src="integrer/graphique.js"></script>
</head>
<body>
<main id="pi-integre" aria-live="polite"><p>Chargement du graphique…</p></main>
</body>
</html>
`;

/** Builds the embed page, its module and styles, and the host's resizing script into `dist`. */
export async function buildEmbedPage({
  docs = "docs",
  dist = "dist"
}: {docs?: string; dist?: string} = {}): Promise<void> {
  const common = {bundle: true, minify: true, legalComments: "none" as const, logLevel: "error" as const};
  mkdirSync(join(dist, "integrer"), {recursive: true});
  await build({
    ...common,
    entryPoints: {graphique: join(docs, "embed/integrer.ts")},
    outdir: join(dist, "integrer"),
    format: "esm",
    target: "es2022",
    plugins: [noArrow]
  });
  await build({...common, entryPoints: {graphique: join(docs, "embed/integrer.css")}, outdir: join(dist, "integrer")});
  await build({
    ...common,
    entryPoints: [join(docs, "embed/hote.ts")],
    outfile: join(dist, "integrer.js"),
    format: "iife",
    target: "es2018"
  });
  writeFileSync(join(dist, "integrer.html"), PAGE);
}
