// How an error becomes lines on stderr: typed errors in words (in --lang), anything else as one
// "internal error" line (its stack trace only with --verbose). Never a stack trace by default.
// The wording is shared with the web page (src/messages/error-lines.ts).
import { AuditError } from '../errors.js';
import './messages.js';

export { errorLines, problemLine } from '../messages/error-lines.js';

/** The exit code of an error: 2 or 3 for typed errors, 3 for anything unexpected. */
export const exitCodeOf = (err: unknown): 2 | 3 => (err instanceof AuditError ? err.exitCode : 3);
