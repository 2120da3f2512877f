import { z } from 'zod';
import type { Check, CheckKind, EvalContext } from './types.js';
import type { CheckOutcome } from '../engine/types.js';
// index.ts imports this module too: load the kinds through index.ts, not this file first.
import { checkSchema, kindOf } from './index.js';
import { COMMON_MESSAGES, joinFindings } from './common.js';
import { uniqueCells } from '../engine/metrics.js';

// Three-valued combinations (rubric.md): not_applicable parts are left out; all parts not applicable →
// not_applicable. `all`: fail if any part fails, else missing if any is missing, else pass.
// `any`: pass if any part passes, else missing if any is missing, else fail.
const allSchema = z.strictObject({ all: z.array(z.lazy(() => checkSchema)).min(1) });
const anySchema = z.strictObject({ any: z.array(z.lazy(() => checkSchema)).min(1) });

function combine(parts: Check[], ctx: EvalContext, mode: 'all' | 'any'): CheckOutcome {
  const outcomes = parts.map((p) => ctx.evaluate(p)).filter((o) => o.status !== 'not_applicable');
  const cells = uniqueCells(outcomes.flatMap((o) => o.cells));
  if (outcomes.length === 0) return { status: 'not_applicable', actual: null, expected: null, gap: null, cells: [] };
  const has = (s: CheckOutcome['status']): CheckOutcome[] => outcomes.filter((o) => o.status === s);
  const decisive = mode === 'all' ? 'fail' : 'pass';
  const status = has(decisive).length > 0 ? decisive : has('missing').length > 0 ? 'missing' : mode === 'all' ? 'pass' : 'fail';
  const actual = joinFindings(outcomes.map((o) => o.actual), 'list.semicolon');
  const expected = joinFindings(outcomes.map((o) => o.expected), mode === 'all' ? 'list.and' : 'list.or');
  let gap = null;
  if (status === 'fail') gap = mode === 'all' ? joinFindings(has('fail').map((o) => o.gap), 'list.semicolon') : joinFindings(outcomes.map((o) => o.gap), 'list.or');
  if (status === 'missing') gap = joinFindings(has('missing').map((o) => o.gap), 'list.semicolon');
  return { status, actual, expected, gap, cells };
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
  messages: { ...COMMON_MESSAGES },
};

export const anyCheck: CheckKind<{ any: Check[] }> = {
  name: 'any',
  is: (raw) => 'any' in raw,
  schema: anySchema,
  evaluate: ({ any }, ctx) => combine(any, ctx, 'any'),
  rule: ({ any }) => `any(${any.map(ruleOf).join('; ')})`,
  metrics: ({ any }) => [...new Set(any.flatMap(metricsOf))],
  messages: { ...COMMON_MESSAGES },
};
