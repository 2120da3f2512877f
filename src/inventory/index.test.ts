// End to end: bytes of real .xlsx files (the checked-in fixtures, and workbooks written here with exceljs)
// through readXlsx and the normalizer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInventory } from './index.js';
import { sheetXml, xlsxPackage } from './test-package.js';
import type { Inventory, Val } from './types.js';

const fixture = (name: string): Inventory => readInventory(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)), name);
const v = <T>(x: Val<T> | undefined): T | 'BAD' | undefined => (x === undefined ? undefined : x.ok ? x.value : 'BAD');
const working = (inv: Inventory, purpose: string): number => inv.equipment!
  .filter((r) => ['may_tinh_de_ban', 'may_tinh_xach_tay'].includes(v(r.kind) as string) && v(r.status) === 'hoat_dong' && v(r.purpose) === purpose)
  .reduce((n, r) => n + (v(r.quantity) as number), 0);

async function xlsx(build: (wb: import('exceljs').Workbook) => void): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('fixtures', () => {
  it('the template layout (exceljs) reads without a single issue', () => {
    const inv = fixture('thpt-dat-chuan.xlsx');
    expect(inv.issues).toEqual([]);
    expect(v(inv.info.school_code)).toBe('83000715');
    expect(v(inv.info.website_updated)).toBe('2024-10-12');
    expect(working(inv, 'phong_may')).toBe(72);
    expect(inv.teachers).toHaveLength(51);
    expect(inv.software).toHaveLength(15);
  });

  it('the messy workbook: titles, no diacritics, text numbers, totals, blank rows, Tống, hidden sheets', () => {
    const inv = fixture('lon-xon.xlsx');
    expect(v(inv.info.school_code)).toBe('083001204');
    expect(v(inv.info.province)).toBe('Bến Tre');
    expect(v(inv.info.school_year)).toBe('2024-2025');
    expect(v(inv.info.students_thcs)).toBe(1250);
    expect(v(inv.info.classes)).toBe(32);
    expect(v(inv.info.it_plan)).toBe(true);
    expect(working(inv, 'phong_may')).toBe(72);
    expect(inv.equipment).toHaveLength(9);
    expect(inv.software).toHaveLength(4); // a hidden sheet is read
    expect(inv.teachers).toHaveLength(9); // "Cộng" skipped, Tống Thị Lệ kept
    expect(inv.teachers!.map((t) => v(t.it_standard))).toEqual([true, true, true, false, true, true, true, false, true]);
    expect(inv.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      'THONG TIN CHUNG!C14 value.number_with_unit', 'THIET BI CNTT!B5 value.number_with_unit', 'THIET BI CNTT!B6 value.number_with_unit',
    ]);
  });

  it('openpyxl (booleans, hyperlinks, datetimes) and its LibreOffice re-save read the same', () => {
    const a = fixture('openpyxl-thcs.xlsx');
    const b = fixture('libreoffice-thcs.xlsx');
    expect(a.issues).toEqual([]);
    expect(v(a.info.wifi)).toBe(true);
    expect(v(a.info.website)).toBe('https://thcsvinhan.bentre.edu.vn');
    expect(v(a.info.school_year)).toBe('2024-2025');
    expect(a.teachers!.every((t) => v(t.uses_it) === true)).toBe(true);
    const strip = (inv: Inventory) => JSON.parse(JSON.stringify(inv, (k, x) => (k === 'ref' ? undefined : x)));
    expect(strip(b)).toEqual(strip(a));
  });
});

describe('workbooks written with exceljs', () => {
  it('merged Có | Không header, formula results, error cells, rich text, hyperlinks, dates', async () => {
    const bytes = await xlsx((wb) => {
      const info = wb.addWorksheet('Thông tin chung');
      info.addRows([
        ['KIỂM KÊ CNTT'], [],
        ['Mã trường', { richText: [{ text: '8300' }, { text: '0715', font: { bold: true } }] }],
        ['Tên trường', 'THPT A'], ['Tỉnh/Thành phố', 'TP. Hồ Chí Minh'], ['Quận/Huyện', 'Quận 1'], ['Năm học', '2024–2025'], ['Cấp học', 'THCS và THPT'],
        ['Địa chỉ website (trang thông tin điện tử)', { text: 'thpt-a.edu.vn', hyperlink: 'https://thpt-a.edu.vn' }],
        ['Ngày lập báo cáo', new Date(Date.UTC(2024, 9, 15))],
        ['Số học sinh THPT', { formula: 'SUM(1,2)', result: 3 }],
        ['Số lớp', { formula: '1/0', result: { error: '#DIV/0!' } }],
      ]);
      info.mergeCells('A1:B1');
      const te = wb.addWorksheet('Giáo viên', { state: 'hidden' });
      te.addRows([
        ['STT', 'Họ và tên', 'Được bồi dưỡng CNTT trong năm', null],
        [null, null, 'Có', 'Không'],
        [1, 'A', 'x', null], [2, 'B', null, 'x'], [null, 'Tổng cộng', { formula: 'COUNTA(C3:C4)', result: 1 }, null],
      ]);
      te.mergeCells('C1:D1');
      te.mergeCells('A1:A2');
      te.mergeCells('B1:B2');
    });
    const inv = readInventory(bytes, 'exceljs.xlsx');
    expect(v(inv.info.school_code)).toBe('83000715');
    expect(v(inv.info.province)).toBe('Hồ Chí Minh');
    expect(v(inv.info.school_year)).toBe('2024-2025');
    expect(v(inv.info.levels)).toEqual(['thcs', 'thpt']);
    expect(v(inv.info.website)).toBe('thpt-a.edu.vn');
    expect(v(inv.info.audit_date)).toBe('2024-10-15');
    expect(v(inv.info.students_thpt)).toBe(3);
    expect(inv.info.classes).toEqual({ ok: false, ref: { sheet: 'Thông tin chung', cell: 'B12' } });
    expect(inv.teachers!.map((t) => v(t.it_trained))).toEqual([true, false]);
    expect(inv.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      'Thông tin chung!B12 value.error_cell', 'Thiết bị!null sheet.missing', 'Phần mềm!null sheet.missing',
    ]);
  });
});

describe('a formula saved without its result (openpyxl writes them so)', () => {
  it('is an unusable value at its cell, with a hint to re-save the file, never "not declared"', () => {
    const is = (t: string) => `t="inlineStr"><is><t>${t}</t></is>`;
    const rows = [
      `<row r="1"><c r="A1" ${is('STT')}</c><c r="B1" ${is('Loại thiết bị')}</c><c r="C1" ${is('Mục đích sử dụng')}</c><c r="D1" ${is('Số lượng')}</c></row>`,
      `<row r="2"><c r="A2"><v>1</v></c><c r="B2" ${is('Máy tính để bàn')}</c><c r="C2" ${is('Phòng máy')}</c><c r="D2"><f>20+20</f><v></v></c></row>`,
    ].join('');
    const bytes = xlsxPackage({ sheets: [{ name: 'Thiết bị', xml: sheetXml(rows) }] });
    const inv = readInventory(bytes, 'cong-thuc.xlsx');
    expect(inv.issues.find((i) => i.code === 'value.formula_not_calculated')).toMatchObject({ severity: 'error', sheet: 'Thiết bị', cell: 'D2' });
    expect(inv.equipment?.[0]?.quantity).toMatchObject({ ok: false });
  });
});
