import { describe, expect, it } from 'vitest';
import { format, hasMessage } from './format.js';
import { REPORT_LABELS, REPORT_LABEL_KEYS, reportLabel } from './report.js';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)[^}]*\}/g)].map((m) => m[1]).sort();

describe('report labels', () => {
  it('are registered, in both languages', () => {
    expect(REPORT_LABEL_KEYS.length).toBeGreaterThan(50);
    for (const key of REPORT_LABEL_KEYS) {
      const code = `report.${key}`;
      expect(hasMessage(code), code).toBe(true);
      const vi = format({ code }, 'vi'), en = format({ code }, 'en');
      expect(vi.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
    }
  });

  it('fill their placeholders', () => {
    expect(reportLabel('deadline.days_left', 'vi', { days: 7 })).toBe('còn 7 ngày');
    expect(reportLabel('deadline.days_left', 'en', { days: 7 })).toBe('7 days left');
    expect(reportLabel('date', 'vi', { y: '2016', m: '10', d: '26' })).toBe('26/10/2016');
  });

  it('use the same placeholders in vi and en', () => {
    for (const [key, t] of Object.entries(REPORT_LABELS)) expect(placeholders(t.en), key).toEqual(placeholders(t.vi));
  });

  it('give valid Excel sheet names', () => {
    for (const key of ['sheet.summary', 'sheet.criteria', 'sheet.data_issues', 'sheet.report', 'sheet.details'] as const) {
      for (const lang of ['vi', 'en'] as const) {
        const name = reportLabel(key, lang);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it('have the status words of the reports', () => {
    const words = (lang: 'vi' | 'en') => (['pass', 'fail', 'missing', 'not_applicable', 'waived'] as const)
      .map((s) => reportLabel(`status.${s}`, lang));
    expect(words('vi')).toEqual(['Đạt', 'Không đạt', 'Thiếu dữ liệu', 'Không áp dụng', 'Miễn trừ']);
    expect(words('en')).toEqual(['Pass', 'Fail', 'Missing data', 'Not applicable', 'Waived']);
  });
});
