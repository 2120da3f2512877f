// The Excel report of one school: sheets Summary, Criteria, Data issues (names in the report's language),
// status fills, frozen header, autofilter, wrapped text. Every text is a text cell with the '@' format,
// never a formula, so "=HYPERLINK(…)" in a workbook stays harmless. exceljs is loaded on first use only.
// The file is re-zipped with fixed timestamps: the same result gives the same bytes.
import { unzipSync, zipSync } from 'fflate';
import type { Workbook, Worksheet } from 'exceljs';
import type { AuditResult, CriterionStatus } from '../engine/types.js';
import { reportLabel, type ReportLabel } from '../messages/report.js';
import {
  STATUS_STYLE, bandText, cellsText, criterionMessage, dateText, daysLeftText, deadlineViews, groupName, groupValue,
  criterionStatusWord, issueSeverityWord, issueViews, levelsText, pick, quoteText, say, scoreText, severityWord, showsBand, statusWord, upcoming,
  verdictText, warningViews, CRITERION_STATUSES, type Lang, type RenderOptions,
} from './common.js';
import { xmlSafe } from './text.js';

/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;
/** Document timestamps when SOURCE_DATE_EPOCH is not set: a fixed date keeps re-runs identical. */
const FIXED_DATE = '1980-01-01T00:00:00.000Z';

export type XlsxValue = string | number | null;
export interface XlsxColumn { header: string; width: number; wrap?: boolean; numFmt?: string }
export interface XlsxRow { cells: XlsxValue[]; status?: { col: number; status: CriterionStatus } }
export interface XlsxSheet { name: string; columns: XlsxColumn[]; rows: XlsxRow[] }

const HEADER_FILL = 'D9E1F2';

function fillFor(argb: string) {
  return { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: `FF${argb}` }, bgColor: { argb: `FF${argb}` } };
}

/** One cell: numbers as numbers, every string as a text cell (format '@'), null left empty. */
function setCell(ws: Worksheet, row: number, col: number, v: XlsxValue, column: XlsxColumn | undefined): void {
  if (v === null || v === '') return;
  const cell = ws.getCell(row, col);
  if (typeof v === 'number') {
    cell.value = v;
    if (column?.numFmt) cell.numFmt = column.numFmt;
  } else {
    cell.value = xmlSafe(v).slice(0, MAX_CELL_TEXT);
    cell.numFmt = '@';
  }
  cell.alignment = { vertical: 'top', wrapText: column?.wrap ?? false };
}

/** Points per line of 11-pt text, and Excel's largest row height. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/**
 * How many lines a row's wrapped text takes: the writer must say, since LibreOffice (and Excel, for
 * rows it did not lay out itself) keep the default height and print wrapped text over the next row.
 * A column's width counts roughly its characters per line.
 */
function rowLines(cells: readonly XlsxValue[], columns: readonly XlsxColumn[], wrapAll = false): number {
  let lines = 1;
  cells.forEach((v, i) => {
    const c = columns[i];
    if (typeof v !== 'string' || !c || !(wrapAll || c.wrap)) return;
    const perLine = Math.max(1, Math.floor(c.width) - 1);
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines;
}

function fitHeight(ws: Worksheet, row: number, lines: number): void {
  if (lines > 1) ws.getRow(row).height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** A sheet holding one table: bold, filled, frozen header row; autofilter over the whole table. */
export function addTableSheet(wb: Workbook, spec: XlsxSheet): Worksheet {
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    // printed on A4 landscape, as wide as the page, the header repeated on every page
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  spec.columns.forEach((c, i) => {
    setCell(ws, 1, i + 1, c.header, { ...c, wrap: true });
    const cell = ws.getCell(1, i + 1);
    cell.font = { bold: true };
    cell.fill = fillFor(HEADER_FILL);
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  fitHeight(ws, 1, rowLines(spec.columns.map((c) => c.header), spec.columns, true));
  spec.rows.forEach((r, ri) => {
    r.cells.forEach((v, ci) => setCell(ws, ri + 2, ci + 1, v, spec.columns[ci]));
    fitHeight(ws, ri + 2, rowLines(r.cells, spec.columns));
    if (r.status) {
      const style = STATUS_STYLE[r.status.status];
      const cell = ws.getCell(ri + 2, r.status.col + 1);
      cell.fill = fillFor(style.fill);
      cell.font = { color: { argb: `FF${style.font}` }, bold: true };
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: spec.rows.length + 1, column: spec.columns.length } };
  return ws;
}

/** A new workbook with fixed, deterministic document properties. */
export async function newWorkbook(generatedAt: string | undefined): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const when = new Date(generatedAt ?? FIXED_DATE);
  wb.creator = 'audit';
  wb.lastModifiedBy = 'audit';
  wb.created = when;
  wb.modified = when;
  return wb;
}

/** Write the workbook and re-zip it with fixed entry times (exceljs stamps "now" on every zip entry). */
export async function workbookBytes(wb: Workbook, generatedAt: string | undefined): Promise<Uint8Array> {
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const at = new Date(generatedAt ?? FIXED_DATE);
  // fflate writes DOS times from local-time fields: build the local date that shows the UTC time
  const local = new Date(Math.max(at.getUTCFullYear(), 1980), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
  return zipSync(unzipSync(raw), { level: 6, mtime: local });
}

function summarySheet(r: AuditResult, opts: RenderOptions): XlsxSheet {
  const { lang } = opts;
  const L = (k: ReportLabel) => reportLabel(k, lang);
  const unknown = L('unknown');
  const rows: XlsxRow[] = [];
  const add = (label: string, value: XlsxValue, status?: CriterionStatus) =>
    rows.push({ cells: [label, value], ...(status ? { status: { col: 1, status } } : {}) });

  add(L('field.school_name'), r.school.name ?? unknown);
  add(L('field.school_code'), r.school.code ?? unknown);
  add(L('field.province'), r.school.province ?? unknown);
  add(L('field.district'), r.school.district ?? unknown);
  add(L('field.school_year'), r.school.school_year ?? unknown);
  add(L('field.levels'), r.school.levels.length ? levelsText(r.school.levels, lang) : unknown);
  add(L('field.source'), r.source.file);
  add(L('field.source_sha256'), r.source.sha256);
  add(L('field.as_of'), dateText(r.as_of, lang));
  add(L('field.rubric'), pick(r.rubric.title, lang));
  add(L('field.rubric_id'), r.rubric.id);
  add(L('field.rubric_version'), r.rubric.version);
  add(L('field.document_number'), r.rubric.document.number);
  add(L('field.document_date'), dateText(r.rubric.document.date, lang));
  add(L('field.issuer'), r.rubric.issuer);
  add(L('field.rubric_sha256'), r.rubric.sha256);
  add(L('field.status'), statusWord(r.status, lang), r.status);
  const verdict = verdictText(r, lang);
  if (verdict) add(L('field.verdict'), verdict);
  add(L('field.score'), r.score ?? scoreText(null, lang));
  if (showsBand(r)) add(L('field.band'), bandText(r.band, lang));
  for (const s of CRITERION_STATUSES) add(statusWord(s, lang), r.summary[s], s);
  for (const g of r.groups) add(reportLabel('group.label', lang, { group: groupName(g, lang) }), groupValue(r, g, lang));
  for (const d of upcoming(deadlineViews(r.deadlines, lang))) {
    add(L('field.deadline'), reportLabel('deadline.value', lang, { date: dateText(d.date, lang), title: d.title, left: daysLeftText(d.days_left, lang) }));
  }
  for (const w of warningViews(r.warnings, lang)) add(L('field.warning'), w.message);
  add(L('field.tool'), `${r.tool.name} ${r.tool.version}`);
  if (opts.generatedAt) add(L('field.generated_at'), opts.generatedAt);

  return {
    name: L('sheet.summary'),
    columns: [{ header: L('col.item'), width: 30, wrap: true }, { header: L('col.value'), width: 80, wrap: true }],
    rows,
  };
}

function criteriaSheet(r: AuditResult, lang: Lang): XlsxSheet {
  const L = (k: ReportLabel) => reportLabel(k, lang);
  const columns: XlsxColumn[] = [
    { header: L('col.clause'), width: 8 },
    { header: L('col.id'), width: 26 },
    { header: L('col.criterion'), width: 40, wrap: true },
    { header: L('col.severity'), width: 14 },
    { header: L('col.weight'), width: 10 },
    { header: L('col.points'), width: 10 },
    { header: L('col.status'), width: 16 },
    { header: L('col.actual'), width: 26, wrap: true },
    { header: L('col.expected'), width: 26, wrap: true },
    { header: L('col.gap'), width: 36, wrap: true },
    { header: L('col.message'), width: 40, wrap: true },
    { header: L('col.quote'), width: 60, wrap: true },
    { header: L('col.hint'), width: 40, wrap: true },
    { header: L('col.cells'), width: 24, wrap: true },
    { header: L('col.rule'), width: 30, wrap: true },
  ];
  const rows = r.criteria.map((c): XlsxRow => ({
    cells: [
      c.clause, c.id, pick(c.title, lang), severityWord(c.severity, lang), c.weight, c.points, criterionStatusWord(c, lang),
      say(c.actual, lang), say(c.expected, lang), say(c.gap, lang), criterionMessage(c, lang), quoteText(c, lang),
      c.hint ? pick(c.hint, lang) : null, cellsText(c.cells), c.rule,
    ],
    status: { col: 6, status: c.status },
  }));
  return { name: L('sheet.criteria'), columns, rows };
}

function issuesSheet(r: AuditResult, lang: Lang): XlsxSheet {
  const L = (k: ReportLabel) => reportLabel(k, lang);
  return {
    name: L('sheet.data_issues'),
    columns: [
      { header: L('col.severity'), width: 12 },
      { header: L('col.sheet'), width: 18 },
      { header: L('col.cell'), width: 8 },
      { header: L('col.code'), width: 28 },
      { header: L('col.problem'), width: 80, wrap: true },
    ],
    rows: issueViews(r.data_issues, lang).map((i): XlsxRow => ({
      cells: [issueSeverityWord(i.severity, lang), i.sheet, i.cell, i.code, i.message],
      // an error makes the criteria that use the cell `missing`: same colour
      status: { col: 0, status: i.severity === 'error' ? 'missing' : 'not_applicable' },
    })),
  };
}

export async function renderXlsx(r: AuditResult, opts: RenderOptions): Promise<Uint8Array> {
  const wb = await newWorkbook(opts.generatedAt);
  addTableSheet(wb, summarySheet(r, opts));
  addTableSheet(wb, criteriaSheet(r, opts.lang));
  addTableSheet(wb, issuesSheet(r, opts.lang));
  return workbookBytes(wb, opts.generatedAt);
}
