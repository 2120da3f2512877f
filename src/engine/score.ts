// Criterion results → score, status, band and group scores, exactly as rubric.md "Scoring".
import type { Scoring } from '../rubric/schema.js';
import type { CriterionResult, GroupResult, PassRule, ScoreBand } from './types.js';

/** Round half up to one decimal, immune to binary noise: 66.65 → 66.7, 0.15 → 0.2. */
export function roundHalfUp1(x: number): number {
  const r = Math.floor(Number((x * 10).toPrecision(12)) + 0.5) / 10;
  return Object.is(r, -0) ? 0 : r;
}

const counts = (c: CriterionResult): boolean => c.status === 'pass' || c.status === 'fail' || c.status === 'missing';

/** Earned and possible points over applicable, non-waived criteria (missing earns 0). */
export function tally(criteria: CriterionResult[]): { earned: number; possible: number } {
  let earned = 0;
  let possible = 0;
  for (const c of criteria) {
    if (!counts(c)) continue;
    possible += c.weight;
    earned += c.points ?? 0;
  }
  return { earned, possible };
}

/** The rounded score of some criteria, or null when none of them can earn points. */
export function scoreOf(criteria: CriterionResult[], scale: Scoring['scale']): number | null {
  const { earned, possible } = tally(criteria);
  if (possible <= 0) return null;
  return roundHalfUp1(scale === 'points' ? earned : (100 * earned) / possible);
}

/** The first band (highest min first) whose min the score reaches. */
export function bandOf(score: number | null, bands: Scoring['bands']): (ScoreBand & { min: number }) | null {
  if (score === null || !bands) return null;
  const b = [...bands].sort((x, y) => y.min - x.min).find((x) => score >= x.min);
  return b ? { id: b.id, label: b.label, min: b.min } : null;
}

const publicBand = (b: (ScoreBand & { min: number }) | null): ScoreBand | null => (b ? { id: b.id, label: b.label } : null);

export interface ScoreResult {
  score: number | null;
  status: 'pass' | 'fail';
  band: ScoreBand | null;
  groups: GroupResult[];
}

/** The pass rule with its defaults filled in (rubric.md: all_required defaults to true). */
export const passRuleOf = (scoring: Scoring): PassRule => ({
  min_score: scoring.pass?.min_score ?? null, all_required: scoring.pass?.all_required ?? true,
  ...(scoring.pass?.note ? { note: scoring.pass.note } : {}),
});

export function scoreCriteria(criteria: CriterionResult[], scoring: Scoring): ScoreResult {
  const scale = scoring.scale ?? 'percent';
  const score = scoreOf(criteria, scale);
  const rule = passRuleOf(scoring);

  let pass = true;
  if (rule.all_required && criteria.some((c) => c.severity === 'required' && (c.status === 'fail' || c.status === 'missing'))) pass = false;
  // With no possible points the status follows the required criteria alone.
  if (rule.min_score !== null && score !== null && score < rule.min_score) pass = false;

  const groupBands: ((ScoreBand & { min: number }) | null)[] = [];
  const groups: GroupResult[] = (scoring.groups ?? []).map((g) => {
    const gs = scoreOf(criteria.filter((c) => c.id.startsWith(g.criteria_prefix)), scale);
    const band = bandOf(gs, scoring.bands);
    groupBands.push(band);
    return { id: g.id, score: gs, band: publicBand(band), ...(g.title ? { title: g.title } : {}) };
  });

  let band: ScoreBand | null;
  if (scoring.band_from === 'weakest_group' && groups.length > 0) {
    // Groups with no score are left out; a scored group below every band leaves the school without one.
    const scored = groups.map((g, i) => (g.score === null ? undefined : groupBands[i])).filter((b) => b !== undefined);
    band = scored.length === 0 || scored.includes(null) ? null
      : publicBand((scored as (ScoreBand & { min: number })[]).reduce((a, b) => (b.min < a.min ? b : a)));
  } else {
    band = publicBand(bandOf(score, scoring.bands));
  }
  return { score, status: pass ? 'pass' : 'fail', band, groups };
}
