import { describe, expect, it } from 'vitest';
import { auditInventory, daysBetween } from './audit.js';
import { inventory, testRubric } from './test-inventory.js';
import type { Inventory } from '../inventory/types.js';

const OPTS = { asOf: '2016-11-01', source: { file: 'truong-a.xlsx', sha256: 'ab'.repeat(32) }, tool: { name: 'audit', version: '0.1.0' } };

const RUBRIC = {
  id: 'ben-tre-2782', version: '1.2.0', title: { vi: 'Bến Tre 2782', en: 'Ben Tre 2782' }, issuer: 'Sở GD&ĐT Bến Tre',
  document: { number: '2782/SGD&ĐT-KTQLCLGD&CNTT', date: '2016-10-26', url: 'https://example.org' },
  deadlines: [
    { id: 'year-end', date: '2017-06-01', title: { vi: 'Báo cáo cuối năm' } },
    { id: 'focal-list', date: '2016-11-08', title: { vi: 'Danh sách cán bộ đầu mối' } },
    { id: 'past', date: '2016-10-30', title: { vi: 'Đã qua' } },
  ],
  scoring: { pass: { min_score: 80 }, bands: [{ id: 'dat', min: 80, label: { vi: 'Đạt' } }, { id: 'chua-dat', min: 0, label: { vi: 'Chưa đạt' } }] },
  criteria: [
    { id: '1.leader', clause: '1', title: { vi: 'Lãnh đạo phụ trách CNTT' }, check: { require: 'it_leader' } },
    { id: '2.mgmt', clause: '2', title: { vi: 'Máy tính quản lý' }, weight: 2, check: { metric: 'computers.quan_ly', op: '>=', value: 2 } },
    { id: '2.spc', clause: '2', title: { vi: 'HS/máy' }, weight: 3, check: { students_per_computer: { purpose: 'phong_may', max: { tieu_hoc: 24, thcs: 16, thpt: 12 } } } },
    { id: '3.sodiem', clause: '3.2', title: { vi: 'Sổ điểm' }, severity: 'recommended', check: { software: 'so_diem_dien_tu' } },
    { id: '9.mn', clause: '9', title: { vi: 'MN' }, applies_to: { levels: ['mam_non'] }, check: { require: 'wifi' } },
  ],
};

function school(): Inventory {
  const inv = inventory({
    school_code: '83000123', school_name: 'THCS A', province: 'Bến Tre', district: 'Mỏ Cày Nam', school_year: '2016-2017',
    levels: ['thcs'], students_thcs: 320, it_leader: 'Nguyễn Văn A',
    equipment: [{ kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 2 }, { kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 18 }],
    software: [{ name: 'vnEdu', function: 'so_diem_dien_tu' }],
  });
  inv.issues.push({ severity: 'warning', sheet: 'Thiết bị', cell: 'E3', code: 'value.status_empty', args: { value: '' } });
  return inv;
}

describe('auditInventory', () => {
  it('fills every field of the result', async () => {
    const r = auditInventory(school(), await testRubric(RUBRIC), OPTS);
    expect(Object.keys(r)).toEqual(['tool', 'rubric', 'school', 'source', 'as_of', 'score', 'status', 'band', 'groups', 'pass_rule', 'has_bands', 'summary', 'criteria', 'data_issues', 'warnings', 'deadlines']);
    expect(r.tool).toEqual({ name: 'audit', version: '0.1.0' });
    expect(r.rubric).toEqual({
      id: 'ben-tre-2782', version: '1.2.0', title: { vi: 'Bến Tre 2782', en: 'Ben Tre 2782' }, sha256: '0'.repeat(64),
      issuer: 'Sở GD&ĐT Bến Tre', document: { number: '2782/SGD&ĐT-KTQLCLGD&CNTT', date: '2016-10-26' },
    });
    expect(r.school).toEqual({ code: '83000123', name: 'THCS A', province: 'Bến Tre', district: 'Mỏ Cày Nam', school_year: '2016-2017', levels: ['thcs'] });
    expect(r.source).toEqual(OPTS.source);
    expect(r.as_of).toBe('2016-11-01');
    // 1 + 2 + 0 (18 < 20 computers) + 1 of 7 possible
    expect(r.score).toBe(57.1);
    expect(r.status).toBe('fail');
    expect(r.band).toEqual({ id: 'chua-dat', label: { vi: 'Chưa đạt' } });
    expect(r.groups).toEqual([]);
    expect(r.pass_rule).toEqual({ min_score: 80, all_required: true });
    expect(r.has_bands).toBe(true);
    expect(r.summary).toEqual({ pass: 3, fail: 1, missing: 0, not_applicable: 1, waived: 0 });
    expect(r.criteria.map((c) => c.status)).toEqual(['pass', 'pass', 'fail', 'pass', 'not_applicable']);
    expect(r.data_issues).toEqual([{ severity: 'warning', sheet: 'Thiết bị', cell: 'E3', code: 'value.status_empty', args: { value: '' } }]);
    expect(r.warnings).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('Nguyễn Văn A');
  });

  it('deadlines sorted by date with days left from as_of (negative once past)', async () => {
    const r = auditInventory(school(), await testRubric(RUBRIC), OPTS);
    expect(r.deadlines.map((d) => [d.id, d.days_left])).toEqual([['past', -2], ['focal-list', 7], ['year-end', 212]]);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-30', '2024-03-31')).toBe(1);
  });

  it('waivers and passed-in warnings', async () => {
    const r = auditInventory(school(), await testRubric(RUBRIC), {
      ...OPTS,
      waivers: [{ school: '83000123', criterion: '2.spc', reason: 'Đang mua sắm', expires: '2016-12-31' }, { school: '*', criterion: 'nope', reason: 'x', expires: '2017-01-01' }],
      warnings: [{ code: 'rubric.outside_years', args: { school_year: '2016-2017' } }],
    });
    expect(r.score).toBe(100);
    expect(r.status).toBe('pass');
    expect(r.summary.waived).toBe(1);
    expect(r.warnings.map((w) => w.code)).toEqual(['rubric.outside_years', 'waiver.unknown_criterion']);
  });

  it('an empty inventory: every criterion missing or not applicable, never pass', async () => {
    const r = auditInventory(inventory({}), await testRubric(RUBRIC), OPTS);
    expect(r.criteria.map((c) => c.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing']);
    expect(r.score).toBe(0);
    expect(r.status).toBe('fail');
    expect(r.school).toEqual({ code: null, name: null, province: null, district: null, school_year: null, levels: [] });
  });

  it('is deterministic and leaves its inputs alone', async () => {
    const rubric = await testRubric(RUBRIC);
    const inv = school();
    const before = JSON.stringify([inv, rubric]);
    const a = JSON.stringify(auditInventory(inv, rubric, OPTS));
    const b = JSON.stringify(auditInventory(school(), rubric, OPTS));
    expect(a).toBe(b);
    expect(JSON.stringify([inv, rubric])).toBe(before);
  });

  it('rejects an as-of date that is not yyyy-mm-dd', async () => {
    expect(() => auditInventory(school(), { ...RUBRIC } as never, { ...OPTS, asOf: '01/11/2016' })).toThrow(/yyyy-mm-dd/);
  });
});
