// A bad workbook never stops the reading: any cells, any merges, any names give an Inventory whose
// problems all have words and point at real cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../messages/inventory.js';
import { hasMessage } from '../messages/format.js';
import { normalizeWorkbook } from './normalize.js';
import type { RawCell, RawSheet } from './types.js';

const WORDS = ['STT', 'Loại thiết bị', 'Số lượng', 'Tình trạng', 'Mục đích sử dụng', 'Họ và tên', 'Tổ', 'Có', 'Không', 'x', 'Tổng cộng',
  'Tống', 'Ví dụ', 'Máy tính', 'Máy in', 'Phòng máy', 'Tốt', 'Hỏng', '1.250', '25 máy', '12/10/2024', '2024-2025', 'Mã trường',
  'Tỉnh/Thành phố', 'Năm học', 'Cấp học', 'THCS', 'Tổng số máy vi tính phục vụ học tập', 'Nội dung', 'Bình quân', 'I', 'Hiệu trưởng',
  'Đạt chuẩn kỹ năng sử dụng CNTT', 'Tên phần mềm', 'Chức năng', 'Sổ điểm điện tử', '', ' ', '-', '(1)'];
const cell: fc.Arbitrary<RawCell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...WORDS).map((v): RawCell => ({ t: 's', v })),
  fc.string({ maxLength: 12 }).map((v): RawCell => ({ t: 's', v })),
  fc.oneof(fc.integer({ min: -5, max: 50_000 }), fc.double({ noNaN: false })).map((v): RawCell => ({ t: 'n', v })),
  fc.boolean().map((v): RawCell => ({ t: 'b', v })),
  fc.constantFrom('#REF!', '#N/A').map((v): RawCell => ({ t: 'e', v })),
  fc.constantFrom('2024-10-12', '2024-10-12T08:00:00', 'garbage').map((v): RawCell => ({ t: 'd', v })),
);
const sheetArb: fc.Arbitrary<RawSheet> = fc.record({
  name: fc.constantFrom('Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên', 'Sheet1', 'CSVC', 'Doi ngu'),
  hidden: fc.boolean(),
  rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }),
  merges: fc.array(fc.record({ r1: fc.nat(20), c1: fc.nat(6), h: fc.nat(3), w: fc.nat(3) }).map((m) => ({ r1: m.r1, c1: m.c1, r2: m.r1 + m.h, c2: m.c1 + m.w })), { maxLength: 4 }),
});

describe('normalizeWorkbook on anything', () => {
  it('never throws; every issue has words and a real cell', () => {
    fc.assert(fc.property(fc.array(sheetArb, { maxLength: 5 }), (sheets) => {
      const inv = normalizeWorkbook({ sheets });
      for (const i of inv.issues) {
        expect(hasMessage(i.code), i.code).toBe(true);
        if (i.cell !== null) expect(i.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
        expect(['error', 'warning']).toContain(i.severity);
      }
      for (const rows of [inv.equipment, inv.software, inv.teachers]) {
        if (rows) expect(rows.length).toBeGreaterThan(0);
      }
    }), { numRuns: 400 });
  });
});
