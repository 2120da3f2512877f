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
    // the minimal result's rubric has no bands: no band in its score line
    expect(text).toContain('\nĐiểm: Không tính được (không có tiêu chí nào để chấm) · Kết quả: Đạt\n');
    expect(text.slice(text.indexOf('khong-ten.xlsx'))).not.toContain('Xếp loại');
  });

  it('says why the school fails, lists the groups by title, and marks each criterion required or recommended', () => {
    const vi = renderTerminal([sampleResult()], { lang: 'vi', color: false }).split('\n');
    const score = vi.findIndex((l) => l.startsWith('Điểm: 56.7'));
    expect(vi[score + 1]).toBe('Không đạt vì 2 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 56.7 dưới mức đạt 60.');
    expect(vi).toContain('Nhóm Hạ tầng, thiết bị CNTT: 50.0 (Trung bình)');
    expect(vi).toContain('Nhóm day-hoc: 40.0 (Yếu)');
    // the severity is on the line under the status, in the same cell
    const rowOf = (title: string) => vi.findIndex((l) => l.includes(title));
    const mgmt = rowOf('Ít nhất 02 bộ máy tính');
    expect(vi[mgmt]!.startsWith('│ Không đạt ')).toBe(true);
    expect(vi[mgmt + 1]!.startsWith('│ (bắt buộc) ')).toBe(true);
    const unlicensed = rowOf('3.3 · Không sử dụng');
    expect(vi[unlicensed + 1]!.startsWith('│ (khuyến khích) ')).toBe(true);
    const en = renderTerminal([sampleResult()], { lang: 'en', color: false }).split('\n');
    expect(en).toContain('Fails because 2 required criteria are not met, 1 lacks data and the score 56.7 is below the pass mark 60.');
    expect(en).toContain('Group IT infrastructure and equipment: 50.0 (Average)');
    expect(en[en.findIndex((l) => l.includes('At least 2 computers')) + 1]!.startsWith('│ (required) ')).toBe(true);
  });
});
