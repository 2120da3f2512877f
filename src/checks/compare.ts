import { z } from 'zod';
import type { CheckKind } from './types.js';
import { COMMON_MESSAGES, OP_SYMBOL, metricLabel, missingOutcome, showLiteral, showValue } from './common.js';
import { isKnownMetric } from '../engine/metric-names.js';
import { metricType } from '../engine/metrics.js';
import { compareShortage } from './shortage.js';

const OPS = ['>=', '>', '<=', '<', '==', '!='] as const;
type Op = (typeof OPS)[number];

/** What a literal compared with this metric must be, or null when any is fine (unknown metric: lint says so). */
function literalKind(metric: string): 'number' | 'boolean' | 'string' | 'list' | null {
  if (!isKnownMetric(metric)) return null;
  const t = metricType(metric);
  if (t === 'number' || t === 'share') return 'number';
  if (t === 'bool') return 'boolean';
  if (typeof t === 'object' && t.multi) return 'list';
  return 'string';
}

const schema = z.strictObject({
  metric: z.string(),
  op: z.enum(OPS),
  value: z.union([z.number(), z.boolean(), z.string()]),
}).superRefine((c, ctx) => {
  const want = literalKind(c.metric);
  if (want === null) return;
  if (want === 'list') {
    ctx.addIssue({ code: 'custom', path: ['metric'], message: `${c.metric} is a list: use { metric: ${c.metric}, in: [...] }` });
  } else if (typeof c.value !== want) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.metric} is a ${want}: compare it with a ${want}` });
  } else if (want === 'boolean' && c.op !== '==' && c.op !== '!=') {
    ctx.addIssue({ code: 'custom', path: ['op'], message: `${c.metric} is yes/no: use == or !=` });
  }
});

type Params = z.output<typeof schema>;

function holds(a: number | boolean | string, op: Op, b: number | boolean | string): boolean {
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '>=': return a >= b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '<': return a < b;
  }
}

const messages = {
  ...COMMON_MESSAGES,
  'compare.gap': { vi: '{metric}: cần {expected}, hiện {actual}', en: '{metric}: must be {expected}, is {actual}' },
  'compare.gap_short': { vi: '{metric}: thiếu {short} (cần {expected}, có {actual})', en: '{metric}: {short} short (need {expected}, have {actual})' },
};

export const compareCheck: CheckKind<Params> = {
  name: 'compare',
  is: (raw) => 'metric' in raw && 'op' in raw,
  schema,
  evaluate({ metric: name, op, value }, ctx) {
    const literal = showLiteral(name, value);
    const expected = op === '==' && typeof value !== 'number' ? literal : { code: 'value.op', args: { op: OP_SYMBOL[op]!, value: literal } };
    const m = ctx.metric(name);
    if (m.state === 'missing') return missingOutcome(name, m, expected);
    if (Array.isArray(m.value) || typeof m.value !== typeof value) {
      throw new Error(`compare: ${name} (${Array.isArray(m.value) ? 'list' : typeof m.value}) with ${JSON.stringify(value)}`);
    }
    const actual = showValue(name, m.value);
    const pass = holds(m.value, op, value);
    let gap = null;
    if (!pass) {
      const a = m.value;
      // "thiếu N" only between whole numbers (counts); a ratio short by 0.5 reads better plainly.
      const counts = typeof a === 'number' && typeof value === 'number' && metricType(name) === 'number'
        && Number.isInteger(a) && Number.isInteger(value);
      const short = !counts ? null
        : op === '>=' ? (value as number) - (a as number)
          : op === '>' ? (value as number) - (a as number) + 1 : null;
      gap = short !== null
        ? { code: 'compare.gap_short', args: { metric: metricLabel(name), short, expected, actual } }
        : { code: 'compare.gap', args: { metric: metricLabel(name), expected, actual } };
    }
    const shortages = pass ? undefined : compareShortage(name, op, value, m.value, ctx);
    return { status: pass ? 'pass' : 'fail', actual, expected, gap, cells: m.cells, ...(shortages ? { shortages } : {}) };
  },
  rule: ({ metric: name, op, value }) => `${name} ${op} ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
  metrics: ({ metric: name }) => [name],
  messages,
};
