// The Excel report of one school. First sheet "Báo cáo", for the principal and for printing: school,
// directive, verdict and why, score, the criteria not met with what to fix and the directive's words,
// then those met — five columns, A4 landscape fit to width, the header row repeated on every page, the
// school and page numbers in the header and footer, row heights set for wrapped text. Then "Chi tiết"
// (every technical column, identity and checksums) and, only when there are any, the data problems.
// Status fills, frozen header, autofilter, wrapped text. Every text is a text cell with the '@' format,
// never a formula, so "=HYPERLINK(…)" in a workbook stays harmless. exceljs is loaded on first use only.
// The file is re-zipped with fixed timestamps: the same result gives the same bytes.
import { unzipSync, zipSync } from 'fflate';
import type { Workbook, Worksheet } from 'exceljs';
import type { AuditResult, CriterionStatus } from '../engine/types.js';
import { reportLabel, type ReportLabel } from '../messages/report.js';
import type { CriterionResult } from '../engine/types.js';
import {
  STATUS_STYLE, bandText, cellsText, criterionMessage, criterionStatusWord, dateText, daysLeftText, deadlineViews, gapOrMessage, groupName,
  groupValue, issueSeverityWord, issueViews, levelsText, openBySeverity, pick, quoteText, say, schoolTitle, scoreText, severityWord, showsBand,
  skipReason, statusWord, summaryText, upcoming, verdictText, waiverText, warningViews, type Lang, type RenderOptions,
  schoolFacts,
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

function criteriaSheet(r: AuditResult, lang: Lang): XlsxSheet {
  const L = (k: ReportLabel) => reportLabel(k, lang);
  const columns: XlsxColumn[] = [
    { header: L('col.clause'), width: 8 },
    { header: L('col.id'), width: 26 },
    { header: L('col.criterion'), width: 40, wrap: true },
    { header: L('col.severity'), width: 16 },
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
    // a target not met is amber like missing data, not the red of a failing requirement
    status: { col: 6, status: c.severity === 'target' && c.status === 'fail' ? 'missing' : c.status },
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

// ---------- The first sheet: what a principal reads, prints and signs ----------

/** Columns of the printed sheet: clause, criterion, result, actual / expected, what to fix. ~130 characters: A4 landscape at 100%. */
const PRINT_WIDTHS = [5, 30, 15, 20, 60];
const PRINT_TOTAL = PRINT_WIDTHS.reduce((a, b) => a + b, 0);
const SECTION_FILL = 'EDEDED';

/** Size of the printed table's text (points), and its line height. */
const PRINT_FONT = 10;
const PRINT_LINE = 13;

/**
 * Lines a text of `size` points takes in a cell `width` characters wide, wrapped at spaces as Excel and
 * LibreOffice do. A width counts digits of the 11-point default font, less the cell's padding; Vietnamese
 * text runs about a fifth narrower than digits (measured in LibreOffice's PDF). Rounded up: a row a
 * little too tall prints, one too short hides text.
 */
export function linesIn(text: string, width: number, size = PRINT_FONT): number {
  const perLine = Math.max(1, Math.floor((width - 3) * 1.2 * (11 / size)));
  let lines = 0;
  for (const part of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const n = [...word].length;
      if (used > 0 && used + 1 + n > perLine) { lines++; used = 0; }
      if (n > perLine) { lines += Math.ceil(n / perLine) - 1; used = n % perLine; continue; }
      used += (used > 0 ? 1 : 0) + n;
    }
  }
  return lines;
}

/** Header/footer text: `&` starts a code there, so a school's "GD&ĐT" must be doubled. */
const hfText = (s: string): string => xmlSafe(s).replace(/&/g, '&&');

function reportSheet(wb: Workbook, r: AuditResult, opts: RenderOptions): void {
  const { lang } = opts;
  const L = (k: ReportLabel, args?: Parameters<typeof reportLabel>[2]) => reportLabel(k, lang, args);
  const school = schoolTitle(r, lang);
  const ws = wb.addWorksheet(L('sheet.report'), {
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    },
    headerFooter: {
      oddHeader: `&L${hfText(school)}&R${hfText(`${r.rubric.id} ${r.rubric.version}`)}`,
      oddFooter: `&L${hfText(dateText(r.as_of, lang))}&R${hfText(L('print.page')).replace(/&&([PN])/g, '&$1')}`,
    },
  });
  ws.columns = PRINT_WIDTHS.map((width) => ({ width }));
  let row = 0;

  /** A line across the whole width (merged): title, school, result, section headings. */
  const banner = (text: string, style: { bold?: boolean; size?: number; fill?: string; font?: string } = {}) => {
    row++;
    ws.mergeCells(row, 1, row, PRINT_WIDTHS.length);
    const cell = ws.getCell(row, 1);
    cell.value = xmlSafe(text).slice(0, MAX_CELL_TEXT);
    cell.numFmt = '@';
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.font = { bold: style.bold ?? false, size: style.size ?? 11, ...(style.font ? { color: { argb: `FF${style.font}` } } : {}) };
    if (style.fill) cell.fill = fillFor(style.fill);
    const size = style.size ?? 11;
    ws.getRow(row).height = Math.min(MAX_ROW_HEIGHT, linesIn(text, PRINT_TOTAL, size) * size * 1.3 + 3);
  };
  /** One criterion: five cells, wrapped, the row as tall as its longest cell. */
  const line = (cells: XlsxValue[], status?: CriterionStatus, bold = false) => {
    row++;
    let lines = 1;
    cells.forEach((v, i) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(row, i + 1);
      if (typeof v === 'number') cell.value = v;
      else { cell.value = xmlSafe(v).slice(0, MAX_CELL_TEXT); cell.numFmt = '@'; }
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.font = { bold, size: PRINT_FONT };
      lines = Math.max(lines, linesIn(String(v), PRINT_WIDTHS[i]!));
    });
    for (let i = 1; i <= PRINT_WIDTHS.length; i++) ws.getCell(row, i).border = { bottom: { style: 'hair', color: { argb: 'FFBFBFBF' } } };
    if (status) {
      const style = STATUS_STYLE[status];
      const cell = ws.getCell(row, 3);
      cell.fill = fillFor(style.fill);
      cell.font = { color: { argb: `FF${style.font}` }, bold: true, size: PRINT_FONT };
    }
    ws.getRow(row).height = Math.min(MAX_ROW_HEIGHT, lines * PRINT_LINE + 3);
  };

  // Who, against what, the verdict and why
  banner(L('title').toUpperCase(), { bold: true, size: 14 });
  const place = [r.school.district, r.school.province, r.school.school_year].filter(Boolean).join(', ');
  banner(place ? L('print.school', { school, place }) : school, { bold: true, size: 12 });
  banner(L('print.directive', {
    title: pick(r.rubric.title, lang), number: r.rubric.document.number, date: dateText(r.rubric.document.date, lang), issuer: r.rubric.issuer,
  }));
  const status = statusWord(r.status, lang).toUpperCase();
  const style = STATUS_STYLE[r.status];
  banner(showsBand(r)
    ? L('print.result_band', { status, score: scoreText(r.score, lang), band: bandText(r.band, lang) })
    : L('print.result', { status, score: scoreText(r.score, lang) }), { bold: true, size: 13, fill: style.fill, font: style.font });
  const verdict = verdictText(r, lang);
  if (verdict) banner(verdict, { bold: true });
  banner(L('print.as_of', { date: dateText(r.as_of, lang), file: r.source.file, counts: summaryText(r.summary, lang) }));
  for (const g of r.groups) banner(reportLabel('group.label', lang, { group: groupName(g, lang) }) + `: ${groupValue(r, g, lang)}`);

  // The table: one header row, repeated on every printed page
  row++;
  const header = row + 1;
  line([L('col.clause'), L('col.criterion'), L('print.col.status'), L('print.col.actual'), L('print.col.fix')], undefined, true);
  for (let i = 1; i <= PRINT_WIDTHS.length; i++) {
    const cell = ws.getCell(header, i);
    cell.fill = fillFor(HEADER_FILL);
    cell.border = { bottom: { style: 'thin' } };
  }
  ws.pageSetup.printTitlesRow = `${header}:${header}`;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header, topLeftCell: `A${header + 1}`, activeCell: `A${header + 1}` }];

  // a target's status word already names it ("Chưa đạt chỉ tiêu phấn đấu"); the others say their severity
  const statusCell = (c: CriterionResult) => (c.severity === 'target' && c.status === 'fail'
    ? criterionStatusWord(c, lang) : `${criterionStatusWord(c, lang)}\n${severityWord(c.severity, lang)}`);
  // missing data: what is missing is the "what to fix" text, not repeated here
  const actualCell = (c: CriterionResult) => (c.status === 'missing' ? ''
    : [say(c.actual, lang), say(c.expected, lang)].filter((x) => x !== null).join(' / '));

  const open = openBySeverity(r.criteria).flatMap((g) => g.criteria);
  banner(L('print.open', { count: open.length }), { bold: true, fill: SECTION_FILL });
  if (open.length === 0) banner(L('print.none_open'));
  // the directive's words once: criteria of one clause often quote the same sentence
  const quoted = new Map<string, string>();
  for (const c of open) {
    const quote = quoteText(c, lang)?.replace(/\s+/g, ' ').trim() || null;
    const earlier = quote ? quoted.get(quote) : undefined;
    if (quote && earlier === undefined) quoted.set(quote, c.clause);
    const words = quote === null ? null : earlier !== undefined ? L('print.same_quote', { clause: earlier }) : c.quote_kind === 'summary' ? quote : `“${quote}”`;
    line([c.clause, pick(c.title, lang), statusCell(c), actualCell(c), [gapOrMessage(c, lang), words].filter(Boolean).join('\n')], c.status);
  }
  const met = r.criteria.filter((c) => c.status === 'pass');
  if (met.length) {
    banner(L('print.met', { count: met.length }), { bold: true, fill: SECTION_FILL });
    // the severity matters for what is not met; a criterion met is just "Đạt"
    // what the school has is enough here; the requirement is on "Chi tiết"
    for (const c of met) line([c.clause, pick(c.title, lang), statusWord(c.status, lang), say(c.actual, lang), null], c.status);
  }
  const skipped = r.criteria.filter((c) => c.status === 'not_applicable' || c.status === 'waived');
  if (skipped.length) {
    banner(L('print.skipped', { count: skipped.length }), { bold: true, fill: SECTION_FILL });
    for (const c of skipped) line([c.clause, pick(c.title, lang), statusWord(c.status, lang), null, c.waiver ? waiverText(c.waiver, lang) : skipReason(c, lang)], c.status);
  }

  // What else the principal should know; then room to sign
  row++;
  const issues = issueViews(r.data_issues, lang);
  if (issues.length) {
    const errors = issues.filter((i) => i.severity === 'error').length, warnings = issues.length - errors;
    const counts = [
      ...(errors ? [errors === 1 ? L('terminal.count.errors_one') : L('terminal.count.errors', { count: errors })] : []),
      ...(warnings ? [warnings === 1 ? L('terminal.count.warnings_one') : L('terminal.count.warnings', { count: warnings })] : []),
    ].join(', ');
    banner(L('print.data_issues', { counts, sheet: L('sheet.data_issues') }));
  }
  for (const d of upcoming(deadlineViews(r.deadlines, lang))) {
    banner(`${L('field.deadline')}: ${L('deadline.value', { date: dateText(d.date, lang), title: d.title, left: daysLeftText(d.days_left, lang) })}`);
  }
  for (const w of warningViews(r.warnings, lang)) banner(`${L('field.warning')}: ${w.message}`);
  banner(L('print.details', { sheet: L('sheet.details') }), { size: 9 });
  row++;
  for (const text of [L('print.signed_on'), L('print.sign')]) {
    row++;
    ws.mergeCells(row, 4, row, 5);
    const cell = ws.getCell(row, 4);
    cell.value = text;
    cell.numFmt = '@';
    cell.alignment = { horizontal: 'center' };
    cell.font = { bold: text === L('print.sign') };
  }
  ws.pageSetup.printArea = `A1:E${row + 4}`;
}

// ---------- "Chi tiết": every column, the identity and the checksums ----------

function detailsSheet(wb: Workbook, r: AuditResult, opts: RenderOptions): void {
  const { lang } = opts;
  const L = (k: ReportLabel) => reportLabel(k, lang);
  const spec = criteriaSheet(r, lang);
  const ws = addTableSheet(wb, { ...spec, name: L('sheet.details') });
  const unknown = L('unknown');
  const facts: [ReportLabel, string][] = [
    ...schoolFacts(r, lang),
    ['field.rubric', pick(r.rubric.title, lang)],
    ['field.rubric_id', r.rubric.id],
    ['field.rubric_version', r.rubric.version],
    ['field.document_number', r.rubric.document.number],
    ['field.document_date', dateText(r.rubric.document.date, lang)],
    ['field.issuer', r.rubric.issuer],
    ['field.rubric_sha256', r.rubric.sha256],
    ['field.tool', `${r.tool.name} ${r.tool.version}`],
    ...(opts.generatedAt ? [['field.generated_at', opts.generatedAt] as [ReportLabel, string]] : []),
  ];
  // below the table, after a blank row, so the table's filter and frozen header stay as they are
  let row = spec.rows.length + 3;
  for (const [k, v] of facts) {
    const label = ws.getCell(row, 2), value = ws.getCell(row, 3);
    label.value = L(k);
    label.numFmt = '@';
    label.font = { bold: true };
    value.value = xmlSafe(v);
    value.numFmt = '@';
    row++;
  }
}

export async function renderXlsx(r: AuditResult, opts: RenderOptions): Promise<Uint8Array> {
  const wb = await newWorkbook(opts.generatedAt);
  reportSheet(wb, r, opts);
  detailsSheet(wb, r, opts);
  // a sheet with nothing to show is not written (it would print a blank page)
  if (r.data_issues.length) addTableSheet(wb, issuesSheet(r, opts.lang));
  return workbookBytes(wb, opts.generatedAt);
}
