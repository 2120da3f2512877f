import { z } from 'zod';
import type { CheckKind } from './types.js';
import { COMMON_MESSAGES, metricLabel, missingOutcome, showValue } from './common.js';
import { metricType } from '../engine/metrics.js';

// A yes/no value is yes, a text or list is present, a number is above 0.
const schema = z.strictObject({ require: z.string() });

const messages = {
  ...COMMON_MESSAGES,
  'require.expected': { vi: 'có', en: 'yes' },
  'require.expected_declared': { vi: 'đã khai báo', en: 'declared' },
  'require.expected_positive': { vi: '> 0', en: '> 0' },
  'require.gap': { vi: 'cần có: {metric}', en: 'required: {metric}' },
  'require.gap_declared': { vi: 'cần khai báo: {metric}', en: 'must be declared: {metric}' },
  'require.gap_positive': { vi: '{metric}: cần lớn hơn 0, hiện là {actual}', en: '{metric}: must be above 0, is {actual}' },
};

export const requireCheck: CheckKind<z.output<typeof schema>> = {
  name: 'require',
  is: (raw) => 'require' in raw,
  schema,
  evaluate({ require: name }, ctx) {
    const m = ctx.metric(name);
    const t = metricType(name);
    const expected = { code: t === 'bool' ? 'require.expected' : t === 'number' || t === 'share' ? 'require.expected_positive' : 'require.expected_declared' };
    if (m.state === 'missing') return missingOutcome(name, m, expected);
    const value = m.value;
    const actual = showValue(name, value);
    let pass: boolean;
    let gap: string;
    if (typeof value === 'boolean') { pass = value; gap = 'require.gap'; }
    else if (typeof value === 'number') { pass = value > 0; gap = 'require.gap_positive'; }
    else { pass = Array.isArray(value) ? value.length > 0 : value.trim() !== ''; gap = 'require.gap_declared'; }
    return {
      status: pass ? 'pass' : 'fail',
      actual,
      expected,
      gap: pass ? null : { code: gap, args: { metric: metricLabel(name), actual } },
      cells: m.cells,
    };
  },
  rule: ({ require: name }) => `require ${name}`,
  metrics: ({ require: name }) => [name],
  messages,
};
