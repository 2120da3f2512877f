// How an error becomes lines on stderr: typed errors in words (in --lang), anything else as one
// "internal error" line (its stack only with --verbose). Never a stack trace by default.
import { AuditError, InputError, RubricError, type RubricProblem } from '../errors.js';
import { format, type Lang } from '../messages/format.js';
import './messages.js';

export function errorLines(err: unknown, lang: Lang, verbose: boolean): string[] {
  if (err instanceof RubricError) return err.problems.map((p) => problemLine(p, lang));
  if (err instanceof InputError) {
    const text = format(err.finding, lang);
    const file = err.file ?? (typeof err.finding.args?.file === 'string' ? err.finding.args.file : undefined);
    // The reader's sentences may already start with the file; say it once.
    return [file && !text.startsWith(file) ? `${file}: ${text}` : text];
  }
  if (err instanceof AuditError) return [format(err.finding, lang)];
  const message = err instanceof Error ? err.message : String(err);
  const lines = [`lỗi nội bộ / internal error: ${message.split('\n')[0]}`];
  if (verbose && err instanceof Error && err.stack) lines.push(err.stack);
  return lines;
}

/** `file:line:col: sentence`; just `file: sentence` for a problem with no position (a missing file). */
export const problemLine = (p: RubricProblem, lang: Lang): string =>
  `${p.file}${p.line > 0 ? `:${p.line}:${p.col}` : ''}: ${format(p.message, lang)}`;

/** The exit code of an error: 2 or 3 for typed errors, 3 for anything unexpected. */
export const exitCodeOf = (err: unknown): 2 | 3 => (err instanceof AuditError ? err.exitCode : 3);
