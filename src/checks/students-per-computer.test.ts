import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format } from '../messages/format.js';
import './index.js';
import { requiredComputers, studentsPerComputerCheck } from './students-per-computer.js';
import { runCheck } from '../engine/test-inventory.js';

const MAX = { tieu_hoc: 24, thcs: 16, thpt: 12 };
const check = { students_per_computer: { purpose: 'phong_may', max: MAX } };
const lab = (n: number) => [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: n }];

describe('students_per_computer', () => {
  it('the ceiling of the sum over the school levels: 490 TH + 322 THCS → 41', async () => {
    expect(requiredComputers([{ students: 490, max: 24 }, { students: 322, max: 16 }])).toBe(41);
    const school = { levels: ['tieu_hoc', 'thcs'], students_tieu_hoc: 490, students_thcs: 322 };
    expect((await runCheck(check, { ...school, equipment: lab(41) })).status).toBe('pass');
    const o = await runCheck(check, { ...school, equipment: lab(40) });
    expect(o.status).toBe('fail');
    expect(format(o.gap!, 'vi')).toBe('thiếu 1 máy tính phòng máy: cần 41, có 40');
    expect(format(o.expected!, 'vi')).toBe('≥ 41 máy (Tiểu học ≤ 24 HS/máy, Trung học cơ sở ≤ 16 HS/máy)');
    expect(format(o.actual!, 'vi')).toBe('40 máy');
  });

  it('exact sums need no extra computer: 480 TH + 320 THCS → 40', async () => {
    expect(requiredComputers([{ students: 480, max: 24 }, { students: 320, max: 16 }])).toBe(40);
    const o = await runCheck(check, { levels: ['tieu_hoc', 'thcs'], students_tieu_hoc: 480, students_thcs: 320, equipment: lab(40) });
    expect(o.status).toBe('pass');
  });

  it('one level: the ratio in actual, the limit in expected, what to add in the gap', async () => {
    const o = await runCheck(check, { levels: ['thcs'], students_thcs: 768, equipment: lab(40) });
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('40 máy, 19,2 HS/máy');
    expect(format(o.expected!, 'vi')).toBe('≥ 48 máy (≤ 16 HS/máy)');
    expect(format(o.gap!, 'vi')).toBe('thiếu 8 máy tính phòng máy: cần 48, có 40');
    expect(format(o.gap!, 'en')).toBe('8 lab computers short: need 48, have 40');
    expect(o.cells.length).toBe(2);
    const spec = await runCheck(check, { levels: ['thpt'], students_thpt: 600, equipment: lab(40) });
    expect(format(spec.gap!, 'vi')).toBe('thiếu 10 máy tính phòng máy: cần 50, có 40');
  });

  it('levels the school lacks are ignored; none of the listed → not_applicable', async () => {
    const only = { students_per_computer: { max: { thcs: 16 } } };
    expect((await runCheck(only, { levels: ['thcs', 'gdtx'], students_thcs: 160, equipment: lab(10) })).status).toBe('pass');
    const na = await runCheck(only, { levels: ['tieu_hoc'], students_tieu_hoc: 100 });
    expect(na.status).toBe('not_applicable');
    expect(format(na.actual!, 'vi')).toBe('trường không có cấp học nào trong: Trung học cơ sở');
  });

  it('without a purpose it counts every working computer', async () => {
    const o = await runCheck({ students_per_computer: { max: { thpt: 12 } } }, {
      levels: ['thpt'], students_thpt: 120,
      equipment: [{ kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 4 }, { kind: 'may_tinh_xach_tay', purpose: 'giao_vien', quantity: 6 }],
    });
    expect(o.status).toBe('pass');
  });

  it('missing: levels, a level\'s students or the computers', async () => {
    expect((await runCheck(check, { students_thcs: 100, equipment: lab(10) })).status).toBe('missing');
    const s = await runCheck(check, { levels: ['thcs'], equipment: lab(10) });
    expect(s.status).toBe('missing');
    expect(format(s.gap!, 'vi')).toBe('chưa khai báo Số học sinh trung học cơ sở (trang Thông tin chung)');
    expect((await runCheck(check, { levels: ['thcs'], students_thcs: 100 })).status).toBe('missing');
    expect((await runCheck(check, { levels: ['thcs'], students_thcs: 100, equipment: [{ kind: 'may_tinh_de_ban', quantity: 10 }] })).status).toBe('missing');
  });

  it('required is never below the exact quotient and never one too many (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ students: fc.nat(5000), max: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 4 }),
      (parts) => {
        const r = requiredComputers(parts);
        // exact rational: Σ s/m = N / D
        const D = parts.reduce((d, p) => d * p.max, 1);
        const N = parts.reduce((n, p) => n + (p.students * D) / p.max, 0);
        return r === Math.ceil(N / D) || (N % D === 0 && r === N / D);
      },
    ));
  });

  it('the schema names levels from the vocabulary', () => {
    expect(studentsPerComputerCheck.schema.safeParse({ students_per_computer: { max: { tieuhoc: 24 } } }).success).toBe(false);
    expect(studentsPerComputerCheck.schema.safeParse({ students_per_computer: { max: {} } }).success).toBe(false);
    expect(studentsPerComputerCheck.schema.safeParse({ students_per_computer: { purpose: 'lab', max: { thcs: 16 } } }).success).toBe(false);
  });

  it('rule and metrics', () => {
    expect(studentsPerComputerCheck.rule(check as never)).toBe('students_per_computer(phong_may): tieu_hoc <= 24, thcs <= 16, thpt <= 12');
    expect(studentsPerComputerCheck.metrics(check as never)).toEqual(['levels', 'students.tieu_hoc', 'students.thcs', 'students.thpt', 'computers.phong_may']);
  });
});
