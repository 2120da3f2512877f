import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { InputError } from '../errors.js';
import { formatDateKind, readXlsx, serialToIso, xlsxReader } from './xlsx.js';
import { sheetXml, sstXml, stylesXml, xlsxPackage, type PackageSpec } from './test-package.js';
import type { RawCell, RawSheet, RawWorkbook } from './types.js';

const FILES = new URL('../../tests/reader/files/', import.meta.url);
const readFile = (name: string): RawWorkbook => readXlsx(new Uint8Array(readFileSync(new URL(name, FILES))), name);

/** The cell at an A1 reference. */
function at(sheet: RawSheet | undefined, ref: string): RawCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheet?.rows[Number(m[2]) - 1]?.[col];
}
const sheetOf = (wb: RawWorkbook, name: string) => wb.sheets.find((s) => s.name === name);
const one = (spec: Partial<PackageSpec> & { xml?: string }): RawSheet =>
  readXlsx(xlsxPackage({ sheets: [{ name: 'S', xml: spec.xml ?? sheetXml('') }], ...spec }), 't.xlsx').sheets[0]!;

// ---------- files written by real producers ----------

describe('workbooks written by exceljs, openpyxl and LibreOffice', () => {
  const producers = [
    'exceljs-features.xlsx', 'exceljs-1904.xlsx', 'openpyxl-features.xlsx', 'openpyxl-1904.xlsx',
    'libreoffice-from-exceljs.xlsx', 'libreoffice-from-openpyxl.xlsx',
  ];

  it.each(producers)('%s: sheet names, order and visibility from workbook.xml', (file) => {
    const wb = readFile(file);
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Thông tin chung', false], ['Thiết bị', false], ['DM', true], ['Cấu hình', true], // veryHidden too
    ]);
  });

  it.each(producers)('%s: text, numbers stored as text, booleans, errors, merged banner', (file) => {
    const info = readFile(file).sheets[0]!;
    expect(at(info, 'A1')).toEqual({ t: 's', v: 'KIỂM KÊ ỨNG DỤNG CNTT NĂM HỌC 2024-2025' });
    expect(info.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 3 }]);
    expect(info.rows[1]).toBeUndefined(); // blank row 2
    expect(at(info, 'B3')).toEqual({ t: 's', v: '083001204' });
    expect(at(info, 'B4')).toEqual({ t: 's', v: 'Trường THCS An Đức' }); // rich text in exceljs' file
    expect(at(info, 'B5')).toEqual({ t: 's', v: 'thcsanduc.edu.vn' }); // hyperlink cell = its text
    expect(at(info, 'B9')).toEqual({ t: 'n', v: 24 });
    expect(at(info, 'B10')).toEqual({ t: 'n', v: 150.5 }); // '#,##0.0 "Mbps"' is no date format
    expect(at(info, 'B11')).toMatchObject({ t: 'b', v: true }); // LibreOffice writes TRUE() formulas
    expect(at(info, 'B12')).toMatchObject({ t: 'b', v: false });
    expect(at(info, 'B13')).toEqual({ t: 's', v: '1.250' });
    expect(at(info, 'B14')).toMatchObject({ t: 'e', v: file.includes('exceljs') ? '#REF!' : '#N/A' });
  });

  it.each(producers)('%s: dates by cell style, 1900 and 1904 systems alike', (file) => {
    const info = readFile(file).sheets[0]!;
    expect(at(info, 'B6')).toEqual({ t: 'd', v: '2025-05-31' });
    expect(at(info, 'B7')).toEqual({ t: 'd', v: '2025-03-15T08:30:00' });
    expect(at(info, 'B8')).toEqual({ t: 'd', v: '2024-09-05' });
  });

  it('the 1904 files really store other serials (the date system is read, not assumed)', () => {
    const raw = (name: string) => readXlsx(xlsxPackage({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>44346</v></c></row>') }],
      styles: stylesXml({}, [0, 14]), workbookPr: name,
    }), 'x').sheets[0]!;
    expect(at(raw('date1904="1"'), 'A1')).toEqual({ t: 'd', v: '2025-05-31' });
    expect(at(raw('date1904="true"'), 'A1')).toEqual({ t: 'd', v: '2025-05-31' });
    expect(at(raw('date1904="false"'), 'A1')).toEqual({ t: 'd', v: '2021-05-30' }); // 1462 days earlier
    expect(at(raw(''), 'A1')).toEqual({ t: 'd', v: '2021-05-30' });
  });

  it('formula cells keep their cached result (number, text, date) with f: true', () => {
    for (const file of ['exceljs-features.xlsx', 'libreoffice-from-exceljs.xlsx']) {
      const eq = sheetOf(readFile(file), 'Thiết bị');
      expect(at(eq, 'C4')).toEqual({ t: 'n', v: 30, f: true });
      expect(at(eq, 'C5')).toEqual({ t: 's', v: 'có thiết bị', f: true });
      expect(at(eq, 'C6')).toEqual({ t: 'd', v: '2025-05-31', f: true });
    }
  });

  it('a formula without a cached result (openpyxl) is an error cell with no text (the school filled it); LibreOffice computes it', () => {
    expect(at(sheetOf(readFile('openpyxl-features.xlsx'), 'Thiết bị'), 'C4')).toEqual({ t: 'e', v: '', f: true });
    expect(at(sheetOf(readFile('libreoffice-from-openpyxl.xlsx'), 'Thiết bị'), 'C4')).toEqual({ t: 'n', v: 30, f: true });
  });

  it('typical.xlsx: four sheets, 200 equipment rows, 60 teachers', () => {
    const wb = readFile('typical.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên']);
    const eq = wb.sheets[1]!;
    expect(eq.rows.length).toBe(3 + 200);
    expect(at(eq, 'B203')).toEqual({ t: 's', v: 'Máy tính xách tay' }); // item 200: kinds[199 % 6]
    expect(at(eq, 'A203')).toEqual({ t: 'n', v: 200 });
    expect(wb.sheets[3]!.rows.length).toBe(3 + 60);
    expect(at(wb.sheets[0], 'C4')).toEqual({ t: 'd', v: '2024-09-01' });
  });

  it('xlsxReader is the WorkbookReader of readXlsx', () => {
    const bytes = new Uint8Array(readFileSync(new URL('openpyxl-features.xlsx', FILES)));
    expect(xlsxReader.read(bytes, 'a.xlsx')).toEqual(readXlsx(bytes, 'a.xlsx'));
  });
});

// ---------- cell kinds, hand-built ----------

describe('cell values', () => {
  it('shared strings: plain, rich-text runs joined, phonetic runs ignored, _xHHHH_ escapes decoded', () => {
    const s = one({
      sharedStrings: sstXml([
        '<t>Máy tính</t>',
        '<r><rPr><b/></rPr><t xml:space="preserve">Trường </t></r><r><t>THCS</t></r>',
        '<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/>',
        '<t>dòng 1_x000D_\ndòng 2</t>',
        '<t/>',
      ]),
      xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'),
    });
    expect(s.rows[0]).toEqual([
      { t: 's', v: 'Máy tính' }, { t: 's', v: 'Trường THCS' }, { t: 's', v: '漢字' }, { t: 's', v: 'dòng 1\r\ndòng 2' }, { t: 's', v: '' },
    ]);
  });

  it('inline strings (t="inlineStr", <is>), with runs, phonetics and CDATA', () => {
    const s = one({
      xml: sheetXml('<row r="1">' +
        '<c r="A1" t="inlineStr"><is><t>Tên trường</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>Máy </t></r><r><rPr><i/></rPr><t>chiếu</t></r><rPh><t>x</t></rPh></is></c>' +
        '<c r="C1" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c>' +
        '<c r="D1" t="inlineStr"><is><t>a &amp; b &#7889;</t></is></c><c r="E1"><is><t>no t attribute</t></is></c></row>'),
    });
    expect(s.rows[0]).toEqual([{ t: 's', v: 'Tên trường' }, { t: 's', v: 'Máy chiếu' }, { t: 's', v: 'a < b & c' }, { t: 's', v: 'a & b ố' }, { t: 's', v: 'no t attribute' }]);
  });

  it('t="str" formula strings, booleans, errors, numbers, empty <v>', () => {
    const s = one({
      xml: sheetXml('<row r="1">' +
        '<c r="A1" t="str"><f>A2&amp;"x"</f><v>Có</v></c>' +
        '<c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c>' +
        '<c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="F1"><v>42</v></c><c r="G1" t="n"><v>-1.5E3</v></c><c r="H1"><v></v></c><c r="I1" s="0"/>' +
        '<c r="J1"><f t="shared" si="0"/><v>7</v></c></row>'),
    });
    expect(s.rows[0]).toEqual([
      { t: 's', v: 'Có', f: true }, { t: 'b', v: true }, { t: 'b', v: false },
      { t: 'e', v: '#DIV/0!' }, { t: 'e', v: '#DIV/0!', f: true },
      { t: 'n', v: 42 }, { t: 'n', v: -1500 }, undefined, undefined, { t: 'n', v: 7, f: true },
    ]);
  });

  it('t="d" ISO dates: date only unless the time matters or the style shows it', () => {
    const s = one({
      styles: stylesXml({ 164: 'dd/mm/yyyy hh:mm' }, [0, 14, 164]),
      xml: sheetXml('<row r="1">' +
        '<c r="A1" t="d"><v>2024-09-05T00:00:00Z</v></c><c r="B1" t="d"><v>2024-09-05</v></c>' +
        '<c r="C1" t="d"><v>2024-09-05T08:30:00.000</v></c><c r="D1" t="d" s="1"><v>2024-09-05T08:30:00</v></c>' +
        '<c r="E1" t="d" s="2"><v>2024-09-05</v></c><c r="F1" t="d"><v>hôm qua</v></c></row>'),
    });
    expect(s.rows[0]).toEqual([
      { t: 'd', v: '2024-09-05' }, { t: 'd', v: '2024-09-05' }, { t: 'd', v: '2024-09-05T08:30:00' },
      { t: 'd', v: '2024-09-05' }, { t: 'd', v: '2024-09-05T00:00:00' }, { t: 's', v: 'hôm qua' },
    ]);
  });

  it('dates by style: built-in formats 14–22, 27–36, 45–47, 50–58 and custom date/time codes', () => {
    const builtins = [14, 15, 16, 17, 18, 22, 27, 30, 36, 45, 47, 50, 58];
    const notDates = [0, 1, 2, 4, 9, 10, 11, 37, 44, 49, 59];
    const custom = { 164: 'dd/mm/yyyy', 165: '#,##0 "ngày"', 166: '[$-42A]d mmmm yyyy', 167: '0.00\\ \\d', 168: '[h]:mm:ss', 169: '[Red]#,##0;[Blue]-#,##0' };
    const ids = [...builtins, ...notDates, 164, 165, 166, 167, 168, 169];
    const cells = ids.map((_, i) => `<c r="A${i + 1}" s="${i}"><v>45540.5</v></c>`).map((c, i) => `<row r="${i + 1}">${c}</row>`).join('');
    const s = one({ styles: stylesXml(custom, ids), xml: sheetXml(cells) });
    const kinds = s.rows.map((r) => r[0]!.t);
    expect(kinds).toEqual([...builtins.map(() => 'd'), ...notDates.map(() => 'n'), 'd', 'n', 'd', 'n', 'd', 'n']);
    expect(s.rows[0]![0]).toEqual({ t: 'd', v: '2024-09-05' });            // 14: date only, time dropped
    expect(s.rows[4]![0]).toEqual({ t: 'd', v: '2024-09-05T12:00:00' });   // 18: h:mm AM/PM
    expect(s.rows[5]![0]).toEqual({ t: 'd', v: '2024-09-05T12:00:00' });   // 22: m/d/yy h:mm
  });

  it('a date-styled number Excel cannot show as a date stays a number', () => {
    const s = one({ styles: stylesXml({}, [14]), xml: sheetXml('<row><c s="0"><v>-1</v></c><c s="0"><v>3000000</v></c></row>') });
    expect(s.rows[0]).toEqual([{ t: 'n', v: -1 }, { t: 'n', v: 3000000 }]);
  });

  it('formatDateKind ignores quoted text, [..] sections (but not elapsed time) and escapes', () => {
    expect(formatDateKind('dd/mm/yyyy')).toBe(1);
    expect(formatDateKind('"Ngày" dd "tháng" mm')).toBe(1);
    expect(formatDateKind('yyyy\\-mm\\-dd\\ h:mm:ss')).toBe(2);
    expect(formatDateKind('[h]:mm')).toBe(2);
    expect(formatDateKind('mm:ss.0')).toBe(2);
    expect(formatDateKind('h:mm AM/PM')).toBe(2);
    expect(formatDateKind('mmm-yy')).toBe(1);
    expect(formatDateKind('General')).toBe(0);
    expect(formatDateKind('#,##0 "máy"')).toBe(0);
    expect(formatDateKind('0.00E+00')).toBe(0);
    expect(formatDateKind('[$-42A]#,##0')).toBe(0);
    expect(formatDateKind('[Red]0;[Color10]-0')).toBe(0);
    expect(formatDateKind('_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)')).toBe(0);
    expect(formatDateKind('0\\d')).toBe(0);
    expect(formatDateKind('@')).toBe(0);
  });

  it('serialToIso: 1900 leap-year bug, 1904 system, rounding to the second', () => {
    expect(serialToIso(1, false, false)).toBe('1900-01-01');
    expect(serialToIso(59, false, false)).toBe('1900-02-28');
    expect(serialToIso(60, false, false)).toBe('1900-02-28'); // the 29 Feb 1900 that never was
    expect(serialToIso(61, false, false)).toBe('1900-03-01');
    expect(serialToIso(45808, false, false)).toBe('2025-05-31');
    expect(serialToIso(45731.354166666664, false, true)).toBe('2025-03-15T08:30:00');
    expect(serialToIso(45807.999999999, false, false)).toBe('2025-05-31'); // rounds to the next second
    expect(serialToIso(0, true, false)).toBe('1904-01-01');
    expect(serialToIso(44346, true, false)).toBe('2025-05-31');
    expect(serialToIso(0.5, false, true)).toBe('1899-12-31T12:00:00'); // a time alone
    expect(serialToIso(-1, false, false)).toBeUndefined();
    expect(serialToIso(2958466, false, false)).toBeUndefined();
  });
});

// ---------- layout and dialects ----------

describe('positions, merges and dialects', () => {
  it('cells without r are placed by order; rows without r follow the previous row', () => {
    const s = one({
      xml: sheetXml('<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>'),
    });
    expect(s.rows[0]).toEqual([{ t: 'n', v: 1 }, { t: 'n', v: 2 }]);
    expect(s.rows[3]).toEqual([undefined, undefined, { t: 'n', v: 3 }, { t: 'n', v: 4 }]);
    expect(s.rows[4]).toEqual([{ t: 'n', v: 5 }]);
    expect(s.rows.length).toBe(5);
  });

  it('merged ranges, 0-based inclusive; a single-cell ref is a 1×1 range', () => {
    const s = one({ xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', '<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="B3:C10"/><mergeCell ref="AA100"/></mergeCells>') });
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 3 }, { r1: 2, c1: 1, r2: 9, c2: 2 }, { r1: 99, c1: 26, r2: 99, c2: 26 }]);
  });

  const richSpec = (extra: Partial<PackageSpec>): PackageSpec => ({
    sheets: [
      { name: 'Thông tin chung', xml: sheetXml('<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" s="1"><v>45808</v></c></row>', '<mergeCells><mergeCell ref="A1:C1"/></mergeCells>') },
      { name: 'Ẩn', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), state: 'veryHidden' },
    ],
    sharedStrings: sstXml(['<r><t>Mã </t></r><r><t>trường</t></r>']),
    styles: stylesXml({ 164: 'dd/mm/yyyy' }, [0, 164]),
    ...extra,
  });
  const expected: RawWorkbook = {
    sheets: [
      { name: 'Thông tin chung', hidden: false, rows: [undefined as never, [undefined, { t: 's', v: 'Mã trường' }, { t: 'd', v: '2025-05-31' }]], merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }] },
      { name: 'Ẩn', hidden: true, rows: [[{ t: 'n', v: 1 }]], merges: [] },
    ],
  };

  it.each([
    ['plain transitional', {}],
    ['x:-prefixed elements (.NET OpenXML SDK)', { prefix: 'x' }],
    ['Strict OOXML namespaces and relationship types', { strict: true }],
    ['Strict and prefixed', { strict: true, prefix: 'ns0' }],
    ['absolute relationship targets', { absoluteTargets: true }],
    ['workbook part elsewhere, found through _rels/.rels', { workbookPath: 'spreadsheet/book.xml' }],
  ] as [string, Partial<PackageSpec>][])('%s', (_, extra) => {
    const wb = readXlsx(xlsxPackage(richSpec(extra)), 'dialect.xlsx');
    expect(wb).toEqual(expected);
  });

  it('relationship targets resolve ../ and match part names case-insensitively', () => {
    const bytes = xlsxPackage({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      parts: {
        'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/./Worksheets/Sheet1.XML"/></Relationships>',
      },
    });
    expect(readXlsx(bytes, 'x').sheets[0]!.rows).toEqual([[{ t: 'n', v: 1 }]]);
  });

  it('chartsheets and dialog sheets are skipped; worksheets keep their order', () => {
    const wb = readXlsx(xlsxPackage({
      sheets: [
        { name: 'Biểu đồ', xml: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><drawing/></chartsheet>', type: 'chartsheet' },
        { name: 'A', xml: sheetXml('') },
        { name: 'Hộp thoại', xml: '<dialogsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', type: 'dialogsheet' },
        { name: 'B', xml: sheetXml('') },
      ],
    }), 'x');
    expect(wb.sheets.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('a workbook without sharedStrings or styles parts reads (openpyxl, minimal writers)', () => {
    expect(one({ xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }).rows).toEqual([[{ t: 'n', v: 1 }]]);
  });

  it('a UTF-16 part with a byte-order mark reads', () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Thiết bị</t></is></c></row>').replace('UTF-8', 'UTF-16');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff, utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    const s = one({ parts: { 'xl/worksheets/sheet1.xml': utf16 } });
    expect(s.rows).toEqual([[{ t: 's', v: 'Thiết bị' }]]);
  });

  it('extLst formulas (<xm:f>) outside sheetData do not mark cells', () => {
    const s = one({ xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<extLst><ext><x14:dataValidations><x14:dataValidation><x14:formula1><xm:f>DM!$A$1:$A$2</xm:f></x14:formula1></x14:dataValidation></x14:dataValidations></ext></extLst>') });
    expect(s.rows).toEqual([[{ t: 'n', v: 1 }]]);
  });

  it('two sheets pointing at one worksheet part are input.corrupt (each part is parsed once)', () => {
    const rel = (id: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`;
    const bytes = xlsxPackage({
      sheets: [{ name: 'A', xml: sheetXml('') }, { name: 'B', xml: sheetXml('') }],
      parts: { 'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1')}${rel('rId2')}</Relationships>` },
    });
    expect(code(() => readXlsx(bytes, 'x'))).toBe('input.corrupt');
  });

  it('a shared-string index out of range, or a missing sheet part, is input.corrupt', () => {
    const bad = () => one({ sharedStrings: sstXml(['<t>a</t>']), xml: sheetXml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') });
    expect(bad).toThrow(InputError);
    expect(code(bad)).toBe('input.corrupt');
    expect(code(() => one({ parts: { 'xl/worksheets/sheet1.xml': null } }))).toBe('input.corrupt');
  });

  it('text stays text: strToU8 round trip of Vietnamese in an inline string', () => {
    const s = one({ parts: { 'xl/worksheets/sheet1.xml': strToU8(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Đạt chuẩn</t></is></c></row>')) } });
    expect(at(s, 'A1')).toEqual({ t: 's', v: 'Đạt chuẩn' });
  });
});

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.finding.code;
    throw err;
  }
  return undefined;
}
