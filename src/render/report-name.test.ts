import { describe, expect, it } from 'vitest';
import { reportStem, sanitizeStem } from './report-name.js';

describe('report names (the command line and the page share them)', () => {
  it('keeps letters, digits, - and _ of the code, else the file\'s base name, else "report"', () => {
    const cases: [string | null, string, string][] = [
      ['83000715', 'truong.xlsx', '83000715'], [null, 'Trường THPT Đồng Khởi.xlsx', 'Truong_THPT_Dong_Khoi'],
      [null, '.xlsx', 'xlsx'], ['CON', 'x.xlsx', 'CON_'], ['  ', 'a b/c.d.xlsx', 'c_d'], [null, 'hồ sơ.v2.xlsx', 'ho_so_v2'],
      ['Mã-01/ĐK', 'x.xlsx', 'Ma-01_DK'], [null, 'noext', 'noext'], [null, 'C:\\ho so\\tr.xlsx', 'tr'], [null, '...', 'report'],
    ];
    for (const [code, file, stem] of cases) expect(reportStem(code, file), `${code} ${file}`).toBe(stem);
  });
  it('refuses nothing-left and Windows device names', () => {
    expect(sanitizeStem('///')).toBeNull();
    expect(sanitizeStem('nul')).toBe('nul_');
    expect(sanitizeStem('x'.repeat(100))).toHaveLength(80);
  });
});
