// Small helpers the diff modules share: ordering, rounding, severity rank, words as findings.
import type { CriterionStatus, Finding, Severity } from '../types.js';
import { SEVERITY_ORDER } from '../types.js';
import type { SideRubric, Side } from './side.js';
import { rubricKey } from './side.js';

const FAILING = new Set<CriterionStatus>(['fail', 'missing']);
export const isFailing = (s: CriterionStatus | undefined): boolean => s !== undefined && FAILING.has(s);

export const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Required first, then target, then recommended (the engine's order). */
export const severityRank = (s: Severity): number => SEVERITY_ORDER[s];

/** A status as a word (the report's own label), for sentences. */
export const statusWord = (s: CriterionStatus): Finding => ({ code: `report.status.${s}` });
export const sideWord = (s: 'old' | 'new'): Finding => ({ code: `diff.label.side.${s}` });

export function indexRubrics(side: Side): Map<string, SideRubric> {
  return new Map(side.rubrics.map((r) => [rubricKey(r), r]));
}
