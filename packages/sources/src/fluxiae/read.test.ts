import {writeFileSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {openDuckDb} from "../duckdb-engine.ts";
import {SourceError} from "../errors.ts";
import {tableSpec} from "../schema.ts";
import {FLUXIAE, fluxIaeBytes, tempDir, writeFluxIae, type FluxIaeFormat, type Table} from "../test-fixtures.ts";
import {parseFluxIaeName} from "./files.ts";
import {stageFluxIaeFile} from "./read.ts";

const TABLE_OF: Record<string, string> = {
  Structure: "structure",
  Salarie: "salarie",
  ContratMission: "contrat",
  EtatMensuelIndiv: "emi",
  AnnexeFinanciere: "annexe_financiere",
  RefNiveauFormation: "ref_niveau_formation",
  RefDureePoleEmploi: "ref_duree_pole_emploi"
};

/** Stages one file into a fresh in-memory DuckDB and returns its rows. */
async function stageOne(view: string, path: string) {
  const db = await openDuckDb(":memory:");
  try {
    const name = path.split("/").at(-1)!;
    const file = {...parseFluxIaeName(name)!, path};
    const staged = await stageFluxIaeFile(db.connection, file, tableSpec(TABLE_OF[view]!), name);
    return {count: staged.rows, staged, rows: await db.query(`SELECT * FROM "${TABLE_OF[view]}" ORDER BY 1, 2`)};
  } finally {
    await db.close();
  }
}

async function refusal(view: string, table: Table, format: FluxIaeFormat = {}): Promise<SourceError> {
  const path = writeFluxIae(tempDir(), view, table, format);
  return expectRefusal(view, path);
}

async function expectRefusal(view: string, path: string): Promise<SourceError> {
  try {
    await stageOne(view, path);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error("expected a refusal");
}

const emi = FLUXIAE.EtatMensuelIndiv!;
const withRow = (t: Table, i: number, col: string, value: string): Table => ({
  header: t.header,
  rows: t.rows.map((r, j) => (j === i ? r.map((v, k) => (t.header[k] === col ? value : v)) : r))
});

describe("fluxIAE reader: accepted formats", () => {
  const variants: [string, FluxIaeFormat][] = [
    ["LF, no BOM, plain", {}],
    ["BOM", {bom: true}],
    ["CRLF", {crlf: true}],
    ["gzip", {gzip: true}],
    ["BOM + CRLF + gzip", {bom: true, crlf: true, gzip: true}]
  ];
  for (const [label, format] of variants) {
    it(`reads ${label} with the same typed result`, async () => {
      const {count, rows} = await stageOne(
        "ContratMission",
        writeFluxIae(tempDir(), "ContratMission", FLUXIAE.ContratMission!, format)
      );
      expect(count).toBe(2);
      expect(rows[0]).toMatchObject({
        contrat_id_ctr: 1000,
        contrat_date_embauche: "2025-02-03",
        contrat_date_sortie_definitive: null,
        contrat_salarie_rsa: "OUI-M"
      });
      expect(rows[1]).toMatchObject({contrat_id_ctr: 1001, contrat_motif_sortie_id: 2, contrat_salarie_ass: "OUI"});
    });
  }

  it("keeps a double quote as a plain character and ignores extra columns", async () => {
    const {rows} = await stageOne("Structure", writeFluxIae(tempDir(), "Structure", FLUXIAE.Structure!));
    expect(rows[0]!.structure_denomination).toBe('Chantier "Les Jardins" d\'Avril');
    expect(Object.keys(rows[0]!)).not.toContain("structure_adresse_admin_commune");
  });

  it("types decimals, booleans and empty fields", async () => {
    const {rows} = await stageOne("Salarie", writeFluxIae(tempDir(), "Salarie", FLUXIAE.Salarie!, {crlf: true}));
    expect(rows).toEqual([
      {
        salarie_id: 100,
        hash_nir: "a3f1c2d4e5",
        salarie_rci_libelle: "MME",
        salarie_annee_naissance: 1990,
        salarie_code_dpt: "34",
        salarie_adr_qpv_type: "QP",
        salarie_adr_is_zrr: false
      },
      {
        salarie_id: 101,
        hash_nir: "b7e2d1c0f9",
        salarie_rci_libelle: "M.",
        salarie_annee_naissance: 1965,
        salarie_code_dpt: "75",
        salarie_adr_qpv_type: null,
        salarie_adr_is_zrr: true
      }
    ]);
    const {rows: statements} = await stageOne("EtatMensuelIndiv", writeFluxIae(tempDir(), "EtatMensuelIndiv", emi));
    expect(statements.map((r) => r.emi_nb_heures_travail)).toEqual([120.5, 151.67, 80]);
  });
});

describe("fluxIAE reader: refusals name file, line, column and value", () => {
  it("FIN count that does not match the rows", async () => {
    const e = await refusal("EtatMensuelIndiv", emi, {fin: 5});
    expect(e.reason).toBe("fin_mismatch");
    expect(e.file).toMatch(/^fluxIAE_EtatMensuelIndiv_/);
    expect(e.line).toBe(6); // DEB, header, 3 rows, FIN on line 6
    expect(e.value).toBe("FIN5");
    expect(e.message).toContain("ligne 6");
    expect(e.message).toContain("FIN annonce 5 lignes, 3 lues");
  });

  it("gzip cut short", async () => {
    const dir = tempDir();
    const many: Table = {
      header: emi.header,
      rows: Array.from({length: 5000}, (_, i) => [`${i}`, "10", "1000", "2025", "2", "VALIDE", `${i % 150}`, ""])
    };
    const gz = gzipSync(fluxIaeBytes("EtatMensuelIndiv", many));
    const path = join(dir, "fluxIAE_EtatMensuelIndiv_01022026_120000.csv.gz");
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length / 2)));
    const e = await expectRefusal("EtatMensuelIndiv", path);
    expect(e.reason).toBe("gzip_cut");
    expect(e.file).toBe("fluxIAE_EtatMensuelIndiv_01022026_120000.csv.gz");
    expect(e.line).toBeGreaterThan(3);
    expect(e.message).toMatch(/ligne \d+ : archive gzip tronquée/);
  });

  it("file cut short with no FIN line", async () => {
    const e = await refusal("EtatMensuelIndiv", emi, {noFin: true});
    expect(e.reason).toBe("fin_missing");
    expect(e.line).toBe(5);
  });

  it("invalid UTF-8", async () => {
    const dir = tempDir();
    const path = writeFluxIae(dir, "Structure", FLUXIAE.Structure!);
    const bytes = readFileSync(path);
    const at = bytes.indexOf(Buffer.from("Intérim"));
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]));
    const e = await expectRefusal("Structure", path);
    expect(e.reason).toBe("invalid_utf8");
    expect(e.line).toBe(4);
    expect(e.message).toContain("fluxIAE_Structure_01022026_120000.csv, ligne 4");
  });

  it("names the line of a row holding a stray « | » (one field too many), in French, without its values", async () => {
    const structure = FLUXIAE.Structure!;
    const rows = structure.rows.map((r) => [...r]);
    const name = structure.header.indexOf("structure_denomination");
    rows[1]![name] = "Atelier | Les Jardins";
    const e = await refusal("Structure", {header: structure.header, rows});
    expect(e.reason).toBe("csv_syntax");
    expect(e.line).toBe(4);
    expect(e.message).toContain(
      `ligne 4 : ligne illisible (structure CSV incorrecte) (${structure.header.length + 1} champs séparés par « | » au lieu des ${structure.header.length} de l'en-tête`
    );
    expect(e.message).not.toContain("Error");
    expect(e.message).not.toContain("Jardins");
  });

  it("missing required column", async () => {
    const t: Table = {
      header: emi.header.filter((h) => h !== "emi_afi_id"),
      rows: emi.rows.map((r) => r.filter((_, i) => emi.header[i] !== "emi_afi_id"))
    };
    const e = await refusal("EtatMensuelIndiv", t);
    expect(e).toMatchObject({reason: "missing_column", line: 2, column: "emi_afi_id"});
    expect(e.message).toContain("colonne « emi_afi_id »");
  });

  it("unparsable date", async () => {
    const e = await refusal(
      "ContratMission",
      withRow(FLUXIAE.ContratMission!, 1, "contrat_date_embauche", "2025-03-10")
    );
    expect(e).toMatchObject({
      reason: "unparsable",
      line: 4,
      column: "contrat_date_embauche",
      value: "2025-03-10",
      others: 0
    });
    expect(e.message).toContain("valeur « 2025-03-10 »");
  });

  it("negative hours, with the count of other faulty rows", async () => {
    const t = withRow(withRow(emi, 1, "emi_nb_heures_travail", "-7.5"), 2, "emi_nb_heures_travail", "-1");
    const e = await refusal("EtatMensuelIndiv", t);
    expect(e).toMatchObject({reason: "negative", line: 4, column: "emi_nb_heures_travail", value: "-7.5", others: 1});
    expect(e.message).toContain("1 autre ligne en défaut");
  });

  it("unknown code in a closed list", async () => {
    const e = await refusal("ContratMission", withRow(FLUXIAE.ContratMission!, 0, "contrat_salarie_rsa", "PEUT-ETRE"));
    expect(e).toMatchObject({reason: "unknown_code", line: 3, column: "contrat_salarie_rsa", value: "PEUT-ETRE"});
    expect(e.message).toContain("OUI-M");
  });

  it("null in a required column", async () => {
    const e = await refusal("EtatMensuelIndiv", withRow(emi, 2, "emi_afi_id", ""));
    expect(e).toMatchObject({reason: "null_required", line: 5, column: "emi_afi_id", value: null});
  });

  it("duplicated key", async () => {
    const s = FLUXIAE.Salarie!;
    const e = await refusal("Salarie", {header: s.header, rows: [...s.rows, s.rows[0]!]});
    expect(e).toMatchObject({reason: "duplicate_key", line: 5, column: "salarie_id", value: "100"});
    expect(e.message).toContain("première occurrence ligne 3");
  });

  it("personal field: the column is named, its values never appear", async () => {
    const s = FLUXIAE.Salarie!;
    const t: Table = {
      header: [...s.header, "salarie_nom", "salarie_date_naissance"],
      rows: s.rows.map((r, i) => [...r, `Dupontel${i}`, `0${i + 1}/04/1990`])
    };
    const e = await refusal("Salarie", t);
    expect(e).toMatchObject({reason: "personal_field", line: 2, value: null});
    expect(e.column).toBe("salarie_nom, salarie_date_naissance");
    expect(e.message).not.toMatch(/Dupontel|04\/1990/);
    expect(JSON.stringify(e)).not.toMatch(/Dupontel|04\/1990/);
  });

  it("personal value: a raw NIR in hash_nir is refused without echoing it", async () => {
    const e = await refusal("Salarie", withRow(FLUXIAE.Salarie!, 1, "hash_nir", "165057512345678"));
    expect(e).toMatchObject({reason: "personal_value", line: 4, column: "hash_nir", value: null});
    expect(e.message).not.toContain("165057512345678");
  });
});

describe("fluxIAE reader: files as the ASP really delivers them", () => {
  const emi = FLUXIAE.EtatMensuelIndiv!;

  it("reads a .csv.gz that is in fact a zip archive holding the CSV", async () => {
    const dir = tempDir();
    const name = "fluxIAE_ContratMission_01022026_120000.csv.gz";
    const csv = fluxIaeBytes("ContratMission", FLUXIAE.ContratMission!);
    writeFileSync(join(dir, name), zipSync({"fluxIAE_ContratMission_01022026_120000.csv": new Uint8Array(csv)}));
    const plain = await stageOne("ContratMission", writeFluxIae(tempDir(), "ContratMission", FLUXIAE.ContratMission!));
    const zipped = await stageOne("ContratMission", join(dir, name));
    expect(zipped.count).toBe(2);
    expect(zipped.rows).toEqual(plain.rows);
  });

  it("refuses a .csv.gz that is a zip cut short, in French only", async () => {
    const dir = tempDir();
    const path = join(dir, "fluxIAE_Salarie_01022026_120000.csv.gz");
    const many: Table = {
      header: FLUXIAE.Salarie!.header,
      rows: Array.from({length: 3000}, (_, i) => FLUXIAE.Salarie!.rows[0]!.map((v, j) => (j === 0 ? `${i}` : v)))
    };
    const zip = zipSync({"fluxIAE_Salarie_01022026_120000.csv": new Uint8Array(fluxIaeBytes("Salarie", many))});
    writeFileSync(path, zip.subarray(0, Math.floor(zip.length / 2)));
    const e = await expectRefusal("Salarie", path);
    expect(e.reason).toBe("zip_content");
    expect(e.message).toContain("archive zip illisible ou coupée avant la fin");
    expect(e.message).not.toMatch(/Error|invalid/);
  });

  it("reads a .csv.gz that is plain text", async () => {
    const dir = tempDir();
    const path = join(dir, "fluxIAE_Salarie_01022026_120000.csv.gz");
    writeFileSync(path, fluxIaeBytes("Salarie", FLUXIAE.Salarie!));
    expect((await stageOne("Salarie", path)).count).toBe(2);
  });

  it("refuses a file that is neither gzip, zip nor text for what it is, never as truncated", async () => {
    const dir = tempDir();
    const path = join(dir, "fluxIAE_Salarie_01022026_120000.csv.gz");
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const e = await expectRefusal("Salarie", path);
    expect(e).toMatchObject({reason: "not_an_archive", file: "fluxIAE_Salarie_01022026_120000.csv.gz"});
    expect(e.message).toContain("ni gzip, ni zip, ni texte");
    expect(e.message).not.toContain("tronqué");
  });

  it("refuses a zip without a single CSV member", async () => {
    const dir = tempDir();
    const path = join(dir, "fluxIAE_Salarie_01022026_120000.csv.gz");
    const csv = new Uint8Array(fluxIaeBytes("Salarie", FLUXIAE.Salarie!));
    writeFileSync(path, zipSync({"a.csv": csv, "b.csv": csv}));
    expect(await expectRefusal("Salarie", path)).toMatchObject({reason: "zip_content"});
  });

  it("counts an identical duplicate statement once, and says how many were dropped", async () => {
    const t: Table = {header: emi.header, rows: [...emi.rows, emi.rows[1]!, emi.rows[1]!]};
    const {count, staged, rows} = await stageOne("EtatMensuelIndiv", writeFluxIae(tempDir(), "EtatMensuelIndiv", t));
    expect(count).toBe(emi.rows.length + 2);
    expect(staged.duplicatesDropped).toBe(2);
    expect(rows).toHaveLength(emi.rows.length);
  });

  it("refuses two statements of one person, annexe, contract and month with different hours, naming both lines", async () => {
    const copy = [...emi.rows[1]!];
    copy[emi.header.indexOf("emi_nb_heures_travail")] = "99";
    const e = await refusal("EtatMensuelIndiv", {header: emi.header, rows: [...emi.rows, copy]});
    expect(e).toMatchObject({
      reason: "conflicting_statement",
      line: emi.rows.length + 3,
      column: "emi_nb_heures_travail",
      value: "99.0",
      others: 0
    });
    // Both values named, so that the data team knows which statement to correct.
    expect(e.message).toContain(`valeur « 99.0 »`);
    expect(e.message).toContain(`autre ligne 4 : « 151.67 »`);
  });

  it("accepts the Structure view with its contact columns, left unread and listed", async () => {
    const {count, staged, rows} = await stageOne("Structure", writeFluxIae(tempDir(), "Structure", FLUXIAE.Structure!));
    expect(count).toBe(2);
    expect(staged.header.contact).toEqual([
      "structure_adresse_admin_telephone",
      "structure_adresse_mail_corresp_technique",
      "structure_adresse_nom_corresp_technique",
      "structure_adresse_prenom_corresp_technique"
    ]);
    expect(staged.header.unread).toEqual(["structure_adresse_admin_commune", ...staged.header.contact]);
    // Never staged: the table holds only the columns of schema.ts.
    expect(Object.keys(rows[0]!)).toEqual(tableSpec("structure").columns.map((c) => c.name));
    expect(JSON.stringify(rows)).not.toMatch(/Martin|Claire|example|0467/);
  });

  it("reads the reference views under their real ASP column names", async () => {
    const nf = await stageOne(
      "RefNiveauFormation",
      writeFluxIae(tempDir(), "RefNiveauFormation", FLUXIAE.RefNiveauFormation!)
    );
    expect(nf.rows[0]).toEqual({rnf_id: 3, rnf_code_form_empl: "30", rnf_libelle_niveau_form_empl: "Niveau CAP"});
    const dp = await stageOne(
      "RefDureePoleEmploi",
      writeFluxIae(tempDir(), "RefDureePoleEmploi", FLUXIAE.RefDureePoleEmploi!)
    );
    expect(dp.rows).toEqual([
      {rdp_id: 1, rdp_lib_duree_pe: "DE 12 À 23 MOIS"},
      {rdp_id: 2, rdp_lib_duree_pe: "24 MOIS ET PLUS"}
    ]);
  });
});
