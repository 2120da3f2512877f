// A failed comparison as a count the district can budget for: what is needed, what the school has, and
// the unit (`Shortage`). Only where the gap is a whole number of things: devices, lab and teacher
// computers behind a per-lab or per-group ratio, teachers behind a teacher share. Ratios of students per
// computer are counted by students-per-computer.ts itself.
import type { Shortage } from '../engine/types.js';
import { metricType } from '../engine/metrics.js';
import type { EvalContext } from './types.js';

/** Teacher shares and the unit counting the teachers a share still lacks. */
const TEACHER_SHARES: Record<string, string> = {
  'teachers.elearning_share': 'teachers.elearning',
  'teachers.it_standard_share': 'teachers.it_standard',
  'teachers.it_trained_share': 'teachers.it_trained',
  'teachers.uses_it_share': 'teachers.uses_it',
};

/** Whole things needed so that `have op value` holds, for `have` counted in units of `per` (ratios). */
function needFor(op: string, value: number, per: number): number | null {
  // toFixed: 25 × 2 is 50, not 49.99999
  const exact = Number((value * per).toFixed(9));
  if (op === '>=') return Math.ceil(exact);
  if (op === '>') return Math.floor(exact) + 1;
  return null;
}

const count = (ctx: EvalContext, name: string): number | null => {
  const m = ctx.metric(name);
  return m.state === 'value' && typeof m.value === 'number' ? m.value : null;
};

const shortage = (unit: string, need: number | null, have: number | null): Shortage[] | undefined =>
  need === null || have === null || need <= have ? undefined : [{ unit, need, have, missing: need - have }];

/** The shortage behind `metric op value` failing with `actual`, or undefined when the gap is not a count. */
export function compareShortage(metric: string, op: string, value: unknown, actual: unknown, ctx: EvalContext): Shortage[] | undefined {
  if (typeof value !== 'number' || typeof actual !== 'number') return undefined;
  if (metric === 'computers.per_lab') {
    const labs = count(ctx, 'labs');
    return labs === null ? undefined : shortage('computers.phong_may', needFor(op, value, labs), count(ctx, 'computers.phong_may'));
  }
  if (metric === 'groups.computers_per_group') {
    const groups = count(ctx, 'groups.count');
    return groups === null ? undefined : shortage('computers.giao_vien', needFor(op, value, groups), count(ctx, 'computers.giao_vien'));
  }
  const teacherUnit = TEACHER_SHARES[metric];
  if (teacherUnit !== undefined) {
    const teachers = count(ctx, 'teachers.count');
    if (teachers === null) return undefined;
    const need = needFor(op, value, teachers);
    return shortage(teacherUnit, need === null ? null : Math.min(need, teachers), Math.round(actual * teachers));
  }
  if (metricType(metric) !== 'number' || !Number.isInteger(actual) || !Number.isInteger(value)) return undefined;
  return shortage(metric, needFor(op, value, 1), actual);
}
