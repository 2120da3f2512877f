import { z } from 'zod';
import type { Check, CheckKind } from './types.js';
import { checkSchema } from './index.js';

// TODO(checks helper): evaluate (three-valued), rule, metrics, messages.
const allSchema = z.strictObject({ all: z.array(z.lazy(() => checkSchema)).min(1) });
const anySchema = z.strictObject({ any: z.array(z.lazy(() => checkSchema)).min(1) });

export const allCheck: CheckKind<{ all: Check[] }> = {
  name: 'all',
  is: (raw) => 'all' in raw,
  schema: allSchema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'all',
  metrics: () => [],
  messages: {},
};

export const anyCheck: CheckKind<{ any: Check[] }> = {
  name: 'any',
  is: (raw) => 'any' in raw,
  schema: anySchema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'any',
  metrics: () => [],
  messages: {},
};
