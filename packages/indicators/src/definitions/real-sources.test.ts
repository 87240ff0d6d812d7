// Known answers for the facts of the real files (domain.md, "Sources"; issue « Sources as the
// administration really delivers them »), each example of the issue on a fluxIAE folder in
// the real format staged by the real stage(), on DuckDB and on PostgreSQL (PGlite):
// - a monthly statement present twice counts once;
// - a commune code without its leading zero ('1053', Bourg-en-Bresse) is in the Ain (01,
//   Auvergne-Rhône-Alpes), not in the Aube (10, Grand Est);
// - one person under two salarie_id (one hash_nir) is one employee;
// - a yearly annexe whose statements stop in June counts its 12 months of ETP conventionnés.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  HOURS_1607,
  MOTIF,
  expectSameRows,
  monthly,
  only,
  pick,
  stageFixture,
  stageOnBoth,
  writeFluxIaeFolder,
  type StagedFixture
} from "../testing/fluxiae-fixture.ts";
import {EMPLOIS, writeEmplois} from "@pilotage/sources/testing";
import {
  CANDIDATES_WITHOUT_HIRE,
  CANDIDATURES_CUBE,
  PRESCRIBER_ORGANISATIONS,
  RECRUITMENT_DELAY,
  RESPONSE_TIME
} from "./candidatures.ts";
import {passIaeSql, passPeriods} from "./pass-iae.ts";
import {etpByLevelSql} from "./etp.ts";
import {employeesByLevelSql} from "./salaries.ts";
import {exitsByLevelSql} from "./sorties.ts";
import {structuresByYearSql} from "./structures.ts";

// Structure 1: ACI in Hérault (34172), annexe 10: 1 ETP at 1 607 h through 2025; person 1
//   120 h every month of 2025, the March statement written twice (identical rows).
// Structure 2: EI whose commune is written '1053' (Bourg-en-Bresse, 01053), annexe 20 with no
//   af_departement; person 2 hired 01/01/2025, 100 h a month January–June, exit 30/06/2025
//   to a durable job.
// Structures 3 (ACI) and 4 (EI) in the Gard (30189): one woman, hash_nir "h-same", under
//   salarie_id 3 on the ACI (January–June 2025) and 4 on the EI (July–December).
// Structure 5: AI in Isère (38185), annexe 50: 2 ETP from 01/01/2025 to 31/12/2025;
//   person 5's statements stop in June.
let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "1053"},
      {id: 3, insee: "30189"},
      {id: 4, insee: "30189"},
      {id: 5, insee: "38185"}
    ],
    annexes: [
      {id: 10, structure: 1, measure: "ACI_DC", etp: 1, hoursRef: HOURS_1607, departement: "34"},
      {id: 20, structure: 2, measure: "EI_DC", etp: 1, departement: null},
      {id: 30, structure: 3, measure: "ACI_DC", departement: "30"},
      {id: 40, structure: 4, measure: "EI_DC", departement: "30"},
      {id: 50, structure: 5, measure: "AI_DC", etp: 2, departement: "38"}
    ],
    salaries: [
      {id: 1, sex: "M."},
      {id: 2, sex: "M."},
      {id: 3, sex: "MME", hashNir: "h-same"},
      {id: 4, sex: "MME", hashNir: "h-same"},
      {id: 5, sex: "M."}
    ],
    contrats: [
      {id: 100, person: 1, structure: 1, measure: "ACI_DC", hire: "01/01/2025"},
      {
        id: 200,
        person: 2,
        structure: 2,
        measure: "EI_DC",
        hire: "01/01/2025",
        exit: "30/06/2025",
        motif: MOTIF.durable
      },
      {id: 300, person: 3, structure: 3, measure: "ACI_DC", hire: "01/01/2025"},
      {id: 400, person: 4, structure: 4, measure: "EI_DC", hire: "01/07/2025"},
      {id: 500, person: 5, structure: 5, measure: "AI_DC", hire: "01/01/2025"}
    ],
    emi: [
      ...monthly({person: 1, annexe: 10, contrat: 100, hours: 120}, "2025-01", "2025-12"),
      {person: 1, annexe: 10, contrat: 100, year: 2025, month: 3, hours: 120},
      ...monthly({person: 2, annexe: 20, contrat: 200, hours: 100}, "2025-01", "2025-06"),
      ...monthly({person: 3, annexe: 30, contrat: 300, hours: 80}, "2025-01", "2025-06"),
      ...monthly({person: 4, annexe: 40, contrat: 400, hours: 80}, "2025-07", "2025-12"),
      ...monthly({person: 5, annexe: 50, contrat: 500, hours: 150}, "2025-01", "2025-06")
    ]
  });
});
afterAll(() => fixture?.close());

type R = Record<string, unknown>;

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("real sources on %s", (_, engine) => {
  let etp: R[];
  beforeAll(async () => {
    etp = await engine().query(etpByLevelSql());
  });
  const at = (territoire: string, type_structure: string, periode: string, figure: string) =>
    only(etp, {niveau: "département", territoire, type_structure, periode}, figure) as number;

  it("counts a duplicated monthly statement once: 0.896 ETP in March and for the year, 1 440 h", async () => {
    expect(at("34", "ACI", "2025-03", "etp_realises")).toBeCloseTo((120 / 1607) * 12, 12); // 0.896, not 1.792
    expect(at("34", "ACI", "2025-03", "etp_realises")).toBeCloseTo(0.896, 3);
    expect(at("34", "ACI", "2025-03", "taux_realisation")).toBeCloseTo(0.896, 3); // not 179 %
    expect(at("34", "ACI", "2025", "etp_realises")).toBeCloseTo(0.896, 3); // not 0.971
    expect(at("34", "ACI", "2025", "heures_travaillees")).toBe(1440);
    // Not flagged as over-consuming.
    const structures = await engine().query(structuresByYearSql());
    const cell = {niveau: "département", territoire: "34", type_structure: "ACI", periode: "2025"};
    expect(only(structures, cell, "nb_structures")).toBe(1);
    expect(only(structures, cell, "nb_structures_depassement")).toBe(0);
  });

  it("places commune '1053' in the Ain (01, région 84), never in the Aube (10)", async () => {
    expect(at("01", "EI", "2025", "heures_travaillees")).toBe(600);
    expect(pick(etp, {niveau: "département", territoire: "10"})).toEqual([]);
    expect(pick(etp, {niveau: "région", territoire: "44"})).toEqual([]);
    const exits = await engine().query(exitsByLevelSql());
    const ain = {niveau: "région", territoire: "84", type_structure: "EI", periode: "2025"};
    expect(only(exits, {...ain, categorie_sortie: "emploi_durable"}, "nb_sorties")).toBe(1);
    expect(pick(exits, {niveau: "région", territoire: "44"})).toEqual([]);
  });

  it("counts one hash_nir under two salarie_id as one employee: 1 employee, 1 woman, 1 in several structures", async () => {
    const people = await engine().query(employeesByLevelSql());
    const gard = (caracteristique: string) =>
      only(
        people,
        {niveau: "département", territoire: "30", type_structure: "ensemble", periode: "2025", caracteristique},
        "nb_salaries"
      );
    expect(gard("ensemble")).toBe(1);
    expect(gard("femme")).toBe(1);
    expect(gard("plusieurs_structures")).toBe(1);
    // Nationally too: persons 1, 2, 5 and the one woman.
    const france = (caracteristique: string) =>
      only(
        people,
        {niveau: "national", territoire: "FR", type_structure: "ensemble", periode: "2025", caracteristique},
        "nb_salaries"
      );
    expect(france("ensemble")).toBe(4);
    expect(france("femme")).toBe(1);
    expect(france("plusieurs_structures")).toBe(1);
  });

  it("counts the 12 months of a yearly annexe in its ETP conventionnés although statements stop in June", () => {
    expect(at("38", "AI", "2025", "etp_conventionnes")).toBeCloseTo(2, 12); // not 1
    expect(at("38", "AI", "2025-06", "etp_conventionnes")).toBe(2);
    // A month with statements elsewhere (September) shows the annexe's ETP and none realised yet.
    expect(at("38", "AI", "2025-09", "etp_conventionnes")).toBe(2);
    expect(at("38", "AI", "2025-09", "etp_realises")).toBe(0);
  });
});

// The warehouse is read in place: what staging corrects in a file (a statement held twice)
// the SQL must meet there too, and the platform's identifiers come natively typed.
describe("a PostgreSQL warehouse as it really is", () => {
  it("reads a statement held twice in the warehouse once (0.896 ETP in March)", async () => {
    await fixture.pg.query(`INSERT INTO emi SELECT * FROM emi WHERE emi_afi_id = 10 AND emi_sme_mois = 3`);
    const [{n}] = (await fixture.pg.query(
      `SELECT count(*) AS n FROM emi WHERE emi_afi_id = 10 AND emi_sme_mois = 3`
    )) as [{n: number}];
    expect(n).toBe(2);
    const rows = await fixture.pg.query(etpByLevelSql());
    const march = {niveau: "département", territoire: "34", type_structure: "ACI", periode: "2025-03"};
    expect(only(rows, march, "etp_realises")).toBeCloseTo(0.896, 3);
    expect(only(rows, {...march, periode: "2025"}, "heures_travaillees")).toBe(1440);
  });

  it("gives the same application and PASS figures with uuid and bigint identifiers", async () => {
    const sql = [
      CANDIDATURES_CUBE,
      RESPONSE_TIME,
      CANDIDATES_WITHOUT_HIRE,
      RECRUITMENT_DELAY,
      PRESCRIBER_ORGANISATIONS
    ];
    const pass = passIaeSql(passPeriods(2025, "2025-12-31"));
    const before: Record<string, unknown>[][] = [];
    const params = (q: string) => (q.includes("$1") ? ["2025-12-31"] : []);
    for (const q of [...sql, pass]) before.push(await fixture.duck.query(q, params(q)));
    for (const [table, column] of [
      ["candidatures", "id"],
      ["candidatures", "id_candidat"],
      ["candidats", "id"],
      ["pass_agrements", "id"],
      ["pass_agrements", "id_candidat"],
      ["suspensions_pass", "id_pass_agrément"]
    ])
      await fixture.pg.query(`ALTER TABLE ${table} ALTER COLUMN "${column}" TYPE uuid USING md5("${column}")::uuid`);
    for (const [table, column] of [
      ["structures", "id"],
      ["candidatures", "id_structure"],
      ["fiches_de_poste", "id_employeur"]
    ])
      await fixture.pg.query(`ALTER TABLE ${table} ALTER COLUMN "${column}" TYPE bigint`);
    const after: Record<string, unknown>[][] = [];
    for (const q of [...sql, pass]) after.push(await fixture.pg.query(q, params(q)));
    expect(before.every((rows) => rows.length > 0)).toBe(true);
    after.forEach((rows, i) => expectSameRows(rows, before[i]!, `query ${i}`));
  });
});

// Emplois département codes are read the same way: '1' is the Ain; a code that maps to no
// département is counted in France as a whole, in no région or département.
describe.each(["DuckDB", "PostgreSQL (PGlite)"] as const)("emplois territory codes on %s", (engineName) => {
  let staged: StagedFixture;
  beforeAll(async () => {
    const folder = writeFluxIaeFolder({structures: [{id: 1}], annexes: []});
    const c = EMPLOIS.candidatures!;
    const dep = c.header.indexOf("département_structure");
    // k1: '1' (Ain); k2: '999' (no département); k3: '34' as is.
    const rows = c.rows.map((r, i) => r.map((v, j) => (j === dep ? ["1", "999", "34"][i]! : v)));
    writeEmplois(folder, "candidatures", {header: c.header, rows});
    staged = await stageOnBoth(folder);
  });
  afterAll(() => staged?.close());

  it("places '1' in the Ain and an unknown code in the national total only", async () => {
    const engine = engineName === "DuckDB" ? staged.duck : staged.pg;
    const cube = await engine.query(CANDIDATURES_CUBE);
    const all = (niveau: string, territoire: string) =>
      pick(cube, {
        niveau,
        territoire,
        type_structure: "ensemble",
        annee: 2025,
        mois: 0,
        etat: "ensemble",
        origine: "ensemble",
        type_prescripteur: "ensemble",
        motif_refus: "ensemble",
        traitement: "ensemble"
      });
    const count = (rows: R[]) => rows.map((r) => Number(r.candidatures));
    expect(count(all("national", "FR"))).toEqual([3]);
    expect(count(all("département", "01"))).toEqual([1]);
    expect(count(all("région", "84"))).toEqual([1]);
    expect(count(all("département", "34"))).toEqual([1]);
    const regions = cube.filter((r) => r.niveau === "région").map((r) => r.territoire);
    expect([...new Set(regions)].sort()).toEqual(["76", "84"]);
  });
});
