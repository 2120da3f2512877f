// What the batch renderers (Markdown, Excel, terminal, JUnit) share: the summary's rows in words.
// Computed from the summary alone, so a merged summary renders like a single run.
import type { BatchDigest, BatchDistrictResult, BatchFlag, BatchRubric } from '../engine/batch.js';
import type { CriterionStatus } from '../engine/types.js';
import { batchLabel } from '../messages/batch.js';
import { dateText, levelsText, statusWord, type Lang } from './common.js';

/** A share 0–1 as a percentage with at most one decimal: 0.6 → "60%", 2/3 → "66.7%". */
export const percent = (x: number): string => `${Math.round(x * 1000) / 10}%`;

export const scoreCell = (score: number | null): string => (score === null ? '—' : score.toFixed(1));

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
  failingRequired: string[];
  file: string;
}

/** The ranking rows, rubric by rubric, in ranking order. */
export function* rankViews(s: BatchDigest, lang: Lang): Generator<RankView> {
  const rubrics = rubricViews(s, lang);
  const unknown = batchLabel('unknown', lang);
  for (const group of s.ranking) {
    const rubric = rubrics.get(group.rubric)?.rubric;
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
    const share = d.share === null ? '—' : percent(d.share);
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
      min: percent(d.min),
      status: d.status,
      statusText: d.status === 'missing' ? batchLabel('district.status_missing', lang) : statusWord(d.status, lang),
    };
  });
}

export interface RateView {
  rubric: string;
  clause: string;
  id: string;
  title: string;
  severity: 'required' | 'target' | 'recommended';
  weight: number;
  pass: number;
  fail: number;
  missing: number;
  not_applicable: number;
  waived: number;
  applicable: number;
  rate: number | null;
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
      rateText: c.rate === null ? batchLabel('rate.none', lang) : batchLabel('rate.value', lang, { pass: c.pass, applicable: c.applicable, rate: percent(c.rate) }),
    };
  });
}

export const flagText = (f: BatchFlag, lang: Lang): string => {
  switch (f.code) {
    case 'duplicate_code':
      return batchLabel('flag.duplicate_code', lang, { school_code: f.school_code, count: f.files.length, files: f.files });
    case 'waiver_unknown_school':
      return batchLabel('flag.waiver_unknown_school', lang, { school_code: f.school_code, criterion: f.criterion });
    default:
      return batchLabel(`flag.${f.code}`, lang, { file: f.file, value: f.value ?? batchLabel('unknown', lang), rubric: f.rubric });
  }
};

/** The overall outcome in words, as the exit code judges it. */
export function outcomeText(s: BatchDigest, lang: Lang): string {
  const t = s.totals;
  if (t.errors > 0) return batchLabel('result.errors', lang);
  if (t.fail > 0 || t.district_criteria.fail > 0 || t.below_fail_under > 0) return batchLabel('result.fail', lang);
  return batchLabel('result.ok', lang);
}

export const asOfText = (s: BatchDigest, lang: Lang): string =>
  s.run.as_of !== null ? dateText(s.run.as_of, lang) : batchLabel('as_of.per_school', lang);
