import {mkdtemp, mkdir, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {stampAttachments, stampDist} from "./reproducible.ts";

// As Framework 1.13 renders it (render.js, registerFile).
const page = (mtime: string) => `<script type="module">
import {registerFile} from "../_observablehq/stdlib.js";
registerFile("../data/territoires/departements/01/etp.arrow", {"name":"../data/territoires/departements/01/etp.arrow","mimeType":"application/vnd.apache.arrow.file","path":"../_file/data/territoires/departements/01/etp.94cb5522.arrow","lastModified":${mtime},"size":24618});
registerFile("../geo/departements.json", {"name":"../geo/departements.json","mimeType":"application/json","path":"../_file/geo/departements.0a1b2c3d.json","lastModified":${mtime},"size":1000});
</script>
<p>"lastModified":123 dans le texte de la page reste tel quel.</p>`;

const DATE = new Date("2026-01-15T00:00:00Z");

describe("stampAttachments", () => {
  it("dates every attached file by the publication date, whatever time the build wrote it", () => {
    const a = stampAttachments(page("1796091570070"), DATE);
    const b = stampAttachments(page("1796092084490.1234"), DATE);
    expect(a).toBe(b);
    expect(a.match(/"lastModified":\d+(?=,"size")/g)).toEqual([
      `"lastModified":${DATE.getTime()}`,
      `"lastModified":${DATE.getTime()}`
    ]);
    expect(a).toContain('<p>"lastModified":123 dans le texte');
  });
});

describe("stampDist", () => {
  it("rewrites the HTML pages of a built site, and nothing else", async () => {
    const dist = await mkdtemp(join(tmpdir(), "pilotage-stamp-"));
    await mkdir(join(dist, "departements"));
    await writeFile(join(dist, "departements/01.html"), page("1796091570070"));
    await writeFile(join(dist, "index.html"), "<p>Accueil</p>");
    await writeFile(join(dist, "data.json"), page("1796091570070"));
    expect(await stampDist(dist, DATE)).toBe(1);
    expect(await readFile(join(dist, "departements/01.html"), "utf8")).toBe(stampAttachments(page("1"), DATE));
    expect(await readFile(join(dist, "data.json"), "utf8")).toBe(page("1796091570070"));
  });
});
