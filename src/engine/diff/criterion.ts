// One criterion of one school, compared: what changed (lost, gained, still failing, another value…) and
// why — the school's data, the rubric, the school year's place in the criterion's scope, a waiver, the
// assessment date — said once, and only when that is where the change came from.
import type { CriterionStatus, Finding, FindingArg } from '../types.js';
import type { CriterionDef, RubricRef, SideCriterion } from './side.js';
import { rubricLabel } from './side.js';
import type { ChangeReason, CriterionChange, CriterionDiff, CriterionSnapshot } from './types.js';
import { isFailing, round, statusWord } from './util.js';

export interface CompareContext {
  sameData: boolean;
  sameRubric: boolean;
  /** The copied texts (actual values) of both sides are in the same language, so comparing them means something. */
  sameLang: boolean;
  newRubric: RubricRef;
  /** The school years of the two sides, when both are known and differ. */
  years: { old: string; new: string } | null;
}

export const ruleFields = (a: CriterionDef, b: CriterionDef): ('rule' | 'weight' | 'severity')[] =>
  (['rule', 'weight', 'severity'] as const).filter((f) => a[f] !== b[f]);

function criterionSnapshot(def: CriterionDef, c: SideCriterion): CriterionSnapshot {
  return { status: c.status, points: c.points, actual: c.actual, rule: def.rule, weight: def.weight, severity: def.severity };
}

const rescoredOf = (rc: SideCriterion | undefined) => (rc ? { status: rc.status, points: rc.points, actual: rc.actual } : null);
const samePoints = (a: SideCriterion, b: SideCriterion): boolean => (a.points ?? null) === (b.points ?? null);
const NA: CriterionStatus = 'not_applicable';

/**
 * The criterion became (not) applicable and what decides that is the school year alone, which moved:
 * the rubric's scope, not the school. 'unknown' when the rubric is not at hand to say what decides it.
 */
function yearScope(od: CriterionDef, nd: CriterionDef, oc: SideCriterion, nc: SideCriterion, ctx: CompareContext): 'year' | 'unknown' | null {
  if ((oc.status === NA) === (nc.status === NA) || oc.status === 'waived' || nc.status === 'waived' || !ctx.years) return null;
  const by = nd.applies_by === undefined ? od.applies_by : nd.applies_by;
  if (by === 'year') return 'year';
  if (by === undefined && ruleFields(od, nd).length === 0 && !ctx.sameData) return 'unknown';
  return null;
}

/** One criterion of one school, both sides known to the rubric or not; null when nothing worth saying changed. */
export function compareCriterion(
  id: string, od: CriterionDef | undefined, nd: CriterionDef | undefined,
  oc: SideCriterion | undefined, nc: SideCriterion | undefined, rc: SideCriterion | undefined, ctx: CompareContext,
): CriterionDiff | null {
  const def = (nd ?? od)!;
  const base = { id, clause: def.clause, title: def.title, severity: def.severity, weight: def.weight };

  if (!od || !oc || !nd || !nc) {
    // On one side only: the rubric changed, never a regression.
    if (nd && nc) {
      return {
        ...base, change: 'added', reason: 'rubric', regression: false, improvement: false, old: null,
        new: { ...criterionSnapshot(nd, nc), expected: nc.expected, gap: nc.gap },
        rescored: rescoredOf(rc), points_delta: null,
        why: [{ code: 'diff.why.added', args: { rubric: rubricLabel(ctx.newRubric), rule: nd.rule } }],
      };
    }
    if (od && oc) {
      return {
        ...base, change: 'removed', reason: 'rubric', regression: false, improvement: false,
        old: criterionSnapshot(od, oc), new: null, rescored: null, points_delta: null,
        why: [{ code: 'diff.why.removed', args: { rubric: rubricLabel(ctx.newRubric), rule: od.rule } }],
      };
    }
    return null;
  }

  const fields = ruleFields(od, nd);
  const ruleChanged = fields.length > 0;
  const statusChanged = oc.status !== nc.status;
  const pointsChanged = !samePoints(oc, nc);
  const stillFailing = isFailing(oc.status) && isFailing(nc.status);
  const actualChanged = ctx.sameLang && (oc.actual ?? null) !== (nc.actual ?? null);
  const snapshots = {
    old: criterionSnapshot(od, oc),
    new: { ...criterionSnapshot(nd, nc), expected: nc.expected, gap: nc.gap },
    rescored: rescoredOf(rc),
  };

  if (!statusChanged && !pointsChanged && !stillFailing) {
    // Same outcome, another observed value (45 → 58 lab computers): the school's data, said briefly.
    // Not when the same workbook was read twice, nor when only the new rule reads the old data differently.
    if (!actualChanged || ctx.sameData || nc.status === NA || (rc && rc.actual === nc.actual)) return null;
    if (ruleChanged && !rc) return null;
    return {
      ...base, change: 'value', reason: 'data', regression: false, improvement: false, ...snapshots, points_delta: null, why: [],
    };
  }

  const change: CriterionChange =
    oc.status === 'pass' && isFailing(nc.status) ? 'lost'
      : isFailing(oc.status) && nc.status === 'pass' ? 'gained'
        : stillFailing ? 'still_failing'
          : 'changed';

  // What the old data gives under the new rule: the re-scored outcome, or the old one when the rule is the same.
  const baseline: SideCriterion | null = rc ?? (ruleChanged ? null : oc);
  const dataMoved = !ctx.sameData && baseline !== null && (baseline.status !== nc.status || !samePoints(baseline, nc));
  const scope = yearScope(od, nd, oc, nc, ctx);

  let reason: ChangeReason;
  if (oc.status !== 'waived' && nc.status === 'waived') reason = 'waiver_added';
  else if (oc.status === 'waived' && nc.status !== 'waived') reason = 'waiver_ended';
  else if (scope === 'year') reason = 'year';
  else if (scope === 'unknown') reason = 'applicability';
  else if (rc) {
    const rubricMoved = rc.status !== oc.status || !samePoints(rc, oc);
    reason = rubricMoved && dataMoved ? 'data_and_rubric' : rubricMoved ? 'rubric' : dataMoved ? 'data' : ctx.sameData ? 'rubric' : 'data';
  } else if (ruleChanged) reason = 'rubric';
  else if (ctx.sameData) reason = ctx.sameRubric ? 'as_of' : 'rubric';
  else reason = 'data';

  const dataCaused = reason === 'data' || reason === 'data_and_rubric';
  const regression = dataCaused && dataMoved && baseline!.status === 'pass' && isFailing(nc.status);
  const improvement = dataCaused && dataMoved && isFailing(baseline!.status) && nc.status === 'pass';

  const why: Finding[] = [];
  if (reason === 'waiver_added') why.push({ code: 'diff.why.waiver_added', args: { message: nc.message ?? '' } });
  if (reason === 'waiver_ended') why.push({ code: 'diff.why.waiver_ended' });
  if (reason === 'year') why.push({ code: 'diff.why.year', args: { old: ctx.years!.old, new: ctx.years!.new } });
  if (reason === 'applicability') why.push({ code: 'diff.why.applicability', args: { old: ctx.years!.old, new: ctx.years!.new } });
  if (ruleChanged) {
    for (const f of fields) {
      const word = (v: string | number): FindingArg => (f === 'severity' ? { code: `report.severity.${v}` } : String(v));
      why.push({ code: `diff.why.rubric_${f}`, args: { old: word(od[f]), new: word(nd[f]) } });
    }
  } else if (reason === 'rubric') {
    why.push({ code: 'diff.why.rubric_other', args: { rubric: rubricLabel(ctx.newRubric) } });
  }
  if (rc && (ruleChanged || reason === 'rubric' || reason === 'data_and_rubric')) {
    why.push({ code: rc.actual === null ? 'diff.why.rescored_plain' : 'diff.why.rescored', args: { status: statusWord(rc.status), actual: rc.actual ?? '' } });
  }
  if (dataCaused && change !== 'still_failing') {
    // The values themselves are old/new.actual, shown beside the reason: never restated here. A value shown
    // the same on both sides is not called a data change.
    const shownSame = ctx.sameLang && oc.actual !== null && oc.actual === nc.actual;
    why.push(shownSame ? { code: 'diff.why.same_value', args: { actual: nc.actual! } } : { code: 'diff.why.data' });
  }
  if (reason === 'rubric' && !rc && !ctx.sameData && actualChanged) why.push({ code: 'diff.why.cannot_separate' });
  if (reason === 'as_of') why.push({ code: 'diff.why.as_of' });

  return {
    ...base,
    change,
    reason,
    regression,
    improvement,
    ...snapshots,
    points_delta: oc.points === null && nc.points === null ? null : round((nc.points ?? 0) - (oc.points ?? 0), 2),
    why,
  };
}

/** Report order within a school: regressions, improvements, other losses, other gains, other changes, still failing, other values. */
export function criterionRank(c: CriterionDiff): number {
  if (c.regression) return 0;
  if (c.improvement) return 1;
  if (c.change === 'lost') return 2;
  if (c.change === 'gained') return 3;
  if (c.change === 'still_failing') return 5;
  if (c.change === 'value') return 6;
  return 4;
}

/** Points at stake in a change, for "size": the larger of the points moved and, for a status change, the weight. */
export const criterionSize = (c: CriterionDiff): number =>
  Math.max(Math.abs(c.points_delta ?? 0), c.change === 'lost' || c.change === 'gained' ? c.weight : 0);
