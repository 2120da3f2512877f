// How an error becomes lines for a person: typed errors in words (in the chosen language), anything else
// as one "internal error" line (its stack only when asked). The command line prints them on stderr, the
// web page shows them for the file: the same words in both.
import { AuditError, InputError, RubricError, type RubricProblem } from '../errors.js';
import { format, type Lang } from './format.js';

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
