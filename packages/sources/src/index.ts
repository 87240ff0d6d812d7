export * from "./schema.ts";
export * from "./engine.ts";
export {
  resolveSources,
  describeSources,
  REPO_ROOT,
  SAMPLE_FOLDER,
  type SourceConfig,
  type ResolveOptions
} from "./config.ts";
export {stage, openStaged, readCurrent, type StageConfig, type StageResult, type CurrentStaging} from "./stage.ts";
export {SourceError, type SourceProblem, type ProblemReason} from "./errors.ts";
export type {QualityReport, FileReport, IgnoredFile, OrphanCount, MissingTable, CodeCount} from "./quality.ts";
export {hasTable} from "./quality.ts";
export {
  DEPARTEMENTS,
  CODE_COLUMNS,
  communeCodeSql,
  departementOfCommuneSql,
  normalizeDepartementSql,
  type CodeColumn
} from "./codes.ts";
export {sniffContent, openSource, type ContentKind} from "./archive.ts";
export {
  consoleEffects,
  recordingEffects,
  type StageEffects,
  type Logger,
  type ProgressSink,
  type ProgressTask
} from "./progress.ts";
export {openDuckDb, type DuckDbEngine, type DuckDbOptions} from "./duckdb-engine.ts";
export {openWarehouse, openPglite, type PostgresEngine, type PgliteOptions} from "./postgres-engine.ts";
export {loadIntoPostgres} from "./load-postgres.ts";
export {findPersonalColumns, classifyColumns, type PersonalHit, type HeaderFields} from "./personal.ts";
export {
  SEEDS_DIR,
  readSeed,
  TERRITOIRES,
  REGIONS,
  DEPARTEMENT_NAMES,
  MEASURE_KINDS,
  ROME_CODES_BY_DOMAINE,
  ROME_GRANDS_DOMAINES,
  romeGrandDomaine,
  EXIT_CATEGORY_SEED,
  type ExitCategory,
  type Region
} from "./seeds.ts";
