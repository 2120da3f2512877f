import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandOf, passRuleOf, roundHalfUp1, scoreCriteria, scoreOf } from './score.js';
import { scoringSchema, type Scoring } from '../rubric/schema.js';
import type { CriterionResult, CriterionStatus } from './types.js';

const crit = (id: string, status: CriterionStatus, weight = 1, extra: Partial<CriterionResult> = {}): CriterionResult => ({
  id, clause: id, title: { vi: id }, quote: null, source: null, hint: null, severity: 'required', weight, status,
  points: status === 'pass' ? weight : status === 'fail' || status === 'missing' ? 0 : null,
  rule: 'x', actual: null, expected: null, message: { code: 'criterion.pass' }, gap: null, cells: [], waiver: null, ...extra,
});
const scoring = (s: Record<string, unknown> = {}): Scoring => scoringSchema.parse(s);

const BANDS = [
  { id: 'xuat-sac', min: 90, label: { vi: 'Xuất sắc' } },
  { id: 'tot', min: 80, label: { vi: 'Tốt' } },
  { id: 'kha', min: 70, label: { vi: 'Khá' } },
  { id: 'yeu', min: 0, label: { vi: 'Yếu' } },
];

describe('rounding', () => {
  it('half up to one decimal, beware float', () => {
    expect(roundHalfUp1(66.65)).toBe(66.7);
    expect(roundHalfUp1((100 * 13.33) / 20)).toBe(66.7);
    expect(roundHalfUp1(0.15)).toBe(0.2);
    expect(roundHalfUp1(1.005 * 10)).toBe(10.1);
    expect(roundHalfUp1(66.64999)).toBe(66.6);
    expect(roundHalfUp1(200 / 3)).toBe(66.7);
    expect(roundHalfUp1(100 / 3)).toBe(33.3);
    expect(roundHalfUp1(80)).toBe(80);
  });

  it('equals decimal half-up rounding of exact hundredths (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
      // n / 100 is a two-decimal value; the exact answer is ⌊n/10 + 0.5⌋ / 10 in integers.
      const exact = Math.floor((n + 5) / 10) / 10;
      return roundHalfUp1(n / 100) === exact;
    }));
  });
});

describe('score', () => {
  it('100 × earned / possible over applicable, non-waived criteria; missing earns 0', () => {
    const cs = [crit('a', 'pass', 2), crit('b', 'fail', 1), crit('c', 'missing', 1), crit('d', 'not_applicable', 5), crit('e', 'waived', 5)];
    expect(scoreOf(cs, 'percent')).toBe(50);
    expect(scoreOf(cs, 'points')).toBe(2);
    expect(scoreOf([crit('a', 'pass'), crit('b', 'fail'), crit('c', 'fail')], 'percent')).toBe(33.3);
    expect(scoreOf([crit('a', 'pass', 2), crit('b', 'fail')], 'percent')).toBe(66.7);
  });

  it('graded partial points count', () => {
    expect(scoreOf([crit('a', 'fail', 7, { points: 4 }), crit('b', 'pass', 3)], 'percent')).toBe(70);
  });

  it('null score when nothing can earn points; status then follows the required criteria alone', () => {
    const none = [crit('a', 'not_applicable'), crit('b', 'waived')];
    expect(scoreCriteria(none, scoring({ pass: { min_score: 80 } }))).toMatchObject({ score: null, status: 'pass', band: null });
    expect(scoreCriteria([], scoring({ bands: BANDS }))).toMatchObject({ score: null, status: 'pass', band: null });
  });

  it('pass rule: min_score on the rounded score, all_required', () => {
    // 79.95 rounds to 80.0, which meets min_score 80
    const cs = (earned: number) => [crit('a', 'fail', 10000, { points: earned, severity: 'recommended' })];
    expect(scoreCriteria(cs(7995), scoring({ pass: { min_score: 80 } })).status).toBe('pass');
    expect(scoreCriteria(cs(7994), scoring({ pass: { min_score: 80 } })).status).toBe('fail');
    const req = [crit('a', 'pass', 9), crit('b', 'missing', 1)];
    expect(scoreCriteria(req, scoring({ pass: { min_score: 80 } }))).toMatchObject({ score: 90, status: 'fail' });
    expect(scoreCriteria(req, scoring({ pass: { min_score: 80, all_required: false } })).status).toBe('pass');
    const rec = [crit('a', 'pass', 9), crit('b', 'fail', 1, { severity: 'recommended' })];
    expect(scoreCriteria(rec, scoring({ pass: { min_score: 80 } })).status).toBe('pass');
    expect(scoreCriteria([crit('a', 'fail', 1, { severity: 'recommended' })], scoring()).status).toBe('pass');
    expect(scoreCriteria([crit('a', 'fail')], scoring()).status).toBe('fail');
  });

  it('points scale', () => {
    const cs = [crit('1.1', 'pass', 5), crit('1.2', 'fail', 10), crit('2.1', 'pass', 30)];
    expect(scoreCriteria(cs, scoring({ scale: 'points', pass: { min_score: 30, all_required: false }, bands: BANDS }))).toMatchObject({ score: 35, status: 'pass', band: { id: 'yeu' } });
  });

  it('bands: the highest reached, whatever the order written', () => {
    expect(bandOf(90, BANDS)?.id).toBe('xuat-sac');
    expect(bandOf(89.9, BANDS)?.id).toBe('tot');
    expect(bandOf(0, BANDS)?.id).toBe('yeu');
    expect(bandOf(75, [...BANDS].reverse())?.id).toBe('kha');
    expect(bandOf(-1, BANDS)).toBeNull();
    expect(bandOf(50, undefined)).toBeNull();
    expect(scoreCriteria([crit('a', 'pass', 9), crit('b', 'fail', 1)], scoring({ bands: BANDS })).band).toEqual({ id: 'xuat-sac', label: { vi: 'Xuất sắc' } });
  });

  it('groups by prefix, each with its score and band; band from the weakest group', () => {
    const cs = [crit('1.1', 'pass', 3), crit('1.2', 'pass', 1), crit('2.1', 'pass', 1), crit('2.2', 'fail', 1), crit('3.1', 'not_applicable')];
    const s = scoring({
      bands: BANDS,
      groups: [{ id: 'day-hoc', criteria_prefix: '1.' }, { id: 'quan-tri', criteria_prefix: '2.' }, { id: 'khac', criteria_prefix: '3.' }],
      band_from: 'weakest_group',
    });
    const r = scoreCriteria(cs, s);
    expect(r.score).toBe(83.3);
    expect(r.groups).toEqual([
      { id: 'day-hoc', score: 100, band: { id: 'xuat-sac', label: { vi: 'Xuất sắc' } } },
      { id: 'quan-tri', score: 50, band: { id: 'yeu', label: { vi: 'Yếu' } } },
      { id: 'khac', score: null, band: null },
    ]);
    expect(r.band?.id).toBe('yeu');
    expect(scoreCriteria(cs, { ...s, band_from: 'score' }).band?.id).toBe('tot');
    expect(scoreCriteria(cs, { ...s, band_from: undefined }).band?.id).toBe('tot');
  });

  it('carries the title of a group when the rubric gives one, and only then', () => {
    const title = { vi: 'Dạy học', en: 'Teaching' };
    const r = scoreCriteria([crit('1.1', 'pass'), crit('2.1', 'fail')], scoring({
      groups: [{ id: 'day-hoc', title, criteria_prefix: '1.' }, { id: 'quan-tri', criteria_prefix: '2.' }],
    }));
    expect(r.groups[0]).toEqual({ id: 'day-hoc', score: 100, band: null, title });
    expect('title' in r.groups[1]!).toBe(false);
  });

  it('the pass rule with its defaults, as the status is judged', () => {
    expect(passRuleOf(scoring({}))).toEqual({ min_score: null, all_required: true });
    expect(passRuleOf(scoring({ pass: { min_score: 50, all_required: false } }))).toEqual({ min_score: 50, all_required: false });
    expect(passRuleOf(scoring({ pass: { min_score: 80 } }))).toEqual({ min_score: 80, all_required: true });
  });

  it('a scored group below every band leaves no overall band', () => {
    const s = scoring({ bands: [{ id: 'dat', min: 50, label: { vi: 'Đạt' } }], groups: [{ id: 'a', criteria_prefix: 'a' }, { id: 'b', criteria_prefix: 'b' }], band_from: 'weakest_group' });
    expect(scoreCriteria([crit('a1', 'pass'), crit('b1', 'fail')], s).band).toBeNull();
  });
});
