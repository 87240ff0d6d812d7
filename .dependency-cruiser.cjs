// The workspace's allowed dependencies (dependency-cruiser), checked by
// tests/architecture.test.ts (which prints each breach with its rule's French `comment`);
// `pnpm exec depcruise packages data-loaders docs tests` lists them:
//   sources ← indicators ← data-loaders ← pages; build and reports read all three;
//   charts (docs/components) know no source, indicator nor loader; synth knows no indicator;
//   no import cycle, type-only imports included; a package is entered only through the files
//   its package.json `exports` names, never through another file of its `src/`.
const {readdirSync, readFileSync} = require("node:fs");
const {join} = require("node:path");

// Tests may wire layers together (a loader's test reads what the build publishes): the
// layering rules hold for the code itself. Cycles and package entries hold for all.
const TESTS = "[.]test[.]ts$";

/**
 * The rules for the workspace at `root` (a folder holding packages/, data-loaders/, docs/…).
 * @param {string} root
 * @returns {import('dependency-cruiser').IConfiguration}
 */
function configFor(root) {
  // The files that packages/*/package.json `exports` name: the only ways into a package.
  const entries = readdirSync(join(root, "packages"))
    .flatMap((name) => {
      const {exports = {}} = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
      return Object.values(exports).map(
        (file) => `^packages/${name}/${file.replace(/^[.]\//, "").replaceAll(".", "[.]")}$`
      );
    })
    .join("|");
  return {
    forbidden: [
      {
        name: "no-circular",
        comment: "cycle d'imports (imports de types compris) : l'un de ses fichiers doit céder",
        severity: "error",
        from: {},
        to: {circular: true}
      },
      {
        name: "not-to-unresolvable",
        comment:
          "import introuvable (fichier absent, ou chemin d'un paquet que son package.json n'exporte pas) : rien ne peut en être vérifié",
        severity: "error",
        from: {},
        // Our own paths only: type-only packages (geojson, topojson-specification) have no
        // file to resolve, and TypeScript checks them.
        to: {couldNotResolve: true, path: "^([.]|@pilotage/)"}
      },
      {
        name: "package-entry-only",
        comment: "on entre dans un autre paquet par ce que son package.json exporte, pas par un fichier de son src/",
        severity: "error",
        from: {path: "^(packages/[^/]+/|data-loaders/|docs/|tests/|[^/]+$)"},
        to: {path: "^packages/[^/]+/src/", pathNot: entries ? ["^$1", entries] : ["^$1"]}
      },
      {
        name: "sources-are-first",
        comment: "les sources lisent fichiers et bases : elles ne connaissent rien de ce qu'on en calcule",
        severity: "error",
        from: {path: "^packages/sources/", pathNot: TESTS},
        to: {path: "^(packages/(indicators|build|reports|synth|geo)|data-loaders|docs|tests)/"}
      },
      {
        name: "indicators-know-sources-only",
        comment: "les indicateurs se définissent sur les sources, pas sur les loaders, les pages ou les rapports",
        severity: "error",
        from: {path: "^packages/indicators/", pathNot: TESTS},
        to: {path: "^(packages/(build|reports|synth|geo)|data-loaders|docs|tests)/"}
      },
      {
        name: "synth-knows-no-indicator",
        comment: "le générateur écrit des sources : il en connaît le format, jamais un indicateur",
        severity: "error",
        from: {path: "^packages/synth/", pathNot: TESTS},
        to: {path: "^(packages/(indicators|build|reports)|data-loaders|docs)/"}
      },
      {
        name: "loaders-know-no-page",
        // The « Ce que le site remplace » loader publishes the hours the reports save: it reads
        // the reports' data and hours model, nothing else of them.
        comment: "les données vont des loaders vers les pages, jamais l'inverse",
        severity: "error",
        from: {path: "^data-loaders/", pathNot: TESTS},
        to: {path: "^(packages/build|docs)/|^packages/reports/src/(?!(data|hours|model)[.]ts$)"}
      },
      {
        name: "charts-know-no-source",
        comment: "un graphique dessine les lignes qu'on lui donne : ni source, ni indicateur, ni loader derrière",
        severity: "error",
        from: {path: "^docs/components/", pathNot: TESTS},
        to: {path: "^(packages|data-loaders)/"}
      }
    ],
    options: {
      doNotFollow: {path: "node_modules"},
      exclude: {path: "(^|/)node_modules/|^dist/|^docs/[.]observablehq/"},
      // Type-only imports count: a cycle of types is still a cycle for a reader.
      tsPreCompilationDeps: true,
      tsConfig: {fileName: join(root, "tsconfig.json")},
      // Workspace packages resolve to their real path (packages/x/src/…), not node_modules.
      preserveSymlinks: false,
      enhancedResolveOptions: {
        exportsFields: ["exports"],
        conditionNames: ["import", "node", "default", "types"],
        extensions: [".ts", ".js", ".mjs", ".json"]
      }
    }
  };
}

module.exports = configFor(__dirname);
// For the architecture test's own tree; not enumerable, so dependency-cruiser's copy of the
// configuration (structuredClone) does not meet a function.
Object.defineProperty(module.exports, "configFor", {value: configFor});
