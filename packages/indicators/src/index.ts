// Public face of @pilotage/indicators: dataset declarations, Arrow writing, disclosure
// control, the data dictionary and territory helpers.

export type {
  Column,
  ColumnType,
  Counts,
  DatasetSpec,
  DimensionColumn,
  FigureColumn,
  Level,
  Period,
  PublishedColumn,
  Row,
  SecretColumn,
  Unit,
  Value
} from "./dataset.ts";
export {LEVELS, PERIODS, checkSpec, isSecretFigure, publishedColumns, secretColumnName} from "./dataset.ts";
export {METADATA_KEYS, toArrow} from "./arrow.ts";
export {sortRows} from "./sort.ts";
export {SIGNIFICANT_DIGITS, roundToDecimals} from "./precision.ts";
export {publicationDate} from "./publication-date.ts";
export {
  BUSINESS_SECRET_DOMINANCE,
  BUSINESS_SECRET_MIN_STRUCTURES,
  DISCLOSURE_THRESHOLD,
  isBusinessSecret,
  isUnderThreshold
} from "./disclosure/threshold.ts";
export {isPrimarySecret} from "./disclosure/primary.ts";
export type {CellKey, ComplementCost, Constraint, CostOf, MaskReason} from "./disclosure/secondary.ts";
export {secondarySuppression} from "./disclosure/secondary.ts";
export {protectCells, recoverableCells} from "./disclosure/audit.ts";
export type {Interval, PinnedCell, Relation, RelationKind} from "./disclosure/interval-audit.ts";
export {feasibilityIntervals, pinnedCells} from "./disclosure/interval-audit.ts";
export type {AuditedDataset, PinnedPublishedCell, PublishedAuditResult} from "./disclosure/published-audit.ts";
export {auditPublishedDatasets, describePinned} from "./disclosure/published-audit.ts";
export type {Cell, DimValue, Dims, GeographyOptions, Hierarchy} from "./disclosure/hierarchies.ts";
export {
  categoryTotal,
  cellKey,
  complementCosts,
  geography,
  hierarchyConstraints,
  monthsInYear
} from "./disclosure/hierarchies.ts";
export type {DatasetRows, DisclosureResult, MaskedCell} from "./disclosure/apply.ts";
export {applyDisclosure} from "./disclosure/apply.ts";
export type {DataDictionary, DictionaryColumn, DictionaryDataset} from "./dictionary.ts";
export {buildDictionary, dictionaryToMarkdown} from "./dictionary.ts";
export type {Region} from "./territories.ts";
export {
  DEPARTEMENT_CODES,
  DEPARTEMENT_NAMES,
  NATIONAL_CODE,
  REGIONS,
  departementOfCommune,
  isDepartement,
  isRegion,
  normalizeDepartement,
  regionOfDepartement
} from "./territories.ts";
export {SECRET_EXPLANATION, messages} from "./messages.ts";
export {
  etpByLevelSql,
  etpConcentrationSql,
  etpFactsCtes,
  type EtpConcentrationRow,
  type EtpRow
} from "./definitions/etp.ts";
export {
  MEASURE_KINDS,
  TYPE_STRUCTURE_VALUES,
  aspBaseCtes,
  groupByLevelsAndKinds,
  kindOfMeasureSql,
  levelAndKindColumns,
  normalizeDepartementSql,
  structuresByYearSql
} from "./definitions/structures.ts";
export {
  DAYS_PER_MONTH,
  EXIT_CATEGORIES,
  EXIT_CATEGORY_LABELS,
  chainCtes,
  examinedExitsCtes,
  exitsByLevelSql
} from "./definitions/sorties.ts";
export {DURATION_BANDS, DURATION_BAND_LABELS, pathYearsCtes, pathsByLevelSql} from "./definitions/parcours.ts";
export {
  TRAITS,
  TRAIT_CONDITIONS,
  TRAIT_LABELS,
  TRAIT_PARTITIONS,
  employeeCtes,
  employeesByLevelSql,
  traitRowsSql,
  type Trait
} from "./definitions/salaries.ts";
export {
  IAE_KINDS,
  STRUCTURE_KINDS,
  byLevelsAndKinds,
  kindColumn,
  kindSql,
  peopleCount,
  periode,
  periodeColumn,
  structureKinds,
  territoryColumns,
  territoryLabel,
  yearsAndMonths
} from "./definitions/emplois.ts";
export {
  ACCEPTEE,
  AUTOMATIC_REFUSAL,
  CANDIDATES_WITHOUT_HIRE,
  CANDIDATURES_BASE,
  CANDIDATURES_CUBE,
  CUBE_CATEGORIES,
  ETATS,
  NON_TRAITEE,
  NOUVELLE,
  RECRUITMENT_DELAY,
  REFUSEE,
  RESPONSE_TIME,
  TRAITEE,
  TRAITEMENTS,
  type CubeCategory
} from "./definitions/candidatures.ts";
export {
  AUTO_PRESCRIPTION_ORIGIN,
  ORIGINES,
  ORIGINE_SQL,
  PRESCRIBER_ORIGINS,
  TYPE_PRESCRIPTEUR_SQL
} from "./definitions/prescripteurs.ts";
export {PRESCRIBER_ORGANISATIONS} from "./definitions/candidatures.ts";
export {PASS_FIRST_YEAR, addMonths, passIaeSql, passPeriods, type PassPeriod} from "./definitions/pass-iae.ts";
export {UNKNOWN_DOMAINE, addDays, postesTensionSql} from "./definitions/postes.ts";
export {ROME_CODES_BY_DOMAINE, ROME_GRANDS_DOMAINES, romeGrandDomaine} from "@pilotage/sources";
export {
  MODELS_DIR,
  STRUCTURE_MARTS,
  modelSql,
  structureMartSql,
  type ModelParams,
  type StructureMart
} from "./models.ts";
