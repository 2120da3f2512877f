// diff.xlsx: the comparison as sheets a district officer can filter — overview, every school, regressions,
// improvements, other changes and criteria still failing, pass rates per criterion, new and removed
// schools, district criteria. Built with the per-school workbook's table helpers (text cells, never
// formulas; status fills; fixed zip times), so exceljs is loaded only when this renderer runs.
import type { CriterionDiff, DiffReport, SchoolDiff, SchoolTrend } from '../engine/diff.js';
import { rubricLabel } from '../engine/diff.js';
import type { CriterionStatus } from '../engine/types.js';
import { diffLabel, type DiffLabel } from '../messages/diff.js';
import { format } from '../messages/format.js';
import { reportLabel } from '../messages/report.js';
import { severityWord, statusWord, type Lang } from './common.js';
import {
  bandWord, changeWord, criterionText, reasonWord, rubricsText, sideLine, trendWord,
} from './diff-common.js';
import { sayAll, type DiffRenderOptions } from './diff-json.js';
import { addTableSheet, newWorkbook, workbookBytes, type XlsxColumn, type XlsxRow, type XlsxSheet } from './xlsx.js';

/** A trend shown with the status palette: regressed red, improved green, changed blue, unchanged grey. */
const TREND_STYLE: Record<SchoolTrend, CriterionStatus> = {
  regressed: 'fail', improved: 'pass', changed: 'waived', unchanged: 'not_applicable',
};

const SCORE = '0.0';
const RATE = '0.0%';

function overviewSheet(d: DiffReport, opts: DiffRenderOptions): XlsxSheet {
  const { lang } = opts;
  const L = (k: DiffLabel, args?: Parameters<typeof diffLabel>[2]) => diffLabel(k, lang, args);
  const rows: XlsxRow[] = [];
  const add = (label: string, value: string | number | null, status?: CriterionStatus) =>
    rows.push({ cells: [label, value], ...(status ? { status: { col: 1, status } } : {}) });
  for (const which of ['old', 'new'] as const) {
    const s = d[which];
    add(sideLine(s, which, lang), L('field.pass_fail', { pass: s.pass, fail: s.fail }));
    add(`${L(`side.${which}`)} · ${L('field.schools')}`, s.schools);
    add(`${L(`side.${which}`)} · ${L('field.school_years')}`, s.school_years.join(', '));
    add(`${L(`side.${which}`)} · ${L('field.rubrics')}`, rubricsText(s));
  }
  add(L('field.matched'), L('field.totals', { ...d.totals }));
  add(L('col.change'), L('field.criteria_totals', {
    lost: d.totals.criteria_lost, gained: d.totals.criteria_gained, rubric: d.totals.criteria_rubric, values: d.totals.criteria_values,
  }));
  add(L('trend.regressed'), L(d.regression ? 'field.regression_yes' : 'field.regression_no'), d.regression ? 'fail' : 'pass');
  add(L('sheet.rates'), L('field.rates_over', { count: d.rates_schools }));
  for (const r of d.rubric_changes) {
    add(L('heading.rubric_changes'), L('field.rubric_line', { rubric: r.rubric, old: r.old.version, new: r.new.version }));
    for (const c of r.changed) {
      add(`${r.rubric} · ${c.id}`, c.fields.map((f) => L('rubric.changed_field', {
        field: L(`rubric.field.${f}`),
        old: f === 'severity' ? severityWord(c.old.severity, lang) : String(c.old[f]),
        new: f === 'severity' ? severityWord(c.new.severity, lang) : String(c.new[f]),
      })).join('; '));
    }
    for (const c of r.added) add(`${r.rubric} · ${c.id}`, L('rubric.added', { rule: c.rule }));
    for (const c of r.removed) add(`${r.rubric} · ${c.id}`, L('rubric.removed', { rule: c.rule }));
  }
  for (const n of d.notes) add(L('heading.notes'), format(n, lang));
  add(reportLabel('field.tool', lang), `${d.tool.name} ${d.tool.version}`);
  if (opts.generatedAt) add(reportLabel('field.generated_at', lang), opts.generatedAt);
  return {
    name: L('sheet.overview'),
    columns: [{ header: L('col.item'), width: 36, wrap: true }, { header: L('col.value'), width: 100, wrap: true }],
    rows,
  };
}

function schoolsSheet(d: DiffReport, lang: Lang): XlsxSheet {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  const count = (s: SchoolDiff, p: (c: CriterionDiff) => boolean) => s.criteria.filter(p).length;
  return {
    name: L('sheet.schools'),
    columns: [
      { header: L('col.school_code'), width: 14 },
      { header: L('col.school'), width: 36, wrap: true },
      { header: L('col.trend'), width: 20, wrap: true },
      { header: L('col.score_old'), width: 12, numFmt: SCORE },
      { header: L('col.score_new'), width: 12, numFmt: SCORE },
      { header: L('col.delta'), width: 11, numFmt: '+0.0;-0.0;0' },
      { header: L('col.score_rescored'), width: 12, numFmt: SCORE },
      { header: L('col.status_old'), width: 14 },
      { header: L('col.status_new'), width: 14 },
      { header: L('col.band_old'), width: 14 },
      { header: L('col.band_new'), width: 14 },
      { header: L('col.lost'), width: 10 },
      { header: L('col.gained'), width: 10 },
      { header: L('col.still_failing'), width: 10 },
      { header: L('col.rubric'), width: 28, wrap: true },
      { header: L('col.note'), width: 60, wrap: true },
    ],
    rows: d.schools.map((s): XlsxRow => ({
      cells: [
        s.code, s.name, trendWord(s.trend, lang), s.old.score, s.new.score, s.score_delta, s.rescored?.score ?? null,
        statusWord(s.old.status, lang), statusWord(s.new.status, lang), bandWord(s.old.band, lang), bandWord(s.new.band, lang),
        count(s, (c) => c.change === 'lost'), count(s, (c) => c.change === 'gained'), count(s, (c) => c.change === 'still_failing'),
        s.same_rubric ? rubricLabel(s.new.rubric) : diffLabel('arrow', lang, { old: rubricLabel(s.old.rubric), new: rubricLabel(s.new.rubric) }),
        sayAll(s.notes, lang),
      ],
      status: { col: 2, status: TREND_STYLE[s.trend] },
    })),
  };
}

const criterionColumns = (lang: Lang): XlsxColumn[] => {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  return [
    { header: L('col.school_code'), width: 14 },
    { header: L('col.school'), width: 30, wrap: true },
    { header: L('col.id'), width: 24 },
    { header: L('col.criterion'), width: 40, wrap: true },
    { header: L('col.severity'), width: 13 },
    { header: L('col.weight'), width: 9 },
    { header: L('col.change'), width: 18, wrap: true },
    { header: L('col.reason'), width: 18, wrap: true },
    { header: L('col.status_old'), width: 14 },
    { header: L('col.status_new'), width: 14 },
    { header: L('col.actual_old'), width: 24, wrap: true },
    { header: L('col.actual_new'), width: 24, wrap: true },
    { header: L('col.gap'), width: 36, wrap: true },
    { header: L('col.detail'), width: 60, wrap: true },
  ];
};

function criterionRows(d: DiffReport, lang: Lang, keep: (c: CriterionDiff) => boolean): XlsxRow[] {
  return d.schools.flatMap((s) => s.criteria.filter(keep).map((c): XlsxRow => ({
    cells: [
      s.code, s.name, c.id, criterionText(c), severityWord(c.severity, lang), c.weight, changeWord(c.change, lang),
      reasonWord(c.reason, lang), c.old ? statusWord(c.old.status, lang) : null, c.new ? statusWord(c.new.status, lang) : null,
      c.old?.actual ?? null, c.new?.actual ?? null,
      c.new && (c.new.status === 'fail' || c.new.status === 'missing') ? c.new.gap : null,
      sayAll(c.why, lang),
    ],
    ...(c.new ? { status: { col: 9, status: c.new.status } } : c.old ? { status: { col: 8, status: c.old.status } } : {}),
  })));
}

function ratesSheet(d: DiffReport, lang: Lang): XlsxSheet {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  return {
    name: L('sheet.rates'),
    columns: [
      { header: L('col.rubric'), width: 18 },
      { header: L('col.id'), width: 24 },
      { header: L('col.criterion'), width: 44, wrap: true },
      { header: L('col.severity'), width: 13 },
      { header: L('col.count_old'), width: 14 },
      { header: L('col.rate_old'), width: 12, numFmt: RATE },
      { header: L('col.count_new'), width: 14 },
      { header: L('col.rate_new'), width: 12, numFmt: RATE },
      { header: L('col.delta'), width: 11, numFmt: '+0.0%;-0.0%;0%' },
    ],
    rows: d.criteria.map((c): XlsxRow => ({
      cells: [
        c.rubric, c.id, c.title, severityWord(c.severity, lang),
        c.old ? `${c.old.pass}/${c.old.applicable}` : null, c.old?.rate ?? null,
        c.new ? `${c.new.pass}/${c.new.applicable}` : null, c.new?.rate ?? null, c.delta,
      ],
      ...(c.delta !== null && c.delta !== 0 ? { status: { col: 8, status: c.delta > 0 ? 'pass' as const : 'fail' as const } } : {}),
    })),
  };
}

function addedRemovedSheet(d: DiffReport, lang: Lang): XlsxSheet {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  const rows = (which: 'added' | 'removed') => d[which].map((s): XlsxRow => ({
    cells: [
      L(`presence.${which}`), s.code, s.name, s.file, s.school_year, rubricLabel(s.rubric), s.score, statusWord(s.status, lang), bandWord(s.band, lang),
    ],
    status: { col: 0, status: which === 'added' ? 'waived' : 'not_applicable' },
  }));
  return {
    name: L('sheet.added_removed'),
    columns: [
      { header: L('col.presence'), width: 26, wrap: true },
      { header: L('col.school_code'), width: 14 },
      { header: L('col.school'), width: 36, wrap: true },
      { header: L('col.file'), width: 30, wrap: true },
      { header: L('col.school_year'), width: 12 },
      { header: L('col.rubric'), width: 24 },
      { header: L('col.score'), width: 10, numFmt: SCORE },
      { header: L('col.result'), width: 14 },
      { header: L('col.band'), width: 14 },
    ],
    rows: [...rows('removed'), ...rows('added')],
  };
}

function districtSheet(d: DiffReport, lang: Lang): XlsxSheet {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  return {
    name: L('sheet.district'),
    columns: [
      { header: L('col.rubric'), width: 18 },
      { header: L('col.id'), width: 24 },
      { header: L('col.criterion'), width: 44, wrap: true },
      { header: L('col.target'), width: 10, numFmt: RATE },
      { header: L('col.count_old'), width: 14 },
      { header: L('col.rate_old'), width: 12, numFmt: RATE },
      { header: L('col.status_old'), width: 14 },
      { header: L('col.count_new'), width: 14 },
      { header: L('col.rate_new'), width: 12, numFmt: RATE },
      { header: L('col.status_new'), width: 14 },
    ],
    rows: d.district_criteria.map((x): XlsxRow => ({
      cells: [
        x.rubric, x.id, x.title, (x.new ?? x.old)!.min,
        x.old ? `${x.old.numerator}/${x.old.denominator}` : null, x.old?.share ?? null, x.old ? statusWord(x.old.status, lang) : null,
        x.new ? `${x.new.numerator}/${x.new.denominator}` : null, x.new?.share ?? null, x.new ? statusWord(x.new.status, lang) : null,
      ],
      ...(x.new ? { status: { col: 9, status: x.new.status } } : {}),
    })),
  };
}

export async function renderDiffXlsx(d: DiffReport, opts: DiffRenderOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const wb = await newWorkbook(opts.generatedAt);
  addTableSheet(wb, overviewSheet(d, opts));
  addTableSheet(wb, schoolsSheet(d, lang));
  addTableSheet(wb, { name: diffLabel('sheet.regressions', lang), columns: criterionColumns(lang), rows: criterionRows(d, lang, (c) => c.regression) });
  addTableSheet(wb, { name: diffLabel('sheet.improvements', lang), columns: criterionColumns(lang), rows: criterionRows(d, lang, (c) => c.improvement) });
  addTableSheet(wb, { name: diffLabel('sheet.other', lang), columns: criterionColumns(lang), rows: criterionRows(d, lang, (c) => !c.regression && !c.improvement) });
  addTableSheet(wb, ratesSheet(d, lang));
  addTableSheet(wb, addedRemovedSheet(d, lang));
  if (d.district_criteria.length) addTableSheet(wb, districtSheet(d, lang));
  return workbookBytes(wb, opts.generatedAt);
}
