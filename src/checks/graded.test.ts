import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import './index.js';
import { gradedCheck } from './graded.js';
import { runCheck } from '../engine/test-inventory.js';

const check = { graded: { metric: 'teachers.elearning_share', bands: [{ min: 0.8, points: 7 }, { min: 0.5, points: 4 }] } };
const share = (yes: number, of: number) => ({ teachers: Array.from({ length: of }, (_, i) => ({ elearning_lessons: i < yes ? 1 : 0 })) });

describe('graded', () => {
  it('the points of the first band reached; pass only with the whole weight', async () => {
    const top = await runCheck(check, share(9, 10), 7);
    expect(top).toMatchObject({ status: 'pass', points: 7, gap: null });
    const mid = await runCheck(check, share(6, 10), 7);
    expect(mid).toMatchObject({ status: 'fail', points: 4 });
    expect(format(mid.actual!, 'vi')).toBe('60%');
    expect(format(mid.expected!, 'vi')).toBe('≥ 80%: 7 điểm, ≥ 50%: 4 điểm');
    expect(format(mid.gap!, 'vi')).toBe('đạt 4/7 điểm; Tỷ lệ giáo viên có bài giảng e-Learning cần ≥ 80% để được 7 điểm');
    const low = await runCheck(check, share(4, 10), 7);
    expect(low).toMatchObject({ status: 'fail', points: 0 });
    expect(format(low.gap!, 'en')).toBe('0/7 points; Share of teachers with an e-learning lesson must reach 50% for 4 points');
    expect((await runCheck(check, share(5, 10), 7)).points).toBe(4);
  });

  it('a weight above every band cannot pass', async () => {
    const o = await runCheck(check, share(10, 10), 10);
    expect(o).toMatchObject({ status: 'fail', points: 7 });
    expect(format(o.gap!, 'vi')).toBe('đạt 7/10 điểm');
  });

  it('missing data earns 0 and is missing', async () => {
    expect(await runCheck(check, {}, 7)).toMatchObject({ status: 'missing', points: 0 });
    expect(await runCheck(check, { teachers: [] }, 7)).toMatchObject({ status: 'missing', points: 0 });
  });

  it('the schema wants bands from the highest down', () => {
    expect(gradedCheck.schema.safeParse({ graded: { metric: 'labs', bands: [{ min: 1, points: 1 }, { min: 2, points: 2 }] } }).success).toBe(false);
  });

  it('rule and metrics', () => {
    expect(gradedCheck.rule(check)).toBe('graded teachers.elearning_share: >= 0.8 -> 7, >= 0.5 -> 4');
    expect(gradedCheck.metrics(check)).toEqual(['teachers.elearning_share']);
  });
});
