import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ metric: z.string(), in: z.array(z.string()).min(1) });

export const inCheck: CheckKind<z.output<typeof schema>> = {
  name: 'in',
  is: (raw) => 'metric' in raw && 'in' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'in',
  metrics: () => [],
  messages: {},
};
