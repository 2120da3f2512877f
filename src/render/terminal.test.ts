import { describe, expect, it } from 'vitest';
import { renderTerminal } from './terminal.js';
import { displayWidth, wrapText } from './text.js';
import { minimalResult, sampleResult } from './sample-result.js';
import type { AuditResult } from '../engine/types.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('terminal view', () => {
  it('fits the width it is given, never wider (80 by default)', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const width of [undefined, 40, 60, 80, 120]) {
        for (const all of [false, true]) {
          const text = renderTerminal([sampleResult()], { lang, color: true, all, ...(width ? { width } : {}) });
          for (const line of lines(text)) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width ?? 80);
        }
      }
    }
  });

  it('colours only when asked', () => {
    const plain = renderTerminal([sampleResult()], { lang: 'vi', color: false });
    const coloured = renderTerminal([sampleResult()], { lang: 'vi', color: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('lists the criteria not met first, required before recommended, each with what to fix', () => {
    const vi = lines(renderTerminal([sampleResult()], { lang: 'vi', color: false }));
    const req = vi.indexOf('Bắt buộc, chưa đạt (3):');
    const rec = vi.indexOf('Khuyến khích, chưa đạt (1):');
    expect(req).toBeGreaterThan(0);
    expect(rec).toBeGreaterThan(req);
    const mgmt = vi.findIndex((l) => l.includes('Ít nhất 02 bộ máy tính'));
    expect(mgmt).toBeGreaterThan(req);
    expect(mgmt).toBeLessThan(rec);
    expect(vi[mgmt]).toMatch(/^ {2}✗ 2 · /);
    expect(vi[mgmt + 1]).toBe('    → thiếu 1 máy tính Quản lý');
    // a missing criterion says so
    expect(vi.find((l) => l.includes('đầu mối CNTT'))).toContain('(thiếu dữ liệu)');
    // passing criteria are not listed one by one, but counted in one line
    expect(vi.some((l) => l.includes('Phân công lãnh đạo'))).toBe(false);
    expect(vi).toContain('✓ 5 tiêu chí đạt, 1 không áp dụng, 1 miễn trừ — xem chi tiết: --all');
  });

  it('ends with the reports written, the score and the verdict', () => {
    const vi = lines(renderTerminal([sampleResult()], {
      lang: 'vi', color: false, width: 120, reports: [['bao-cao/83000123.audit.md', 'bao-cao/83000123.audit.xlsx', 'bao-cao/83000123.audit.json']],
    }));
    expect(vi.slice(-3)).toEqual([
      'Báo cáo: bao-cao/83000123.audit.md, .xlsx, .json',
      'Điểm: 56,7 · Xếp loại: Trung bình · Kết quả: Không đạt',
      'Không đạt vì 2 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 56,7 dưới mức đạt 60.',
    ]);
    expect(vi).toContain('✓ 5 tiêu chí đạt, 1 không áp dụng, 1 miễn trừ — xem báo cáo hoặc --all');
    const en = lines(renderTerminal([sampleResult()], { lang: 'en', color: false, width: 200 }));
    expect(en.at(-1)).toBe('Fails because 2 required criteria are not met, 1 lacks data and the score 56.7 is below the pass mark 60.');
    expect(en.at(-2)).toBe('Score: 56.7 · Level: Average · Result: Fail');
    expect(en).toContain('Group IT infrastructure and equipment: 50.0 (Average)');
  });

  it('shows every criterion with --all', () => {
    const r = sampleResult();
    const text = renderTerminal([r], { lang: 'vi', color: false, all: true });
    for (const c of r.criteria) expect(text.replace(/\s+/g, ' '), c.id).toContain(`${c.clause} · ${c.title.vi}`);
    expect(lines(text)).toContain('Đạt (5):');
    expect(lines(text)).toContain('Miễn trừ (1):');
  });

  it('counts data errors and warnings apart: warnings are not called errors', () => {
    const vi = lines(renderTerminal([sampleResult()], { lang: 'vi', color: false }));
    expect(vi).toContain('Dữ liệu cần xem lại (2 lỗi, 3 cảnh báo):');
    const onlyWarnings: AuditResult = { ...sampleResult(), data_issues: sampleResult().data_issues.filter((i) => i.severity === 'warning').slice(0, 2) };
    const text = renderTerminal([onlyWarnings], { lang: 'vi', color: false });
    expect(text).toContain('Dữ liệu cần xem lại (2 cảnh báo):');
    expect(text).not.toMatch(/\d+ lỗi/);
    expect(renderTerminal([onlyWarnings], { lang: 'en', color: false })).toContain('Data to check (2 warnings):');
  });

  it('cannot be driven by escape sequences in the data, and keeps long words whole', () => {
    const text = renderTerminal([sampleResult()], { lang: 'en', color: false, all: true });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).not.toContain('…');
    expect(text.replace(/\n\s*/g, '')).toContain('=HYPERLINK("http://evil.example/x","Bấm');
  });

  it('puts several schools one after the other', () => {
    const text = renderTerminal([sampleResult(), minimalResult()], { lang: 'vi', color: false });
    expect(text).toContain('\n\nkhong-ten.xlsx\n');
    // the minimal result's rubric has no bands: no band in its score line
    expect(text).toContain('\nĐiểm: Không tính được (không có tiêu chí nào để chấm) · Kết quả: Đạt\n');
    expect(text.slice(text.indexOf('khong-ten.xlsx'))).not.toContain('Xếp loại');
  });
});

describe('wrapText', () => {
  it('wraps at spaces with a hanging indent and cuts words longer than a line', () => {
    expect(wrapText('một hai ba bốn năm', 10, '- ', '  ')).toEqual(['- một hai', '  ba bốn', '  năm']);
    const long = wrapText('x'.repeat(25), 10, '> ', '  ');
    for (const l of long) expect(displayWidth(l)).toBeLessThanOrEqual(10);
    expect(long.join('').replace(/[> ]/g, '')).toBe('x'.repeat(25));
    expect(wrapText('', 10, '- ')).toEqual(['-']);
  });

  it('counts columns, not code units: combining marks take none, wide characters two', () => {
    expect(displayWidth('Tiếng Việt')).toBe(10);
    expect(displayWidth('Tie\u0302\u0301ng')).toBe(5);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('\u001b[31mĐạt\u001b[39m')).toBe(3);
  });
});
