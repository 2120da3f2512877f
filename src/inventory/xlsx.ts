// The one place that opens spreadsheet bytes: xlsx → RawWorkbook. Built for speed (a district batch is
// thousands of files) and for hostile or odd input: bytes are sniffed first, zip sizes are checked before
// inflating, a large part is inflated and scanned piece by piece so a limit stops work early, and
// elements are compared by local name (the .NET SDK writes `x:` prefixes, Strict OOXML other namespaces).
// The XML is read by our own scanner (xml-scan.ts), several times faster than a general SAX parser.
import '../messages/input.js';
import type { RawCell, RawMerge, RawSheet, RawWorkbook, WorkbookReader } from './types.js';
import { assertZipContainer, inputError, notAWorkbook } from './sniff.js';
import { limitArgs, listZip, ZipArchive, type ZipEntry, type ZipLimits } from './zip.js';
import { InputError } from '../errors.js';
import { XmlError, XmlScanner, type XmlAttrs, type XmlHandlers } from './xml-scan.js';

export interface ReadLimits extends ZipLimits {
  /** Rows and columns count up to the last cell that holds a value (formatting alone does not count). */
  maxRows: number;
  maxCols: number;
  maxSheets: number;
  /** Cells with a value, over all sheets (~130 MB of cells at 1 000 000); also caps the shared-string table. */
  maxCells: number;
  /** Characters of one cell's text (Excel's own limit); the rest is cut off, with a data issue at the cell. */
  maxCellText: number;
  /**
   * Characters of text a workbook may hold: each shared string once (however many cells refer to it:
   * repeated references cost nothing) plus each inline text.
   */
  maxText: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = {
  maxEntries: 1000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFromSize: 1024 * 1024,
  maxRows: 100_000,
  maxCols: 1_000,
  maxSheets: 100,
  maxCells: 1_000_000,
  maxCellText: 32_767,
  maxText: 16 * 1024 * 1024,
};

/** A part up to this size is inflated in one piece (native zlib, fastest); a larger one is streamed. */
const WHOLE_PART_MAX = 16 * 1024 * 1024;

export const xlsxReader: WorkbookReader = { read: (bytes, fileName) => readXlsx(bytes, fileName) };

export function readXlsx(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): RawWorkbook {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  assertZipContainer(bytes, fileName);
  const pkg = new Package(bytes, fileName, listZip(bytes, fileName, lim));

  const wbEntry = pkg.find(officeDocumentPart(pkg)) ?? pkg.find('xl/workbook.xml');
  if (!wbEntry || !/\.xml$/i.test(wbEntry.name)) throw pkg.notAWorkbook();
  const wb = parseWorkbook(pkg, wbEntry);
  if (wb.sheets.length > lim.maxSheets) throw inputError('input.too_large', fileName, limitArgs('maxSheets', wb.sheets.length, lim.maxSheets));

  const rels = parseRels(pkg, wbEntry.name);
  const relOfType = (type: string) => [...rels.values()].find((r) => r.type === type);
  const sstEntry = pkg.find(relOfType('sharedStrings')?.target) ?? pkg.find(siblingPart(wbEntry.name, 'sharedStrings.xml'));
  const stylesEntry = pkg.find(relOfType('styles')?.target) ?? pkg.find(siblingPart(wbEntry.name, 'styles.xml'));

  const text = { chars: 0 };
  const sst = sstEntry ? parseSharedStrings(pkg, sstEntry, lim, text) : { strings: [], cut: new Map<number, number>() };
  const ctx: SheetContext = {
    pkg, lim,
    strings: sst.strings,
    cutStrings: sst.cut,
    text,
    dateStyles: stylesEntry ? parseStyles(pkg, stylesEntry) : [],
    date1904: wb.date1904,
    cells: 0,
  };

  const sheets: RawSheet[] = [];
  // Each part is parsed once: 100 sheets pointing at one large part would cost 100 parses of it.
  const parsedParts = new Set<string>();
  for (const s of wb.sheets) {
    const rel = rels.get(s.rid);
    if (!rel || rel.type !== 'worksheet') continue; // chartsheet, dialogsheet, macro sheet: no cells to read
    const entry = pkg.find(rel.target);
    if (!entry) throw inputError('input.corrupt', fileName, { reason: 'missing_part', entry: rel.target });
    if (parsedParts.has(entry.name)) throw inputError('input.corrupt', fileName, { reason: 'shared_part', entry: entry.name });
    parsedParts.add(entry.name);
    sheets.push({ name: s.name, hidden: s.hidden, ...parseWorksheet(ctx, entry, s.name) });
  }
  return { sheets };
}

// ---------- the package: parts by name, XML by stream ----------

class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly zip: ZipArchive;
  constructor(bytes: Uint8Array, readonly file: string, readonly entries: ZipEntry[]) {
    this.zip = new ZipArchive(bytes, file, entries);
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e); // OPC part names are case-insensitive
  }

  find(name: string | undefined): ZipEntry | undefined {
    if (name === undefined) return undefined;
    const n = name.replace(/^\/+/, '').toLowerCase();
    return this.byName.get(n) ?? this.byName.get(safeDecodeUri(n));
  }

  notAWorkbook(): InputError {
    const m = this.find('mimetype');
    const bytes = m && m.size <= 256 ? this.zip.readSmall(m) : undefined;
    const mimetype = bytes ? new TextDecoder().decode(bytes) : undefined;
    return notAWorkbook(this.file, this.entries.map((e) => e.name), mimetype);
  }

  /** Scan one XML part, in one piece or streamed. A DOCTYPE is refused (no entity is ever expanded); bad XML is input.corrupt. */
  parse(entry: ZipEntry, h: XmlHandlers): void {
    const file = this.file;
    const scanner = new XmlScanner(h);
    const feed = (s: string | null) => {
      try {
        if (s === null) scanner.end();
        else scanner.write(s);
      } catch (err) {
        if (err instanceof XmlError) {
          if (err.reason === 'dtd') throw inputError('input.xml_dtd', file, { entry: entry.name });
          throw inputError('input.corrupt', file, { reason: 'xml', entry: entry.name });
        }
        throw err;
      }
    };
    const whole = entry.size <= WHOLE_PART_MAX ? this.zip.readSmall(entry) : undefined;
    if (whole) {
      feed(decoderFor(whole, false).decode(whole));
    } else {
      let decoder: InstanceType<typeof TextDecoder> | undefined;
      this.zip.stream(entry, (chunk) => feed((decoder ??= decoderFor(chunk, true)).decode(chunk, { stream: true })));
      if (decoder) feed(decoder.decode());
    }
    feed(null);
  }
}

const UTF8 = new TextDecoder('utf-8');
/** Parts are UTF-8; a UTF-16 part announces itself with a byte-order mark. */
function decoderFor(start: Uint8Array, streaming: boolean): InstanceType<typeof TextDecoder> {
  if (start[0] === 0xff && start[1] === 0xfe) return new TextDecoder('utf-16le');
  if (start[0] === 0xfe && start[1] === 0xff) return new TextDecoder('utf-16be');
  return streaming ? new TextDecoder('utf-8') : UTF8; // a streaming decoder keeps state between chunks
}

function safeDecodeUri(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function siblingPart(part: string, name: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1) + name;
}

/** Resolve a relationship target against the folder of its source part (absolute targets start with '/'). */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

interface Rel { type: string; target: string }

/** Relationships of `sourcePart` by id; `type` is the last segment of the type URI (same in Strict). */
function parseRels(pkg: Package, sourcePart: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const entry = pkg.find(relsPartOf(sourcePart));
  if (!entry) return rels;
  pkg.parse(entry, {
    open(local, a) {
      if (local !== 'Relationship') return;
      const id = a.get('Id'), target = a.get('Target'), type = a.get('Type');
      if (a.get('TargetMode') === 'External' || !id || !target || !type) return;
      rels.set(id, { type: type.slice(type.lastIndexOf('/') + 1), target: resolveTarget(sourcePart, target) });
    },
  });
  return rels;
}

/** The workbook part named by the package relationships (_rels/.rels), if any. */
function officeDocumentPart(pkg: Package): string | undefined {
  for (const rel of parseRels(pkg, '').values()) if (rel.type === 'officeDocument') return rel.target;
  return undefined;
}

// ---------- workbook, shared strings, styles ----------

interface WorkbookInfo { sheets: { name: string; rid: string; hidden: boolean }[]; date1904: boolean }

function parseWorkbook(pkg: Package, entry: ZipEntry): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  let root: string | undefined;
  pkg.parse(entry, {
    open(local, a) {
      root ??= local;
      if (local === 'workbookPr') {
        const d = a.get('date1904');
        info.date1904 = d === '1' || d === 'true';
      } else if (local === 'sheet') {
        const state = a.get('state');
        info.sheets.push({
          name: a.get('name') ?? '',
          rid: a.prefixed('id') ?? '', // r:id, whatever the prefix
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
  });
  if (root !== 'workbook') throw pkg.notAWorkbook();
  return info;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes _x000D_ for a carriage return). */
function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** `text` cut to `max` characters (not inside a surrogate pair). */
function cutText(text: string, max: number): string {
  const c = text.charCodeAt(max - 1);
  return text.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** Count characters of text against the workbook's budget. */
function spend(pkg: Package, lim: ReadLimits, text: { chars: number }, n: number): void {
  text.chars += n;
  if (text.chars > lim.maxText) throw inputError('input.too_large', pkg.file, limitArgs('maxText', text.chars, lim.maxText));
}

/**
 * Shared strings: plain `<t>`, rich-text runs `<r><t>` joined; phonetic `<rPh>` ignored. A string over
 * Excel's limit is cut once here (`cut`: index → length as written), so its cells share the cut copy.
 */
function parseSharedStrings(pkg: Package, entry: ZipEntry, lim: ReadLimits, budget: { chars: number }): { strings: string[]; cut: Map<number, number> } {
  const strings: string[] = [];
  const cut = new Map<number, number>();
  let text = '', written = 0, inT = false, inPhonetic = false, inSi = false;
  // The text of one string kept while it is read: enough for the cap even when written with _xHHHH_ escapes.
  const keep = 8 * lim.maxCellText;
  pkg.parse(entry, {
    open(local) {
      if (local === 't') inT = !inPhonetic && inSi;
      else if (local === 'si') { text = ''; written = 0; inSi = true; }
      else if (local === 'rPh') inPhonetic = true;
    },
    close(local) {
      if (local === 't') inT = false;
      else if (local === 'rPh') inPhonetic = false;
      else if (local === 'si') {
        inSi = false;
        if (strings.length >= lim.maxCells) throw inputError('input.too_large', pkg.file, limitArgs('maxCells', strings.length + 1, lim.maxCells));
        let s = unescapeOoxml(text);
        text = '';
        if (s.length > lim.maxCellText) {
          cut.set(strings.length, written > keep ? written : s.length);
          s = cutText(s, lim.maxCellText);
        }
        spend(pkg, lim, budget, s.length);
        strings.push(s);
      }
    },
    text(t) {
      if (!inT) return;
      // A string being read does not grow far past the cap (a 100 MB <t> is not held whole).
      written += t.length;
      if (text.length < keep) text += t.length <= keep - text.length ? t : t.slice(0, keep - text.length);
    },
  });
  return { strings, cut };
}

/** 0 = not a date, 1 = date, 2 = date and/or time. */
type DateKind = 0 | 1 | 2;

/** Built-in number formats that are dates or times (ECMA-376 18.8.30 and the East Asian ones). */
function builtinDateKind(id: number): DateKind {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 54) || id === 57 || id === 58) return 1;
  if ((id >= 18 && id <= 22) || id === 32 || id === 33 || (id >= 45 && id <= 47) || id === 55 || id === 56) return 2;
  return 0;
}

/** Whether a custom number format shows a date or time: its tokens, ignoring quoted text, [..] and escapes. */
export function formatDateKind(code: string): DateKind {
  let s = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[([^\]]*)\]/g, (_, inner: string) => (/^(h+|m+|s+)$/i.test(inner) ? inner : '')) // [h]:mm is elapsed time
    .replace(/general/gi, '')
    .replace(/AM\/PM|A\/P/gi, 'h')
    .replace(/e[+-]/gi, ''); // scientific notation
  s = s.toLowerCase();
  const time = /[hs]/.test(s);
  if (time) return 2;
  return /[dmy]/.test(s) ? 1 : 0;
}

/** The date kind of each cell style (cellXfs index), from its number format. */
function parseStyles(pkg: Package, entry: ZipEntry): DateKind[] {
  const custom = new Map<number, DateKind>();
  const xfNumFmts: number[] = [];
  let inCellXfs = false;
  pkg.parse(entry, {
    open(local, a) {
      const id = a.get('numFmtId');
      if (local === 'numFmt' && id !== undefined) custom.set(Number(id), formatDateKind(a.get('formatCode') ?? ''));
      else if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) xfNumFmts.push(Number(id ?? 0));
    },
    close(local) { if (local === 'cellXfs') inCellXfs = false; },
  });
  return xfNumFmts.map((id) => custom.get(id) ?? builtinDateKind(id));
}

// ---------- worksheets ----------

interface SheetContext {
  pkg: Package;
  lim: ReadLimits;
  strings: string[];
  /** Shared strings cut to maxCellText: index → length as written. */
  cutStrings: Map<number, number>;
  /** Characters of text held so far (shared strings once each, inline texts), against maxText. */
  text: { chars: number };
  dateStyles: DateKind[];
  date1904: boolean;
  /** Cells with a value read so far (all sheets). */
  cells: number;
}

/** 'B12' → [row 11, col 1]; -1s when it is not a plain A1 reference. */
function parseRef(ref: string, out: [number, number]): boolean {
  let col = 0, row = 0, i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else if (c !== 36) break; // '$'
  }
  const digitsFrom = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + c - 48;
    else if (c !== 36 || i !== digitsFrom) return false;
  }
  if (col === 0 || row === 0) return false;
  out[0] = row - 1;
  out[1] = col - 1;
  return true;
}

function parseRange(ref: string): RawMerge | undefined {
  const [a, b = a] = ref.split(':');
  const p: [number, number] = [0, 0], q: [number, number] = [0, 0];
  if (!a || !parseRef(a, p) || !parseRef(b!, q)) return undefined;
  return { r1: Math.min(p[0], q[0]), c1: Math.min(p[1], q[1]), r2: Math.max(p[0], q[0]), c2: Math.max(p[1], q[1]) };
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31); // before the fictitious 29 Feb 1900 (serial 60)
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial as 'YYYY-MM-DD' (or with 'THH:MM:SS'); undefined when it is no date Excel can show. */
export function serialToIso(serial: number, date1904: boolean, withTime: boolean): string | undefined {
  if (!(serial >= 0) || serial >= 2958466) return undefined; // negative or after 9999-12-31
  const secs = Math.round(serial * 86400);
  let days = Math.floor(secs / 86400);
  const timeMs = (secs - days * 86400) * 1000;
  let base = date1904 ? EPOCH_1904 : EPOCH_1900;
  if (!date1904 && days < 61) {
    base = EPOCH_1900_EARLY; // the 1900 leap-year bug: serial 60 is 29 Feb 1900, which never was
    if (days === 60) days = 59;
  }
  const iso = new Date(base + days * DAY_MS + timeMs).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** A `t="d"` cell (ISO 8601 text): kept as written, without zone; the time only when it matters. */
function isoCell(text: string, kind: DateKind): RawCell {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return { t: 's', v: text };
  const time = `${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}`;
  const withTime = kind === 2 || (kind === 0 && time !== '00:00:00');
  return { t: 'd', v: withTime ? `${m[1]}T${time}` : m[1]! };
}

/** What the text being read belongs to. */
const NONE = 0, VALUE = 1, INLINE_TEXT = 2;

function parseWorksheet(ctx: SheetContext, entry: ZipEntry, sheetName: string): Pick<RawSheet, 'rows' | 'merges' | 'cut'> {
  const { lim, strings, cutStrings, dateStyles, date1904, pkg } = ctx;
  const rows: (RawCell | undefined)[][] = [];
  const merges: RawMerge[] = [];
  const pos: [number, number] = [0, 0];
  let cut: RawSheet['cut'];
  /** A text cell cut to Excel's limit: the sheet remembers the first and counts them. */
  const wasCut = (length: number) => {
    if (cut) cut.count++;
    else cut = { r: row, c: col, length, count: 1, max: lim.maxCellText };
  };
  // The text of a cell kept while it is read (see parseSharedStrings), and how much was written.
  const keep = 8 * lim.maxCellText;
  let written = 0;
  /** An inline text: unescaped, cut to Excel's limit, counted against the workbook's text budget. */
  const textCell = (raw: string): RawCell => {
    let v = unescapeOoxml(raw);
    if (v.length > lim.maxCellText) {
      wasCut(written > keep ? written : v.length);
      v = cutText(v, lim.maxCellText);
    }
    spend(pkg, lim, ctx.text, v.length);
    return { t: 's', v };
  };

  let inSheetData = false;
  let row = -1, col = -1;
  // the cell being read
  let type = 'n', style = 0, formula = false, capture = NONE, inPhonetic = false;
  let value: string | undefined, inline: string | undefined;

  const tooLarge = (limit: keyof ReadLimits, v: number) => inputError('input.too_large', pkg.file, limitArgs(limit, v, lim[limit], sheetName));

  const cellValue = (): RawCell | undefined => {
    switch (type) {
      case 's': {
        if (value === undefined) return undefined;
        const i = Number(value);
        const s = strings[i];
        if (s === undefined) throw inputError('input.corrupt', pkg.file, { reason: 'shared_string_index', entry: entry.name });
        if (cutStrings.size > 0 && cutStrings.has(i)) wasCut(cutStrings.get(i)!);
        return { t: 's', v: s };
      }
      case 'inlineStr':
        if (inline !== undefined) return textCell(inline);
        return value === undefined ? undefined : textCell(value);
      case 'str':
        return value === undefined ? undefined : textCell(value);
      case 'b':
        return value === undefined ? undefined : { t: 'b', v: value.trim() === '1' || value.trim().toLowerCase() === 'true' };
      case 'e':
        return value === undefined ? undefined : { t: 'e', v: value.trim() };
      case 'd':
        return value === undefined || value.trim() === '' ? undefined : isoCell(value, dateStyles[style] ?? 0);
      default: {
        if (value === undefined) return inline === undefined ? undefined : textCell(inline); // <is> without t
        if (value.trim() === '') return undefined;
        const n = Number(value);
        if (!Number.isFinite(n)) return textCell(value);
        const kind = dateStyles[style] ?? 0;
        if (kind !== 0) {
          const iso = serialToIso(n, date1904, kind === 2);
          if (iso !== undefined) return { t: 'd', v: iso };
        }
        return { t: 'n', v: n };
      }
    }
  };

  pkg.parse(entry, {
    open(local, a) {
      if (!inSheetData) {
        if (local === 'sheetData') inSheetData = true;
        else if (local === 'mergeCell') {
          const ref = a.get('ref');
          const m = ref ? parseRange(ref) : undefined;
          if (m) merges.push(m);
        }
        return;
      }
      switch (local) { // most frequent first
        case 'c': {
          const r = a.get('r'), s = a.get('s');
          if (r !== undefined && parseRef(r, pos)) { row = pos[0]; col = pos[1]; } else { col++; if (row < 0) row = 0; }
          type = a.get('t') ?? 'n';
          style = s === undefined ? 0 : +s;
          formula = false;
          value = inline = undefined;
          written = 0;
          break;
        }
        case 'v': capture = VALUE; value = ''; break;
        case 'row': {
          const ra = a.get('r');
          const r = ra === undefined ? 0 : +ra;
          row = r >= 1 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case 'f': formula = true; break;
        case 'is': inline = ''; break;
        case 't': if (inline !== undefined && !inPhonetic) capture = INLINE_TEXT; break;
        case 'rPh': inPhonetic = true; break;
      }
    },
    close(local) {
      if (!inSheetData) return;
      switch (local) {
        case 'c': {
          capture = NONE;
          // A formula saved without its result (openpyxl does so) is not an empty cell: the school filled it.
          const cell = cellValue() ?? (formula && (value ?? '').trim() === '' && inline === undefined ? { t: 'e' as const, v: '' } : undefined);
          if (cell === undefined) break;
          if (row >= lim.maxRows) throw tooLarge('maxRows', row + 1);
          if (col >= lim.maxCols) throw tooLarge('maxCols', col + 1);
          if (++ctx.cells > lim.maxCells) throw tooLarge('maxCells', ctx.cells);
          if (formula) cell.f = true;
          (rows[row] ??= [])[col] = cell;
          break;
        }
        case 'v': case 't': capture = NONE; break;
        case 'rPh': inPhonetic = false; break;
        case 'sheetData': inSheetData = false; break;
      }
    },
    text(t) {
      if (capture === NONE) return;
      written += t.length;
      const room = keep - (capture === VALUE ? value! : inline!).length;
      if (room <= 0) return; // past what the cap needs: counted, not kept
      const piece = t.length <= room ? t : t.slice(0, room);
      if (capture === VALUE) value += piece;
      else inline += piece;
    },
  });
  return cut ? { rows, merges, cut } : { rows, merges };
}
