import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import './index.js';
import { inCheck } from './in.js';
import { runCheck } from '../engine/test-inventory.js';

describe('in', () => {
  it('a vocabulary value is one of the list', async () => {
    const check = { metric: 'internet_type', in: ['cap_quang', 'adsl'] };
    expect((await runCheck(check, { internet_type: 'cap_quang' })).status).toBe('pass');
    const o = await runCheck(check, { internet_type: 'di_dong' });
    expect(o.status).toBe('fail');
    expect(format(o.actual!, 'vi')).toBe('Di động');
    expect(format(o.expected!, 'vi')).toBe('một trong: Cáp quang, ADSL');
    expect(format(o.gap!, 'en')).toBe('Internet connection is Mobile; must be one of: Fibre, ADSL');
  });

  it('a list value passes when any of its values is listed', async () => {
    const check = { metric: 'levels', in: ['tieu_hoc', 'thcs'] };
    expect((await runCheck(check, { levels: ['thcs', 'thpt'] })).status).toBe('pass');
    expect((await runCheck(check, { levels: ['thpt'] })).status).toBe('fail');
  });

  it('undeclared is missing', async () => {
    expect((await runCheck({ metric: 'school_type', in: ['cong_lap'] }, {})).status).toBe('missing');
  });

  it('the schema rejects values outside the vocabulary and metrics without one', () => {
    expect(inCheck.schema.safeParse({ metric: 'internet_type', in: ['cap quang'] }).success).toBe(false);
    expect(inCheck.schema.safeParse({ metric: 'labs', in: ['1'] }).success).toBe(false);
  });

  it('rule and metrics', () => {
    expect(inCheck.rule({ metric: 'internet_type', in: ['cap_quang', 'adsl'] })).toBe('internet_type in [cap_quang, adsl]');
    expect(inCheck.metrics({ metric: 'internet_type', in: ['adsl'] })).toEqual(['internet_type']);
  });
});
