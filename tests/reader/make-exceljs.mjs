#!/usr/bin/env node
// Writes the exceljs-made test workbooks of the xlsx reader into tests/reader/files/:
//   exceljs-features.xlsx  every cell kind the reader must handle, as exceljs writes it
//   exceljs-1904.xlsx      the same dates in the 1904 date system
//   typical.xlsx           a typical school (4 sheets, 200 equipment rows, 60 teachers): the speed benchmark
// The expected values are asserted in src/inventory/xlsx.test.ts. Run: node tests/reader/make-exceljs.mjs
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'files');
const FIXED = new Date(Date.UTC(2024, 9, 1)); // fixed metadata: regenerating changes nothing a reader sees

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'audit tests';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

/** Dates and times are UTC here: exceljs turns a Date into a serial from its UTC value. */
const utc = (y, m, d, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

function features({ date1904 = false } = {}) {
  const wb = workbook();
  if (date1904) wb.properties.date1904 = true;

  const info = wb.addWorksheet('Thông tin chung');
  info.getCell('A1').value = 'KIỂM KÊ ỨNG DỤNG CNTT NĂM HỌC 2024-2025';
  info.mergeCells('A1:D1'); // merged banner
  info.getCell('A3').value = 'Mã trường';
  info.getCell('B3').value = '083001204'; // a number stored as text keeps its leading zero
  info.getCell('A4').value = 'Tên trường';
  info.getCell('B4').value = { richText: [{ text: 'Trường ', font: { bold: true } }, { text: 'THCS ', font: { italic: true } }, { text: 'An Đức' }] };
  info.getCell('A5').value = 'Website';
  info.getCell('B5').value = { text: 'thcsanduc.edu.vn', hyperlink: 'https://thcsanduc.edu.vn' };
  info.getCell('A6').value = 'Ngày lập báo cáo';
  info.getCell('B6').value = utc(2025, 5, 31);
  info.getCell('B6').numFmt = 'dd/mm/yyyy';
  info.getCell('A7').value = 'Ngày cập nhật website';
  info.getCell('B7').value = utc(2025, 3, 15, 8, 30, 0);
  info.getCell('B7').numFmt = 'dd/mm/yyyy hh:mm';
  info.getCell('A8').value = 'Ngày ban hành kế hoạch';
  info.getCell('B8').value = utc(2024, 9, 5); // exceljs' default date format (numFmtId 14)
  info.getCell('A9').value = 'Số lớp';
  info.getCell('B9').value = 24;
  info.getCell('A10').value = 'Băng thông Internet (Mbps)';
  info.getCell('B10').value = 150.5;
  info.getCell('B10').numFmt = '#,##0.0 "Mbps"'; // quoted text with letters: not a date
  info.getCell('A11').value = 'Có mạng Wi-Fi';
  info.getCell('B11').value = true;
  info.getCell('A12').value = 'Có mạng LAN';
  info.getCell('B12').value = false;
  info.getCell('A13').value = 'Số học sinh';
  info.getCell('B13').value = '1.250'; // Vietnamese thousands, stored as text
  info.getCell('A14').value = 'Lỗi';
  info.getCell('B14').value = { error: '#REF!' };

  const eq = wb.addWorksheet('Thiết bị');
  eq.addRow(['STT', 'Loại thiết bị', 'Số lượng']);
  eq.addRow([1, 'Máy tính để bàn', 20]);
  eq.addRow([2, 'Máy chiếu', 10]);
  eq.addRow([null, 'Tổng cộng', { formula: 'SUM(C2:C3)', result: 30 }]);
  eq.addRow([null, 'Ghi chú', { formula: 'IF(C4>0,"có thiết bị","không")', result: 'có thiết bị' }]);
  eq.addRow([null, 'Ngày kiểm kê', { formula: 'DATE(2025,5,31)', result: utc(2025, 5, 31) }]);
  eq.getCell('C6').numFmt = 'dd/mm/yyyy';

  const dm = wb.addWorksheet('DM', { state: 'hidden' });
  dm.addRow(['Có']);
  dm.addRow(['Không']);
  const secret = wb.addWorksheet('Cấu hình', { state: 'veryHidden' });
  secret.getCell('A1').value = 'phiên bản mẫu';
  return wb;
}

/** A typical school: ~60 info rows, 200 equipment rows, 20 programs, 60 teachers, styled like a real form. */
function typical() {
  const wb = workbook();
  const bold = { bold: true };
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const table = (ws, headers, rows) => {
    ws.addRow(['TRƯỜNG THCS AN ĐỨC']);
    ws.mergeCells(1, 1, 1, headers.length);
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.addRow([]);
    ws.addRow(headers).font = bold;
    for (const r of rows) ws.addRow(r).eachCell((c) => { c.border = border; });
  };

  const info = wb.addWorksheet('Thông tin chung');
  const infoRows = [];
  for (let i = 0; i < 60; i++) {
    const value = i % 5 === 0 ? utc(2024, 9, 1 + (i % 28)) : i % 3 === 0 ? 100 + i : i % 2 ? 'Có' : `Nội dung số ${i}`;
    infoRows.push([i + 1, `Chỉ tiêu thông tin chung thứ ${i + 1}`, value, i % 7 === 0 ? 'Ghi chú' : null]);
  }
  table(info, ['STT', 'Nội dung', 'Thông tin', 'Ghi chú'], infoRows);
  info.getColumn(3).numFmt = 'dd/mm/yyyy';

  const kinds = ['Máy tính để bàn', 'Máy tính xách tay', 'Máy in', 'Máy chiếu', 'Tivi thông minh', 'Bộ phát Wi-Fi'];
  const purposes = ['Phòng máy', 'Quản lý', 'Giáo viên', 'Lớp học', 'Thư viện'];
  const statuses = ['Tốt', 'Tốt', 'Tốt', 'Cần sửa chữa', 'Hỏng'];
  const groups = ['Toán - Tin', 'Ngữ văn', 'Khoa học tự nhiên', 'Ngoại ngữ', 'Văn phòng'];
  const eqRows = [];
  for (let i = 0; i < 200; i++) {
    eqRows.push([i + 1, kinds[i % kinds.length], purposes[i % purposes.length], 1 + (i % 25), statuses[i % statuses.length],
      groups[i % groups.length], 2015 + (i % 10), i % 9 === 0 ? `Mã tài sản TS-${1000 + i}` : null]);
  }
  table(wb.addWorksheet('Thiết bị'), ['STT', 'Loại thiết bị', 'Mục đích sử dụng', 'Số lượng', 'Tình trạng', 'Tổ chuyên môn', 'Năm đưa vào sử dụng', 'Ghi chú'], eqRows);

  const programs = ['vnEdu', 'SMAS', 'CSDL ngành', 'Microsoft Teams', 'Zoom', 'Kaspersky', 'MISA', 'Thư viện số', 'LMS', 'Office 365'];
  const swRows = [];
  for (let i = 0; i < 20; i++) swRows.push([i + 1, `${programs[i % 10]} ${i >= 10 ? 'mở rộng' : ''}`.trim(), 'Sổ điểm điện tử, Học bạ điện tử', 'Có', 'Có bản quyền', i % 2 ? 'Có' : 'Không', null]);
  table(wb.addWorksheet('Phần mềm'), ['STT', 'Tên phần mềm', 'Chức năng', 'Đang sử dụng', 'Bản quyền', 'Kết nối CSDL ngành', 'Ghi chú'], swRows);

  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi'];
  const given = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thị Hoa', 'Hữu Lộc', 'Ngọc Mai', 'Thanh Tùng', 'Thị Yến'];
  const tRows = [];
  for (let i = 0; i < 60; i++) tRows.push([i + 1, `${family[i % 8]} ${given[i % 9]}`, groups[i % 4], i % 6, i % 4 ? 'x' : null, i % 3 ? 'x' : null, 'x']);
  table(wb.addWorksheet('Giáo viên'), ['STT', 'Họ và tên', 'Tổ chuyên môn', 'Số bài giảng e-Learning', 'Đạt chuẩn kỹ năng sử dụng CNTT', 'Được bồi dưỡng CNTT trong năm', 'Sử dụng CNTT trong công tác, giảng dạy'], tRows);
  return wb;
}

await mkdir(OUT, { recursive: true });
for (const [name, wb] of [['exceljs-features.xlsx', features()], ['exceljs-1904.xlsx', features({ date1904: true })], ['typical.xlsx', typical()]]) {
  await wb.xlsx.writeFile(join(OUT, name));
  console.log(`wrote ${join(OUT, name)}`);
}
