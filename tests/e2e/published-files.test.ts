// What the site publishes, file by file (dist/ from `pnpm build`): self-hosted, and free of
// pseudonymised identifiers.
import {readFile, readdir} from "node:fs/promises";
import {extname, join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {beforeAll, describe, expect, it} from "vitest";
import {openStaged} from "@pilotage/sources";
import {CACHE_DIR} from "../../data-loaders/lib/run.ts";

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

let files: string[];
beforeAll(async () => {
  files = await listFiles("dist");
});

describe("the built site is self-hosted", () => {
  // Requests a browser makes by itself: resources in HTML, stylesheet urls, static imports.
  const remote = [
    /<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']?(?:https?:)?\/\//i,
    /<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|preconnect|prefetch|manifest))[^>]*\bhref=["']?(?:https?:)?\/\//i,
    /url\(\s*["']?(?:https?:)?\/\//i,
    /(?:^|[;\s])import\s*(?:[^"';]*\sfrom\s*)?["'](?:https?:)?\/\//m,
    /fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|esm\.sh/i
  ];

  it("no HTML, CSS or JavaScript file loads anything from another origin", async () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => [".html", ".css", ".js"].includes(extname(f)))) {
      const text = await readFile(file, "utf8");
      for (const pattern of remote) {
        const match = pattern.exec(text);
        if (match) offenders.push(`${file}: ${match[0].slice(0, 120)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the pattern list catches what it claims to", () => {
    const samples = [
      '<script type="module" src="https://cdn.example.org/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.org/a.css">',
      "body { background: url('https://example.org/a.png') }",
      'import {x} from "https://esm.example.org/x";',
      '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
    ];
    for (const sample of samples)
      expect(
        remote.some((p) => p.test(sample)),
        sample
      ).toBe(true);
    expect(remote.some((p) => p.test('<a href="https://www.insee.fr/">INSEE</a>'))).toBe(false);
  });
});

describe("the built site holds no pseudonymised identifier", () => {
  it("no hash_nir nor candidate identifier of the staged sources appears in any published file", async () => {
    const engine = await openStaged(CACHE_DIR);
    let identifiers: Set<string>;
    try {
      const rows = await engine.query<{v: string}>(`
        SELECT hash_nir AS v FROM salarie WHERE hash_nir IS NOT NULL
        UNION SELECT hash_nir FROM candidats WHERE hash_nir IS NOT NULL
        UNION SELECT id FROM candidats
        UNION SELECT id FROM pass_agrements`);
      identifiers = new Set(rows.map((r) => r.v).filter((v) => v.length >= 8));
    } finally {
      await engine.close();
    }
    expect(identifiers.size).toBeGreaterThan(0);
    // Identifiers are long random strings: look for every token of that shape in each file.
    const token = /[0-9A-Za-z_-]{8,}/g;
    const found: string[] = [];
    for (const file of files) {
      const text = (await readFile(file)).toString("latin1");
      for (const [candidate] of text.matchAll(token)) {
        if (identifiers.has(candidate)) found.push(`${file}: ${candidate.slice(0, 4)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it("no published Arrow file has an identifier column", async () => {
    const forbidden = /hash_nir|salarie_id|id_candidat|^id$|pph_id|id_pph/i;
    for (const file of files.filter((f) => f.endsWith(".arrow"))) {
      const table = tableFromIPC(await readFile(file));
      const names = table.schema.fields.map((f) => f.name);
      expect(
        names.filter((n) => forbidden.test(n)),
        file
      ).toEqual([]);
    }
  });
});

describe("developers' notes under docs/ are not pages", () => {
  it("docs/components/README.md and docs/geo/SOURCE.md are not built", () => {
    const pages = files.filter((f) => f.endsWith(".html")).map((f) => f.replace(/^dist\//, ""));
    expect(pages).not.toContain("components/README.html");
    expect(pages).not.toContain("geo/SOURCE.html");
    expect(pages).toContain("index.html");
  });
});

describe("the built site holds nothing of the private reports", () => {
  it("no published file names a SIAE nor carries a report's restricted mark (structure grain stays out of dist/)", async () => {
    const engine = await openStaged(CACHE_DIR);
    let names: string[];
    try {
      names = (await engine.query<{v: string}>(`SELECT DISTINCT structure_denomination AS v FROM structure`))
        .map((r) => r.v)
        .filter((v) => v && v.length >= 8);
    } finally {
      await engine.close();
    }
    expect(names.length).toBeGreaterThan(30);
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    const found: string[] = [];
    for (const file of files) {
      const text = (await readFile(file)).toString("utf8");
      if (text.includes("Diffusion restreinte")) found.push(`${file}: Diffusion restreinte`);
      for (const name of names) if (text.includes(name) || text.includes(escape(name))) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
