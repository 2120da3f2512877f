import { z } from 'zod';
import type { CheckKind } from './types.js';

// TODO(checks helper): evaluate, rule, metrics, messages.
const schema = z.strictObject({ students_per_computer: z.strictObject({ purpose: z.string().optional(), max: z.record(z.string(), z.number().positive()) }) });

export const studentsPerComputerCheck: CheckKind<z.output<typeof schema>> = {
  name: 'students_per_computer',
  is: (raw) => 'students_per_computer' in raw,
  schema,
  evaluate: () => { throw new Error('not implemented'); },
  rule: () => 'students_per_computer',
  metrics: () => [],
  messages: {},
};
