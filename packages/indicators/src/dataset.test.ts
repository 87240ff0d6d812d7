import {describe, expect, it} from "vitest";
import {type DatasetSpec, type FigureColumn, checkSpec, publishedColumns} from "./dataset.ts";
import {EMPLOYEES} from "./testing/specs.ts";

const withColumns = (columns: DatasetSpec["columns"]): DatasetSpec => ({...EMPLOYEES, columns, sortBy: []});
const people = (name: string, extra: Partial<FigureColumn> = {}): FigureColumn => ({
  name,
  role: "figure",
  type: "int32",
  unit: "personnes",
  counts: "people",
  aggregation: "sum",
  label: name,
  definition: name,
  ...extra
});

describe("checkSpec", () => {
  it("accepts a well-formed declaration", () => {
    expect(() => checkSpec(EMPLOYEES)).not.toThrow();
  });

  it("refuses duplicate columns, unknown sort keys and bad reference dates", () => {
    expect(() => checkSpec(withColumns([people("a"), people("a")]))).toThrow(/« a » est déclarée deux fois/);
    expect(() => checkSpec({...EMPLOYEES, sortBy: ["nope"]})).toThrow(/clé de tri « nope »/);
    expect(() => checkSpec({...EMPLOYEES, referenceDate: "2024-02-30"})).toThrow(/date de référence/);
  });

  it("refuses a ratio whose numerator is not a declared people count", () => {
    const rate = people("taux", {type: "float64", unit: "%", decimals: 4, counts: "other", numerator: "etp"});
    expect(() => checkSpec(withColumns([rate]))).toThrow(/« etp » de « taux » n'est pas une colonne/);
    const etp = people("etp", {type: "float64", unit: "ETP", decimals: 2, counts: "other"});
    expect(() => checkSpec(withColumns([etp, rate]))).toThrow(/ne compte pas des personnes/);
  });

  it("asks every decimal figure for its published precision, and only them", () => {
    const etp = (decimals?: number) =>
      people("etp", {type: "float64", unit: "ETP", counts: "other", ...(decimals === undefined ? {} : {decimals})});
    expect(() => checkSpec(withColumns([etp()]))).toThrow(/« etp » ne déclare pas sa précision/);
    expect(() => checkSpec(withColumns([etp(1.5)]))).toThrow(/précision de « etp » \(1.5\)/);
    expect(() => checkSpec(withColumns([etp(7)]))).toThrow(/entre 0 et 6/);
    expect(() => checkSpec(withColumns([people("n", {decimals: 0})]))).toThrow(
      /« n » déclare une précision sans être décimale/
    );
    expect(() => checkSpec(withColumns([etp(0)]))).not.toThrow();
  });

  it("refuses a column name that collides with a secret flag", () => {
    expect(() => checkSpec(withColumns([people("n"), people("n_secret")]))).toThrow(/réservé/);
  });

  it("refuses sources that are not staged fields, so a renamed field breaks the build", () => {
    expect(() => checkSpec(withColumns([people("n", {sources: ["EtatMensuelIndiv.emi_nb_heures"]})]))).toThrow(
      /EtatMensuelIndiv.emi_nb_heures/
    );
    expect(() => checkSpec(withColumns([people("n", {sources: ["candidatures.état"]})]))).not.toThrow();
    expect(() => checkSpec(withColumns([people("n", {sources: ["emi"]})]))).toThrow(/Vue.champ/);
  });
});

describe("publishedColumns", () => {
  it("adds a _secret flag right after each figure under the secret, and only those", () => {
    expect(publishedColumns(EMPLOYEES).map((c) => c.name)).toEqual([
      "niveau",
      "territoire",
      "territoire_libelle",
      "periode",
      "premiere_embauche",
      "nb_salaries",
      "nb_salaries_secret",
      "etp_realises",
      "nb_structures",
      "taux_emploi_durable",
      "taux_emploi_durable_secret",
      "nb_sorties_durables",
      "nb_sorties_durables_secret",
      "nb_sorties",
      "nb_sorties_secret"
    ]);
  });
});
