import { describe, expect, test } from 'vitest';
import { UsageError } from '../errors.js';
import { chooseAsOf, isIsoDate, parseAuditOptions, sourceDateEpoch } from './commands/audit.js';
import { langFromArgv } from './main.js';

const g = { lang: 'vi', json: false, quiet: false, verbose: false, color: false } as const;

describe('audit options', () => {
  test('formats default to md,xlsx,json with --out, none without', () => {
    expect(parseAuditOptions({ out: 'r' }, g).formats).toEqual(['md', 'xlsx', 'json']);
    expect(parseAuditOptions({}, g).formats).toEqual([]);
    expect(parseAuditOptions({ out: 'r', format: 'junit, MD' }, g).formats).toEqual(['md', 'junit']);
  });
  test('bad values are usage errors', () => {
    for (const raw of [{ out: 'r', format: 'pdf' }, { format: 'md' }, { failUnder: '101' }, { failUnder: 'abc' },
      { failUnder: '' }, { asOf: '2025-13-01' }, { asOf: '1/1/2025' }]) {
      expect(() => parseAuditOptions(raw, g), JSON.stringify(raw)).toThrow(UsageError);
    }
    expect(parseAuditOptions({ failUnder: '72,5' }, g).failUnder).toBe(72.5);
  });
  test('dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
  test('--as-of default: workbook date, else SOURCE_DATE_EPOCH, else today', () => {
    const now = new Date(2025, 4, 31, 12);
    expect(chooseAsOf('2025-01-02', '2024-10-15', {}, now)).toBe('2025-01-02');
    expect(chooseAsOf(undefined, '2024-10-15', { SOURCE_DATE_EPOCH: '1735689600' }, now)).toBe('2024-10-15');
    expect(chooseAsOf(undefined, undefined, { SOURCE_DATE_EPOCH: '1735689600' }, now)).toBe('2025-01-01');
    expect(chooseAsOf(undefined, undefined, { SOURCE_DATE_EPOCH: 'soon' }, now)).toBe('2025-05-31');
    expect(sourceDateEpoch({})).toBeNull();
  });
  test('the language is known before parsing', () => {
    expect(langFromArgv(['x.xlsx', '--lang', 'en'])).toBe('en');
    expect(langFromArgv(['--lang=en'])).toBe('en');
    expect(langFromArgv(['--', '--lang', 'en'])).toBe('vi');
    expect(langFromArgv(['--lang', 'fr'])).toBe('vi');
  });
});
