// How binding a clause is (../shared/directives/README.md), checked the same way in every rubric:
// a criterion records the directive's words that make it binding (`binding: "cần có ít nhất"`), and
// the words must be in its quote and agree with its severity. Pure: the loader and `rubric lint` call it.
import type { Finding } from '../engine/types.js';
import type { PathFinding } from './zod-problems.js';
import type { PathSeg } from './yaml-source.js';

/** "phấn đấu", "từng bước", "trong các năm học tới": a target, measured but never what makes a school fail. */
export const TARGET_PHRASES = ['phấn đấu', 'từng bước', 'trong các năm học tới'] as const;
/** Encouragement: recommended. */
export const ENCOURAGEMENT_PHRASES = ['khuyến khích', 'tham khảo', 'có thể', 'ưu tiên', 'tích cực'] as const;
/** A push without a measure: recommended unless the clause sets a number or a deadline. */
export const PUSH_PHRASES = ['đẩy mạnh', 'tăng cường', 'tiếp tục triển khai', 'tiếp tục thực hiện'] as const;

/** Case, Unicode form and spacing do not matter; diacritics do ("có thể" is not "có thế"). */
export const foldWords = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/[\s\u00a0]+/g, ' ').trim();

/** The target or encouragement phrases found in some binding words. */
export function softPhrases(words: string): { kind: 'target' | 'encouragement' | 'push'; phrase: string }[] {
  const w = foldWords(words);
  const out: { kind: 'target' | 'encouragement' | 'push'; phrase: string }[] = [];
  for (const phrase of TARGET_PHRASES) if (w.includes(phrase)) out.push({ kind: 'target', phrase });
  for (const phrase of ENCOURAGEMENT_PHRASES) if (w.includes(phrase)) out.push({ kind: 'encouragement', phrase });
  for (const phrase of PUSH_PHRASES) if (w.includes(phrase)) out.push({ kind: 'push', phrase });
  return out;
}

/** Binding words may name two places of a quote joined by " … ": each part must be in it. */
const parts = (binding: string): string[] => binding.split(/\s*…\s*/).map(foldWords).filter((p) => p !== '');

export interface BindingItem {
  severity?: unknown;
  binding?: unknown;
  quote?: unknown;
  summary?: unknown;
}

/**
 * Problems with one criterion's binding words. `strict` (`audit rubric lint`, built-in rubrics): a
 * required criterion must say its binding words. The words are looked up in the quote, or, for a
 * criterion citing a source known only as a summary, in the summary.
 */
export function bindingProblems(item: BindingItem, base: PathSeg[], opts: { strict?: boolean; district?: boolean } = {}): PathFinding[] {
  const out: PathFinding[] = [];
  const add = (key: string, message: Finding): void => { out.push({ path: [...base, key], message }); };
  const severity = opts.district ? 'target' : typeof item.severity === 'string' ? item.severity : 'required';
  const binding = typeof item.binding === 'string' ? item.binding : undefined;
  const text = typeof item.quote === 'string' ? item.quote : typeof item.summary === 'string' ? item.summary : undefined;
  const where = typeof item.quote === 'string' ? 'quote' : 'summary';

  if (binding === undefined) {
    if (opts.strict && severity === 'required') add('severity', { code: 'rubric.binding_missing' });
    return out;
  }
  const soft = softPhrases(binding);
  if (severity === 'required' && soft.length > 0) {
    const s = soft[0]!;
    add('binding', { code: `rubric.binding_soft.${s.kind}`, args: { binding, phrase: s.phrase } });
  }
  if (severity === 'target' && !soft.some((s) => s.kind === 'target') && !opts.district) {
    add('binding', { code: 'rubric.binding_target_without_phrase', args: { binding, phrases: [...TARGET_PHRASES] } });
  }
  // The words are the directive's own: whatever the severity, they are found in the quote (or summary).
  if (text === undefined) {
    if (severity === 'required') add('binding', { code: 'rubric.binding_without_quote', args: { binding } });
  } else {
    const folded = foldWords(text);
    const absent = parts(binding).filter((p) => !folded.includes(p));
    if (absent.length > 0) add('binding', { code: 'rubric.binding_not_in_quote', args: { binding, where, absent } });
  }
  return out;
}
