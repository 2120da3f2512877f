import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import { evaluateCriteria } from './evaluate.js';
import { inventory, testRubric } from './test-inventory.js';
import type { Waiver } from './types.js';

const lab = (n: number) => [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: n }];

const RUBRIC = {
  criteria: [
    {
      id: 'infra.spc', clause: '2', title: { vi: 'Tỷ lệ HS/máy' }, weight: 10, quote: 'THCS 16 HS/máy',
      applies_to: { levels: ['tieu_hoc', 'thcs', 'thpt'] },
      check: { students_per_computer: { purpose: 'phong_may', max: { tieu_hoc: 24, thcs: 16, thpt: 12 } } },
      hint: { vi: 'Bổ sung máy tính' },
    },
    { id: 'infra.wifi', clause: '2.1', title: { vi: 'Wi-Fi' }, check: { require: 'wifi' } },
    { id: 'mn.only', clause: '9', title: { vi: 'Mầm non' }, applies_to: { levels: ['mam_non'] }, check: { require: 'lan' } },
    {
      id: 'lab.internet', clause: '2.2', title: { vi: 'Phòng máy nối mạng' }, severity: 'recommended',
      applies_if: { metric: 'labs', op: '>', value: 0 }, check: { require: 'labs_internet' },
    },
    { id: 'elearning', clause: '4', title: { vi: 'E-learning' }, weight: 7, check: { graded: { metric: 'teachers.elearning_share', bands: [{ min: 0.8, points: 7 }, { min: 0.5, points: 4 }] } } },
  ],
};

const school = {
  school_code: '83000123', levels: ['thcs'], students_thcs: 768, wifi: false, labs: 0,
  equipment: lab(40), teachers: [{ elearning_lessons: 1 }, { elearning_lessons: 0 }],
};

const byId = <T extends { id: string }>(rs: T[]): Record<string, T> => Object.fromEntries(rs.map((r) => [r.id, r]));

describe('evaluateCriteria', () => {
  it('status, points, rule, message, gap and cells per criterion, in rubric order', async () => {
    const { criteria, warnings } = evaluateCriteria(inventory(school), await testRubric(RUBRIC), { asOf: '2024-10-01' });
    expect(warnings).toEqual([]);
    expect(criteria.map((c) => c.id)).toEqual(['infra.spc', 'infra.wifi', 'mn.only', 'lab.internet', 'elearning']);
    const r = byId(criteria);
    expect(r['infra.spc']).toMatchObject({
      status: 'fail', points: 0, weight: 10, severity: 'required', clause: '2', quote: 'THCS 16 HS/máy', source: null,
      rule: 'students_per_computer(phong_may): tieu_hoc <= 24, thcs <= 16, thpt <= 12', waiver: null,
    });
    expect(format(r['infra.spc']!.message, 'vi')).toBe('Chưa đạt: thiếu 8 máy tính phòng máy: cần 48, có 40');
    expect(r['infra.spc']!.cells.length).toBeGreaterThan(0);
    expect(r['infra.wifi']).toMatchObject({ status: 'fail', points: 0, weight: 1 });
    expect(r['mn.only']).toMatchObject({ status: 'not_applicable', points: null });
    expect(format(r['mn.only']!.message, 'vi')).toBe('Không áp dụng: tiêu chí dành cho Mầm non');
    expect(r['lab.internet']).toMatchObject({ status: 'not_applicable', points: null, severity: 'recommended' });
    expect(format(r['lab.internet']!.message, 'en')).toBe('Not applicable: applies only when Computer labs > 0');
    expect(r['elearning']).toMatchObject({ status: 'fail', points: 4 });
  });

  it('a condition whose data is missing makes the criterion missing, not not_applicable', async () => {
    const { labs: _labs, ...noLabs } = school;
    const r = byId(evaluateCriteria(inventory(noLabs), await testRubric(RUBRIC), { asOf: '2024-10-01' }).criteria);
    expect(r['lab.internet']).toMatchObject({ status: 'missing', points: 0 });
  });

  it('graded partial points and pass at full weight', async () => {
    const rubric = await testRubric(RUBRIC);
    const some = byId(evaluateCriteria(inventory({ ...school, teachers: [{ elearning_lessons: 1 }, { elearning_lessons: 1 }, { elearning_lessons: 0 }] }), rubric, { asOf: '2024-10-01' }).criteria);
    expect(some['elearning']).toMatchObject({ status: 'fail', points: 4 });
    expect(format(some['elearning']!.message, 'vi')).toBe('Đạt một phần: 4/7 điểm');
    const all = byId(evaluateCriteria(inventory({ ...school, teachers: [{ elearning_lessons: 1 }] }), rubric, { asOf: '2024-10-01' }).criteria);
    expect(all['elearning']).toMatchObject({ status: 'pass', points: 7, gap: null });
  });

  it('pass, missing and the not-applicable check', async () => {
    const rubric = await testRubric(RUBRIC);
    const r = byId(evaluateCriteria(inventory({ levels: ['thcs'], students_thcs: 160, wifi: true, labs: 1, equipment: lab(10) }), rubric, { asOf: '2024-10-01' }).criteria);
    expect(r['infra.spc']).toMatchObject({ status: 'pass', points: 10, gap: null });
    expect(format(r['infra.spc']!.message, 'vi')).toBe('Đạt');
    expect(r['lab.internet']).toMatchObject({ status: 'missing', points: 0 });
    expect(format(r['lab.internet']!.message, 'vi')).toBe('Chưa đủ dữ liệu để đánh giá: chưa khai báo Phòng máy tính được kết nối Internet (trang Thông tin chung)');
    expect(r['elearning']).toMatchObject({ status: 'missing', points: 0 });
    const gdtx = await testRubric({ criteria: [{ id: 'x', clause: '1', title: { vi: 'x' }, check: { students_per_computer: { max: { thpt: 12 } } } }] });
    const na = evaluateCriteria(inventory({ levels: ['thcs'] }), gdtx, { asOf: '2024-10-01' }).criteria[0]!;
    expect(na).toMatchObject({ status: 'not_applicable', points: null });
    expect(format(na.message, 'vi')).toBe('Không áp dụng với trường này: trường không có cấp học nào trong: Trung học phổ thông');
  });

  it('applies_to with undeclared levels is missing', async () => {
    const r = evaluateCriteria(inventory({ wifi: true }), await testRubric(RUBRIC), { asOf: '2024-10-01' }).criteria;
    expect(r[0]).toMatchObject({ id: 'infra.spc', status: 'missing' });
    expect(format(r[0]!.gap!, 'vi')).toBe('chưa khai báo Cấp học (trang Thông tin chung)');
  });
});

describe('waivers', () => {
  const waiver = (w: Partial<Waiver>): Waiver => ({ school: '83000123', criterion: 'infra.spc', reason: 'Phòng máy đang cải tạo', expires: '2024-12-31', ...w });
  const run = async (waivers: Waiver[], asOf = '2024-10-01', inv = school) =>
    evaluateCriteria(inventory(inv), await testRubric(RUBRIC), { asOf, waivers });

  it('a matching unexpired waiver: waived with its reason, no points, no gap', async () => {
    const { criteria, warnings } = await run([waiver({ approved_by: 'Phòng GD&ĐT Mỏ Cày Nam' })]);
    expect(warnings).toEqual([]);
    expect(criteria[0]).toMatchObject({
      status: 'waived', points: null, gap: null,
      waiver: { reason: 'Phòng máy đang cải tạo', approved_by: 'Phòng GD&ĐT Mỏ Cày Nam', expires: '2024-12-31' },
    });
    expect(format(criteria[0]!.message, 'vi')).toBe('Được miễn trừ: Phòng máy đang cải tạo');
    expect(criteria[0]!.actual).not.toBeNull();
  });

  it('holds through its last day; "*" matches every school; other schools are untouched', async () => {
    expect((await run([waiver({ expires: '2024-10-01' })])).criteria[0]!.status).toBe('waived');
    expect((await run([waiver({ school: '*' })])).criteria[0]!.status).toBe('waived');
    const other = await run([waiver({ school: '99999999' })]);
    expect(other.criteria[0]!.status).toBe('fail');
    expect(other.warnings).toEqual([]);
  });

  it('expired → ignored with a warning; unknown criterion → warning', async () => {
    const { criteria, warnings } = await run([waiver({ expires: '2024-09-30' }), waiver({ criterion: 'infra.spcc' })]);
    expect(criteria[0]!.status).toBe('fail');
    expect(warnings).toEqual([
      { code: 'waiver.expired', args: { criterion: 'infra.spc', school: '83000123', expires: '2024-09-30' } },
      { code: 'waiver.unknown_criterion', args: { criterion: 'infra.spcc', school: '83000123', rubric: 'test' } },
    ]);
    expect(format(warnings[0]!, 'vi')).toBe('Miễn trừ cho tiêu chí infra.spc đã hết hạn ngày 2024-09-30: tiêu chí được đánh giá bình thường');
  });

  it('a passing criterion stays pass (waiver recorded); a not-applicable one stays not applicable', async () => {
    const passing = { ...school, equipment: lab(48) };
    const r = (await run([waiver({})], '2024-10-01', passing)).criteria[0]!;
    expect(r.status).toBe('pass');
    expect(r.waiver?.reason).toBe('Phòng máy đang cải tạo');
    const na = (await run([waiver({ criterion: 'mn.only' })])).criteria[2]!;
    expect(na.status).toBe('not_applicable');
  });

  it('a missing criterion can be waived', async () => {
    const r = (await run([waiver({ criterion: 'elearning' })], '2024-10-01', { ...school, teachers: undefined } as never)).criteria[4]!;
    expect(r.status).toBe('waived');
  });
});
