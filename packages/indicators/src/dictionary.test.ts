import {describe, expect, it} from "vitest";
import {buildDictionary, dictionaryToMarkdown} from "./dictionary.ts";
import {EMPLOYEES} from "./testing/specs.ts";

describe("data dictionary", () => {
  it("describes every published column, secret flags included, from the declaration", () => {
    const dictionary = buildDictionary([EMPLOYEES]);
    expect(dictionary.disclosureThreshold).toBe(11);
    expect(dictionary.businessSecret).toEqual({minStructures: 3, dominance: 0.85});
    const [dataset] = dictionary.datasets;
    expect(dataset).toMatchObject({
      name: "salaries-test",
      file: "salaries-test.arrow",
      levels: ["national", "région", "département"]
    });
    expect(dataset!.columns.map((c) => c.name)).toContain("nb_salaries_secret");
    expect(dataset!.columns.find((c) => c.name === "taux_emploi_durable")).toMatchObject({
      unit: "%",
      numerator: "nb_sorties_durables",
      denominator: "nb_sorties",
      secret: true
    });
    expect(dataset!.columns.find((c) => c.name === "etp_realises")).toMatchObject({secret: false, nullable: true});
    expect(JSON.parse(JSON.stringify(dictionary))).toEqual(dictionary);
  });

  it("says which magnitudes fall under the business secret, and gives them a flag", () => {
    const spec = {
      ...EMPLOYEES,
      columns: EMPLOYEES.columns.map((c) => (c.name === "etp_realises" ? {...c, businessSecret: true} : c))
    };
    const dictionary = buildDictionary([spec]);
    const columns = dictionary.datasets[0]!.columns;
    expect(columns.find((c) => c.name === "etp_realises")).toMatchObject({secret: true, businessSecret: true});
    expect(columns.map((c) => c.name)).toContain("etp_realises_secret");
    expect(dictionaryToMarkdown(dictionary)).toContain(
      "Soumis au secret des affaires : masqué quand il porte sur moins de 3 structures, ou qu'une seule en détient plus de 85 %."
    );
  });

  it("refuses an ill-declared dataset rather than document it", () => {
    expect(() => buildDictionary([{...EMPLOYEES, sortBy: ["absente"]}])).toThrow(/absente/);
  });

  it("renders the French Markdown page", async () => {
    await expect(dictionaryToMarkdown(buildDictionary([EMPLOYEES]))).toMatchFileSnapshot("__snapshots__/dictionary.md");
  });

  it("escapes pipes and line breaks inside table cells", () => {
    const spec = {
      ...EMPLOYEES,
      columns: EMPLOYEES.columns.map((c) => (c.name === "etp_realises" ? {...c, definition: "a | b\nc"} : c))
    };
    expect(dictionaryToMarkdown(buildDictionary([spec]))).toContain("a \\| b c");
  });
});
