// A workbook of table sheets written straight as SpreadsheetML into a streaming zip, for the summaries
// (summary.xlsx of a batch). exceljs builds an object per cell and a style object per cell, then the
// whole package in memory: for a 10,000-school summary that was 7 s and ~500 MB at the end of a run.
// Here rows are written as they come (any iterable), text goes inline (no shared-string table to hold),
// the few cell styles are numbered as they are first used, and only the compressed bytes are kept.
// The layout is the one of xlsx.ts's addTableSheet: bold filled frozen header, autofilter, status fills,
// wrapped text with row heights, A4 fit to width with the header row repeated, header and footer.
// Entry times are fixed, so the same summary gives the same bytes.
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { CriterionStatus } from '../engine/types.js';
import { STATUS_STYLE } from './common.js';
import { escapeXml, escapeXmlText } from './text.js';

export type TableValue = string | number | null;
export interface TableColumn {
  header: string;
  width: number;
  wrap?: boolean;
  /** Number format of the column's numbers (e.g. '0.0%'). */
  numFmt?: string;
  /** Horizontal alignment of the column's cells (Excel's default: text left, numbers right). */
  align?: 'left';
}
export interface TableRow {
  cells: TableValue[];
  /** A cell shown in its status's colours. */
  status?: { col: number; status: CriterionStatus };
  /** Number formats of single cells, by column index, over the column's. */
  numFmts?: Record<number, string>;
}
export interface TableSheet {
  name: string;
  columns: TableColumn[];
  rows: Iterable<TableRow>;
  orientation?: 'portrait' | 'landscape';
  /** Excel header and footer codes (`&A` sheet name, `&P` page…). */
  header?: string;
  footer?: string;
}

/** Excel's limit for the text of one cell, and its largest row height. */
const MAX_CELL_TEXT = 32_767;
const MAX_ROW_HEIGHT = 409;
/** Points per line of 11-pt text. */
const LINE_HEIGHT = 15;
const HEADER_FILL = 'D9E1F2';
/** Document times when none is given: a fixed date keeps re-runs identical. */
const FIXED_DATE = '1980-01-01T00:00:00.000Z';
/** Rows per piece handed to the compressor. */
const ROWS_PER_PIECE = 200;

/** How many lines a row's wrapped text takes (LibreOffice and Excel keep the default height otherwise). */
export function rowLines(cells: readonly TableValue[], columns: readonly TableColumn[], wrapAll = false): number {
  let lines = 1;
  cells.forEach((v, i) => {
    const c = columns[i];
    if (typeof v !== 'string' || !c || !(wrapAll || c.wrap)) return;
    const perLine = Math.max(1, Math.floor(c.width) - 1);
    let n = 0;
    for (const part of v.split('\n')) n += Math.max(1, Math.ceil([...part].length / perLine));
    lines = Math.max(lines, n);
  });
  return lines;
}

/** 0 → A, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface CellStyle { numFmt: string; bold?: boolean; font?: string; fill?: string; border?: boolean; vertical: 'top' | 'center'; wrap: boolean; align?: 'left' }

/** Built-in number formats (ECMA-376 18.8.30) that the tables use; others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };

/** The cell styles of a workbook, numbered in the order they are first used (cellXfs). */
class Styles {
  private readonly xfs = new Map<string, number>();
  private readonly xfList: CellStyle[] = [];
  private readonly fonts = new Map<string, number>([['', 0]]);
  private readonly fills = new Map<string, number>([['none', 0], ['gray125', 1]]);
  private readonly formats = new Map<string, number>();

  constructor() {
    this.id({ numFmt: 'General', vertical: 'top', wrap: false }); // xf 0: the default
  }

  id(s: CellStyle): number {
    const key = `${s.numFmt}|${s.bold ? 1 : 0}|${s.font ?? ''}|${s.fill ?? ''}|${s.border ? 1 : 0}|${s.vertical}|${s.wrap ? 1 : 0}|${s.align ?? ''}`;
    let id = this.xfs.get(key);
    if (id === undefined) {
      id = this.xfList.length;
      this.xfs.set(key, id);
      this.xfList.push(s);
      if (s.bold || s.font) this.index(this.fonts, `${s.bold ? 'b' : ''}|${s.font ?? ''}`);
      if (s.fill) this.index(this.fills, s.fill);
      if (BUILTIN_FORMATS[s.numFmt] === undefined) this.index(this.formats, s.numFmt, 164);
    }
    return id;
  }

  private index(m: Map<string, number>, key: string, base = 0): number {
    let i = m.get(key);
    if (i === undefined) m.set(key, (i = base + m.size));
    return i;
  }

  xml(): string {
    const fmt = (f: string) => BUILTIN_FORMATS[f] ?? this.formats.get(f)!;
    const fontKey = (s: CellStyle) => (s.bold || s.font ? `${s.bold ? 'b' : ''}|${s.font ?? ''}` : '');
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
    const fonts = [...this.fonts.keys()].map((k) => {
      const [b, color] = k.split('|');
      return `<font>${b === 'b' ? '<b/>' : ''}<sz val="11"/>${color ? `<color rgb="FF${color}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    }).join('');
    const fills = [...this.fills.keys()].map((k) => (k === 'none' || k === 'gray125'
      ? `<fill><patternFill patternType="${k}"/></fill>`
      : `<fill><patternFill patternType="solid"><fgColor rgb="FF${k}"/><bgColor rgb="FF${k}"/></patternFill></fill>`)).join('');
    const xfs = this.xfList.map((s) => {
      const align = `<alignment vertical="${s.vertical}"${s.wrap ? ' wrapText="1"' : ''}${s.align ? ` horizontal="${s.align}"` : ''}/>`;
      const fontId = this.fonts.get(fontKey(s))!;
      const fillId = s.fill ? this.fills.get(s.fill)! : 0;
      return `<xf numFmtId="${fmt(s.numFmt)}" fontId="${fontId}" fillId="${fillId}" borderId="${s.border ? 1 : 0}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${align}</xf>`;
    }).join('');
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + (this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '')
      + `<fonts count="${this.fonts.size}">${fonts}</fonts>`
      + `<fills count="${this.fills.size}">${fills}</fills>`
      + '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfList.length}">${xfs}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + '</styleSheet>';
  }
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** One cell's XML, or '' for an empty one. */
function cellXml(ref: string, v: TableValue, style: number): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : '';
  const text = escapeXmlText(v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v);
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** The workbook's bytes: each sheet written and compressed row by row. */
export function writeTableWorkbook(sheets: readonly TableSheet[], opts: { generatedAt?: string } = {}): Uint8Array {
  const pieces: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else pieces.push(data);
  });
  // fflate writes DOS times from local-time fields: the local date that shows the UTC time.
  const at = new Date(opts.generatedAt ?? FIXED_DATE);
  const mtime = new Date(Math.max(at.getUTCFullYear(), 1980), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
  const part = (name: string, write: (push: (text: string) => void) => void) => {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    write((text) => entry.push(strToU8(text)));
    entry.push(new Uint8Array(0), true);
  };

  const styles = new Styles();
  const taken = new Set<string>();
  const names: string[] = [];
  const filters: string[] = [];
  sheets.forEach((sheet, i) => {
    const name = sheetName(sheet.name, taken);
    names.push(name);
    part(`xl/worksheets/sheet${i + 1}.xml`, (push) => { filters.push(writeSheet(sheet, styles, push)); });
  });

  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
  part('xl/styles.xml', (push) => push(styles.xml()));
  part('xl/workbook.xml', (push) => {
    const defined = names.flatMap((n, i) => [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXmlText(`${quoteSheet(n)}!${filters[i]}`)}</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXmlText(`${quoteSheet(n)}!$1:$1`)}</definedName>`,
    ]).join('');
    push(`${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">`
      + '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>'
      + names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + `</sheets><definedNames>${defined}</definedNames><calcPr calcId="171027"/></workbook>`);
  });
  part('xl/_rels/workbook.xml.rels', (push) => push(`${XML}<Relationships xmlns="${PKG_REL}">`
    + names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`));
  part('_rels/.rels', (push) => push(`${XML}<Relationships xmlns="${PKG_REL}">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
    + `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>`
    + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`));
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  part('docProps/core.xml', (push) => push(`${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:creator>audit</dc:creator><cp:lastModifiedBy>audit</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`));
  part('docProps/app.xml', (push) => push(`${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>audit</Application></Properties>`));
  part('[Content_Types].xml', (push) => push(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'));
  zip.end();
  if (failure) throw failure;

  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of pieces) { out.set(p, o); o += p.length; }
  return out;
}

/** Write one sheet's XML; its table's range (for the autofilter). */
function writeSheet(sheet: TableSheet, styles: Styles, push: (text: string) => void): string {
  const { columns } = sheet;
  const last = columnName(Math.max(columns.length, 1) - 1);
  const header = styles.id({ numFmt: '@', bold: true, fill: HEADER_FILL, border: true, vertical: 'center', wrap: true });
  // Per column: the style of its text and of its numbers; a status cell's style is made when first met.
  const text = columns.map((c) => styles.id({ numFmt: '@', vertical: 'top', wrap: c.wrap ?? false, ...(c.align ? { align: c.align } : {}) }));
  const number = columns.map((c) => styles.id({ numFmt: c.numFmt ?? 'General', vertical: 'top', wrap: c.wrap ?? false, ...(c.align ? { align: c.align } : {}) }));
  const styled = (c: number, v: TableValue, fmt: string | undefined, status: CriterionStatus | undefined): number => {
    const col = columns[c];
    if (fmt === undefined && status === undefined) return typeof v === 'number' ? number[c] ?? 0 : text[c] ?? 0;
    const st = status === undefined ? undefined : STATUS_STYLE[status];
    return styles.id({
      numFmt: typeof v === 'number' ? fmt ?? col?.numFmt ?? 'General' : '@',
      vertical: 'top', wrap: col?.wrap ?? false, ...(col?.align ? { align: col.align } : {}),
      ...(st ? { bold: true, font: st.font, fill: st.fill } : {}),
    });
  };

  push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    + '<sheetFormatPr defaultRowHeight="15"/>'
    + `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols><sheetData>`);
  const rowXml = (r: number, cells: readonly TableValue[], lines: number, style: (c: number, v: TableValue) => number): string => {
    const ht = lines > 1 ? ` ht="${Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)}" customHeight="1"` : '';
    let xml = `<row r="${r}"${ht}>`;
    cells.forEach((v, c) => { xml += cellXml(`${columnName(c)}${r}`, v, style(c, v)); });
    return `${xml}</row>`;
  };
  const headers = columns.map((c) => c.header);
  let piece = rowXml(1, headers, rowLines(headers, columns, true), () => header);
  let r = 1;
  for (const row of sheet.rows) {
    r += 1;
    piece += rowXml(r, row.cells, rowLines(row.cells, columns), (c, v) =>
      styled(c, v, row.numFmts?.[c], row.status?.col === c ? row.status.status : undefined));
    if (r % ROWS_PER_PIECE === 0) { push(piece); piece = ''; }
  }
  const range = `$A$1:$${last}$${r}`;
  const hf = sheet.header !== undefined || sheet.footer !== undefined
    ? `<headerFooter>${sheet.header !== undefined ? `<oddHeader>${escapeXmlText(sheet.header)}</oddHeader>` : ''}${sheet.footer !== undefined ? `<oddFooter>${escapeXmlText(sheet.footer)}</oddFooter>` : ''}</headerFooter>`
    : '';
  push(`${piece}</sheetData><autoFilter ref="A1:${last}${r}"/>`
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    + `<pageSetup paperSize="9" orientation="${sheet.orientation ?? 'landscape'}" fitToWidth="1" fitToHeight="0"/>${hf}</worksheet>`);
  return range;
}
