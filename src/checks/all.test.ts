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

  it('words: expected joined by "và", gaps of the failing parts, cells of every part', async () => {
    const o = await runCheck(all({ require: 'wifi' }, { require: 'lan' }, { require: 'labs_lan' }), { wifi: false, lan: false, labs_lan: true });
    expect(format(o.expected!, 'vi')).toBe('có và có và có');
    expect(format(o.actual!, 'vi')).toBe('không; không; có');
    expect(format(o.gap!, 'vi')).toBe('cần có: Có mạng Wi-Fi phục vụ giáo viên; cần có: Có mạng nội bộ (LAN)');
    expect(o.cells).toHaveLength(3);
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
