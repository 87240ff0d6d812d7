// One archive for the 119 territory pages (18 régions, 101 départements) and the embeds
// (which also draw France entière, from the folder `france/`): for each
// territory, every theme dataset cut down to the rows a page about it shows: its own, those
// of the levels above it (for comparison) and, for a région, those of its départements.
// One process computes every dataset once, instead of one loader process per territory
// (≈ 1.5 s each); a page then fetches only its own small files.
import {NATIONAL_CODE, REGIONS, publicationDate, regionOfDepartement, toArrow, type Row} from "@pilotage/indicators";
import {THEME_DATASETS} from "./registry.ts";
import type {ComputeContext} from "./lib/run.ts";
import {oncePerBuild} from "./lib/build-run.ts";
import {stableZip} from "./lib/zip.ts";

export interface Territory {
  /** Folder of the archive and URL segment of the page: `departements/01`, `regions/84`. */
  readonly path: string;
  /** The territory itself, [niveau, territoire]: all its rows, months included. */
  readonly self: readonly [string, string];
  /** Territories shown beside it for comparison: their yearly rows only, to keep pages light. */
  readonly others: readonly (readonly [string, string])[];
}

export function territories(): Territory[] {
  // France entière: its own rows only (the embeds draw national charts from it).
  const list: Territory[] = [{path: "france", self: ["national", NATIONAL_CODE], others: []}];
  for (const region of REGIONS) {
    list.push({
      path: `regions/${region.code}`,
      self: ["région", region.code],
      others: [["national", NATIONAL_CODE], ...region.departements.map((d) => ["département", d] as const)]
    });
    for (const departement of region.departements) {
      list.push({
        path: `departements/${departement}`,
        self: ["département", departement],
        others: [
          ["région", regionOfDepartement(departement)!],
          ["national", NATIONAL_CODE]
        ]
      });
    }
  }
  return list;
}

/** Rows of a dataset for one territory, as a page about it shows them. */
export function sliceFor(territory: Territory, rows: readonly Row[]): Row[] {
  const key = (level: unknown, code: unknown) => `${level}\u0000${code}`;
  const self = key(...territory.self);
  const others = new Set(territory.others.map(([level, code]) => key(level, code)));
  const yearly = (row: Row) => /^\d{4}$/.test(String(row.periode));
  return rows.filter((row) => {
    const k = key(row.niveau, row.territoire);
    return k === self || (others.has(k) && yearly(row));
  });
}

export async function territoiresArchive(context: ComputeContext): Promise<Uint8Array> {
  // Each dataset as its own loader computed it in this build (or computed here).
  const datasets = await Promise.all(
    THEME_DATASETS.map((d) => oncePerBuild(`${d.name}-${context.referenceDate}`, () => d.compute(context)))
  );
  const files: Record<string, Uint8Array> = {};
  for (const territory of territories()) {
    for (const {spec, rows} of datasets) {
      files[`${territory.path}/${spec.name}.arrow`] = toArrow(spec, sliceFor(territory, rows));
    }
  }
  // Members sorted and dated by the data, so that the same data gives the same archive.
  return stableZip(files, publicationDate(context.referenceDate));
}
