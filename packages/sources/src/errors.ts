// One error class for every refusal of a source: it carries where (file, line, column),
// what (the offending value, when it may be shown) and why (a reason code tests can match).
// The French text is built in messages.ts from these fields, never by hand elsewhere.
import {sourceErrorMessage} from "./messages.ts";
import type {ProblemReason, SourceProblem} from "./problem.ts";

export type {ProblemReason, SourceProblem} from "./problem.ts";

export class SourceError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: ProblemReason;
  readonly others: number;
  readonly detail: string | undefined;

  constructor(problem: SourceProblem) {
    super(sourceErrorMessage(problem));
    this.name = "SourceError";
    this.file = problem.file;
    this.line = problem.line;
    this.column = problem.column;
    this.value = problem.value;
    this.reason = problem.reason;
    this.others = problem.others ?? 0;
    this.detail = problem.detail;
  }
}
