// The shape of a comparison (`DiffReport`): per school what changed and why, schools added and removed,
// pass rates over the schools on both sides, bands and district criteria, notes. Renderers read only this.
import type { Lang } from '../../messages/format.js';
import type { CriterionStatus, Finding, Severity } from '../types.js';
import type { CriterionDef, RubricRef, SideKind, SideSchool } from './side.js';

export const DIFF_SCHEMA = 'audit-diff/v1';

/**
 * lost / gained: pass ↔ not met; still_failing: not met on both sides; changed: any other status or
 * points change; value: same status, another observed value (45 → 58 lab computers); added / removed:
 * the criterion exists on one side only.
 */
export type CriterionChange = 'lost' | 'gained' | 'still_failing' | 'changed' | 'value' | 'added' | 'removed';
/**
 * Why a criterion's outcome changed: the school's data, the rubric (rule, weight or severity changed, or the
 * criterion was added or removed), both (told apart by re-scoring the old data), the school year (a
 * criterion of some school years only, now in or out of its scope), a waiver that appeared or ended, only
 * the assessment date (same data, same rubric), or whether it applies at all changed and the rubric is not
 * at hand to tell year from data.
 */
export type ChangeReason = 'data' | 'rubric' | 'data_and_rubric' | 'year' | 'waiver_added' | 'waiver_ended' | 'as_of' | 'applicability';
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
  /** Why, in sentences that never restate the status or the values (those are old/new). */
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
  /** Changed criteria, value changes and those still failing, in report order. */
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
/** A criterion's pass rate over the schools present on both sides (DiffReport.rates_schools of them). */
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
  /** Schools, each counted once (a code sent in several files is one school). */
  schools: number;
  pass: number;
  fail: number;
  /** Files left out because another file of the same school code was compared instead. */
  superseded: { code: string; file: string; kept: string }[];
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
  /** Criteria whose outcome changed because the rubric (or the school year's place in its scope) changed. */
  criteria_rubric: number;
  /** Criteria with the same outcome and another observed value. */
  criteria_values: number;
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
  /** Pass rates per criterion over the schools present on both sides only. */
  criteria: CriterionRateDiff[];
  /** How many schools the pass rates are over (= totals.matched). */
  rates_schools: number;
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
