import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import './index.js';
import { exprCheck, exprError, exprMetrics } from './expr.js';
import { runCheck } from '../engine/test-inventory.js';

const lab = (n: number) => [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: n }];

describe('expr', () => {
  it('the spec example: labs >= (students.total >= 800.0 ? 2.0 : 1.0)', async () => {
    const check = { expr: 'labs >= (students.total >= 800.0 ? 2.0 : 1.0)' };
    expect((await runCheck(check, { levels: ['thcs'], students_thcs: 900, labs: 2 })).status).toBe('pass');
    const o = await runCheck(check, { levels: ['thcs'], students_thcs: 900, labs: 1 });
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('labs = 1, students.total = 900');
    expect(format(o.gap!, 'vi')).toBe('chưa thỏa điều kiện labs >= (students.total >= 800.0 ? 2.0 : 1.0) (labs = 1, students.total = 900)');
    expect((await runCheck(check, { levels: ['thcs'], students_thcs: 700, labs: 1 })).status).toBe('pass');
    expect(o.cells.length).toBe(2);
  });

  it('every metric is a double: / never truncates; booleans stay bool; integer literals compare', async () => {
    expect((await runCheck({ expr: 'computers.phong_may / labs >= 12.5' }, { labs: 2, equipment: lab(25) })).status).toBe('pass');
    expect((await runCheck({ expr: 'computers.phong_may / labs > 12.0' }, { labs: 2, equipment: lab(25) })).status).toBe('pass');
    expect((await runCheck({ expr: 'wifi && lan' }, { wifi: true, lan: false })).status).toBe('fail');
    expect((await runCheck({ expr: 'labs >= 2 || !wifi' }, { labs: 3, wifi: true })).status).toBe('pass');
    expect((await runCheck({ expr: '"thpt" in levels && school_type == "cong_lap"' }, { levels: ['thpt'], school_type: 'cong_lap' })).status).toBe('pass');
  });

  it('a missing metric makes the check missing', async () => {
    const o = await runCheck({ expr: 'wifi || lan' }, { wifi: true });
    expect(o.status).toBe('missing');
    expect(format(o.gap!, 'vi')).toBe('chưa khai báo Có mạng nội bộ (LAN) (trang Thông tin chung)');
  });

  it('a division by zero is missing, unless a guard skips it', async () => {
    const o = await runCheck({ expr: 'computers.phong_may / labs >= 20.0' }, { labs: 0, equipment: lab(25) });
    expect(o.status).toBe('missing');
    expect(format(o.gap!, 'en')).toBe('computers.phong_may / labs >= 20.0 cannot be computed: a division by 0 (computers.phong_may = 25, labs = 0)');
    expect((await runCheck({ expr: 'labs == 0.0 || computers.phong_may / labs >= 20.0' }, { labs: 0, equipment: lab(25) })).status).toBe('pass');
    expect((await runCheck({ expr: 'labs > 0.0 ? computers.phong_may / labs >= 20.0 : false' }, { labs: 0, equipment: lab(25) })).status).toBe('fail');
  });

  it('text values are compared but never shown', async () => {
    const o = await runCheck({ expr: 'it_leader != "" && it_staff != it_leader' }, { it_leader: 'Trần Thị B', it_staff: 'Lê C' });
    expect(o.status).toBe('pass');
    expect(format(o.actual!, 'vi')).toBe('it_leader = đã khai báo, it_staff = đã khai báo');
    expect(JSON.stringify(o)).not.toContain('Trần');
  });

  it('lists the names an expression uses (macro variables excluded) for the linter', () => {
    expect(exprMetrics('labs >= (students.total >= 800.0 ? 2.0 : 1.0)')).toEqual(['labs', 'students.total']);
    expect(exprMetrics('levels.exists(l, l == "thpt") && equipment.may_in.quan_ly >= 1.0')).toEqual(['levels', 'equipment.may_in.quan_ly']);
    expect(exprMetrics('computers.kitchen > 1.0 && studnets.total > 0.0')).toEqual(['computers.kitchen', 'studnets.total']);
    expect(exprCheck.metrics({ expr: 'wifi' })).toEqual(['wifi']);
  });

  it('syntax and type errors are schema errors; unknown names are left to the linter', () => {
    expect(exprError('labs >=')).toMatch(/Unexpected/);
    expect(exprError('labs + 1 > 2.0')).toMatch(/no such overload/);
    expect(exprError('labs + 1.0')).toMatch(/not a yes\/no/);
    expect(exprError('wifi && labs >= 2')).toBeNull();
    expect(exprError('nosuch > 1.0')).toBeNull();
    expect(exprCheck.schema.safeParse({ expr: 'labs >=' }).success).toBe(false);
    expect(exprCheck.schema.safeParse({ expr: 'labs >= 1' }).success).toBe(true);
  });

  it('rule', () => {
    expect(exprCheck.rule({ expr: 'wifi && lan' })).toBe('wifi && lan');
  });
});
