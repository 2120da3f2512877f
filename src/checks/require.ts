import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ require: z.string() });

export const requireCheck: CheckKind<z.output<typeof schema>> = {
  name: 'require',
  is: (raw) => 'require' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'require',
  metrics: () => [],
  messages: {},
};
