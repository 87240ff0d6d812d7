// Referential and calendar consistency, coverage and distributions of the default sample.
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {day, type Day} from "./dates.ts";
import {DEPARTEMENTS, REGIONS} from "./geography.ts";
import {fluxRecords, readCsvRecords, readFlux} from "./read.ts";
import {freshSample, fluxPath, listFiles} from "./test-fixtures.ts";

type Rec = Record<string, string>;
const fr = (s: string): Day => {
  const [d, m, y] = s.split("/").map(Number);
  return day(y as number, m as number, d as number);
};
const iso = (s: string): Day => {
  const [y, m, d] = s.split("-").map(Number);
  return day(y as number, m as number, d as number);
};

describe("the default sample", () => {
  let structures: Rec[], annexes: Rec[], salaries: Rec[], contracts: Rec[], statements: Rec[];
  let motifs: Rec[], categories: Rec[], montants: Rec[];
  let eStructures: Record<string, string | null>[], candidats: Record<string, string | null>[];
  let candidatures: Record<string, string | null>[], passes: Record<string, string | null>[];
  let suspensions: Record<string, string | null>[], fiches: Record<string, string | null>[];
  let organisations: Record<string, string | null>[];

  beforeAll(async () => {
    const dir = await freshSample();
    const files = await listFiles(dir);
    const flux = (view: string) => fluxRecords(readFlux(fluxPath(dir, files, view)));
    structures = flux("Structure");
    annexes = flux("AnnexeFinanciere");
    salaries = flux("Salarie");
    contracts = flux("ContratMission");
    statements = flux("EtatMensuelIndiv");
    motifs = flux("RefMotifSort");
    categories = flux("RefCategorieSort");
    montants = flux("RefMontantIae");
    const csv = (t: string) => readCsvRecords(join(dir, "emplois", `${t}.csv`));
    eStructures = csv("structures");
    candidats = csv("candidats");
    candidatures = csv("candidatures");
    passes = csv("pass_agréments");
    suspensions = csv("suspensions_pass");
    fiches = csv("fiches_de_poste");
    organisations = csv("organisations");
  });

  it("covers the 101 départements, the 18 régions and every kind of structure", () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(REGIONS).toHaveLength(18);
    expect(new Set(annexes.map((a) => a.af_departement))).toEqual(new Set(DEPARTEMENTS.map((d) => d.code)));
    expect(new Set(eStructures.map((s) => s["département"]))).toEqual(new Set(DEPARTEMENTS.map((d) => d.code)));
    expect(new Set(eStructures.map((s) => s["région"])).size).toBe(18);
    expect(new Set(structures.map((s) => s.structure_type_structure))).toEqual(
      new Set(["ACI", "AI", "EI", "ETTI", "EITI"])
    );
    expect(new Set(eStructures.map((s) => s.type))).toEqual(
      new Set(["ACI", "AI", "EI", "ETTI", "EITI", "EA", "EATT", "GEIQ", "OPCS"])
    );
    expect(new Set(DEPARTEMENTS.map((d) => d.code))).toContain("2A");
    expect(DEPARTEMENTS.map((d) => d.code)).not.toContain("20");
  });

  it("has more than 11 employees a year in most départements", () => {
    const depOfStructure = new Map<string, string>();
    for (const a of annexes) depOfStructure.set(a.af_id_structure as string, a.af_departement as string);
    const structureOfContract = new Map(contracts.map((c) => [c.contrat_id_ctr, c.contrat_id_structure]));
    const people = new Map<string, Set<string>>();
    for (const s of statements) {
      const key = `${depOfStructure.get(structureOfContract.get(s.emi_ctr_id) as string)} ${s.emi_sme_annee}`;
      if (!people.has(key)) people.set(key, new Set());
      people.get(key)?.add(s.emi_pph_id as string);
    }
    expect(people.size).toBe(303);
    const small = [...people.values()].filter((p) => p.size <= 11).length;
    expect(small / people.size).toBeLessThan(0.05);
  });

  it("links statements → contracts → employees and structures, and statements → annexes", () => {
    const structureIds = new Set(structures.map((s) => s.structure_id_siae));
    const annexeById = new Map(annexes.map((a) => [a.af_id_annexe_financiere, a]));
    const salarieIds = new Set(salaries.map((s) => s.salarie_id));
    const contractById = new Map(contracts.map((c) => [c.contrat_id_ctr, c]));
    expect(annexes.every((a) => structureIds.has(a.af_id_structure))).toBe(true);
    expect(contracts.every((c) => salarieIds.has(c.contrat_id_pph) && structureIds.has(c.contrat_id_structure))).toBe(
      true
    );
    for (const s of statements) {
      const c = contractById.get(s.emi_ctr_id);
      const a = annexeById.get(s.emi_afi_id);
      expect(c && a && salarieIds.has(s.emi_pph_id)).toBeTruthy();
      expect(c?.contrat_id_pph).toBe(s.emi_pph_id);
      expect(a?.af_id_structure).toBe(c?.contrat_id_structure);
      expect(a?.af_mesure_dispositif_code).toBe(c?.contrat_mesure_disp_code);
      expect(["VALIDE", "PROVISOIRE", "CLOTURE"]).toContain(a?.af_etat_annexe_financiere_code);
    }
    // Unique keys.
    expect(new Set(salaries.map((s) => s.hash_nir)).size).toBe(salaries.length);
    expect(contractById.size).toBe(contracts.length);
  });

  it("keeps dates coherent: hiring before exit, statements inside contracts and annexes", () => {
    const contractById = new Map(contracts.map((c) => [c.contrat_id_ctr, c]));
    const annexeById = new Map(annexes.map((a) => [a.af_id_annexe_financiere, a]));
    for (const c of contracts) {
      expect(fr(c.contrat_date_embauche as string)).toBeLessThanOrEqual(fr(c.contrat_date_fin_contrat as string));
      if (c.contrat_date_sortie_definitive) {
        expect(fr(c.contrat_date_embauche as string)).toBeLessThanOrEqual(fr(c.contrat_date_sortie_definitive));
        expect(c.contrat_motif_sortie_id).not.toBe("");
      }
    }
    for (const a of annexes)
      expect(fr(a.af_date_debut_effet as string)).toBeLessThan(fr(a.af_date_fin_effet as string));
    for (const s of statements) {
      const c = contractById.get(s.emi_ctr_id) as Rec;
      const a = annexeById.get(s.emi_afi_id) as Rec;
      const first = day(Number(s.emi_sme_annee), Number(s.emi_sme_mois), 1);
      const last = day(Number(s.emi_sme_annee), Number(s.emi_sme_mois) + 1, 1) - 1;
      const end = c.contrat_date_sortie_definitive
        ? fr(c.contrat_date_sortie_definitive)
        : fr(c.contrat_date_fin_contrat as string);
      expect(fr(c.contrat_date_embauche as string)).toBeLessThanOrEqual(last);
      expect(end).toBeGreaterThanOrEqual(first);
      expect(fr(a.af_date_debut_effet as string)).toBeLessThanOrEqual(first);
      expect(fr(a.af_date_fin_effet as string)).toBeGreaterThanOrEqual(last);
      expect(Number(s.emi_nb_heures_travail)).toBeGreaterThanOrEqual(0);
    }
    const months = new Set(statements.map((s) => `${s.emi_sme_annee}-${s.emi_sme_mois}`));
    expect(months.size).toBe(36);
  });

  it("chains renewals to the first contract, and has people in more than one structure", () => {
    const contractById = new Map(contracts.map((c) => [c.contrat_id_ctr, c]));
    const renewals = contracts.filter((c) => c.contrat_parent_id !== "");
    expect(renewals.length).toBeGreaterThan(contracts.length * 0.2);
    for (const r of renewals) {
      const parent = contractById.get(r.contrat_parent_id) as Rec;
      expect(parent.contrat_parent_id).toBe("");
      expect(parent.contrat_id_pph).toBe(r.contrat_id_pph);
      expect(parent.contrat_id_structure).toBe(r.contrat_id_structure);
    }
    const structuresOf = new Map<string, Set<string>>();
    for (const c of contracts) {
      if (!structuresOf.has(c.contrat_id_pph as string)) structuresOf.set(c.contrat_id_pph as string, new Set());
      structuresOf.get(c.contrat_id_pph as string)?.add(c.contrat_id_structure as string);
    }
    expect([...structuresOf.values()].filter((s) => s.size > 1).length).toBeGreaterThan(20);
  });

  it("has yearly annexes with the right measure codes and states, FDI and excluded ones", () => {
    const kindOf = new Map(structures.map((s) => [s.structure_id_siae, s.structure_type_structure]));
    for (const a of annexes) {
      const kind = kindOf.get(a.af_id_structure) as string;
      expect([`${kind}_DC`, `${kind}_MP`, "FDI_DC"]).toContain(a.af_mesure_dispositif_code);
      expect(a.af_numero_annexe_financiere?.startsWith(a.af_mesure_dispositif_code?.split("_")[0] as string)).toBe(
        true
      );
      expect(a.af_date_fin_effet?.slice(0, 5)).toBe("31/12");
    }
    const states = new Set(annexes.map((a) => a.af_etat_annexe_financiere_code));
    for (const s of ["VALIDE", "PROVISOIRE", "CLOTURE"]) expect(states).toContain(s);
    expect(
      annexes.some((a) => !["VALIDE", "PROVISOIRE", "CLOTURE"].includes(a.af_etat_annexe_financiere_code as string))
    ).toBe(true);
    expect(annexes.some((a) => a.af_mesure_dispositif_code === "FDI_DC")).toBe(true);
    expect(annexes.some((a) => a.af_mesure_dispositif_code?.endsWith("_MP"))).toBe(true);
  });

  it("has the reference views the indicators need", () => {
    const divisors = new Map(montants.map((m) => [m.rmi_id, Number(m.rmi_valeur)]));
    expect(new Set(annexes.map((a) => divisors.get(a.af_duree_heure_annuel_etp_id as string)))).toEqual(
      new Set([1607, 1820])
    );
    expect(montants.some((m) => m.rmi_code === "MT_ME_RSA")).toBe(true);
    expect(categories.map((c) => `${c.rcs_code} ${c.rcs_libelle}`)).toEqual([
      "1 Emploi durable",
      "2 Emploi de transition",
      "3 Sorties positives",
      "4 Autres sorties",
      "5 Retrait des sorties constatées"
    ]);
    expect(motifs.find((m) => m.rms_code === "2")?.rms_libelle).toBe("CDD dans une autre structure IAE");
    expect(motifs.find((m) => m.rms_code === "96")?.rms_libelle).toBe("CDI Inclusion");
    const motifIds = new Set(motifs.map((m) => m.rms_id));
    const categoryIds = new Set(categories.map((c) => c.rcs_id));
    expect(motifs.every((m) => categoryIds.has(m.rcs_id))).toBe(true);
    const used = contracts.filter((c) => c.contrat_motif_sortie_id !== "");
    expect(used.every((c) => motifIds.has(c.contrat_motif_sortie_id))).toBe(true);
    const byCategory = new Map(motifs.map((m) => [m.rms_id, m.rcs_id]));
    expect(new Set(used.map((c) => byCategory.get(c.contrat_motif_sortie_id)))).toEqual(categoryIds);
  });

  it("has believable profiles: sex ratio, RSA share, AI with many people and few hours", () => {
    const women = salaries.filter((s) => s.salarie_rci_libelle === "MME").length / salaries.length;
    expect(women).toBeGreaterThan(0.38);
    expect(women).toBeLessThan(0.55);
    const rsa = contracts.filter((c) => c.contrat_salarie_rsa !== "NON").length / contracts.length;
    expect(rsa).toBeGreaterThan(0.28);
    expect(rsa).toBeLessThan(0.42);
    const kindOf = new Map(structures.map((s) => [s.structure_id_siae, s.structure_type_structure]));
    const structureOf = new Map(contracts.map((c) => [c.contrat_id_ctr, kindOf.get(c.contrat_id_structure as string)]));
    const hours = (kind: string) => {
      const rows = statements.filter((s) => structureOf.get(s.emi_ctr_id) === kind);
      return rows.reduce((n, s) => n + Number(s.emi_nb_heures_travail), 0) / rows.length;
    };
    expect(hours("AI")).toBeLessThan(hours("ACI") / 2);
    expect(statements.some((s) => s.emi_esm_etat_code !== "VALIDE")).toBe(true);
  });

  it("links applications, PASS IAE and job posts to structures, candidates and organisations", () => {
    const structureIds = new Set(eStructures.map((s) => s.id));
    const candidateIds = new Set(candidats.map((c) => c.id));
    const organisationIds = new Set(organisations.map((o) => o.id));
    const passIds = new Set(passes.map((p) => p.id));
    const aspIds = new Set(structures.map((s) => s.structure_id_siae));
    expect(eStructures.filter((s) => s.id_asp !== null).every((s) => aspIds.has(s.id_asp as string))).toBe(true);
    for (const c of candidatures) {
      expect(structureIds.has(c.id_structure) && candidateIds.has(c.id_candidat)).toBe(true);
      if (c.id_org_prescripteur !== null) expect(organisationIds.has(c.id_org_prescripteur)).toBe(true);
      if (c.date_traitement !== null)
        expect(iso(c.date_traitement as string)).toBeGreaterThanOrEqual(iso(c.date_candidature as string));
      if (c.date_embauche !== null) expect(c["état"]).toBe("Candidature acceptée");
    }
    for (const p of passes) {
      expect(structureIds.has(p.id_structure) && candidateIds.has(p.id_candidat)).toBe(true);
      const months = (iso(p.date_fin as string) - iso(p["date_début"] as string)) / 30.44;
      expect(months).toBeGreaterThan(23.5);
    }
    expect(suspensions.length).toBeGreaterThan(0);
    expect(suspensions.every((s) => passIds.has(s["id_pass_agrément"]))).toBe(true);
    expect(fiches.every((f) => structureIds.has(f.id_employeur))).toBe(true);
    // Hired people carry the same pseudonymised hash on both sides.
    const employeeHashes = new Set(salaries.map((s) => s.hash_nir));
    const accepted = new Set(
      candidatures.filter((c) => c["état"] === "Candidature acceptée").map((c) => c.id_candidat)
    );
    const hired = candidats.filter((c) => accepted.has(c.id) && employeeHashes.has(c.hash_nir as string));
    expect(hired.length).toBeGreaterThan(accepted.size * 0.7);
  });

  it("has about 22 % of applications accepted, many candidates never accepted, seasonality", () => {
    const accepted = candidatures.filter((c) => c["état"] === "Candidature acceptée");
    const rate = accepted.length / candidatures.length;
    expect(rate).toBeGreaterThan(0.18);
    expect(rate).toBeLessThan(0.26);
    const acceptedCandidates = new Set(accepted.map((c) => c.id_candidat));
    expect(candidats.filter((c) => !acceptedCandidates.has(c.id)).length).toBeGreaterThan(candidats.length * 0.3);
    const inMonth = (m: string) => candidatures.filter((c) => c.date_candidature?.slice(5, 7) === m).length;
    expect(inMonth("08")).toBeLessThan(inMonth("09") * 0.9);
    expect(new Set(candidatures.map((c) => c.origine)).size).toBe(4);
    expect(new Set(candidatures.map((c) => c["état"])).size).toBe(9);
  });

  it("has job posts open for long with no recent application to their structure", () => {
    const lastApplication = new Map<string, number>();
    for (const c of candidatures) {
      const d = iso(c.date_candidature as string);
      lastApplication.set(c.id_structure as string, Math.max(lastApplication.get(c.id_structure as string) ?? 0, d));
    }
    const end = day(2025, 12, 31);
    const quiet = fiches.filter(
      (f) =>
        f.recrutement_ouvert === "t" &&
        end - iso(f["date_création"] as string) > 60 &&
        (lastApplication.get(f.id_employeur as string) ?? 0) < end - 30
    );
    expect(quiet.length).toBeGreaterThan(0);
  });
});
