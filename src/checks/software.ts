import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ software: z.string(), connected: z.boolean().optional(), licensed: z.boolean().optional(), license: z.array(z.string()).optional() });

export const softwareCheck: CheckKind<z.output<typeof schema>> = {
  name: 'software',
  is: (raw) => 'software' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'software',
  metrics: () => [],
  messages: {},
};
