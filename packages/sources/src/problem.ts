// What a refusal of a source says, as data: the error class (errors.ts) and the French
// text (messages.ts) are both built from it.

export type ProblemReason =
  | "missing_file"
  | "bad_file_name"
  | "bad_deb"
  | "missing_column"
  | "fin_missing"
  | "fin_mismatch"
  | "gzip_cut"
  | "invalid_utf8"
  | "csv_syntax"
  | "personal_field"
  | "personal_value"
  | "unparsable"
  | "negative"
  | "unknown_code"
  | "null_required"
  | "duplicate_key"
  | "conflicting_statement"
  | "not_an_archive"
  | "zip_content"
  | "missing_table"
  | "incompatible_type";

export interface SourceProblem {
  /** File (relative to the sources folder) or warehouse table (`schema.table`). */
  readonly file: string;
  /** 1-based line in the file; null when the problem is not tied to a line. */
  readonly line: number | null;
  readonly column: string | null;
  /** The offending value, or null (always null for personal fields: never echoed). */
  readonly value: string | null;
  readonly reason: ProblemReason;
  /** Further problem rows of the same file beyond this first one (row-level problems). */
  readonly others?: number;
  /** Extra facts for the message (expected type, FIN count, accepted values…). */
  readonly detail?: string;
}
