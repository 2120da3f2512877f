// The "Thông tin chung" rows of the label-folding workbooks (tests/reader/labels.test.ts): labels as schools
// write them (numbering, a trailing ':' '.' '*' '★', a final parenthesis, in any order), and two rows that
// name no field (one with a value, one empty). Shared by make-labels-exceljs.mjs and make_labels_openpyxl.py
// (which reads labels.json written from this list).
export const LABEL_ROWS = [
  ['1. Mã trường:', '083001204'],
  ['2) Tên trường *', 'Trường Tiểu học Nhãn Lạ'],
  ['3. Tỉnh/Thành phố (ghi đầy đủ):', 'Bến Tre'],
  ['4. Quận/Huyện.', 'Châu Thành'],
  ['★ Năm học', '2016-2017'],
  ['5. Cấp học (chọn trong danh sách) :*', 'Tiểu học'],
  ['6. Số học sinh tiểu học:', 480],
  ['18. Địa chỉ website (trang thông tin điện tử):', 'http://thnhanla.bentre.edu.vn'],
  ['19) Có mạng Wi-Fi phục vụ giáo viên (Có/Không).', 'Có'],
  ['Ghi chú riêng của trường:', 'Đang sửa phòng máy'],
  ['Người lập biểu (ký, ghi rõ họ tên)', null],
];
