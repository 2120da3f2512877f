// Whether a criterion applies is decided by the school year alone, by the school's data, or always: a
// diff needs it to say that a criterion became not applicable because the school year moved out of its
// scope (the rubric), not because the school's data changed.
import { kindOf } from '../../checks/index.js';
import type { Criterion } from '../../rubric/schema.js';
import type { AppliesBy } from './side.js';

/** Metrics that say which school year (or date) a workbook is for, not what the school has. */
const YEAR_METRICS = new Set(['school_year']);

/**
 * A condition on the school year alone makes it 'year', even beside a levels scope (ben-tre-2782's 2016
 * deadline, for upper-secondary schools in 2016-2017): between two school years, a criterion of some years
 * going in or out of scope is the year's doing — a school does not change its levels from one year to the
 * next in a way that a diff of the same code could tell apart.
 */
export function appliesBy(c: Pick<Criterion, 'applies_to' | 'applies_if'>): AppliesBy {
  if (c.applies_if) {
    const metrics = kindOf(c.applies_if)?.metrics(c.applies_if) ?? [];
    return metrics.length > 0 && metrics.every((m) => YEAR_METRICS.has(m)) ? 'year' : 'data';
  }
  return c.applies_to ? 'data' : null;
}
