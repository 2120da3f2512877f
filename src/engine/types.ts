// Results as data. Nothing here is words: human text is a Finding ({code, args}) that
// src/messages turns into vi/en, or an I18n copied from the rubric.
import type { I18n, Level } from '../inventory/fields.js';
import type { CellRef, DataIssue } from '../inventory/types.js';

/** A sentence as data: `code` is a key of the messages catalogue, `args` its values. */
export interface Finding {
  code: string;
  args?: Record<string, FindingArg>;
}
export type FindingArg = string | number | boolean | null | string[] | Finding | Finding[];

export type CheckStatus = 'pass' | 'fail' | 'missing' | 'not_applicable';
export type CriterionStatus = CheckStatus | 'waived';
/** required: decides pass/fail; target ("phấn đấu"): measured and scored, never fails a school; recommended. */
export type Severity = 'required' | 'target' | 'recommended';
/** Order for sorting and grouping by severity. */
export const SEVERITY_ORDER: Record<Severity, number> = { required: 0, target: 1, recommended: 2 };

/** What a check kind's evaluator returns. */
export interface CheckOutcome {
  status: CheckStatus;
  /** graded checks only: points earned (others earn weight on pass, 0 otherwise). */
  points?: number;
  actual: Finding | null;
  expected: Finding | null;
  /** On fail (and missing): what to do, in plain words ("thiếu 10 máy tính phòng máy: cần 50, có 40"). */
  gap: Finding | null;
  cells: CellRef[];
  /** On fail, when the gap is a count: how many of what are needed, had and missing (batch totals). */
  shortages?: Shortage[];
}

/**
 * A gap as a count: `unit` is a stable id (`computers.phong_may`, `equipment.webcam.all`,
 * `teachers.elearning`…), worded only in src/messages; missing = need − have > 0.
 */
export interface Shortage { unit: string; need: number; have: number; missing: number }

export interface CriterionResult {
  id: string;
  clause: string;
  title: I18n;
  quote: string | null;
  /** `summary`: `quote` is our summary of a related source known only as a summary, not its words. */
  quote_kind?: 'summary';
  source: string | null;
  hint: I18n | null;
  severity: Severity;
  weight: number;
  status: CriterionStatus;
  /** null when not_applicable or waived. */
  points: number | null;
  /** The rule in short, language-neutral words ("computers.quan_ly >= 2"): diffs compare it. */
  rule: string;
  actual: Finding | null;
  expected: Finding | null;
  /** One sentence saying what the status means for this criterion. */
  message: Finding;
  gap: Finding | null;
  cells: CellRef[];
  waiver: { reason: string; approved_by: string | null; expires: string } | null;
  /** Set only when the criterion fails and its gap is a count (not in the result JSON). */
  shortages?: Shortage[];
}

export interface ScoreBand { id: string; label: I18n }

export interface GroupResult {
  id: string; score: number | null; band: ScoreBand | null;
  /** The rubric's `scoring.groups[].title`, for the human reports (the result JSON keeps id, score, band). */
  title?: I18n;
}

/** The rubric's pass rule (`scoring.pass`), so reports can say why a school passes or fails. */
export interface PassRule { min_score: number | null; all_required: boolean; /** Where the pass line comes from. */ note?: I18n }

export interface Warning { code: string; args?: Record<string, FindingArg> }

export interface DeadlineResult { id: string; date: string; title: I18n; days_left: number }

export interface AuditResult {
  tool: { name: string; version: string };
  rubric: {
    id: string; version: string; title: I18n; sha256: string;
    issuer: string; document: { number: string; date: string };
  };
  school: {
    code: string | null; name: string | null; province: string | null; district: string | null;
    school_year: string | null; levels: Level[];
  };
  source: { file: string; sha256: string };
  as_of: string;
  score: number | null;
  status: 'pass' | 'fail';
  band: ScoreBand | null;
  groups: GroupResult[];
  /** Copied from the rubric by the engine (absent in results built elsewhere); not part of the result JSON. */
  pass_rule?: PassRule;
  /** Whether the rubric defines bands (absent: unknown); reports show a band line only when it does. Not in the JSON. */
  has_bands?: boolean;
  summary: { pass: number; fail: number; missing: number; not_applicable: number; waived: number };
  criteria: CriterionResult[];
  data_issues: DataIssue[];
  warnings: Warning[];
  deadlines: DeadlineResult[];
}

/** An accepted exception (rubric.md "Waivers"): `school` is a school code or "*"; `expires` the last day it holds. */
export interface Waiver {
  school: string;
  criterion: string;
  reason: string;
  approved_by?: string;
  expires: string;
}
