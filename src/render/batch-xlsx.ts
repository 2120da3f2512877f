// summary.xlsx: the district summary for people who filter and sort in Excel. Sheets: ranking (score,
// level, result, required criteria not met), pass rates, district criteria, files not scored, points to
// check; each with the shared table layout of xlsx.ts (frozen header, autofilter, status colours).
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel, type BatchLabel } from '../messages/batch.js';
import { severityWord, type RenderOptions } from './common.js';
import { addTableSheet, newWorkbook, workbookBytes, type XlsxRow, type XlsxSheet } from './xlsx.js';
import { districtViews, flagText, rankViews, rateViews } from './batch-view.js';

export async function renderBatchXlsx(s: BatchDigest, opts: RenderOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const L = (k: BatchLabel) => batchLabel(k, lang);
  const many = s.rubrics.length > 1;
  const rubricCol = many ? [{ header: L('col.rubric'), width: 22 }] : [];
  const rubricCell = (ref: string) => (many ? [ref] : []);
  const shift = many ? 1 : 0;

  const ranking: XlsxSheet = {
    name: L('sheet.ranking'),
    columns: [
      ...rubricCol,
      { header: L('col.rank'), width: 7 },
      { header: L('col.code'), width: 12 },
      { header: L('col.name'), width: 40, wrap: true },
      { header: L('col.district'), width: 18 },
      { header: L('col.levels'), width: 18, wrap: true },
      { header: L('col.score'), width: 9, numFmt: '0.0' },
      { header: L('col.band'), width: 16 },
      { header: L('col.status'), width: 12 },
      { header: L('col.failing_required'), width: 40, wrap: true },
      { header: L('col.file'), width: 40, wrap: true },
    ],
    rows: [...rankViews(s, lang)].map((v): XlsxRow => ({
      cells: [...rubricCell(v.rubric), v.rank === '—' ? null : Number(v.rank), v.code, v.name, v.district, v.levels, v.score, v.band,
        v.statusText, v.failingRequired.join(', '), v.file],
      status: { col: shift + 7, status: v.status },
    })),
  };

  const rates: XlsxSheet = {
    name: L('sheet.rates'),
    columns: [
      ...rubricCol,
      { header: L('col.clause'), width: 8 },
      { header: L('col.id'), width: 26 },
      { header: L('col.criterion'), width: 44, wrap: true },
      { header: L('col.severity'), width: 14 },
      { header: L('col.weight'), width: 9 },
      { header: L('col.passed'), width: 9 },
      { header: L('col.failed'), width: 11 },
      { header: L('col.missing'), width: 13 },
      { header: L('col.not_applicable'), width: 13 },
      { header: L('col.waived'), width: 10 },
      { header: L('col.rate'), width: 11, numFmt: '0.0%' },
    ],
    rows: rateViews(s, lang).map((c): XlsxRow => ({
      cells: [...rubricCell(c.rubric), c.clause, c.id, c.title, severityWord(c.severity, lang), c.weight,
        c.pass, c.fail, c.missing, c.not_applicable, c.waived, c.rate],
      ...(c.rate === null ? {} : { status: { col: shift + 10, status: c.rate === 1 ? 'pass' : c.fail + c.missing > 0 ? 'fail' : 'pass' } }),
    })),
  };

  const district: XlsxSheet = {
    name: L('sheet.district'),
    columns: [
      ...rubricCol,
      { header: L('col.clause'), width: 8 },
      { header: L('col.id'), width: 24 },
      { header: L('col.criterion'), width: 44, wrap: true },
      { header: L('col.schools_counted'), width: 22, wrap: true },
      { header: L('col.numerator'), width: 12 },
      { header: L('col.denominator'), width: 14 },
      { header: L('col.share'), width: 10, numFmt: '0.0%' },
      { header: L('col.min'), width: 10, numFmt: '0%' },
      { header: L('col.status'), width: 22 },
    ],
    rows: districtViews(s, lang).map((d, i): XlsxRow => {
      const raw = s.district_criteria[i]!;
      return {
        cells: [...rubricCell(d.rubric), d.clause, d.id, d.title, d.counted, d.numerator, d.denominator, raw.share, raw.min, d.statusText],
        status: { col: shift + 8, status: d.status },
      };
    }),
  };

  const errors: XlsxSheet = {
    name: L('sheet.errors'),
    columns: [{ header: L('col.file'), width: 50, wrap: true }, { header: L('col.error_code'), width: 26 }, { header: L('col.message'), width: 90, wrap: true }],
    rows: s.errors.map((e): XlsxRow => ({
      cells: [e.file, e.error.code, e.error.message],
      status: { col: 1, status: 'fail' },
    })),
  };

  const flags: XlsxSheet = {
    name: L('sheet.flags'),
    columns: [{ header: L('col.flag'), width: 24 }, { header: L('col.message'), width: 110, wrap: true }],
    rows: s.flags.map((f): XlsxRow => ({ cells: [f.code, flagText(f, lang)], status: { col: 0, status: 'missing' } })),
  };

  const wb = await newWorkbook(opts.generatedAt);
  for (const sheet of [ranking, rates, district, errors, flags]) addTableSheet(wb, sheet);
  return workbookBytes(wb, opts.generatedAt);
}
