// The statistical secret attacked as an outside reader would, with nothing but the built
// site (dist/ from `pnpm build:sample`): every Arrow file read with the declaration its
// metadata holds, every published relation built (hierarchies, derived figures, rates ×
// denominators, the same cell in two files), and linear programming to pin masked counts.
import {cp, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {auditFailures, toArrow, type DatasetSpec, type Row} from "@pilotage/indicators";
import {auditDirectory, readPublished} from "../../data-loaders/lib/published-relations.ts";

const DATA = "dist/_file/data";

describe("no masked count can be recovered from the published files", () => {
  it("every masked count hides at least 11 people from any combination of the files", async () => {
    const audit = await auditDirectory(DATA);
    expect(audit.files).toBeGreaterThan(100); // theme datasets, territory archive, extracts
    expect(audit.masked).toBeGreaterThan(0);
    expect(auditFailures(audit)).toEqual([]);
    expect(audit.leaks).toEqual([]);
    expect(audit.recovered).toEqual([]);
  });

  describe("on a copy of dist/ where one masked cell is published in a second file", () => {
    let copy: string;
    let unmasked: string;
    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), "dist-attaque-"));
      await cp(DATA, copy, {recursive: true});
      // A territory file holding a masked count that the theme file masks too.
      const tables = await readPublished(copy);
      for (const table of tables.filter((t) => t.source.startsWith("territoires/"))) {
        const figure = table.spec.columns.find(
          (c) => c.role === "figure" && c.counts === "people" && table.rows.some((r) => r[`${c.name}_secret`] === true)
        );
        if (!figure || table.spec.columns.some((c) => c.type === "date")) continue;
        const index = table.rows.findIndex((r) => r[`${figure.name}_secret`] === true);
        const rows: Row[] = table.rows.map((r, i) =>
          i === index ? {...r, [figure.name]: 11, [`${figure.name}_secret`]: false} : r
        );
        const spec = {...table.spec, columns: table.spec.columns.filter((c) => c.role !== "secret")} as DatasetSpec;
        await writeFile(join(copy, table.source), toArrow(spec, rows));
        unmasked = `${table.source} : ${figure.name}, ligne ${index}`;
        break;
      }
    });
    afterAll(async () => {
      if (copy) await rm(copy, {recursive: true, force: true});
    });

    it("the audit finds the cell given back", async () => {
      expect(unmasked).toBeDefined();
      const audit = await auditDirectory(copy);
      expect(audit.leaks.length, unmasked).toBe(1);
      expect(auditFailures(audit)[0]).toMatch(/masquée dans .* mais publiée dans territoires\//);
    });
  });
});

describe("the examples of issue 15, read back from dist/", () => {
  it("candidatures-taux declares traitées as candidatures − « Nouvelle candidature »", async () => {
    const tables = await readPublished(DATA);
    const taux = tables.find((t) => t.source.startsWith("candidatures-taux."))!;
    const traitees = taux.spec.columns.find((c) => c.name === "candidatures_traitees");
    expect(traitees && traitees.role === "figure" && traitees.derivedFrom).toEqual([
      {figure: "candidatures", coefficient: 1},
      {figure: "candidatures", dims: {etat: "Nouvelle candidature"}, coefficient: -1}
    ]);
    // National 2022, ETTI: « Nouvelle candidature » masked, and traitées with it.
    const cand = tables.find((t) => t.source.startsWith("candidatures."))!;
    const find = (rows: readonly Row[], match: Record<string, string>) =>
      rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
    const cell = {niveau: "national", periode: "2022", type_structure: "ETTI"};
    const nouvelle = find(cand.rows, {
      ...cell,
      etat: "Nouvelle candidature",
      origine: "ensemble",
      motif_refus: "ensemble"
    });
    const row = find(taux.rows, cell);
    if (nouvelle?.candidatures_secret === true) expect(row?.candidatures_traitees_secret).toBe(true);
  });

  it("the salaries' hours are masked in salaries where and only where etp masks them", async () => {
    const tables = await readPublished(DATA);
    const etp = tables.find((t) => t.source.startsWith("etp."))!;
    const salaries = tables.find((t) => t.source.startsWith("salaries."))!;
    const key = (r: Row) => [r.niveau, r.territoire, r.periode, r.type_structure].join("|");
    const etpRows = new Map(etp.rows.map((r) => [key(r), r]));
    let compared = 0;
    for (const row of salaries.rows.filter((r) => r.caracteristique === "ensemble")) {
      const other = etpRows.get(key(row));
      if (!other) continue;
      compared++;
      expect(row.heures_travaillees === null, key(row)).toBe(other.heures_travaillees === null);
    }
    expect(compared).toBeGreaterThan(100);
  });
});
