import {readFileSync, writeFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {openDuckDb} from "../duckdb-engine.ts";
import {SourceError} from "../errors.ts";
import {tableSpec} from "../schema.ts";
import {EMPLOIS, tempDir, writeEmplois} from "../test-fixtures.ts";
import {parseCsvLine, stageEmploisFile} from "./read.ts";

async function stageOne(table: string, path: string) {
  const db = await openDuckDb(":memory:");
  try {
    const count = (await stageEmploisFile(db.connection, path, tableSpec(table), path.split("/").slice(-2).join("/")))
      .rows;
    return {count, rows: await db.query(`SELECT * FROM "${table}" ORDER BY id`)};
  } finally {
    await db.close();
  }
}

async function refusal(table: string, path: string): Promise<SourceError> {
  try {
    await stageOne(table, path);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error("expected a refusal");
}

const candidatures = EMPLOIS.candidatures!;

describe("emplois CSV reader", () => {
  it("reads COPY CSV with quoted commas, quotes and newlines", async () => {
    const {count, rows} = await stageOne("candidatures", writeEmplois(tempDir(), "candidatures", candidatures));
    expect(count).toBe(3);
    expect(rows[1]).toMatchObject({
      id: "k2",
      motif_de_refus: 'Motif "autre", précisé :\nligne 2 du motif',
      date_embauche: null,
      état: "Candidature déclinée",
      id_structure: 2,
      candidature_refusée_automatiquement: false
    });
    expect(rows[2]!.motif_de_refus).toBe(""); // quoted empty string stays '', not NULL
    expect(rows[0]!.date_candidature).toBe("2025-01-10");
  });

  it("accepts t/f and true/false booleans, keeps accented column names", async () => {
    const {rows} = await stageOne("organisations", writeEmplois(tempDir(), "organisations", EMPLOIS.organisations!));
    expect(rows.map((r) => r.habilitée)).toEqual([true, true]);
    const {rows: people} = await stageOne("candidats", writeEmplois(tempDir(), "candidats", EMPLOIS.candidats!));
    expect(people[1]).toMatchObject({
      id: "c2",
      hash_nir: null,
      critère_n1_bénéficiaire_du_rsa: false,
      critère_n1_detld_plus_de_24_mois: true
    });
  });

  it("parses a quoted header line", () => {
    expect(parseCsvLine('id,"a,b","c""d"')).toEqual(["id", "a,b", 'c"d']);
  });

  it("refuses an unparsable date at the right line despite a quoted newline above", async () => {
    const t = {
      header: candidatures.header,
      rows: candidatures.rows.map((r, i) => (i === 2 ? r.map((v, k) => (k === 1 ? "01/03/2025" : v)) : r))
    };
    const e = await refusal("candidatures", writeEmplois(tempDir(), "candidatures", t));
    // header line 1, k1 line 2, k2 lines 3–4 (newline in the motif), k3 line 5
    expect(e).toMatchObject({reason: "unparsable", line: 5, column: "date_candidature", value: "01/03/2025"});
    expect(e.message).toContain("emplois/candidatures.csv, ligne 5, colonne « date_candidature »");
  });

  it.each(["2025-1-10", "2025-01-1a", " 2025-01-10", "2025-01-10 "])(
    "refuses a date that is not exactly AAAA-MM-JJ, even one a lenient cast would take: %j",
    async (date) => {
      const t = {
        header: candidatures.header,
        rows: candidatures.rows.map((r, i) => (i === 0 ? r.map((v, k) => (k === 1 ? date : v)) : r))
      };
      const e = await refusal("candidatures", writeEmplois(tempDir(), "candidatures", t));
      expect(e).toMatchObject({reason: "unparsable", line: 2, column: "date_candidature", value: date});
    }
  );

  it("refuses an unknown state", async () => {
    const t = {
      header: candidatures.header,
      rows: candidatures.rows.map((r, i) => (i === 0 ? r.map((v, k) => (k === 4 ? "Refusée" : v)) : r))
    };
    const e = await refusal("candidatures", writeEmplois(tempDir(), "candidatures", t));
    expect(e).toMatchObject({reason: "unknown_code", line: 2, column: "état", value: "Refusée"});
  });

  it("names the line of a record with a comma too many, despite a quoted newline above, in French", async () => {
    const path = writeEmplois(tempDir(), "candidatures", candidatures);
    const lines = readFileSync(path, "utf8").split("\n");
    // header line 1, k1 line 2, k2 lines 3–4 (newline in the motif), k3 line 5
    lines[4] += ",de trop";
    writeFileSync(path, lines.join("\n"));
    const e = await refusal("candidatures", path);
    expect(e).toMatchObject({reason: "csv_syntax", line: 5, file: "emplois/candidatures.csv"});
    const width = candidatures.header.length;
    expect(e.message).toContain(
      `ligne 5 : ligne illisible (structure CSV incorrecte) (${width + 1} champs séparés par « , »`
    );
    expect(e.message).not.toMatch(/Error|de trop/);
  });

  it("names the line where a quote opens and never closes (the last record)", async () => {
    const path = writeEmplois(tempDir(), "candidatures", candidatures);
    const lines = readFileSync(path, "utf8").replace(/\n$/, "").split("\n");
    lines[4] = lines[4]!.replace(",", ',"'); // k3, line 5
    writeFileSync(path, lines.join("\n") + "\n");
    const e = await refusal("candidatures", path);
    expect(e).toMatchObject({reason: "csv_syntax", line: 5});
    expect(e.message).toContain("guillemet ouvert sur cette ligne et jamais refermé");
    expect(e.message).not.toContain("Error");
  });

  it("refuses invalid UTF-8 with its line", async () => {
    const path = writeEmplois(tempDir(), "structures", EMPLOIS.structures!);
    const bytes = readFileSync(path);
    const at = bytes.indexOf(Buffer.from("Intérim"));
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]));
    const e = await refusal("structures", path);
    expect(e).toMatchObject({reason: "invalid_utf8", line: 3, file: "emplois/structures.csv"});
  });

  it("refuses a duplicated key", async () => {
    const s = EMPLOIS.structures!;
    const e = await refusal(
      "structures",
      writeEmplois(tempDir(), "structures", {header: s.header, rows: [...s.rows, s.rows[1]!]})
    );
    expect(e).toMatchObject({reason: "duplicate_key", line: 4, column: "id", value: "2"});
  });

  it("refuses personal fields without echoing their values (structure names are fine)", async () => {
    const c = EMPLOIS.candidats!;
    const t = {
      header: [...c.header, "prénom", "email", "téléphone"],
      rows: c.rows.map((r) => [...r, "Jeanne", "jeanne@example.org", "0601020304"])
    };
    const e = await refusal("candidats", writeEmplois(tempDir(), "candidats", t));
    expect(e).toMatchObject({reason: "personal_field", line: 1, column: "prénom, email, téléphone", value: null});
    expect(e.message).not.toMatch(/Jeanne|example\.org|0601020304/);
    // `nom` of a structure is not personal:
    const {count} = await stageOne("structures", writeEmplois(tempDir(), "structures", EMPLOIS.structures!));
    expect(count).toBe(2);
  });
});
