import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import './index.js';
import { softwareCheck } from './software.js';
import { BAD, runCheck } from '../engine/test-inventory.js';

describe('software', () => {
  it('an in-use system with the function', async () => {
    const o = await runCheck({ software: 'so_diem_dien_tu' }, { software: [{ name: 'vnEdu', function: ['so_diem_dien_tu', 'hoc_ba_dien_tu'] }] });
    expect(o.status).toBe('pass');
    expect(format(o.actual!, 'vi')).toBe('có (vnEdu)');
    expect(format(o.expected!, 'vi')).toBe('phần mềm Sổ điểm điện tử đang sử dụng');
    const none = await runCheck({ software: 'so_diem_dien_tu' }, { software: [{ name: 'Old', function: 'so_diem_dien_tu', in_use: false }] });
    expect(none.status).toBe('fail');
    expect(format(none.actual!, 'vi')).toBe('không có');
    expect(format(none.gap!, 'vi')).toBe('chưa có phần mềm Sổ điểm điện tử đang sử dụng');
    expect(format(none.gap!, 'en')).toBe('no E-gradebook software in use');
  });

  it('connected and licensed', async () => {
    const check = { software: 'quan_ly_truong_hoc', connected: true, licensed: true };
    const rows = (csdl: boolean | undefined, license: string | undefined) => ({ software: [{ name: 'SMAS', function: 'quan_ly_truong_hoc', csdl_connected: csdl, license }] });
    expect((await runCheck(check, rows(true, 'mien_phi'))).status).toBe('pass');
    const o = await runCheck(check, rows(false, 'khong'));
    expect(o.status).toBe('fail');
    expect(format(o.expected!, 'vi')).toBe('phần mềm Quản lý trường học đang sử dụng, kết nối CSDL ngành, có bản quyền (hoặc mã nguồn mở, miễn phí)');
    expect(format(o.gap!, 'vi')).toBe('phần mềm Quản lý trường học chưa đáp ứng: kết nối CSDL ngành, có bản quyền (hoặc mã nguồn mở, miễn phí)');
    const undeclared = await runCheck(check, rows(true, undefined));
    expect(undeclared.status).toBe('missing');
    expect(format(undeclared.gap!, 'vi')).toBe('phần mềm Quản lý trường học: chưa khai báo có bản quyền (hoặc mã nguồn mở, miễn phí) (trang Phần mềm)');
    // a definite "no" on one condition is a fail even when another is undeclared
    expect((await runCheck(check, rows(false, undefined))).status).toBe('fail');
  });

  it('license in a list', async () => {
    const check = { software: 'van_phong', license: ['ma_nguon_mo'] };
    expect((await runCheck(check, { software: [{ name: 'LibreOffice', function: 'van_phong', license: 'ma_nguon_mo' }] })).status).toBe('pass');
    const o = await runCheck(check, { software: [{ name: 'MS Office', function: 'van_phong', license: 'ban_quyen' }] });
    expect(o.status).toBe('fail');
    expect(format(o.gap!, 'en')).toBe('Office suite software does not meet: license: Open source');
  });

  it('any one system that meets every condition is enough', async () => {
    const o = await runCheck({ software: 'van_phong', licensed: true }, { software: [
      { name: 'Cracked', function: 'van_phong', license: 'khong' },
      { name: 'LibreOffice', function: 'van_phong', license: 'ma_nguon_mo' },
    ] });
    expect(o.status).toBe('pass');
    expect(o.cells.map((c) => c.cell)).toEqual(['C3', 'E3']);
  });

  it('missing: no sheet, or an unreadable cell that could decide it', async () => {
    const s = await runCheck({ software: 'so_diem_dien_tu' }, {});
    expect(s.status).toBe('missing');
    expect(format(s.gap!, 'vi')).toBe('tệp kiểm kê thiếu trang Phần mềm, cần để tính Phần mềm sổ điểm điện tử');
    const bad = await runCheck({ software: 'so_diem_dien_tu' }, { software: [{ name: 'X', function: BAD }] });
    expect(bad.status).toBe('missing');
    expect(format(bad.gap!, 'vi')).toBe('phần mềm Sổ điểm điện tử: sửa ô không đọc được Phần mềm!C2');
    const ok = await runCheck({ software: 'so_diem_dien_tu' }, { software: [{ name: 'X', function: BAD }, { name: 'vnEdu', function: 'so_diem_dien_tu' }] });
    expect(ok.status).toBe('pass');
    expect((await runCheck({ software: 'so_diem_dien_tu' }, { software: [{ name: 'X', function: 'so_diem_dien_tu', in_use: BAD }] })).status).toBe('missing');
  });

  it('the schema takes functions and licenses from the vocabulary', () => {
    expect(softwareCheck.schema.safeParse({ software: 'so_diem' }).success).toBe(false);
    expect(softwareCheck.schema.safeParse({ software: 'van_phong', license: ['free'] }).success).toBe(false);
  });

  it('rule and metrics', () => {
    expect(softwareCheck.rule({ software: 'quan_ly_truong_hoc', connected: true, license: ['ban_quyen', 'mien_phi'] }))
      .toBe('software quan_ly_truong_hoc connected license in [ban_quyen, mien_phi]');
    expect(softwareCheck.metrics({ software: 'thu_vien' })).toEqual(['software.thu_vien']);
  });
});
