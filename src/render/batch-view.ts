// What the batch renderers (Markdown, Excel, terminal, JUnit) share: the summary's rows in words.
// Computed from the summary alone, so a merged summary renders like a single run.
import type {
  BatchCriterionRate, BatchDigest, BatchDistrictResult, BatchFlag, BatchNotAuditedEntry, BatchRubric, BatchShortage, BatchShortageTotal, FlagSchool,
} from '../engine/batch.js';
import type { CriterionStatus, Severity } from '../engine/types.js';
import { batchLabel } from '../messages/batch.js';
import { formatFixed, formatPercent, vocabLabel } from '../messages/format.js';
import { dateText, levelsText, statusWord, type Lang } from './common.js';

/** A share 0–1 as a percentage with at most one decimal, in the reader's number convention: 2/3 → "66,7%" / "66.7%". */
export const percent = (x: number, lang: Lang): string => formatPercent(x, lang);

/** A score with one decimal ("56,7" / "56.7"), or a dash. */
export const scoreCell = (score: number | null, lang: Lang): string => (score === null ? '—' : formatFixed(score, 1, lang));

export interface RubricView { ref: string; rubric: BatchRubric; text: string }

export function rubricViews(s: BatchDigest, lang: Lang): Map<string, RubricView> {
  return new Map(s.rubrics.map((r) => {
    const ref = `${r.id}@${r.version}`;
    const document = batchLabel('document.value', lang, { number: r.document.number, date: dateText(r.document.date, lang), issuer: r.issuer });
    return [ref, { ref, rubric: r, text: batchLabel('rubric.value', lang, { title: r.title, ref, document }) }];
  }));
}

export function bandLabel(rubric: BatchRubric | undefined, band: string | null): string {
  if (band === null) return '—';
  return rubric?.bands.find((b) => b.id === band)?.label ?? band;
}

export interface RankView {
  rubric: string;
  rank: string;
  code: string;
  name: string;
  district: string;
  levels: string;
  score: number | null;
  band: string;
  status: 'pass' | 'fail';
  statusText: string;
  /** Required criteria not met: ids, and titles (in rubric order). */
  failingRequired: string[];
  failingRequiredTitles: string[];
  shortages: BatchShortage[];
  file: string;
}

/** The ranking rows, rubric by rubric, in ranking order. */
export function* rankViews(s: BatchDigest, lang: Lang): Generator<RankView> {
  const rubrics = rubricViews(s, lang);
  const unknown = batchLabel('unknown', lang);
  for (const group of s.ranking) {
    const rubric = rubrics.get(group.rubric)?.rubric;
    const titles = new Map(rubric?.criteria.map((c) => [c.id, c.title]) ?? []);
    for (const row of group.schools) {
      yield {
        rubric: group.rubric,
        rank: row.rank === null ? batchLabel('unranked', lang) : String(row.rank),
        code: row.code ?? unknown,
        name: row.name ?? unknown,
        district: row.district ?? unknown,
        levels: row.levels.length > 0 ? levelsText(row.levels, lang) : unknown,
        score: row.score,
        band: bandLabel(rubric, row.band),
        status: row.status,
        statusText: statusWord(row.status, lang),
        failingRequired: row.failing_required,
        failingRequiredTitles: row.failing_required.map((id) => titles.get(id) ?? id),
        shortages: row.shortages,
        file: row.file,
      };
    }
  }
}

export interface DistrictView {
  rubric: string;
  clause: string;
  id: string;
  title: string;
  counted: string;
  value: string;
  numerator: number;
  denominator: number;
  share: string;
  min: string;
  status: CriterionStatus;
  statusText: string;
}

export function districtViews(s: BatchDigest, lang: Lang): DistrictView[] {
  const rubrics = rubricViews(s, lang);
  return s.district_criteria.map((d: BatchDistrictResult) => {
    const dc = rubrics.get(d.rubric)?.rubric.district_criteria.find((x) => x.id === d.id);
    const share = d.share === null ? '—' : percent(d.share, lang);
    return {
      rubric: d.rubric,
      clause: dc?.clause ?? '',
      id: d.id,
      title: dc?.title ?? d.id,
      counted: dc?.levels ? batchLabel('district.levels', lang, { levels: levelsText(dc.levels, lang) }) : batchLabel('district.all', lang),
      value: [
        d.share === null ? batchLabel('district.none', lang) : batchLabel('district.value', lang, { numerator: d.numerator, denominator: d.denominator, share }),
        // Schools that left the fact undeclared are out of the share: named, so the district can ask them.
        ...((d.missing ?? []).length > 0
          ? [batchLabel('district.missing', lang, { count: d.missing.length, schools: d.missing.map((m) => m.name ?? m.code ?? m.file).join(', ') })]
          : []),
      ].join('; '),
      numerator: d.numerator,
      denominator: d.denominator,
      share,
      min: percent(d.min, lang),
      status: d.status,
      statusText: d.status === 'missing' ? batchLabel('district.status_missing', lang) : statusWord(d.status, lang),
    };
  });
}

/** A criterion's pass rate with what a reader needs beside it: its clause, title, severity and the rate in words. */
export interface RateView extends BatchCriterionRate {
  clause: string;
  title: string;
  severity: Severity;
  weight: number;
  rateText: string;
}

export function rateViews(s: BatchDigest, lang: Lang): RateView[] {
  const rubrics = rubricViews(s, lang);
  return s.criteria.map((c) => {
    const meta = rubrics.get(c.rubric)?.rubric.criteria.find((x) => x.id === c.id);
    return {
      rubric: c.rubric, clause: meta?.clause ?? '', id: c.id, title: meta?.title ?? c.id,
      severity: meta?.severity ?? 'required', weight: meta?.weight ?? 0,
      pass: c.pass, fail: c.fail, missing: c.missing, not_applicable: c.not_applicable, waived: c.waived, applicable: c.applicable,
      rate: c.rate,
      rateText: c.rate === null ? batchLabel('rate.none', lang) : batchLabel('rate.value', lang, { pass: c.pass, applicable: c.applicable, rate: percent(c.rate, lang) }),
    };
  });
}

/** A school named in a flag: its name, code and file. */
export const schoolText = (s: FlagSchool, lang: Lang): string =>
  batchLabel('flag.school', lang, { name: s.name ?? batchLabel('unknown', lang), code: s.code ?? batchLabel('unknown', lang), file: s.file });

export const flagText = (f: BatchFlag, lang: Lang): string => {
  switch (f.code) {
    case 'duplicate_code':
      return batchLabel('flag.duplicate_code', lang, { school_code: f.school_code, count: f.files.length, files: f.files, kept: f.kept, superseded: f.superseded });
    case 'identical_files':
      return batchLabel('flag.identical_files', lang, { schools: f.schools.map((s) => schoolText(s, lang)) });
    case 'school_year_differs':
      return batchLabel('flag.school_year_differs', lang, { school: schoolText(f.school, lang), value: f.value, majority: f.majority });
    case 'other_province':
    case 'other_district':
      return batchLabel(`flag.${f.code}`, lang, { school: schoolText(f.school, lang), value: f.value, majority: f.majority, folder: f.folder });
    case 'waiver_unknown_school':
      return batchLabel('flag.waiver_unknown_school', lang, { school_code: f.school_code, criterion: f.criterion });
    default:
      return batchLabel(`flag.${f.code}`, lang, { file: f.file, value: f.value ?? batchLabel('unknown', lang), rubric: f.rubric });
  }
};

/** The schools a flag names (files), for a "to check" table. */
export function flagFiles(f: BatchFlag): string[] {
  switch (f.code) {
    case 'duplicate_code': return f.files;
    case 'identical_files': return f.schools.map((s) => s.file);
    case 'school_year_differs': case 'other_province': case 'other_district': return [f.school.file];
    case 'waiver_unknown_school': return [];
    default: return [f.file];
  }
}

/** A shortage unit in words ("máy tính phòng máy", "webcam", "giáo viên chưa có bài giảng e-Learning"). */
export function unitText(unit: string, lang: Lang): string {
  const eq = /^equipment\.([a-z_]+)\.([a-z_]+)$/.exec(unit);
  if (eq) {
    const kind = lowerFirst(vocabLabel('kind', eq[1]!, lang));
    return eq[2] === 'all' ? batchLabel('unit.equipment', lang, { kind })
      : batchLabel('unit.equipment_for', lang, { kind, purpose: lowerFirst(vocabLabel('purpose', eq[2]!, lang)) });
  }
  const key = `unit.${unit}`;
  return isUnitLabel(key) ? batchLabel(key, lang) : unit;
}

const UNIT_LABELS = new Set([
  'unit.computers.all', 'unit.computers.phong_may', 'unit.computers.quan_ly', 'unit.computers.giao_vien', 'unit.computers.lop_hoc',
  'unit.computers.thu_vien', 'unit.computers.khac', 'unit.labs', 'unit.teachers.elearning', 'unit.teachers.it_standard',
  'unit.teachers.it_trained', 'unit.teachers.uses_it',
]);
const isUnitLabel = (k: string): k is Parameters<typeof batchLabel>[0] => UNIT_LABELS.has(k);
/** Lower-case the first letter, except in an acronym (UPS). */
const lowerFirst = (s: string): string => (/^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1));

export const isTeacherUnit = (unit: string): boolean => unit.startsWith('teachers.');

/** "312 máy tính phòng máy, 14 webcam" for a list of shortages (devices and teachers alike). */
export const shortageItems = (xs: readonly { unit: string; missing: number }[], lang: Lang): string =>
  xs.map((x) => batchLabel('shortage.item', lang, { n: x.missing, unit: countedUnit(x.unit, x.missing, lang) })).join(', ');

/** The unit as counted: English device names take a plural ("4 webcams"); Vietnamese nouns do not change. */
export function countedUnit(unit: string, n: number, lang: Lang): string {
  const text = unitText(unit, lang);
  return lang === 'en' && n !== 1 && unit.startsWith('equipment.') && !/s\b/.test(text.split(' (')[0]!) ? text.replace(/^([^(]*?)(\s*\(|$)/, '$1s$2') : text;
}

/**
 * The shortages as the officer takes them to the budget meeting: "Cần bổ sung 312 máy tính phòng máy,
 * 14 webcam" then the teachers to support; one sentence each, or "none" when nothing is counted.
 */
export function shortageSentences(totals: readonly BatchShortageTotal[], lang: Lang): string[] {
  const devices = totals.filter((t) => !isTeacherUnit(t.unit));
  const teachers = totals.filter((t) => isTeacherUnit(t.unit));
  const out: string[] = [];
  if (devices.length > 0) out.push(batchLabel('shortage.devices', lang, { list: shortageItems(devices, lang) }));
  if (teachers.length > 0) out.push(batchLabel('shortage.teachers', lang, { list: shortageItems(teachers, lang) }));
  return out.length > 0 ? out : [batchLabel('shortage.none', lang)];
}

/** What a file that is not a spreadsheet is, and what to do. */
export function notAuditedText(e: BatchNotAuditedEntry, lang: Lang): { kind: string; note: string } {
  const k = e.not_audited.kind;
  if (k === 'mapping') return { kind: batchLabel('not_audited.mapping', lang), note: batchLabel('not_audited.plain', lang) };
  const kind = k === '' ? batchLabel('not_audited.no_kind', lang) : batchLabel('not_audited.kind', lang, { kind: k.toUpperCase() });
  return { kind, note: batchLabel(e.not_audited.submission ? 'not_audited.submission' : 'not_audited.plain', lang) };
}

export interface FileView { file: string; outcome: string; status: CriterionStatus; school: string; note: string }

/** Every file of the batch with what became of it, in path order. */
export function fileViews(s: BatchDigest, lang: Lang): FileView[] {
  const rows: FileView[] = [];
  for (const v of rankViews(s, lang)) {
    rows.push({ file: v.file, outcome: batchLabel('file.audited', lang), status: v.status, school: `${v.code} ${v.name}`, note: `${scoreCell(v.score, lang)} — ${v.statusText}` });
  }
  for (const x of s.superseded) {
    rows.push({
      file: x.file, outcome: batchLabel('file.superseded', lang), status: 'not_applicable',
      school: `${x.code ?? ''} ${x.name ?? ''}`.trim(), note: batchLabel('file.superseded_note', lang, { code: x.code ?? '', kept: x.superseded_by }),
    });
  }
  for (const e of s.errors) rows.push({ file: e.file, outcome: batchLabel('file.error', lang), status: 'fail', school: '', note: e.error.message });
  for (const e of s.not_audited) {
    const t = notAuditedText(e, lang);
    rows.push({ file: e.file, outcome: batchLabel('file.not_audited', lang), status: e.not_audited.submission ? 'missing' : 'not_applicable', school: '', note: `${t.kind}: ${t.note}` });
  }
  return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Per district: the row a table shows. */
export interface AreaView { district: string; province: string; schools: number; pass: number; fail: number; rate: number | null; rateText: string; shortages: string }

export function areaViews(s: BatchDigest, lang: Lang): AreaView[] {
  const unknown = batchLabel('unknown', lang);
  return s.districts.map((d) => ({
    district: d.district ?? unknown,
    province: d.province ?? unknown,
    schools: d.schools,
    pass: d.pass,
    fail: d.fail,
    rate: d.rate,
    rateText: d.rate === null ? '—' : percent(d.rate, lang),
    shortages: shortageItems(d.shortages, lang),
  }));
}

/** The overall outcome in words, as the exit code judges it. */
export function outcomeText(s: BatchDigest, lang: Lang): string {
  const t = s.totals;
  if (t.errors > 0 || t.submissions > 0) return batchLabel('result.errors', lang);
  if (t.fail > 0 || t.district_criteria.fail > 0 || t.below_fail_under > 0) return batchLabel('result.fail', lang);
  return batchLabel('result.ok', lang);
}

export const asOfText = (s: BatchDigest, lang: Lang): string =>
  s.run.as_of !== null ? dateText(s.run.as_of, lang) : batchLabel('as_of.per_school', lang);
