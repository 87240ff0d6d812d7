// No generated value may look like a real person's identifier or contact.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {beforeAll, describe, expect, it} from "vitest";
import {freshSample, listFiles} from "./test-fixtures.ts";

const NIR_LIKE = /(^|\D)[12]\d{12}(\d{2})?(\D|$)/; // 13 or 15 digits starting with the sex digit
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
// A whole value shaped like a French phone number (UUID fragments would match a looser one).
const PHONE = /^(\+33 ?|0)[1-9]([ .-]?\d{2}){4}$/;
const PERSONAL_COLUMNS =
  /(^|_)(nom|prenom|prénom|nir|email|mail|telephone|téléphone|tel|adresse_ligne|rue|date_naissance|naissance_date)($|_)/;

describe("privacy of the generated values", () => {
  let texts: {file: string; text: string}[];
  beforeAll(async () => {
    const dir = await freshSample();
    texts = (await listFiles(dir)).map((file) => {
      const bytes = readFileSync(join(dir, file));
      return {file, text: (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8")};
    });
  });

  it("has no NIR, e-mail or phone number anywhere", () => {
    const found: string[] = [];
    for (const {file, text} of texts) {
      for (const line of text.split(/\r?\n/)) {
        for (const value of line.split(/[|,]/)) {
          if (NIR_LIKE.test(value) || EMAIL.test(value) || PHONE.test(value)) found.push(`${file}: ${value}`);
        }
      }
    }
    expect(found.slice(0, 5)).toEqual([]);
  });

  it("has no personal column and pseudonymised hashes that are obviously synthetic", () => {
    for (const {file, text} of texts) {
      const headerLine = text.split(/\r?\n/)[file.endsWith(".gz") ? 1 : 0] as string;
      const header = headerLine.split(/[|,]/);
      // `nom` of an employer (structures.csv) is an organisation's name, not a person's.
      // The structure's contact columns of the real Structure view are there on purpose (the
      // readers leave them unread); their values are synthetic tokens (checked above).
      const contacts = [
        "structure_adresse_admin_telephone",
        "structure_adresse_mail_corresp_technique",
        "structure_adresse_nom_corresp_technique",
        "structure_adresse_prenom_corresp_technique"
      ];
      const allowed = [
        "hash_nir",
        ...(file === "emplois/structures.csv" ? ["nom"] : []),
        ...(file.startsWith("fluxIAE_Structure_") ? contacts : [])
      ];
      expect(header.filter((h) => PERSONAL_COLUMNS.test(h) && !allowed.includes(h))).toEqual([]);
      const hashAt = header.indexOf("hash_nir");
      if (hashAt < 0) continue;
      const rows = text.split(/\r?\n/).slice(file.endsWith(".gz") ? 2 : 1, file.endsWith(".gz") ? -2 : -1);
      for (const row of rows) {
        const value = row.split(/[|,]/)[hashAt] as string;
        if (value !== "") expect(value).toMatch(/^synth-[0-9a-f]{8}-[0-9a-f]{8}$/);
      }
    }
  });

  it("the checks above catch what they look for", () => {
    expect(NIR_LIKE.test("1850775123456")).toBe(true);
    expect(NIR_LIKE.test("185077512345678")).toBe(true);
    expect(EMAIL.test("jean.dupont@example.org")).toBe(true);
    expect(PHONE.test("06 12 34 56 78")).toBe(true);
    expect(PHONE.test("+33 612345678")).toBe(true);
    expect(PERSONAL_COLUMNS.test("salarie_nom")).toBe(true);
    expect(NIR_LIKE.test("10000123")).toBe(false);
  });
});
