// District criteria (rubric.md, batch only): the share of the counted schools whose check passes.
// Two pure steps, so batch workers send back one small outcome per school and shards can be merged.
import type { Inventory } from '../inventory/types.js';
import type { Level } from '../inventory/fields.js';
import type { DistrictCriterion } from '../rubric/schema.js';
import type { CheckStatus } from './types.js';
import { evalContext, evaluateCheck } from './evaluate.js';
import { schoolLevels } from './metrics.js';

/** One school's part in a district criterion: not counted (its levels are outside `of_schools`), or its check status. */
export type DistrictSchoolOutcome = { counted: false } | { counted: true; status: CheckStatus };

export interface DistrictResult {
  id: string;
  clause: string;
  title: DistrictCriterion['title'];
  numerator: number;
  /** Counted schools that declared the fact the share is about (pass or fail). */
  denominator: number;
  /** Counted schools that left it undeclared: out of the share, listed so the district can ask them. */
  missing: number;
  /** numerator / denominator, or null with no counted school. */
  share: number | null;
  min: number;
  /** pass when share ≥ min; missing when no school counts. */
  status: 'pass' | 'fail' | 'missing';
}

/**
 * Does this school count, and does its check pass? A school counts when it has one of `of_schools.levels`
 * (any school when none are listed; a school whose levels are unknown does not count then).
 */
export function districtSchoolOutcome(dc: DistrictCriterion, inv: Inventory): DistrictSchoolOutcome {
  const wanted = dc.of_schools.levels;
  if (wanted && !schoolLevels(inv).some((l: Level) => wanted.includes(l))) return { counted: false };
  const status = evaluateCheck(dc.share, evalContext(inv)).status;
  return status === 'not_applicable' ? { counted: false } : { counted: true, status };
}

/**
 * Combine per-school outcomes (or inventories). A school that left the fact undeclared (an empty
 * "Có giảng dạy môn Tin học") is not a "no": it is out of the denominator and counted as missing.
 */
export function evaluateDistrictCriterion(dc: DistrictCriterion, schools: (Inventory | DistrictSchoolOutcome)[]): DistrictResult {
  let numerator = 0;
  let denominator = 0;
  let missing = 0;
  for (const s of schools) {
    const o = 'counted' in s ? s : districtSchoolOutcome(dc, s);
    if (!o.counted) continue;
    if (o.status === 'missing') { missing += 1; continue; }
    denominator += 1;
    if (o.status === 'pass') numerator += 1;
  }
  const share = denominator === 0 ? null : numerator / denominator;
  const status = share === null ? 'missing' : share >= dc.min ? 'pass' : 'fail';
  return { id: dc.id, clause: dc.clause, title: dc.title, numerator, denominator, missing, share, min: dc.min, status };
}
