// An outside reader's attack on the statistical secret (issue 15), with nothing but the
// published files (dist/donnees/: every dataset, and each territory's slices in Arrow and in
// JSON) and public knowledge of what adds up. It tries to give a masked person count back:
// - the same cell published in another file (a theme dataset and a territory's slice);
// - a published total minus its published parts, when one part alone is masked, or when
//   the masked parts hide together 1 to 10 (each is then pinned under the threshold);
// - a figure derived from others: candidatures − traitées = « Nouvelle candidature »;
// - the same magnitude under another dataset's name: the hours of salaries' employees in etp;
// - a magnitude (ETP, hours, aid) of a cell the structures dataset says holds 1 or 2 SIAE
//   (business secret; the dominance rule needs the structures' own figures, which no file
//   publishes: data-loaders/fluxiae-datasets.test.ts checks it on the staged sample).
// It finds nothing in the built site, and finds what a copy of the files gives away.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {beforeAll, describe, expect, it} from "vitest";
import {tableCells, type Cell} from "@pilotage/build/open-data";
import {
  additiveRelations,
  hiddenTogether,
  monthsInYearRelations,
  totalAlone,
  type Relation
} from "../support/relations.ts";

const DONNEES = "dist/donnees";
const THRESHOLD = 11;

type Row = Record<string, Cell>;
interface Column {
  readonly name: string;
  readonly role: "dimension" | "figure" | "secret";
  readonly describes?: string;
  readonly of?: string;
}
interface Published {
  readonly dataset: string;
  readonly file: string;
  readonly rows: readonly Row[];
}

// Person counts that add up across territories and kinds (public knowledge: the dictionary
// says so), by dataset; the other dimensions of a cell (period, categories) come from the
// dictionary.
const ADDITIVE: Record<string, readonly string[]> = {
  candidatures: ["candidatures"],
  "candidatures-taux": ["candidatures", "candidatures_acceptees", "candidatures_refusees", "candidatures_traitees"],
  prescripteurs: ["candidatures", "candidatures_acceptees"],
  "pass-iae": ["pass_delivres", "pass_actifs", "pass_suspendus", "pass_expirant_3_mois"],
  sorties: ["nb_sorties"],
  parcours: ["nb_parcours"]
};

// Magnitudes that add up the same way (and over the months of a year), masked with their
// people: a masked one must never be alone in a relation (no threshold applies to hours).
const MAGNITUDES: Record<string, readonly string[]> = {
  etp: ["heures_travaillees", "etp_conventionnes", "montant_aide"],
  salaries: ["heures_travaillees"]
};

// Magnitudes over structures, under the business secret, by dataset.
const BUSINESS_MAGNITUDES: Record<string, readonly string[]> = {
  etp: ["etp_conventionnes", "etp_realises", "etp_realises_valides", "heures_travaillees", "montant_aide"],
  salaries: ["heures_travaillees", "etp_realises", "montant_aide"]
};
const BUSINESS_MIN_STRUCTURES = 3;

let columns: Map<string, readonly Column[]>;
let files: Published[];

function readArrow(path: string): Row[] {
  const table = tableFromIPC(readFileSync(path));
  const names = table.schema.fields.map((f) => f.name);
  return tableCells(table).map((cells) => Object.fromEntries(cells.map((v, i) => [names[i]!, v])));
}

beforeAll(() => {
  if (!existsSync(join(DONNEES, "dictionnaire.json")))
    throw new Error("dist/donnees/ est absent : lancer `pnpm build` avant ces tests.");
  const dictionary = JSON.parse(readFileSync(join(DONNEES, "dictionnaire.json"), "utf8")) as {
    datasets: {name: string; columns: Column[]}[];
  };
  columns = new Map(dictionary.datasets.map((d) => [d.name, d.columns]));
  files = dictionary.datasets.map((d) => ({
    dataset: d.name,
    file: `${d.name}.arrow`,
    rows: readArrow(join(DONNEES, `${d.name}.arrow`))
  }));
  const slices = join(DONNEES, "territoires");
  for (const entry of readdirSync(slices, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const dataset = entry.name.replace(/\.(arrow|json)$/, "");
    if (!columns.has(dataset)) continue;
    const rows = entry.name.endsWith(".arrow")
      ? readArrow(path)
      : (JSON.parse(readFileSync(path, "utf8")) as {rows: Row[]}).rows;
    files.push({dataset, file: relative(DONNEES, path), rows});
  }
});

/** The columns that identify a cell of a dataset (its dimensions, not their labels). */
const keyColumns = (dataset: string) =>
  columns
    .get(dataset)!
    .filter((c) => c.role === "dimension" && !c.describes && !c.name.endsWith("_libelle"))
    .map((c) => c.name);
const figures = (dataset: string) =>
  columns
    .get(dataset)!
    .filter((c) => c.role === "secret")
    .map((c) => c.of ?? c.name.replace(/_secret$/, ""));
const isMasked = (row: Row, figure: string) => row[`${figure}_secret`] === true;

/** What an attack found, and how many cells or relations it looked at. */
interface Findings {
  readonly found: string[];
  checked: number;
}

/** Cells published with another value or another mask in a second file. */
function crossFileDisagreements(published: readonly Published[]): Findings {
  const seen = new Map<string, {file: string; value: Cell; masked: boolean}>();
  const result: Findings = {found: [], checked: 0};
  const found = result.found;
  for (const {dataset, file, rows} of published) {
    const keys = keyColumns(dataset);
    for (const row of rows)
      for (const figure of figures(dataset)) {
        if (!(figure in row)) continue;
        const id = JSON.stringify([dataset, figure, ...keys.map((k) => row[k] ?? null)]);
        const cell = {file, value: row[figure] ?? null, masked: isMasked(row, figure)};
        const before = seen.get(id);
        if (!before) {
          seen.set(id, cell);
          continue;
        }
        result.checked++;
        if (before.masked !== cell.masked || (!cell.masked && before.value !== cell.value))
          found.push(
            `${id} : ${before.file} ${before.masked ? "masqué" : before.value}, ${file} ${cell.masked ? "masqué" : cell.value}`
          );
      }
  }
  return result;
}

/**
 * Relations of additive counts (national → régions, région → its départements, « ensemble »
 * → the five kinds) where a reader pins masked parts: one masked part alone beside a
 * published total, or masked parts hiding together 1 to 10.
 */
function pinnedByRelations(dataset: string, rows: readonly Row[], regionOf: (d: string) => string): Findings {
  const dims = keyColumns(dataset).filter((k) => k !== "niveau" && k !== "territoire" && k !== "type_structure");
  const result: Findings = {found: [], checked: 0};
  const relations = additiveRelations(rows, dims, regionOf);
  const check = (relation: Relation<Row>, figure: string, people: boolean) => {
    if (totalAlone(relation, figure)) result.found.push(`${dataset}.${figure} ${relation.what} : total seul masqué`);
    const seen = hiddenTogether(relation, figure);
    if (!seen) return;
    result.checked++;
    if (seen.masked === 1 || (people && seen.hidden > 0 && seen.hidden < THRESHOLD))
      result.found.push(
        `${dataset}.${figure} ${relation.what} : ${seen.masked === 1 ? "seul masqué" : `${seen.hidden} caché(s) ensemble`}`
      );
  };
  for (const figure of ADDITIVE[dataset] ?? []) for (const relation of relations) check(relation, figure, true);
  const byMonth = monthsInYearRelations(
    rows,
    dims.filter((d) => d !== "periode")
  );
  for (const figure of MAGNITUDES[dataset] ?? [])
    for (const relation of [...relations, ...byMonth]) check(relation, figure, false);
  return result;
}

/** Cells where « Nouvelle candidature » is masked but candidatures − traitées gives it back. */
function newApplicationsGivenBack(candidatures: readonly Row[], taux: readonly Row[]): Findings {
  const key = (r: Row) => JSON.stringify([r.niveau, r.territoire, r.periode, r.type_structure]);
  const news = new Map(
    candidatures
      .filter((r) => r.etat === "Nouvelle candidature" && r.origine === "ensemble" && r.motif_refus === "ensemble")
      .map((r) => [key(r), r])
  );
  const result: Findings = {found: [], checked: 0};
  for (const t of taux) {
    const nouvelle = news.get(key(t));
    if (nouvelle === undefined || !isMasked(nouvelle, "candidatures")) continue;
    result.checked++;
    if (!isMasked(t, "candidatures") && !isMasked(t, "candidatures_traitees"))
      result.found.push(`${key(t)} : ${Number(t.candidatures) - Number(t.candidatures_traitees)}`);
  }
  return result;
}

/** Hours that salaries masks for all its employees and etp publishes for the same territory, kind and year. */
function hoursGivenBack(salaries: readonly Row[], etp: readonly Row[]): Findings {
  const key = (r: Row) => JSON.stringify([r.niveau, r.territoire, r.periode, r.type_structure]);
  const published = new Map(etp.filter((r) => !isMasked(r, "heures_travaillees")).map((r) => [key(r), r]));
  const result: Findings = {found: [], checked: 0};
  for (const s of salaries) {
    if (s.caracteristique !== "ensemble" || !isMasked(s, "heures_travaillees")) continue;
    result.checked++;
    const e = published.get(key(s));
    if (e) result.found.push(`${key(s)} : ${String(e.heures_travaillees)} heures`);
  }
  return result;
}

/**
 * Magnitudes published for a territory, kind and year that the structures dataset says holds
 * 1 or 2 SIAE (business secret: fewer than 3 structures).
 */
function magnitudesOfFewStructures(structures: readonly Row[], dataset: string, rows: readonly Row[]): Findings {
  const key = (r: Row) => JSON.stringify([r.niveau, r.territoire, r.periode, r.type_structure]);
  const few = new Set(
    structures
      .filter(
        (r) => typeof r.nb_structures === "number" && r.nb_structures > 0 && r.nb_structures < BUSINESS_MIN_STRUCTURES
      )
      .map(key)
  );
  const result: Findings = {found: [], checked: 0};
  for (const r of rows) {
    if (!few.has(key(r))) continue;
    result.checked++;
    for (const figure of BUSINESS_MAGNITUDES[dataset]!)
      if (r[figure] !== null && r[figure] !== undefined)
        result.found.push(`${dataset} ${key(r)} : ${figure} = ${String(r[figure])}`);
  }
  return result;
}

// The région of a département, as the published files themselves say (the département rows
// of a région's slice): public knowledge, read from dist/ like the rest.
function regionsOfDepartements(): (d: string) => string {
  const map = new Map<string, string>();
  for (const {file, rows} of files) {
    const m = /^territoires\/regions\/([^/]+)\//.exec(file);
    if (!m) continue;
    for (const r of rows) if (r.niveau === "département") map.set(String(r.territoire), m[1]!);
  }
  return (d) => map.get(d) ?? "?";
}

const theme = (name: string) => files.find((f) => f.dataset === name && f.file === `${name}.arrow`)!;

describe("an outside reader with the published files only", () => {
  it("finds no cell published with another value or mask in a second file", () => {
    expect(files.length).toBeGreaterThan(1000);
    const {found, checked} = crossFileDisagreements(files);
    expect(found.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  it.each([...Object.keys(ADDITIVE), ...Object.keys(MAGNITUDES)])(
    "%s: pins no masked figure by a total minus its published parts",
    (name) => {
      const {found, checked} = pinnedByRelations(name, theme(name).rows, regionsOfDepartements());
      expect(found.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    }
  );

  it("gets no « Nouvelle candidature » back as candidatures − traitées", () => {
    const {found, checked} = newApplicationsGivenBack(theme("candidatures").rows, theme("candidatures-taux").rows);
    expect(found).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe("an outside reader with the published files only, across datasets", () => {
  it("gets no hours of few employees, masked in salaries, from etp", () => {
    const {found, checked} = hoursGivenBack(theme("salaries").rows, theme("etp").rows);
    expect(found.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe("an outside reader with the published files only, against the business secret", () => {
  it.each(Object.keys(BUSINESS_MAGNITUDES))("%s publishes no magnitude of 1 or 2 structures", (name) => {
    const {found, checked} = magnitudesOfFewStructures(theme("structures").rows, name, theme(name).rows);
    expect(found.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe("the attack on a copy of the files that gives a cell away", () => {
  it("finds the ETP of a cell of 1 or 2 structures published", () => {
    const structures = theme("structures").rows;
    const one = structures.find((r) => r.nb_structures === 1 && r.niveau === "département")!;
    const etp = theme("etp").rows.map((r) =>
      r.niveau === one.niveau &&
      r.territoire === one.territoire &&
      r.periode === one.periode &&
      r.type_structure === one.type_structure
        ? {...r, etp_conventionnes: 2.5, etp_conventionnes_secret: false}
        : r
    );
    expect(magnitudesOfFewStructures(structures, "etp", etp).found.length).toBe(1);
  });

  it("finds hours that salaries masks published in etp", () => {
    const etp = theme("etp").rows.map((r) =>
      isMasked(r, "heures_travaillees") ? {...r, heures_travaillees: 1234.5, heures_travaillees_secret: false} : r
    );
    expect(hoursGivenBack(theme("salaries").rows, etp).found.length).toBeGreaterThan(0);
  });

  it("finds a masked cell published in a second file", () => {
    const name = "sorties";
    const {rows} = theme(name);
    const index = rows.findIndex((r) => r.niveau === "département" && isMasked(r, "nb_sorties"));
    const slice = files.find(
      (f) =>
        f.dataset === name &&
        f.file.endsWith(".arrow") &&
        f.rows.some((r) => r.territoire === rows[index]!.territoire && r.niveau === "département")
    )!;
    const copy = slice.rows.map((r) =>
      r.niveau === rows[index]!.niveau &&
      r.territoire === rows[index]!.territoire &&
      keyColumns(name).every((k) => r[k] === rows[index]![k])
        ? {...r, nb_sorties: 4, nb_sorties_secret: false}
        : r
    );
    expect(crossFileDisagreements([theme(name), {...slice, rows: copy}]).found).toHaveLength(1);
  });

  it("finds a part left alone masked, and masked parts hiding less than 11", () => {
    const name = "sorties";
    const regionOf = regionsOfDepartements();
    const {rows} = theme(name);
    // A région whose masked départements are two or more: unmask all of them but one.
    const byRegion = new Map<string, Row[]>();
    for (const r of rows.filter((r) => r.niveau === "département" && isMasked(r, "nb_sorties"))) {
      const k = JSON.stringify([regionOf(String(r.territoire)), r.periode, r.type_structure, r.categorie_sortie]);
      byRegion.set(k, [...(byRegion.get(k) ?? []), r]);
    }
    const [, masked] = [...byRegion].find(([, g]) => g.length >= 2)!;
    const copy = rows.map((r) => (masked.slice(1).includes(r) ? {...r, nb_sorties: 12, nb_sorties_secret: false} : r));
    expect(pinnedByRelations(name, copy, regionOf).found.some((f) => f.includes("seul masqué"))).toBe(true);
  });

  it("finds a masked total whose parts are all published", () => {
    const regionOf = regionsOfDepartements();
    const {rows} = theme("sorties");
    // A masked région whose masked départements are unmasked in the copy.
    const region = rows.find((r) => r.niveau === "région" && isMasked(r, "nb_sorties"))!;
    const copy = rows.map((r) =>
      r.niveau === "département" &&
      regionOf(String(r.territoire)) === region.territoire &&
      r.periode === region.periode &&
      r.type_structure === region.type_structure &&
      r.categorie_sortie === region.categorie_sortie &&
      isMasked(r, "nb_sorties")
        ? {...r, nb_sorties: 12, nb_sorties_secret: false}
        : r
    );
    expect(pinnedByRelations("sorties", copy, regionOf).found.some((f) => f.includes("total seul masqué"))).toBe(true);
  });

  it("finds etp hours left alone masked in a month", () => {
    const regionOf = regionsOfDepartements();
    const {rows} = theme("etp");
    // A month's kinds with two or more masked: unmask all of them but one.
    const byCell = new Map<string, Row[]>();
    for (const r of rows.filter((r) => /-/.test(String(r.periode)) && isMasked(r, "heures_travaillees")))
      if (r.type_structure !== "ensemble") {
        const k = JSON.stringify([r.niveau, r.territoire, r.periode]);
        byCell.set(k, [...(byCell.get(k) ?? []), r]);
      }
    const [, masked] = [...byCell].find(([, g]) => g.length >= 2)!;
    const copy = rows.map((r) =>
      masked.slice(1).includes(r) ? {...r, heures_travaillees: 100, heures_travaillees_secret: false} : r
    );
    expect(pinnedByRelations("etp", copy, regionOf).found.some((f) => f.includes("seul masqué"))).toBe(true);
  });

  it("finds a « Nouvelle candidature » given back when traitées are published beside it", () => {
    const candidatures = theme("candidatures").rows;
    const taux = theme("candidatures-taux").rows;
    const copy = taux.map((t) =>
      isMasked(t, "candidatures_traitees") && !isMasked(t, "candidatures")
        ? {...t, candidatures_traitees: Number(t.candidatures) - 3, candidatures_traitees_secret: false}
        : t
    );
    expect(newApplicationsGivenBack(candidatures, copy).found.length).toBeGreaterThan(0);
  });
});
