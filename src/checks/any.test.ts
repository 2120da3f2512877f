import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import { kindOf } from './index.js';
import { runCheck } from '../engine/test-inventory.js';

const na = { students_per_computer: { max: { thpt: 12 } } };
const any = (...parts: object[]) => ({ any: parts });

describe('any (three-valued)', () => {
  it('pass if any part passes, else missing if any is missing, else fail', async () => {
    const inv = { levels: ['thcs'], wifi: true, lan: false };
    expect((await runCheck(any({ require: 'lan' }, { require: 'labs_lan' }, { require: 'wifi' }), inv)).status).toBe('pass');
    expect((await runCheck(any({ require: 'lan' }, { require: 'labs_lan' }), inv)).status).toBe('missing');
    expect((await runCheck(any({ require: 'lan' }, { metric: 'wifi', op: '==', value: false }), inv)).status).toBe('fail');
  });

  it('not_applicable parts are left out', async () => {
    const inv = { levels: ['thcs'], lan: false };
    expect((await runCheck(any(na, { require: 'lan' }), inv)).status).toBe('fail');
    expect((await runCheck(any(na, na), inv)).status).toBe('not_applicable');
  });

  it('words: every part named by its field, expected once for all of them, gaps joined by "hoặc"', async () => {
    const o = await runCheck(any({ require: 'backup_offline' }, { require: 'backup_online' }), { backup_offline: false, backup_online: false });
    expect(format(o.expected!, 'vi')).toBe('có cho ít nhất một mục: Sao lưu dữ liệu định kỳ vào ổ đĩa di động; Sao lưu dữ liệu định kỳ lên lưu trữ trực tuyến');
    expect(format(o.expected!, 'en')).toBe('yes for at least one of: Periodic backup to removable drive; Periodic online backup');
    expect(format(o.actual!, 'vi')).toBe('Sao lưu dữ liệu định kỳ vào ổ đĩa di động: không; Sao lưu dữ liệu định kỳ lên lưu trữ trực tuyến: không');
    expect(format(o.gap!, 'vi')).toBe('cần có: Sao lưu dữ liệu định kỳ vào ổ đĩa di động hoặc cần có: Sao lưu dữ liệu định kỳ lên lưu trữ trực tuyến');
    expect(format(o.gap!, 'en')).toBe('required: Periodic backup to removable drive or required: Periodic online backup');
  });

  it('words: a passing whole still shows every part; different expectations joined by "hoặc"', async () => {
    const o = await runCheck(any({ require: 'online_meetings' }, { metric: 'isp_count', op: '>=', value: 2 }), { online_meetings: false, isp_count: 2 });
    expect(o.status).toBe('pass');
    expect(format(o.actual!, 'vi')).toBe('Tổ chức họp, sinh hoạt chuyên môn trực tuyến: không; Số nhà cung cấp dịch vụ Internet: 2');
    expect(format(o.expected!, 'vi')).toBe('Tổ chức họp, sinh hoạt chuyên môn trực tuyến: có hoặc Số nhà cung cấp dịch vụ Internet: ≥ 2');
  });

  it('rule', () => {
    const check = any({ require: 'lan' }, { metric: 'labs', op: '>=', value: 1 });
    expect(kindOf(check)!.rule(check)).toBe('any(require lan; labs >= 1)');
  });
});
