// Site configuration (Observable Framework 1.13). Everything a reader sees is French;
// nothing is loaded from outside the site (no CDN, no web fonts, no telemetry).
import {DEPARTEMENTS, REGIONS} from "@pilotage/sources";
import {pages} from "./docs/pages.ts";

export default {
  root: "docs",
  title: "Pilotage de l'inclusion dans l'emploi",
  home: "Accueil",
  pages,
  // One page per région and per département (the seed territoires.csv), from two parameterized pages.
  dynamicPaths: [...REGIONS.map((r) => `/regions/${r.code}`), ...DEPARTEMENTS.map((d) => `/departements/${d}`)],
  // Framework's default pulls Google Fonts: the site uses system fonts only.
  globalStylesheets: [],
  style: "style.css",
  // The inline script: a page embedded in another site (Intégrer) may be refused its
  // sessionStorage (third-party storage blocked), which Framework's sidebar reads: it then
  // keeps its state in memory instead of failing.
  head:
    '<link rel="icon" href="favicon.svg" type="image/svg+xml">' +
    "<script>try{sessionStorage}catch(e){var m={};Object.defineProperty(window,'sessionStorage',{configurable:true," +
    "value:{getItem:function(k){return k in m?m[k]:null},setItem:function(k,v){m[k]=String(v)},removeItem:function(k){delete m[k]}}})}</script>",
  footer:
    "Données : ASP (extractions fluxIAE) et plateforme des emplois de l'inclusion. " +
    "Site statique, sans traceur ni ressource extérieure.",
  toc: {label: "Sur cette page"},
  // Links end in .html and name index.html: the site works on any static host, without
  // clean-URL rewriting, at the root or under a sub-path (every link is relative).
  preserveExtension: true,
  preserveIndex: true,
  search: false,
  // .ts loaders run in one node process with tsx (≈ 0.2 s faster than the tsx binary).
  interpreters: {".ts": ["node", "--import", "tsx"]}
  // Framework writes its own cache under docs/.observablehq; our loaders decide freshness
  // through packages/build (fingerprints of code + inputs), see docs/guide-analystes.md.
};
