// Test support: stage the committed sample once per test file (the real stage(), into a
// temporary cache) and load the reports' data from it.
import {join} from "node:path";
import {beforeAll} from "vitest";
import {REPO_ROOT, SAMPLE_FOLDER, openDuckDb, recordingEffects, stage} from "@pilotage/sources";
import {tempDir} from "@pilotage/sources/testing";
import {loadReportData, type ReportData} from "./data.ts";

export interface SampleReports {
  data: ReportData;
  dbPath: string;
}

/** Stages the sample and loads every mart and level figure, in the file's `beforeAll`. */
export function onTheSample(): SampleReports {
  const state = {} as SampleReports;
  beforeAll(async () => {
    const staged = await stage(
      {sources: {kind: "folder", folder: join(REPO_ROOT, SAMPLE_FOLDER), origin: "sample"}, cacheDir: tempDir()},
      recordingEffects()
    );
    state.dbPath = staged.dbPath!;
    const duck = await openDuckDb(state.dbPath, {readOnly: true});
    try {
      state.data = await loadReportData(duck, staged.referenceDate!);
    } finally {
      await duck.close();
    }
  }, 300_000);
  return state;
}

/** Numbers as the reports write them ("12,4", "1 234", "88,6 %", "12 345 €"). */
export const NUMBER_TOKEN = /[−+]?\d+(?:\u202f\d{3})*(?:,\d+)?(?:\u202f(?:%|€|M€|Md€|pt))?/gu;

export const numberTokens = (text: string): string[] => text.match(NUMBER_TOKEN) ?? [];
