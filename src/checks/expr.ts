import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ expr: z.string().min(1) });

export const exprCheck: CheckKind<z.output<typeof schema>> = {
  name: 'expr',
  is: (raw) => 'expr' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'expr',
  metrics: () => [],
  messages: {},
};
