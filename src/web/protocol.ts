// What the page and its worker say to each other (postMessage). Plain data only.
import type { Lang } from '../messages/format.js';

export interface RubricOption { ref: string; title: string; issuer: string | null; years: string }

export type ToWorker =
  | { type: 'hello' }
  | { type: 'run'; run: number; lang: Lang; rubric: string | null; files: { name: string; size: number; bytes: ArrayBuffer | null; timedOut?: number }[] }
  | { type: 'report'; run: number; index: number; format: 'md' | 'xlsx' | 'json' }
  | { type: 'summary'; run: number; format: 'xlsx' | 'json' | 'md' }
  | { type: 'template'; lang: Lang; rubric: string | null };

/** One criterion as the page shows it: already in words. */
export interface CriterionView {
  id: string; clause: string; title: string; severity: string; severityText: string;
  status: string; statusText: string; actual: string; expected: string; fix: string;
}

export interface SchoolView {
  title: string;
  status: 'pass' | 'fail';
  statusText: string;
  verdict: string | null;
  score: string;
  band: string | null;
  rubric: string;
  asOf: string;
  summary: string;
  toFix: CriterionView[];
  criteria: CriterionView[];
  issues: { where: string; severity: string; message: string }[];
  warnings: string[];
  deadlines: { title: string; date: string; left: string }[];
  reportStem: string;
}

export interface FileOutcome {
  index: number;
  file: string;
  /** The audit-result/v1 object (as `audit --json` prints it), or the error. */
  result?: unknown;
  view?: SchoolView;
  error?: string;
  /** No rubric could be chosen from the workbook: the page offers the list. */
  needsRubric?: boolean;
}

export interface BatchView {
  outcome: string;
  totals: { label: string; value: string }[];
  rubrics: string[];
  /** What the schools lack, in numbers ("thiếu 40 máy tính…"): the summary's first lines. */
  shortages: string[];
  areas: { district: string; province: string; schools: string; pass: string; fail: string; rate: string; shortages: string }[];
  ranking: { rank: string; code: string; name: string; district: string; score: string; band: string; status: string; statusText: string; failing: string; file: string }[];
  rates: { clause: string; title: string; severity: string; rate: string; failing: string }[];
  district: { clause: string; title: string; counted: string; value: string; min: string; status: string; statusText: string }[];
  flags: string[];
  errors: { file: string; message: string }[];
  labels: Record<string, string>;
}

export type FromWorker =
  | { type: 'ready'; rubrics: RubricOption[] }
  | { type: 'file'; run: number; outcome: FileOutcome }
  | { type: 'done'; run: number; batch: BatchView | null }
  | { type: 'download'; name: string; mime: string; bytes: Uint8Array }
  | { type: 'failed'; message: string };
