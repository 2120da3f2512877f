// Typed errors. Commands throw these; only src/cli maps them to exit codes (usage/rubric → 2, input → 3)
// and turns their finding into one line of words.
import type { Finding } from './engine/types.js';

export abstract class AuditError extends Error {
  abstract readonly exitCode: 2 | 3;
  constructor(readonly finding: Finding) {
    super(finding.code);
    this.name = new.target.name;
  }
}

/** Bad arguments, unknown rubric id, no applicable rubric. */
export class UsageError extends AuditError { readonly exitCode = 2 as const; }

/** One problem in a rubric file, at file:line:col (line/col 1-based; 0 when unknown). */
export interface RubricProblem { file: string; line: number; col: number; message: Finding }

/** An invalid rubric file (or waivers file: code 'waivers.invalid'): every problem at once. */
export class RubricError extends AuditError {
  readonly exitCode = 2 as const;
  constructor(readonly problems: RubricProblem[], code = 'rubric.invalid') {
    super({ code, args: { count: problems.length } });
  }
}

/**
 * A file that cannot be read at all: not an xlsx, legacy .xls, encrypted, corrupt, too large, a zip bomb…
 * `finding.code` says which (e.g. 'input.xls_legacy'), `file` which file.
 */
export class InputError extends AuditError {
  readonly exitCode = 3 as const;
  constructor(finding: Finding, readonly file?: string) {
    super(finding);
  }
}
