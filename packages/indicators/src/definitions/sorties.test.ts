// Known answers for the exits SQL (which exits are examined, their category), on a
// hand-built fluxIAE folder in the real format staged by the real stage(), on DuckDB and
// PostgreSQL (PGlite) alike; then row-for-row parity.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  MOTIF,
  expectSameRows,
  only,
  pick,
  stageFixture,
  type ContratRow,
  type EmiRow,
  type StagedFixture
} from "../testing/fluxiae-fixture.ts";
import {DAYS_PER_MONTH, exitsByLevelSql} from "./sorties.ts";

// One structure of each kind: 1 ACI in Hérault (34), 2 EI in Paris (75), 3 AI in
// Bouches-du-Rhône (13), 4 ETTI in Rhône (69), 5 EITI in Gironde (33); one annexe each, 2025.
// Every exit is in 2025. 2.65 months = 2.65 × 365.25 / 12 = 80.66 days.
const KIND_OF: Record<number, string> = {1: "ACI_DC", 2: "EI_DC", 3: "AI_DC", 4: "ETTI_DC", 5: "EITI_DC"};
const contrat = (id: number, structure: number, rest: Partial<ContratRow> & {hire: string}): ContratRow => ({
  id,
  person: id,
  structure,
  measure: KIND_OF[structure]!,
  ...rest
});
const hours = (c: number, structure: number, month: number, h: number, person = c): EmiRow => ({
  person,
  annexe: structure * 10,
  contrat: c,
  year: 2025,
  month,
  hours: h
});

const contrats: ContratRow[] = [
  // ACI. 101: 1 March → 20 May = 80 days (2.628 months): not examined. 102: 21 May = 81 days
  // (2.661 months): examined, emploi durable. Same person (1) as 202 in the EI.
  contrat(101, 1, {hire: "01/03/2025", exit: "20/05/2025", motif: MOTIF.durable}),
  contrat(102, 1, {person: 1, hire: "01/03/2025", exit: "21/05/2025", motif: MOTIF.durable}),
  // 103: six months but 0.5 h worked: not examined.
  contrat(103, 1, {hire: "01/01/2025", exit: "30/06/2025", motif: MOTIF.durable}),
  // Chain 104 → 105: first hiring 6 January, renewal 1 March, exit 15 April: 99 days from the
  // first hiring (examined) though 45 from the renewal; 10 h + 20 h. Emploi de transition.
  contrat(104, 1, {person: 104, hire: "06/01/2025", end: "28/02/2025"}),
  contrat(105, 1, {person: 104, parent: 104, hire: "01/03/2025", exit: "15/04/2025", motif: MOTIF.transition}),
  // 106: withdrawn from the exits (rcs_code 5), whatever the hours and length.
  contrat(106, 1, {hire: "01/01/2025", exit: "30/06/2025", motif: MOTIF.withdrawal}),
  // 107: no exit motif: no category, not examined.
  contrat(107, 1, {hire: "01/01/2025", exit: "30/06/2025"}),
  // EI: the same 80 / 81 days limit. 202 is person 1's second exit (sorties positives).
  contrat(201, 2, {hire: "01/03/2025", exit: "20/05/2025", motif: MOTIF.positive}),
  contrat(202, 2, {person: 1, hire: "01/03/2025", exit: "21/05/2025", motif: MOTIF.positive}),
  // AI: 149 h not examined, 150 h examined however short (9 days). No parent written on 302.
  contrat(301, 3, {hire: "01/06/2025", exit: "30/06/2025", motif: MOTIF.other}),
  contrat(302, 3, {parent: null, hire: "01/06/2025", exit: "10/06/2025", motif: MOTIF.durable}),
  // Chain 303 → 304: 100 h + 60 h = 160 h ≥ 150 (the renewal alone has 60 h). Sorties positives.
  contrat(303, 3, {person: 303, hire: "06/01/2025", end: "28/02/2025"}),
  contrat(304, 3, {person: 303, parent: 303, hire: "01/03/2025", exit: "31/03/2025", motif: MOTIF.positive}),
  // ETTI: 149 h not examined, 150 h examined (autres sorties).
  contrat(401, 4, {hire: "01/06/2025", exit: "30/06/2025", motif: MOTIF.other}),
  contrat(402, 4, {hire: "01/06/2025", exit: "30/06/2025", motif: MOTIF.other}),
  // EITI: 0.5 h not examined, 1 h examined (emploi durable), 5 days.
  contrat(501, 5, {hire: "01/06/2025", exit: "05/06/2025", motif: MOTIF.durable}),
  contrat(502, 5, {hire: "01/06/2025", exit: "05/06/2025", motif: MOTIF.durable})
];

const emi: EmiRow[] = [
  hours(101, 1, 3, 200),
  hours(102, 1, 3, 200, 1),
  hours(103, 1, 2, 0.5),
  hours(104, 1, 1, 10),
  hours(105, 1, 3, 20, 104),
  hours(106, 1, 3, 300),
  hours(107, 1, 3, 300),
  hours(201, 2, 3, 100),
  hours(202, 2, 3, 100, 1),
  hours(301, 3, 6, 149),
  hours(302, 3, 6, 150),
  hours(303, 3, 1, 100),
  hours(304, 3, 3, 60, 303),
  hours(401, 4, 6, 149),
  hours(402, 4, 6, 100),
  hours(402, 4, 5, 50),
  hours(501, 5, 6, 0.5),
  hours(502, 5, 6, 1)
];

let fixture: StagedFixture;
beforeAll(async () => {
  fixture = await stageFixture({
    structures: [
      {id: 1, insee: "34172"},
      {id: 2, insee: "75111"},
      {id: 3, insee: "13055"},
      {id: 4, insee: "69123"},
      {id: 5, insee: "33063"}
    ],
    annexes: [1, 2, 3, 4, 5].map((s) => ({id: s * 10, structure: s, measure: KIND_OF[s]!, departement: null})),
    salaries: [...new Set(contrats.map((c) => c.person))].map((id) => ({id})),
    contrats,
    emi
  });
});
afterAll(() => fixture?.close());

type R = Record<string, unknown>;

it("turns 2.65 months into 80.66 days", () => {
  expect(80 / DAYS_PER_MONTH).toBeLessThan(2.65);
  expect(81 / DAYS_PER_MONTH).toBeGreaterThan(2.65);
});

describe.each([
  ["DuckDB", () => fixture.duck],
  ["PostgreSQL (PGlite)", () => fixture.pg]
])("exits on %s", (_, engine) => {
  let rows: R[];
  beforeAll(async () => {
    rows = await engine().query(exitsByLevelSql());
  });
  const count = (type_structure: string, categorie_sortie: string, niveau = "national", territoire = "FR") =>
    only(rows, {niveau, territoire, type_structure, periode: "2025", categorie_sortie}, "nb_sorties");

  it("examines ACI and EI exits after ≥ 1 h and more than 2.65 months from the chain's first hiring", () => {
    // ACI: 102 (81 days) and the chain 104 → 105 (99 days from 6 January); not 101 (80 days),
    // 103 (0.5 h), 106 (withdrawn), 107 (no motif).
    expect(count("ACI", "ensemble")).toBe(2);
    expect(count("ACI", "emploi_durable")).toBe(1);
    expect(count("ACI", "emploi_transition")).toBe(1);
    // EI: 202 (81 days) and not 201 (80 days).
    expect(count("EI", "ensemble")).toBe(1);
    expect(count("EI", "sorties_positives")).toBe(1);
  });

  it("examines AI and ETTI exits after ≥ 150 h over the chain, EITI after ≥ 1 h, whatever the length", () => {
    // AI: 302 (150 h, 9 days) and the chain 303 → 304 (100 + 60 h); not 301 (149 h).
    expect(count("AI", "ensemble")).toBe(2);
    expect(count("AI", "emploi_durable")).toBe(1);
    expect(count("AI", "sorties_positives")).toBe(1);
    // ETTI: 402 (100 + 50 h), not 401 (149 h). EITI: 502 (1 h), not 501 (0.5 h).
    expect(count("ETTI", "ensemble")).toBe(1);
    expect(count("ETTI", "autres_sorties")).toBe(1);
    expect(count("EITI", "ensemble")).toBe(1);
    expect(count("EITI", "emploi_durable")).toBe(1);
  });

  it("adds up categories, dynamic exits and kinds; a person leaving two structures is two exits", () => {
    // Examined: 102, 105, 202, 302, 304, 402, 502 = 7 (person 1 twice: 102 and 202).
    expect(count("ensemble", "ensemble")).toBe(7);
    expect(count("ensemble", "emploi_durable")).toBe(3); // 102, 302, 502
    expect(count("ensemble", "emploi_transition")).toBe(1); // 105
    expect(count("ensemble", "sorties_positives")).toBe(2); // 202, 304
    expect(count("ensemble", "autres_sorties")).toBe(1); // 402
    expect(count("ensemble", "sorties_dynamiques")).toBe(6); // 7 − 1 autres
    // A category with no exit has no row (the withdrawn category never appears).
    expect(pick(rows, {type_structure: "ETTI", categorie_sortie: "emploi_durable"})).toEqual([]);
    expect(new Set(rows.map((r) => r.categorie_sortie))).not.toContain("retrait");
  });

  it("places exits in the département of the structure, its région and France", () => {
    expect(count("ensemble", "ensemble", "département", "34")).toBe(2);
    expect(count("ensemble", "ensemble", "région", "76")).toBe(2); // Occitanie = Hérault here
    expect(count("ensemble", "ensemble", "département", "75")).toBe(1);
    expect(count("ensemble", "ensemble", "région", "84")).toBe(1); // Auvergne-Rhône-Alpes = Rhône
    expect(count("ensemble", "ensemble", "département", "33")).toBe(1);
    expect(new Set(pick(rows, {niveau: "département"}).map((r) => r.territoire))).toEqual(
      new Set(["34", "75", "13", "69", "33"])
    );
  });
});

it("gives the same exit rows on PostgreSQL as on DuckDB", async () => {
  const duck = await fixture.duck.query(exitsByLevelSql());
  expect(duck.length).toBeGreaterThan(30);
  expectSameRows(await fixture.pg.query(exitsByLevelSql()), duck, "exitsByLevelSql");
});
