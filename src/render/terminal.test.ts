import { describe, expect, it } from 'vitest';
import { renderTerminal } from './terminal.js';
import { minimalResult, sampleResult } from './sample-result.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Display width, close enough for Vietnamese (NFC: one column per character) and box drawing. */
const width = (line: string) => [...new Intl.Segmenter().segment(line.replace(ANSI, ''))].length;

describe('terminal table', () => {
  it('fits in 100 columns', () => {
    for (const lang of ['vi', 'en'] as const) {
      const text = renderTerminal([sampleResult()], { lang, color: false });
      const table = text.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(table.length).toBeGreaterThan(10);
      for (const line of table) expect(width(line), line).toBeLessThanOrEqual(100);
    }
  });

  it('colours only when asked', () => {
    const plain = renderTerminal([sampleResult()], { lang: 'vi', color: false });
    const coloured = renderTerminal([sampleResult()], { lang: 'vi', color: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('shows school, rubric, score, band and status, and every criterion', () => {
    const text = renderTerminal([sampleResult()], { lang: 'vi', color: false });
    expect(text).toContain('Trường THPT Mỏ Cày <Nam> & "Bắc" (mã 83000123) — Bến Tre, Mỏ Cày Nam, 2016-2017');
    expect(text).toContain('ben-tre-2782, phiên bản 1.0.0');
    expect(text).toContain('Điểm: 56.7 · Xếp loại: Trung bình · Kết quả: Không đạt');
    expect(text).toContain('1 máy / ≥ 2 máy');
    for (const w of ['Đạt', 'Không đạt', 'Thiếu dữ liệu', 'Không áp dụng', 'Miễn trừ']) expect(text).toContain(`│ ${w} `);
    expect(text).toContain('Lỗi Thiết bị!D14');
  });

  it('cannot be driven by escape sequences in the data, and keeps long words whole', () => {
    const text = renderTerminal([sampleResult()], { lang: 'en', color: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // the 50-character formula is broken over lines, not cut off with an ellipsis
    expect(text).not.toContain('…');
    const gapColumn = text.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│')[4]!.trim()).join('');
    expect(gapColumn).toContain('=HYPERLINK("http://evil.example/x","Bấm');
  });

  it('puts several schools one after the other', () => {
    const text = renderTerminal([sampleResult(), minimalResult()], { lang: 'vi', color: false });
    expect(text).toContain('\n\nkhong-ten.xlsx\n');
    expect(text).toContain('Điểm: Không tính được (không có tiêu chí nào để chấm) · Xếp loại: Chưa xếp loại · Kết quả: Đạt');
  });
});
