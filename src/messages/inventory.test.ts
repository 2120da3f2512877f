import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeWorkbook } from '../inventory/normalize.js';
import { BASIC_INFO, infoSheet, sheet, workbook } from '../inventory/test-workbook.js';
import { format, hasMessage } from './format.js';
import { INVENTORY_MESSAGES } from './inventory.js';

const SOURCES = ['values.ts', 'normalize.ts', 'match.ts'].map((f) => readFileSync(new URL(`../inventory/${f}`, import.meta.url), 'utf8'));
const EMITTED = [...new Set(SOURCES.flatMap((s) => [...s.matchAll(/'((?:value|vocab|equipment|sheet|field|columns?|labels|row|province|text)\.[a-z_]+)'/g)].map((m) => m[1]!)))];

/** A workbook with many kinds of problems. */
const messy = workbook(
  infoSheet([...BASIC_INFO.slice(1), ['Tỉnh/Thành phố', 'Atlantis'], ['Số lớp', 'hai'], ['Số lớp', 3], ['Có mạng nội bộ (LAN)', 'Tốt'],
    ['Ngày lập báo cáo', '13/13/2024'], ['Năm học', '2024'], ['Địa chỉ website (trang thông tin điện tử)', 'chưa có'], ['Thư điện tử của đơn vị', 'abc'],
    ['Số học sinh THPT', '1.5'], ['Số học sinh THCS', '40 em'], ['Số phòng máy tính', -1], ['Có mạng Wi-Fi phục vụ giáo viên', 'Có, 2 điểm'],
    ['Cấp học', 'THPT, Đại học'], ['Loại hình', 'Quốc tế'], ['Kế hoạch ứng dụng CNTT năm học', 'Chưa có'], ['Số lượng máy chủ ảo', 2], ['Số lớp', { e: '#REF!' }]]),
  sheet('Thiết bị', [['STT', 'Loại thiết bị', 'Mục đích sử dụng', 'Số lượng', 'Tình trạng', 'Model', 'SL', 'Năm mua'],
    [1, 'Máy tính', null, 2, null, 'x', null, 'cũ'], [2, 'Loa', 'Quản lý, Thư viện', 2.5, 'Hơi chậm'], [3, 'Máy tính', 'Giảng dạy, học tập', null, 'Tốt']]),
  sheet('Thiết bị', []),
  sheet('Phần mềm', [['Danh mục']]),
  sheet('Giáo viên', [['Họ và tên', 'Đạt chuẩn kỹ năng sử dụng CNTT', null], [null, 'Có', 'Không'], ['A', 'x', 'x']]),
);

describe('inventory messages', () => {
  it('every code the reader can emit has vi and en text', () => {
    expect(EMITTED.length).toBeGreaterThan(25);
    for (const code of EMITTED) expect(hasMessage(code), code).toBe(true);
    for (const [code, t] of Object.entries(INVENTORY_MESSAGES)) {
      expect(t.vi.trim(), code).not.toBe('');
      expect(t.en.trim(), code).not.toBe('');
    }
  });

  it('every placeholder of a message is filled by the issue that uses it', () => {
    const inv = normalizeWorkbook(messy);
    const seen = new Set(inv.issues.map((i) => i.code));
    expect(seen.size).toBeGreaterThan(20);
    for (const i of inv.issues) {
      const t = INVENTORY_MESSAGES[i.code];
      expect(t, i.code).toBeDefined();
      for (const lang of ['vi', 'en'] as const) {
        for (const [, name] of t![lang].matchAll(/\{(\w+)/g)) expect(Object.keys(i.args), `${i.code} ${lang} {${name}}`).toContain(name);
      }
    }
  });

  it('reads as the spec shows', () => {
    expect(format({ code: 'value.not_a_number', args: { value: 'hai' } }, 'vi')).toMatch(/^"hai" không phải là số/);
    expect(format({ code: 'value.not_a_number', args: { value: 'hai' } }, 'en')).toMatch(/^"hai" is not a number/);
    expect(format({ code: 'sheet.missing', args: { sheet: 'Thiết bị', sheet_en: 'Equipment' } }, 'en')).toMatch(/^there is no "Equipment" sheet/);
  });
});
