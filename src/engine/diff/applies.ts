// Whether a criterion applies is decided by the school year alone, by the school's data, or always: a
// diff needs it to say that a criterion became not applicable because the school year moved out of its
// scope (the rubric), not because the school's data changed.
import { kindOf } from '../../checks/index.js';
import type { Criterion } from '../../rubric/schema.js';
import type { AppliesBy } from './side.js';

/** Metrics that say which school year (or date) a workbook is for, not what the school has. */
const YEAR_METRICS = new Set(['school_year']);

export function appliesBy(c: Pick<Criterion, 'applies_to' | 'applies_if'>): AppliesBy {
  if (c.applies_to) return 'data';
  if (!c.applies_if) return null;
  const metrics = kindOf(c.applies_if)?.metrics(c.applies_if) ?? [];
  return metrics.length > 0 && metrics.every((m) => YEAR_METRICS.has(m)) ? 'year' : 'data';
}
