// Public face of @pilotage/synth: generate sample sources in the real formats.
import {fileURLToPath} from "node:url";
export {generate, type GenerateOptions, type GeneratedFile} from "./generate.ts";
export {writeDefects, type Defect} from "./defects.ts";
export {SCALES, scaleConfig, type ScaleConfig, type ScaleName} from "./scales.ts";
export {consoleEffects, silentEffects, type Effects} from "./progress.ts";
export {readFlux, fluxRecords, readCsvRecords, parseCsv} from "./read.ts";
export {fluxFileName, extractionStamp} from "./writers/fluxiae.ts";

/** Folder of the committed sample (seed 1, scale "sample"). */
export const SAMPLE_DIR = fileURLToPath(new URL("../sample/", import.meta.url));
export const SAMPLE_SEED = 1;
