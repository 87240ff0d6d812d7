import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {METADATA_KEYS, toArrow} from "./arrow.ts";
import {EMPLOYEES, employeesRow} from "./testing/specs.ts";

const read = (bytes: Uint8Array) => tableFromIPC(bytes);

describe("toArrow", () => {
  it("writes exactly the declared Arrow types", () => {
    const table = read(toArrow(EMPLOYEES, [employeesRow()]));
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toEqual({
      niveau: "Dictionary<Int32, Utf8>",
      territoire: "Dictionary<Int32, Utf8>",
      territoire_libelle: "Dictionary<Int32, Utf8>",
      periode: "Dictionary<Int32, Utf8>",
      premiere_embauche: "Date32<DAY>",
      nb_salaries: "Int32",
      nb_salaries_secret: "Bool",
      etp_realises: "Float64",
      nb_structures: "Int32",
      taux_emploi_durable: "Float64",
      taux_emploi_durable_secret: "Bool",
      nb_sorties_durables: "Int32",
      nb_sorties_durables_secret: "Bool",
      nb_sorties: "Int32",
      nb_sorties_secret: "Bool"
    });
    expect(table.schema.fields.find((f) => f.name === "niveau")?.nullable).toBe(false);
    expect(table.schema.fields.find((f) => f.name === "nb_salaries")?.nullable).toBe(true);
  });

  it("round-trips values, dates and nulls, and writes absent secret flags as false", () => {
    const rows = [
      employeesRow(),
      employeesRow({territoire: "02", premiere_embauche: null, etp_realises: null, nb_salaries: 0, nb_sorties: 0})
    ];
    const table = read(toArrow(EMPLOYEES, rows));
    expect(table.numRows).toBe(2);
    const [first, second] = table.toArray().map((r) => r.toJSON());
    expect(first).toMatchObject({territoire: "01", nb_salaries: 120, etp_realises: 61.5, taux_emploi_durable: 0.25});
    expect(first!.premiere_embauche).toBe(Date.UTC(2024, 0, 2));
    expect(first!.nb_salaries_secret).toBe(false);
    expect(second).toMatchObject({territoire: "02", premiere_embauche: null, etp_realises: null, nb_salaries: 0});
  });

  it("accepts Date objects at midnight UTC for dates", () => {
    const table = read(toArrow(EMPLOYEES, [employeesRow({premiere_embauche: new Date(Date.UTC(1999, 11, 31))})]));
    expect(table.getChild("premiere_embauche")?.get(0)).toBe(Date.UTC(1999, 11, 31));
  });

  it("writes masked cells as null with their flag, never as 0", () => {
    const row = employeesRow({nb_sorties_durables: null, nb_sorties_durables_secret: true});
    const table = read(toArrow(EMPLOYEES, [{...row, taux_emploi_durable: null, taux_emploi_durable_secret: true}]));
    const out = table.get(0)!.toJSON();
    expect(out.nb_sorties_durables).toBeNull();
    expect(out.nb_sorties_durables_secret).toBe(true);
    expect(out.taux_emploi_durable).toBeNull();
    expect(out.taux_emploi_durable_secret).toBe(true);
  });

  it("sorts rows by the declared keys, codes with a declared list in list order", () => {
    const rows = [
      employeesRow({niveau: "département", territoire: "2A", periode: "2024"}),
      employeesRow({niveau: "national", territoire: "FR", periode: "2024"}),
      employeesRow({niveau: "département", territoire: "01", periode: "2024"}),
      employeesRow({niveau: "région", territoire: "84", periode: "2024"}),
      employeesRow({niveau: "département", territoire: "01", periode: "2023"})
    ];
    const table = read(toArrow(EMPLOYEES, rows));
    const keys = table.toArray().map((r) => `${r.niveau} ${r.territoire} ${r.periode}`);
    expect(keys).toEqual([
      "national FR 2024",
      "région 84 2024",
      "département 01 2023",
      "département 01 2024",
      "département 2A 2024"
    ]);
  });

  it("publishes decimal figures at their declared precision (ETP 2 decimals, rates 4)", () => {
    const row = employeesRow({etp_realises: 882.7466660831379, taux_emploi_durable: 0.4400696106156189});
    const out = read(toArrow(EMPLOYEES, [row]))
      .get(0)!
      .toJSON();
    expect(out.etp_realises).toBe(882.75);
    expect(out.taux_emploi_durable).toBe(0.4401);
  });

  it("writes the same bytes for the same rows, whatever their order and float noise", () => {
    const rows = [
      employeesRow({territoire: "01", etp_realises: 882.746666083138}),
      employeesRow({territoire: "02", etp_realises: 0.1 + 0.2}),
      // Rows equal on every dimension but one figure: ordered by that figure, not by arrival.
      employeesRow({territoire: "03", nb_structures: 5}),
      employeesRow({territoire: "03", nb_structures: 4})
    ];
    const other = [
      rows[3]!,
      rows[2]!,
      {...rows[1]!, etp_realises: 0.3},
      {...rows[0]!, etp_realises: 882.7466660831379}
    ];
    expect(Buffer.from(toArrow(EMPLOYEES, other)).equals(Buffer.from(toArrow(EMPLOYEES, rows)))).toBe(true);
    const order = read(toArrow(EMPLOYEES, rows))
      .toArray()
      .map((r) => `${r.territoire} ${r.nb_structures}`);
    expect(order).toEqual(["01 4", "02 4", "03 4", "03 5"]);
  });

  it("documents itself in the schema and field metadata", () => {
    const table = read(toArrow(EMPLOYEES, [employeesRow()]));
    const metadata = table.schema.metadata;
    expect(metadata.get(METADATA_KEYS.title)).toBe("Salariés en insertion (test)");
    expect(metadata.get(METADATA_KEYS.referenceDate)).toBe("2024-12-31");
    const spec = JSON.parse(metadata.get(METADATA_KEYS.dataset)!);
    expect(spec.name).toBe("salaries-test");
    expect(spec.columns.find((c: {name: string}) => c.name === "nb_salaries")).toMatchObject({
      unit: "personnes",
      counts: "people",
      aggregation: "distinct",
      sources: ["EtatMensuelIndiv.emi_pph_id", "EtatMensuelIndiv.emi_nb_heures_travail"]
    });
    expect(spec.columns.some((c: {name: string}) => c.name === "nb_salaries_secret")).toBe(true);
    const field = table.schema.fields.find((f) => f.name === "etp_realises")!;
    expect(field.metadata.get("label")).toBe("ETP réalisés");
    expect(field.metadata.get("unit")).toBe("ETP");
  });

  it("writes an empty dataset with its schema", () => {
    const table = read(toArrow(EMPLOYEES, []));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields).toHaveLength(15);
  });

  it.each([
    ["a string in a count", {nb_salaries: "12"}, "nb_salaries", '"12"'],
    ["a fractional count", {nb_salaries: 12.5}, "nb_salaries", "12.5"],
    ["NaN in a rate", {taux_emploi_durable: NaN}, "taux_emploi_durable", "NaN"],
    ["Infinity in ETP", {etp_realises: Infinity}, "etp_realises", "Infinity"],
    ["a count out of Int32", {nb_structures: 2 ** 31}, "nb_structures", "2147483648"],
    ["a number in a code", {territoire: 1}, "territoire", "1"],
    ["a code outside its list", {niveau: "commune"}, "niveau", '"commune"'],
    ["an impossible date", {premiere_embauche: "2024-02-30"}, "premiere_embauche", '"2024-02-30"'],
    [
      "a date with a time",
      {premiere_embauche: new Date(Date.UTC(2024, 0, 2, 12))},
      "premiere_embauche",
      "Date(2024-01-02T12"
    ],
    ["a null dimension", {periode: null}, "periode", "null"],
    ["a missing column", {periode: undefined}, "periode", "absente"],
    ["a negative people count", {nb_salaries: -1}, "nb_salaries", "-1"],
    ["a non-boolean secret flag", {nb_salaries_secret: "oui"}, "nb_salaries_secret", '"oui"']
  ])("throws on %s, naming dataset, row, column and value", (_, change, column, value) => {
    const rows = [employeesRow(), employeesRow({territoire: "02", ...change})];
    expect(() => toArrow(EMPLOYEES, rows)).toThrow(
      new RegExp(`« salaries-test », ligne 1, colonne « ${column} » : la valeur ${escape(value)}`)
    );
  });

  it("refuses a person count under the threshold left unmasked (the last gate)", () => {
    expect(() => toArrow(EMPLOYEES, [employeesRow({nb_salaries: 10})])).toThrow(/secret statistique non appliqué/);
    expect(() => toArrow(EMPLOYEES, [employeesRow({nb_salaries: 11})])).not.toThrow();
    const unmasked = employeesRow({nb_sorties_durables: 3, nb_sorties_durables_secret: false});
    expect(() => toArrow(EMPLOYEES, [unmasked])).toThrow(/colonne « nb_sorties_durables » : la valeur 3/);
  });

  it("refuses a rate published over a numerator under the threshold, even if the count is masked", () => {
    const row = employeesRow({nb_sorties_durables: null, nb_sorties_durables_secret: true, nb_sorties: 5});
    expect(() => toArrow(EMPLOYEES, [{...row, nb_sorties: null, nb_sorties_secret: true}])).not.toThrow();
    expect(() =>
      toArrow(EMPLOYEES, [employeesRow({nb_sorties_durables: 12, nb_sorties: 5, nb_sorties_secret: true})])
    ).toThrow(/colonne « (nb_sorties|taux_emploi_durable) »/);
  });

  it("refuses a masked cell that still holds a value", () => {
    expect(() => toArrow(EMPLOYEES, [employeesRow({nb_salaries_secret: true})])).toThrow(/masquée par le secret/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
