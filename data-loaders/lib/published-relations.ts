// The relations every published dataset's counts obey, by dataset name, and the reading of a
// built site (dist/) as an outside reader reads it: every Arrow file, its declaration taken
// from its own metadata. Together they feed the audit of everything published
// (@pilotage/indicators, disclosure/published.ts), run after every build.
import {readFile, readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {
  DISCLOSURE_THRESHOLD,
  METADATA_KEYS,
  auditFailures,
  auditPublished,
  type Hierarchy,
  type PublishedAudit,
  type PublishedTable,
  type Row
} from "@pilotage/indicators";
import {CUBE_HIERARCHIES} from "../candidatures-cube.ts";
import {candidaturesTauxHierarchies} from "../candidatures-taux.ts";
import {parcoursHierarchies} from "../parcours.ts";
import {passIaeHierarchies} from "../pass-iae.ts";
import {prescripteursHierarchies} from "../prescripteurs.ts";
import {salariesHierarchies} from "../salaries.ts";
import {sortiesHierarchies} from "../sorties.ts";

/**
 * The hierarchies of a published dataset (its name and reference date, as its metadata
 * says). Extracts (`salaries-ensemble`) obey those of the dataset they are cut from.
 * A dataset with no person count (etp, structures, postes-tension) has none.
 */
export function hierarchiesOf(spec: {
  readonly name: string;
  readonly referenceDate: string;
  readonly columns?: readonly {readonly name: string}[];
}): readonly Hierarchy[] {
  switch (spec.name) {
    case "candidatures":
      return CUBE_HIERARCHIES;
    case "candidatures-taux":
      return candidaturesTauxHierarchies;
    case "prescripteurs":
      return prescripteursHierarchies;
    case "parcours":
      return parcoursHierarchies;
    case "pass-iae":
      return passIaeHierarchies(
        spec.referenceDate,
        spec.columns?.map((c) => c.name)
      );
    case "salaries":
    case "salaries-ensemble":
      return salariesHierarchies;
    case "sorties":
      return sortiesHierarchies;
    default:
      return [];
  }
}

/** Every Arrow file under `dir` (recursively), with the declaration its metadata holds. */
export async function readPublished(dir: string): Promise<PublishedTable[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".arrow"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const tables: PublishedTable[] = [];
  for (const file of files) {
    const table = tableFromIPC(await readFile(file));
    const declaration = table.schema.metadata.get(METADATA_KEYS.dataset);
    if (declaration === undefined) continue; // not a dataset of ours
    const rows = table.toArray().map((r) => (r as {toJSON(): Row}).toJSON());
    tables.push({source: relative(dir, file), spec: JSON.parse(declaration), rows});
  }
  return tables;
}

/** The audit of every file published under `dir`. */
export async function auditDirectory(dir: string): Promise<PublishedAudit> {
  const tables = await readPublished(dir);
  const specs = new Map(tables.map((t) => [t.spec.name, t.spec]));
  return auditPublished(tables, (name) => hierarchiesOf(specs.get(name) ?? {name, referenceDate: ""}));
}

/** The audit of a built site, as one French summary line and the failures (none: it holds). */
export async function auditBuiltSite(dir: string): Promise<{summary: string; failures: string[]}> {
  const audit = await auditDirectory(dir);
  const n = audit.narrowest;
  const summary =
    `Secret statistique : ${audit.files} fichiers, ${audit.cells} effectifs dont ${audit.masked} masqués ; ` +
    (n
      ? `écart le plus étroit connu d'un effectif masqué : ${n.high - n.low} (seuil ${DISCLOSURE_THRESHOLD}) ; `
      : "") +
    `audit en ${audit.seconds.toFixed(1)} s.`;
  return {summary, failures: auditFailures(audit)};
}
