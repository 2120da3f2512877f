import { describe, expect, it } from 'vitest';
import { metric, metricType, schoolLevels } from './metrics.js';
import { knownMetrics } from './metric-names.js';
import { BAD, inventory, teachers } from './test-inventory.js';

const v = (x: ReturnType<typeof metric>) => (x.state === 'value' ? x.value : `missing:${x.reason}`);

describe('info metrics', () => {
  it('reads a field by key with its cell; absent is not declared, unusable is invalid', () => {
    const inv = inventory({ wifi: true, labs: BAD });
    const wifi = metric(inv, 'wifi');
    expect(wifi).toMatchObject({ state: 'value', value: true });
    expect(wifi.cells).toHaveLength(1);
    expect(v(metric(inv, 'lan'))).toBe('missing:not_declared');
    expect(v(metric(inv, 'labs'))).toBe('missing:invalid');
    expect(metric(inv, 'labs').cells).toHaveLength(1);
  });

  it('students by level and in total over the school levels', () => {
    const inv = inventory({ levels: ['tieu_hoc', 'thcs'], students_tieu_hoc: 490, students_thcs: 322, students_thpt: 999 });
    expect(v(metric(inv, 'students.tieu_hoc'))).toBe(490);
    expect(v(metric(inv, 'students.total'))).toBe(812);
    expect(metric(inv, 'students.total').cells).toHaveLength(2);
    expect(v(metric(inventory({ levels: ['thcs', 'thpt'], students_thcs: 1 }), 'students.total'))).toBe('missing:not_declared');
    expect(v(metric(inventory({ students_thpt: 10, students_thcs: 5 }), 'students.total'))).toBe(15);
    expect(v(metric(inventory({}), 'students.total'))).toBe('missing:not_declared');
  });

  it('school levels', () => {
    expect(schoolLevels(inventory({ levels: ['thpt'] }))).toEqual(['thpt']);
    expect(schoolLevels(inventory({ levels: BAD }))).toEqual([]);
  });
});

describe('equipment metrics', () => {
  const inv = inventory({
    labs: 2,
    equipment: [
      { kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 30 },
      { kind: 'may_tinh_xach_tay', purpose: 'phong_may', quantity: 10, status: 'hoat_dong' },
      { kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 5, status: 'hong' },
      { kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 3, status: 'can_sua' },
      { kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 2 },
      { kind: 'may_tinh_bang', purpose: 'phong_may', quantity: 40 },
      { kind: 'may_in', quantity: 1 },
      { kind: 'may_in', purpose: 'quan_ly', quantity: 2 },
    ],
  });

  it('counts only working desktops and laptops', () => {
    expect(v(metric(inv, 'computers.all'))).toBe(42);
    expect(v(metric(inv, 'computers.phong_may'))).toBe(40);
    expect(v(metric(inv, 'computers.quan_ly'))).toBe(2);
    expect(v(metric(inv, 'computers.thu_vien'))).toBe(0);
    expect(metric(inv, 'computers.phong_may').cells.map((c) => c.cell)).toEqual(['D2', 'D3']);
  });

  it('equipment by kind; an undeclared purpose on a non-computer is khac', () => {
    expect(v(metric(inv, 'equipment.may_in.all'))).toBe(3);
    expect(v(metric(inv, 'equipment.may_in.quan_ly'))).toBe(2);
    expect(v(metric(inv, 'equipment.may_in.khac'))).toBe(1);
    expect(v(metric(inv, 'equipment.may_tinh_bang.phong_may'))).toBe(40);
    expect(v(metric(inv, 'equipment.webcam.all'))).toBe(0);
  });

  it('computers per lab, with a zero denominator as missing', () => {
    expect(v(metric(inv, 'computers.per_lab'))).toBe(20);
    const zero = inventory({ labs: 0, equipment: [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 3 }] });
    expect(metric(zero, 'computers.per_lab')).toMatchObject({ state: 'missing', reason: 'zero_denominator', denominator: 'labs' });
    expect(v(metric(inventory({ equipment: [] }), 'computers.per_lab'))).toBe('missing:not_declared');
  });

  it('a working computer without a purpose makes purpose counts missing, not the total', () => {
    const inv2 = inventory({ equipment: [
      { kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 30 },
      { kind: 'may_tinh_de_ban', quantity: 4 },
      { kind: 'may_tinh_de_ban', quantity: 9, status: 'hong' },
    ] });
    expect(v(metric(inv2, 'computers.all'))).toBe(34);
    expect(metric(inv2, 'computers.phong_may')).toMatchObject({ state: 'missing', reason: 'not_declared', cells: [{ sheet: 'Thiết bị', cell: 'A3' }] });
  });

  it('an unusable value in a row the metric aggregates makes it missing; other metrics stand', () => {
    const inv3 = inventory({ equipment: [
      { kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: BAD },
      { kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 2 },
      { kind: 'may_in', purpose: 'quan_ly', quantity: 1, status: BAD },
      { kind: 'webcam', purpose: BAD, quantity: 1 },
    ] });
    expect(metric(inv3, 'computers.phong_may')).toMatchObject({ state: 'missing', reason: 'invalid', cells: [{ sheet: 'Thiết bị', cell: 'D2' }] });
    expect(v(metric(inv3, 'computers.all'))).toBe('missing:invalid');
    expect(v(metric(inv3, 'computers.quan_ly'))).toBe(2);
    expect(v(metric(inv3, 'equipment.may_in.all'))).toBe('missing:invalid');
    expect(v(metric(inv3, 'equipment.webcam.all'))).toBe(1);
    expect(v(metric(inv3, 'equipment.webcam.quan_ly'))).toBe('missing:invalid');
    expect(v(metric(inventory({ equipment: [{ kind: BAD, quantity: 1 }] }), 'equipment.may_in.all'))).toBe('missing:invalid');
  });

  it('a missing sheet is missing', () => {
    expect(metric(inventory({}), 'computers.all')).toMatchObject({ state: 'missing', reason: 'sheet_missing', sheet: 'equipment' });
  });
});

describe('teacher metrics', () => {
  it('count and shares', () => {
    const inv = inventory({ teachers: [
      { group: 'Toán', elearning_lessons: 2, it_standard: true },
      { group: 'toán ', elearning_lessons: 0, it_standard: false },
      { group: 'Văn', it_standard: true },
      { group: 'Anh' },
    ] });
    expect(v(metric(inv, 'teachers.count'))).toBe(4);
    expect(v(metric(inv, 'teachers.elearning_share'))).toBe(0.25);
    expect(v(metric(inv, 'teachers.it_standard_share'))).toBe(0.5);
    expect(v(metric(inv, 'teachers.it_trained_share'))).toBe('missing:not_declared');
    expect(v(metric(inv, 'groups.count'))).toBe(3);
  });

  it('no teachers: count 0, shares and per-group ratios have a zero denominator', () => {
    const inv = inventory({ teachers: [], equipment: [{ kind: 'may_tinh_de_ban', purpose: 'giao_vien', quantity: 3 }] });
    expect(v(metric(inv, 'teachers.count'))).toBe(0);
    expect(v(metric(inv, 'teachers.elearning_share'))).toBe('missing:zero_denominator');
    expect(v(metric(inv, 'groups.count'))).toBe(0);
    expect(v(metric(inv, 'groups.computers_per_group'))).toBe('missing:zero_denominator');
  });

  it('computers per group', () => {
    const inv = inventory({
      teachers: [{ group: 'Toán' }, { group: 'Văn' }, { group: 'Văn' }],
      equipment: [{ kind: 'may_tinh_xach_tay', purpose: 'giao_vien', quantity: 3 }],
    });
    expect(v(metric(inv, 'groups.computers_per_group'))).toBe(1.5);
    expect(v(metric(inventory({ teachers: teachers(3) }), 'groups.count'))).toBe('missing:not_declared');
    expect(v(metric(inventory({ teachers: [{ uses_it: BAD }, { uses_it: true }] }), 'teachers.uses_it_share'))).toBe('missing:invalid');
    expect(v(metric(inventory({}), 'teachers.count'))).toBe('missing:sheet_missing');
  });
});

describe('software metrics', () => {
  it('a function is yes when an in-use system has it', () => {
    const inv = inventory({ software: [
      { name: 'vnEdu', function: ['so_diem_dien_tu', 'hoc_ba_dien_tu'], license: 'ban_quyen' },
      { name: 'Old', function: 'thoi_khoa_bieu', in_use: false, license: 'khong' },
      { name: 'Crack', function: 'van_phong', license: 'khong' },
    ] });
    expect(v(metric(inv, 'software.so_diem_dien_tu'))).toBe(true);
    expect(v(metric(inv, 'software.thoi_khoa_bieu'))).toBe(false);
    expect(v(metric(inv, 'software.tai_chinh'))).toBe(false);
    expect(v(metric(inv, 'software.unlicensed'))).toBe(1);
  });

  it('unusable cells make a "no" missing but cannot undo a "yes"', () => {
    const inv = inventory({ software: [
      { name: 'A', function: BAD },
      { name: 'B', function: 'so_diem_dien_tu' },
      { name: 'C', function: 'tai_chinh', in_use: BAD },
    ] });
    expect(v(metric(inv, 'software.so_diem_dien_tu'))).toBe(true);
    expect(v(metric(inv, 'software.hoc_ba_dien_tu'))).toBe('missing:invalid');
    expect(v(metric(inv, 'software.unlicensed'))).toBe('missing:not_declared');
    expect(v(metric(inventory({}), 'software.csdl_nganh'))).toBe('missing:sheet_missing');
  });
});

describe('every known metric', () => {
  it('computes on an empty and on a full inventory without throwing, and is cached', () => {
    const full = inventory({ levels: ['thcs'], students_thcs: 100, labs: 1, equipment: [], software: [], teachers: [] });
    for (const name of knownMetrics()) {
      expect(() => metric(inventory({}), name)).not.toThrow();
      expect(metric(full, name)).toBe(metric(full, name));
    }
  });

  it('throws on an unknown name', () => {
    expect(() => metric(inventory({}), 'computers.kitchen')).toThrow(/unknown metric/);
  });

  it('types', () => {
    expect(metricType('wifi')).toBe('bool');
    expect(metricType('labs')).toBe('number');
    expect(metricType('it_leader')).toBe('text');
    expect(metricType('levels')).toEqual({ vocab: 'levels', multi: true });
    expect(metricType('teachers.uses_it_share')).toBe('share');
    expect(metricType('software.csdl_nganh')).toBe('bool');
    expect(metricType('software.unlicensed')).toBe('number');
  });
});
