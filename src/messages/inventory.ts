// What `audit` says about the data of a workbook (the DataIssue codes of src/inventory). The renderer puts
// the place first ("Thiết bị!D14: …"), so a message says what is wrong with the cell and what to do.
// Field and sheet names come as args in both languages ({field} / {field_en}, {sheet} / {sheet_en}).
import { registerMessages, type Catalogue } from './format.js';

export const INVENTORY_MESSAGES: Catalogue = {
  // ---------- sheets ----------
  'sheet.missing': {
    vi: 'không có trang "{sheet}" — các tiêu chí cần số liệu của trang này sẽ là "chưa khai báo"; hãy thêm trang (có thể tạo mẫu bằng lệnh audit template)',
    en: 'there is no "{sheet_en}" sheet — criteria that need its data will be "missing"; add the sheet (the form can be made with audit template)',
  },
  'sheet.duplicate': {
    vi: 'trang này trùng với trang "{used}" (cùng là trang "{sheet}") nên bị bỏ qua — hãy gộp số liệu vào một trang',
    en: 'this sheet repeats the sheet "{used}" (both are "{sheet_en}"), so it is ignored — put the data in one sheet',
  },
  'sheet.found_by_content': {
    vi: 'tên trang không phải "{sheet}" nhưng nội dung là trang "{sheet}" nên vẫn được đọc — nên đổi tên trang thành "{sheet}"',
    en: 'the sheet is not named "{sheet_en}" but holds its content, so it was read as that sheet — rename it "{sheet_en}"',
  },
  'sheet.no_header': {
    vi: 'không tìm thấy dòng tiêu đề của bảng "{sheet}" trong 15 dòng đầu — hãy đặt một dòng có các cột như {headers}',
    en: 'no header row of the "{sheet_en}" table in the first 15 rows — add a row with columns such as {headers}',
  },
  'sheet.empty': {
    vi: 'bảng "{sheet}" chưa có dòng số liệu nào — các tiêu chí cần bảng này sẽ là "chưa khai báo"',
    en: 'the "{sheet_en}" table has no data rows — criteria that need it will be "missing"',
  },

  // ---------- columns and labels ----------
  'columns.unknown': {
    vi: 'các cột không thuộc mẫu nên không được đọc: {columns} — nếu một cột là cột của mẫu, hãy đặt lại tên cột theo mẫu',
    en: 'columns that are not in the form, so not read: {columns} — if one of them is a form column, rename it as in the form',
  },
  'column.duplicate': {
    vi: 'cột "{field}" xuất hiện hai lần; chỉ cột đầu tiên được đọc — hãy xóa hoặc đổi tên cột thừa',
    en: 'the "{field_en}" column appears twice; only the first one is read — remove or rename the extra column',
  },
  'labels.unknown': {
    vi: 'các dòng không thuộc mẫu nên không được đọc: {labels} — nếu một dòng là chỉ tiêu của mẫu, hãy ghi lại tên chỉ tiêu theo mẫu',
    en: 'rows that are not in the form, so not read: {labels} — if one of them is a form item, write its label as in the form',
  },
  'field.missing_required': {
    vi: 'chưa khai báo "{field}" (bắt buộc) — hãy điền mục này',
    en: '"{field_en}" is not filled in (required) — fill it in',
  },
  'field.duplicate': {
    vi: '"{field}" được khai báo lần nữa với giá trị khác; giá trị ở ô {first} được dùng — hãy giữ một giá trị',
    en: '"{field_en}" is given again with another value; the one in cell {first} is used — keep one value',
  },
  'row.required_empty': {
    vi: 'dòng này chưa điền "{field}" — hãy điền, nếu không dòng này không được tính',
    en: 'this row has no "{field_en}" — fill it in, otherwise the row cannot be counted',
  },

  // ---------- values ----------
  'value.not_a_number': {
    vi: '"{value}" không phải là số — hãy ghi bằng chữ số, ví dụ 25',
    en: '"{value}" is not a number — write it in digits, e.g. 25',
  },
  'value.not_whole': {
    vi: '"{value}" không phải là số nguyên — số lượng phải là số nguyên, ví dụ 25',
    en: '"{value}" is not a whole number — a count must be a whole number, e.g. 25',
  },
  'value.negative': {
    vi: '"{value}" là số âm — số lượng phải từ 0 trở lên',
    en: '"{value}" is negative — a count must be 0 or more',
  },
  'value.decimal_dot': {
    vi: '"{value}" được đọc là {number} (dấu chấm được hiểu là dấu thập phân) — hãy kiểm tra; theo cách ghi Việt Nam, dấu thập phân là dấu phẩy (1,5)',
    en: '"{value}" was read as {number} (the dot taken as a decimal point) — check it; in Vietnamese notation the decimal mark is a comma (1,5)',
  },
  'value.number_with_unit': {
    vi: '"{value}" được đọc là {number} — hãy kiểm tra và chỉ ghi số trong ô này',
    en: '"{value}" was read as {number} — check it and write only the number in this cell',
  },
  'value.not_yes_no': {
    vi: '"{value}" không phải là Có/Không — hãy ghi "Có" hoặc "Không" (hoặc đánh dấu x)',
    en: '"{value}" is not yes/no — write "Có" or "Không" (or tick it with x)',
  },
  'value.read_as_yes': {
    vi: '"{value}" được hiểu là "Có" — hãy kiểm tra; nên ghi gọn "Có" hoặc "Không"',
    en: '"{value}" was read as yes — check it; better write just "Có" or "Không"',
  },
  'value.read_as_no': {
    vi: '"{value}" được hiểu là "Không" — hãy kiểm tra; nên ghi gọn "Có" hoặc "Không"',
    en: '"{value}" was read as no — check it; better write just "Có" or "Không"',
  },
  'value.yes_and_no': {
    vi: 'đánh dấu cả "Có" lẫn "Không" — hãy chỉ đánh dấu một cột',
    en: 'both "Có" (yes) and "Không" (no) are ticked — tick only one',
  },
  'value.not_a_date': {
    vi: '"{value}" không phải là ngày — hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/09/2024',
    en: '"{value}" is not a date — write it as day/month/year, e.g. 15/09/2024',
  },
  'value.not_a_year': {
    vi: '"{value}" không phải là năm — hãy ghi năm bằng 4 chữ số, ví dụ 2022',
    en: '"{value}" is not a year — write the year in 4 digits, e.g. 2022',
  },
  'value.not_school_year': {
    vi: '"{value}" không phải là năm học — hãy ghi theo dạng 2024-2025',
    en: '"{value}" is not a school year — write it as 2024-2025',
  },
  'value.formula_not_calculated': {
    vi: 'ô có công thức nhưng tệp không lưu kết quả (thường do tệp được tạo bằng chương trình khác) — hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại',
    en: 'the cell holds a formula but the file has no result for it (usually written by another program) — open the file in Excel or LibreOffice and save it',
  },
  'value.error_cell': {
    vi: 'ô có lỗi công thức {value} nên không dùng được — hãy sửa công thức hoặc ghi giá trị trực tiếp',
    en: 'the cell shows the formula error {value}, so it cannot be used — fix the formula or type the value',
  },
  'value.not_a_url': {
    vi: '"{value}" không giống địa chỉ website — hãy kiểm tra, ví dụ https://thcs-abc.edu.vn',
    en: '"{value}" does not look like a website address — check it, e.g. https://thcs-abc.edu.vn',
  },
  'value.not_an_email': {
    vi: '"{value}" không giống địa chỉ thư điện tử — hãy kiểm tra, ví dụ truong@edu.vn',
    en: '"{value}" does not look like an e-mail address — check it, e.g. school@edu.vn',
  },

  // ---------- vocabularies ----------
  'vocab.unknown': {
    vi: '"{value}" không có trong danh mục "{field}" — hãy chọn một trong: {allowed}',
    en: '"{value}" is not in the "{field_en}" list — choose one of: {allowed_en}',
  },
  'vocab.unknown_as_other': {
    vi: '"{value}" không có trong danh mục "{field}" nên được tính là "Khác" — nếu có mục phù hợp trong danh mục, hãy ghi theo danh mục',
    en: '"{value}" is not in the "{field_en}" list, so it counts as "Other" — if an item of the list fits, use it',
  },
  'vocab.unknown_ignored': {
    vi: '"{value}" không có trong danh mục "{field}" nên bị bỏ qua — hãy ghi theo danh mục',
    en: '"{value}" is not in the "{field_en}" list, so it is ignored — use the words of the list',
  },
  'vocab.several': {
    vi: '"{value}" ghi nhiều mục "{field}" trong một ô; chỉ "{used}" được tính — hãy tách thành nhiều dòng',
    en: '"{value}" gives several "{field_en}" values in one cell; only "{used_en}" is counted — split it into several rows',
  },
  'province.unknown': {
    vi: 'không nhận ra tỉnh/thành phố "{value}"; giữ nguyên như đã ghi — hãy ghi đúng tên tỉnh, ví dụ Bến Tre',
    en: 'the province "{value}" is not recognised and is kept as written — write the province name, e.g. Bến Tre',
  },

  // ---------- equipment ----------
  'equipment.purpose_empty': {
    vi: 'máy tính chưa ghi mục đích sử dụng nên không được tính vào các chỉ tiêu theo mục đích (quản lý, phòng máy, giáo viên…) — hãy ghi mục đích',
    en: 'a computer without a purpose, so it is not counted in the per-purpose figures (management, lab, teachers…) — write its purpose',
  },
  'equipment.purpose_mixed': {
    vi: '"{value}" không tách máy dạy học và máy học tập nên được tính là phòng máy — nếu có máy cho giáo viên, hãy ghi thành dòng riêng',
    en: '"{value}" does not tell teaching and learning computers apart, so they count as computer lab — put teachers\' computers on their own row',
  },
  'equipment.status_empty': {
    vi: 'chưa ghi tình trạng nên được tính là đang hoạt động tốt — hãy ghi tình trạng (Tốt, Cần sửa chữa, Hỏng)',
    en: 'no condition given, so the devices count as working — write the condition (Tốt, Cần sửa chữa, Hỏng)',
  },
  'equipment.status_absent': {
    vi: 'bảng không có cột "Tình trạng" nên các thiết bị được tính là đang hoạt động tốt — hãy thêm cột tình trạng',
    en: 'the table has no "Condition" column, so all devices count as working — add a condition column',
  },
  'equipment.rows_ignored': {
    vi: '{count} dòng không phải thiết bị CNTT được bỏ qua: {labels}',
    en: '{count} rows that are not IT devices were skipped: {labels}',
  },

  // ---------- cells ----------
  'cell.text_cut': {
    vi: 'ô có {length} ký tự, quá giới hạn {max} ký tự một ô của Excel, nên chỉ {max} ký tự đầu được đọc — hãy rút gọn nội dung ô',
    en: 'the cell holds {length} characters, over Excel\'s limit of {max} per cell, so only the first {max} were read — shorten its text',
  },
  'cell.text_cut_many': {
    vi: 'ô có {length} ký tự, quá giới hạn {max} ký tự một ô của Excel, nên chỉ {max} ký tự đầu được đọc; trang này có {count} ô như vậy — hãy rút gọn nội dung các ô đó',
    en: 'the cell holds {length} characters, over Excel\'s limit of {max} per cell, so only the first {max} were read; this sheet has {count} such cells — shorten their text',
  },

  // ---------- the whole file ----------
  'text.legacy_encoding': {
    vi: 'tệp được gõ bằng bảng mã cũ {encoding} (phông .VnTime, VNI-Times…) nên đã được đổi sang Unicode để đọc — nên chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) để tên trường, tên người hiển thị đúng ở mọi nơi',
    en: 'the file is typed in the old {encoding} Vietnamese encoding (.VnTime, VNI-Times fonts…), so it was converted to Unicode to be read — convert the file to Unicode (e.g. with Unikey\'s converter) so names show correctly everywhere',
  },
};

registerMessages(INVENTORY_MESSAGES);
