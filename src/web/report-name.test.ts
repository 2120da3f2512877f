import { describe, expect, it } from 'vitest';
import { reportStem as cliStem } from '../cli/output.js';
import { reportStem } from './report-name.js';

describe('the page names reports as the command line does', () => {
  it('gives the same stem for codes and file names', () => {
    const cases: [string | null, string][] = [
      ['83000715', 'truong.xlsx'], [null, 'Trường THPT Đồng Khởi.xlsx'], [null, '.xlsx'], ['CON', 'x.xlsx'],
      ['  ', 'a b/c.d.xlsx'], [null, 'hồ sơ.v2.xlsx'], ['Mã-01/ĐK', 'x.xlsx'], [null, 'noext'],
    ];
    for (const [code, file] of cases) expect(reportStem(code, file), `${code} ${file}`).toBe(cliStem(code, file));
  });
});
