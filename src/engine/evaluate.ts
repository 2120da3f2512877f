// (Inventory, Rubric) → one CriterionResult per criterion: applicability, the check, points, the sentence
// that says what the status means, and waivers. Pure: no files, no printing.
import '../messages/engine.js';
import type { Inventory } from '../inventory/types.js';
import type { Level } from '../inventory/fields.js';
import type { Criterion, Rubric } from '../rubric/schema.js';
import type { Check, EvalContext } from '../checks/types.js';
import { kindOf } from '../checks/index.js';
import { metricLabel, missingOutcome } from '../checks/common.js';
import { metric, schoolLevels } from './metrics.js';
import type { CheckOutcome, CriterionResult, CriterionStatus, Finding, Warning, Waiver } from './types.js';

/** The evaluation context of one inventory (metrics are cached per inventory). */
/** The school's levels, once per inventory (every criterion's context needs them). */
const levelsCache = new WeakMap<Inventory, ReturnType<typeof schoolLevels>>();
function cachedLevels(inv: Inventory): ReturnType<typeof schoolLevels> {
  let l = levelsCache.get(inv);
  if (l === undefined) levelsCache.set(inv, (l = schoolLevels(inv)));
  return l;
}

export function evalContext(inv: Inventory, weight?: number): EvalContext {
  const ctx: EvalContext = {
    inventory: inv,
    levels: cachedLevels(inv),
    metric: (name) => metric(inv, name),
    evaluate: (check) => evaluateCheck(check, { ...ctx, weight: undefined }),
    ...(weight === undefined ? {} : { weight }),
  };
  return ctx;
}

/** Evaluate one (schema-valid) check. */
export function evaluateCheck(check: Check, ctx: EvalContext): CheckOutcome {
  const kind = kindOf(check);
  if (!kind) throw new Error(`no check kind for ${JSON.stringify(check)}`);
  return kind.evaluate(check, ctx);
}

/** A check's rule text depends on the (parsed, unchanging) check alone: built once per check object. */
const ruleCache = new WeakMap<Check, string>();
export const ruleOf = (check: Check): string => {
  if (typeof check !== 'object' || check === null) return kindOf(check)?.rule(check) ?? '?';
  let r = ruleCache.get(check);
  if (r === undefined) ruleCache.set(check, (r = kindOf(check)?.rule(check) ?? '?'));
  return r;
};

export interface EvaluateOptions {
  /** yyyy-mm-dd: waivers hold through their `expires` day. */
  asOf: string;
  waivers?: Waiver[];
}

const NONE = { actual: null, expected: null, gap: null, cells: [] };

function criterionMessage(status: CriterionStatus, o: CheckOutcome, points: number | null, weight: number, severity?: Criterion['severity']): Finding {
  switch (status) {
    case 'pass': return { code: 'criterion.pass' };
    case 'fail':
      if (o.points !== undefined && points !== null && points > 0) return { code: 'criterion.partial', args: { points, weight } };
      // A target ("phấn đấu") not reached is reported as such: it never makes the school fail.
      if (severity === 'target') return o.gap ? { code: 'criterion.target_not_met', args: { gap: o.gap } } : { code: 'criterion.target_not_met_plain' };
      return o.gap ? { code: 'criterion.fail', args: { gap: o.gap } } : { code: 'criterion.fail_plain' };
    case 'missing': return o.gap ? { code: 'criterion.missing', args: { gap: o.gap } } : { code: 'criterion.missing_plain' };
    default: return o.actual ? { code: 'criterion.not_applicable.check', args: { reason: o.actual } } : { code: 'criterion.not_applicable' };
  }
}

/**
 * The result object, its keys in one fixed order. Written out rather than spread from a common base:
 * spreading then adding seven keys was a measurable share of evaluating a school.
 */
function criterionResult(
  c: Criterion, status: CriterionStatus, points: number | null,
  o: { actual: Finding | null; expected: Finding | null; cells: CriterionResult['cells'] }, gap: Finding | null, message: Finding,
): CriterionResult {
  return {
    id: c.id,
    clause: c.clause,
    title: c.title,
    quote: c.quote ?? c.summary ?? null,
    ...(c.quote === undefined && c.summary !== undefined ? { quote_kind: 'summary' as const } : {}),
    source: c.source ?? null,
    hint: c.hint ?? null,
    severity: c.severity,
    weight: c.weight,
    rule: ruleOf(c.check),
    waiver: null,
    status, points, actual: o.actual, expected: o.expected, gap, message, cells: o.cells,
  };
}

/** One criterion, before waivers. */
export function evaluateCriterion(c: Criterion, inv: Inventory): CriterionResult {
  const ctx = evalContext(inv, c.weight);
  const notApplicable = (message: Finding, o: Omit<CheckOutcome, 'status'> = NONE): CriterionResult =>
    criterionResult(c, 'not_applicable', null, o, null, message);

  if (c.applies_to) {
    const levels = ctx.metric('levels');
    if (levels.state === 'missing') {
      const o = missingOutcome('levels', levels, null);
      return criterionResult(c, 'missing', 0, o, o.gap, criterionMessage('missing', o, 0, c.weight));
    }
    if (!c.applies_to.levels.some((l: Level) => ctx.levels.includes(l))) {
      return notApplicable({ code: 'criterion.not_applicable.levels', args: { levels: c.applies_to.levels } }, { ...NONE, cells: levels.cells });
    }
  }
  if (c.applies_if) {
    const cond = evaluateCheck(c.applies_if, { ...ctx, weight: undefined });
    // The condition's own values would read as this criterion's: keep only its cells.
    // Unknown whether it applies: say what is missing rather than silently leaving the score.
    if (cond.status === 'missing') {
      return criterionResult(c, 'missing', 0, cond, cond.gap, criterionMessage('missing', cond, 0, c.weight));
    }
    if (cond.status !== 'pass') return notApplicable(conditionMessage(c.applies_if, cond), { ...NONE, cells: cond.cells });
  }
  const o = evaluateCheck(c.check, ctx);
  if (o.status === 'not_applicable') return notApplicable(criterionMessage('not_applicable', o, null, c.weight), o);

  let status: CriterionStatus = o.status;
  let points: number;
  if (o.points !== undefined) {
    // graded: partial credit, never more than the weight; pass when it earns the whole weight.
    points = Math.min(o.points, c.weight);
    if (status !== 'missing') status = points >= c.weight ? 'pass' : 'fail';
  } else {
    points = status === 'pass' ? c.weight : 0;
  }
  const r = criterionResult(c, status, points, o, status === 'pass' ? null : o.gap, criterionMessage(status, o, points, c.weight, c.severity));
  if (status === 'fail' && o.shortages && o.shortages.length > 0) r.shortages = o.shortages;
  return r;
}

/**
 * Why a criterion does not apply, in words a teacher reads: "chỉ áp dụng khi Năm học: = 2016-2017" when the
 * condition reads one metric and says what it expects; the rule itself otherwise.
 */
function conditionMessage(cond: Check, o: CheckOutcome): Finding {
  const names = kindOf(cond)?.metrics(cond) ?? [];
  if (names.length === 1 && o.expected) {
    return { code: 'criterion.not_applicable.condition_on', args: { metric: metricLabel(names[0]!), expected: o.expected } };
  }
  return { code: 'criterion.not_applicable.condition', args: { rule: ruleOf(cond) } };
}

/** Waivers for this school: the one that holds per criterion, and warnings for expired or unknown ones. */
export function applicableWaivers(
  waivers: Waiver[], school: string | null, criterionIds: string[], asOf: string, rubricId: string,
): { active: Map<string, Waiver>; warnings: Warning[] } {
  const ids = new Set(criterionIds);
  const active = new Map<string, Waiver>();
  const warnings: Warning[] = [];
  for (const w of waivers) {
    if (w.school !== '*' && w.school !== school) continue;
    if (!ids.has(w.criterion)) {
      warnings.push({ code: 'waiver.unknown_criterion', args: { criterion: w.criterion, school: w.school, rubric: rubricId } });
      continue;
    }
    if (w.expires < asOf) {
      warnings.push({ code: 'waiver.expired', args: { criterion: w.criterion, school: w.school, expires: w.expires } });
      continue;
    }
    // A waiver naming this school beats a "*" one; among equals, the one that holds longest.
    const held = active.get(w.criterion);
    const better = !held || (held.school === '*' && w.school !== '*') || (held.school === w.school && w.expires > held.expires);
    if (better) active.set(w.criterion, w);
  }
  return { active, warnings };
}

/**
 * Every criterion of the rubric, in rubric order, with waivers applied: a criterion that fails or is
 * missing and has a waiver that holds is `waived` (points null, out of the denominator); one that passes
 * stays `pass` with the waiver recorded; a not-applicable one stays not applicable.
 */
export function evaluateCriteria(inv: Inventory, rubric: Rubric, opts: EvaluateOptions): { criteria: CriterionResult[]; warnings: Warning[] } {
  const code = inv.info.school_code?.ok ? String(inv.info.school_code.value) : null;
  const { active, warnings } = applicableWaivers(opts.waivers ?? [], code, rubric.criteria.map((c) => c.id), opts.asOf, rubric.id);
  const criteria = rubric.criteria.map((c): CriterionResult => {
    const r = evaluateCriterion(c, inv);
    const w = active.get(c.id);
    if (!w || r.status === 'not_applicable') return r;
    const waiver = { reason: w.reason, approved_by: w.approved_by ?? null, expires: w.expires };
    if (r.status === 'pass') return { ...r, waiver };
    const { shortages: _accepted, ...rest } = r; // a waived gap is accepted: not counted as a shortage
    return { ...rest, status: 'waived', points: null, gap: null, message: { code: 'criterion.waived', args: { reason: w.reason } }, waiver };
  });
  return { criteria, warnings };
}
