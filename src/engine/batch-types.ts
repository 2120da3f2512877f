// The shapes of a batch summary (`audit-batch/v1`): entries (one per file under the folders), the
// ranking, pass rates, district criteria, per-district totals, shortages in numbers, flags and totals.
import type { Level } from '../inventory/fields.js';
import type { SchoolIdentity } from '../inventory/types.js';
import type { CheckStatus, CriterionStatus, Severity } from './types.js';

export const BATCH_SCHEMA = 'audit-batch/v1';

/** A rubric used in the batch, described once: a diff can then tell a rubric change from a data change. */
export interface BatchRubric {
  id: string;
  version: string;
  /** In the summary's `lang`. */
  title: string;
  sha256: string;
  issuer: string;
  document: { number: string; date: string };
  scale: 'percent' | 'points';
  bands: { id: string; min: number; label: string }[];
  criteria: { id: string; clause: string; title: string; rule: string; severity: Severity; weight: number }[];
  district_criteria: { id: string; clause: string; title: string; levels: Level[] | null; rule: string; min: number }[];
}

/** One criterion of one school, as the batch keeps it. */
export interface BatchCriterionOutcome {
  id: string;
  status: CriterionStatus;
  points: number | null;
  /** The observed value in words (summary `lang`); never a person's name. */
  actual: string | null;
}

/** A school counted by a district criterion, and whether its check passed (schools not counted are left out). */
export interface BatchDistrictOutcome { id: string; status: CheckStatus }

/** Where a school lies outside the scope of the rubric that judged it (possible with `--rubric`). */
export type ScopeMismatch = 'province' | 'district' | 'years';

/**
 * What a failing criterion lacks, as a count: `unit` is a stable id (`computers.phong_may`,
 * `equipment.webcam.all`, `teachers.elearning`…) worded by src/messages/batch.ts.
 */
export interface BatchShortage { criterion: string; unit: string; need: number; have: number; missing: number }

/**
 * A school's entry: who it is (SchoolIdentity, written first in the JSON), then how it did. `report_date`,
 * `superseded_by` and `shortages` are always written; summaries of earlier versions lack them.
 */
export interface BatchSchoolEntry extends SchoolIdentity {
  /** The input path, relative to the folder given (with its name), '/' separators. */
  file: string;
  rubric: { id: string; version: string };
  as_of: string;
  /** The workbook's `Ngày lập báo cáo` (yyyy-mm-dd), or null: decides which of two copies of a school counts. */
  report_date?: string | null;
  source_sha256: string;
  score: number | null;
  status: 'pass' | 'fail';
  /** The band's id (labels are in `rubrics[].bands`). */
  band: string | null;
  /** Rank among the schools judged by the same rubric; null without a score or when superseded. Set by combining. */
  rank: number | null;
  /** Another file of the same school code that counts instead of this one (set by combining), or null. */
  superseded_by?: string | null;
  summary: { pass: number; fail: number; missing: number; not_applicable: number; waived: number };
  /** Criteria in rubric order. */
  criteria: BatchCriterionOutcome[];
  /** Failing criteria whose gap is a count, in rubric order. */
  shortages?: BatchShortage[];
  /** District criteria of the rubric that count this school, in rubric order. */
  district_criteria: BatchDistrictOutcome[];
  data_issues: { errors: number; warnings: number };
  outside: ScopeMismatch[];
}

/** A workbook that could not be audited: unreadable, or no rubric applies (exit 3). */
export interface BatchErrorEntry {
  file: string;
  error: { code: string; message: string };
}

/**
 * A file under the folder that is not a spreadsheet (a PDF, a CSV, a note…): named, not audited.
 * `kind` is its extension (lower case, '' without one); `submission` when its name looks like a school's
 * (a school word or code), so the school can be asked to send the inventory workbook.
 */
export interface BatchNotAuditedEntry {
  file: string;
  not_audited: { kind: string; submission: boolean };
}

export type BatchEntry = BatchSchoolEntry | BatchErrorEntry | BatchNotAuditedEntry;

export const isSchoolEntry = (e: BatchEntry): e is BatchSchoolEntry => !('error' in e) && !('not_audited' in e);
export const isErrorEntry = (e: BatchEntry): e is BatchErrorEntry => 'error' in e;
export const isNotAuditedEntry = (e: BatchEntry): e is BatchNotAuditedEntry => 'not_audited' in e;

/** `id@version`: how the summary refers to a rubric. */
export type RubricRef = string;
export const rubricRef = (r: { id: string; version: string }): RubricRef => `${r.id}@${r.version}`;

export interface BatchRankRow {
  rank: number | null;
  file: string;
  code: string | null;
  name: string | null;
  score: number | null;
  status: 'pass' | 'fail';
  band: string | null;
}

export interface BatchRanking { rubric: RubricRef; schools: BatchRankRow[] }

/** Pass rate of one criterion over the schools judged by its rubric: pass / (pass + fail + missing). */
export interface BatchCriterionRate {
  rubric: RubricRef;
  id: string;
  pass: number;
  fail: number;
  missing: number;
  not_applicable: number;
  waived: number;
  applicable: number;
  rate: number | null;
}

export interface BatchDistrictResult {
  rubric: RubricRef;
  id: string;
  numerator: number;
  /** Counted schools that declared the fact (pass or fail); undeclared ones are listed in `missing`. */
  denominator: number;
  /** Counted schools that left the fact undeclared: out of the share, named so the district can ask them. */
  missing: { file: string; code: string | null; name: string | null }[];
  /** numerator / denominator; null when no school counts. */
  share: number | null;
  min: number;
  /** pass when share ≥ min; missing when no school of the batch counts. */
  status: 'pass' | 'fail' | 'missing';
}

/** A unit's shortage summed over schools: the missing count and how many schools lack it. */
export interface BatchShortageTotal { unit: string; missing: number; schools: number }

/** One Quận/Huyện of the batch (as the workbooks spell it; null: not declared), over its counted schools. */
export interface BatchAreaTotal {
  district: string | null;
  province: string | null;
  schools: number;
  pass: number;
  fail: number;
  /** pass / schools; null without schools. */
  rate: number | null;
  shortages: BatchShortageTotal[];
}

/** A school named in a flag. */
export interface FlagSchool { file: string; code: string | null; name: string | null }

export type BatchFlag =
  | { code: 'duplicate_code'; school_code: string; files: string[]; kept: string; superseded: string[] }
  | { code: 'identical_files'; sha256: string; schools: FlagSchool[] }
  | { code: 'school_year_differs'; school: FlagSchool; value: string; majority: string }
  | { code: 'other_province' | 'other_district'; school: FlagSchool; value: string; majority: string; folder: string }
  | { code: 'outside_province' | 'outside_district' | 'outside_years'; file: string; school_code: string | null; value: string | null; rubric: RubricRef }
  | { code: 'waiver_unknown_school'; school_code: string; criterion: string };

/** The options of the run that change the result: shards can be merged only when they agree. */
export interface BatchRun {
  /** `--rubric` as given, or null (chosen per school). */
  rubric: string | null;
  as_of: string | null;
  fail_under: number | null;
  /** The waivers' schools and criteria (not their reasons), to flag waivers naming a school not in the batch. */
  waivers: { school: string; criterion: string }[] | null;
}

/** Files under the folders left out of the entries, counted: Excel/LibreOffice lock files and hidden files. */
export interface BatchIgnored { lock: number; hidden: number }

export interface BatchTotals {
  /** Entries: every file under the folders but lock and hidden files. */
  files: number;
  /** Schools counted and ranked: audited files, a superseded copy of a school not counted. */
  schools: number;
  /** Audited copies not counted because another file of the same school code counts. */
  superseded: number;
  /** Workbooks that could not be audited (unreadable or no rubric). */
  errors: number;
  /** Files that are not spreadsheets, listed, not audited; `submissions` of them look like a school's. */
  not_audited: number;
  submissions: number;
  ignored: BatchIgnored;
  pass: number;
  fail: number;
  /** Schools whose score is below --fail-under (or has no score), when it is given. */
  below_fail_under: number;
  district_criteria: { pass: number; fail: number; missing: number };
  flags: number;
}

export interface BatchSummary {
  schema: typeof BATCH_SCHEMA;
  tool: { name: string; version: string };
  lang: 'vi' | 'en';
  /** Only when SOURCE_DATE_EPOCH is set. */
  generated_at?: string;
  run: BatchRun;
  /** This summary covers only the i-th of n shares of `files` sorted files; null for a whole (or merged) run. */
  shard: { index: number; count: number; files: number } | null;
  totals: BatchTotals;
  rubrics: BatchRubric[];
  /** One per file, sorted by file. */
  entries: BatchEntry[];
  ranking: BatchRanking[];
  criteria: BatchCriterionRate[];
  district_criteria: BatchDistrictResult[];
  /** Per Quận/Huyện, in name order (undeclared last). Always written; absent from earlier versions' summaries. */
  districts?: BatchAreaTotal[];
  /** Shortages summed over the counted schools, by unit. Always written; absent from earlier versions' summaries. */
  shortages?: BatchShortageTotal[];
  flags: BatchFlag[];
}

export interface BatchInput {
  tool: BatchSummary['tool'];
  lang: BatchSummary['lang'];
  generated_at?: string;
  run: BatchRun;
  shard: BatchSummary['shard'];
  ignored: BatchIgnored;
  rubrics: BatchRubric[];
  entries: BatchEntry[];
}

/** A ranking row as the renderers use it: the JSON row, plus what a table shows beside it. */
export interface BatchDigestRow extends BatchRankRow {
  district: string | null;
  province: string | null;
  school_year: string | null;
  levels: Level[];
  /** Required criteria the school fails or lacks data for, in rubric order (ids: titles are in the rubric). */
  failing_required: string[];
  /** Per unit, the largest shortage of its criteria (two criteria on lab computers do not add up). */
  shortages: BatchShortage[];
}

/** A superseded copy: who it is and which file counts instead. */
export interface BatchSupersededRow extends FlagSchool { superseded_by: string; score: number | null; status: 'pass' | 'fail' }

/**
 * Everything of the summary but its entries, plus what the renderers need from the entries: the
 * ranking rows with district, levels, failing required criteria and shortages, the files not scored,
 * the files not audited, the superseded copies, and the criterion counts of all schools (for junit.xml).
 */
export interface BatchDigest extends Omit<BatchSummary, 'entries' | 'ranking' | 'districts' | 'shortages'> {
  ranking: { rubric: RubricRef; schools: BatchDigestRow[] }[];
  districts: BatchAreaTotal[];
  shortages: BatchShortageTotal[];
  errors: BatchErrorEntry[];
  not_audited: BatchNotAuditedEntry[];
  superseded: BatchSupersededRow[];
  criterion_counts: { tests: number; pass: number; fail: number; missing: number; not_applicable: number; waived: number };
}
