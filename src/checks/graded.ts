import { z } from 'zod';
import type { CheckKind } from './types.js';
import type { Finding } from '../engine/types.js';
import { COMMON_MESSAGES, metricLabel, missingOutcome, showLiteral, showValue } from './common.js';

// Partial credit: the points of the first band whose `min` the metric reaches (0 if none);
// pass when the points equal the criterion's weight.
const schema = z.strictObject({
  graded: z.strictObject({
    metric: z.string(),
    bands: z.array(z.strictObject({ min: z.number(), points: z.number().min(0) })).min(1)
      .refine((bs) => bs.every((b, i) => i === 0 || b.min < bs[i - 1]!.min), 'list the bands from the highest min down'),
  }),
});

type Params = z.output<typeof schema>;

const messages = {
  ...COMMON_MESSAGES,
  'graded.band': { vi: '≥ {min}: {points} điểm', en: '≥ {min}: {points} points' },
  'graded.expected': { vi: '{bands}', en: '{bands}' },
  'graded.gap': { vi: 'đạt {points}/{weight} điểm; {metric} cần ≥ {next} để được {next_points} điểm', en: '{points}/{weight} points; {metric} must reach {next} for {next_points} points' },
  'graded.gap_points': { vi: 'đạt {points}/{weight} điểm', en: '{points}/{weight} points' },
};

export const gradedCheck: CheckKind<Params> = {
  name: 'graded',
  is: (raw) => 'graded' in raw,
  schema,
  evaluate({ graded: { metric: name, bands } }, ctx) {
    const expected: Finding = {
      code: 'graded.expected',
      args: { bands: bands.map((b) => ({ code: 'graded.band', args: { min: showLiteral(name, b.min), points: b.points } })) },
    };
    const m = ctx.metric(name);
    if (m.state === 'missing') return { ...missingOutcome(name, m, expected), points: 0 };
    if (typeof m.value !== 'number') throw new Error(`graded: ${name} is not a number`);
    const v = m.value;
    const reached = bands.findIndex((b) => v >= b.min);
    const points = reached === -1 ? 0 : bands[reached]!.points;
    const weight = ctx.weight ?? Math.max(...bands.map((b) => b.points));
    const pass = points >= weight;
    // The next band up that would earn more points.
    const next = bands.slice(0, reached === -1 ? bands.length : reached).reverse().find((b) => b.points > points);
    const gap: Finding | null = pass ? null : next
      ? { code: 'graded.gap', args: { points, weight, metric: metricLabel(name), next: showLiteral(name, next.min), next_points: next.points } }
      : { code: 'graded.gap_points', args: { points, weight } };
    return { status: pass ? 'pass' : 'fail', points, actual: showValue(name, v), expected, gap, cells: m.cells };
  },
  rule: ({ graded: { metric: name, bands } }) => `graded ${name}: ${bands.map((b) => `>= ${b.min} -> ${b.points}`).join(', ')}`,
  metrics: ({ graded: { metric: name } }) => [name],
  messages,
};
