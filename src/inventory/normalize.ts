// RawWorkbook → Inventory (inventory.md): every value with its cell, every problem as a DataIssue.
// A bad cell only affects what uses it (Val ok:false, the row stays); empty is "not declared", and the
// only defaults are the spec's (status → hoat_dong, other kinds' purpose → khac, in_use → yes,
// e-learning → 0, the tick-box habit of yes/no columns).
import {
  COMPUTER_KINDS, EQUIPMENT_COLUMNS, INFO_FIELDS, SHEETS, SOFTWARE_COLUMNS, TEACHER_COLUMNS,
  type DeviceStatus, type FieldDef, type Kind, type License, type Purpose, type SheetDef, type SheetKey,
  type SoftwareFunction, type VocabName,
} from './fields.js';
import {
  IGNORED, MergeIndex, NameMatcher, STT, buildColumnMatcher, buildLabelMatcher, buildSheetMatcher, cellRef, cellText,
  cleanText, columnName, findHeaderRow, findLabelLayout, findYesNoColumns, foldCached, isEmptyCell, mapHeader, matchSheetName,
  rawCell, type ColumnId, type TableHeader,
} from './match.js';
import { detectLegacyEncoding, isUnicodeVietnamese, legacyToUnicode, type LegacyEncoding } from './legacy-fonts.js';
import type { ExplainColumn, ExplainLabel, ExplainPart, ExplainSheet, ReadExplain } from './explain.js';
import { canonicalProvince } from './provinces.js';
import {
  isMixedTeachingLearning, matchVocabFolded, parseCount, parseDate, parseEmail, parseNumber, parseSchoolYear, parseText,
  parseUrl, parseVocab, parseVocabList, parseYear, parseYesNo, vocabMatcher, type Parsed,
} from './values.js';
import type {
  CellRef, DataIssue, EquipmentRow, InfoValue, Inventory, IssueSeverity, RawCell, RawSheet, RawWorkbook, SoftwareRow,
  TeacherRow, Val,
} from './types.js';

/** Other names to recognise (column-mapping files, legacy spellings): built once, passed per call. */
export interface NormalizeOptions {
  sheets?: NameMatcher<SheetKey>;
  columns?: Partial<Record<Exclude<SheetKey, 'info'>, NameMatcher<ColumnId>>>;
  labels?: NameMatcher<string>;
  /** Other words for vocabulary values (a district's "P. Tin" for phong_may). */
  vocab?: Partial<Record<VocabName, NameMatcher<string>>>;
}

interface Resolved {
  sheets: NameMatcher<SheetKey>;
  columns: Record<Exclude<SheetKey, 'info'>, NameMatcher<ColumnId>>;
  labels: NameMatcher<string>;
  vocab: (v: VocabName) => NameMatcher<string>;
}

const SHEET_DEF = new Map<SheetKey, SheetDef>(SHEETS.map((s) => [s.key, s]));
const DEFAULT_SHEETS = buildSheetMatcher();
const DEFAULT_LABELS = buildLabelMatcher(INFO_FIELDS);
const DEFAULT_COLUMNS = {
  equipment: buildColumnMatcher(SHEET_DEF.get('equipment')!),
  software: buildColumnMatcher(SHEET_DEF.get('software')!),
  teachers: buildColumnMatcher(SHEET_DEF.get('teachers')!),
};
const FIELD_BY_KEY = (defs: FieldDef[]): Map<string, FieldDef> => new Map(defs.map((f) => [f.key, f]));
const INFO_BY_KEY = FIELD_BY_KEY(INFO_FIELDS);
const EQUIPMENT_BY_KEY = FIELD_BY_KEY(EQUIPMENT_COLUMNS);
const SOFTWARE_BY_KEY = FIELD_BY_KEY(SOFTWARE_COLUMNS);
const TEACHER_BY_KEY = FIELD_BY_KEY(TEACHER_COLUMNS);
const yesNoKeys = (defs: FieldDef[]): Set<string> => new Set(defs.filter((f) => f.type === 'yesno').map((f) => f.key));

const sheetArgs = (key: SheetKey): Record<string, string> => {
  const d = SHEET_DEF.get(key)!;
  return { sheet: d.vi, sheet_en: d.en };
};
const fieldArgs = (f: FieldDef): Record<string, string> => ({ field: f.vi, field_en: f.en });
/** A quoted list for a message, cut after `max` items. */
const quotedList = (items: string[], max = 12): string =>
  items.slice(0, max).map((s) => `"${s}"`).join(', ') + (items.length > max ? ', …' : '');

// ---------- issues and values of one sheet ----------

class SheetContext {
  readonly merges: MergeIndex;
  constructor(readonly sheet: RawSheet, readonly issues: DataIssue[], readonly o: Resolved, readonly part: ExplainPart) {
    this.merges = new MergeIndex(sheet.merges);
  }

  /** The matcher of a vocabulary, with the mapping's words. */
  vocab(v: VocabName): NameMatcher<string> {
    return this.o.vocab(v);
  }

  /** A cell read as the field's type (vocabularies with the mapping's words). */
  parse(f: FieldDef, cell: RawCell | undefined): Parsed<InfoValue> | null {
    return parseField(f, cell, typeof f.type === 'object' ? this.vocab(f.type.vocab) : undefined);
  }

  ref(r: number, c: number): CellRef {
    return { sheet: this.sheet.name, cell: cellRef(r, c) };
  }

  issue(severity: IssueSeverity, r: number | null, c: number | null, code: string, args: Record<string, string | number> = {}, into = this.issues): void {
    into.push({ severity, sheet: this.sheet.name, cell: r === null || c === null ? null : cellRef(r, c), code, args });
  }

  /** A parsed cell as a Val, its warnings and error recorded at the cell; undefined when empty. */
  val<T>(p: Parsed<T> | null, r: number, c: number, into = this.issues): Val<T> | undefined {
    if (p === null) return undefined;
    if (!p.ok) {
      this.issue('error', r, c, p.error.code, p.error.args, into);
      return { ok: false, ref: this.ref(r, c) };
    }
    for (const w of p.warnings) this.issue('warning', r, c, w.code, w.args, into);
    return { ok: true, value: p.value, ref: this.ref(r, c) };
  }

  /** The cell, or the value of the merged range that covers it (a group written once for several rows). */
  cellOrMerged(r: number, c: number): { cell: RawCell | undefined; r: number; c: number } {
    const cell = rawCell(this.sheet, r, c);
    if (cell !== undefined) return { cell, r, c };
    const m = this.merges.at(r, c);
    if (m && (m.r1 !== r || m.c1 !== c)) return { cell: rawCell(this.sheet, m.r1, m.c1), r: m.r1, c: m.c1 };
    return { cell, r, c };
  }
}

// ---------- values by field type ----------

const unitOf = (f: FieldDef): string | undefined => {
  const m = /\(([^()]+)\)\s*$/.exec(f.vi);
  return m ? foldCached(m[1]!).replace(/ /g, '') : undefined;
};
const FIELD_UNITS = new Map<string, string | undefined>(INFO_FIELDS.map((f) => [f.key, unitOf(f)]));

function parseProvince(cell: RawCell | undefined): Parsed<string> | null {
  const p = parseText(cell);
  if (p === null || !p.ok) return p;
  const canonical = canonicalProvince(p.value);
  if (canonical !== null) return { ok: true, value: canonical, warnings: [] };
  return { ok: true, value: p.value, warnings: [{ code: 'province.unknown', args: { value: p.value } }] };
}

/** A cell read as the field's type (`matcher`: the vocabulary's words, when other than the format's). */
export function parseField(f: FieldDef, cell: RawCell | undefined, matcher?: NameMatcher<string>): Parsed<InfoValue> | null {
  const t = f.type;
  if (typeof t === 'object') {
    const ctx = { field: f, vocab: t.vocab, ...(matcher ? { matcher } : {}) };
    return t.multi ? parseVocabList(cell, ctx) : parseVocab(cell, ctx);
  }
  switch (t) {
    case 'text': return parseText(cell);
    case 'count': return parseCount(cell);
    case 'number': {
      const unit = FIELD_UNITS.get(f.key);
      return parseNumber(cell, unit ? { unit } : {});
    }
    case 'yesno': return parseYesNo(cell);
    case 'date': return parseDate(cell);
    case 'year': return parseYear(cell);
    case 'url': return parseUrl(cell);
    case 'email': return parseEmail(cell);
    case 'school_year': return parseSchoolYear(cell);
    case 'province': return parseProvince(cell);
  }
}

/** A `Có | Không` pair: a tick in one of the two columns. */
function parsePair(yes: RawCell | undefined, no: RawCell | undefined): { p: Parsed<boolean> | null; on: 'yes' | 'no' } {
  const tick = (cell: RawCell | undefined): Parsed<boolean> | null => {
    if (isEmptyCell(cell)) return null;
    return parseYesNo(cell);
  };
  const y = tick(yes);
  const n = tick(no);
  if (y && !y.ok) return { p: y, on: 'yes' };
  if (n && !n.ok) return { p: n, on: 'no' };
  const yv = y?.value === true;
  const nv = n?.value === true;
  if (yv && nv) return { p: { ok: false, error: { code: 'value.yes_and_no', args: {} } }, on: 'yes' };
  if (yv) return { p: { ok: true, value: true, warnings: [] }, on: 'yes' };
  if (nv) return { p: { ok: true, value: false, warnings: [] }, on: 'no' };
  return { p: null, on: 'yes' };
}

const sameValue = (a: Val<InfoValue>, b: Val<InfoValue>): boolean =>
  a.ok && b.ok ? JSON.stringify(a.value) === JSON.stringify(b.value) : a.ok === b.ok;

// ---------- Thông tin chung ----------

/** Words of header rows and headings in the label column that are not labels (not listed as unknown). */
const INFO_HEADINGS = new Set(['noi dung', 'chi tieu', 'thong tin', 'gia tri', 'stt', 'tt', 'ghi chu', 'noi dung thong tin',
  'thong tin chung', 'muc', 'ket qua', 'tra loi', 'so lieu', 'du lieu', 'thong tin ve truong', 'noi dung kiem ke', 'cach ghi',
  // the English template's header row (Item | Value | How to fill in)
  'item', 'value', 'how to fill in', 'general information']);

function readInfo(ctx: SheetContext, labels: NameMatcher<string>): Inventory['info'] {
  const { sheet, part } = ctx;
  const info: Inventory['info'] = {};
  const emptyAt = new Map<string, { r: number; c: number }>();
  const layout = findLabelLayout(sheet, labels);
  const explained: ExplainLabel[] = [];
  /** Remember a recognised label for --explain (its value cell, when one was read). */
  const explain = (r: number, c: number, text: string, key: string, value?: { r: number; c: number }): void => {
    const o = labels.origin(foldCached(text));
    explained.push({
      cell: cellRef(r, c), text, field: key, ...(value ? { value: cellRef(value.r, value.c) } : {}),
      ...(o?.source === 'mapping' ? { mapping: true as const } : {}),
    });
  };
  if (layout.row !== null) part.labelRow = layout.row + 1;
  else part.labelColumns = layout.columns.map(columnName);
  const labelCols = layout.columns;
  const pairCols = findYesNoColumns(sheet, labels);
  const usedCells = new Set<string>();
  const unknown: { r: number; c: number; text: string }[] = [];
  const unmatchedEmpty: { r: number; c: number; text: string }[] = [];

  const declare = (f: FieldDef, v: Val<InfoValue>, r: number, c: number): void => {
    const prev = info[f.key];
    if (prev === undefined) { info[f.key] = v; return; }
    if (!sameValue(prev, v)) ctx.issue('warning', r, c, 'field.duplicate', { ...fieldArgs(f), first: prev.ref?.cell ?? '' });
  };

  /** The value cell of a label: right of the label (after its merged range). */
  const valueOf = (f: FieldDef, r: number, lc: number, text: string): void => {
    const lm = ctx.merges.at(r, lc);
    const start = lm && lm.c1 === lc && lm.r1 === r ? lm.c2 + 1 : lc + 1;
    const no = pairCols.get(start);
    if (no !== undefined && f.type === 'yesno') {
      usedCells.add(`${r},${start}`).add(`${r},${no}`);
      const { p, on } = parsePair(rawCell(sheet, r, start), rawCell(sheet, r, no));
      const at = { r, c: on === 'yes' ? start : no };
      const v = ctx.val(p, at.r, at.c);
      explain(r, lc, text, f.key, v ? at : undefined);
      if (v) declare(f, v, r, start);
      else if (!info[f.key]) emptyAt.set(f.key, { r, c: start });
      return;
    }
    const at = ctx.cellOrMerged(r, start);
    usedCells.add(`${at.r},${at.c}`);
    const v = ctx.val(ctx.parse(f, at.cell), at.r, at.c);
    explain(r, lc, text, f.key, v ? at : undefined);
    if (v) declare(f, v, at.r, at.c);
    else if (!info[f.key]) emptyAt.set(f.key, { r, c: start });
  };

  // Labels in one row (an export with a header row): each value is below its label.
  if (layout.row !== null) {
    const lr = layout.row;
    (sheet.rows[lr] ?? []).forEach((cell, c) => {
      const key = cell?.t === 's' ? labels.match(String(cell.v)) : undefined;
      if (key === undefined) return;
      const f = INFO_BY_KEY.get(key)!;
      const lm = ctx.merges.at(lr, c);
      const vr = lm && lm.r1 === lr && lm.c1 === c ? lm.r2 + 1 : lr + 1;
      usedCells.add(`${lr},${c}`).add(`${vr},${c}`);
      const v = ctx.val(ctx.parse(f, rawCell(sheet, vr, c)), vr, c);
      explain(lr, c, cleanText(String(cell!.v)), key, v ? { r: vr, c } : undefined);
      if (v) declare(f, v, vr, c);
      else emptyAt.set(f.key, { r: vr, c });
    });
  }

  const lastRow = sheet.rows.length;
  for (let r = 0; r < lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (const lc of labelCols) {
      const cell = row[lc];
      if (cell?.t !== 's') continue;
      const text = cleanText(String(cell.v));
      const key = labels.match(text);
      if (key !== undefined) {
        // the whole cell is a label (its ':' or '*' are marks, not "Label: value")
        usedCells.add(`${r},${lc}`);
        valueOf(INFO_BY_KEY.get(key)!, r, lc, text);
        continue;
      }
      const colon = text.indexOf(':');
      if (colon > 0 && labels.match(text.slice(0, colon)) !== undefined) continue; // "Label: value", read below
      const folded = foldCached(text);
      if (folded === '' || INFO_HEADINGS.has(folded)) continue;
      const lm = ctx.merges.at(r, lc);
      const next = rawCell(sheet, r, lm && lm.c1 === lc ? lm.c2 + 1 : lc + 1);
      // Every label row that matched nothing is listed for --explain/inspect; one with a value beside it is
      // also a data issue (the value is not read).
      if (!isEmptyCell(next)) unknown.push({ r, c: lc, text });
      else unmatchedEmpty.push({ r, c: lc, text });
    }
    // "Năm học: 2024-2025" in one cell (title blocks, or a label column written that way).
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell?.t !== 's' || usedCells.has(`${r},${c}`)) continue;
      const text = cleanText(String(cell.v));
      const i = text.indexOf(':');
      if (i <= 0) continue;
      const key = labels.match(text.slice(0, i));
      const rest = text.slice(i + 1).trim();
      if (key === undefined || rest === '') continue;
      const f = INFO_BY_KEY.get(key)!;
      const v = ctx.val(ctx.parse(f, { t: 's', v: rest }), r, c);
      explain(r, c, text.slice(0, i).trim(), key, v ? { r, c } : undefined);
      if (v) declare(f, v, r, c);
    }
  }
  if (unknown.length > 0) {
    ctx.issue('warning', unknown[0]!.r, unknown[0]!.c, 'labels.unknown', { labels: quotedList(unknown.map((u) => u.text)) });
  }
  part.labels = explained;
  part.unknownLabels = [
    ...unknown.map((u) => ({ r: u.r, c: u.c, cell: cellRef(u.r, u.c), text: u.text })),
    ...unmatchedEmpty.map((u) => ({ r: u.r, c: u.c, cell: cellRef(u.r, u.c), text: u.text, empty: true as const })),
  ].sort((a, b) => a.r - b.r || a.c - b.c).map(({ r: _r, c: _c, ...u }) => u);
  part.missingRequired = INFO_FIELDS.filter((f) => f.required && info[f.key] === undefined).map((f) => f.key);
  for (const f of INFO_FIELDS) {
    if (!f.required || info[f.key] !== undefined) continue;
    const at = emptyAt.get(f.key);
    if (at) ctx.issue('warning', at.r, at.c, 'field.missing_required', fieldArgs(f));
    else ctx.issues.push({ severity: 'warning', sheet: SHEET_DEF.get('info')!.vi, cell: null, code: 'field.missing_required', args: fieldArgs(f) });
  }
  return info;
}

// ---------- tables ----------

interface Located { cell: RawCell | undefined; r: number; c: number }

interface TableRow {
  r: number;
  /** STT cell text ('' when empty or no STT column). */
  stt: string;
  /** A totals row (STT empty, first text starts with Tổng / Cộng). */
  total: boolean;
  /** A one-cell section heading ("I. Khối văn phòng", a merged "Tổ Toán"): its text. */
  banner: { text: string; r: number; c: number } | null;
  cells: Map<string, Located & { no?: Located }>;
}

interface Table { header: TableHeader; rows: TableRow[] }

const ROMAN_OR_LETTER = /^(?:[IVXLC]+|[A-Z])\.?$/;
const TOTAL_START = /^(?:tổng|cộng)/;
const END_MARKER = /^(?:nguoi lap(?: bieu| bang| bao cao)?|hieu truong|pho hieu truong|thu truong(?: don vi)?|xac nhan(?: cua .*)?|ky ten|giam doc|ban giam hieu)$/;
const DATE_LINE = /\bngay\b.*\bthang\b.*\bnam\b/;

const isExampleMarker = (text: string): boolean => {
  const f = foldCached(text);
  return f === 'vi du' || f === 'vd' || f.startsWith('vi du ');
};
const isEndMarker = (text: string): boolean => {
  if (text.length > 80) return false;
  const f = foldCached(text);
  return END_MARKER.test(f) || DATE_LINE.test(f);
};

/** Fields whose value may be written once for several rows in a vertically merged cell. */
const NO_MERGE_FILL = new Set(['quantity', 'elearning_lessons']);

/** A row of column numbers under the header: 1 2 3 4… or (1) (2) (3)… */
function isColumnNumberRow(row: readonly (RawCell | undefined)[]): boolean {
  const nums: number[] = [];
  for (const cell of row) {
    if (isEmptyCell(cell)) continue;
    const t = cellText(cell);
    const m = /^\(?(\d{1,2})\)?$/.exec(t);
    if (!m) return false;
    nums.push(Number(m[1]));
  }
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
}

function readTable(ctx: SheetContext, key: Exclude<SheetKey, 'info'>, m: NameMatcher<ColumnId>, defs: FieldDef[], primary: string): Table | null {
  const { sheet } = ctx;
  const headerRow = findHeaderRow(sheet, m);
  if (headerRow === null) {
    const expected = defs.filter((f) => f.required).map((f) => f.vi);
    ctx.issue('warning', null, null, 'sheet.no_header', { ...sheetArgs(key), headers: quotedList(expected) });
    ctx.part.missingRequired = defs.filter((f) => f.required).map((f) => f.key);
    return null;
  }
  const header = mapHeader(sheet, headerRow, m, yesNoKeys(defs), ctx.merges);
  explainHeader(ctx.part, header, m, defs);
  if (header.unknown.length > 0) {
    const u = header.unknown[0]!;
    ctx.issue('warning', u.row, u.col, 'columns.unknown', { columns: quotedList(header.unknown.map((x) => x.text)) });
  }
  const byKey = FIELD_BY_KEY(defs);
  for (const d of header.duplicates) ctx.issue('warning', d.row, d.col, 'column.duplicate', fieldArgs(byKey.get(d.key)!));
  for (const f of defs) {
    if (f.required && !header.columns.has(f.key)) {
      ctx.issues.push({ severity: 'warning', sheet: SHEET_DEF.get(key)!.vi, cell: null, code: 'field.missing_required', args: fieldArgs(f) });
    }
  }

  const rows: TableRow[] = [];
  const first = header.firstCol;
  const last = header.lastCol;
  const primaryCol = header.columns.get(primary)?.col;
  const headerNames = new Map<string, ColumnId | undefined>();
  // The mapped columns as a list, in the header's order, decided once rather than per row.
  const columnList = [...header.columns].map(([k, spec]) => ({ k, spec, plain: NO_MERGE_FILL.has(k) }));
  for (let r = header.dataStart; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r];
    if (!raw) continue;
    // Blank rows end nothing; a row numbered in advance (STT only) is blank too.
    let filled = 0;
    let filledData = 0;
    let firstText: { text: string; c: number } | null = null;
    // The only filled cell outside the STT column, when there is exactly one (a section heading?).
    let soleData = -1;
    for (let c = first; c <= last; c++) {
      const cell = raw[c];
      if (isEmptyCell(cell)) continue;
      filled += 1;
      if (c !== header.stt) { filledData += 1; soleData = c; }
      if (firstText === null && cell!.t === 's') firstText = { text: cleanText(String(cell!.v)), c };
    }
    if (filled === 0) continue;
    const stt = header.stt === undefined ? '' : cellText(raw[header.stt]);
    if (filledData === 0 && /^\d*\.?$/.test(stt)) continue;
    if (r === header.dataStart && isColumnNumberRow(raw.slice(first, last + 1))) continue;
    const marker = stt || (firstText?.text ?? '');
    if (/^v/i.test(marker) && isExampleMarker(marker)) continue;
    if (stt === '' && filled <= 3) {
      // A signature block under the table ends it ("Người lập biểu", ", ngày 25 tháng 10 năm 2024").
      const primaryText = primaryCol === undefined ? '' : cellText(raw[primaryCol]);
      if ((primaryText === '' || isEndMarker(primaryText)) && raw.some((cell) => cell?.t === 's' && isEndMarker(String(cell.v)))) break;
    }
    if (firstText !== null && repeatsHeader(raw, header, m, headerNames)) continue; // the header printed again on the next page
    const total = stt === '' && firstText !== null && /^[TtCc]/.test(firstText.text) && TOTAL_START.test(firstText.text.toLowerCase());

    const cells: TableRow['cells'] = new Map();
    for (const { k, spec, plain } of columnList) {
      const at: Located = plain ? { cell: rawCell(sheet, r, spec.col), r, c: spec.col } : ctx.cellOrMerged(r, spec.col);
      if (spec.no !== undefined) cells.set(k, { ...at, no: { cell: rawCell(sheet, r, spec.no), r, c: spec.no } });
      else cells.set(k, at);
    }
    // A section heading: one text cell, merged across columns or numbered I, II, A, B, or written in the STT column.
    let banner: TableRow['banner'] = null;
    if (filledData === 1 && raw[soleData]?.t === 's') {
      const c = soleData;
      const mg = ctx.merges.at(r, c);
      const text = cleanText(String(raw[c]!.v));
      const merged = mg !== undefined && mg.c2 > mg.c1;
      if (merged || ROMAN_OR_LETTER.test(stt) || (stt === '' && /^(?:tổ|khối|bộ phận)\s/u.test(text.toLocaleLowerCase('vi')))) {
        banner = { text, r, c };
      }
    } else if (filledData === 0 && header.stt !== undefined && raw[header.stt]?.t === 's' && !/^\d+\.?$/.test(stt)) {
      banner = { text: stt.replace(/^(?:[IVXLC]+|[A-Z]|\d+)[.)]\s*/, ''), r, c: header.stt };
    }
    rows.push({ r, stt, total, banner, cells });
  }
  return { header, rows };
}

/** The header as --explain shows it: every named cell and the field it became. */
function explainHeader(part: ExplainPart, header: TableHeader, m: NameMatcher<ColumnId>, defs: FieldDef[]): void {
  part.headerRow = header.row + 1;
  part.headerRows = header.dataStart - header.row === 2 ? 2 : 1;
  part.columns = header.cells.map((x): ExplainColumn => {
    const col: ExplainColumn = { cell: cellRef(x.row, x.col), text: x.text, field: null };
    if (x.no !== undefined) col.noCell = cellRef(x.row + 1, x.no);
    if (x.id === undefined) return col;
    col.field = x.id;
    const folded = foldCached(x.text);
    const hit = m.get(folded) !== undefined ? folded : m.prefix(folded, 2)?.name;
    const o = hit === undefined ? undefined : m.origin(hit);
    if (o && foldCached(o.name) !== folded) col.matched = o.name;
    if (o && o.source === 'mapping') col.mapping = true;
    if (x.id !== STT && x.id !== IGNORED && header.columns.get(x.id)?.col !== x.col) col.duplicate = true;
    return col;
  });
  part.missingRequired = defs.filter((f) => f.required && !header.columns.has(f.key)).map((f) => f.key);
}

/** Does the row repeat the header (two or more cells name their own column)? */
function repeatsHeader(
  raw: readonly (RawCell | undefined)[], header: TableHeader, m: NameMatcher<ColumnId>, seen: Map<string, ColumnId | undefined>,
): boolean {
  let n = 0;
  for (const [k, spec] of header.columns) {
    const cell = raw[spec.col];
    if (cell?.t !== 's') continue;
    // The same texts fill a column row after row: look each one up once per table.
    const text = String(cell.v);
    let id = seen.get(text);
    if (id === undefined && !seen.has(text)) seen.set(text, (id = m.match(text)));
    if (id === k && ++n >= 2) return true;
  }
  return false;
}

/** Is any cell of the column filled in these rows? (The tick-box habit and the "entirely empty" rule.) */
function columnFilled(rows: TableRow[], key: string): boolean {
  return rows.some((row) => {
    const x = row.cells.get(key);
    return x !== undefined && (!isEmptyCell(x.cell) || (x.no !== undefined && !isEmptyCell(x.no.cell)));
  });
}

/** A yes/no cell of a table row (a single column or a Có | Không pair), with the tick-box habit. */
function tableYesNo(ctx: SheetContext, row: TableRow, key: string, tickBox: boolean, into: DataIssue[]): Val<boolean> | undefined {
  const x = row.cells.get(key);
  if (!x) return undefined;
  let v: Val<boolean> | undefined;
  if (x.no) {
    const { p, on } = parsePair(x.cell, x.no.cell);
    v = ctx.val(p, x.r, on === 'yes' ? x.c : x.no.c, into);
  } else v = ctx.val(parseYesNo(x.cell), x.r, x.c, into);
  if (v === undefined && tickBox) return { ok: true, value: false, ref: ctx.ref(x.r, x.c) };
  return v;
}

/** The row's data cells are all empty but the named one? (Warn about an empty required cell only in real rows.) */
const otherCellsFilled = (row: TableRow, except: string): boolean =>
  [...row.cells.entries()].some(([k, x]) => k !== except && (!isEmptyCell(x.cell) || (x.no !== undefined && !isEmptyCell(x.no.cell))));

function requiredEmpty(ctx: SheetContext, row: TableRow, f: FieldDef, into: DataIssue[]): void {
  const x = row.cells.get(f.key);
  if (x && isEmptyCell(x.cell) && otherCellsFilled(row, f.key)) ctx.issue('warning', x.r, x.c, 'row.required_empty', fieldArgs(f), into);
}

// ---------- Thiết bị ----------

const KIND_FIELD = EQUIPMENT_BY_KEY.get('kind')!;
const PURPOSE_FIELD = EQUIPMENT_BY_KEY.get('purpose')!;
const STATUS_FIELD = EQUIPMENT_BY_KEY.get('status')!;
const KIND_MATCHER = vocabMatcher('kind');
const PURPOSE_MATCHER = vocabMatcher('purpose');

/** A device label, possibly compound (Biểu mẫu 10): optional Số/Tổng số, a kind, optional đang sử dụng, purpose after phục vụ/dùng cho. */
export interface DeviceLabel {
  kind?: Kind;
  /** The label starts with "Tổng số". */
  total: boolean;
  /** "đang (được) sử dụng": the devices are working. */
  working: boolean;
  /** The purpose words after "phục vụ" / "dùng cho" (as written, folded). */
  purpose?: string;
}

const PURPOSE_INTRO = /(?:^|\s)(?:phuc vu|dung cho|danh cho|su dung cho|trang bi cho)\s+(.+)$/;
const WORKING = /(?:^|\s)dang (?:duoc )?su dung(?:\s|$)/;

export function parseDeviceLabel(text: string, kinds: NameMatcher<string> = KIND_MATCHER): DeviceLabel {
  const folded = foldCached(text);
  const exact = kinds.get(folded) as Kind | undefined;
  if (exact) return { kind: exact, total: false, working: false };
  let s = folded;
  let total = false;
  if (s.startsWith('tong so ')) { total = true; s = s.slice(8); } else if (s.startsWith('so ')) s = s.slice(3);
  const label: DeviceLabel = { total, working: false };
  const k = kinds.get(s);
  let rest = '';
  if (k !== undefined) label.kind = k as Kind;
  else {
    const p = kinds.prefix(s);
    if (p) { label.kind = p.value as Kind; rest = p.rest; } else rest = s;
  }
  if (WORKING.test(rest)) label.working = true;
  const pm = PURPOSE_INTRO.exec(rest);
  if (pm) label.purpose = pm[1]!;
  return label;
}

/** The purpose key of already-folded purpose words (from a compound label), with the warnings it brings. */
function purposeFromWords(words: string, asWritten: string, purposes: NameMatcher<string> = PURPOSE_MATCHER): Parsed<Purpose> {
  if (isMixedTeachingLearning(words)) return { ok: true, value: 'phong_may', warnings: [{ code: 'equipment.purpose_mixed', args: { value: asWritten } }] };
  const k = matchVocabFolded(purposes, words);
  if (k !== undefined) return { ok: true, value: k as Purpose, warnings: [] };
  return { ok: true, value: 'khac', warnings: [{ code: 'vocab.unknown_as_other', args: { value: asWritten, ...fieldArgs(PURPOSE_FIELD) } }] };
}

interface EquipmentCandidate {
  r: number;
  row: EquipmentRow;
  issues: DataIssue[];
  total: boolean;
  /** A section heading row: dropped. */
  heading: boolean;
  /** Ends the rows that can break a total down: a heading, a row numbered I, II…, or another total. */
  boundary: boolean;
  kind?: Kind;
  purpose?: string;
  /** A Biểu mẫu 10 row whose label names no device (kept out, listed in one warning). */
  notDevice?: { text: string; c: number };
  /** "- Phục vụ học tập" under a "Tổng số máy vi tính" row: the kind comes from the total above. */
  purposeOnly?: boolean;
}

function readEquipment(ctx: SheetContext, m: NameMatcher<ColumnId>): EquipmentRow[] | undefined {
  const table = readTable(ctx, 'equipment', m, EQUIPMENT_COLUMNS, 'kind');
  if (!table) return undefined;
  const { header } = table;
  const hasPurpose = header.columns.has('purpose');
  const hasStatus = header.columns.has('status');
  // Biểu mẫu 10 (STT | Nội dung | Số lượng | Bình quân): kind, purpose and state are all in the label.
  const compound = !hasPurpose && !hasStatus;
  if (compound) ctx.part.form = 'bieu_mau_10';
  let statusAbsentUsed = false;

  const candidates: EquipmentCandidate[] = [];
  for (const tr of table.rows) {
    const kindAt = tr.cells.get('kind');
    const kindText = kindAt ? cellText(kindAt.cell) : '';
    const label = kindText !== '' && kindAt?.cell?.t !== 'e' ? parseDeviceLabel(kindText, ctx.vocab('kind')) : { total: false, working: false } as DeviceLabel;
    const qtyAt = tr.cells.get('quantity');
    if (tr.banner && !(label.kind && qtyAt && !isEmptyCell(qtyAt.cell))) {
      candidates.push({ r: tr.r, row: {}, issues: [], total: false, heading: true, boundary: true });
      continue;
    }
    const labelTotal = label.total && label.kind !== undefined;
    if (tr.total && !labelTotal) { // "Tổng cộng"
      candidates.push({ r: tr.r, row: {}, issues: [], total: false, heading: true, boundary: true });
      continue;
    }
    const issues: DataIssue[] = [];
    const cand: EquipmentCandidate = {
      r: tr.r, row: { ref: ctx.ref(tr.r, header.firstCol) }, issues, total: labelTotal, heading: false,
      boundary: labelTotal || ROMAN_OR_LETTER.test(tr.stt) || (compound && label.total),
    };
    const { row } = cand;

    // kind
    if (kindAt && !isEmptyCell(kindAt.cell)) {
      if (kindAt.cell!.t === 'e') row.kind = ctx.val(parseVocab(kindAt.cell, { field: KIND_FIELD, vocab: 'kind', matcher: ctx.vocab('kind') }), kindAt.r, kindAt.c, issues) as Val<Kind>;
      else if (label.kind) { row.kind = { ok: true, value: label.kind, ref: ctx.ref(kindAt.r, kindAt.c) }; cand.kind = label.kind; }
      else if (compound) {
        cand.notDevice = { text: kindText, c: kindAt.c };
        if (label.purpose !== undefined && /^(?:phuc vu|dung cho|danh cho|su dung cho)\s/.test(foldCached(kindText))) cand.purposeOnly = true;
      } else {
        row.kind = ctx.val(parseVocab(kindAt.cell, { field: KIND_FIELD, vocab: 'kind', matcher: ctx.vocab('kind') }), kindAt.r, kindAt.c, issues) as Val<Kind>;
        if (row.kind?.ok) cand.kind = row.kind.value;
      }
    } else if (kindAt) requiredEmpty(ctx, tr, KIND_FIELD, issues);

    // quantity
    if (qtyAt) {
      row.quantity = ctx.val(parseCount(qtyAt.cell), qtyAt.r, qtyAt.c, issues);
      if (row.quantity === undefined && !cand.notDevice) requiredEmpty(ctx, tr, EQUIPMENT_BY_KEY.get('quantity')!, issues);
    }

    // status: the cell, else "đang sử dụng" in the label, else working with a warning.
    const stAt = tr.cells.get('status');
    const status = stAt ? ctx.val(parseVocab(stAt.cell, { field: STATUS_FIELD, vocab: 'status', matcher: ctx.vocab('status') }), stAt.r, stAt.c, issues) as Val<DeviceStatus> | undefined : undefined;
    if (status) row.status = status;
    else if (label.working) row.status = { ok: true, value: 'hoat_dong', ...(kindAt ? { ref: ctx.ref(kindAt.r, kindAt.c) } : {}) };
    else if (stAt) {
      row.status = { ok: true, value: 'hoat_dong', ref: ctx.ref(stAt.r, stAt.c) };
      ctx.issue('warning', stAt.r, stAt.c, 'equipment.status_empty', {}, issues);
    } else {
      row.status = { ok: true, value: 'hoat_dong' };
      statusAbsentUsed = true;
    }

    // purpose: the cell, else the words after "phục vụ" in the label; empty on a computer is a warning.
    const puAt = tr.cells.get('purpose');
    const purpose = puAt ? ctx.val(parseVocab(puAt.cell, { field: PURPOSE_FIELD, vocab: 'purpose', matcher: ctx.vocab('purpose') }), puAt.r, puAt.c, issues) as Val<Purpose> | undefined : undefined;
    if (purpose) row.purpose = purpose;
    else if (label.purpose !== undefined && kindAt) {
      row.purpose = ctx.val(purposeFromWords(label.purpose, kindText, ctx.vocab('purpose')), kindAt.r, kindAt.c, issues);
    }
    if (row.purpose?.ok) cand.purpose = row.purpose.value;

    const yAt = tr.cells.get('year');
    if (yAt) { const v = ctx.val(parseYear(yAt.cell), yAt.r, yAt.c, issues); if (v) row.year = v; }
    const gAt = tr.cells.get('group');
    if (gAt) { const v = ctx.val(parseText(gAt.cell), gAt.r, gAt.c, issues); if (v) row.group = v; }
    candidates.push(cand);
  }

  // Biểu mẫu 10: purpose-only rows take the kind of the total above; a total broken down below is skipped.
  let context: EquipmentCandidate | undefined;
  for (const c of candidates) {
    if (c.boundary) context = c.total ? c : undefined;
    if (c.boundary) continue;
    if (c.purposeOnly && context?.kind) {
      c.kind = context.kind;
      c.row.kind = { ok: true, value: context.kind, ...(context.row.kind?.ref ? { ref: context.row.kind.ref } : {}) };
      delete c.notDevice;
    }
  }
  const kept: EquipmentCandidate[] = [];
  const notDevices: { text: string; r: number; c: number }[] = [];
  candidates.forEach((c, i) => {
    if (c.heading) return;
    if (c.notDevice) {
      notDevices.push({ text: c.notDevice.text, r: c.r, c: c.notDevice.c });
      return;
    }
    if (c.total && c.kind) {
      for (let j = i + 1; j < candidates.length; j++) {
        const d = candidates[j]!;
        if (d.boundary) break;
        if (d.kind === c.kind && (c.purpose === undefined || d.purpose === c.purpose)) return; // broken down below
      }
    }
    kept.push(c);
  });

  const rows: EquipmentRow[] = [];
  if (statusAbsentUsed && kept.some((c) => c.row.status?.ok && c.row.status.ref === undefined)) {
    ctx.issue('warning', null, null, 'equipment.status_absent');
  }
  for (const c of kept) {
    const { row } = c;
    // Purpose defaults: other kinds → khac; a computer without a purpose stays undeclared, with a warning.
    if (row.purpose === undefined && row.kind?.ok) {
      const puAt = header.columns.get('purpose');
      if ((COMPUTER_KINDS as readonly string[]).includes(row.kind.value)) {
        const at = puAt ? { r: c.r, c: puAt.col } : { r: c.r, c: header.columns.get('kind')!.col };
        ctx.issue('warning', at.r, at.c, 'equipment.purpose_empty', {}, c.issues);
      } else {
        row.purpose = { ok: true, value: 'khac', ...(puAt ? { ref: ctx.ref(c.r, puAt.col) } : {}) };
      }
    }
    ctx.issues.push(...c.issues);
    rows.push(row);
  }
  if (notDevices.length > 0) {
    const n = notDevices[0]!;
    ctx.issue('warning', n.r, n.c, 'equipment.rows_ignored', { labels: quotedList(notDevices.map((x) => x.text)), count: notDevices.length });
  }
  return rows;
}

// ---------- Phần mềm ----------

function readSoftware(ctx: SheetContext, m: NameMatcher<ColumnId>): SoftwareRow[] | undefined {
  const table = readTable(ctx, 'software', m, SOFTWARE_COLUMNS, 'name');
  if (!table) return undefined;
  const tickCsdl = columnFilled(table.rows, 'csdl_connected');
  const rows: SoftwareRow[] = [];
  for (const tr of table.rows) {
    if (tr.total || tr.banner) continue;
    const row: SoftwareRow = { ref: ctx.ref(tr.r, table.header.firstCol) };
    const issues = ctx.issues;
    const nameAt = tr.cells.get('name');
    if (nameAt) {
      const v = ctx.val(parseText(nameAt.cell), nameAt.r, nameAt.c);
      if (v) row.name = v; else requiredEmpty(ctx, tr, SOFTWARE_BY_KEY.get('name')!, issues);
    }
    const fnAt = tr.cells.get('function');
    if (fnAt) {
      const v = ctx.val(parseVocabList(fnAt.cell, { field: SOFTWARE_BY_KEY.get('function')!, vocab: 'function', matcher: ctx.vocab('function') }), fnAt.r, fnAt.c);
      if (v) row.functions = v as Val<SoftwareFunction[]>; else requiredEmpty(ctx, tr, SOFTWARE_BY_KEY.get('function')!, issues);
    }
    const useAt = tr.cells.get('in_use');
    const inUse = useAt ? tableYesNo(ctx, tr, 'in_use', false, issues) : undefined;
    row.in_use = inUse ?? { ok: true, value: true, ...(useAt ? { ref: ctx.ref(useAt.r, useAt.c) } : {}) };
    const licAt = tr.cells.get('license');
    if (licAt) {
      const v = ctx.val(parseVocab(licAt.cell, { field: SOFTWARE_BY_KEY.get('license')!, vocab: 'license', matcher: ctx.vocab('license') }), licAt.r, licAt.c);
      if (v) row.license = v as Val<License>;
    }
    if (tr.cells.has('csdl_connected') && tickCsdl) {
      const v = tableYesNo(ctx, tr, 'csdl_connected', true, issues);
      if (v) row.csdl_connected = v;
    }
    rows.push(row);
  }
  return rows;
}

// ---------- Giáo viên ----------

function readTeachers(ctx: SheetContext, m: NameMatcher<ColumnId>): TeacherRow[] | undefined {
  const table = readTable(ctx, 'teachers', m, TEACHER_COLUMNS, 'name');
  if (!table) return undefined;
  const flags = ['it_standard', 'it_trained', 'uses_it'].filter((k) => columnFilled(table.rows, k));
  const lessonsDeclared = columnFilled(table.rows, 'elearning_lessons');
  const rows: TeacherRow[] = [];
  let bannerGroup: Val<string> | undefined;
  for (const tr of table.rows) {
    if (tr.total) continue;
    if (tr.banner) {
      bannerGroup = /^tổ\s/u.test(tr.banner.text.toLocaleLowerCase('vi'))
        ? { ok: true, value: tr.banner.text, ref: ctx.ref(tr.banner.r, tr.banner.c) } : undefined;
      continue;
    }
    const row: TeacherRow = { ref: ctx.ref(tr.r, table.header.firstCol) };
    const nameAt = tr.cells.get('name');
    if (nameAt && isEmptyCell(nameAt.cell)) requiredEmpty(ctx, tr, TEACHER_BY_KEY.get('name')!, ctx.issues);
    else if (nameAt?.cell?.t === 'e') ctx.val(parseText(nameAt.cell), nameAt.r, nameAt.c);
    const gAt = tr.cells.get('group');
    const group = gAt ? ctx.val(parseText(gAt.cell), gAt.r, gAt.c) : undefined;
    if (group) row.group = group; else if (bannerGroup) row.group = bannerGroup;
    const lAt = tr.cells.get('elearning_lessons');
    if (lAt && lessonsDeclared) {
      row.elearning_lessons = ctx.val(parseCount(lAt.cell), lAt.r, lAt.c) ?? { ok: true, value: 0, ref: ctx.ref(lAt.r, lAt.c) };
    }
    for (const k of flags) {
      const v = tableYesNo(ctx, tr, k, true, ctx.issues);
      if (v) row[k as 'it_standard' | 'it_trained' | 'uses_it'] = v;
    }
    rows.push(row);
  }
  return rows;
}

// ---------- the workbook ----------

/** An unnamed sheet that holds a sheet's content: ≥ 3 known labels, or a header with the required columns. */
function looksLike(key: SheetKey, sheet: RawSheet, o: Resolved): boolean {
  if (key === 'info') {
    let n = 0;
    for (const row of sheet.rows.slice(0, 200)) for (const cell of row ?? []) if (cell?.t === 's' && o.labels.match(String(cell.v))) n += 1;
    return n >= 3;
  }
  const m = o.columns[key];
  const r = findHeaderRow(sheet, m, 15, 3);
  if (r === null) return false;
  const ids = new Set((sheet.rows[r] ?? []).map((cell) => (cell?.t === 's' ? m.match(String(cell.v)) : undefined)));
  return SHEET_DEF.get(key)!.fields.filter((f) => f.required).every((f) => ids.has(f.key));
}

// ---------- legacy Vietnamese fonts ----------

/** Texts looked at to decide the encoding: enough for any real workbook's labels and headers. */
const LEGACY_SAMPLE = 4000;
const NON_ASCII = /[^\u0000-\u007f]/;

/** NON_ASCII.test without a regex call: Vietnamese texts show a non-ASCII letter within a few characters. */
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * The legacy encoding (TCVN3, VNI) the workbook's texts are typed in, judged once over its sheet names and
 * text cells; null for Unicode. Plain ASCII texts say nothing either way and are not looked at.
 */
export function detectWorkbookEncoding(raw: RawWorkbook): LegacyEncoding | null {
  // Distinct texts: a column of "Có" is one piece of evidence, and judging it once is cheaper.
  const texts = new Set<string>();
  for (const sheet of raw.sheets) {
    if (NON_ASCII.test(sheet.name)) texts.add(sheet.name);
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (cell?.t !== 's' || typeof cell.v !== 'string' || texts.has(cell.v) || !hasNonAscii(cell.v)) continue;
        texts.add(cell.v);
        if (texts.size >= LEGACY_SAMPLE) return detectLegacyEncoding([...texts]);
      }
    }
  }
  return texts.size === 0 ? null : detectLegacyEncoding([...texts]);
}

/** The workbook with its text cells converted to Unicode, and how many texts changed. */
function decodeWorkbook(raw: RawWorkbook, enc: LegacyEncoding): { raw: RawWorkbook; names: string[]; texts: number } {
  let texts = 0;
  const decode = (v: string): string => {
    if (!NON_ASCII.test(v) || isUnicodeVietnamese(v)) return v;
    const u = legacyToUnicode(v, enc);
    if (u !== v) texts++;
    return u;
  };
  const sheets = raw.sheets.map((sheet): RawSheet => ({
    ...sheet,
    rows: sheet.rows.map((row) => {
      if (!row) return row;
      const out: (RawCell | undefined)[] = new Array(row.length);
      row.forEach((cell, c) => { out[c] = cell?.t === 's' ? { ...cell, v: decode(String(cell.v)) } : cell; });
      return out;
    }),
  }));
  // Sheet names are matched decoded but kept as written: problems point at the tab the user sees.
  return { raw: { sheets }, names: raw.sheets.map((s) => decode(s.name)), texts };
}

// ---------- the workbook ----------

function resolveOptions(options: NormalizeOptions): Resolved {
  const vocab = options.vocab ?? {};
  return {
    sheets: options.sheets ?? DEFAULT_SHEETS,
    labels: options.labels ?? DEFAULT_LABELS,
    columns: { ...DEFAULT_COLUMNS, ...options.columns } as Resolved['columns'],
    vocab: (v) => vocab[v] ?? vocabMatcher(v),
  };
}

export function normalizeWorkbook(raw: RawWorkbook, options: NormalizeOptions = {}): Inventory {
  return normalizeExplained(raw, options).inventory;
}

/** The inventory, and how the workbook was understood (for --explain). */
export function normalizeExplained(input: RawWorkbook, options: NormalizeOptions = {}): { inventory: Inventory; explain: ReadExplain } {
  const o = resolveOptions(options);
  const issues: DataIssue[] = [];
  const explain: ReadExplain = { sheets: [], parts: [], conversions: [], mappingFiles: [] };

  let raw = input;
  let names = input.sheets.map((s) => s.name);
  const enc = detectWorkbookEncoding(input);
  if (enc !== null) {
    const decoded = decodeWorkbook(input, enc);
    raw = decoded.raw;
    names = decoded.names;
    explain.conversions.push({ kind: 'legacy_font', encoding: enc, texts: decoded.texts });
  }

  const found = new Map<SheetKey, { sheet: RawSheet; by: ExplainPart['by']; name?: string }>();
  const sheetInfo: ExplainSheet[] = raw.sheets.map((s) => ({ name: s.name, hidden: s.hidden, as: null }));
  const keyOf = raw.sheets.map((_, i) => matchSheetName(names[i]!, o.sheets));
  raw.sheets.forEach((sheet, i) => {
    const key = keyOf[i];
    if (key === undefined) return;
    const prev = found.get(key);
    if (prev) {
      issues.push({ severity: 'warning', sheet: sheet.name, cell: null, code: 'sheet.duplicate', args: { ...sheetArgs(key), used: prev.sheet.name } });
      sheetInfo[i]!.duplicateOf = prev.sheet.name;
      return;
    }
    const origin = o.sheets.origin(foldCached(names[i]!));
    found.set(key, { sheet, by: origin?.source === 'mapping' ? 'mapping' : 'name', ...(origin ? { name: origin.name } : {}) });
    sheetInfo[i]!.as = key;
  });
  // A sheet named otherwise ("Sheet1", "Biểu 10") is recognised by its content.
  const unnamed = raw.sheets.filter((_, i) => keyOf[i] === undefined);
  for (const def of SHEETS) {
    if (found.has(def.key)) continue;
    const taken = new Set([...found.values()].map((f) => f.sheet));
    const hit = unnamed.find((s) => !taken.has(s) && looksLike(def.key, s, o));
    if (hit) {
      found.set(def.key, { sheet: hit, by: 'content' });
      sheetInfo[raw.sheets.indexOf(hit)]!.as = def.key;
      issues.push({ severity: 'warning', sheet: hit.name, cell: null, code: 'sheet.found_by_content', args: sheetArgs(def.key) });
    }
  }
  explain.sheets = sheetInfo;

  const inv: Inventory = { info: {}, issues };
  for (const def of SHEETS) {
    const f = found.get(def.key);
    const part: ExplainPart = { key: def.key, sheet: f?.sheet.name ?? null };
    explain.parts.push(part);
    if (!f) {
      issues.push({ severity: 'warning', sheet: def.vi, cell: null, code: 'sheet.missing', args: sheetArgs(def.key) });
      if (def.key === 'info') {
        for (const fd of INFO_FIELDS) if (fd.required) issues.push({ severity: 'warning', sheet: def.vi, cell: null, code: 'field.missing_required', args: fieldArgs(fd) });
      }
      part.missingRequired = def.fields.filter((fd) => fd.required).map((fd) => fd.key);
      continue;
    }
    if (f.by) part.by = f.by;
    if (f.name !== undefined) part.name = f.name;
    const ctx = new SheetContext(f.sheet, issues, o, part);
    switch (def.key) {
      case 'info': inv.info = readInfo(ctx, o.labels); break;
      case 'equipment': setTable(inv, 'equipment', readEquipment(ctx, o.columns.equipment), ctx); break;
      case 'software': setTable(inv, 'software', readSoftware(ctx, o.columns.software), ctx); break;
      case 'teachers': setTable(inv, 'teachers', readTeachers(ctx, o.columns.teachers), ctx); break;
    }
  }
  // Texts the reader cut to Excel's limit: said once per sheet, at the first such cell.
  for (const sheet of raw.sheets) {
    const cut = sheet.cut;
    if (!cut) continue;
    issues.push({
      severity: 'warning', sheet: sheet.name, cell: cellRef(cut.r, cut.c), code: cut.count > 1 ? 'cell.text_cut_many' : 'cell.text_cut',
      args: { length: cut.length, max: cut.max, ...(cut.count > 1 ? { count: cut.count } : {}) },
    });
  }
  if (enc !== null) {
    // Once per file, before the sheets' own problems.
    const at = found.get('info')?.sheet.name ?? raw.sheets[0]?.name ?? SHEET_DEF.get('info')!.vi;
    issues.unshift({ severity: 'warning', sheet: at, cell: null, code: 'text.legacy_encoding', args: { encoding: enc === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI' } });
  }
  inv.issues = sortIssues(issues);
  return { inventory: inv, explain };
}

/** Issues in reading order: by sheet (as met), then row, then column; problems without a cell first. */
function sortIssues(issues: DataIssue[]): DataIssue[] {
  const sheetOrder = new Map<string, number>();
  for (const i of issues) if (!sheetOrder.has(i.sheet)) sheetOrder.set(i.sheet, sheetOrder.size);
  const pos = (cell: string | null): [number, number] => {
    const m = cell === null ? null : /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [-1, -1];
    return [Number(m[2]), [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
  };
  return issues
    .map((i, n) => ({ i, n, s: sheetOrder.get(i.sheet)!, p: pos(i.cell) }))
    .sort((a, b) => a.s - b.s || a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.n - b.n)
    .map((x) => x.i);
}

/** A table with no rows is not declared (empty is not "none"): the criteria that need it become missing. */
function setTable<K extends 'equipment' | 'software' | 'teachers'>(inv: Inventory, key: K, rows: Inventory[K], ctx: SheetContext): void {
  if (rows === undefined) return;
  ctx.part.rows = rows.length;
  if (rows.length === 0) {
    ctx.issue('warning', null, null, 'sheet.empty', sheetArgs(key));
    return;
  }
  inv[key] = rows;
}

