import { describe, expect, it } from 'vitest';
import { SHEETS } from './fields.js';
import {
  MergeIndex, NameMatcher, STT, buildColumnMatcher, cellRef, columnName, findHeaderRow, findLabelColumns, mapHeader, matchSheetName,
  buildLabelMatcher,
} from './match.js';
import { INFO_FIELDS, VOCAB } from './fields.js';
import { fold } from './fold.js';
import { sheet } from './test-workbook.js';

const def = (k: string) => SHEETS.find((s) => s.key === k)!;
const EQ = buildColumnMatcher(def('equipment'));
const TE = buildColumnMatcher(def('teachers'));
const YESNO_TEACHERS = new Set(['it_standard', 'it_trained', 'uses_it']);

describe('sheet names', () => {
  it.each([
    ['Thông tin chung', 'info'], ['THONG TIN CHUNG', 'info'], ['Thong tin chung', 'info'], ['Thông tin', 'info'], ['General', 'info'],
    ['General information', 'info'], ['Thiết bị', 'equipment'], ['THIET BI CNTT', 'equipment'], ['CSVC', 'equipment'],
    ['Cơ sở vật chất', 'equipment'], ['Equipment', 'equipment'], ['Phan mem', 'software'], ['Phần mềm, hệ thống', 'software'],
    ['Software', 'software'], ['Doi ngu', 'teachers'], ['Giáo viên', 'teachers'], ['2. Giáo viên', 'teachers'], ['teachers', 'teachers'],
  ])('%s → %s', (name, key) => expect(matchSheetName(name)).toBe(key));
  it('unknown names match nothing', () => {
    expect(matchSheetName('Sheet1')).toBeUndefined();
    expect(matchSheetName('DM')).toBeUndefined();
  });
});

describe('NameMatcher', () => {
  const m = new NameMatcher<string>([['Máy in', 'may_in'], ['Máy tính', 'pc'], ['Máy tính bảng', 'tablet'], ['Không', 'no']], new Set(['khong']));
  it('matches exactly after folding', () => expect(m.match('MAY IN')).toBe('may_in'));
  it('finds the longest whole-word prefix', () => {
    expect(m.prefix('may tinh bang samsung')).toEqual({ value: 'tablet', name: 'may tinh bang', rest: 'samsung' });
    expect(m.prefix('may tinh dell')?.value).toBe('pc');
    expect(m.prefix('may inx')).toBeUndefined();
    expect(m.prefix('may in')).toBeUndefined(); // an exact name is not its own prefix
  });
  it('never uses a no-prefix word as a prefix', () => expect(m.prefix('khong ro')).toBeUndefined());
  it('keeps the first value of a name', () => expect(new NameMatcher([['A', 1], ['a', 2]]).match('a')).toBe(1));
});

describe('cells', () => {
  it('names columns and cells', () => {
    expect([columnName(0), columnName(25), columnName(26), columnName(701), columnName(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(cellRef(13, 3)).toBe('D14');
  });
  it('indexes merged ranges', () => {
    const idx = new MergeIndex([{ r1: 0, c1: 0, r2: 0, c2: 3 }, { r1: 0, c1: 0, r2: 200, c2: 200 }]);
    expect(idx.at(0, 2)).toEqual({ r1: 0, c1: 0, r2: 0, c2: 3 });
    expect(idx.at(150, 150)).toEqual({ r1: 0, c1: 0, r2: 200, c2: 200 });
    expect(idx.at(201, 0)).toBeUndefined();
  });
});

describe('header row', () => {
  it('skips title rows and banners: the first row with ≥ 2 known headers', () => {
    const s = sheet('Thiết bị', [
      ['BẢNG KIỂM KÊ THIẾT BỊ'], ['(Số liệu đến ngày 25/10/2024)'], [], ['Số lượng'],
      ['STT', 'SO LUONG', 'Loai thiet bi', 'Tinh trang'],
    ], { merges: ['A1:D1'] });
    expect(findHeaderRow(s, EQ)).toBe(4);
  });
  it('looks only at the first 15 rows', () => {
    const rows = [...Array.from({ length: 15 }, () => ['x']), ['Loại thiết bị', 'Số lượng']];
    expect(findHeaderRow(sheet('Thiết bị', rows), EQ)).toBeNull();
    expect(findHeaderRow(sheet('Thiết bị', rows.slice(1)), EQ)).toBe(14);
  });
  it('maps headers in any order, with numbering, case, parentheses and first words', () => {
    const s = sheet('Thiết bị', [['1. Số lượng (chiếc)', 'STT', 'LOẠI THIẾT BỊ:', 'Tình trạng hiện nay', 'Nguồn kinh phí', 'ĐVT']]);
    const h = mapHeader(s, 0, EQ, new Set(), new MergeIndex([]));
    expect(Object.fromEntries([...h.columns].map(([k, v]) => [k, v.col]))).toEqual({ quantity: 0, kind: 2, status: 3 });
    expect(h.stt).toBe(1);
    expect(h.unknown.map((u) => u.text)).toEqual(['Nguồn kinh phí']);
    expect(h.dataStart).toBe(1);
  });
  it('a second column for the same field is a duplicate; the first is used', () => {
    const s = sheet('Thiết bị', [['Loại thiết bị', 'Số lượng', 'SL']]);
    const h = mapHeader(s, 0, EQ, new Set(), new MergeIndex([]));
    expect(h.columns.get('quantity')).toEqual({ col: 1 });
    expect(h.duplicates).toEqual([{ key: 'quantity', row: 0, col: 2 }]);
  });
  it('reads Có | Không pairs under a merged header cell naming the field', () => {
    const s = sheet('Giáo viên', [
      ['STT', 'Họ và tên', 'Đạt chuẩn kỹ năng sử dụng CNTT', null, 'Tổ'],
      [null, null, 'Có', 'Không', null],
      [1, 'A', 'x', null, 'Toán'],
    ], { merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'] });
    const h = mapHeader(s, 0, TE, YESNO_TEACHERS, new MergeIndex(s.merges));
    expect(h.columns.get('it_standard')).toEqual({ col: 2, no: 3 });
    expect(h.columns.get('name')).toEqual({ col: 1 });
    expect(h.columns.get('group')).toEqual({ col: 4 });
    expect(h.dataStart).toBe(2);
    expect(h.unknown).toEqual([]);
  });
  it('reads a second header row under cells merged down', () => {
    const s = sheet('Giáo viên', [
      ['STT', 'Họ và tên', 'Thông tin bồi dưỡng', null],
      [null, null, 'Được bồi dưỡng CNTT trong năm', 'Chứng chỉ CNTT'],
      [1, 'A', 'x', 'x'],
    ], { merges: ['A1:A2', 'B1:B2', 'C1:D1'] });
    const h = mapHeader(s, 0, TE, YESNO_TEACHERS, new MergeIndex(s.merges));
    expect(h.stt).toBe(0);
    expect(h.columns.get('it_trained')).toEqual({ col: 2 });
    expect(h.columns.get('it_standard')).toEqual({ col: 3 });
    expect(h.dataStart).toBe(2);
  });
  it('STT is known but is no field', () => {
    const h = mapHeader(sheet('x', [['TT', 'Họ tên']]), 0, TE, YESNO_TEACHERS, new MergeIndex([]));
    expect(h.stt).toBe(0);
    expect(h.columns.has(STT)).toBe(false);
  });
});

describe('label columns', () => {
  const labels = buildLabelMatcher(INFO_FIELDS);
  it('is the column where the known labels are', () => {
    const s = sheet('Thông tin chung', [['TITLE'], [null, 'Noi dung', 'Gia tri'], ['1.', 'Ma truong:', '083'], ['2.', 'TEN TRUONG', 'X'], ['3.', 'Tinh', 'Bến Tre']]);
    expect(findLabelColumns(s, labels)).toEqual([1]);
  });
  it('finds a second block of labels side by side', () => {
    const s = sheet('Thông tin chung', [['Mã trường', '1', 'Số lớp', 3], ['Tên trường', 'X', 'Số phòng máy tính', 2]]);
    expect(findLabelColumns(s, labels)).toEqual([0, 2]);
  });
});

describe('the alias data of fields.ts', () => {
  const collisions = (groups: [string, string[]][]): string[] => {
    const seen = new Map<string, string>();
    const out: string[] = [];
    for (const [key, names] of groups) {
      for (const n of names) {
        const f = fold(n);
        const prev = seen.get(f);
        if (prev !== undefined && prev !== key) out.push(`${n}: ${prev} / ${key}`);
        seen.set(f, key);
      }
    }
    return out;
  };
  it('no name means two things in one vocabulary', () => {
    for (const [v, entries] of Object.entries(VOCAB)) {
      expect(collisions(entries.map((e) => [e.key, [e.vi, e.en, e.key, ...e.aliases]])), v).toEqual([]);
    }
  });
  it('no header or label means two fields of one sheet', () => {
    for (const s of SHEETS) expect(collisions(s.fields.map((f) => [f.key, [f.vi, f.en, f.key, ...f.aliases]])), s.key).toEqual([]);
  });
  it('no sheet name means two sheets', () => {
    expect(collisions(SHEETS.map((s) => [s.key, [s.vi, s.en, s.key, ...s.aliases]]))).toEqual([]);
  });
});
