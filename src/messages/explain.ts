// Words of `audit --explain` / `audit inspect`: how the reader understood a workbook (src/render/explain.ts).
import { registerMessages } from './format.js';

registerMessages({
  'explain.title': { vi: 'Cách chương trình đọc tệp {file}', en: 'How {file} was read' },
  'explain.converted': {
    vi: 'Đã chuyển đổi: tệp {from} được LibreOffice chuyển sang .xlsx',
    en: 'Converted: the {from} file was converted to .xlsx by LibreOffice',
  },
  'explain.legacy_font': {
    vi: 'Đã chuyển đổi: chữ gõ bằng bảng mã cũ {encoding} được đổi sang Unicode ({texts} ô)',
    en: 'Converted: text typed in the old {encoding} encoding was turned into Unicode ({texts} cells)',
  },
  'explain.mapping_files': { vi: 'Tệp ánh xạ tên: {files}', en: 'Mapping files: {files}' },
  'explain.no_conversion': { vi: 'Không cần chuyển đổi (tệp .xlsx, chữ Unicode)', en: 'No conversion needed (.xlsx, Unicode text)' },

  'explain.sheets': { vi: 'Các trang tính trong tệp:', en: 'Sheets in the file:' },
  'explain.sheet_hidden': { vi: '(ẩn)', en: '(hidden)' },
  'explain.sheet_as_name': { vi: '→ {part} (tên "{name}" của mẫu)', en: '→ {part} (the form\'s name "{name}")' },
  'explain.sheet_as_mapping': { vi: '→ {part} (tên "{name}" trong tệp ánh xạ)', en: '→ {part} (the name "{name}" from the mapping file)' },
  'explain.sheet_as_content': {
    vi: '→ {part} (nhận ra theo nội dung, vì tên trang không phải tên của mẫu)',
    en: '→ {part} (recognised by its content: its name is not one the form uses)',
  },
  'explain.sheet_duplicate': { vi: '→ không đọc: trùng với trang "{other}"', en: '→ not read: the same part as sheet "{other}"' },
  'explain.sheet_unused': { vi: '→ không dùng', en: '→ not used' },

  'explain.part_missing': {
    vi: '{part} — không có trang nào: các tiêu chí cần trang này sẽ là "chưa khai báo"',
    en: '{part} — no sheet: criteria that need it will be "missing"',
  },
  'explain.part_sheet': { vi: '{part} — trang "{sheet}"', en: '{part} — sheet "{sheet}"' },
  'explain.label_columns': { vi: 'nhãn ở cột {columns}', en: 'labels in column {columns}' },
  'explain.label_row': { vi: 'nhãn ở dòng {row}, giá trị ở dòng dưới', en: 'labels in row {row}, values below them' },
  'explain.no_labels': { vi: 'không tìm thấy nhãn nào của mẫu', en: 'no label of the form found' },
  'explain.header_row': { vi: 'dòng tiêu đề {row}', en: 'header row {row}' },
  'explain.header_rows': { vi: 'dòng tiêu đề {row}–{next}', en: 'header rows {row}–{next}' },
  'explain.no_header': {
    vi: 'không tìm thấy dòng tiêu đề trong 15 dòng đầu (cần ít nhất hai cột của mẫu)',
    en: 'no header row in the first 15 rows (it needs at least two of the form\'s columns)',
  },
  'explain.form_bm10': {
    vi: 'đọc theo kiểu Biểu mẫu 10 (loại, mục đích, tình trạng nằm trong tên dòng)',
    en: 'read as Biểu mẫu 10 (type, purpose and condition in the row label)',
  },

  'explain.label': { vi: '{cell} "{text}" → {field}{how}, giá trị ở {value}', en: '{cell} "{text}" → {field}{how}, value in {value}' },
  'explain.labels_empty': {
    vi: 'Có nhãn nhưng ô giá trị trống (chưa khai báo): {labels}',
    en: 'Label found, value cell empty (not declared): {labels}',
  },
  'explain.column': { vi: '{cell} "{text}" → {field}{how}', en: '{cell} "{text}" → {field}{how}' },
  'explain.column_pair': { vi: '{cell} "{text}" → {field}{how}, đánh dấu ở cột Có / Không ({no})', en: '{cell} "{text}" → {field}{how}, ticked in a Có / Không pair ({no})' },
  'explain.column_stt': { vi: '{cell} "{text}" → số thứ tự', en: '{cell} "{text}" → row number' },
  'explain.column_ignored': { vi: '{cell} "{text}" → cột đã biết, không dùng', en: '{cell} "{text}" → a known column, not used' },
  'explain.column_duplicate': {
    vi: '{cell} "{text}" → {field}, nhưng cột này đã có ở trước nên không đọc',
    en: '{cell} "{text}" → {field}, but that column came earlier, so this one is not read',
  },
  'explain.column_unknown': { vi: '{cell} "{text}" → không khớp mục nào (không đọc)', en: '{cell} "{text}" → matches nothing (not read)' },
  'explain.how_mapping': { vi: ' (tệp ánh xạ)', en: ' (mapping file)' },
  'explain.how_prefix': { vi: ' (theo "{name}")', en: ' (as "{name}")' },
  'explain.how_prefix_mapping': { vi: ' (theo "{name}" trong tệp ánh xạ)', en: ' (as "{name}" from the mapping file)' },
  'explain.label_no_value': { vi: '(ô bên cạnh trống)', en: '(nothing beside it)' },
  'explain.unknown_labels': { vi: 'Không khớp mục nào (không đọc): {labels}', en: 'Matching nothing (not read): {labels}' },
  'explain.missing_required': { vi: 'Thiếu mục bắt buộc: {fields}', en: 'Required and not found: {fields}' },
  'explain.rows': { vi: '{count} dòng số liệu được đọc', en: '{count} data rows read' },
  'explain.issues': { vi: '{count} lỗi dữ liệu:', en: '{count} data issues:' },
  'explain.no_issues': { vi: 'Không có lỗi dữ liệu.', en: 'No data issues.' },
});
