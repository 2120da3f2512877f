import { z } from 'zod';
import type { Check, CheckKind, EvalContext } from './types.js';
import type { CheckOutcome, Finding } from '../engine/types.js';
// index.ts imports this module too: load the kinds through index.ts, not this file first.
import { checkSchema, kindOf } from './index.js';
import { COMMON_MESSAGES, joinFindings, metricLabel } from './common.js';
import { uniqueCells } from '../engine/metrics.js';

// Three-valued combinations (rubric.md): not_applicable parts are left out; all parts not applicable →
// not_applicable. `all`: fail if any part fails, else missing if any is missing, else pass.
// `any`: pass if any part passes, else missing if any is missing, else fail.
const allSchema = z.strictObject({ all: z.array(z.lazy(() => checkSchema)).min(1) });
const anySchema = z.strictObject({ any: z.array(z.lazy(() => checkSchema)).min(1) });

const messages = {
  ...COMMON_MESSAGES,
  'part.labelled': { vi: '{metric}: {value}', en: '{metric}: {value}' },
  'all.expected_each': { vi: '{expected} cho từng mục: {metrics}', en: '{expected} for each of: {metrics}' },
  'any.expected_one': { vi: '{expected} cho ít nhất một mục: {metrics}', en: '{expected} for at least one of: {metrics}' },
};

// Inside all/any a part's value is prefixed with the label of the metric it reads ("Điện thoại cán bộ đầu
// mối CNTT: chưa khai báo") where the part's own words do not say what they are about: the bare values of
// require/compare/in/graded, and the software check's actual ("không có", "có: vnEdu"), whose expected
// already names the software. students_per_computer, expr and nested all/any name their subject.
const LABELS: Record<string, { actual: boolean; expected: boolean }> = {
  require: { actual: true, expected: true },
  compare: { actual: true, expected: true },
  in: { actual: true, expected: true },
  graded: { actual: true, expected: true },
  software: { actual: true, expected: false },
};

/** The metric a part is about, and which of its findings need its label. */
function partLabel(part: Check): Part['label'] {
  const kind = kindOf(part);
  const which = kind ? LABELS[kind.name] : undefined;
  const names = kind?.metrics(part) ?? [];
  return which && names.length === 1 ? { metric: names[0]!, ...which } : null;
}

interface Part { label: { metric: string; actual: boolean; expected: boolean } | null; outcome: CheckOutcome }

const labelled = (label: Part['label'], which: 'actual' | 'expected', f: Finding | null): Finding | null =>
  f && label?.[which] ? { code: 'part.labelled', args: { metric: metricLabel(label.metric), value: f } } : f;

const sameFinding = (a: Finding | null, b: Finding | null): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the whole expects. When every part is about a named metric and expects the same thing, that
 * thing is said once ("đã khai báo cho từng mục: A; B; C"); otherwise each part is named.
 */
function expectedOf(parts: Part[], mode: 'all' | 'any'): Finding | null {
  const first = parts[0]!.outcome.expected;
  if (parts.length > 1 && first && parts.every((p) => p.label?.expected && sameFinding(p.outcome.expected, first))) {
    const metrics = joinFindings(parts.map((p) => metricLabel(p.label!.metric)), 'list.semicolon');
    return { code: mode === 'all' ? 'all.expected_each' : 'any.expected_one', args: { expected: first, metrics } };
  }
  return joinFindings(parts.map((p) => labelled(p.label, 'expected', p.outcome.expected)), mode === 'all' ? 'list.and' : 'list.or');
}

function combine(checks: Check[], ctx: EvalContext, mode: 'all' | 'any'): CheckOutcome {
  const parts: Part[] = checks
    .map((c) => ({ label: partLabel(c), outcome: ctx.evaluate(c) }))
    .filter((p) => p.outcome.status !== 'not_applicable');
  const outcomes = parts.map((p) => p.outcome);
  const cells = uniqueCells(outcomes.flatMap((o) => o.cells));
  if (parts.length === 0) return { status: 'not_applicable', actual: null, expected: null, gap: null, cells: [] };
  const has = (s: CheckOutcome['status']): CheckOutcome[] => outcomes.filter((o) => o.status === s);
  const decisive = mode === 'all' ? 'fail' : 'pass';
  const status = has(decisive).length > 0 ? decisive : has('missing').length > 0 ? 'missing' : mode === 'all' ? 'pass' : 'fail';
  // A failing `all` shows only the parts that hold it back; otherwise every part.
  const shown = mode === 'all' && status !== 'pass' ? parts.filter((p) => p.outcome.status !== 'pass') : parts;
  const actual = joinFindings(shown.map((p) => labelled(p.label, 'actual', p.outcome.actual)), 'list.semicolon');
  const expected = expectedOf(parts, mode);
  let gap = null;
  if (status === 'fail') gap = mode === 'all' ? joinFindings(has('fail').map((o) => o.gap), 'list.semicolon') : joinFindings(outcomes.map((o) => o.gap), 'list.or');
  if (status === 'missing') gap = joinFindings(has('missing').map((o) => o.gap), 'list.semicolon');
  // A failing `all` lacks what each failing part lacks; a failing `any` could be met several ways: no count.
  const shortages = status === 'fail' && mode === 'all' ? has('fail').flatMap((o) => o.shortages ?? []) : [];
  return { status, actual, expected, gap, cells, ...(shortages.length > 0 ? { shortages } : {}) };
}

const ruleOf = (c: Check): string => kindOf(c)?.rule(c) ?? '?';
const metricsOf = (c: Check): string[] => kindOf(c)?.metrics(c) ?? [];

export const allCheck: CheckKind<{ all: Check[] }> = {
  name: 'all',
  is: (raw) => 'all' in raw,
  schema: allSchema,
  evaluate: ({ all }, ctx) => combine(all, ctx, 'all'),
  rule: ({ all }) => `all(${all.map(ruleOf).join('; ')})`,
  metrics: ({ all }) => [...new Set(all.flatMap(metricsOf))],
  messages,
};

export const anyCheck: CheckKind<{ any: Check[] }> = {
  name: 'any',
  is: (raw) => 'any' in raw,
  schema: anySchema,
  evaluate: ({ any }, ctx) => combine(any, ctx, 'any'),
  rule: ({ any }) => `any(${any.map(ruleOf).join('; ')})`,
  metrics: ({ any }) => [...new Set(any.flatMap(metricsOf))],
  messages,
};
