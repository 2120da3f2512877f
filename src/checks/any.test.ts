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

  it('words: expected and gaps joined by "hoặc"', async () => {
    const o = await runCheck(any({ require: 'backup_offline' }, { require: 'backup_online' }), { backup_offline: false, backup_online: false });
    expect(format(o.expected!, 'vi')).toBe('có hoặc có');
    expect(format(o.gap!, 'vi')).toBe('cần có: Sao lưu dữ liệu định kỳ vào ổ đĩa di động hoặc cần có: Sao lưu dữ liệu định kỳ lên lưu trữ trực tuyến');
    expect(format(o.gap!, 'en')).toBe('required: Periodic backup to removable drive or required: Periodic online backup');
  });

  it('rule', () => {
    const check = any({ require: 'lan' }, { metric: 'labs', op: '>=', value: 1 });
    expect(kindOf(check)!.rule(check)).toBe('any(require lan; labs >= 1)');
  });
});
