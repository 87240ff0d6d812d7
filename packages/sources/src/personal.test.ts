import {describe, expect, it} from "vitest";
import {classifyColumns, findPersonalColumns} from "./personal.ts";

const cols = (source: string, header: string[]) => findPersonalColumns(source, header).map((h) => h.column);

describe("personal fields", () => {
  it("finds names, NIR, birth dates, e-mails, phones and street addresses of people", () => {
    expect(
      cols("Salarie", [
        "salarie_id",
        "salarie_nom_usage",
        "salarie_prenom",
        "salarie_nir",
        "salarie_date_naissance",
        "salarie_adr_mail",
        "salarie_telephone",
        "salarie_adr_libelle_voie",
        "salarie_adresse"
      ])
    ).toEqual([
      "salarie_nom_usage",
      "salarie_prenom",
      "salarie_nir",
      "salarie_date_naissance",
      "salarie_adr_mail",
      "salarie_telephone",
      "salarie_adr_libelle_voie",
      "salarie_adresse"
    ]);
    expect(cols("candidats", ["id", "nom", "Prénom", "date_de_naissance", "courriel"])).toEqual([
      "nom",
      "Prénom",
      "date_de_naissance",
      "courriel"
    ]);
  });

  it("allows pseudonymised and aggregated fields, and structures' names and addresses", () => {
    const allowed = [
      "hash_nir",
      "salarie_annee_naissance",
      "annee_naissance",
      "salarie_adr_qpv_type",
      "salarie_adr_is_zrr",
      "adresse_en_qpv",
      "salarie_code_dpt",
      "salarie_adr_cp"
    ];
    expect(cols("Salarie", allowed)).toEqual([]);
    expect(
      cols("Structure", [
        "structure_denomination",
        "structure_adresse_admin_cp",
        "structure_adresse_admin_commune",
        "structure_adresse_admin_voie"
      ])
    ).toEqual([]);
    expect(cols("structures", ["nom", "adresse"])).toEqual([]);
    expect(cols("ContratMission", ["contrat_code_rome", "contrat_mesure_disp_code", "contrat_date_creation"])).toEqual(
      []
    );
  });

  it("accepts a structure's contact details as contact columns (left unread), never as personal fields", () => {
    const header = [
      "structure_id_siae",
      "structure_adresse_admin_telephone",
      "structure_adresse_mail_corresp_technique",
      "structure_adresse_nom_corresp_technique",
      "structure_adresse_prenom_corresp_technique",
      "structure_adresse_gestion_telephone"
    ];
    expect(cols("Structure", header)).toEqual([]);
    expect(classifyColumns("Structure", header).contact.map((h) => h.column)).toEqual(header.slice(1));
    // A NIR or a birth date is personal even in an organisation's table.
    expect(cols("Structure", ["structure_correspondant_nir", "structure_date_naissance_corresp"])).toEqual([
      "structure_correspondant_nir",
      "structure_date_naissance_corresp"
    ]);
  });

  it("reads the emplois platform's own columns about structures, prescribers and counsellors as contacts, and fields derived from the NIR as allowed", () => {
    // The real `candidatures` and `candidats` tables (itou's exports) carry these.
    const candidatures = [
      "id",
      "nom_structure",
      "nom_département_structure",
      "nom_org_prescripteur",
      "nom_prénom_conseiller"
    ];
    expect(cols("candidatures", candidatures)).toEqual([]);
    expect(classifyColumns("candidatures", candidatures).contact.map((h) => h.column)).toEqual(candidatures.slice(1));
    expect(cols("candidats", ["id", "hash_nir", "sexe_selon_nir", "annee_naissance_selon_nir"])).toEqual([]);
    // Still personal: the person's own name, even beside an organisation's word, and the NIR itself.
    expect(cols("candidatures", ["nom_candidat_structure", "nir_candidat", "candidat_nir"])).toEqual([
      "nom_candidat_structure",
      "nir_candidat",
      "candidat_nir"
    ]);
    expect(cols("candidats", ["date_naissance_selon_nir"])).toEqual(["date_naissance_selon_nir"]);
  });

  it("finds personal fields by the words of their names, in every view and table", () => {
    expect(
      cols("EtatMensuelIndiv", ["emi_pph_id", "emi_salarie_nom", "emi_mail_salarie", "emi_salarie_telephone_portable"])
    ).toEqual(["emi_salarie_nom", "emi_mail_salarie", "emi_salarie_telephone_portable"]);
    expect(cols("ContratMission", ["contrat_id_ctr", "contrat_salarie_prenom", "contrat_nir"])).toEqual([
      "contrat_salarie_prenom",
      "contrat_nir"
    ]);
    expect(cols("candidatures", ["id", "nom_candidat", "E-mail"])).toEqual(["nom_candidat", "E-mail"]);
    // Names that only contain the letters: not a word of the name.
    expect(cols("Structure", ["structure_denomination"])).toEqual([]);
    expect(cols("ContratMission", ["contrat_nombre_heures", "contrat_nomenclature"])).toEqual([]);
  });
});
