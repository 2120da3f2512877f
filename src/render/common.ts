// What every renderer needs from a result, computed once: words for statuses and findings,
// stable orders for the lists, status colours. Shared by the per-school, batch and diff renderers.
import { LEVELS, type I18n, type Level } from '../inventory/fields.js';
import type { CellRef, DataIssue } from '../inventory/types.js';
import type { AuditResult, CriterionResult, CriterionStatus, DeadlineResult, Finding, GroupResult, Severity, Warning } from '../engine/types.js';
import { SEVERITY_ORDER } from '../engine/types.js';
import { format, formatFixed, vocabLabel, type Lang } from '../messages/format.js';
import { reportLabel, type ReportLabel } from '../messages/report.js';

export type { Lang };

export interface RenderOptions {
  lang: Lang;
  /** Colours (terminal only); the CLI decides from TTY / NO_COLOR / --no-color. */
  color: boolean;
  /** ISO timestamp; given only when SOURCE_DATE_EPOCH is set, so reports stay byte-identical otherwise. */
  generatedAt?: string;
}

export const CRITERION_STATUSES: readonly CriterionStatus[] = ['pass', 'fail', 'missing', 'not_applicable', 'waived'];

/** A rubric text in `lang`, falling back to Vietnamese. */
export const pick = (t: I18n, lang: Lang): string => (lang === 'en' ? t.en ?? t.vi : t.vi);

export const say = (f: Finding | null, lang: Lang): string | null => (f ? format(f, lang) : null);

export const statusWord = (s: CriterionStatus, lang: Lang): string => reportLabel(`status.${s}`, lang);
/** Severities, `target` included (a measured target: counted in the score, never makes a school fail). */
export type SeverityKey = Severity;
export { SEVERITY_ORDER };
/** Severities in the order criteria are grouped in: what makes a school fail first. */
export const SEVERITIES = (Object.keys(SEVERITY_ORDER) as Severity[]).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);
/** A criterion's status in words: a target not reached is "Chưa đạt chỉ tiêu phấn đấu", never "Không đạt". */
export const criterionStatusWord = (c: Pick<CriterionResult, 'status' | 'severity'>, lang: Lang): string =>
  c.severity === 'target' && c.status === 'fail' ? reportLabel('status.target_not_met', lang) : statusWord(c.status, lang);
export const severityWord = (s: Severity, lang: Lang): string => reportLabel(`severity.${s}`, lang);
/** The words a criterion cites: the directive's quote, or our summary of a related source, said to be one. */
export const quoteText = (c: Pick<CriterionResult, 'quote' | 'quote_kind'>, lang: Lang): string | null =>
  c.quote === null ? null : c.quote_kind === 'summary' ? reportLabel('quote.summary', lang, { text: c.quote }) : c.quote;
export const issueSeverityWord = (s: 'error' | 'warning', lang: Lang): string => reportLabel(`issue.${s}`, lang);

/** 'YYYY-MM-DD' in the reader's convention (vi: dd/mm/yyyy); anything else is shown as is. */
export function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? reportLabel('date', lang, { y: m[1]!, m: m[2]!, d: m[3]! }) : iso;
}

/** Score with one decimal, or the "not computable" sentence. */
export const scoreText = (score: number | null, lang: Lang): string =>
  score === null ? reportLabel('score.none', lang) : formatFixed(score, 1, lang);

export const bandText = (band: { label: I18n } | null, lang: Lang): string =>
  band ? pick(band.label, lang) : reportLabel('band.none', lang);

/** Show a band (school or group) only when the rubric has bands; a result that does not say is shown as before. */
export const showsBand = (r: AuditResult): boolean => r.has_bands !== false;

/** A group as people know it: the rubric's title, else its id. */
export const groupName = (g: GroupResult, lang: Lang): string => (g.title ? pick(g.title, lang) : g.id);

/** A group's score, with its band when the rubric has bands. */
export const groupValue = (r: AuditResult, g: GroupResult, lang: Lang): string => showsBand(r)
  ? reportLabel('group.value', lang, { score: scoreText(g.score, lang), band: bandText(g.band, lang) })
  : scoreText(g.score, lang);

export const notMet = (c: CriterionResult): boolean => c.status === 'fail' || c.status === 'missing';

/** Failing and missing criteria, required ones first, then targets, rubric order within each severity. */
export function criteriaToFix(criteria: readonly CriterionResult[]): { required: CriterionResult[]; target: CriterionResult[]; recommended: CriterionResult[] } {
  const open = criteria.filter(notMet);
  return {
    required: open.filter((c) => c.severity === 'required'),
    target: open.filter((c) => c.severity === 'target'),
    recommended: open.filter((c) => c.severity === 'recommended'),
  };
}

/** The criteria not met grouped by severity in SEVERITY_ORDER (empty groups left out), rubric order within each. */
export function openBySeverity(criteria: readonly CriterionResult[]): { severity: Severity; criteria: CriterionResult[] }[] {
  const open = criteria.filter(notMet);
  return SEVERITIES
    .map((severity) => ({ severity, criteria: open.filter((c) => c.severity === severity) }))
    .filter((g) => g.criteria.length > 0);
}

/** "a", "a và b", "a, b và c". */
function joinReasons(parts: string[], lang: Lang): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return reportLabel('verdict.join_last', lang, { a: parts.slice(0, -1).join(', '), b: parts.at(-1)! });
}

const counted = (key: 'required_fail' | 'required_missing' | 'and_missing' | 'recommended_open' | 'open', count: number, lang: Lang): string =>
  count === 1 ? reportLabel(`verdict.${key}_one`, lang) : reportLabel(`verdict.${key}`, lang, { count });

/**
 * One sentence saying why the school passes or fails, from the rubric's pass rule (rubric.md "Scoring"):
 * "Không đạt vì 5 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 72.3 dưới mức đạt 80."
 * Null when the result does not carry the rule, or the rule explains nothing.
 */
export function verdictText(r: AuditResult, lang: Lang): string | null {
  const v = verdictReason(r, lang);
  // Where the pass line comes from, when the rubric says (a standard with bands only).
  const note = r.pass_rule?.note ? reportLabel('verdict.pass_line', lang, { note: pick(r.pass_rule.note, lang) }) : null;
  return v && note ? `${v} ${note}` : v ?? note;
}

function verdictReason(r: AuditResult, lang: Lang): string | null {
  const rule = r.pass_rule;
  if (!rule) return null;
  const { required, target, recommended } = criteriaToFix(r.criteria);
  const reqFail = required.filter((c) => c.status === 'fail').length;
  const reqMissing = required.length - reqFail;
  const judgedScore = rule.min_score !== null && r.score !== null;
  const score = r.score === null ? '' : scoreText(r.score, lang);

  if (r.status === 'fail') {
    const reasons: string[] = [];
    if (rule.all_required && reqFail > 0) reasons.push(counted('required_fail', reqFail, lang));
    if (rule.all_required && reqMissing > 0) reasons.push(counted(reqFail > 0 ? 'and_missing' : 'required_missing', reqMissing, lang));
    if (judgedScore && r.score! < rule.min_score!) reasons.push(reportLabel('verdict.score_below', lang, { score, min: rule.min_score! }));
    return reasons.length ? reportLabel('verdict.fail', lang, { reasons: joinReasons(reasons, lang) }) : null;
  }
  const reasons: string[] = [];
  if (rule.all_required && r.criteria.some((c) => c.severity === 'required')) reasons.push(reportLabel('verdict.required_ok', lang));
  if (judgedScore) reasons.push(reportLabel('verdict.score_ok', lang, { score, min: rule.min_score! }));
  // Without all_required a failing required criterion is as open as a recommended one. Targets never make a
  // school fail: they are named apart ("2 chỉ tiêu phấn đấu và 3 tiêu chí khuyến khích chưa đạt").
  const openCount = rule.all_required ? recommended.length : required.length + recommended.length;
  const openRec = openCount === 0 ? null : rule.all_required ? counted('recommended_open', openCount, lang) : counted('open', openCount, lang);
  const openTarget = target.length === 0 ? null
    : target.length === 1 ? reportLabel('verdict.target_open_one', lang) : reportLabel('verdict.target_open', lang, { count: target.length });
  const open = openTarget && openRec ? joinReasons([openTarget, openRec], lang) : openTarget ?? openRec;
  if (reasons.length === 0) return open ? reportLabel('verdict.pass_only_open', lang, { open }) : null;
  const text = joinReasons(reasons, lang);
  return open ? reportLabel('verdict.pass_open', lang, { reasons: text, open }) : reportLabel('verdict.pass', lang, { reasons: text });
}

export const levelsText = (levels: readonly Level[], lang: Lang): string =>
  sortLevels(levels).map((l) => vocabLabel('levels', l, lang)).join(', ');

export const sortLevels = (levels: readonly Level[]): Level[] =>
  [...levels].sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b));

export const summaryText = (s: AuditResult['summary'], lang: Lang): string => reportLabel('summary.counts', lang, { ...s });

export function daysLeftText(days: number, lang: Lang): string {
  if (days === 0) return reportLabel('deadline.today', lang);
  return days > 0 ? reportLabel('deadline.days_left', lang, { days }) : reportLabel('deadline.overdue', lang, { days: -days });
}

/**
 * The criterion's message in words; a waived criterion's message always carries the waiver's
 * reason (added unless the engine's sentence already says it).
 */
export function criterionMessage(c: CriterionResult, lang: Lang): string {
  const text = format(c.message, lang);
  if (c.status !== 'waived' || !c.waiver || text.includes(c.waiver.reason)) return text;
  return reportLabel('message.with_waiver', lang, { message: text, reason: c.waiver.reason });
}

/** The waiver in words: reason, approver, expiry. */
export function waiverText(w: NonNullable<CriterionResult['waiver']>, lang: Lang): string {
  const expires = dateText(w.expires, lang);
  return w.approved_by
    ? reportLabel('waiver.detail', lang, { reason: w.reason, approved_by: w.approved_by, expires })
    : reportLabel('waiver.detail_unapproved', lang, { reason: w.reason, expires });
}

/** Why a criterion is not scored (waived: the waiver's reason; not applicable: its message). */
export const skipReason = (c: CriterionResult, lang: Lang): string =>
  c.status === 'waived' && c.waiver ? c.waiver.reason : criterionMessage(c, lang);

/** What a failing or missing criterion lacks: its gap, else its message. */
export const gapOrMessage = (c: CriterionResult, lang: Lang): string => say(c.gap, lang) ?? criterionMessage(c, lang);

export const cellRefText = (r: CellRef): string => `${r.sheet}!${r.cell}`;

// ---------- Stable orders ("criteria in rubric order, other lists sorted") ----------

const SHEET_ORDER = ['Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên'];

/** 'D14' → [14, 4]; anything else sorts after real cells, by text. */
/** Sort keys of the cell references met so far: sorting compares each reference many times. */
const cellKeys = new Map<string, readonly [number, number]>();

function cellKey(cell: string | null): readonly [number, number] {
  if (cell === null) return [-1, 0];
  let k = cellKeys.get(cell);
  if (k === undefined) {
    if (cellKeys.size >= 50_000) cellKeys.clear();
    cellKeys.set(cell, (k = spellCellKey(cell)));
  }
  return k;
}

function spellCellKey(cell: string): [number, number] {
  const m = cell ? /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(cell) : null;
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

const cmpText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function cmpSheet(a: string, b: string): number {
  const ia = SHEET_ORDER.indexOf(a), ib = SHEET_ORDER.indexOf(b);
  if (ia !== ib) return (ia < 0 ? SHEET_ORDER.length : ia) - (ib < 0 ? SHEET_ORDER.length : ib);
  return cmpText(a, b);
}

/** Workbook order of sheets, then row, then column. Null cells (a whole sheet or column) first. */
export function cmpCell(a: { sheet: string; cell: string | null }, b: { sheet: string; cell: string | null }): number {
  const s = cmpSheet(a.sheet, b.sheet);
  if (s) return s;
  const [ra, ca] = cellKey(a.cell), [rb, cb] = cellKey(b.cell);
  return ra - rb || ca - cb || cmpText(a.cell ?? '', b.cell ?? '');
}

export const sortedCells = (cells: readonly CellRef[]): CellRef[] => {
  const seen = new Set<string>();
  return [...cells].sort(cmpCell).filter((c) => {
    const k = cellRefText(c);
    return seen.has(k) ? false : (seen.add(k), true);
  });
};

/**
 * Cells for people: in workbook order, a run of consecutive rows of one column as a range
 * ("Giáo viên!C3:C58" rather than 56 cells). The JSON keeps every cell.
 */
export function cellsText(cells: readonly CellRef[]): string {
  const runs: { sheet: string; col: string; from: number; to: number }[] = [];
  const loose: CellRef[] = [];
  for (const c of sortedCells(cells)) {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(c.cell);
    if (!m) { loose.push(c); continue; }
    const [col, row] = [m[1]!, Number(m[2])];
    const run = runs.find((x) => x.sheet === c.sheet && x.col === col && x.to === row - 1);
    if (run) run.to = row;
    else runs.push({ sheet: c.sheet, col, from: row, to: row });
  }
  const items = [
    ...loose.map((c) => ({ sheet: c.sheet, cell: c.cell, text: cellRefText(c) })),
    ...runs.map((x) => ({
      sheet: x.sheet, cell: `${x.col}${x.from}`,
      text: x.from === x.to ? `${x.sheet}!${x.col}${x.from}` : `${x.sheet}!${x.col}${x.from}:${x.col}${x.to}`,
    })),
  ];
  return items.sort(cmpCell).map((i) => i.text).join(', ');
}

/** Data issues in sheet/cell order; the message breaks remaining ties so the order never depends on input order. */
export interface IssueView { severity: 'error' | 'warning'; sheet: string; cell: string | null; code: string; message: string }
export function issueViews(issues: readonly DataIssue[], lang: Lang): IssueView[] {
  return issues
    .map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: format(i, lang) }))
    .sort((a, b) => cmpCell(a, b) || cmpText(a.code, b.code) || cmpText(a.message, b.message) || cmpText(a.severity, b.severity));
}

export const issueWhere = (i: { sheet: string; cell: string | null }): string => (i.cell ? `${i.sheet}!${i.cell}` : i.sheet);

export interface WarningView { code: string; message: string }
export const warningViews = (ws: readonly Warning[], lang: Lang): WarningView[] =>
  ws.map((w) => ({ code: w.code, message: format(w, lang) }))
    .sort((a, b) => cmpText(a.code, b.code) || cmpText(a.message, b.message));

export interface DeadlineView { id: string; date: string; title: string; days_left: number }
export const deadlineViews = (ds: readonly DeadlineResult[], lang: Lang): DeadlineView[] =>
  ds.map((d) => ({ id: d.id, date: d.date, title: pick(d.title, lang), days_left: d.days_left }))
    .sort((a, b) => cmpText(a.date, b.date) || cmpText(a.id, b.id));

/** Deadlines still ahead (or today), for the human reports; the JSON keeps them all. */
export const upcoming = (ds: readonly DeadlineView[]): DeadlineView[] => ds.filter((d) => d.days_left >= 0);

// ---------- Status colours (Excel fills and terminal colours share one palette) ----------

export interface StatusStyle { fill: string; font: string; ansi: 'green' | 'red' | 'yellow' | 'gray' | 'cyan' }
export const STATUS_STYLE: Record<CriterionStatus, StatusStyle> = {
  pass: { fill: 'C6EFCE', font: '006100', ansi: 'green' },
  fail: { fill: 'FFC7CE', font: '9C0006', ansi: 'red' },
  missing: { fill: 'FFEB9C', font: '9C5700', ansi: 'yellow' },
  not_applicable: { fill: 'EDEDED', font: '595959', ansi: 'gray' },
  waived: { fill: 'DDEBF7', font: '1F4E78', ansi: 'cyan' },
};

/** School as "name (code …)", falling back to whichever is known, then to the source file. */
export function schoolTitle(r: AuditResult, lang: Lang): string {
  const { code, name } = r.school;
  if (code && name) return reportLabel('school.value', lang, { name, code });
  return name ?? code ?? r.source.file;
}

/** The school's identity and the workbook it came from, as report fields (Markdown and the xlsx "Chi tiết" sheet). */
export function schoolFacts(r: AuditResult, lang: Lang): [ReportLabel, string][] {
  const unknown = reportLabel('unknown', lang);
  return [
    ['field.school_code', r.school.code ?? unknown],
    ['field.school_name', r.school.name ?? unknown],
    ['field.province', r.school.province ?? unknown],
    ['field.district', r.school.district ?? unknown],
    ['field.school_year', r.school.school_year ?? unknown],
    ['field.levels', r.school.levels.length ? levelsText(r.school.levels, lang) : unknown],
    ['field.source', r.source.file],
    ['field.source_sha256', r.source.sha256],
    ['field.as_of', dateText(r.as_of, lang)],
  ];
}
