// One school on both sides, compared: its criteria (criterion.ts), its score against what the old data
// scores under the new rubric, its trend (regressed, improved, other changes, unchanged) and notes.
import type { Finding } from '../types.js';
import type { RubricRef, SideRubric, SideSchool } from './side.js';
import { normalizeCode, rubricKey, rubricLabel } from './side.js';
import { compareCriterion, criterionRank, criterionSize, type CompareContext } from './criterion.js';
import type { CriterionDiff, SchoolBrief, SchoolDiff, SchoolSnapshot, SchoolTrend } from './types.js';
import { byText, round, severityRank, statusWord } from './util.js';

const sameName = (a: string | null, b: string | null): boolean =>
  (a ?? '').normalize('NFC').replace(/\s+/g, ' ').trim() === (b ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

const emptyRubric = (ref: RubricRef): SideRubric => ({ ...ref, title: ref.id, criteria: [], bands: [] });

export function bandOf(side: Map<string, SideRubric>, ref: RubricRef, id: string | null): { id: string; label: string | null } | null {
  if (id === null) return null;
  return { id, label: side.get(rubricKey(ref))?.bands.find((b) => b.id === id)?.label ?? null };
}

function snapshot(s: SideSchool, rubrics: Map<string, SideRubric>): SchoolSnapshot {
  return {
    file: s.file, school_year: s.school_year, rubric: s.rubric, as_of: s.as_of, score: s.score, status: s.status,
    band: bandOf(rubrics, s.rubric, s.band),
  };
}

export function brief(s: SideSchool, rubrics: Map<string, SideRubric>): SchoolBrief {
  return {
    code: normalizeCode(s.code), name: s.name, file: s.file, school_year: s.school_year, rubric: s.rubric,
    score: s.score, status: s.status, band: bandOf(rubrics, s.rubric, s.band),
  };
}

export interface SchoolContext {
  oldRubrics: Map<string, SideRubric>;
  newRubrics: Map<string, SideRubric>;
  /** Both sides' copied texts are in the same language. */
  sameLang: boolean;
}

export function compareSchool(o: SideSchool, n: SideSchool, r: SideSchool | null, sc: SchoolContext): SchoolDiff {
  const oR = sc.oldRubrics.get(rubricKey(o.rubric)) ?? emptyRubric(o.rubric);
  const nR = sc.newRubrics.get(rubricKey(n.rubric)) ?? emptyRubric(n.rubric);
  const sameRubric = rubricKey(o.rubric) === rubricKey(n.rubric);
  const sameData = o.source_sha256 !== null && o.source_sha256 !== '' && o.source_sha256 === n.source_sha256;
  // A re-score only means something under the new side's exact rubric.
  const rescore = r && !sameRubric && rubricKey(r.rubric) === rubricKey(n.rubric) ? r : null;
  const years = o.school_year !== null && n.school_year !== null && o.school_year !== n.school_year
    ? { old: o.school_year, new: n.school_year } : null;
  const ctx: CompareContext = { sameData, sameRubric, sameLang: sc.sameLang, newRubric: n.rubric, years };

  const oDefs = new Map(oR.criteria.map((c) => [c.id, c]));
  const nDefs = new Map(nR.criteria.map((c) => [c.id, c]));
  const oc = new Map(o.criteria.map((c) => [c.id, c]));
  const nc = new Map(n.criteria.map((c) => [c.id, c]));
  const rc = new Map((rescore?.criteria ?? []).map((c) => [c.id, c]));
  const order = [...nR.criteria.map((c) => c.id), ...oR.criteria.map((c) => c.id).filter((id) => !nDefs.has(id))];
  const position = new Map(order.map((id, i) => [id, i]));

  const criteria = order
    .map((id) => compareCriterion(id, oDefs.get(id), nDefs.get(id), oc.get(id), nc.get(id), rc.get(id), ctx))
    .filter((c): c is CriterionDiff => c !== null)
    .sort((a, b) => criterionRank(a) - criterionRank(b)
      || severityRank(a.severity) - severityRank(b.severity)
      || criterionSize(b) - criterionSize(a)
      || position.get(a.id)! - position.get(b.id)!);

  // Score: compared with what the old data scores under the new rubric (re-scored, or the same rubric).
  const baseScore = rescore ? rescore.score : sameRubric ? o.score : null;
  const dataCaused = (c: CriterionDiff) => c.reason === 'data' || c.reason === 'data_and_rubric';
  const basePoints = (c: CriterionDiff) => (c.rescored ? c.rescored.points : c.old?.points) ?? 0;
  const scoreFell = !sameData && baseScore !== null && n.score !== null && n.score < baseScore
    && criteria.some((c) => dataCaused(c) && (c.new?.points ?? 0) < basePoints(c));
  const scoreRose = !sameData && baseScore !== null && n.score !== null && n.score > baseScore
    && criteria.some((c) => dataCaused(c) && (c.new?.points ?? 0) > basePoints(c));

  const regression = scoreFell || criteria.some((c) => c.regression);
  const improved = scoreRose || criteria.some((c) => c.improvement);
  const changedAtAll = criteria.some((c) => c.change !== 'still_failing' && c.change !== 'value')
    || o.score !== n.score || o.status !== n.status || o.band !== n.band;
  const trend: SchoolTrend = regression ? 'regressed' : improved ? 'improved' : changedAtAll ? 'changed' : 'unchanged';

  const code = normalizeCode(n.code)!;
  const notes: Finding[] = [];
  const renamed = !sameName(o.name, n.name) && o.name !== null && n.name !== null;
  if (renamed) notes.push({ code: 'diff.note.renamed', args: { code, old: o.name!, new: n.name! } });
  if (!sameRubric) {
    notes.push(rubricLabel(o.rubric) === rubricLabel(n.rubric)
      ? { code: 'diff.note.rubric_edited', args: { rubric: rubricLabel(n.rubric) } }
      : { code: 'diff.note.rubric_changed', args: { old: rubricLabel(o.rubric), new: rubricLabel(n.rubric) } });
    if (rescore) {
      notes.push({ code: 'diff.note.rescored', args: { rubric: rubricLabel(n.rubric), score: rescore.score === null ? { code: 'report.score.none' } : rescore.score, status: statusWord(rescore.status) } });
    } else {
      notes.push({ code: 'diff.note.score_not_comparable' });
    }
  }
  // Worth saying only when something changed: it tells the reader the school did not cause it.
  if (sameData && changedAtAll) notes.push({ code: 'diff.note.same_data' });
  if (scoreFell) notes.push({ code: 'diff.note.score_fell', args: { from: baseScore!, to: n.score! } });

  return {
    code,
    name: n.name ?? o.name,
    old_name: renamed ? o.name : null,
    trend,
    regression,
    old: snapshot(o, sc.oldRubrics),
    new: snapshot(n, sc.newRubrics),
    rescored: rescore
      ? { rubric: rescore.rubric, score: rescore.score, status: rescore.status, band: bandOf(sc.newRubrics, rescore.rubric, rescore.band) }
      : null,
    score_delta: o.score !== null && n.score !== null ? round(n.score - o.score, 1) : null,
    same_rubric: sameRubric,
    same_data: sameData,
    criteria,
    notes,
  };
}

const TREND_RANK: Record<SchoolTrend, number> = { regressed: 0, improved: 1, changed: 2, unchanged: 3 };

/** Deterministic school order: regressions (required first, then the most points lost), improvements, other changes, unchanged. */
export function compareSchools(a: SchoolDiff, b: SchoolDiff): number {
  const t = TREND_RANK[a.trend] - TREND_RANK[b.trend];
  if (t) return t;
  if (a.trend === 'regressed' || a.trend === 'improved') {
    const pick = (s: SchoolDiff) => s.criteria.filter((c) => (a.trend === 'regressed' ? c.regression : c.improvement));
    const worst = (s: SchoolDiff) => Math.min(3, ...pick(s).map((c) => severityRank(c.severity)));
    const size = (s: SchoolDiff) => pick(s).reduce((n, c) => n + criterionSize(c), 0);
    const scoreMove = (s: SchoolDiff) => Math.abs(s.score_delta ?? 0);
    const d = worst(a) - worst(b) || size(b) - size(a) || scoreMove(b) - scoreMove(a);
    if (d) return d;
  }
  return byText(a.code, b.code);
}
