import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ metric: z.string(), op: z.enum(['>=', '>', '<=', '<', '==', '!=']), value: z.union([z.number(), z.boolean(), z.string()]) });

export const compareCheck: CheckKind<z.output<typeof schema>> = {
  name: 'compare',
  is: (raw) => 'metric' in raw && 'op' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'compare',
  metrics: () => [],
  messages: {},
};
