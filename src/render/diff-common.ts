// Words every diff renderer needs (Markdown, Excel, terminal): school names, "before → after" pairs,
// scores with their change, rates as percentages, and the words for changes, reasons and trends.
import type {
  ChangeReason, CriterionChange, CriterionDiff, DiffReport, RateCount, SchoolDiff, SchoolTrend, SideSummary,
} from '../engine/diff.js';
import { rubricLabel } from '../engine/diff.js';
import type { CriterionStatus } from '../engine/types.js';
import { diffLabel } from '../messages/diff.js';
import { formatFixed, formatNumber } from '../messages/format.js';
import { reportLabel } from '../messages/report.js';
import { severityWord, statusWord, type Lang } from './common.js';

export const changeWord = (c: CriterionChange, lang: Lang): string => diffLabel(`change.${c}`, lang);
export const reasonWord = (r: ChangeReason, lang: Lang): string => diffLabel(`reason.${r}`, lang);
export const trendWord = (t: SchoolTrend, lang: Lang): string => diffLabel(`trend.${t}`, lang);
export { severityWord, statusWord };

const DASH = '—';

/** "Name (mã 83000715)", or whichever of the two is known. */
export function schoolText(code: string | null, name: string | null, lang: Lang): string {
  if (code && name) return reportLabel('school.value', lang, { name, code });
  return name ?? code ?? DASH;
}

export const arrow = (a: string, b: string, lang: Lang): string => diffLabel('arrow', lang, { old: a, new: b });

/** "+1.5", "−10" (a real minus sign), "0". */
export function signed(n: number, lang: Lang): string {
  if (n === 0) return '0';
  return n > 0 ? `+${formatNumber(n, lang)}` : `−${formatNumber(-n, lang)}`;
}

export const scoreWord = (score: number | null, lang: Lang): string => (score === null ? diffLabel('na', lang) : formatFixed(score, 1, lang));

/** "90.0 → 100.0 (+10)". */
export function scoreChange(s: Pick<SchoolDiff, 'old' | 'new' | 'score_delta'>, lang: Lang): string {
  const base = arrow(scoreWord(s.old.score, lang), scoreWord(s.new.score, lang), lang);
  return s.score_delta === null || s.score_delta === 0 ? base : `${base} (${signed(s.score_delta, lang)})`;
}

export const bandWord = (b: { id: string; label: string | null } | null, lang: Lang): string =>
  b ? b.label ?? b.id : reportLabel('band.none', lang);

export const statusOrDash = (s: CriterionStatus | undefined | null, lang: Lang): string => (s ? statusWord(s, lang) : DASH);

/** The status of a criterion before → after; one side only when the other lacks the criterion. */
export const statusChange = (c: CriterionDiff, lang: Lang): string =>
  arrow(statusOrDash(c.old?.status, lang), statusOrDash(c.new?.status, lang), lang);

/** The observed values before → after ("15 HS/máy → 11.5 HS/máy"), or the one that exists. */
export function actualChange(c: CriterionDiff, lang: Lang): string {
  const a = c.old?.actual ?? null;
  const b = c.new?.actual ?? null;
  if (a === null && b === null) return '';
  if (c.old === null) return b ?? '';
  if (c.new === null) return a ?? '';
  // A side where the criterion does not apply has no value: show the other one alone, not "x → —".
  if (b === null && c.new.status === 'not_applicable') return a ?? '';
  if (a === null && c.old.status === 'not_applicable') return b ?? '';
  return a === b ? (b ?? '') : arrow(a ?? DASH, b ?? DASH, lang);
}

/** A share 0–1 as a percentage with at most one decimal ("66.7%"). */
export const percent = (x: number | null, lang: Lang): string =>
  x === null ? diffLabel('na', lang) : `${formatNumber(Math.round(x * 1000) / 10, lang)}%`;

export const rateText = (r: RateCount | null, lang: Lang): string =>
  r === null ? DASH : diffLabel('rate.value', lang, { rate: percent(r.rate, lang), pass: r.pass, applicable: r.applicable });

/** How the two sides are named in headings: their school years when known and different, else the names given. */
export function sideTitles(d: Pick<DiffReport, 'old' | 'new'>): [string, string] {
  const [a, b] = [d.old.school_years.join(', '), d.new.school_years.join(', ')];
  return a && b && a !== b ? [a, b] : [d.old.name, d.new.name];
}

export const sideLine = (s: SideSummary, which: 'old' | 'new', lang: Lang): string =>
  diffLabel('field.side', lang, { side: diffLabel(`side.${which}`, lang), name: s.name, kind: diffLabel(`kind.${s.kind}`, lang) });

export const rubricsText = (s: SideSummary): string => s.rubrics.map(rubricLabel).join(', ');

/** The schools of a trend, in report order. */
export const schoolsOf = (d: DiffReport, t: SchoolTrend): SchoolDiff[] => d.schools.filter((s) => s.trend === t);

/** The criterion as "2 · Title". */
export const criterionText = (c: Pick<CriterionDiff, 'clause' | 'title'>): string => `${c.clause} · ${c.title}`;

/** Pass rates worth a line in short views: those that moved, or exist on one side only. */
export const movedRates = (d: DiffReport) =>
  d.criteria.filter((c) => (c.delta !== null && c.delta !== 0) || (c.old === null) !== (c.new === null));
