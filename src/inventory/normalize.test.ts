import { describe, expect, it } from 'vitest';
import { normalizeWorkbook, parseDeviceLabel } from './normalize.js';
import { BASIC_INFO, infoSheet, sheet, workbook, type TestCell } from './test-workbook.js';
import type { DataIssue, Inventory, Val } from './types.js';

const EQ_HEAD = ['STT', 'Loại thiết bị', 'Mục đích sử dụng', 'Số lượng', 'Tình trạng'];
const SW_HEAD = ['STT', 'Tên phần mềm', 'Chức năng', 'Đang sử dụng', 'Bản quyền', 'Kết nối CSDL ngành'];
const TE_HEAD = ['STT', 'Họ và tên', 'Tổ chuyên môn', 'Số bài giảng e-Learning', 'Đạt chuẩn kỹ năng sử dụng CNTT'];

/** A full workbook with the given tables (others get one plain row so that they exist). */
function wb(parts: { info?: [string, TestCell][]; eq?: TestCell[][]; sw?: TestCell[][]; te?: TestCell[][] } = {}) {
  return workbook(
    infoSheet(parts.info ?? BASIC_INFO),
    sheet('Thiết bị', parts.eq ?? [EQ_HEAD, [1, 'Máy in', 'Quản lý', 1, 'Tốt']]),
    sheet('Phần mềm', parts.sw ?? [SW_HEAD, [1, 'vnEdu', 'Sổ điểm điện tử', 'Có', 'Có bản quyền', 'Có']]),
    sheet('Giáo viên', parts.te ?? [TE_HEAD, [1, 'Nguyễn Văn A', 'Toán', 1, 'Có']]),
  );
}
const v = <T>(x: Val<T> | undefined): T | 'BAD' | undefined => (x === undefined ? undefined : x.ok ? x.value : 'BAD');
const codes = (inv: Inventory): string[] => inv.issues.map((i) => i.code);
const issue = (inv: Inventory, code: string): DataIssue | undefined => inv.issues.find((i) => i.code === code);

describe('Thông tin chung', () => {
  it('reads labels (found like a header) and the value to their right, with refs', () => {
    const inv = normalizeWorkbook(workbook(sheet('THONG TIN CHUNG', [
      ['UBND HUYỆN BA TRI'], ['BÁO CÁO KIỂM KÊ CNTT'], [],
      [null, 'Noi dung', 'Gia tri', 'Ghi chu'],
      ['1.', 'Ma truong:', '083001204'], ['2.', 'TEN TRUONG', 'THCS An Đức'], ['3.', 'Tinh', 'tỉnh Bến Tre'],
      ['4.', 'Huyen', 'Ba Tri'], ['5.', 'Nam hoc', '2024/2025'], ['6.', 'Cap hoc', 'THCS'], [],
      ['7.', 'So hoc sinh THCS', '1.250', 'theo CSDL ngành ngày 30/9'],
    ], { merges: ['A1:D1', 'A2:D2'] })));
    expect(inv.info.school_code).toEqual({ ok: true, value: '083001204', ref: { sheet: 'THONG TIN CHUNG', cell: 'C5' } });
    expect(v(inv.info.province)).toBe('Bến Tre');
    expect(v(inv.info.school_year)).toBe('2024-2025');
    expect(v(inv.info.levels)).toEqual(['thcs']);
    expect(v(inv.info.students_thcs)).toBe(1250);
    expect(inv.info.students_thcs?.ref?.cell).toBe('C12');
    expect(inv.issues.filter((i) => i.sheet === 'THONG TIN CHUNG')).toEqual([]);
  });

  it('skips the empty merged cells of a label to find its value', () => {
    const inv = normalizeWorkbook(workbook(sheet('Thông tin chung', [
      ['Mã trường', null, null, '83000715'], ['Tên trường', null, null, 'THPT A'],
    ], { merges: ['A1:C1', 'A2:C2'] })));
    expect(inv.info.school_code).toEqual({ ok: true, value: '83000715', ref: { sheet: 'Thông tin chung', cell: 'D1' } });
    expect(v(inv.info.school_name)).toBe('THPT A');
  });

  it('keeps text as written: numbers of a text field as shown, NFD as NFC', () => {
    const inv = normalizeWorkbook(wb({ info: [...BASIC_INFO.slice(1), ['Mã trường', 83000715], ['Lãnh đạo phụ trách CNTT (họ tên)', 'Lê Văn Hiếu'.normalize('NFD')]] }));
    expect(v(inv.info.school_code)).toBe('83000715');
    expect(v(inv.info.it_leader)).toBe('Lê Văn Hiếu'.normalize('NFC'));
  });

  it('reads "Label: value" written in one cell', () => {
    const inv = normalizeWorkbook(workbook(sheet('Thông tin chung', [['Năm học: 2024 - 2025'], ['Mã trường', '1'], ['Tên trường', 'X']])));
    expect(inv.info.school_year).toEqual({ ok: true, value: '2024-2025', ref: { sheet: 'Thông tin chung', cell: 'A1' } });
  });

  it('a missing required label is a warning with no cell; an empty value points at its cell', () => {
    const inv = normalizeWorkbook(workbook(infoSheet([['Mã trường', '1'], ['Tên trường', null], ['Số lớp', 3]], 'Thong tin')));
    expect(inv.info.school_name).toBeUndefined();
    expect(inv.issues).toContainEqual({ severity: 'warning', sheet: 'Thong tin', cell: 'C3', code: 'field.missing_required', args: { field: 'Tên trường', field_en: 'School name' } });
    expect(inv.issues).toContainEqual({ severity: 'warning', sheet: 'Thông tin chung', cell: null, code: 'field.missing_required', args: { field: 'Tỉnh/Thành phố', field_en: 'Province' } });
  });

  it('lists unknown labels that have a value, in one warning', () => {
    const inv = normalizeWorkbook(wb({ info: [...BASIC_INFO, ['Số máy chủ ảo', 3], ['Diện tích phòng máy', '60 m2'], ['II. HẠ TẦNG', null]] }));
    const w = issue(inv, 'labels.unknown');
    expect(w).toEqual({ severity: 'warning', sheet: 'Thông tin chung', cell: 'B8', code: 'labels.unknown', args: { labels: '"Số máy chủ ảo", "Diện tích phòng máy"' } });
  });

  it('an unknown province is kept as written, with a warning', () => {
    const inv = normalizeWorkbook(wb({ info: [['Tỉnh/Thành phố', 'Tỉnh Atlantis'], ...BASIC_INFO.slice(0, 2), ...BASIC_INFO.slice(3)] }));
    expect(v(inv.info.province)).toBe('Tỉnh Atlantis');
    expect(issue(inv, 'province.unknown')).toMatchObject({ severity: 'warning', cell: 'C2', args: { value: 'Tỉnh Atlantis' } });
  });

  it('a bad value is unusable (error at the cell) and the other fields stand', () => {
    const inv = normalizeWorkbook(wb({ info: [...BASIC_INFO, ['Số học sinh THPT', 'hai trăm'], ['Số lớp', 12], ['Có mạng nội bộ (LAN)', 'Tốt']] }));
    expect(inv.info.students_thpt).toEqual({ ok: false, ref: { sheet: 'Thông tin chung', cell: 'C8' } });
    expect(issue(inv, 'value.not_a_number')).toEqual({ severity: 'error', sheet: 'Thông tin chung', cell: 'C8', code: 'value.not_a_number', args: { value: 'hai trăm' } });
    expect(v(inv.info.classes)).toBe(12);
    expect(v(inv.info.lan)).toBe('BAD');
  });

  it('empty is not "no": an empty yes/no label is not declared', () => {
    const inv = normalizeWorkbook(wb({ info: [...BASIC_INFO, ['Có mạng nội bộ (LAN)', null], ['Có mạng Wi-Fi phục vụ giáo viên', 'x']] }));
    expect(inv.info.lan).toBeUndefined();
    expect(v(inv.info.wifi)).toBe(true);
  });

  it('a label given twice with another value: the first is used, with a warning', () => {
    const inv = normalizeWorkbook(wb({ info: [...BASIC_INFO, ['Số lớp', 12], ['Số lớp', 13]] }));
    expect(v(inv.info.classes)).toBe(12);
    expect(issue(inv, 'field.duplicate')).toMatchObject({ cell: 'C9', args: { first: 'C8' } });
  });

  it('reads Có | Không answer columns', () => {
    const inv = normalizeWorkbook(workbook(sheet('Thông tin chung', [
      ['Nội dung', 'Có', 'Không'], ['Mã trường', '1'], ['Có mạng nội bộ (LAN)', null, 'x'], ['Có mạng Wi-Fi phục vụ giáo viên', 'x', null],
      ['Phòng máy tính có mạng LAN', null, null],
    ])));
    expect(inv.info.lan).toEqual({ ok: true, value: false, ref: { sheet: 'Thông tin chung', cell: 'C3' } });
    expect(v(inv.info.wifi)).toBe(true);
    expect(inv.info.labs_lan).toBeUndefined();
  });

  it('reads dates, serials and yes/no words of every producer', () => {
    const inv = normalizeWorkbook(wb({ info: [...BASIC_INFO, ['Ngày lập báo cáo', '25/10/2024'], ['Ngày cập nhật website gần nhất', { d: '2024-10-12' }],
      ['Ngày ban hành kế hoạch ứng dụng CNTT', 45550], ['Kế hoạch ứng dụng CNTT năm học', 'Đã'], ['Phòng máy tính được kết nối Internet', 'Rồi'],
      ['Có mạng nội bộ (LAN)', true]] }));
    expect([v(inv.info.audit_date), v(inv.info.website_updated), v(inv.info.it_plan_date)]).toEqual(['2024-10-25', '2024-10-12', '2024-09-15']);
    expect([v(inv.info.it_plan), v(inv.info.labs_internet), v(inv.info.lan)]).toEqual([true, true, true]);
  });
});

describe('sheets', () => {
  it('a missing sheet is a warning and its data is not declared', () => {
    const inv = normalizeWorkbook(workbook(infoSheet(BASIC_INFO)));
    expect(inv.equipment).toBeUndefined();
    expect(inv.issues).toContainEqual({ severity: 'warning', sheet: 'Thiết bị', cell: null, code: 'sheet.missing', args: { sheet: 'Thiết bị', sheet_en: 'Equipment' } });
    expect(codes(inv).filter((c) => c === 'sheet.missing')).toHaveLength(3);
  });

  it('hidden sheets are read', () => {
    const raw = wb();
    raw.sheets[2]!.hidden = true;
    expect(normalizeWorkbook(raw).software).toHaveLength(1);
  });

  it('a sheet named otherwise is recognised by its content, with a warning', () => {
    const inv = normalizeWorkbook(workbook(infoSheet(BASIC_INFO), sheet('Sheet1', [['STT', 'Loại thiết bị', 'Số lượng', 'Tình trạng'], [1, 'Máy in', 2, 'Tốt']])));
    expect(inv.equipment).toHaveLength(1);
    expect(issue(inv, 'sheet.found_by_content')).toMatchObject({ sheet: 'Sheet1', cell: null, args: { sheet: 'Thiết bị' } });
  });

  it('a second sheet of the same kind is ignored with a warning', () => {
    const raw = wb();
    raw.sheets.push(sheet('Thiết bị (2)', [EQ_HEAD, [1, 'Máy in', 'Quản lý', 5, 'Tốt']]));
    const inv = normalizeWorkbook(raw);
    expect(v(inv.equipment![0]!.quantity)).toBe(1);
    expect(issue(inv, 'sheet.duplicate')).toMatchObject({ sheet: 'Thiết bị (2)', args: { used: 'Thiết bị' } });
  });

  it('a table without a header row is not declared, with a warning', () => {
    const inv = normalizeWorkbook(wb({ eq: [['Danh sách'], ['Máy in', 2]] }));
    expect(inv.equipment).toBeUndefined();
    expect(issue(inv, 'sheet.no_header')).toMatchObject({ sheet: 'Thiết bị', cell: null });
  });

  it('a table with no rows is not declared (empty is not "none"); rows numbered in advance are empty', () => {
    const inv = normalizeWorkbook(wb({ te: [TE_HEAD, [], [null, null, null], [1], [2, null, ''], [3]] }));
    expect(inv.teachers).toBeUndefined();
    expect(issue(inv, 'sheet.empty')).toMatchObject({ sheet: 'Giáo viên' });
  });
});

describe('Thiết bị', () => {
  it('reads rows in any column order under title rows, every value with its cell', () => {
    const inv = normalizeWorkbook(wb({ eq: [
      ['BẢNG KIỂM KÊ THIẾT BỊ'], [],
      ['STT', 'SO LUONG', 'Loai thiet bi', 'Tinh trang', 'Muc dich su dung', 'To bo mon', 'Nam mua'],
      [1, '25 máy', 'May tinh de ban', 'Tot', 'Phong Tin hoc', 'Phòng máy 1', 2021],
    ] }));
    expect(inv.equipment).toEqual([{
      ref: { sheet: 'Thiết bị', cell: 'A4' },
      kind: { ok: true, value: 'may_tinh_de_ban', ref: { sheet: 'Thiết bị', cell: 'C4' } },
      quantity: { ok: true, value: 25, ref: { sheet: 'Thiết bị', cell: 'B4' } },
      status: { ok: true, value: 'hoat_dong', ref: { sheet: 'Thiết bị', cell: 'D4' } },
      purpose: { ok: true, value: 'phong_may', ref: { sheet: 'Thiết bị', cell: 'E4' } },
      group: { ok: true, value: 'Phòng máy 1', ref: { sheet: 'Thiết bị', cell: 'F4' } },
      year: { ok: true, value: 2021, ref: { sheet: 'Thiết bị', cell: 'G4' } },
    }]);
    expect(inv.issues).toEqual([{ severity: 'warning', sheet: 'Thiết bị', cell: 'B4', code: 'value.number_with_unit', args: { value: '25 máy', number: 25 } }]);
  });

  it('skips blank rows (they end nothing), totals rows and example rows', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD,
      ['Ví dụ', 'Máy tính để bàn', 'Phòng máy', 20, 'Tốt'], ['VD', 'Máy in', 'Quản lý', 1, 'Tốt'],
      [1, 'Máy in', 'Quản lý', 2, 'Tốt'], [], [], [2, 'Webcam', 'Quản lý', 1, 'Tốt'],
      [null, 'Tổng cộng', null, { f: 3 }, null], [null, 'CỘNG', null, 3],
      [3, 'Máy chiếu', 'Lớp học', 4, 'Tốt'],
    ] }));
    expect(inv.equipment!.map((r) => v(r.kind))).toEqual(['may_in', 'webcam', 'may_chieu']);
    expect(inv.issues).toEqual([]);
  });

  it('a bad value only affects what uses it: the row stays', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy in', 'Quản lý', 'hai', 'Tốt'], [2, 'Máy tính', 'Quản lý', 1.5, 'Tốt'], [3, 'Webcam', 'Quản lý', { e: '#REF!' }, 'Tốt']] }));
    const [a, b, c] = inv.equipment!;
    expect(a!.quantity).toEqual({ ok: false, ref: { sheet: 'Thiết bị', cell: 'D2' } });
    expect(v(a!.kind)).toBe('may_in');
    expect(v(b!.quantity)).toBe('BAD');
    expect(v(c!.quantity)).toBe('BAD');
    expect(inv.issues.map((i) => [i.severity, i.cell, i.code])).toEqual([
      ['error', 'D2', 'value.not_a_number'], ['error', 'D3', 'value.not_whole'], ['error', 'D4', 'value.error_cell'],
    ]);
  });

  it('uses the cached value of formula cells', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy in', 'Quản lý', { f: 7 }, 'Tốt']] }));
    expect(v(inv.equipment![0]!.quantity)).toBe(7);
  });

  it('empty status → working with a warning; no status column → one warning', () => {
    let inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy in', 'Quản lý', 2, null]] }));
    expect(inv.equipment![0]!.status).toEqual({ ok: true, value: 'hoat_dong', ref: { sheet: 'Thiết bị', cell: 'E2' } });
    expect(inv.issues).toEqual([{ severity: 'warning', sheet: 'Thiết bị', cell: 'E2', code: 'equipment.status_empty', args: {} }]);
    inv = normalizeWorkbook(wb({ eq: [['Loại thiết bị', 'Mục đích sử dụng', 'Số lượng'], ['Máy in', 'Quản lý', 2], ['Webcam', 'Quản lý', 1]] }));
    expect(inv.equipment!.map((r) => v(r.status))).toEqual(['hoat_dong', 'hoat_dong']);
    expect(codes(inv)).toEqual(['equipment.status_absent']);
  });

  it('empty purpose: a computer stays undeclared with a warning, other kinds are khac', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy tính để bàn', null, 10, 'Tốt'], [2, 'Máy in', null, 2, 'Tốt']] }));
    expect(inv.equipment![0]!.purpose).toBeUndefined();
    expect(inv.equipment![1]!.purpose).toEqual({ ok: true, value: 'khac', ref: { sheet: 'Thiết bị', cell: 'C3' } });
    expect(inv.issues).toEqual([{ severity: 'warning', sheet: 'Thiết bị', cell: 'C2', code: 'equipment.purpose_empty', args: {} }]);
  });

  it('"Giảng dạy, học tập" counts as phong_may with a warning', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy tính', 'Giảng dạy, học tập', 30, 'Tốt']] }));
    expect(v(inv.equipment![0]!.purpose)).toBe('phong_may');
    expect(issue(inv, 'equipment.purpose_mixed')).toMatchObject({ cell: 'C2' });
  });

  it('a kind not recognised is khac with a warning; unknown columns are listed once', () => {
    const inv = normalizeWorkbook(wb({ eq: [[...EQ_HEAD, 'Nguồn kinh phí', 'Model'], [1, 'Loa kéo', 'Khác', 2, 'Tốt', 'XHH', 'JBL']] }));
    expect(v(inv.equipment![0]!.kind)).toBe('khac');
    expect(issue(inv, 'vocab.unknown_as_other')).toMatchObject({ cell: 'B2', args: { value: 'Loa kéo', field: 'Loại thiết bị' } });
    expect(issue(inv, 'columns.unknown')).toMatchObject({ cell: 'F1', args: { columns: '"Nguồn kinh phí", "Model"' } });
  });

  it('an unknown status is unusable', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy in', 'Quản lý', 2, 'Hơi chậm']] }));
    expect(v(inv.equipment![0]!.status)).toBe('BAD');
    expect(issue(inv, 'vocab.unknown')).toMatchObject({ severity: 'error', cell: 'E2' });
  });

  it('a value merged down several rows applies to each row', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy tính để bàn', 'Phòng máy', 20, 'Tốt'], [2, 'Máy tính để bàn', null, 5, 'Hỏng']], }));
    expect(inv.equipment![1]!.purpose).toBeUndefined();
    const raw = wb({ eq: [EQ_HEAD, [1, 'Máy tính để bàn', 'Phòng máy', 20, 'Tốt'], [2, 'Máy tính để bàn', null, 5, 'Hỏng']] });
    raw.sheets[1]!.merges.push({ r1: 1, c1: 2, r2: 2, c2: 2 });
    const merged = normalizeWorkbook(raw);
    expect(merged.equipment![1]!.purpose).toEqual({ ok: true, value: 'phong_may', ref: { sheet: 'Thiết bị', cell: 'C2' } });
  });

  it('skips a row of column numbers, section headings and the signature block', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['I', 'Khối văn phòng'], [1, 'Máy in', 'Quản lý', 2, 'Tốt'],
      ['A. Khối lớp học', null, null, null, null], [2, 'Máy chiếu', 'Lớp học', 3, 'Tốt'],
      [], [null, null, 'Bến Tre, ngày 25 tháng 10 năm 2024'], [null, null, 'HIỆU TRƯỞNG'], [], [null, null, 'Nguyễn Văn B'],
    ] }));
    expect(inv.equipment!.map((r) => v(r.kind))).toEqual(['may_in', 'may_chieu']);
    expect(inv.issues).toEqual([]);
  });

  it('a required cell left empty in a row is a warning at the cell', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy in', 'Quản lý', null, 'Tốt']] }));
    expect(inv.equipment![0]!.quantity).toBeUndefined();
    expect(issue(inv, 'row.required_empty')).toMatchObject({ cell: 'D2', args: { field: 'Số lượng' } });
  });

  it('a missing required column is a warning with the canonical sheet name and no cell', () => {
    const raw = wb({ eq: [['STT', 'Loại thiết bị', 'Tình trạng'], [1, 'Máy in', 'Tốt']] });
    raw.sheets[1]!.name = 'THIET BI';
    const inv = normalizeWorkbook(raw);
    expect(issue(inv, 'field.missing_required')).toMatchObject({ sheet: 'Thiết bị', cell: null, args: { field: 'Số lượng' } });
  });
});

describe('Biểu mẫu 10 (công khai cơ sở vật chất)', () => {
  it('parses compound labels', () => {
    expect(parseDeviceLabel('Tổng số máy vi tính đang sử dụng phục vụ học tập (Đơn vị tính: bộ)'))
      .toEqual({ kind: 'may_tinh_de_ban', total: true, working: true, purpose: 'hoc tap' });
    expect(parseDeviceLabel('Máy vi tính phục vụ công tác quản lý, điều hành'))
      .toEqual({ kind: 'may_tinh_de_ban', total: false, working: false, purpose: 'cong tac quan ly dieu hanh' });
    expect(parseDeviceLabel('Số máy tính xách tay dùng cho giáo viên')).toEqual({ kind: 'may_tinh_xach_tay', total: false, working: false, purpose: 'giao vien' });
    expect(parseDeviceLabel('Máy in')).toEqual({ kind: 'may_in', total: false, working: false });
    expect(parseDeviceLabel('Số phòng học').kind).toBeUndefined();
  });

  it('reads the vertical STT | Nội dung | Số lượng | Bình quân table', () => {
    const inv = normalizeWorkbook(wb({ eq: [
      ['Biểu mẫu 10'], ['THÔNG BÁO Công khai thông tin cơ sở vật chất'],
      ['STT', 'Nội dung', 'Số lượng', 'Bình quân'],
      ['I', 'Số phòng học', 24, 'Số m2/học sinh'],
      ['VII', 'Tổng số máy vi tính đang sử dụng phục vụ học tập (Đơn vị tính: bộ)', 26, '26/bộ'],
      ['', 'Máy vi tính phục vụ công tác quản lý, điều hành', '03', null],
      ['VIII', 'Tổng số thiết bị đang sử dụng', null, 'Số thiết bị/lớp'],
      [1, 'Ti vi', 5, '5/13'], [2, 'Máy in', 2, null], [3, 'Cát xét', 1, null], [4, 'Webcam', 1, null],
    ] }));
    const rows = inv.equipment!.map((r) => [v(r.kind), v(r.purpose), v(r.quantity), v(r.status)]);
    expect(rows).toEqual([
      ['may_tinh_de_ban', 'phong_may', 26, 'hoat_dong'],
      ['may_tinh_de_ban', 'quan_ly', 3, 'hoat_dong'],
      ['man_hinh_tuong_tac', 'khac', 5, 'hoat_dong'],
      ['may_in', 'khac', 2, 'hoat_dong'],
      ['webcam', 'khac', 1, 'hoat_dong'],
    ]);
    expect(inv.equipment![0]!.purpose?.ref?.cell).toBe('B5');
    expect(codes(inv).sort()).toEqual(['equipment.rows_ignored', 'equipment.status_absent']);
    expect(issue(inv, 'equipment.rows_ignored')!.args.labels).toBe('"Số phòng học", "Tổng số thiết bị đang sử dụng", "Cát xét"');
  });

  it('a "Tổng số" row is skipped when rows below break it down', () => {
    const inv = normalizeWorkbook(wb({ eq: [
      ['STT', 'Nội dung', 'Số lượng', 'ĐVT'],
      ['VII', 'Tổng số máy vi tính', 30, 'bộ'],
      [null, '- Phục vụ học tập', 26, 'bộ'],
      [null, '- Phục vụ công tác quản lý', 4, 'bộ'],
      ['VIII', 'Tổng số máy in', 2, 'cái'],
    ] }));
    expect(inv.equipment!.map((r) => [v(r.kind), v(r.purpose), v(r.quantity)])).toEqual([
      ['may_tinh_de_ban', 'phong_may', 26], ['may_tinh_de_ban', 'quan_ly', 4], ['may_in', 'khac', 2],
    ]);
    expect(codes(inv)).toEqual(['equipment.status_absent']);
  });
});

describe('Phần mềm', () => {
  it('reads functions (several per cell), in_use (empty → yes), license and the tick-box CSDL column', () => {
    const inv = normalizeWorkbook(wb({ sw: [SW_HEAD,
      [1, 'vnEdu', 'Quản lý trường học, Sổ điểm điện tử', null, 'Có bản quyền', 'x'],
      [2, 'Sổ liên lạc SMS', 'Sổ liên lạc điện tử', 'Không', 'Không bản quyền', null],
    ] }));
    const [a, b] = inv.software!;
    expect(v(a!.functions)).toEqual(['quan_ly_truong_hoc', 'so_diem_dien_tu']);
    expect(a!.in_use).toEqual({ ok: true, value: true, ref: { sheet: 'Phần mềm', cell: 'D2' } });
    expect([v(b!.in_use), v(b!.license), v(a!.csdl_connected), v(b!.csdl_connected)]).toEqual([false, 'khong', true, false]);
    expect(inv.issues).toEqual([]);
  });

  it('without an in_use column every system is in use; an empty CSDL column is not declared', () => {
    const inv = normalizeWorkbook(wb({ sw: [['Tên phần mềm', 'Chức năng', 'Kết nối CSDL ngành'], ['SMAS', 'Sổ điểm điện tử', null]] }));
    expect(inv.software![0]!.in_use).toEqual({ ok: true, value: true });
    expect(inv.software![0]!.csdl_connected).toBeUndefined();
  });
});

describe('Giáo viên', () => {
  it('a totals row is skipped; a teacher named Tống is not a total', () => {
    const inv = normalizeWorkbook(wb({ te: [TE_HEAD,
      [1, 'Phan Thanh Sơn', 'Toán', 2, 'x'], [null, 'Tống Thị Lệ', 'Ngữ văn', 1, 'x'], [null, 'Cộng', null, { f: 3 }, null],
      [null, 'Tổng số: 2 giáo viên'],
    ] }));
    expect(inv.teachers).toHaveLength(2);
    expect(inv.teachers![1]!.ref).toEqual({ sheet: 'Giáo viên', cell: 'A3' });
  });

  it('tick-box habit: in a filled column empty is no; an entirely empty column is not declared', () => {
    const inv = normalizeWorkbook(wb({ te: [[...TE_HEAD, 'Được bồi dưỡng CNTT trong năm'],
      [1, 'A', 'Toán', 2, 'x', null], [2, 'B', 'Toán', null, null, null], [3, 'C', 'Văn', 0, 'X', null],
    ] }));
    const t = inv.teachers!;
    expect(t.map((r) => v(r.it_standard))).toEqual([true, false, true]);
    expect(t[1]!.it_standard).toEqual({ ok: true, value: false, ref: { sheet: 'Giáo viên', cell: 'E3' } });
    expect(t.map((r) => r.it_trained)).toEqual([undefined, undefined, undefined]);
    expect(t.map((r) => r.uses_it)).toEqual([undefined, undefined, undefined]);
    expect(t.map((r) => v(r.elearning_lessons))).toEqual([2, 0, 0]);
  });

  it('an entirely empty e-learning column is not declared', () => {
    const inv = normalizeWorkbook(wb({ te: [TE_HEAD, [1, 'A', 'Toán', null, 'x'], [2, 'B', 'Toán', null, 'x']] }));
    expect(inv.teachers!.map((r) => r.elearning_lessons)).toEqual([undefined, undefined]);
  });

  it('reads Có | Không pairs under a merged header', () => {
    const raw = wb({ te: [
      ['STT', 'Họ và tên', 'Tổ', 'Đạt chuẩn kỹ năng sử dụng CNTT', null],
      [null, null, null, 'Có', 'Không'],
      [1, 'A', 'Toán', 'x', null], [2, 'B', 'Toán', null, 'x'], [3, 'C', 'Văn', null, null], [4, 'D', 'Văn', 'x', 'x'],
    ] });
    raw.sheets[3]!.merges.push({ r1: 0, c1: 3, r2: 0, c2: 4 });
    const inv = normalizeWorkbook(raw);
    expect(inv.teachers!.map((r) => v(r.it_standard))).toEqual([true, false, false, 'BAD']);
    expect(inv.teachers![1]!.it_standard!.ref).toEqual({ sheet: 'Giáo viên', cell: 'E4' });
    expect(issue(inv, 'value.yes_and_no')).toMatchObject({ severity: 'error', cell: 'D6' });
  });

  it('a "Tổ …" heading row gives the group of the rows under it', () => {
    const raw = wb({ te: [['STT', 'Họ và tên', 'Chứng chỉ CNTT'], ['Tổ Toán - Tin', null, null], [1, 'A', 'x'], [2, 'B', 'x'], ['Tổ Ngữ văn'], [3, 'C', 'x']] });
    const inv = normalizeWorkbook(raw);
    expect(inv.teachers!.map((r) => v(r.group))).toEqual(['Tổ Toán - Tin', 'Tổ Toán - Tin', 'Tổ Ngữ văn']);
    expect(inv.teachers![0]!.group!.ref).toEqual({ sheet: 'Giáo viên', cell: 'A2' });
  });

  it('never keeps names', () => {
    const inv = normalizeWorkbook(wb());
    expect(JSON.stringify(inv.teachers)).not.toContain('Nguyễn Văn A');
  });
});

describe('other layouts', () => {
  it('info exported as one header row: each value is below its label', () => {
    const inv = normalizeWorkbook(workbook(sheet('Thông tin chung', [
      ['Mã trường', 'Tên trường', 'Tỉnh', 'Huyện', 'Năm học', 'Cấp học', 'Số lớp'],
      ['83000715', 'THPT A', 'Bến Tre', 'Giồng Trôm', '2024-2025', 'THPT', null],
    ])));
    expect(inv.info.school_code).toEqual({ ok: true, value: '83000715', ref: { sheet: 'Thông tin chung', cell: 'A2' } });
    expect([v(inv.info.province), v(inv.info.levels)]).toEqual(['Bến Tre', ['thpt']]);
    expect(inv.info.classes).toBeUndefined();
    expect(inv.issues.filter((i) => i.sheet === 'Thông tin chung')).toEqual([]);
  });

  it('a header printed again further down is not a row', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy in', 'Quản lý', 2, 'Tốt'], EQ_HEAD, [2, 'Webcam', 'Quản lý', 1, 'Tốt']] }));
    expect(inv.equipment!.map((r) => v(r.kind))).toEqual(['may_in', 'webcam']);
    expect(inv.issues).toEqual([]);
  });

  it('a purpose written as the subject group counts for teachers', () => {
    const inv = normalizeWorkbook(wb({ eq: [EQ_HEAD, [1, 'Máy tính xách tay', 'Tổ Toán', 1, 'Tốt']] }));
    expect(v(inv.equipment![0]!.purpose)).toBe('giao_vien');
  });
});

describe('other names can be plugged in', () => {
  it('column, label and sheet maps built with extra names', async () => {
    const { buildColumnMatcher, buildLabelMatcher, buildSheetMatcher } = await import('./match.js');
    const { SHEETS, INFO_FIELDS } = await import('./fields.js');
    const raw = workbook(
      sheet('Tổng hợp', [['Mã số trường', '83000715'], ['Tên trường', 'THPT A']]),
      sheet('Kiểm kê máy', [['Chủng loại', 'SL'], ['Máy in', 2]]),
    );
    const inv = normalizeWorkbook(raw, {
      sheets: buildSheetMatcher(SHEETS, { info: ['Tổng hợp'], equipment: ['Kiểm kê máy'] }),
      labels: buildLabelMatcher(INFO_FIELDS, { school_code: ['Mã số trường'] }),
      columns: { equipment: buildColumnMatcher(SHEETS.find((s) => s.key === 'equipment')!, { kind: ['Chủng loại'] }) },
    });
    expect(v(inv.info.school_code)).toBe('83000715');
    expect(v(inv.equipment![0]!.kind)).toBe('may_in');
    expect(codes(inv)).not.toContain('sheet.found_by_content');
  });
});
