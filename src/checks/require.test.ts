import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import './index.js';
import { requireCheck } from './require.js';
import { BAD, runCheck } from '../engine/test-inventory.js';

describe('require', () => {
  it('a yes/no value must be yes', async () => {
    expect((await runCheck({ require: 'wifi' }, { wifi: true })).status).toBe('pass');
    const no = await runCheck({ require: 'wifi' }, { wifi: false });
    expect(no.status).toBe('fail');
    expect(format(no.actual!, 'vi')).toBe('không');
    expect(format(no.expected!, 'vi')).toBe('có');
    expect(format(no.gap!, 'vi')).toBe('cần có: Có mạng Wi-Fi phục vụ giáo viên');
    expect(format(no.gap!, 'en')).toBe('required: Wi-Fi for teachers');
    expect(no.cells).toEqual([{ sheet: 'Thông tin chung', cell: expect.any(String) }]);
  });

  it('a text value must be present and is never shown', async () => {
    const o = await runCheck({ require: 'it_leader' }, { it_leader: 'Nguyễn Văn A' });
    expect(o.status).toBe('pass');
    expect(format(o.actual!, 'vi')).toBe('đã khai báo');
    expect(format(o.actual!, 'en')).toBe('declared');
    expect(JSON.stringify(o)).not.toContain('Nguyễn');
  });

  it('empty is not "no": an undeclared or unusable value is missing', async () => {
    const o = await runCheck({ require: 'it_leader' }, {});
    expect(o.status).toBe('missing');
    expect(format(o.actual!, 'vi')).toBe('chưa khai báo');
    expect(format(o.gap!, 'vi')).toBe('chưa khai báo Lãnh đạo phụ trách CNTT (họ tên) (trang Thông tin chung)');
    const bad = await runCheck({ require: 'wifi' }, { wifi: BAD });
    expect(bad.status).toBe('missing');
    expect(format(bad.gap!, 'vi')).toMatch(/^Có mạng Wi-Fi phục vụ giáo viên: sửa ô không đọc được Thông tin chung!C\d+$/);
  });

  it('derived yes/no metrics and numbers (> 0)', async () => {
    const sw = { software: [{ name: 'vnEdu', function: 'so_diem_dien_tu' }] };
    expect((await runCheck({ require: 'software.so_diem_dien_tu' }, sw)).status).toBe('pass');
    expect((await runCheck({ require: 'software.hoc_ba_dien_tu' }, sw)).status).toBe('fail');
    expect((await runCheck({ require: 'labs' }, { labs: 1 })).status).toBe('pass');
    const zero = await runCheck({ require: 'labs' }, { labs: 0 });
    expect(zero.status).toBe('fail');
    expect(format(zero.gap!, 'vi')).toBe('Số phòng máy tính: cần lớn hơn 0, hiện là 0');
  });

  it('rule and metrics', () => {
    expect(requireCheck.rule({ require: 'wifi' })).toBe('require wifi');
    expect(requireCheck.metrics({ require: 'wifi' })).toEqual(['wifi']);
  });
});

describe('require when missing', () => {
  it('expected follows the field type', async () => {
    expect(format((await runCheck({ require: 'it_staff' }, {})).expected!, 'vi')).toBe('đã khai báo');
    expect(format((await runCheck({ require: 'wifi' }, {})).expected!, 'vi')).toBe('có');
    expect(format((await runCheck({ require: 'labs' }, {})).expected!, 'vi')).toBe('> 0');
  });
});
