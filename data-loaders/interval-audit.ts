// The interval audit of the statistical secret over every published theme dataset together
// (issue 15): how narrowly a reader with all the files can pin each masked person count,
// by linear programming over the relations the datasets' hierarchies make public
// (@pilotage/indicators: auditPublishedDatasets). Run by `pnpm audit-secret` on the files the
// last build published (packages/build/src/cli.ts), and timed by `pnpm bench datasets`.
import {
  DISCLOSURE_THRESHOLD,
  auditPublishedDatasets,
  describePinned,
  type DatasetSpec,
  type PublishedAuditResult,
  type Row
} from "@pilotage/indicators";
import {THEME_DATASETS} from "./registry.ts";

/** How many pinned cells a message lists. */
const LISTED = 10;

/**
 * Audits the published rows of the theme datasets together (`datasets`: each dataset's
 * declaration and rows as published; those the registry gives no hierarchies contribute
 * their cells only). Throws (French message) when a dataset is not in the registry.
 */
export async function auditThemeDatasets(
  datasets: readonly {readonly spec: DatasetSpec; readonly rows: readonly Row[]}[]
): Promise<PublishedAuditResult> {
  return auditPublishedDatasets(
    datasets.map(({spec, rows}) => {
      const entry = THEME_DATASETS.find((d) => d.name === spec.name);
      if (!entry) throw new Error(`Audit des intervalles : jeu « ${spec.name} » absent du registre des jeux publiés.`);
      return {spec, rows, hierarchies: entry.hierarchies?.(spec) ?? [], fixedDims: entry.fixedDims};
    })
  );
}

/** The audit in French: a summary line, and the pinned cells (the first ten) if any. */
export function intervalAuditMessage(result: PublishedAuditResult, seconds: number): string {
  const head =
    `Secret statistique, audit des intervalles : ${result.maskedCells} effectifs masqués, ` +
    `${result.relations} relations, ${seconds.toFixed(1)} s`;
  if (result.pinned.length === 0) return `${head} ; aucun n'est encadré à moins de ${DISCLOSURE_THRESHOLD} près.`;
  const under = result.pinned.filter((p) => p.max < DISCLOSURE_THRESHOLD).length;
  return (
    `${head} ; ${result.pinned.length} effectifs masqués sont encadrés à moins de ${DISCLOSURE_THRESHOLD} près ` +
    `à partir des fichiers publiés (dont ${under} entre 0 et moins de ${DISCLOSURE_THRESHOLD}) :\n` +
    result.pinned
      .slice(0, LISTED)
      .map((p) => `  - ${describePinned(p)}`)
      .join("\n") +
    (result.pinned.length > LISTED ? `\n  - … et ${result.pinned.length - LISTED} autres.` : "")
  );
}
