// summary.xlsx: the district summary for people who filter, sort and print in Excel. Sheets, in order:
// overview (outcome, totals, what to provide in numbers, each district's pass rate and shortages, the
// district criteria), ranking, criterion pass rates, shortages per school, points to check, every file.
// Each sheet is one table (frozen header, autofilter, status colours, A4 landscape), with the sheet's
// name in the page header and page numbers in the footer; no formula. Written by xlsx-tables.ts, row by
// row: a summary of 10,000 schools costs no more memory than the rows being written.
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel, type BatchLabel } from '../messages/batch.js';
import { severityWord, type RenderOptions } from './common.js';
import { writeTableWorkbook, type TableRow as XlsxRow, type TableSheet as XlsxSheet } from './xlsx-tables.js';
import {
  areaViews, districtViews, fileViews, flagFiles, flagText, outcomeText, percent, rankViews, rateViews, unitText,
} from './batch-view.js';

export async function renderBatchXlsx(s: BatchDigest, opts: RenderOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const L = (k: BatchLabel, args?: Parameters<typeof batchLabel>[2]) => batchLabel(k, lang, args);
  const many = s.rubrics.length > 1;
  const rubricCol = many ? [{ header: L('col.rubric'), width: 22 }] : [];
  const rubricCell = (ref: string) => (many ? [ref] : []);
  const shift = many ? 1 : 0;
  const t = s.totals;

  const overviewRows: XlsxRow[] = [];
  // The value column holds counts and (district criteria) shares: each number its own format.
  const kv = (item: string, value: string | number | null, note = '', status?: XlsxRow['status'], numFmt = '0') =>
    overviewRows.push({ cells: [item, value, note], ...(status ? { status } : {}), ...(typeof value === 'number' ? { numFmts: { 1: numFmt } } : {}) });
  const failing = t.errors > 0 || t.submissions > 0 || t.fail > 0 || t.district_criteria.fail > 0 || t.below_fail_under > 0;
  kv(L('totals.result'), outcomeText(s, lang), '', { col: 1, status: failing ? 'fail' : 'pass' });
  kv(L('totals.files'), t.files);
  kv(L('totals.schools'), t.schools);
  kv(L('totals.pass'), t.pass);
  kv(L('totals.fail'), t.fail);
  kv(L('totals.errors'), t.errors);
  kv(L('totals.not_audited'), t.not_audited, t.submissions > 0 ? `${L('totals.submissions')}: ${t.submissions}` : '');
  kv(L('totals.superseded'), t.superseded);
  kv(L('totals.ignored'), `${t.ignored.lock} / ${t.ignored.hidden}`);
  if (s.run.fail_under !== null) kv(L('totals.below_fail_under', { min: s.run.fail_under }), t.below_fail_under);
  kv(L('totals.flags'), t.flags);
  for (const x of s.shortages) kv(L('overview.shortage', { unit: unitText(x.unit, lang) }), x.missing, L('overview.shortage_note', { schools: x.schools }));
  const areas = areaViews(s, lang);
  kv(L('overview.total'), L('overview.area_value', { pass: t.pass, schools: t.schools, rate: t.schools === 0 ? '—' : percent(t.pass / t.schools, lang) }));
  for (const a of areas) kv(L('overview.area', { district: a.district }), L('overview.area_value', { pass: a.pass, schools: a.schools, rate: a.rateText }), a.shortages);
  for (const d of districtViews(s, lang)) {
    kv(L('overview.district_criterion', { title: d.title }), d.share, L('overview.district_note', { value: d.value, min: d.min, status: d.statusText }), { col: 1, status: d.status }, '0.0%');
  }
  const overview: XlsxSheet = {
    name: L('sheet.overview'),
    // counts and words in one column: all aligned left, so a count does not run into the note beside it
    columns: [{ header: L('col.item'), width: 48, wrap: true }, { header: L('col.value'), width: 34, wrap: true, align: 'left' }, { header: L('col.note'), width: 70, wrap: true }],
    rows: overviewRows,
    orientation: 'portrait',
  };

  const ranking: XlsxSheet = {
    name: L('sheet.ranking'),
    columns: [
      ...rubricCol,
      { header: L('col.rank'), width: 7 },
      { header: L('col.code'), width: 12 },
      { header: L('col.name'), width: 34, wrap: true },
      { header: L('col.district'), width: 16, wrap: true },
      { header: L('col.levels'), width: 14, wrap: true },
      { header: L('col.score'), width: 8, numFmt: '0.0' },
      { header: L('col.band'), width: 14, wrap: true },
      { header: L('col.status'), width: 11 },
      { header: L('col.failing_required'), width: 48, wrap: true },
      { header: L('col.failing_required_ids'), width: 24, wrap: true },
      { header: L('col.file'), width: 30, wrap: true },
    ],
    rows: mapRows(rankViews(s, lang), (v): XlsxRow => ({
      cells: [...rubricCell(v.rubric), v.rank === '—' ? null : Number(v.rank), v.code, v.name, v.district, v.levels, v.score, v.band,
        v.statusText, v.failingRequiredTitles.join('; '), v.failingRequired.join(', '), v.file],
      status: { col: shift + 7, status: v.status },
    })),
  };

  const rates: XlsxSheet = {
    name: L('sheet.rates'),
    columns: [
      ...rubricCol,
      { header: L('col.clause'), width: 8 },
      { header: L('col.id'), width: 22, wrap: true },
      { header: L('col.criterion'), width: 40, wrap: true },
      { header: L('col.severity'), width: 12 },
      { header: L('col.weight'), width: 8 },
      { header: L('col.passed'), width: 7 },
      { header: L('col.failed'), width: 9 },
      { header: L('col.missing'), width: 9 },
      { header: L('col.not_applicable'), width: 10 },
      { header: L('col.waived'), width: 9 },
      { header: L('col.rate'), width: 9, numFmt: '0.0%' },
    ],
    rows: rateViews(s, lang).map((c): XlsxRow => ({
      cells: [...rubricCell(c.rubric), c.clause, c.id, c.title, severityWord(c.severity, lang), c.weight,
        c.pass, c.fail, c.missing, c.not_applicable, c.waived, c.rate],
      ...(c.rate === null ? {} : { status: { col: shift + 10, status: c.fail + c.missing > 0 ? 'fail' : 'pass' } }),
    })),
  };

  const shortages: XlsxSheet = {
    name: L('sheet.shortages'),
    columns: [
      { header: L('col.code'), width: 12 },
      { header: L('col.name'), width: 34, wrap: true },
      { header: L('col.district'), width: 16, wrap: true },
      { header: L('col.unit'), width: 34, wrap: true },
      { header: L('col.need'), width: 8 },
      { header: L('col.have'), width: 8 },
      { header: L('col.short'), width: 10 },
      { header: L('col.id'), width: 24, wrap: true },
    ],
    rows: flatMapRows(rankViews(s, lang), (v) => v.shortages.map((x): XlsxRow => ({
      cells: [v.code, v.name, v.district, unitText(x.unit, lang), x.need, x.have, x.missing, x.criterion],
      status: { col: 6, status: 'fail' },
    }))),
  };

  const flags: XlsxSheet = {
    name: L('sheet.flags'),
    columns: [{ header: L('col.flag'), width: 22, wrap: true }, { header: L('col.message'), width: 90, wrap: true }, { header: L('col.file'), width: 36, wrap: true }],
    rows: s.flags.map((f): XlsxRow => ({ cells: [L(`flagkind.${f.code}`), flagText(f, lang), flagFiles(f).join('\n')], status: { col: 0, status: 'missing' } })),
  };

  const files: XlsxSheet = {
    name: L('sheet.files'),
    columns: [{ header: L('col.file'), width: 40, wrap: true }, { header: L('col.outcome'), width: 22, wrap: true }, { header: L('col.name'), width: 34, wrap: true }, { header: L('col.note'), width: 70, wrap: true }],
    rows: fileViews(s, lang).map((f): XlsxRow => ({ cells: [f.file, f.outcome, f.school, f.note], status: { col: 1, status: f.status } })),
  };

  const title = L('title');
  // Printed: the summary's title and the sheet's name on top, page numbers below.
  const print = { header: `&L${headerText(title)}&R&A`, footer: `&C${L('print.footer')}` };
  return writeTableWorkbook([overview, ranking, rates, shortages, flags, files].map((sheet) => ({ ...print, ...sheet })), opts);
}

/** Rows made as they are written (the ranking may hold 10,000 schools). */
function mapRows<T>(items: Iterable<T>, f: (x: T) => XlsxRow): Iterable<XlsxRow> {
  return { *[Symbol.iterator]() { for (const x of items) yield f(x); } };
}
function flatMapRows<T>(items: Iterable<T>, f: (x: T) => XlsxRow[]): Iterable<XlsxRow> {
  return { *[Symbol.iterator]() { for (const x of items) yield* f(x); } };
}

/** Header text: `&` starts a code in Excel's header language, so it is doubled. */
const headerText = (s: string): string => s.replace(/&/g, '&&');
