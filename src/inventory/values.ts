// Cell values → typed values (inventory.md "Values"): Vietnamese numbers, yes/no words, dates, school
// years, vocabularies. Each parser returns null for an empty cell (not declared), a value with the
// warnings to show, or the one error that makes the cell unusable. No cell refs here: the caller adds them.
import { VOCAB, type FieldDef, type VocabEntry, type VocabName } from './fields.js';
import { NameMatcher, cellText, cleanText, foldCached, isEmptyCell } from './match.js';
import type { RawCell } from './types.js';

export interface Problem { code: string; args: Record<string, string | number> }
export type Parsed<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; error: Problem };

const ok = <T>(value: T, warnings: Problem[] = []): Parsed<T> => ({ ok: true, value, warnings });
const bad = (code: string, args: Record<string, string | number>): Parsed<never> => ({ ok: false, error: { code, args } });

const errorCell = (cell: RawCell): Parsed<never> =>
  (cell.v === '' ? bad('value.formula_not_calculated', {}) : bad('value.error_cell', { value: String(cell.v) }));

// ---------- numbers ----------

const VN_GROUPED = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/; // 1.250 · 12.500.000 · 1.250,5
const SPACE_GROUPED = /^([+-]?)([1-9]\d{0,2}(?: \d{3})+)(?:,(\d+))?$/; // 1 250
const COMMA_DECIMAL = /^([+-]?)(\d+)(?:,(\d+))?$/; // 25 · 1,5
const DOT_DECIMAL = /^([+-]?)(\d*)\.(\d+)$/; // 1.5 (a decimal point: warned)
const WITH_UNIT = /^([+-]?\d[\d., ]*?)\s*(\p{L}[\p{L}\p{M}\s./²%-]*)$/u; // 25 máy · 100Mbps

function parseNumberText(text: string): { value: number; dot: boolean } | null {
  let m = VN_GROUPED.exec(text) ?? SPACE_GROUPED.exec(text);
  if (m) {
    const n = Number(`${m[2]!.replace(/[. ]/g, '')}.${m[3] ?? '0'}`);
    return { value: m[1] === '-' ? -n : n, dot: false };
  }
  m = COMMA_DECIMAL.exec(text);
  if (m) {
    const n = Number(`${m[2]}.${m[3] ?? '0'}`);
    return { value: m[1] === '-' ? -n : n, dot: false };
  }
  m = DOT_DECIMAL.exec(text);
  if (m) {
    const n = Number(`${m[2] || '0'}.${m[3]}`);
    return { value: m[1] === '-' ? -n : n, dot: true };
  }
  return null;
}

export interface NumberOptions {
  /** A unit that the label already names (e.g. `mbps`): written after the number, it is not warned about. */
  unit?: string;
}

/** A number: numeric cell, formula result, or Vietnamese-style text. */
export function parseNumber(cell: RawCell | undefined, opts: NumberOptions = {}): Parsed<number> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  if (c.t === 'n' && typeof c.v === 'number') return Number.isFinite(c.v) ? ok(c.v) : bad('value.not_a_number', { value: String(c.v) });
  const text = cellText(c);
  if (c.t !== 's') return bad('value.not_a_number', { value: text });
  const plain = parseNumberText(text);
  if (plain) return ok(plain.value, plain.dot ? [{ code: 'value.decimal_dot', args: { value: text, number: plain.value } }] : []);
  const m = WITH_UNIT.exec(text);
  if (m) {
    const num = parseNumberText(m[1]!.trim());
    if (num) {
      const warnings: Problem[] = [];
      if (num.dot) warnings.push({ code: 'value.decimal_dot', args: { value: text, number: num.value } });
      const unit = foldCached(m[2]!).replace(/ /g, '');
      if (opts.unit === undefined || unit !== opts.unit) {
        warnings.push({ code: 'value.number_with_unit', args: { value: text, number: num.value } });
      }
      return ok(num.value, warnings);
    }
  }
  return bad('value.not_a_number', { value: text });
}

/** A count: a whole number ≥ 0. */
export function parseCount(cell: RawCell | undefined): Parsed<number> | null {
  const p = parseNumber(cell);
  if (p === null || !p.ok) return p;
  const rounded = Math.round(p.value);
  // Formula results can carry float noise (24.000000000001): that is still a whole number.
  if (Math.abs(p.value - rounded) > 1e-9) return bad('value.not_whole', { value: cellText(cell) });
  if (rounded < 0) return bad('value.negative', { value: cellText(cell) });
  return ok(rounded, p.warnings);
}

// ---------- yes / no ----------

const YES_WORDS = ['Có', 'Đã', 'Rồi', 'Đạt', 'x', 'Yes', 'Y', 'True', '1'];
const NO_WORDS = ['Không', 'Chưa', 'Không có', 'No', 'N', 'False', '0'];
const YES_SYMBOLS = new Set(['✓', '✔', '☑', '✅', '√']);
const YES_NO = new NameMatcher<boolean>([...YES_WORDS.map((w) => [w, true] as const), ...NO_WORDS.map((w) => [w, false] as const)]);
/** Leading words that answer the question when followed by more text ("Có, theo QĐ số 12"). */
const LEADING_ANSWER = new Map<string, boolean>([['co', true], ['da', true], ['dat', true], ['roi', true], ['khong', false], ['chua', false]]);

/** Yes/no from a yes/no word, a checkmark, a boolean cell or 1/0. */
export function parseYesNo(cell: RawCell | undefined): Parsed<boolean> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  if (c.t === 'b') return ok(c.v === true);
  if (c.t === 'n') {
    if (c.v === 1) return ok(true);
    if (c.v === 0) return ok(false);
    return bad('value.not_yes_no', { value: cellText(c) });
  }
  const text = cellText(c);
  if (c.t !== 's') return bad('value.not_yes_no', { value: text });
  if (YES_SYMBOLS.has(text)) return ok(true);
  const folded = foldCached(text);
  const exact = YES_NO.get(folded);
  if (exact !== undefined) return ok(exact);
  const first = folded.split(' ')[0] ?? '';
  const lead = LEADING_ANSWER.get(first);
  if (lead !== undefined && folded.length > first.length) {
    // "Không có" is in NO_WORDS; "Chưa có", "Có (QĐ 15)", "Đã ban hành": the first word answers.
    return ok(lead, [{ code: lead ? 'value.read_as_yes' : 'value.read_as_no', args: { value: text } }]);
  }
  return bad('value.not_yes_no', { value: text });
}

// ---------- dates ----------

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/** Excel serial day number → YYYY-MM-DD (1900 system; serial 60, the phantom 29/02/1900, is not a date). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return null;
  // Excel counts a 29/02/1900 that never was: serials before it start one day later.
  const ms = Date.UTC(1899, 11, serial < 60 ? 31 : 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const TIME_SUFFIX = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})${TIME_SUFFIX}$`);
const YMD = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME_SUFFIX}$`);
const NGAY_THANG_NAM = /(?:^|\s)ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/;

/** A date: date cell, Excel serial, or text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, "ngày 5 tháng 9 năm 2024" (never mm/dd). */
export function parseDate(cell: RawCell | undefined): Parsed<string> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  const text = cellText(c);
  let date: string | null = null;
  if (c.t === 'd') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(c.v));
    date = m ? validDate(+m[1]!, +m[2]!, +m[3]!) : null;
  } else if (c.t === 'n' && typeof c.v === 'number') {
    date = excelSerialToDate(c.v);
    // A year typed alone (2024) is a serial in 1905: not what anyone meant.
    if (date !== null && date < '1950') date = null;
  } else if (c.t === 's') {
    let m = DMY.exec(text);
    if (m) date = validDate(+m[4]!, +m[3]!, +m[1]!);
    else if ((m = YMD.exec(text))) date = validDate(+m[1]!, +m[2]!, +m[3]!);
    else if ((m = NGAY_THANG_NAM.exec(foldCached(text)))) date = validDate(+m[3]!, +m[2]!, +m[1]!);
  }
  return date === null ? bad('value.not_a_date', { value: text }) : ok(date);
}

/** A year (equipment "Năm đưa vào sử dụng"): a 4-digit number, or the year of a date. */
export function parseYear(cell: RawCell | undefined): Parsed<number> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  const text = cellText(c);
  let year: number | null = null;
  if (c.t === 'n' && typeof c.v === 'number' && Number.isInteger(c.v)) year = c.v;
  else if (c.t === 's' && /^\d{4}$/.test(text)) year = Number(text);
  else if (c.t === 'd' || c.t === 's') {
    const d = parseDate(c);
    if (d?.ok) year = Number(d.value.slice(0, 4));
  }
  return year !== null && year >= 1950 && year <= 2200 ? ok(year) : bad('value.not_a_year', { value: text });
}

// ---------- school year ----------

const SCHOOL_YEAR = /^(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})$/;

/** `2024-2025`, `2024 - 2025`, `2024–2025`, `2024/2025` (also `2024-25`, "Năm học 2024-2025") → `2024-2025`. */
export function parseSchoolYearText(text: string): string | null {
  const t = cleanText(text).replace(/^n[aă]m\s+h[oọ]c\s*:?\s*/i, '');
  const m = SCHOOL_YEAR.exec(t);
  if (!m) return null;
  const y1 = Number(m[1]);
  const y2 = m[2]!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
  return y2 === y1 + 1 ? `${y1}-${y2}` : null;
}

export function parseSchoolYear(cell: RawCell | undefined): Parsed<string> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  const text = cellText(c);
  const y = c.t === 's' ? parseSchoolYearText(text) : null;
  return y === null ? bad('value.not_school_year', { value: text }) : ok(y);
}

// ---------- vocabularies ----------

/** One-word answers that must not be read as the start of a longer vocabulary word ("Không rõ" is not "Không bản quyền"). */
const NO_PREFIX = new Set(['co', 'khong', 'chua', 'x']);

function vocabEntries(v: VocabName): readonly VocabEntry[] {
  return VOCAB[v] as readonly VocabEntry[];
}

/** Build the matcher of a vocabulary: label, aliases, key and English label of every entry; `extra` (a mapping file's) first. */
export function buildVocabMatcher(v: VocabName, extra: Record<string, string[]> = {}): NameMatcher<string> {
  const m = new NameMatcher<string>([], NO_PREFIX);
  for (const e of vocabEntries(v)) for (const n of extra[e.key] ?? []) m.add(n, e.key, 'mapping');
  for (const e of vocabEntries(v)) for (const n of [e.vi, ...e.aliases, e.key, e.en]) m.add(n, e.key);
  return m;
}

const VOCAB_MATCHERS = new Map<VocabName, NameMatcher<string>>(
  (Object.keys(VOCAB) as VocabName[]).map((v) => [v, buildVocabMatcher(v)]),
);
export const vocabMatcher = (v: VocabName): NameMatcher<string> => VOCAB_MATCHERS.get(v)!;

const ALLOWED = new Map<VocabName, { vi: string; en: string }>(
  (Object.keys(VOCAB) as VocabName[]).map((v) => [v, {
    vi: vocabEntries(v).map((e) => e.vi).join(', '),
    en: vocabEntries(v).map((e) => e.en).join(', '),
  }]),
);
const hasOther = (v: VocabName): boolean => vocabEntries(v).some((e) => e.key === 'khac');
const labelOf = (v: VocabName, key: string): { vi: string; en: string } => {
  const e = vocabEntries(v).find((x) => x.key === key);
  return { vi: e?.vi ?? key, en: e?.en ?? key };
};

/** Separators of a list cell: `,` `;` `&` `+` `/`, new lines and the word `và`. */
const LIST_SEPARATOR = /\s*[,;&+/\n]\s*|\s+và\s+/iu;
export const splitList = (text: string): string[] => cleanText(text).split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');

/** Match one already-folded word: exactly, else by the longest known name that starts it ("máy in canon" → may_in). */
export function matchVocabFolded(m: NameMatcher<string>, folded: string): string | undefined {
  return m.get(folded) ?? m.prefix(folded)?.value;
}

/** "Giảng dạy, học tập", "dạy và học": teaching and learning computers not told apart. */
export function isMixedTeachingLearning(folded: string): boolean {
  if (/\bgiang day\b/.test(folded) && /\bhoc tap\b/.test(folded)) return true;
  return /^(?:phuc vu )?(?:day hoc|day va hoc|day hoc va hoc tap)$/.test(folded);
}

export interface VocabContext { field: FieldDef; vocab: VocabName; matcher?: NameMatcher<string> }

const fieldArgs = (f: FieldDef): Record<string, string> => ({ field: f.vi, field_en: f.en });

/** One vocabulary key from a cell. Unknown: `khac` with a warning where the vocabulary has it, else an error. */
export function parseVocab(cell: RawCell | undefined, ctx: VocabContext): Parsed<string> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  return parseVocabText(cellText(c), ctx);
}

export function parseVocabText(text: string, ctx: VocabContext): Parsed<string> {
  const m = ctx.matcher ?? vocabMatcher(ctx.vocab);
  const folded = foldCached(text);
  const exact = m.get(folded);
  if (exact !== undefined) return ok(exact);
  if (ctx.vocab === 'purpose' && isMixedTeachingLearning(folded)) {
    return ok('phong_may', [{ code: 'equipment.purpose_mixed', args: { value: text } }]);
  }
  const parts = splitList(text);
  if (parts.length > 1) {
    const keys = parts.map((p) => matchVocabFolded(m, foldCached(p))).filter((k): k is string => k !== undefined);
    if (keys.length > 0) {
      const first = keys[0]!;
      if (keys.every((k) => k === first)) return ok(first);
      const used = labelOf(ctx.vocab, first);
      return ok(first, [{ code: 'vocab.several', args: { value: text, used: used.vi, used_en: used.en, ...fieldArgs(ctx.field) } }]);
    }
  }
  const pre = m.prefix(folded);
  if (pre) return ok(pre.value);
  return unknownVocab(text, ctx);
}

function unknownVocab(text: string, ctx: VocabContext): Parsed<string> {
  if (hasOther(ctx.vocab)) return ok('khac', [{ code: 'vocab.unknown_as_other', args: { value: text, ...fieldArgs(ctx.field) } }]);
  const allowed = ALLOWED.get(ctx.vocab)!;
  return bad('vocab.unknown', { value: text, ...fieldArgs(ctx.field), allowed: allowed.vi, allowed_en: allowed.en });
}

/** A list of vocabulary keys (levels, software functions). Unknown parts: `khac`, or dropped with a warning. */
export function parseVocabList(cell: RawCell | undefined, ctx: VocabContext): Parsed<string[]> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  const text = cellText(c);
  const m = ctx.matcher ?? vocabMatcher(ctx.vocab);
  const whole = m.get(foldCached(text));
  if (whole !== undefined) return ok([whole]);
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const part of splitList(text)) {
    const k = matchVocabFolded(m, foldCached(part));
    if (k === undefined) unknown.push(part);
    else if (!keys.includes(k)) keys.push(k);
  }
  if (unknown.length === 0) return ok(keys);
  const joined = unknown.join(', ');
  if (hasOther(ctx.vocab)) {
    if (!keys.includes('khac')) keys.push('khac');
    return ok(keys, [{ code: 'vocab.unknown_as_other', args: { value: joined, ...fieldArgs(ctx.field) } }]);
  }
  if (keys.length === 0) return unknownVocab(text, ctx) as Parsed<never>;
  return ok(keys, [{ code: 'vocab.unknown_ignored', args: { value: joined, ...fieldArgs(ctx.field) } }]);
}

// ---------- text, links, e-mail ----------

/** Text as written (numbers as shown, dates as YYYY-MM-DD). */
export function parseText(cell: RawCell | undefined): Parsed<string> | null {
  if (isEmptyCell(cell)) return null;
  const c = cell!;
  if (c.t === 'e') return errorCell(c);
  return ok(cellText(c));
}

const URL_LIKE = /^(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(?:[/?#]\S*)?$/iu;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]{2,}$/;

export function parseUrl(cell: RawCell | undefined): Parsed<string> | null {
  const p = parseText(cell);
  if (p === null || !p.ok) return p;
  return URL_LIKE.test(p.value) ? p : ok(p.value, [{ code: 'value.not_a_url', args: { value: p.value } }]);
}

/** One or more e-mail addresses (separated by `,` or `;`). */
export function parseEmail(cell: RawCell | undefined): Parsed<string> | null {
  const p = parseText(cell);
  if (p === null || !p.ok) return p;
  const parts = p.value.split(/\s*[,;]\s*|\s+/).filter((s) => s !== '');
  return parts.length > 0 && parts.every((s) => EMAIL.test(s)) ? p : ok(p.value, [{ code: 'value.not_an_email', args: { value: p.value } }]);
}
