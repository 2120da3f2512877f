import { describe, expect, it } from 'vitest';
import { inventoryFromPlain, schoolIdentity } from './plain.js';

describe('inventoryFromPlain', () => {
  it('reads info fields by key, and the three lists with vocabulary keys', () => {
    const inv = inventoryFromPlain({
      school_code: 83000123, province: 'TP.HCM', school_year: '2024 - 2025', levels: ['thpt'], students_thpt: 480, wifi: true,
      website_updated: '2024-10-12',
      equipment: [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 40 }, { kind: 'may_in', quantity: 2, status: 'hong' }, { kind: 'may_tinh_xach_tay', quantity: 1 }],
      software: [{ name: 'vnEdu', function: 'so_diem_dien_tu' }, { name: 'SMAS', function: ['hoc_ba_dien_tu', 'so_lien_lac_dien_tu'], in_use: false, license: 'khong' }],
      teachers: [{ group: 'Toán', it_standard: true, elearning_lessons: 2 }, { group: 'Văn' }],
    });
    expect(inv.info.school_code).toEqual({ ok: true, value: '83000123' });
    expect(inv.info.province).toEqual({ ok: true, value: 'Hồ Chí Minh' });
    expect(inv.info.school_year).toEqual({ ok: true, value: '2024-2025' });
    expect(inv.info.levels).toEqual({ ok: true, value: ['thpt'] });
    expect(inv.info.wifi).toEqual({ ok: true, value: true });
    expect(inv.info.lan).toBeUndefined();
    const [pc, printer, laptop] = inv.equipment!;
    expect(pc).toEqual({ kind: { ok: true, value: 'may_tinh_de_ban' }, purpose: { ok: true, value: 'phong_may' }, quantity: { ok: true, value: 40 }, status: { ok: true, value: 'hoat_dong' } });
    expect(printer!.purpose).toEqual({ ok: true, value: 'khac' });
    expect(printer!.status).toEqual({ ok: true, value: 'hong' });
    expect(laptop!.purpose).toBeUndefined();
    expect(inv.software![0]).toEqual({ name: { ok: true, value: 'vnEdu' }, functions: { ok: true, value: ['so_diem_dien_tu'] }, in_use: { ok: true, value: true } });
    expect(inv.software![1]!.functions).toEqual({ ok: true, value: ['hoc_ba_dien_tu', 'so_lien_lac_dien_tu'] });
    expect(inv.teachers![1]).toEqual({ group: { ok: true, value: 'Văn' }, it_standard: { ok: true, value: false }, elearning_lessons: { ok: true, value: 0 } });
    expect(inv.teachers![0]!.it_trained).toBeUndefined();
    expect(inv.issues).toEqual([]);
  });

  it('omitted lists are not declared; null is a declared but unusable value', () => {
    const inv = inventoryFromPlain({ students_thpt: null, levels: 'thcs' });
    expect(inv.equipment).toBeUndefined();
    expect(inv.info.students_thpt).toEqual({ ok: false });
    expect(inv.info.levels).toEqual({ ok: true, value: ['thcs'] });
  });

  it('accepts YAML dates', () => {
    expect(inventoryFromPlain({ audit_date: new Date(Date.UTC(2024, 9, 15)) }).info.audit_date).toEqual({ ok: true, value: '2024-10-15' });
  });

  it('throws an Error naming unknown keys and vocabulary values', () => {
    expect(() => inventoryFromPlain({ studens_thpt: 3 })).toThrow('unknown key "studens_thpt"');
    expect(() => inventoryFromPlain({ equipment: [{ kind: 'pc', quantity: 1 }] })).toThrow(/equipment\[0\]\.kind: unknown kind "pc"/);
    expect(() => inventoryFromPlain({ levels: ['thpt', 'dai_hoc'] })).toThrow(/unknown levels "dai_hoc"/);
    expect(() => inventoryFromPlain({ software: [{ name: 'x', function: 'chat' }] })).toThrow(/software\[0\]\.function: unknown function "chat"/);
    expect(() => inventoryFromPlain({ teachers: [{ colour: 'red' }] })).toThrow('teachers[0].unknown key "colour"');
  });

  it('throws on values of the wrong type', () => {
    expect(() => inventoryFromPlain({ students_thpt: -1 })).toThrow(/students_thpt: expects a whole number/);
    expect(() => inventoryFromPlain({ wifi: 'yes' })).toThrow(/wifi: expects true or false/);
    expect(() => inventoryFromPlain({ audit_date: '15/10/2024' })).toThrow(/audit_date: expects a date/);
    expect(() => inventoryFromPlain({ audit_date: '2024-02-30' })).toThrow(/audit_date/);
    expect(() => inventoryFromPlain({ school_year: '2024' })).toThrow(/school_year/);
    expect(() => inventoryFromPlain({ equipment: {} })).toThrow(/equipment: expects a list/);
    expect(() => inventoryFromPlain([1])).toThrow(/expects a mapping/);
  });
});

describe('schoolIdentity', () => {
  it('gives the declared identity, null where not declared', () => {
    const inv = inventoryFromPlain({ school_code: '083001204', school_name: 'THCS An Đức', province: 'Bến Tre', levels: ['thcs', 'thpt'] });
    expect(schoolIdentity(inv)).toEqual({ code: '083001204', name: 'THCS An Đức', province: 'Bến Tre', district: null, school_year: null, levels: ['thcs', 'thpt'] });
  });
  it('an unusable value is no identity', () => {
    expect(schoolIdentity(inventoryFromPlain({ school_code: null })).code).toBeNull();
  });
});
