import { z } from 'zod';
import type { CheckKind } from './types.js';
import type { Finding } from '../engine/types.js';
import { COMMON_MESSAGES, metricLabel, missingOutcome, showValue } from './common.js';
import { VOCAB, type VocabEntry } from '../inventory/fields.js';
import { isKnownMetric } from '../engine/metric-names.js';
import { metricType } from '../engine/metrics.js';

// A vocabulary value is one of the list; for a list-valued field (levels), any of its values is.
const schema = z.strictObject({ metric: z.string(), in: z.array(z.string()).min(1) }).superRefine((c, ctx) => {
  if (!isKnownMetric(c.metric)) return;
  const t = metricType(c.metric);
  if (typeof t !== 'object') {
    ctx.addIssue({ code: 'custom', path: ['metric'], message: `${c.metric} has no vocabulary: use a compare check` });
    return;
  }
  const keys = (VOCAB[t.vocab as keyof typeof VOCAB] as VocabEntry[]).map((e) => e.key);
  c.in.forEach((k, i) => {
    if (!keys.includes(k)) ctx.addIssue({ code: 'custom', path: ['in', i], message: `"${k}" is not one of ${keys.join(', ')}` });
  });
});

type Params = z.output<typeof schema>;

const messages = {
  ...COMMON_MESSAGES,
  'in.expected': { vi: 'một trong: {values}', en: 'one of: {values}' },
  'in.gap': { vi: '{metric} là {actual}, cần là một trong: {values}', en: '{metric} is {actual}; must be one of: {values}' },
};

export const inCheck: CheckKind<Params> = {
  name: 'in',
  is: (raw) => 'metric' in raw && 'in' in raw,
  schema,
  evaluate({ metric: name, in: list }, ctx) {
    const values: Finding[] = list.map((k) => showValue(name, k));
    const expected: Finding = { code: 'in.expected', args: { values } };
    const m = ctx.metric(name);
    if (m.state === 'missing') return missingOutcome(name, m, expected);
    const have = Array.isArray(m.value) ? m.value : [String(m.value)];
    const pass = have.some((x) => list.includes(x));
    const actual = showValue(name, m.value);
    return {
      status: pass ? 'pass' : 'fail',
      actual,
      expected,
      gap: pass ? null : { code: 'in.gap', args: { metric: metricLabel(name), actual, values } },
      cells: m.cells,
    };
  },
  rule: ({ metric: name, in: list }) => `${name} in [${list.join(', ')}]`,
  metrics: ({ metric: name }) => [name],
  messages,
};
