// The contract every check kind implements (one module per kind, registered in ./index.ts).
import type { z } from 'zod';
import type { Level, SheetKey } from '../inventory/fields.js';
import type { CellRef, Inventory } from '../inventory/types.js';
import type { CheckOutcome } from '../engine/types.js';

/** A metric's value for one school. `missing` carries why (not declared, unusable cell, zero denominator…). */
export type MetricValue =
  | { state: 'value'; value: number | boolean | string | string[]; cells: CellRef[] }
  | {
    state: 'missing'; reason: 'not_declared' | 'invalid' | 'zero_denominator' | 'sheet_missing'; cells: CellRef[];
    /** The sheet whose data is absent or unusable (for the "what to fill in" sentence). */
    sheet?: SheetKey;
    /** zero_denominator: the metric that is 0 (e.g. `labs`). */
    denominator?: string;
  };

export interface EvalContext {
  inventory: Inventory;
  /** The school's levels (may be empty when not declared). */
  levels: Level[];
  metric(name: string): MetricValue;
  /** Evaluate a nested check (for all/any). */
  evaluate(check: Check): CheckOutcome;
  /** The criterion's weight (graded checks pass when they earn it all); absent inside all/any. */
  weight?: number;
}

/** A check as written in a rubric (validated by the kind's schema). */
export type Check = Record<string, unknown>;

export interface CheckKind<P = any> {
  /** The key that names this kind in YAML (`require`, `metric`, `in`, `students_per_computer`, …). */
  name: string;
  /** Does this raw YAML object belong to this kind? (decided by its keys) */
  is(raw: Record<string, unknown>): boolean;
  /** Strict zod schema of the check object. */
  schema: z.ZodType<P>;
  evaluate(params: P, ctx: EvalContext): CheckOutcome;
  /** The rule in short, language-neutral words, e.g. "computers.quan_ly >= 2". */
  rule(params: P): string;
  /** Metric names the check reads (rubric lint reports unknown ones). */
  metrics(params: P): string[];
  /** vi/en templates of the finding codes this kind emits. */
  messages: Record<string, { vi: string; en: string }>;
}
