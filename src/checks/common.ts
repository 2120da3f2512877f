// What the check kinds share: how a metric's value and a metric's absence are shown (as findings),
// the labels of metrics and sheets, and the outcome of a check whose data is missing.
import {
  FUNCTIONS, INFO_FIELDS, KINDS, LEVELS, PURPOSES, SHEETS, VOCAB,
  type SheetKey, type VocabEntry,
} from '../inventory/fields.js';
import type { CellRef } from '../inventory/types.js';
import type { CheckOutcome, Finding, FindingArg } from '../engine/types.js';
import { metricType } from '../engine/metrics.js';
import { roundHalfUp1 } from '../engine/score.js';
import type { MetricValue } from './types.js';

export type Messages = Record<string, { vi: string; en: string }>;

const entry = (vocab: keyof typeof VOCAB, key: string): VocabEntry =>
  (VOCAB[vocab] as VocabEntry[]).find((e) => e.key === key)!;
/** Lower-case the first letter, except in an acronym (GDTX, UPS). */
const lower = (s: string): string =>
  /^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

// ---------- labels of metrics and sheets (nested findings: `{ code: 'metric.wifi' }`) ----------

const COMPUTERS_OF: Record<string, { vi: string; en: string }> = {
  all: { vi: 'máy tính', en: 'computers' },
  quan_ly: { vi: 'máy tính quản lý', en: 'management computers' },
  phong_may: { vi: 'máy tính phòng máy', en: 'lab computers' },
  giao_vien: { vi: 'máy tính giáo viên', en: 'teacher computers' },
  lop_hoc: { vi: 'máy tính lớp học', en: 'classroom computers' },
  thu_vien: { vi: 'máy tính thư viện', en: 'library computers' },
  khac: { vi: 'máy tính khác', en: 'other computers' },
};

function metricLabels(): Messages {
  const m: Messages = {};
  for (const f of INFO_FIELDS) m[`metric.${f.key}`] = { vi: f.vi, en: f.en };
  m['metric.students.total'] = { vi: 'Tổng số học sinh', en: 'Total students' };
  for (const l of LEVELS) {
    const e = entry('levels', l);
    m[`metric.students.${l}`] = { vi: `Số học sinh ${lower(e.vi)}`, en: `${e.en} students` };
  }
  m['metric.computers.all'] = { vi: 'Máy tính đang hoạt động', en: 'Working computers' };
  for (const p of PURPOSES) {
    const c = COMPUTERS_OF[p]!;
    m[`metric.computers.${p}`] = { vi: `Máy tính ${c.vi.slice('máy tính '.length)}`, en: `${c.en.charAt(0).toUpperCase()}${c.en.slice(1)}` };
  }
  m['metric.computers.per_lab'] = { vi: 'Số máy tính mỗi phòng máy', en: 'Computers per lab' };
  for (const k of KINDS) {
    const e = entry('kind', k);
    m[`metric.equipment.${k}.all`] = { vi: `${e.vi} đang hoạt động`, en: `${e.en} (working)` };
    for (const p of PURPOSES) {
      const pe = entry('purpose', p);
      m[`metric.equipment.${k}.${p}`] = { vi: `${e.vi} phục vụ ${lower(pe.vi)}`, en: `${e.en} for ${lower(pe.en)}` };
    }
  }
  Object.assign(m, {
    'metric.teachers.count': { vi: 'Số giáo viên', en: 'Teachers' },
    'metric.teachers.elearning_share': { vi: 'Tỷ lệ giáo viên có bài giảng e-Learning', en: 'Share of teachers with an e-learning lesson' },
    'metric.teachers.it_standard_share': { vi: 'Tỷ lệ giáo viên đạt chuẩn kỹ năng sử dụng CNTT', en: 'Share of teachers meeting the IT skills standard' },
    'metric.teachers.it_trained_share': { vi: 'Tỷ lệ giáo viên được bồi dưỡng CNTT trong năm', en: 'Share of teachers trained in IT this year' },
    'metric.teachers.uses_it_share': { vi: 'Tỷ lệ giáo viên sử dụng CNTT trong công tác, giảng dạy', en: 'Share of teachers using IT at work' },
    'metric.groups.count': { vi: 'Số tổ chuyên môn', en: 'Subject groups' },
    'metric.groups.computers_per_group': { vi: 'Số máy tính giáo viên mỗi tổ chuyên môn', en: 'Teacher computers per subject group' },
    'metric.software.unlicensed': { vi: 'Số phần mềm không bản quyền đang sử dụng', en: 'Unlicensed software in use' },
  });
  for (const fn of FUNCTIONS) {
    const e = entry('function', fn);
    m[`metric.software.${fn}`] = { vi: `Phần mềm ${lower(e.vi)}`, en: `${e.en} software` };
  }
  for (const s of SHEETS) m[`sheet.${s.key}`] = { vi: s.vi, en: s.en };
  for (const [p, c] of Object.entries(COMPUTERS_OF)) m[`computers_of.${p}`] = c;
  return m;
}

/** Labels of every metric (`metric.<name>`), sheet (`sheet.<key>`) and computer purpose (`computers_of.<p>`). */
export const LABEL_MESSAGES: Messages = metricLabels();

export const metricLabel = (name: string): Finding => ({ code: `metric.${name}` });
export const sheetLabel = (key: SheetKey): Finding => ({ code: `sheet.${key}` });
export const computersOf = (purpose: string | undefined): Finding => ({ code: `computers_of.${purpose ?? 'all'}` });

// ---------- values ----------

const VOCAB_VALUE: Messages = Object.fromEntries(
  Object.keys(VOCAB).map((v) => [`value.vocab.${v}`, { vi: `{value|vocab:${v}}`, en: `{value|vocab:${v}}` }]),
);

/** Operators as shown to people (language-neutral symbols). */
export const OP_SYMBOL: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };

export const VALUE_MESSAGES: Messages = {
  'value.number': { vi: '{value}', en: '{value}' },
  'value.percent': { vi: '{value}%', en: '{value}%' },
  'value.yes': { vi: 'có', en: 'yes' },
  'value.no': { vi: 'không', en: 'no' },
  'value.declared': { vi: 'đã khai báo', en: 'declared' },
  'value.plain': { vi: '{value}', en: '{value}' },
  'value.not_declared': { vi: 'chưa khai báo', en: 'not declared' },
  'value.invalid': { vi: 'không đọc được', en: 'unreadable' },
  'value.sheet_missing': { vi: 'thiếu trang {sheet}', en: 'sheet {sheet} missing' },
  'value.zero_denominator': { vi: 'không tính được ({denominator} bằng 0)', en: 'cannot be computed ({denominator} is 0)' },
  'value.op': { vi: '{op} {value}', en: '{op} {value}' },
  ...VOCAB_VALUE,
  // joining findings
  'list.semicolon': { vi: '{a}; {b}', en: '{a}; {b}' },
  'list.and': { vi: '{a} và {b}', en: '{a} and {b}' },
  'list.or': { vi: '{a} hoặc {b}', en: '{a} or {b}' },
};

/** Round to one decimal, half up, without binary noise (0.15 → 0.2). */
export const round1 = roundHalfUp1;

/** A value of this metric as people should read it. Text is never shown (it may be a person's name). */
export function showValue(name: string, v: number | boolean | string | string[]): Finding {
  const t = metricType(name);
  if (typeof v === 'boolean') return { code: v ? 'value.yes' : 'value.no' };
  if (t === 'share' && typeof v === 'number') return { code: 'value.percent', args: { value: round1(v * 100) } };
  if (typeof v === 'number') return { code: 'value.number', args: { value: v } };
  if (typeof t === 'object') return { code: `value.vocab.${t.vocab}`, args: { value: v } };
  if (t === 'date') return { code: 'value.plain', args: { value: v } };
  const present = Array.isArray(v) ? v.length > 0 : v.trim() !== '';
  return { code: present ? 'value.declared' : 'value.not_declared' };
}

/** A literal of a rubric (the `value` of a compare, a band's `min`) shown like the metric it is compared to. */
export const showLiteral = (name: string, v: number | boolean | string): Finding =>
  metricType(name) === 'text' && typeof v === 'string' ? { code: 'value.plain', args: { value: v } } : showValue(name, v);

export const cellText = (c: CellRef): string => `${c.sheet}!${c.cell}`;

/** How a missing metric's value shows (`actual`). */
export function showMissing(m: Extract<MetricValue, { state: 'missing' }>): Finding {
  switch (m.reason) {
    case 'sheet_missing': return { code: 'value.sheet_missing', args: { sheet: sheetLabel(m.sheet ?? 'info') } };
    case 'zero_denominator': return { code: 'value.zero_denominator', args: { denominator: metricLabel(m.denominator ?? 'teachers.count') } };
    default: return { code: `value.${m.reason}` };
  }
}

export const MISSING_MESSAGES: Messages = {
  'missing.not_declared': { vi: 'chưa khai báo {metric} (trang {sheet})', en: '{metric} is not declared (sheet {sheet})' },
  'missing.not_declared_at': { vi: 'chưa khai báo đủ dữ liệu cho {metric}: xem ô {cells}', en: '{metric}: data not declared, see cell {cells}' },
  'missing.invalid': { vi: '{metric}: sửa ô không đọc được {cells}', en: '{metric}: fix the unreadable cell {cells}' },
  'missing.sheet_missing': { vi: 'tệp kiểm kê thiếu trang {sheet}, cần để tính {metric}', en: 'the workbook has no sheet {sheet}, needed for {metric}' },
  'missing.zero_denominator': { vi: 'không tính được {metric} vì {denominator} bằng 0', en: '{metric} cannot be computed: {denominator} is 0' },
};

/** What to do about a missing metric (`gap`). */
export function missingGap(name: string, m: Extract<MetricValue, { state: 'missing' }>): Finding {
  const metric = metricLabel(name);
  const cells = m.cells.map(cellText);
  switch (m.reason) {
    case 'sheet_missing': return { code: 'missing.sheet_missing', args: { metric, sheet: sheetLabel(m.sheet ?? 'info') } };
    case 'zero_denominator': return { code: 'missing.zero_denominator', args: { metric, denominator: metricLabel(m.denominator ?? 'teachers.count') } };
    case 'invalid': return { code: 'missing.invalid', args: { metric, cells } };
    case 'not_declared':
      return cells.length > 0
        ? { code: 'missing.not_declared_at', args: { metric, cells } }
        : { code: 'missing.not_declared', args: { metric, sheet: sheetLabel(m.sheet ?? 'info') } };
  }
}

/** The outcome of a check that cannot be judged because a metric is missing. */
export function missingOutcome(name: string, m: Extract<MetricValue, { state: 'missing' }>, expected: Finding | null): CheckOutcome {
  return { status: 'missing', actual: showMissing(m), expected, gap: missingGap(name, m), cells: m.cells };
}

/** Join findings two by two with a joining code (`list.and` …); null when there is nothing to join. */
export function joinFindings(parts: (Finding | null)[], code: 'list.semicolon' | 'list.and' | 'list.or'): Finding | null {
  const xs = parts.filter((p): p is Finding => p !== null);
  if (xs.length === 0) return null;
  return xs.slice(1).reduce<Finding>((a, b) => ({ code, args: { a, b } }), xs[0]!);
}

/** Codes of a finding and of every finding nested in its args (for tests and lint). */
export function findingCodes(f: Finding | null | undefined): string[] {
  if (!f) return [];
  const out = [f.code];
  const visit = (a: FindingArg | undefined): void => {
    if (Array.isArray(a)) (a as FindingArg[]).forEach(visit);
    else if (a && typeof a === 'object') out.push(...findingCodes(a as Finding));
  };
  Object.values(f.args ?? {}).forEach(visit);
  return out;
}

/** Messages every kind may emit (values, joins and missing data). */
export const COMMON_MESSAGES: Messages = { ...VALUE_MESSAGES, ...MISSING_MESSAGES };
