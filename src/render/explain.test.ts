import { describe, expect, it } from 'vitest';
import { normalizeExplained } from '../inventory/normalize.js';
import { BASIC_INFO, infoSheet, sheet, workbook } from '../inventory/test-workbook.js';
import { renderExplain } from './explain.js';

const raw = workbook(
  infoSheet([...BASIC_INFO, ['Số máy chủ ảo', 3], ['Có mạng Wi-Fi phục vụ giáo viên', null]]),
  sheet('Sheet1', [
    ['DANH MỤC THIẾT BỊ'],
    ['STT', 'Loại thiết bị', 'Số lượng', 'Model', 'Số lượng máy', 'Tình trạng thiết bị'],
    [null, null, null, null, null, null, null],
    [1, 'Máy in', 2, 'Canon', 2, 'Tốt'],
  ]),
  sheet('Phần mềm', [['Ghi chép']], { hidden: true }),
  sheet('Giáo viên', [['Họ và tên', 'Tổ'], ['A', 'Toán']]),
  sheet('GIAO VIEN', []),
  sheet('Ghi chú\u001b[2J', []),
);

describe('renderExplain', () => {
  const { inventory, explain } = normalizeExplained(raw);

  it('says, in Vietnamese, which sheet is which, the header row, each column and label, and what is missing', () => {
    const text = renderExplain(explain, { lang: 'vi', color: false, file: 'truong.xlsx' });
    expect(text).toContain('Cách chương trình đọc tệp truong.xlsx');
    expect(text).toContain('Không cần chuyển đổi');
    expect(text).toContain('"Thông tin chung" → Thông tin chung (tên "Thông tin chung" của mẫu)');
    expect(text).toContain('"Sheet1" → Thiết bị (nhận ra theo nội dung');
    expect(text).toContain('"Phần mềm" (ẩn) → Phần mềm');
    expect(text).toContain('Thông tin chung — trang "Thông tin chung", nhãn ở cột B');
    expect(text).toContain('B2 "Mã trường" → Mã trường [school_code], giá trị ở C2');
    expect(text).toMatch(/Có nhãn nhưng ô giá trị trống \(chưa khai báo\): B9 Có mạng Wi-Fi phục vụ giáo viên \[wifi\]/);
    expect(text).toContain('Không khớp mục nào (không đọc): B8 "Số máy chủ ảo"');
    expect(text).toContain('Thiết bị — trang "Sheet1", dòng tiêu đề 2');
    expect(text).toContain('A2 "STT" → số thứ tự');
    expect(text).toContain('C2 "Số lượng" → Số lượng [quantity]\n');
    expect(text).toContain('D2 "Model" → không khớp mục nào (không đọc)');
    expect(text).toContain('E2 "Số lượng máy" → Số lượng [quantity], nhưng cột này đã có ở trước nên không đọc');
    expect(text).toContain('F2 "Tình trạng thiết bị" → Tình trạng [status] (theo "Tình trạng")');
    expect(text).toContain('1 dòng số liệu được đọc');
    expect(text).toContain('Phần mềm — trang "Phần mềm", không tìm thấy dòng tiêu đề trong 15 dòng đầu');
    expect(text).toContain('Thiếu mục bắt buộc: Tên phần mềm [name], Chức năng [function]');
    expect(text).toContain('"GIAO VIEN" → không đọc: trùng với trang "Giáo viên"');
    expect(text).toContain('Giáo viên — trang "Giáo viên", dòng tiêu đề 1');
    // A sheet named with a terminal escape sequence cannot rewrite the terminal.
    expect(text).not.toContain('\u001b');
    expect(text).toContain('"Ghi chú\uFFFD[2J" → không dùng');
  });

  it('in English, with the data issues when asked, coloured only when asked', () => {
    const text = renderExplain(explain, { lang: 'en', color: false, file: 'school.xlsx', issues: inventory.issues });
    expect(text).toContain('How school.xlsx was read');
    expect(text).toContain('"Sheet1" → Equipment (recognised by its content');
    expect(text).toContain('F2 "Tình trạng thiết bị" → Condition [status] (as "Tình trạng")');
    expect(text).toContain('Teachers — sheet "Giáo viên", header row 1');
    expect(text).toMatch(/\d+ data issues:\n {2}Warning Thông tin chung!B8: rows that are not in the form/);
    expect(text).not.toMatch(/\u001b\[/);
    expect(renderExplain(explain, { lang: 'en', color: true, file: 'school.xlsx' })).toMatch(/\u001b\[1m/);
  });
});
