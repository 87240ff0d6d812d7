// Orchestration: builds the small world, then walks the IAE structures one by one,
// simulating each one's employees and applications and writing them at once through
// streams. Only one structure's rows are in memory at a time.
import {mkdir, readFile, stat, writeFile} from "node:fs/promises";
import {gunzipSync} from "node:zlib";
import {zipSync} from "fflate";
import {basename, join} from "node:path";
import {frDate, frTimestamp, isoDate, monthStart} from "./dates.ts";
import {applicationsOf, criteriaOf, type StructureApplications} from "./model/applications.ts";
import {Context} from "./model/context.ts";
import {MobilityPool, simulateStructure, type StructureEmployment} from "./model/employment.ts";
import {buildWorld, type World} from "./model/world.ts";
import {Progress, formatBytes, formatCount, silentEffects, type Effects} from "./progress.ts";
import {
  REF_CATEGORIE_SORT,
  REF_DUREE_POLE_EMPLOI,
  REF_MONTANT_IAE,
  REF_MOTIF_SORT,
  REF_NIVEAU_FORMATION
} from "./referentials.ts";
import {scaleConfig, type ScaleConfig} from "./scales.ts";
import {EMPLOIS_QUIRK_EXTRAS, headerOf} from "./views.ts";
import {EmploisCsvWriter} from "./writers/emplois-csv.ts";
import {FluxWriter, extractionStamp} from "./writers/fluxiae.ts";

export interface GenerateOptions {
  readonly scale: string | ScaleConfig;
  readonly seed: number;
  readonly out: string;
  /**
   * Write the quirks of the real ASP drops (domain.md, "Sources"), which the readers must meet
   * without refusing anything or counting anything twice: a `.csv.gz` that is a zip archive
   * (Structure), identical duplicate monthly statements, commune codes without their leading
   * zero or with a blank, one person under two `salarie_id`; and the emplois exports' extra
   * columns (organisations' and counsellors' names, sex and birth year read from the NIR). The
   * figures are those of the same generation without quirks.
   */
  readonly quirks?: boolean;
}

/** Second salarie_id of a person re-registered by the ASP (quirks): id + this offset. */
export const SECOND_SALARIE_OFFSET = 500_000_000;

/** Quirks, each on a deterministic share of the rows. */
const quirkOf = {
  /** A person under two salarie_id: the second one on their odd-numbered contracts. */
  twoIds: (personId: number) => personId % 40 === 0,
  secondIdContract: (contractId: number) => contractId % 2 === 1,
  /** A monthly statement written twice. */
  duplicate: (statementId: number) => statementId % 397 === 0,
  /** A commune code written as a number (no leading zero), or with a blank before it. */
  commune: (insee: string, idAsp: number) =>
    insee.startsWith("0") && idAsp % 3 === 0 ? insee.slice(1) : idAsp % 11 === 0 ? ` ${insee}` : insee
};

export interface GeneratedFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

type Writer = FluxWriter | EmploisCsvWriter;

export async function generate(options: GenerateOptions, effects: Effects = silentEffects): Promise<GeneratedFile[]> {
  const scale = typeof options.scale === "string" ? scaleConfig(options.scale) : options.scale;
  const ctx = new Context(scale, options.seed);
  const emploisDir = join(options.out, "emplois");
  await mkdir(emploisDir, {recursive: true});
  const stamp = extractionStamp(scale.extraction.date, scale.extraction.time);
  const flux = (view: string) => new FluxWriter(options.out, view, headerOf(view), stamp);
  const quirkColumns = (table: string) => (options.quirks ? (EMPLOIS_QUIRK_EXTRAS[table] ?? []) : []);
  const csv = (table: string) => new EmploisCsvWriter(emploisDir, table, [...headerOf(table), ...quirkColumns(table)]);
  const files: GeneratedFile[] = [];
  const started = Date.now();
  const close = async (w: Writer) => {
    await w.close();
    const bytes = (await stat(w.path)).size;
    files.push({path: w.path, rows: w.rows, bytes});
    effects.log(
      `${basename(w.path)}: ${formatCount(w.rows)} rows, ${formatBytes(bytes)}, ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  };

  const quirks = options.quirks ?? false;
  const world = buildWorld(ctx);
  for (const w of [...referenceWriters(flux), ...(await worldWriters(world, flux, csv, quirks))]) await close(w);

  const big = {
    salarie: flux("Salarie"),
    contrat: flux("ContratMission"),
    emi: flux("EtatMensuelIndiv"),
    candidats: csv("candidats"),
    candidatures: csv("candidatures"),
    pass: csv("pass_agréments"),
    suspensions: csv("suspensions_pass"),
    fiches: csv("fiches_de_poste")
  };
  const progress = new Progress(effects);
  const pool = new MobilityPool();
  let done = 0;
  for (const s of world.structures) {
    const employment: StructureEmployment = s.iaeKind
      ? simulateStructure(ctx, s, pool)
      : {newPeople: [], contracts: [], statements: [], hires: []};
    await writeEmployment(big, employment, quirks);
    await writeApplications(big, applicationsOf(ctx, world, s, employment.hires));
    done++;
    progress.tick(
      `structure ${done}/${world.structures.length}`,
      big.emi.rows + big.candidatures.rows + big.contrat.rows
    );
  }
  for (const w of Object.values(big)) await close(w);
  if (quirks) {
    // A real ASP drop held a `.csv.gz` that was a zip archive of the CSV.
    const structureFile = files.find((f) => basename(f.path).startsWith("fluxIAE_Structure_"))!;
    const csvName = basename(structureFile.path).replace(/\.gz$/, "");
    const zipped = zipSync({[csvName]: gunzipSync(await readFile(structureFile.path))}, {mtime: ZIP_TIME});
    await writeFile(structureFile.path, zipped);
  }
  return files;
}

/** Fixed modification time of the zip member (the output stays byte-identical per seed). */
const ZIP_TIME = new Date(2026, 0, 15, 6, 12, 34);

function referenceWriters(flux: (view: string) => FluxWriter): FluxWriter[] {
  const montant = flux("RefMontantIae");
  for (const r of REF_MONTANT_IAE) void montant.row({...r, rmi_date_debut_validite: "01/01/2024"});
  const motif = flux("RefMotifSort");
  REF_MOTIF_SORT.forEach((r, i) => void motif.row({...r, rms_ordre_affichage: i + 1}));
  const categorie = flux("RefCategorieSort");
  for (const r of REF_CATEGORIE_SORT) void categorie.row({...r});
  // The real ASP column names (domain.md).
  const niveau = flux("RefNiveauFormation");
  for (const r of REF_NIVEAU_FORMATION)
    void niveau.row({rnf_id: r.id, rnf_code_form_empl: r.code, rnf_libelle_niveau_form_empl: r.libelle});
  const duree = flux("RefDureePoleEmploi");
  for (const r of REF_DUREE_POLE_EMPLOI) void duree.row({rdp_id: r.id, rdp_lib_duree_pe: r.libelle});
  return [montant, motif, categorie, niveau, duree];
}

async function worldWriters(
  world: World,
  flux: (view: string) => FluxWriter,
  csv: (table: string) => EmploisCsvWriter,
  quirks: boolean
): Promise<Writer[]> {
  const structure = flux("Structure");
  const annexe = flux("AnnexeFinanciere");
  const structures = csv("structures");
  const organisations = csv("organisations");
  for (const s of world.structures) {
    if (s.idAsp !== null) {
      await structure.row({
        structure_id_siae: s.idAsp,
        structure_siret_actualise: s.siret,
        structure_siret_signature: s.siret,
        structure_denomination: s.name,
        structure_type_structure: s.kind,
        structure_code_naf: s.naf,
        structure_adresse_admin_cp: s.postalCode,
        structure_adresse_admin_code_insee: quirks ? quirkOf.commune(s.insee, s.idAsp) : s.insee,
        structure_date_creation: frTimestamp(s.createdDay, 36000 + (s.idAsp % 3600)),
        // Contact columns of the real view: synthetic tokens, shaped like no real contact.
        structure_adresse_admin_telephone: `synth-tel-${s.idAsp}`,
        structure_adresse_mail_corresp_technique: `synth-courriel-${s.idAsp}`,
        structure_adresse_nom_corresp_technique: `Correspondant${s.idAsp}`,
        structure_adresse_prenom_corresp_technique: "Synth"
      });
      for (const a of s.annexes) {
        await annexe.row({
          af_id_annexe_financiere: a.id,
          af_id_structure: s.idAsp,
          af_numero_annexe_financiere: a.numero,
          af_numero_convention: `${a.numero.slice(0, 6)}${String(s.idAsp).slice(-4)}`,
          af_mesure_dispositif_code: a.mesure,
          af_etat_annexe_financiere_code: a.etat,
          af_date_creation: frTimestamp(a.createdDay, 32400 + (a.id % 28800)),
          af_date_debut_effet: frDate(a.start),
          af_date_fin_effet: frDate(a.end),
          af_etp_postes_insertion: a.etp,
          af_duree_heure_annuel_etp_id: a.divisorId,
          af_montant_unitaire_annuel_valeur: a.unitAmount,
          af_montant_total_annuel: a.totalAmount,
          af_mt_cofinance: a.cofinance,
          af_departement: s.dep.code,
          af_montant_unitaire_modulation: a.mesure === "FDI_DC" ? null : 0
        });
      }
    }
    await structures.row({
      id: s.idEmplois,
      id_asp: s.idAsp,
      nom: s.name,
      type: s.kind,
      siret: s.siret,
      département: s.dep.code,
      région: s.dep.region.name
    });
  }
  for (const o of world.organisations) {
    await organisations.row({id: o.id, type: o.type, habilitée: o.habilitee, département: o.dep});
  }
  return [structure, annexe, structures, organisations];
}

type BigWriters = {
  salarie: FluxWriter;
  contrat: FluxWriter;
  emi: FluxWriter;
  candidats: EmploisCsvWriter;
  candidatures: EmploisCsvWriter;
  pass: EmploisCsvWriter;
  suspensions: EmploisCsvWriter;
  fiches: EmploisCsvWriter;
};

const yesNo = (b: boolean) => (b ? "OUI" : "NON");

async function writeEmployment(w: BigWriters, e: StructureEmployment, quirks: boolean): Promise<void> {
  // With quirks, some people also carry a second salarie_id (same hash_nir), used on their
  // odd-numbered contracts and those contracts' statements.
  const twoIds = (personId: number) => quirks && quirkOf.twoIds(personId);
  const salarieId = (personId: number, contractId: number) =>
    twoIds(personId) && quirkOf.secondIdContract(contractId) ? personId + SECOND_SALARIE_OFFSET : personId;
  for (const p of e.newPeople) {
    for (const id of twoIds(p.id) ? [p.id, p.id + SECOND_SALARIE_OFFSET] : [p.id]) {
      await w.salarie.row({
        salarie_id: id,
        hash_nir: p.hash,
        salarie_rci_libelle: p.sex === "F" ? "MME" : "M.",
        salarie_annee_naissance: p.birthYear,
        salarie_code_dpt: p.dep,
        salarie_adr_qpv_type: p.qpv ? "QP" : "NQP",
        salarie_adr_is_zrr: p.zrr,
        salarie_date_creation: frTimestamp(p.createdDay, 30000 + (p.id % 30000))
      });
    }
  }
  for (const c of e.contracts) {
    const p = c.person;
    await w.contrat.row({
      contrat_id_ctr: c.id,
      contrat_id_pph: salarieId(p.id, c.id),
      contrat_id_structure: c.structureId,
      contrat_mesure_disp_code: c.mesure,
      contrat_type_contrat: c.parentId === null ? "CONTRAT INITIAL" : "RENOUVELLEMENT",
      contrat_parent_id: c.parentId,
      contrat_date_embauche: frDate(c.start),
      contrat_date_fin_contrat: frDate(c.plannedEnd),
      contrat_nb_heures: c.weeklyHours,
      contrat_date_sortie_definitive: c.exit === null ? null : frDate(c.exit),
      contrat_motif_sortie_id: c.motifId,
      contrat_code_rome: c.rome,
      contrat_salarie_rsa: p.rsa,
      contrat_salarie_ass: yesNo(p.ass),
      contrat_salarie_aah: yesNo(p.aah),
      contrat_salarie_rqth: yesNo(p.rqth),
      contrat_niveau_de_formation_id: p.levelId,
      contrat_salarie_pe_duree_id: p.peDureeId,
      contrat_date_creation: frTimestamp(c.start, 28800 + (c.id % 36000))
    });
  }
  for (const st of e.statements) {
    const copies = quirks && quirkOf.duplicate(st.id) ? 2 : 1;
    for (let copy = 0; copy < copies; copy++)
      await w.emi.row({
        emi_pph_id: salarieId(st.person.id, st.contract.id),
        emi_afi_id: st.annexe.id,
        emi_ctr_id: st.contract.id,
        emi_dsm_id: st.id,
        emi_sme_annee: Math.floor(st.month / 12),
        emi_sme_mois: (st.month % 12) + 1,
        emi_esm_etat_code: st.validated ? "VALIDE" : "SAISI",
        emi_nb_heures_travail: st.hours,
        emi_date_creation: frTimestamp(monthStart(st.month + 1) + (st.id % 12), 25200 + (st.id % 43200)),
        emi_motif_sortie_id: st.motifId
      });
  }
}

async function writeApplications(w: BigWriters, a: StructureApplications): Promise<void> {
  for (const c of a.candidates) {
    const p = c.person;
    await w.candidats.row({
      id: c.id,
      hash_nir: c.withHash ? p.hash : null,
      sexe: p.sex,
      annee_naissance: p.birthYear,
      département: p.dep,
      adresse_en_qpv: p.qpv,
      ...criteriaOf(p),
      // Written only where the header has them (--quirks).
      sexe_selon_nir: p.sex,
      annee_naissance_selon_nir: p.birthYear
    });
  }
  for (const x of a.applications) {
    await w.candidatures.row({
      id: x.id,
      date_candidature: isoDate(x.sent),
      date_traitement: x.processed === null ? null : isoDate(x.processed),
      date_embauche: x.hired === null ? null : isoDate(x.hired),
      état: x.state,
      origine: x.origin,
      type_prescripteur: x.prescriberType,
      motif_de_refus: x.refusalMotif,
      id_candidat: x.candidateId,
      id_structure: x.structure.idEmplois,
      type_structure: x.structure.kind,
      département_structure: x.structure.dep.code,
      région_structure: x.structure.dep.region.name,
      id_org_prescripteur: x.organisationId,
      candidature_refusée_automatiquement: x.autoRefused,
      // Written only where the header has them (--quirks): synthetic names, no real contact.
      nom_structure: x.structure.name,
      nom_département_structure: `Département ${x.structure.dep.code}`,
      nom_org_prescripteur: x.organisationId === null ? null : `Organisation ${x.organisationId}`,
      nom_prénom_conseiller: x.organisationId === null ? null : "Conseiller Synth"
    });
  }
  for (const p of a.passes) {
    await w.pass.row({
      id: p.id,
      type: "PASS IAE",
      date_début: isoDate(p.start),
      date_fin: isoDate(p.end),
      id_candidat: p.candidateId,
      id_structure: p.structure.idEmplois,
      département_structure: p.structure.dep.code
    });
  }
  for (const s of a.suspensions) {
    await w.suspensions.row({
      id: s.id,
      id_pass_agrément: s.passId,
      date_début: isoDate(s.start),
      date_fin: s.end === null ? null : isoDate(s.end),
      motif: s.motif
    });
  }
  for (const f of a.fiches) {
    await w.fiches.row({
      id: f.id,
      id_employeur: f.structure.idEmplois,
      code_rome: f.rome,
      recrutement_ouvert: f.open,
      date_création: isoDate(f.created)
    });
  }
}
