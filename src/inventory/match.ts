// Loose names (inventory.md "Names are matched loosely", "Tables may not start at A1"): which sheet is
// which, where a table's header row is, which column holds which field, and where the labels of
// `Thông tin chung` are. Alias maps are built once, by functions, so that other spellings (legacy
// fonts, a district's own column names) can be added by building another map.
import { fold } from './fold.js';
import { SHEETS, type FieldDef, type SheetDef, type SheetKey } from './fields.js';
import type { RawCell, RawMerge, RawSheet } from './types.js';

// ---------- folding, cached ----------

const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

/**
 * A copy that owns its characters. A text read from a workbook is often a slice of the whole XML part,
 * and V8 keeps the part alive as long as the slice: kept in this process-long cache, each file's
 * sharedStrings.xml would stay in memory (measured: +16 KB per workbook, 160 MB over a 10,000-file batch).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ownCopy = (s: string): string => (s.length > 12 ? decoder.decode(encoder.encode(s)) : s);

/** fold(), remembered: the same headers and words come back in every file of a batch. */
export function foldCached(s: string): string {
  let r = foldCache.get(s);
  if (r === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    r = ownCopy(fold(s));
    foldCache.set(ownCopy(s), r);
  }
  return r;
}

/** Where a name comes from, when not from the format itself: `mapping` = a district's mapping file. */
export type NameSource = 'mapping';

/** Names (folded once, here) → values; exact lookups and longest whole-word prefix lookups. */
export class NameMatcher<T> {
  private readonly map = new Map<string, T>();
  /** Folded name → the name as written where it was given (for --explain). */
  private readonly written = new Map<string, string>();
  private readonly sources = new Map<string, NameSource>();
  private maxWords = 1;

  /** `noPrefix`: folded names that match only exactly, never as the start of a longer text. */
  constructor(pairs: Iterable<readonly [string, T] | readonly [string, T, NameSource]> = [], private readonly noPrefix: ReadonlySet<string> = new Set()) {
    for (const [name, value, source] of pairs) this.add(name, value, source);
  }

  /** Add a name; the first value given for a folded name wins. */
  add(name: string, value: T, source?: NameSource): this {
    const k = fold(name);
    if (k === '' || this.map.has(k)) return this;
    this.map.set(k, value);
    this.written.set(k, name);
    if (source !== undefined) this.sources.set(k, source);
    this.maxWords = Math.max(this.maxWords, k.split(' ').length);
    return this;
  }

  /** The known name a folded text matched, as it was given ("Thiết bị CNTT"), and where it came from. */
  origin(folded: string): { name: string; source?: NameSource } | undefined {
    const name = this.written.get(folded);
    if (name === undefined) return undefined;
    const source = this.sources.get(folded);
    return source === undefined ? { name } : { name, source };
  }

  /** Lookup of an already folded text. */
  get(folded: string): T | undefined {
    return this.map.get(folded);
  }

  /** Lookup of a text as written. */
  match(text: string): T | undefined {
    return this.map.get(foldCached(text));
  }

  /**
   * The longest known name of at least `minWords` words that the folded text starts with, followed by
   * a word break ("may in canon 2900" → may_in, rest "canon 2900").
   */
  prefix(folded: string, minWords = 1): { value: T; name: string; rest: string } | undefined {
    // Only the first maxWords + 1 words are looked at: a cell of 30 000 words is not split whole.
    const words = folded.split(' ', this.maxWords + 1);
    const more = words.length > this.maxWords; // whether words follow those split off
    for (let n = Math.min(more ? words.length : words.length - 1, this.maxWords); n >= minWords; n--) {
      const name = words.slice(0, n).join(' ');
      if (n === 1 && this.noPrefix.has(name)) continue;
      const value = this.map.get(name);
      if (value !== undefined) return { value, name, rest: folded.slice(name.length + 1) };
    }
    return undefined;
  }

  names(): string[] {
    return [...this.map.keys()];
  }
}

// ---------- cells ----------

/** A text that stands for "nothing written" ("-", "…", "/"). */
const PLACEHOLDER = /^[\s\-–—_.…/\\]*$/;

const COMBINING = /[\u0300-\u036f]/;
const ODD_SPACES = /[\u00a0\u2007\u202f]/g;
const NEEDS_CLEANING = /[\u0300-\u036f\u00a0\u2007\u202f]/;

/** The plain text of a text cell: NFC, non-breaking spaces as spaces, trimmed. */
export function cleanText(s: string): string {
  // Most texts have neither combining marks nor odd spaces: one scan decides.
  if (!NEEDS_CLEANING.test(s)) return s.trim();
  // Composing is only needed where combining marks are (decomposed Vietnamese from some Mac/web producers).
  const t = COMBINING.test(s) ? s.normalize('NFC') : s;
  return (t.includes('\u00a0') || t.includes('\u2007') || t.includes('\u202f') ? t.replace(ODD_SPACES, ' ') : t).trim();
}

/** Is the cell empty (absent, blank text or a placeholder dash)? Error cells are not empty. */
export function isEmptyCell(cell: RawCell | undefined): boolean {
  if (cell === undefined) return true;
  if (cell.t !== 's') return false;
  const v = String(cell.v);
  // Fast path: a text starting with an ASCII letter or digit is never a placeholder (most cells).
  const c0 = v.charCodeAt(0) | 0x20;
  if ((c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x30 && c0 <= 0x39)) return false;
  return PLACEHOLDER.test(v);
}

/** What the cell shows, as text (numbers without float noise, dates as YYYY-MM-DD, booleans TRUE/FALSE). */
export function cellText(cell: RawCell | undefined): string {
  if (cell === undefined) return '';
  switch (cell.t) {
    case 's': return cleanText(String(cell.v));
    case 'n': return typeof cell.v === 'number' && !Number.isInteger(cell.v) ? String(Math.round(cell.v * 1e10) / 1e10) : String(cell.v);
    case 'b': return cell.v ? 'TRUE' : 'FALSE';
    case 'd': return String(cell.v).replace(/T00:00(?::00(?:\.0+)?)?$/, '');
    case 'e': return String(cell.v);
  }
}

/** Column letters of a 0-based index (0 → A, 26 → AA). */
export function columnName(c: number): string {
  const known = COLUMN_NAMES[c];
  return known !== undefined ? known : spellColumn(c);
}

function spellColumn(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The names of the columns a workbook may use (the reader's limit is 1 000): every cell reference needs one. */
const COLUMN_NAMES: readonly string[] = Array.from({ length: 1024 }, (_, c) => spellColumn(c));

/** A1 reference of a 0-based cell. */
export const cellRef = (r: number, c: number): string => `${columnName(c)}${r + 1}`;

/** Merged ranges of a sheet, indexed by the cells they cover. */
export class MergeIndex {
  private readonly covered = new Map<number, RawMerge>();
  private readonly large: RawMerge[] = [];
  private static readonly KEY = 20_000; // > 16384 columns

  constructor(merges: readonly RawMerge[]) {
    for (const m of merges) {
      const area = (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
      if (area > 10_000) { this.large.push(m); continue; }
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) this.covered.set(r * MergeIndex.KEY + c, m);
    }
  }

  /** The merged range that covers the cell, if any. */
  at(r: number, c: number): RawMerge | undefined {
    return this.covered.get(r * MergeIndex.KEY + c) ?? this.large.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }
}

export const rawCell = (sheet: RawSheet, r: number, c: number): RawCell | undefined => sheet.rows[r]?.[c];

/** Text of a text cell ('' for other cells). */
function textAt(sheet: RawSheet, r: number, c: number): string {
  const cell = rawCell(sheet, r, c);
  return cell?.t === 's' ? cleanText(String(cell.v)) : '';
}

// ---------- sheets ----------

/**
 * Sheet names → sheet keys: the Vietnamese name, the aliases, the key and the English name. `extra`
 * names (a mapping file's) come first: where one folds like a name of the format, the district's meaning wins.
 */
export function buildSheetMatcher(defs: readonly SheetDef[] = SHEETS, extra: Partial<Record<SheetKey, string[]>> = {}): NameMatcher<SheetKey> {
  const m = new NameMatcher<SheetKey>();
  for (const s of defs) for (const n of extra[s.key] ?? []) m.add(n, s.key, 'mapping');
  for (const s of defs) for (const n of [s.vi, ...s.aliases, s.en, s.key]) m.add(n, s.key);
  return m;
}

const SHEET_MATCHER = buildSheetMatcher();

/** Which sheet of the format a sheet name is, if any. */
export const matchSheetName = (name: string, m: NameMatcher<SheetKey> = SHEET_MATCHER): SheetKey | undefined => m.match(name);

// ---------- table columns ----------

/** Columns that are known but carry no field: `STT` (used to tell totals and examples) and ignored ones. */
export const STT = '$stt';
export const IGNORED = '$ignored';
export type ColumnId = string;

const STT_NAMES = ['STT', 'TT', 'Số TT', 'Số thứ tự', 'No'];
/** Known and ignored columns per sheet (inventory.md, Biểu mẫu 10). */
const IGNORED_COLUMNS: Partial<Record<SheetKey, string[]>> = {
  equipment: ['ĐVT', 'Đơn vị tính', 'Bình quân', 'Mã số'],
};

/** Header names of a table sheet → field key, STT or IGNORED (`extra` names first, as in buildSheetMatcher). */
export function buildColumnMatcher(sheet: SheetDef, extra: Record<string, string[]> = {}): NameMatcher<ColumnId> {
  const m = new NameMatcher<ColumnId>();
  for (const f of sheet.fields) for (const n of extra[f.key] ?? []) m.add(n, f.key, 'mapping');
  for (const f of sheet.fields) for (const n of [f.vi, ...f.aliases, f.en, f.key]) m.add(n, f.key);
  for (const n of STT_NAMES) m.add(n, STT);
  for (const n of IGNORED_COLUMNS[sheet.key] ?? []) m.add(n, IGNORED);
  return m;
}

/** Labels of `Thông tin chung` → field key (`extra` names first). */
export function buildLabelMatcher(fields: readonly FieldDef[], extra: Record<string, string[]> = {}): NameMatcher<string> {
  const m = new NameMatcher<string>();
  for (const f of fields) for (const n of extra[f.key] ?? []) m.add(n, f.key, 'mapping');
  for (const f of fields) for (const n of [f.vi, ...f.aliases, f.en, f.key]) m.add(n, f.key);
  return m;
}

/** A header text → column id: exactly, else by a known header of ≥ 2 words it starts with ("Số lượng máy"). */
function headerId(m: NameMatcher<ColumnId>, folded: string): { id: ColumnId; exact: boolean } | undefined {
  const exact = m.get(folded);
  if (exact !== undefined) return { id: exact, exact: true };
  const p = m.prefix(folded, 2);
  return p ? { id: p.value, exact: false } : undefined;
}

/**
 * The header row: the first row within the first `maxRows` that holds at least `min` distinct known
 * headers of the sheet (title rows and banners above it have at most one). null when there is none.
 */
export function findHeaderRow(sheet: RawSheet, m: NameMatcher<ColumnId>, maxRows = 15, min = 2): number | null {
  const last = Math.min(maxRows, sheet.rows.length);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const ids = new Set<ColumnId>();
    for (let c = 0; c < row.length; c++) {
      const t = textAt(sheet, r, c);
      if (t === '') continue;
      const h = headerId(m, foldCached(t));
      if (h && h.id !== IGNORED) ids.add(h.id);
      else if (h) ids.add(`${IGNORED}${c}`);
    }
    if (ids.size >= min) return r;
  }
  return null;
}

/** Where a field's value is in a table row: one column, or a `Có | Không` pair of columns. */
export interface ColumnSpec { col: number; no?: number }

export interface TableHeader {
  row: number;
  /** First row after the header (and its second row, when there is one). */
  dataStart: number;
  columns: Map<string, ColumnSpec>;
  stt?: number;
  /** Header cells that name no known column (listed in one warning). */
  unknown: { row: number; col: number; text: string }[];
  /** A field named by a second column (the first one is used). */
  duplicates: { key: string; row: number; col: number }[];
  /** Left-most and right-most header columns. */
  firstCol: number;
  lastCol: number;
  /** Every named header cell, in column order, with what it matched (for --explain). */
  cells: { row: number; col: number; text: string; id?: ColumnId; no?: number }[];
}

const isYes = (t: string): boolean => foldCached(t) === 'co';
const isNo = (t: string): boolean => foldCached(t) === 'khong';

/**
 * Map the header row to fields. A second header row is read when the row below holds `Có | Không`
 * pairs (one yes/no value each, named by the cell above, often merged across both) or sits under
 * header cells merged down into it.
 */
export function mapHeader(sheet: RawSheet, r: number, m: NameMatcher<ColumnId>, yesNoKeys: ReadonlySet<string>, merges: MergeIndex): TableHeader {
  const width = Math.max(sheet.rows[r]?.length ?? 0, sheet.rows[r + 1]?.length ?? 0);
  const top = (c: number): { text: string; master: boolean } => {
    const mg = merges.at(r, c);
    if (mg && (mg.r1 !== r || mg.c1 !== c)) return { text: mg.r1 <= r ? textAt(sheet, mg.r1, mg.c1) : '', master: false };
    return { text: textAt(sheet, r, c), master: true };
  };
  // Second header row?
  const pairs = new Map<number, number>(); // Có column → Không column
  for (let c = 0; c + 1 < width; c++) {
    if (isYes(textAt(sheet, r + 1, c)) && isNo(textAt(sheet, r + 1, c + 1))) pairs.set(c, c + 1);
  }
  let twoRows = pairs.size > 0;
  if (!twoRows) {
    for (let c = 0; c < width && !twoRows; c++) {
      const mg = merges.at(r, c);
      if (mg && mg.r1 === r && mg.r2 > r && textAt(sheet, r, c) !== '') twoRows = true;
    }
    if (twoRows) {
      // Merged down and the row below holds only text: a second header row, else data.
      const below = sheet.rows[r + 1] ?? [];
      twoRows = below.every((cell) => cell === undefined || cell.t === 's') && below.some((cell, c) => {
        const mg = merges.at(r + 1, c);
        return cell?.t === 's' && (!mg || mg.r1 === r + 1) && headerId(m, foldCached(String(cell.v))) !== undefined;
      });
    }
  }

  const header: TableHeader = {
    row: r, dataStart: twoRows ? r + 2 : r + 1, columns: new Map(), unknown: [], duplicates: [], firstCol: Infinity, lastCol: -1, cells: [],
  };
  const candidates: { col: number; row: number; text: string; id?: ColumnId; exact: boolean; no?: number }[] = [];
  for (let c = 0; c < width; c++) {
    const t = top(c);
    const bottomMerge = twoRows ? merges.at(r + 1, c) : undefined;
    const bottom = twoRows && (!bottomMerge || bottomMerge.r1 === r + 1) ? textAt(sheet, r + 1, c) : '';
    if (pairs.has(c)) {
      // The pair is named by the cell above the Có column, or above the Không column.
      const names = [t.text, top(c + 1).text].filter((s) => s !== '');
      const hit = names.map((s) => ({ s, h: headerId(m, foldCached(s)) })).find((x) => x.h && yesNoKeys.has(x.h.id));
      if (hit) candidates.push({ col: c, row: r, text: hit.s, id: hit.h!.id, exact: hit.h!.exact, no: c + 1 });
      else if (names[0]) candidates.push({ col: c, row: r, text: names[0], exact: false });
      c += 1;
      continue;
    }
    const bh = bottom ? headerId(m, foldCached(bottom)) : undefined;
    if (bh) { candidates.push({ col: c, row: r + 1, text: bottom, id: bh.id, exact: bh.exact }); continue; }
    if (t.master && t.text !== '') {
      const th = headerId(m, foldCached(t.text));
      candidates.push({ col: c, row: r, text: t.text, ...(th ? { id: th.id, exact: th.exact } : { exact: false }) });
      continue;
    }
    if (bottom !== '') candidates.push({ col: c, row: r + 1, text: bottom, exact: false });
  }
  // Exact names first, then names recognised by their first words (which never displace an exact one).
  for (const pass of [true, false]) {
    for (const x of candidates) {
      if (x.id === undefined || x.exact !== pass) continue;
      header.firstCol = Math.min(header.firstCol, x.col);
      header.lastCol = Math.max(header.lastCol, x.no ?? x.col);
      if (x.id === IGNORED) continue;
      if (x.id === STT) { header.stt ??= x.col; continue; }
      if (header.columns.has(x.id)) {
        if (pass) header.duplicates.push({ key: x.id, row: x.row, col: x.col });
        else header.unknown.push({ row: x.row, col: x.col, text: x.text });
        continue;
      }
      header.columns.set(x.id, x.no === undefined ? { col: x.col } : { col: x.col, no: x.no });
    }
  }
  for (const x of candidates) if (x.id === undefined) header.unknown.push({ row: x.row, col: x.col, text: x.text });
  header.unknown.sort((a, b) => a.col - b.col);
  header.cells = candidates.map((x) => ({ row: x.row, col: x.col, text: x.text, ...(x.id !== undefined ? { id: x.id } : {}), ...(x.no !== undefined ? { no: x.no } : {}) }));
  if (header.firstCol === Infinity) header.firstCol = 0;
  return header;
}

// ---------- the label column of `Thông tin chung` ----------

/**
 * Where the labels of a label sheet are. Usually in a column (found like a header: the column where
 * known labels are; plus any other column with at least two, a second block side by side); in an
 * export laid out as one header row, in a row, with the values below.
 */
export interface LabelLayout { columns: number[]; row: number | null }

export function findLabelLayout(sheet: RawSheet, m: NameMatcher<string>, maxRows = 1000): LabelLayout {
  const byCol = new Map<number, number>();
  const byRow = new Map<number, number>();
  const last = Math.min(maxRows, sheet.rows.length);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = textAt(sheet, r, c);
      if (t === '' || m.match(t) === undefined) continue;
      byCol.set(c, (byCol.get(c) ?? 0) + 1);
      byRow.set(r, (byRow.get(r) ?? 0) + 1);
    }
  }
  if (byCol.size === 0) return { columns: [], row: null };
  const [bestCol, colCount] = [...byCol.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const [bestRow, rowCount] = [...byRow.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  if (rowCount >= 3 && rowCount > colCount) return { columns: [], row: bestRow };
  return { columns: [...byCol.entries()].filter(([c, n]) => c === bestCol || n >= 2).map(([c]) => c).sort((a, b) => a - b), row: null };
}

/** The label columns (see findLabelLayout). */
export const findLabelColumns = (sheet: RawSheet, m: NameMatcher<string>, maxRows = 1000): number[] =>
  findLabelLayout(sheet, m, maxRows).columns;

/** `Có | Không` answer columns of a label sheet: a row (not a label row) with `Có` and `Không` side by side. */
export function findYesNoColumns(sheet: RawSheet, labels: NameMatcher<string>, maxRows = 1000): Map<number, number> {
  const pairs = new Map<number, number>();
  const last = Math.min(maxRows, sheet.rows.length);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row || row.some((cell) => cell?.t === 's' && labels.match(String(cell.v)) !== undefined)) continue;
    for (let c = 0; c + 1 < row.length; c++) {
      if (isYes(textAt(sheet, r, c)) && isNo(textAt(sheet, r, c + 1))) pairs.set(c, c + 1);
    }
  }
  return pairs;
}
