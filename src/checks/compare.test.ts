import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import './index.js';
import { compareCheck } from './compare.js';
import { BAD, runCheck } from '../engine/test-inventory.js';

const mgmt = (n: number) => ({ equipment: [{ kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: n }] });

describe('compare', () => {
  it('numeric comparison with a gap saying how many are short', async () => {
    expect((await runCheck({ metric: 'computers.quan_ly', op: '>=', value: 2 }, mgmt(2))).status).toBe('pass');
    const o = await runCheck({ metric: 'computers.quan_ly', op: '>=', value: 2 }, mgmt(1));
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('1');
    expect(format(o.expected!, 'vi')).toBe('≥ 2');
    expect(format(o.gap!, 'vi')).toBe('Máy tính quản lý: thiếu 1 (cần ≥ 2, có 1)');
    expect(format(o.gap!, 'en')).toBe('Management computers: 1 short (need ≥ 2, have 1)');
    const gt = await runCheck({ metric: 'labs', op: '>', value: 0 }, { labs: 0 });
    expect(format(gt.gap!, 'vi')).toBe('Số phòng máy tính: thiếu 1 (cần > 0, có 0)');
  });

  it('every operator', async () => {
    const cases: [string, number, boolean][] = [['>=', 3, true], ['>', 3, false], ['<=', 3, true], ['<', 3, false], ['==', 3, true], ['!=', 3, false], ['<', 4, true]];
    for (const [op, value, pass] of cases) {
      expect((await runCheck({ metric: 'labs', op, value }, { labs: 3 })).status).toBe(pass ? 'pass' : 'fail');
    }
  });

  it('shares show as percentages; an upper bound gives a plain gap', async () => {
    const o = await runCheck({ metric: 'teachers.elearning_share', op: '>=', value: 0.8 }, { teachers: [{ elearning_lessons: 1 }, { elearning_lessons: 0 }, { elearning_lessons: 2 }] });
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('66,7%');
    expect(format(o.gap!, 'vi')).toBe('Tỷ lệ giáo viên có bài giảng e-Learning: cần ≥ 80%, hiện 66,7%');
    const u = await runCheck({ metric: 'software.unlicensed', op: '<=', value: 0 }, { software: [{ name: 'X', function: 'van_phong', license: 'khong' }] });
    expect(format(u.gap!, 'en')).toBe('Unlicensed software in use: must be ≤ 0, is 1');
  });

  it('yes/no and vocabulary values', async () => {
    const w = await runCheck({ metric: 'wifi', op: '==', value: true }, { wifi: false });
    expect(w.status).toBe('fail');
    expect(format(w.expected!, 'vi')).toBe('có');
    const i = await runCheck({ metric: 'internet_type', op: '==', value: 'cap_quang' }, { internet_type: 'adsl' });
    expect(i.status).toBe('fail');
    expect(format(i.gap!, 'vi')).toBe('Loại kết nối Internet: cần Cáp quang, hiện ADSL');
  });

  it('missing data is missing, never pass; a zero denominator too', async () => {
    const o = await runCheck({ metric: 'computers.per_lab', op: '>=', value: 20 }, { labs: 0, equipment: [] });
    expect(o.status).toBe('missing');
    expect(format(o.gap!, 'vi')).toBe('không tính được Số máy tính mỗi phòng máy vì Số phòng máy tính bằng 0');
    expect((await runCheck({ metric: 'computers.quan_ly', op: '<', value: 99 }, {})).status).toBe('missing');
    const s = await runCheck({ metric: 'computers.quan_ly', op: '>=', value: 2 }, {});
    expect(format(s.gap!, 'vi')).toBe('tệp kiểm kê thiếu trang Thiết bị, cần để tính Máy tính quản lý');
    expect((await runCheck({ metric: 'labs', op: '>=', value: 1 }, { labs: BAD })).status).toBe('missing');
  });

  it('the schema rejects a literal of the wrong type', () => {
    expect(compareCheck.schema.safeParse({ metric: 'wifi', op: '>=', value: true }).success).toBe(false);
    expect(compareCheck.schema.safeParse({ metric: 'labs', op: '>=', value: 'two' }).success).toBe(false);
    expect(compareCheck.schema.safeParse({ metric: 'levels', op: '==', value: 'thpt' }).success).toBe(false);
    expect(compareCheck.schema.safeParse({ metric: 'labs', op: '>=', value: 1 }).success).toBe(true);
  });

  it('rule and metrics', () => {
    expect(compareCheck.rule({ metric: 'computers.quan_ly', op: '>=', value: 2 })).toBe('computers.quan_ly >= 2');
    expect(compareCheck.rule({ metric: 'internet_type', op: '==', value: 'cap_quang' })).toBe('internet_type == "cap_quang"');
    expect(compareCheck.metrics({ metric: 'labs', op: '>', value: 0 })).toEqual(['labs']);
  });
});

describe('compare on ratios', () => {
  it('no "thiếu 0.5": a ratio gets the plain gap', async () => {
    const o = await runCheck({ metric: 'groups.computers_per_group', op: '>=', value: 1 }, {
      teachers: [{ group: 'Toán' }, { group: 'Văn' }], equipment: [{ kind: 'may_tinh_de_ban', purpose: 'giao_vien', quantity: 1 }],
    });
    expect(format(o.gap!, 'vi')).toBe('Số máy tính giáo viên mỗi tổ chuyên môn: cần ≥ 1, hiện 0,5');
  });
});
