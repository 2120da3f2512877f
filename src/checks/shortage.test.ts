// Failed checks whose gap is a count carry it as data (need, have, missing, unit) for the batch's totals.
import { describe, expect, it } from 'vitest';
import './index.js';
import { runCheck, teachers } from '../engine/test-inventory.js';

const equipment = (rows: [string, string, number][]) => rows.map(([kind, purpose, quantity]) => ({ kind, purpose, quantity }));

describe('shortages', () => {
  it('a device count: need, have and the metric as unit; none when it passes or for an upper bound', async () => {
    const o = await runCheck({ metric: 'computers.quan_ly', op: '>=', value: 2 }, { equipment: equipment([['may_tinh_de_ban', 'quan_ly', 1]]) });
    expect(o.shortages).toEqual([{ unit: 'computers.quan_ly', need: 2, have: 1, missing: 1 }]);
    const webcam = await runCheck({ metric: 'equipment.webcam.all', op: '>=', value: 1 }, { equipment: [] });
    expect(webcam.shortages).toEqual([{ unit: 'equipment.webcam.all', need: 1, have: 0, missing: 1 }]);
    const gt = await runCheck({ metric: 'labs', op: '>', value: 0 }, { labs: 0 });
    expect(gt.shortages).toEqual([{ unit: 'labs', need: 1, have: 0, missing: 1 }]);
    expect((await runCheck({ metric: 'computers.quan_ly', op: '>=', value: 2 }, { equipment: equipment([['may_tinh_de_ban', 'quan_ly', 3]]) })).shortages).toBeUndefined();
    const upper = await runCheck({ metric: 'software.unlicensed', op: '<=', value: 0 }, { software: [{ name: 'X', function: 'van_phong', license: 'khong' }] });
    expect(upper.status).toBe('fail');
    expect(upper.shortages).toBeUndefined();
  });

  it('a per-lab ratio counts lab computers: 25 a lab, 2 labs, 38 computers → 12 short', async () => {
    const o = await runCheck({ metric: 'computers.per_lab', op: '>=', value: 25 }, { labs: 2, equipment: equipment([['may_tinh_de_ban', 'phong_may', 38]]) });
    expect(o.shortages).toEqual([{ unit: 'computers.phong_may', need: 50, have: 38, missing: 12 }]);
  });

  it('computers per subject group count teacher computers', async () => {
    const o = await runCheck({ metric: 'groups.computers_per_group', op: '>=', value: 1 }, {
      teachers: [{ group: 'Toán' }, { group: 'Văn' }, { group: 'Anh' }],
      equipment: equipment([['may_tinh_xach_tay', 'giao_vien', 1]]),
    });
    expect(o.shortages).toEqual([{ unit: 'computers.giao_vien', need: 3, have: 1, missing: 2 }]);
  });

  it('a teacher share counts teachers: all of 10 with an e-learning lesson, 7 have one → 3; "> 0" needs one', async () => {
    const rows = [...teachers(7, { elearning_lessons: 1 }), ...teachers(3, { elearning_lessons: 0 })];
    const all = await runCheck({ metric: 'teachers.elearning_share', op: '>=', value: 1 }, { teachers: rows });
    expect(all.shortages).toEqual([{ unit: 'teachers.elearning', need: 10, have: 7, missing: 3 }]);
    const some = await runCheck({ metric: 'teachers.it_trained_share', op: '>', value: 0 }, { teachers: teachers(4, { it_trained: false }) });
    expect(some.shortages).toEqual([{ unit: 'teachers.it_trained', need: 1, have: 0, missing: 1 }]);
    const share = await runCheck({ metric: 'teachers.uses_it_share', op: '>=', value: 0.8 }, { teachers: [...teachers(6, { uses_it: true }), ...teachers(4, { uses_it: false })] });
    expect(share.shortages).toEqual([{ unit: 'teachers.uses_it', need: 8, have: 6, missing: 2 }]);
  });

  it('students per computer: the computers the ratio needs', async () => {
    const o = await runCheck({ students_per_computer: { purpose: 'phong_may', max: { thcs: 16 } } }, {
      levels: ['thcs'], students_thcs: 420, equipment: equipment([['may_tinh_de_ban', 'phong_may', 20]]),
    });
    expect(o.shortages).toEqual([{ unit: 'computers.phong_may', need: 27, have: 20, missing: 7 }]);
  });

  it('a failing `all` lacks what each failing part lacks; a failing `any` names no count', async () => {
    const inv = { equipment: equipment([['may_tinh_de_ban', 'quan_ly', 1]]) };
    const all = await runCheck({ all: [{ metric: 'computers.quan_ly', op: '>=', value: 2 }, { metric: 'equipment.may_in.all', op: '>=', value: 1 }] }, inv);
    expect(all.shortages).toEqual([
      { unit: 'computers.quan_ly', need: 2, have: 1, missing: 1 },
      { unit: 'equipment.may_in.all', need: 1, have: 0, missing: 1 },
    ]);
    const any = await runCheck({ any: [{ metric: 'computers.quan_ly', op: '>=', value: 2 }, { metric: 'equipment.may_in.all', op: '>=', value: 1 }] }, inv);
    expect(any.status).toBe('fail');
    expect(any.shortages).toBeUndefined();
  });
});
