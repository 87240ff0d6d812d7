// Job posts in tension at the reference date, by territory of the employer, kind and ROME
// grand domaine. Job posts are not people: nothing is masked (the rows still go through
// disclosure control, like every dataset).
import {
  ROME_GRANDS_DOMAINES,
  UNKNOWN_DOMAINE,
  postesTensionSql,
  territoryLabel,
  toArrow,
  type DatasetSpec,
  type FigureColumn,
  type Row
} from "@pilotage/indicators";
import {disclose} from "./lib/asp-columns.ts";
import {EMPLOIS_DATE_NOTE, emploisDimensions, emploisReferenceDate} from "./lib/emplois-columns.ts";
import type {ComputeContext} from "./lib/run.ts";
import type {LoaderContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";

const DOMAINES = ["ensemble", ...Object.keys(ROME_GRANDS_DOMAINES), UNKNOWN_DOMAINE];
const DOMAINE_LABELS: Record<string, string> = {
  ensemble: "Tous les domaines",
  ...ROME_GRANDS_DOMAINES,
  [UNKNOWN_DOMAINE]: "Code ROME absent ou inconnu"
};

const posts = (name: string, label: string, definition: string, sources: readonly string[]): FigureColumn => ({
  name,
  role: "figure",
  type: "int32",
  unit: "postes",
  counts: "other",
  label,
  definition,
  sources
});

const FICHE = ["fiches_de_poste.recrutement_ouvert", "fiches_de_poste.date_création"];

export function postesTensionSpec(referenceDate: string): DatasetSpec {
  return {
    name: "postes-tension",
    title: "Postes en tension à la date de référence, par grand domaine ROME",
    description:
      "Fiches de poste ouvertes au recrutement à la date de référence, et parmi celles ouvertes depuis au moins 30 " +
      "jours, celles sans candidature ou sans embauche dans les 30 derniers jours (la date de référence et les 29 " +
      "jours qui la précèdent). Les candidatures ne sont pas rattachées à une fiche de poste mais à un employeur : " +
      "la règle s'applique par employeur (aucune candidature, ou aucune embauche, chez l'employeur de la fiche). " +
      "Territoire et type de l'employeur. Des postes, non des personnes : nombres publiés sans masquage." +
      EMPLOIS_DATE_NOTE,
    levels: ["national", "région", "département"],
    periods: ["mois"],
    referenceDate,
    columns: [
      ...emploisDimensions(
        "Mois (AAAA-MM) de la date de référence : situation à cette date. Territoire : département de l'employeur."
      ),
      {
        name: "domaine",
        role: "dimension",
        type: "dictionary",
        values: DOMAINES,
        label: "Grand domaine ROME",
        definition:
          "Grand domaine du code ROME de la fiche de poste (lettre du code, répertoire ROME de France Travail, " +
          "version 2024-10, Licence Ouverte) ; « inconnu » : code absent ou hors répertoire ; ensemble : tous.",
        sources: ["fiches_de_poste.code_rome"]
      },
      {
        name: "domaine_libelle",
        role: "dimension",
        type: "dictionary",
        describes: "domaine",
        label: "Libellé du grand domaine",
        definition: "Libellé du grand domaine ROME (France Travail, Licence Ouverte)."
      },
      posts("postes_ouverts", "Postes ouverts", "Fiches de poste au recrutement ouvert à la date de référence.", FICHE),
      posts(
        "postes_ouverts_30_jours",
        "Postes ouverts depuis 30 jours ou plus",
        "Fiches de poste ouvertes créées au moins 30 jours avant la date de référence.",
        FICHE
      ),
      posts(
        "postes_sans_candidature",
        "Sans candidature depuis 30 jours",
        "Postes ouverts depuis 30 jours ou plus dont l'employeur n'a reçu aucune candidature dans les 30 derniers jours.",
        [...FICHE, "candidatures.date_candidature", "candidatures.id_structure"]
      ),
      posts(
        "postes_sans_embauche",
        "Sans embauche depuis 30 jours",
        "Postes ouverts depuis 30 jours ou plus dont l'employeur n'a embauché personne dans les 30 derniers jours " +
          "(candidature acceptée avec une date d'embauche dans ces jours).",
        [...FICHE, "candidatures.date_embauche", "candidatures.état", "candidatures.id_structure"]
      ),
      posts(
        "postes_en_tension",
        "Postes en tension",
        "Postes ouverts depuis 30 jours ou plus, sans candidature ou sans embauche chez leur employeur dans les 30 " +
          "derniers jours.",
        [...FICHE, "candidatures.date_candidature", "candidatures.date_embauche", "candidatures.état"]
      ),
      {
        name: "part_en_tension",
        role: "figure",
        type: "float64",
        unit: "%",
        decimals: 4,
        counts: "other",
        label: "Part des postes en tension",
        definition: "Postes en tension divisés par les postes ouverts.",
        sources: FICHE
      }
    ]
  };
}

export async function compute(context: ComputeContext): Promise<{spec: DatasetSpec; rows: Row[]}> {
  const {engine} = context;
  const referenceDate = await emploisReferenceDate(context);
  const spec = postesTensionSpec(referenceDate);
  const raw = await engine.query<Record<string, string | number>>(postesTensionSql(referenceDate));
  const rows: Row[] = raw.map((r) => ({
    niveau: r.niveau,
    territoire: r.territoire,
    territoire_libelle: territoryLabel(String(r.niveau), String(r.territoire)),
    periode: referenceDate.slice(0, 7),
    type_structure: r.type_structure,
    domaine: r.domaine,
    domaine_libelle: DOMAINE_LABELS[String(r.domaine)] ?? String(r.domaine),
    postes_ouverts: Number(r.postes_ouverts),
    postes_ouverts_30_jours: Number(r.postes_ouverts_30_jours),
    postes_sans_candidature: Number(r.postes_sans_candidature),
    postes_sans_embauche: Number(r.postes_sans_embauche),
    postes_en_tension: Number(r.postes_en_tension),
    part_en_tension: Number(r.postes_ouverts) > 0 ? Number(r.postes_en_tension) / Number(r.postes_ouverts) : null
  }));
  return {spec, rows: disclose(spec, rows, [])};
}

export async function postesTension(context: LoaderContext): Promise<Uint8Array> {
  // Computed once per build: the territory archive reads the same rows.
  const {spec, rows} = await oncePerBuild(`postes-tension-${context.referenceDate}`, () => compute(context));
  return toArrow(spec, rows);
}
