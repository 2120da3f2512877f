// The registry of check kinds. Adding a kind = one module (schema, evaluate, rule, messages),
// its doc (<kind>.md) and its test (<kind>.test.ts) beside it, and one line here.
import { z } from 'zod';
import type { Check, CheckKind } from './types.js';
import { requireCheck } from './require.js';
import { compareCheck } from './compare.js';
import { inCheck } from './in.js';
import { studentsPerComputerCheck } from './students-per-computer.js';
import { softwareCheck } from './software.js';
import { exprCheck } from './expr.js';
import { allCheck, anyCheck } from './all-any.js';
import { gradedCheck } from './graded.js';
import { LABEL_MESSAGES } from './common.js';
import { registerMessages } from '../messages/format.js';

export const CHECK_KINDS: CheckKind[] = [
  requireCheck, compareCheck, inCheck, studentsPerComputerCheck, softwareCheck, exprCheck, allCheck, anyCheck, gradedCheck,
];

registerMessages(LABEL_MESSAGES);
for (const k of CHECK_KINDS) registerMessages(k.messages);

/** The kind a raw check object belongs to, or undefined. */
export const kindOf = (raw: Check): CheckKind | undefined => CHECK_KINDS.find((k) => k.is(raw));

/** Any check (recursive through all/any). */
export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.union(CHECK_KINDS.map((k) => k.schema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]),
) as z.ZodType<Check>;
