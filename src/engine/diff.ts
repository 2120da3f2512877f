// Year over year (`audit diff`): two audits of a district's schools → what improved, what regressed and
// why (the school's data, the rubric, a waiver). Pure: the CLI loads each side (result JSON, batch summary,
// or workbooks audited now) into one `Side` shape, re-scores old inventories under the new rubric when it
// can, and renders the `DiffReport` this module builds. Words are Findings; copied values (a criterion's
// `actual`, titles) stay the strings the inputs carry.
import '../messages/diff.js';
import type { Lang } from '../messages/format.js';
import type { BatchSummary } from './batch.js';
import { isSchoolEntry } from './batch.js';
import type { CriterionStatus, Finding, FindingArg, Severity } from './types.js';
import { SEVERITY_ORDER } from './types.js';

export const DIFF_SCHEMA = 'audit-diff/v1';

// ---------- the two sides, normalized ----------

/** What a side was read from: a result JSON, an array of them, a batch summary, a workbook, a folder of workbooks. */
export type SideKind = 'result' | 'results' | 'batch' | 'workbook' | 'folder';

export interface RubricRef { id: string; version: string; sha256: string }

/** A criterion as its rubric defines it: what a diff compares to tell "the rubric changed". */
export interface CriterionDef { id: string; clause: string; title: string; rule: string; weight: number; severity: Severity }

export interface SideRubric extends RubricRef {
  title: string;
  /** In rubric order. */
  criteria: CriterionDef[];
  /** Band labels when the input carries them (batch summaries, workbooks audited now). */
  bands: { id: string; label: string }[];
}

export interface SideCriterion {
  id: string;
  status: CriterionStatus;
  points: number | null;
  actual: string | null;
  expected: string | null;
  gap: string | null;
  /** The criterion's sentence (for a waived criterion it carries the waiver's reason); null from a batch summary. */
  message: string | null;
}

export interface SideSchool {
  /** As read; matching uses normalizeCode. */
  code: string | null;
  name: string | null;
  district: string | null;
  school_year: string | null;
  /** Where it came from: a base name, or a path relative to the folder or batch. */
  file: string;
  source_sha256: string | null;
  rubric: RubricRef;
  as_of: string | null;
  score: number | null;
  status: 'pass' | 'fail';
  band: string | null;
  criteria: SideCriterion[];
}

export interface SideDistrict {
  rubric_id: string;
  id: string;
  title: string;
  numerator: number;
  denominator: number;
  share: number | null;
  min: number;
  status: 'pass' | 'fail' | 'missing';
}

export interface Side {
  kind: SideKind;
  /** Base name of the file or folder given. */
  name: string;
  /** Language of the copied texts (null: audited now, in the report's language). */
  lang: Lang | null;
  rubrics: SideRubric[];
  schools: SideSchool[];
  /** District criteria over the side's schools; null when the side cannot give them (single results). */
  district: SideDistrict[] | null;
  /** Files of the side that could not be audited. */
  errors: { file: string; message: string }[];
}

export const rubricKey = (r: RubricRef): string => `${r.id}@${r.version}#${r.sha256}`;
export const rubricLabel = (r: { id: string; version: string }): string => `${r.id}@${r.version}`;

/** School codes match when equal after trimming (and Unicode NFC); leading zeros are kept. */
export const normalizeCode = (code: string | null | undefined): string | null => {
  const c = code?.normalize('NFC').trim();
  return c ? c : null;
};

const sameName = (a: string | null, b: string | null): boolean =>
  (a ?? '').normalize('NFC').replace(/\s+/g, ' ').trim() === (b ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

// ---------- building a side from what was read ----------

/** The parts of an `audit-result/v1` object a diff reads (toResultJson's output, or a file). */
export interface ResultLike {
  rubric: { id: string; version: string; title: string; sha256: string };
  school: { code: string | null; name: string | null; district: string | null; school_year: string | null };
  source: { file: string; sha256: string };
  as_of: string;
  score: number | null;
  status: 'pass' | 'fail';
  band: string | null;
  criteria: {
    id: string; clause: string; title: string; severity: Severity; weight: number; status: CriterionStatus;
    points: number | null; rule: string; actual: string | null; expected: string | null; message: string; gap: string | null;
  }[];
}

/** One result as a side's school; `file` names it within its side. */
export function schoolFromResult(file: string, r: ResultLike): SideSchool {
  return {
    code: r.school.code,
    name: r.school.name,
    district: r.school.district,
    school_year: r.school.school_year,
    file,
    source_sha256: r.source.sha256,
    rubric: { id: r.rubric.id, version: r.rubric.version, sha256: r.rubric.sha256 },
    as_of: r.as_of,
    score: r.score,
    status: r.status,
    band: r.band,
    criteria: r.criteria.map((c) => ({
      id: c.id, status: c.status, points: c.points, actual: c.actual, expected: c.expected, gap: c.gap, message: c.message,
    })),
  };
}

/** Results → a side (schools in the order given); the rubric of each is read from its criteria. */
export function sideFromResults(
  kind: SideKind, name: string, lang: Lang | null, results: readonly { file: string; result: ResultLike }[],
): Side {
  const rubrics = new Map<string, SideRubric>();
  for (const { result: r } of results) {
    const ref: RubricRef = { id: r.rubric.id, version: r.rubric.version, sha256: r.rubric.sha256 };
    if (rubrics.has(rubricKey(ref))) continue;
    rubrics.set(rubricKey(ref), {
      ...ref,
      title: r.rubric.title,
      criteria: r.criteria.map((c) => ({ id: c.id, clause: c.clause, title: c.title, rule: c.rule, weight: c.weight, severity: c.severity })),
      bands: [],
    });
  }
  const schools = results.map(({ file, result }) => schoolFromResult(file, result));
  return { kind, name, lang, rubrics: [...rubrics.values()], schools, district: null, errors: [] };
}

/** A batch summary (audit-batch/v1) → a side: schools, rubrics and district criteria as the summary gives them. */
export function sideFromBatch(name: string, s: BatchSummary): Side {
  const byRef = new Map(s.rubrics.map((r) => [rubricLabel(r), r]));
  const refOf = (r: { id: string; version: string }): RubricRef => ({ ...r, sha256: byRef.get(rubricLabel(r))?.sha256 ?? '' });
  const schools: SideSchool[] = s.entries.filter(isSchoolEntry).map((e) => ({
    code: e.code,
    name: e.name,
    district: e.district,
    school_year: e.school_year,
    file: e.file,
    source_sha256: e.source_sha256,
    rubric: refOf(e.rubric),
    as_of: e.as_of,
    score: e.score,
    status: e.status,
    band: e.band,
    criteria: e.criteria.map((c) => ({
      id: c.id, status: c.status, points: c.points, actual: c.actual,
      expected: null, gap: (c as { gap?: string | null }).gap ?? null, message: null,
    })),
  }));
  const rubrics: SideRubric[] = s.rubrics.map((r) => ({
    id: r.id, version: r.version, sha256: r.sha256, title: r.title,
    criteria: r.criteria.map((c) => ({ id: c.id, clause: c.clause, title: c.title, rule: c.rule, weight: c.weight, severity: c.severity })),
    bands: r.bands.map((b) => ({ id: b.id, label: b.label })),
  }));
  const district: SideDistrict[] = s.district_criteria.map((d) => {
    const [id] = d.rubric.split('@');
    const def = byRef.get(d.rubric)?.district_criteria.find((x) => x.id === d.id);
    return {
      rubric_id: id ?? d.rubric, id: d.id, title: def?.title ?? d.id, numerator: d.numerator, denominator: d.denominator,
      share: d.share, min: d.min, status: d.status,
    };
  });
  const errors = s.entries.filter((e) => !isSchoolEntry(e)).map((e) => ({ file: e.file, message: 'error' in e ? e.error.message : '' }));
  return { kind: 'batch', name, lang: s.lang, rubrics, schools, district, errors };
}

// ---------- the diff ----------

export type CriterionChange = 'lost' | 'gained' | 'still_failing' | 'changed' | 'added' | 'removed';
/**
 * Why a criterion's outcome changed: the school's data, the rubric (rule, weight or severity changed, or the
 * criterion was added or removed), both (told apart by re-scoring the old data), a waiver that appeared or
 * ended, or only the assessment date (same data, same rubric).
 */
export type ChangeReason = 'data' | 'rubric' | 'data_and_rubric' | 'waiver_added' | 'waiver_ended' | 'as_of';
export type SchoolTrend = 'regressed' | 'improved' | 'changed' | 'unchanged';

export interface CriterionSnapshot {
  status: CriterionStatus;
  points: number | null;
  actual: string | null;
  rule: string;
  weight: number;
  severity: Severity;
}

export interface CriterionDiff {
  id: string;
  clause: string;
  title: string;
  severity: Severity;
  weight: number;
  change: CriterionChange;
  reason: ChangeReason;
  /** Lost because the school's data changed (what --fail-on-regression counts). */
  regression: boolean;
  /** Gained because the school's data changed. */
  improvement: boolean;
  old: CriterionSnapshot | null;
  new: (CriterionSnapshot & { expected: string | null; gap: string | null }) | null;
  /** The old data judged by the new rubric (when re-scored). */
  rescored: { status: CriterionStatus; points: number | null; actual: string | null } | null;
  /** new points − old points (null counts as 0 when the other side has points). */
  points_delta: number | null;
  why: Finding[];
}

export interface SchoolSnapshot {
  file: string;
  school_year: string | null;
  rubric: RubricRef;
  as_of: string | null;
  score: number | null;
  status: 'pass' | 'fail';
  band: { id: string; label: string | null } | null;
}

export interface SchoolDiff {
  code: string;
  name: string | null;
  /** The old name when it differs (same code: the same school). */
  old_name: string | null;
  trend: SchoolTrend;
  /** Lost a criterion, or score, because its data changed. */
  regression: boolean;
  old: SchoolSnapshot;
  new: SchoolSnapshot;
  /** The old data judged by the new rubric, when the rubrics differ and the old workbook was available. */
  rescored: Omit<SchoolSnapshot, 'file' | 'school_year' | 'as_of'> | null;
  /** new − old, one decimal; null when either has no score. */
  score_delta: number | null;
  same_rubric: boolean;
  /** Both sides were read from the same workbook contents (same sha256). */
  same_data: boolean;
  /** Changed criteria and those still failing, in report order. */
  criteria: CriterionDiff[];
  notes: Finding[];
}

export interface SchoolBrief {
  code: string | null;
  name: string | null;
  file: string;
  school_year: string | null;
  rubric: RubricRef;
  score: number | null;
  status: 'pass' | 'fail';
  band: { id: string; label: string | null } | null;
}

export interface RateCount { pass: number; applicable: number; rate: number | null }
export interface CriterionRateDiff {
  rubric: string;
  id: string;
  title: string;
  severity: Severity;
  old: RateCount | null;
  new: RateCount | null;
  /** new rate − old rate (fraction), 4 decimals. */
  delta: number | null;
}

export interface DistrictCount { numerator: number; denominator: number; share: number | null; min: number; status: 'pass' | 'fail' | 'missing' }
export interface DistrictDiff { rubric: string; id: string; title: string; old: DistrictCount | null; new: DistrictCount | null }

export interface BandMove { code: string; name: string | null; old: { id: string; label: string | null } | null; new: { id: string; label: string | null } | null }

export interface RubricChange {
  rubric: string;
  old: RubricRef & { title: string };
  new: RubricRef & { title: string };
  added: CriterionDef[];
  removed: CriterionDef[];
  changed: { id: string; title: string; old: CriterionDef; new: CriterionDef; fields: ('rule' | 'weight' | 'severity')[] }[];
}

export interface SideSummary {
  kind: SideKind;
  name: string;
  lang: Lang | null;
  schools: number;
  pass: number;
  fail: number;
  school_years: string[];
  rubrics: (RubricRef & { title: string })[];
  errors: { file: string; message: string }[];
}

export interface DiffTotals {
  matched: number;
  added: number;
  removed: number;
  regressed: number;
  improved: number;
  changed: number;
  unchanged: number;
  /** Criteria lost / gained because the data changed, over all matched schools. */
  criteria_lost: number;
  criteria_gained: number;
  /** Criteria whose outcome changed because the rubric changed. */
  criteria_rubric: number;
}

export interface DiffReport {
  tool: { name: string; version: string };
  old: SideSummary;
  new: SideSummary;
  totals: DiffTotals;
  /** Some school on both sides lost a criterion or score because its data changed. */
  regression: boolean;
  rubric_changes: RubricChange[];
  schools: SchoolDiff[];
  added: SchoolBrief[];
  removed: SchoolBrief[];
  criteria: CriterionRateDiff[];
  bands: { moves: BandMove[]; counts: { id: string; label: string | null; old: number; new: number }[] };
  district_criteria: DistrictDiff[];
  /** Whether the district view (pass rates, bands, district criteria) is meaningful: a side is a batch, folder or list. */
  district_view: boolean;
  notes: Finding[];
}

export interface DiffOptions {
  tool: { name: string; version: string };
  /** Old schools' data judged by the new side's rubric, by normalized code (see normalizeCode). */
  rescored?: ReadonlyMap<string, SideSchool>;
}

const FAILING = new Set<CriterionStatus>(['fail', 'missing']);
const isFailing = (s: CriterionStatus | undefined): boolean => s !== undefined && FAILING.has(s);
const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const severityRank = (s: Severity): number => SEVERITY_ORDER[s];
/** A status as a word (the report's own label), for sentences. */
const statusWord = (s: CriterionStatus): Finding => ({ code: `report.status.${s}` });
const sideWord = (s: 'old' | 'new'): Finding => ({ code: `diff.label.side.${s}` });

function indexRubrics(side: Side): Map<string, SideRubric> {
  return new Map(side.rubrics.map((r) => [rubricKey(r), r]));
}

const emptyRubric = (ref: RubricRef): SideRubric => ({ ...ref, title: ref.id, criteria: [], bands: [] });

function bandOf(side: Map<string, SideRubric>, ref: RubricRef, id: string | null): { id: string; label: string | null } | null {
  if (id === null) return null;
  return { id, label: side.get(rubricKey(ref))?.bands.find((b) => b.id === id)?.label ?? null };
}

function snapshot(s: SideSchool, rubrics: Map<string, SideRubric>): SchoolSnapshot {
  return {
    file: s.file, school_year: s.school_year, rubric: s.rubric, as_of: s.as_of, score: s.score, status: s.status,
    band: bandOf(rubrics, s.rubric, s.band),
  };
}

function brief(s: SideSchool, rubrics: Map<string, SideRubric>): SchoolBrief {
  return {
    code: normalizeCode(s.code), name: s.name, file: s.file, school_year: s.school_year, rubric: s.rubric,
    score: s.score, status: s.status, band: bandOf(rubrics, s.rubric, s.band),
  };
}

const ruleFields = (a: CriterionDef, b: CriterionDef): ('rule' | 'weight' | 'severity')[] =>
  (['rule', 'weight', 'severity'] as const).filter((f) => a[f] !== b[f]);

function criterionSnapshot(def: CriterionDef, c: SideCriterion): CriterionSnapshot {
  return { status: c.status, points: c.points, actual: c.actual, rule: def.rule, weight: def.weight, severity: def.severity };
}

interface CompareContext {
  sameData: boolean;
  sameRubric: boolean;
  newRubric: RubricRef;
}

/** One criterion of one school, both sides known to the rubric or not; null when nothing worth saying changed. */
function compareCriterion(
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
        rescored: rc ? { status: rc.status, points: rc.points, actual: rc.actual } : null,
        points_delta: null,
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
  const pointsChanged = (oc.points ?? null) !== (nc.points ?? null);
  const stillFailing = isFailing(oc.status) && isFailing(nc.status);
  if (!statusChanged && !pointsChanged && !stillFailing) return null;

  const change: CriterionChange =
    oc.status === 'pass' && isFailing(nc.status) ? 'lost'
      : isFailing(oc.status) && nc.status === 'pass' ? 'gained'
        : stillFailing ? 'still_failing'
          : 'changed';

  // What the old data gives under the new rule: the re-scored outcome, or the old one when the rule is the same.
  const baseline: SideCriterion | null = rc ?? (ruleChanged ? null : oc);
  const dataMoved = !ctx.sameData && baseline !== null
    && (baseline.status !== nc.status || (baseline.points ?? null) !== (nc.points ?? null));

  let reason: ChangeReason;
  if (oc.status !== 'waived' && nc.status === 'waived') reason = 'waiver_added';
  else if (oc.status === 'waived' && nc.status !== 'waived') reason = 'waiver_ended';
  else if (rc) {
    const rubricMoved = rc.status !== oc.status || (rc.points ?? null) !== (oc.points ?? null);
    reason = rubricMoved && dataMoved ? 'data_and_rubric' : rubricMoved ? 'rubric' : dataMoved ? 'data' : ctx.sameData ? 'rubric' : 'data';
  } else if (ruleChanged) reason = 'rubric';
  else if (ctx.sameData) reason = ctx.sameRubric ? 'as_of' : 'rubric';
  else reason = 'data';

  const waiverInvolved = reason === 'waiver_added' || reason === 'waiver_ended';
  const regression = !waiverInvolved && dataMoved && baseline!.status === 'pass' && isFailing(nc.status);
  const improvement = !waiverInvolved && dataMoved && isFailing(baseline!.status) && nc.status === 'pass';

  const why: Finding[] = [];
  const actualChanged = (oc.actual ?? null) !== (nc.actual ?? null);
  if (reason === 'waiver_added') why.push({ code: 'diff.why.waiver_added', args: { message: nc.message ?? '' } });
  if (reason === 'waiver_ended') why.push({ code: 'diff.why.waiver_ended' });
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
  if (reason === 'data' || reason === 'data_and_rubric') {
    why.push(actualChanged
      ? { code: 'diff.why.data', args: { old: oc.actual ?? '', new: nc.actual ?? '' } }
      : { code: 'diff.why.data_same_value' });
  }
  if (reason === 'rubric' && !rc && !ctx.sameData && actualChanged) {
    why.push({ code: 'diff.why.cannot_separate', args: { old: oc.actual ?? '', new: nc.actual ?? '' } });
  }
  if (reason === 'as_of') why.push({ code: 'diff.why.as_of' });

  return {
    ...base,
    change,
    reason,
    regression,
    improvement,
    old: criterionSnapshot(od, oc),
    new: { ...criterionSnapshot(nd, nc), expected: nc.expected, gap: nc.gap },
    rescored: rc ? { status: rc.status, points: rc.points, actual: rc.actual } : null,
    points_delta: oc.points === null && nc.points === null ? null : round((nc.points ?? 0) - (oc.points ?? 0), 2),
    why,
  };
}

/** Report order within a school: regressions, improvements, other losses, other gains, other changes, still failing. */
function criterionRank(c: CriterionDiff): number {
  if (c.regression) return 0;
  if (c.improvement) return 1;
  if (c.change === 'lost') return 2;
  if (c.change === 'gained') return 3;
  if (c.change === 'still_failing') return 5;
  return 4;
}

/** Points at stake in a change, for "size": the larger of the points moved and, for a status change, the weight. */
const criterionSize = (c: CriterionDiff): number =>
  Math.max(Math.abs(c.points_delta ?? 0), c.change === 'lost' || c.change === 'gained' ? c.weight : 0);

function compareSchool(
  o: SideSchool, n: SideSchool, r: SideSchool | null, oldRubrics: Map<string, SideRubric>, newRubrics: Map<string, SideRubric>,
): SchoolDiff {
  const oR = oldRubrics.get(rubricKey(o.rubric)) ?? emptyRubric(o.rubric);
  const nR = newRubrics.get(rubricKey(n.rubric)) ?? emptyRubric(n.rubric);
  const sameRubric = rubricKey(o.rubric) === rubricKey(n.rubric);
  const sameData = o.source_sha256 !== null && o.source_sha256 !== '' && o.source_sha256 === n.source_sha256;
  // A re-score only means something under the new side's exact rubric.
  const rescore = r && !sameRubric && rubricKey(r.rubric) === rubricKey(n.rubric) ? r : null;
  const ctx: CompareContext = { sameData, sameRubric, newRubric: n.rubric };

  const oDefs = new Map(oR.criteria.map((c) => [c.id, c]));
  const nDefs = new Map(nR.criteria.map((c) => [c.id, c]));
  const oc = new Map(o.criteria.map((c) => [c.id, c]));
  const nc = new Map(n.criteria.map((c) => [c.id, c]));
  const rc = new Map((rescore?.criteria ?? []).map((c) => [c.id, c]));
  const order = [...nR.criteria.map((c) => c.id), ...oR.criteria.map((c) => c.id).filter((id) => !nDefs.has(id))];
  const position = new Map(order.map((id, i) => [id, i]));

  const criteria = order
    .map((id) => compareCriterion(id, oDefs.get(id), nDefs.get(id), oc.get(id), nc.get(id), rc.get(id), ctx))
    .filter((c): c is CriterionDiff => c !== null)
    .sort((a, b) => criterionRank(a) - criterionRank(b)
      || severityRank(a.severity) - severityRank(b.severity)
      || criterionSize(b) - criterionSize(a)
      || position.get(a.id)! - position.get(b.id)!);

  // Score: compared with what the old data scores under the new rubric (re-scored, or the same rubric).
  const baseScore = rescore ? rescore.score : sameRubric ? o.score : null;
  const dataCaused = (c: CriterionDiff) => c.reason === 'data' || c.reason === 'data_and_rubric';
  const basePoints = (c: CriterionDiff) => (c.rescored ? c.rescored.points : c.old?.points) ?? 0;
  const scoreFell = !sameData && baseScore !== null && n.score !== null && n.score < baseScore
    && criteria.some((c) => dataCaused(c) && (c.new?.points ?? 0) < basePoints(c));
  const scoreRose = !sameData && baseScore !== null && n.score !== null && n.score > baseScore
    && criteria.some((c) => dataCaused(c) && (c.new?.points ?? 0) > basePoints(c));

  const regression = scoreFell || criteria.some((c) => c.regression);
  const improved = scoreRose || criteria.some((c) => c.improvement);
  const changedAtAll = criteria.some((c) => c.change !== 'still_failing')
    || o.score !== n.score || o.status !== n.status || o.band !== n.band;
  const trend: SchoolTrend = regression ? 'regressed' : improved ? 'improved' : changedAtAll ? 'changed' : 'unchanged';

  const code = normalizeCode(n.code)!;
  const notes: Finding[] = [];
  const renamed = !sameName(o.name, n.name) && o.name !== null && n.name !== null;
  if (renamed) notes.push({ code: 'diff.note.renamed', args: { code, old: o.name!, new: n.name! } });
  if (!sameRubric) {
    notes.push(rubricLabel(o.rubric) === rubricLabel(n.rubric)
      ? { code: 'diff.note.rubric_edited', args: { rubric: rubricLabel(n.rubric) } }
      : { code: 'diff.note.rubric_changed', args: { old: rubricLabel(o.rubric), new: rubricLabel(n.rubric) } });
    if (rescore) {
      notes.push({ code: 'diff.note.rescored', args: { rubric: rubricLabel(n.rubric), score: rescore.score === null ? { code: 'report.score.none' } : rescore.score.toFixed(1), status: statusWord(rescore.status) } });
    } else {
      notes.push({ code: 'diff.note.score_not_comparable' });
    }
  }
  // Worth saying only when something changed: it tells the reader the school did not cause it.
  if (sameData && changedAtAll) notes.push({ code: 'diff.note.same_data' });
  if (scoreFell) notes.push({ code: 'diff.note.score_fell', args: { from: baseScore!.toFixed(1), to: n.score!.toFixed(1) } });

  return {
    code,
    name: n.name ?? o.name,
    old_name: renamed ? o.name : null,
    trend,
    regression,
    old: snapshot(o, oldRubrics),
    new: snapshot(n, newRubrics),
    rescored: rescore
      ? { rubric: rescore.rubric, score: rescore.score, status: rescore.status, band: bandOf(newRubrics, rescore.rubric, rescore.band) }
      : null,
    score_delta: o.score !== null && n.score !== null ? round(n.score - o.score, 1) : null,
    same_rubric: sameRubric,
    same_data: sameData,
    criteria,
    notes,
  };
}

const TREND_RANK: Record<SchoolTrend, number> = { regressed: 0, improved: 1, changed: 2, unchanged: 3 };

/** Deterministic school order: regressions (required first, then the most points lost), improvements, other changes, unchanged. */
function compareSchools(a: SchoolDiff, b: SchoolDiff): number {
  const t = TREND_RANK[a.trend] - TREND_RANK[b.trend];
  if (t) return t;
  if (a.trend === 'regressed' || a.trend === 'improved') {
    const pick = (s: SchoolDiff) => s.criteria.filter((c) => (a.trend === 'regressed' ? c.regression : c.improvement));
    const worst = (s: SchoolDiff) => Math.min(3, ...pick(s).map((c) => severityRank(c.severity)));
    const size = (s: SchoolDiff) => pick(s).reduce((n, c) => n + criterionSize(c), 0);
    const scoreMove = (s: SchoolDiff) => Math.abs(s.score_delta ?? 0);
    const d = worst(a) - worst(b) || size(b) - size(a) || scoreMove(b) - scoreMove(a);
    if (d) return d;
  }
  return byText(a.code, b.code);
}

/** Schools with a code by normalized code (the first by file when a code repeats); the others aside. */
function byCode(side: Side, label: 'old' | 'new', notes: Finding[]): { map: Map<string, SideSchool>; unmatched: SideSchool[] } {
  const map = new Map<string, SideSchool>();
  const unmatched: SideSchool[] = [];
  for (const s of [...side.schools].sort((a, b) => byText(a.file, b.file))) {
    const code = normalizeCode(s.code);
    if (code === null) {
      notes.push({ code: 'diff.note.no_code', args: { side: sideWord(label), file: s.file } });
      unmatched.push(s);
    } else if (map.has(code)) {
      notes.push({ code: 'diff.note.duplicate_code', args: { side: sideWord(label), code, file: s.file, kept: map.get(code)!.file } });
      unmatched.push(s);
    } else {
      map.set(code, s);
    }
  }
  return { map, unmatched };
}

function summarizeSide(side: Side): SideSummary {
  const years = [...new Set(side.schools.map((s) => s.school_year).filter((y): y is string => y !== null))].sort(byText);
  const used = new Set(side.schools.map((s) => rubricKey(s.rubric)));
  return {
    kind: side.kind,
    name: side.name,
    lang: side.lang,
    schools: side.schools.length,
    pass: side.schools.filter((s) => s.status === 'pass').length,
    fail: side.schools.filter((s) => s.status === 'fail').length,
    school_years: years,
    rubrics: side.rubrics.filter((r) => used.has(rubricKey(r)))
      .map((r) => ({ id: r.id, version: r.version, sha256: r.sha256, title: r.title }))
      .sort((a, b) => byText(a.id, b.id) || byText(a.version, b.version) || byText(a.sha256, b.sha256)),
    errors: [...side.errors].sort((a, b) => byText(a.file, b.file)),
  };
}

/** Each rubric id used on both sides with a different version or contents: criteria added, removed, changed. */
function rubricChanges(oldSide: SideSummary, newSide: SideSummary, oldRubrics: Map<string, SideRubric>, newRubrics: Map<string, SideRubric>): RubricChange[] {
  const out: RubricChange[] = [];
  const newest = (rs: SideSummary['rubrics'], id: string) => rs.filter((r) => r.id === id).at(-1);
  const ids = [...new Set(oldSide.rubrics.map((r) => r.id))].filter((id) => newSide.rubrics.some((r) => r.id === id)).sort(byText);
  for (const id of ids) {
    for (const o of oldSide.rubrics.filter((r) => r.id === id)) {
      const n = newest(newSide.rubrics, id)!;
      if (rubricKey(o) === rubricKey(n)) continue;
      const oR = oldRubrics.get(rubricKey(o))!;
      const nR = newRubrics.get(rubricKey(n))!;
      const oDefs = new Map(oR.criteria.map((c) => [c.id, c]));
      const nDefs = new Map(nR.criteria.map((c) => [c.id, c]));
      out.push({
        rubric: id,
        old: o,
        new: n,
        added: nR.criteria.filter((c) => !oDefs.has(c.id)),
        removed: oR.criteria.filter((c) => !nDefs.has(c.id)),
        changed: nR.criteria.flatMap((c) => {
          const prev = oDefs.get(c.id);
          const fields = prev ? ruleFields(prev, c) : [];
          return prev && fields.length ? [{ id: c.id, title: c.title, old: prev, new: c, fields }] : [];
        }),
      });
    }
  }
  return out;
}

/** Pass rate of every criterion (passed / applicable) over a side's schools, by rubric id and criterion id. */
function passRates(side: Side): Map<string, RateCount & { title: string; severity: Severity }> {
  const rubrics = indexRubrics(side);
  const out = new Map<string, RateCount & { title: string; severity: Severity }>();
  for (const s of side.schools) {
    const defs = rubrics.get(rubricKey(s.rubric))?.criteria ?? [];
    for (const c of s.criteria) {
      const def = defs.find((d) => d.id === c.id);
      const key = `${s.rubric.id}\u0000${c.id}`;
      const row = out.get(key) ?? { pass: 0, applicable: 0, rate: null, title: def?.title ?? c.id, severity: def?.severity ?? 'required' };
      if (c.status === 'pass' || isFailing(c.status)) row.applicable += 1;
      if (c.status === 'pass') row.pass += 1;
      row.rate = row.applicable === 0 ? null : round(row.pass / row.applicable, 4);
      out.set(key, row);
    }
  }
  return out;
}

function rateDiffs(oldSide: Side, newSide: Side): CriterionRateDiff[] {
  const o = passRates(oldSide);
  const n = passRates(newSide);
  // Rubric order: the new side's rubrics' criteria, then criteria only the old side has.
  const order: string[] = [];
  const seen = new Set<string>();
  const addOrder = (side: Side) => {
    for (const r of [...side.rubrics].sort((a, b) => byText(a.id, b.id))) {
      for (const c of r.criteria) {
        const key = `${r.id}\u0000${c.id}`;
        if (!seen.has(key) && (o.has(key) || n.has(key))) { seen.add(key); order.push(key); }
      }
    }
  };
  addOrder(newSide);
  addOrder(oldSide);
  const rubricOf = (key: string) => key.split('\u0000')[0]!;
  order.sort((a, b) => byText(rubricOf(a), rubricOf(b)));
  return order.map((key) => {
    const [rubric, id] = key.split('\u0000') as [string, string];
    const oldRow = o.get(key);
    const newRow = n.get(key);
    const count = (r: typeof oldRow): RateCount | null => (r ? { pass: r.pass, applicable: r.applicable, rate: r.rate } : null);
    return {
      rubric, id, title: (newRow ?? oldRow)!.title, severity: (newRow ?? oldRow)!.severity,
      old: count(oldRow), new: count(newRow),
      delta: oldRow?.rate != null && newRow?.rate != null ? round(newRow.rate - oldRow.rate, 4) : null,
    };
  });
}

function districtTotals(rows: SideDistrict[] | null): Map<string, { title: string; count: DistrictCount }> {
  const out = new Map<string, { title: string; count: DistrictCount }>();
  for (const d of rows ?? []) {
    const key = `${d.rubric_id}\u0000${d.id}`;
    const prev = out.get(key);
    const numerator = (prev?.count.numerator ?? 0) + d.numerator;
    const denominator = (prev?.count.denominator ?? 0) + d.denominator;
    const share = denominator === 0 ? null : numerator / denominator;
    const min = prev?.count.min ?? d.min;
    out.set(key, {
      title: prev?.title ?? d.title,
      count: { numerator, denominator, share: share === null ? null : round(share, 4), min, status: share === null ? 'missing' : share >= min ? 'pass' : 'fail' },
    });
  }
  return out;
}

function districtDiffs(oldSide: Side, newSide: Side): DistrictDiff[] {
  const o = districtTotals(oldSide.district);
  const n = districtTotals(newSide.district);
  const keys = [...new Set([...n.keys(), ...o.keys()])];
  return keys.map((key) => {
    const [rubric, id] = key.split('\u0000') as [string, string];
    return { rubric, id, title: (n.get(key) ?? o.get(key))!.title, old: o.get(key)?.count ?? null, new: n.get(key)?.count ?? null };
  }).sort((a, b) => byText(a.rubric, b.rubric));
}

function bandView(schools: SchoolDiff[], oldSide: Side, newSide: Side): DiffReport['bands'] {
  const moves: BandMove[] = schools
    .filter((s) => (s.old.band?.id ?? null) !== (s.new.band?.id ?? null))
    .map((s) => ({ code: s.code, name: s.name, old: s.old.band, new: s.new.band }))
    .sort((a, b) => byText(a.code, b.code));
  const labels = new Map<string, string | null>();
  for (const r of [...newSide.rubrics, ...oldSide.rubrics]) for (const b of r.bands) if (!labels.has(b.id)) labels.set(b.id, b.label);
  const counts = new Map<string, { old: number; new: number }>();
  const count = (side: Side, which: 'old' | 'new') => {
    for (const s of side.schools) {
      if (s.band === null) continue;
      const c = counts.get(s.band) ?? { old: 0, new: 0 };
      c[which] += 1;
      counts.set(s.band, c);
    }
  };
  count(oldSide, 'old');
  count(newSide, 'new');
  // Bands in the rubrics' order (highest first), then any others by id.
  const order = [...labels.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return {
    moves,
    counts: [...counts.entries()]
      .sort((a, b) => rank(a[0]) - rank(b[0]) || byText(a[0], b[0]))
      .map(([id, c]) => ({ id, label: labels.get(id) ?? null, old: c.old, new: c.new })),
  };
}

/** The whole comparison of two sides. */
export function buildDiff(oldSide: Side, newSide: Side, opts: DiffOptions): DiffReport {
  const notes: Finding[] = [];
  const oldRubrics = indexRubrics(oldSide);
  const newRubrics = indexRubrics(newSide);
  const o = byCode(oldSide, 'old', notes);
  const n = byCode(newSide, 'new', notes);

  const schools: SchoolDiff[] = [];
  for (const [code, ns] of n.map) {
    const os = o.map.get(code);
    if (os) schools.push(compareSchool(os, ns, opts.rescored?.get(code) ?? null, oldRubrics, newRubrics));
  }
  schools.sort(compareSchools);

  const sortBriefs = (xs: SchoolBrief[]) => xs.sort((a, b) => byText(a.code ?? '\uffff', b.code ?? '\uffff') || byText(a.file, b.file));
  const added = sortBriefs([...[...n.map].filter(([c]) => !o.map.has(c)).map(([, s]) => s), ...n.unmatched].map((s) => brief(s, newRubrics)));
  const removed = sortBriefs([...[...o.map].filter(([c]) => !n.map.has(c)).map(([, s]) => s), ...o.unmatched].map((s) => brief(s, oldRubrics)));

  const oldSummary = summarizeSide(oldSide);
  const newSummary = summarizeSide(newSide);
  const changes = rubricChanges(oldSummary, newSummary, oldRubrics, newRubrics);

  const oldRefs = oldSummary.rubrics.map(rubricLabel).join(', ');
  const newRefs = newSummary.rubrics.map(rubricLabel).join(', ');
  const differ = oldSummary.rubrics.map(rubricKey).join() !== newSummary.rubrics.map(rubricKey).join();
  if (differ) notes.push({ code: 'diff.note.rubrics_differ', args: { old: oldRefs, new: newRefs } });
  const rescored = schools.filter((s) => s.rescored !== null).length;
  const notRescored = schools.filter((s) => !s.same_rubric && s.rescored === null && !s.same_data).length;
  if (rescored > 0) notes.push({ code: 'diff.note.rescored_count', args: { count: rescored } });
  if (notRescored > 0) notes.push({ code: 'diff.note.no_rescore', args: { count: notRescored } });
  for (const [label, side] of [['old', oldSide], ['new', newSide]] as const) {
    for (const e of [...side.errors].sort((a, b) => byText(a.file, b.file))) {
      notes.push({ code: 'diff.note.side_error', args: { side: sideWord(label), file: e.file, message: e.message } });
    }
  }

  const all = schools.flatMap((s) => s.criteria);
  const totals: DiffTotals = {
    matched: schools.length,
    added: added.length,
    removed: removed.length,
    regressed: schools.filter((s) => s.trend === 'regressed').length,
    improved: schools.filter((s) => s.trend === 'improved').length,
    changed: schools.filter((s) => s.trend === 'changed').length,
    unchanged: schools.filter((s) => s.trend === 'unchanged').length,
    criteria_lost: all.filter((c) => c.regression).length,
    criteria_gained: all.filter((c) => c.improvement).length,
    criteria_rubric: all.filter((c) => c.reason === 'rubric' && c.change !== 'still_failing').length,
  };

  const multi = (s: Side) => s.kind === 'batch' || s.kind === 'folder' || s.kind === 'results';
  return {
    tool: { name: opts.tool.name, version: opts.tool.version },
    old: oldSummary,
    new: newSummary,
    totals,
    regression: schools.some((s) => s.regression),
    rubric_changes: changes,
    schools,
    added,
    removed,
    criteria: rateDiffs(oldSide, newSide),
    bands: bandView(schools, oldSide, newSide),
    district_criteria: districtDiffs(oldSide, newSide),
    district_view: multi(oldSide) || multi(newSide),
    notes,
  };
}
