import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ graded: z.strictObject({ metric: z.string(), bands: z.array(z.strictObject({ min: z.number(), points: z.number().min(0) })).min(1) }) });

export const gradedCheck: CheckKind<z.output<typeof schema>> = {
  name: 'graded',
  is: (raw) => 'graded' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'graded',
  metrics: () => [],
  messages: {},
};
