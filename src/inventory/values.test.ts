import { describe, expect, it } from 'vitest';
import { EQUIPMENT_COLUMNS, INFO_FIELDS, SOFTWARE_COLUMNS } from './fields.js';
import { toCell, type TestCell } from './test-workbook.js';
import {
  excelSerialToDate, parseCount, parseDate, parseEmail, parseNumber, parseSchoolYear, parseSchoolYearText, parseUrl,
  parseVocab, parseVocabList, parseYear, parseYesNo, splitList, type Parsed,
} from './values.js';

const c = toCell;
const value = <T>(p: Parsed<T> | null): T | undefined => (p?.ok ? p.value : undefined);
const codes = (p: Parsed<unknown> | null): string[] => (p === null ? [] : p.ok ? p.warnings.map((w) => w.code) : [p.error.code]);
const field = (defs: typeof INFO_FIELDS, key: string) => defs.find((f) => f.key === key)!;

describe('numbers', () => {
  it.each<[TestCell, number]>([
    [25, 25], ['25', 25], ['1.250', 1250], ['12.500.000', 12_500_000], ['1,5', 1.5], ['1.250,5', 1250.5], ['1 250', 1250],
    [' 40 ', 40], ['-3', -3], [{ f: 64 }, 64], ['03', 3],
  ])('%j → %d without warning', (cell, want) => {
    const p = parseNumber(c(cell));
    expect(value(p)).toBe(want);
    expect(codes(p)).toEqual([]);
  });

  it('reads any other dot as a decimal point, with a warning', () => {
    for (const [t, n] of [['1.5', 1.5], ['12.25', 12.25], ['0.500', 0.5], ['1.2345', 1.2345]] as const) {
      const p = parseNumber(c(t));
      expect(value(p)).toBe(n);
      expect(codes(p)).toEqual(['value.decimal_dot']);
    }
  });

  it('reads "25 máy" as 25 with a warning', () => {
    const p = parseNumber(c('25 máy'));
    expect(value(p)).toBe(25);
    expect(codes(p)).toEqual(['value.number_with_unit']);
    expect(p?.ok && p.warnings[0]!.args).toEqual({ value: '25 máy', number: 25 });
    expect(value(parseNumber(c('1.250 học sinh')))).toBe(1250);
  });

  it('does not warn about the unit the label names', () => {
    expect(codes(parseNumber(c('100 Mbps'), { unit: 'mbps' }))).toEqual([]);
    expect(codes(parseNumber(c('100Mbps'), { unit: 'mbps' }))).toEqual([]);
    expect(codes(parseNumber(c('100 Gbps'), { unit: 'mbps' }))).toEqual(['value.number_with_unit']);
  });

  it.each<TestCell>(['hai', 'khoảng 20', '5/13', '26/bộ', true, { d: '2024-01-05' }, '1,250.5'])('%j is not a number', (cell) => {
    expect(codes(parseNumber(c(cell)))).toEqual(['value.not_a_number']);
  });

  it('an error cell is unusable', () => expect(codes(parseNumber(c({ e: '#REF!' })))).toEqual(['value.error_cell']));
  it('empty is not declared', () => {
    expect(parseNumber(undefined)).toBeNull();
    expect(parseNumber(c('  '))).toBeNull();
    expect(parseNumber(c('-'))).toBeNull();
  });

  it('a count is a whole number ≥ 0', () => {
    expect(value(parseCount(c('1.250')))).toBe(1250);
    expect(codes(parseCount(c('1,5')))).toEqual(['value.not_whole']);
    expect(codes(parseCount(c(2.5)))).toEqual(['value.not_whole']);
    expect(codes(parseCount(c(-2)))).toEqual(['value.negative']);
    expect(value(parseCount(c(24.000000000001)))).toBe(24);
    expect(codes(parseCount(c('25 máy')))).toEqual(['value.number_with_unit']);
  });
});

describe('yes/no', () => {
  it.each<TestCell>(['Có', 'có', 'CÓ', 'Đã', 'Rồi', 'Đạt', 'x', 'X', '✓', '✔', 'Yes', 'Y', 'True', '1', 1, true, 'Co', 'Có (QĐ số 15)'])(
    '%j → yes', (cell) => {
      const p = parseYesNo(c(cell));
      expect(value(p)).toBe(true);
      expect(codes(p)).toEqual([]);
    });
  it.each<TestCell>(['Không', 'KHÔNG', 'Chưa', 'Không có', 'No', 'N', 'False', '0', 0, false, 'khong'])('%j → no', (cell) => {
    const p = parseYesNo(c(cell));
    expect(value(p)).toBe(false);
    expect(codes(p)).toEqual([]);
  });
  it('an answer followed by more words is read, with a warning', () => {
    expect(value(parseYesNo(c('Có, theo QĐ số 12')))).toBe(true);
    expect(codes(parseYesNo(c('Đã ban hành')))).toEqual(['value.read_as_yes']);
    expect(value(parseYesNo(c('Chưa có')))).toBe(false);
    expect(codes(parseYesNo(c('Chưa có')))).toEqual(['value.read_as_no']);
  });
  it.each<TestCell>(['Tốt', 'hai', 2, { d: '2024-01-01' }, 'Cóc'])('%j is not yes/no', (cell) => {
    expect(codes(parseYesNo(c(cell)))).toEqual(['value.not_yes_no']);
  });
  it('empty is not "no"', () => expect(parseYesNo(c(''))).toBeNull());
});

describe('dates', () => {
  it.each<[TestCell, string]>([
    [{ d: '2024-10-12' }, '2024-10-12'], [{ d: '2024-10-12T00:00:00' }, '2024-10-12'], [45577, '2024-10-12'],
    ['12/10/2024', '2024-10-12'], ['3/9/2024', '2024-09-03'], ['2024-10-12', '2024-10-12'], ['12-10-2024', '2024-10-12'],
    ['12.10.2024', '2024-10-12'], ['ngày 15 tháng 9 năm 2024', '2024-09-15'], ['Bến Tre, ngày 5 tháng 10 năm 2024', '2024-10-05'],
    ['12/10/2024 08:30', '2024-10-12'], [{ f: 45577 }, '2024-10-12'],
  ])('%j → %s', (cell, want) => expect(value(parseDate(c(cell)))).toBe(want));

  it('never reads mm/dd', () => {
    expect(codes(parseDate(c('10/13/2024')))).toEqual(['value.not_a_date']);
    expect(value(parseDate(c('10/12/2024')))).toBe('2024-12-10');
  });
  it.each<TestCell>(['5/13', '26/bộ', '31/02/2024', 'hôm qua', 2024, true])('%j is not a date', (cell) => {
    expect(codes(parseDate(c(cell)))).toEqual(['value.not_a_date']);
  });
  it('converts Excel serials', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(60)).toBeNull();
  });
});

describe('school year and year', () => {
  it.each(['2024-2025', '2024 - 2025', '2024–2025', '2024/2025', '2024—2025', '2024-25', 'Năm học 2024-2025'])('%s → 2024-2025', (t) => {
    expect(parseSchoolYearText(t)).toBe('2024-2025');
    expect(value(parseSchoolYear(c(t)))).toBe('2024-2025');
  });
  it.each<TestCell>(['2024-2026', '2024', 2024, 'năm nay'])('%j is not a school year', (cell) => {
    expect(codes(parseSchoolYear(c(cell)))).toEqual(['value.not_school_year']);
  });
  it('reads years', () => {
    expect(value(parseYear(c(2021)))).toBe(2021);
    expect(value(parseYear(c('2021')))).toBe(2021);
    expect(value(parseYear(c({ d: '2021-09-05' })))).toBe(2021);
    expect(codes(parseYear(c('cũ')))).toEqual(['value.not_a_year']);
    expect(codes(parseYear(c(21)))).toEqual(['value.not_a_year']);
  });
});

describe('vocabularies', () => {
  const kind = { field: field(EQUIPMENT_COLUMNS, 'kind'), vocab: 'kind' as const };
  const purpose = { field: field(EQUIPMENT_COLUMNS, 'purpose'), vocab: 'purpose' as const };
  const status = { field: field(EQUIPMENT_COLUMNS, 'status'), vocab: 'status' as const };
  const levels = { field: field(INFO_FIELDS, 'levels'), vocab: 'levels' as const };
  const fn = { field: field(SOFTWARE_COLUMNS, 'function'), vocab: 'function' as const };
  const license = { field: field(SOFTWARE_COLUMNS, 'license'), vocab: 'license' as const };

  it.each<[string, string]>([
    ['Máy tính để bàn', 'may_tinh_de_ban'], ['May tinh de ban', 'may_tinh_de_ban'], ['PC', 'may_tinh_de_ban'], ['Máy vi tính', 'may_tinh_de_ban'],
    ['Laptop', 'may_tinh_xach_tay'], ['Máy tính xách tay', 'may_tinh_xach_tay'], ['Máy tính bảng', 'may_tinh_bang'],
    ['Ti vi', 'man_hinh_tuong_tac'], ['may_in', 'may_in'], ['Printer', 'may_in'], ['Máy in Canon LBP 2900', 'may_in'],
    ['Máy tính bảng Samsung', 'may_tinh_bang'], ['Camera họp trực tuyến', 'webcam'], ['Camera giám sát', 'camera'],
    ['Máy vi tính xách tay Dell', 'may_tinh_xach_tay'], ['Camera IP Hikvision', 'camera'], ['Bộ lưu điện Santak', 'luu_dien'],
  ])('kind %s → %s', (t, want) => expect(value(parseVocab(c(t), kind))).toBe(want));

  it('an unknown kind is khac with a warning', () => {
    const p = parseVocab(c('Loa kéo'), kind);
    expect(value(p)).toBe('khac');
    expect(codes(p)).toEqual(['vocab.unknown_as_other']);
  });

  it('"Giảng dạy, học tập" is phong_may with a warning', () => {
    const p = parseVocab(c('Giảng dạy, học tập'), purpose);
    expect(value(p)).toBe('phong_may');
    expect(codes(p)).toEqual(['equipment.purpose_mixed']);
    expect(value(parseVocab(c('Giảng dạy'), purpose))).toBe('giao_vien');
    expect(value(parseVocab(c('Học tập'), purpose))).toBe('phong_may');
  });

  it('several purposes in one cell: the first, with a warning', () => {
    const p = parseVocab(c('Quản lý, Thư viện'), purpose);
    expect(value(p)).toBe('quan_ly');
    expect(codes(p)).toEqual(['vocab.several']);
    expect(codes(parseVocab(c('Văn phòng, Hành chính'), purpose))).toEqual([]);
  });

  it('a vocabulary without khac rejects unknown words', () => {
    const p = parseVocab(c('Hơi chậm'), status);
    expect(codes(p)).toEqual(['vocab.unknown']);
    expect(!p!.ok && p!.error.args.allowed).toBe('Tốt, Cần sửa chữa, Hỏng');
  });

  it('knows the usual spellings of purposes, states and licenses', () => {
    expect(value(parseVocab(c('Phòng học Tin học'), purpose))).toBe('phong_may');
    expect(value(parseVocab(c('Phòng học'), purpose))).toBe('lop_hoc');
    expect(value(parseVocab(c('Hư hỏng'), status))).toBe('hong');
    expect(value(parseVocab(c('Cần sửa'), status))).toBe('can_sua');
    expect(value(parseVocab(c('Có'), license))).toBe('ban_quyen');
    expect(value(parseVocab(c('Không'), license))).toBe('khong');
  });

  it('"Không" does not start a longer word', () => {
    expect(codes(parseVocab(c('Không rõ'), license))).toEqual(['vocab.unknown']);
    expect(value(parseVocab(c('Không bản quyền'), license))).toBe('khong');
    expect(value(parseVocab(c('Hỏng ổ cứng'), status))).toBe('hong');
  });

  it('splits lists on , ; & + / và', () => {
    expect(splitList('THCS và THPT')).toEqual(['THCS', 'THPT']);
    expect(value(parseVocabList(c('Tiểu học, THCS'), levels))).toEqual(['tieu_hoc', 'thcs']);
    expect(value(parseVocabList(c('TH; THCS & THPT'), levels))).toEqual(['tieu_hoc', 'thcs', 'thpt']);
    expect(value(parseVocabList(c('THCS + THPT'), levels))).toEqual(['thcs', 'thpt']);
    expect(value(parseVocabList(c('Trung học cơ sở và Trung học phổ thông'), levels))).toEqual(['thcs', 'thpt']);
    expect(value(parseVocabList(c('GDNN-GDTX'), levels))).toEqual(['gdtx']);
  });

  it('unknown list items: dropped with a warning, or an error when nothing is known', () => {
    const p = parseVocabList(c('THCS, Đại học'), levels);
    expect(value(p)).toEqual(['thcs']);
    expect(codes(p)).toEqual(['vocab.unknown_ignored']);
    expect(codes(parseVocabList(c('Đại học'), levels))).toEqual(['vocab.unknown']);
  });

  it('software functions: several per cell; unknown ones are khac', () => {
    expect(value(parseVocabList(c('Sổ điểm điện tử, Học bạ điện tử'), fn))).toEqual(['so_diem_dien_tu', 'hoc_ba_dien_tu']);
    const p = parseVocabList(c('Sổ điểm điện tử, Chấm công'), fn);
    expect(value(p)).toEqual(['so_diem_dien_tu', 'khac']);
    expect(codes(p)).toEqual(['vocab.unknown_as_other']);
  });

  it('folds NFD text like NFC', () => {
    expect(value(parseVocab(c('Máy tính xách tay'.normalize('NFD')), kind))).toBe('may_tinh_xach_tay');
  });
});

describe('links and e-mail', () => {
  it('keeps a website and warns when it does not look like one', () => {
    expect(codes(parseUrl(c('https://thcsanduc.bentre.edu.vn')))).toEqual([]);
    expect(codes(parseUrl(c('thcsanduc.bentre.edu.vn/gioi-thieu')))).toEqual([]);
    const p = parseUrl(c('chưa có'));
    expect(value(p)).toBe('chưa có');
    expect(codes(p)).toEqual(['value.not_a_url']);
  });
  it('checks e-mail addresses', () => {
    expect(codes(parseEmail(c('a@bentre.edu.vn; b@gmail.com')))).toEqual([]);
    expect(codes(parseEmail(c('abc')))).toEqual(['value.not_an_email']);
  });
});
