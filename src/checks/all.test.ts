import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import { kindOf } from './index.js';
import { runCheck } from '../engine/test-inventory.js';

const na = { students_per_computer: { max: { thpt: 12 } } }; // not applicable to a school without thpt
const all = (...parts: object[]) => ({ all: parts });

describe('all (three-valued)', () => {
  it('fail if any part fails, else missing if any is missing, else pass', async () => {
    const inv = { levels: ['thcs'], wifi: true, lan: false };
    expect((await runCheck(all({ require: 'wifi' }, { require: 'labs_lan' }, { require: 'lan' }), inv)).status).toBe('fail');
    expect((await runCheck(all({ require: 'wifi' }, { require: 'labs_lan' }), inv)).status).toBe('missing');
    expect((await runCheck(all({ require: 'wifi' }, { metric: 'wifi', op: '==', value: true }), inv)).status).toBe('pass');
  });

  it('not_applicable parts are left out; all of them → not_applicable', async () => {
    const inv = { levels: ['thcs'], wifi: true, lan: false };
    expect((await runCheck(all(na, { require: 'wifi' }), inv)).status).toBe('pass');
    expect((await runCheck(all(na, { require: 'lan' }), inv)).status).toBe('fail');
    expect((await runCheck(all(na), inv)).status).toBe('not_applicable');
  });

  it('words: each part named by its field; a failing whole shows only the parts that hold it back', async () => {
    const o = await runCheck(all({ require: 'wifi' }, { require: 'lan' }, { require: 'labs_lan' }), { wifi: false, lan: false, labs_lan: true });
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('Có mạng Wi-Fi phục vụ giáo viên: không; Có mạng nội bộ (LAN): không');
    expect(format(o.actual!, 'en')).toBe('Wi-Fi for teachers: no; Local network (LAN): no');
    // the same expectation is said once, with every part it applies to
    expect(format(o.expected!, 'vi')).toBe('có cho từng mục: Có mạng Wi-Fi phục vụ giáo viên; Có mạng nội bộ (LAN); Phòng máy tính có mạng LAN');
    expect(format(o.expected!, 'en')).toBe('yes for each of: Wi-Fi for teachers; Local network (LAN); Labs with LAN');
    expect(format(o.gap!, 'vi')).toBe('cần có: Có mạng Wi-Fi phục vụ giáo viên; cần có: Có mạng nội bộ (LAN)');
    expect(o.cells).toHaveLength(3);
  });

  it('words: a missing whole names the parts without data (the focal-contacts case)', async () => {
    const check = all({ require: 'it_leader_title' }, { require: 'it_leader_phone' }, { require: 'it_staff_phone' }, { require: 'it_staff_email' });
    const o = await runCheck(check, { it_leader_title: 'Phó hiệu trưởng', it_leader_phone: '0912345678' });
    expect(o.status).toBe('missing');
    expect(format(o.actual!, 'vi')).toBe('Điện thoại cán bộ đầu mối CNTT: chưa khai báo; Email cán bộ đầu mối CNTT: chưa khai báo');
    expect(format(o.actual!, 'en')).toBe('IT focal person phone: not declared; IT focal person e-mail: not declared');
    expect(format(o.expected!, 'vi')).toBe('đã khai báo cho từng mục: Chức vụ lãnh đạo phụ trách CNTT; Điện thoại lãnh đạo phụ trách CNTT; ' +
      'Điện thoại cán bộ đầu mối CNTT; Email cán bộ đầu mối CNTT');
    expect(format(o.actual!, 'vi')).not.toContain('đã khai báo');
  });

  it('words: a passing whole shows every part; different expectations are named one by one', async () => {
    const check = all({ require: 'wifi' }, { metric: 'computers.quan_ly', op: '>=', value: 2 });
    const o = await runCheck(check, { wifi: true, equipment: [{ kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 2 }] });
    expect(o.status).toBe('pass');
    expect(format(o.actual!, 'vi')).toBe('Có mạng Wi-Fi phục vụ giáo viên: có; Máy tính quản lý: 2');
    expect(format(o.expected!, 'vi')).toBe('Có mạng Wi-Fi phục vụ giáo viên: có và Máy tính quản lý: ≥ 2');
  });

  it('words: what already says what it is about is not labelled again (software expected, nested any)', async () => {
    const check = all({ software: 'so_diem_dien_tu' }, { any: [{ require: 'lan' }, { require: 'labs_lan' }] });
    const o = await runCheck(check, { lan: false, labs_lan: true, software: [{ name: 'vnEdu', function: 'so_diem_dien_tu' }] });
    expect(o.status).toBe('pass');
    expect(format(o.actual!, 'vi')).toBe('Phần mềm sổ điểm điện tử: có (vnEdu); Có mạng nội bộ (LAN): không; Phòng máy tính có mạng LAN: có');
    expect(format(o.expected!, 'vi')).toBe('phần mềm Sổ điểm điện tử đang sử dụng và có cho ít nhất một mục: Có mạng nội bộ (LAN); Phòng máy tính có mạng LAN');
  });

  it('words: software parts say which software is missing (not "không có; không có")', async () => {
    const o = await runCheck(all({ software: 'quan_ly_truong_hoc' }, { software: 'so_lien_lac_dien_tu' }), { software: [] });
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('Phần mềm quản lý trường học: không có; Phần mềm sổ liên lạc điện tử: không có');
    expect(format(o.actual!, 'en')).toBe('School management software: none; E-contact book software: none');
  });

  it('words: a part that reads several metrics keeps its own words', async () => {
    const spc = { students_per_computer: { max: { thcs: 16 } } };
    const inv = { levels: ['thcs'], students_thcs: 320, wifi: true, equipment: [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 10 }] };
    const o = await runCheck(all(spc, { require: 'wifi' }), inv);
    expect(o.status).toBe('fail');
    // exactly the part's own words (the passing Wi-Fi part is left out)
    expect(format(o.actual!, 'vi')).toBe(format((await runCheck(spc, inv)).actual!, 'vi'));
  });

  it('nests', async () => {
    const check = all({ require: 'wifi' }, { any: [{ require: 'lan' }, { require: 'labs_lan' }] });
    expect((await runCheck(check, { wifi: true, lan: false, labs_lan: true })).status).toBe('pass');
    expect(kindOf(check)!.rule(check)).toBe('all(require wifi; any(require lan; require labs_lan))');
    expect(kindOf(check)!.metrics(check)).toEqual(['wifi', 'lan', 'labs_lan']);
  });

  it('the schema validates the parts', () => {
    expect(kindOf({ all: [] })!.schema.safeParse({ all: [] }).success).toBe(false);
    expect(kindOf({ all: [] })!.schema.safeParse({ all: [{ require: 'wifi' }, { bogus: 1 }] }).success).toBe(false);
  });
});
