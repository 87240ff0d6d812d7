// What every data loader shares: open the staged tables, build the dataset, write the
// Arrow bytes to stdout (Framework caches them), and fail with a readable message.
import {join} from "node:path";
import {REPO_ROOT, openStaged, readCurrent, type CurrentStaging, type SqlEngine} from "@pilotage/sources";

export interface LoaderContext {
  readonly engine: SqlEngine;
  readonly staging: CurrentStaging;
  /** Date the data is as of (the newest extraction date), `AAAA-MM-JJ`. */
  readonly referenceDate: string;
}

export type Loader = (context: LoaderContext) => Promise<Uint8Array>;

/** What a dataset's `compute` needs: the engine over the staged tables and the reference date. */
export type ComputeContext = Pick<LoaderContext, "engine" | "referenceDate">;

export const CACHE_DIR = join(REPO_ROOT, ".cache");

export async function withStaging<T>(build: (context: LoaderContext) => Promise<T>): Promise<T> {
  const staging = readCurrent(CACHE_DIR);
  if (!staging.referenceDate)
    throw new Error("La date de référence des données est inconnue (aucune extraction datée).");
  const engine = await openStaged(CACHE_DIR);
  try {
    return await build({engine, staging, referenceDate: staging.referenceDate});
  } finally {
    await engine.close();
  }
}

/** Entry point of a loader script: the bytes go to stdout, a failure to stderr with exit code 1. */
export async function runLoader(name: string, loader: Loader): Promise<void> {
  try {
    const bytes = await withStaging(loader);
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()))
    );
  } catch (error) {
    console.error(`Chargeur ${name} : ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
