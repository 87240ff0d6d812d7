import {describe, expect, it} from "vitest";
import {findPersonalColumns} from "./personal.ts";

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

  it("refuses contact e-mails and phones even for structures", () => {
    expect(cols("Structure", ["structure_adresse_mail_corresp_technique", "structure_telephone"])).toEqual([
      "structure_adresse_mail_corresp_technique",
      "structure_telephone"
    ]);
  });
});
