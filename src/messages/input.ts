// What `audit` says when a file cannot be read as an .xlsx workbook (codes thrown by src/inventory/sniff.ts,
// zip.ts and xlsx.ts). Each says what the file is and what to do. As in convert.ts, the file name is not
// repeated: the command line prefixes every input error with it (args.file holds it).
// `what` is a nested finding: `input.detected.*` (what the file looks like) or `input.limit.*` (which limit,
// with display values); the raw `limit`, `value`, `max`, `detected`, `reason`, `entry` args are data for JSON.
import { registerMessages } from './format.js';

registerMessages({
  'input.empty': {
    vi: 'tệp rỗng (0 byte) — có thể tệp chưa tải xuống hoặc sao chép xong; hãy lấy lại tệp .xlsx',
    en: 'the file is empty (0 bytes) — it may not have finished downloading or copying; get the .xlsx file again',
  },
  'input.xls_legacy': {
    vi: 'tệp .xls cũ (Excel 97-2003) — hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook)',
    en: 'an old .xls file (Excel 97-2003) — open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)',
  },
  'input.encrypted': {
    vi: 'tệp Excel có đặt mật khẩu mở tệp nên không đọc được — hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu) rồi lưu lại',
    en: 'the workbook is protected by a password to open, so it cannot be read — open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it',
  },
  'input.ods': {
    vi: 'tệp bảng tính OpenDocument (.ods) — hãy mở bằng LibreOffice hoặc Excel và lưu lại dưới dạng .xlsx (Excel 2007-365)',
    en: 'an OpenDocument spreadsheet (.ods) — open it in LibreOffice or Excel and save it as .xlsx (Excel 2007-365)',
  },
  'input.csv': {
    vi: 'tệp văn bản CSV, không phải sổ Excel nên không có đủ các trang của mẫu kiểm kê — hãy nhập số liệu vào mẫu .xlsx (tạo bằng lệnh: audit template -o mau-kiem-ke.xlsx) rồi chạy lại',
    en: 'a CSV text file, not an Excel workbook, so it cannot hold the sheets of the inventory form — enter the data in the .xlsx form (made with: audit template -o inventory.xlsx) and run again',
  },
  'input.not_spreadsheet': {
    vi: 'không phải sổ Excel .xlsx ({what}) — hãy chọn đúng tệp kiểm kê; nếu tệp mở được bằng Excel, hãy lưu lại dưới dạng .xlsx',
    en: 'not an Excel .xlsx workbook ({what}) — choose the inventory file; if the file opens in Excel, save it as .xlsx',
  },
  'input.corrupt': {
    vi: 'tệp .xlsx bị hỏng hoặc không đầy đủ (có thể tải xuống chưa xong) — hãy mở bằng Excel (Excel sẽ đề nghị sửa) rồi lưu lại, hoặc lấy lại tệp từ trường',
    en: 'the .xlsx file is damaged or incomplete (perhaps not fully downloaded) — open it in Excel (it will offer to repair it) and save it, or get the file from the school again',
  },
  'input.zip_bomb': {
    vi: 'tệp nén bất thường ({what}) nên bị từ chối để bảo vệ máy — một sổ kiểm kê bình thường không như vậy; hãy lấy lại tệp từ trường',
    en: 'an abnormal compressed file ({what}), refused to protect this computer — a normal inventory workbook is never like this; get the file from the school again',
  },
  'input.too_large': {
    vi: 'sổ quá lớn để kiểm tra ({what}) — hãy xóa các trang, dòng và cột thừa (kể cả ô chỉ có dấu cách) rồi lưu lại',
    en: 'the workbook is too large to audit ({what}) — delete the extra sheets, rows and columns (including cells holding only spaces) and save it',
  },
  'input.xml_dtd': {
    vi: 'tệp có khai báo DOCTYPE, điều mà Excel không bao giờ ghi — tệp có thể đã bị sửa để tấn công nên bị từ chối; hãy mở bằng Excel và lưu lại, hoặc lấy lại tệp từ trường',
    en: 'the file contains a DOCTYPE declaration, which Excel never writes — it may have been crafted as an attack and is refused; open it in Excel and save it again, or get the file from the school again',
  },

  // `what` of input.not_spreadsheet
  'input.detected.pdf': { vi: 'đây là tệp PDF', en: 'this is a PDF file' },
  'input.detected.html': { vi: 'đây là trang web HTML, thường do phần mềm xuất ra dưới đuôi .xls', en: 'this is an HTML page, often exported by software under an .xls name' },
  'input.detected.xml': { vi: 'đây là tệp XML, có thể là kiểu "XML Spreadsheet 2003"', en: 'this is an XML file, perhaps an "XML Spreadsheet 2003"' },
  'input.detected.text': { vi: 'đây là tệp văn bản', en: 'this is a text file' },
  'input.detected.binary': { vi: 'nội dung không phải bảng tính', en: 'its content is not a spreadsheet' },
  'input.detected.word': { vi: 'đây là tài liệu Word', en: 'this is a Word document' },
  'input.detected.powerpoint': { vi: 'đây là bản trình chiếu PowerPoint', en: 'this is a PowerPoint presentation' },
  'input.detected.opendocument': { vi: 'đây là tài liệu OpenDocument không phải bảng tính', en: 'this is an OpenDocument file that is not a spreadsheet' },
  'input.detected.zip': { vi: 'đây là tệp nén không chứa sổ Excel', en: 'this is a zip archive with no Excel workbook inside' },
  'input.detected.xlsb': { vi: 'đây là sổ Excel nhị phân .xlsb', en: 'this is a binary Excel workbook (.xlsb)' },

  // `what` of input.zip_bomb and input.too_large: which limit, with display values
  'input.limit.maxEntries': { vi: 'tệp nén có {value} mục, vượt giới hạn {max}', en: 'the archive has {value} entries, over the limit of {max}' },
  'input.limit.maxTotalUncompressed': {
    vi: 'dung lượng khai báo khi giải nén là {value} MB, vượt giới hạn {max} MB',
    en: 'it declares {value} MB once uncompressed, over the limit of {max} MB',
  },
  'input.limit.maxFileBytes': {
    vi: 'tệp nặng {value} MB, vượt giới hạn {max} MB',
    en: 'the file is {value} MB, over the limit of {max} MB',
  },
  'input.limit.maxRatio': {
    vi: 'một phần nén với tỉ lệ {value}:1, vượt giới hạn {max}:1',
    en: 'a part is compressed {value}:1, over the limit of {max}:1',
  },
  'input.limit.declaredSize': {
    vi: 'một phần giải nén ra nhiều hơn dung lượng đã khai báo ({max} byte)',
    en: 'a part inflates to more than its declared size ({max} bytes)',
  },
  'input.limit.overlappingEntries': {
    vi: 'nhiều mục trong tệp nén dùng chung một vùng dữ liệu',
    en: 'several entries of the archive share the same data',
  },
  'input.limit.maxSheets': { vi: 'sổ có {value} trang, vượt giới hạn {max} trang', en: 'the workbook has {value} sheets, over the limit of {max}' },
  'input.limit.maxRows': {
    vi: 'trang "{sheet}" có dữ liệu đến dòng {value}, vượt giới hạn {max} dòng',
    en: 'sheet "{sheet}" has data down to row {value}, over the limit of {max} rows',
  },
  'input.limit.maxCols': {
    vi: 'trang "{sheet}" có dữ liệu đến cột thứ {value}, vượt giới hạn {max} cột',
    en: 'sheet "{sheet}" has data up to column {value}, over the limit of {max} columns',
  },
  'input.limit.maxCells': { vi: 'sổ có hơn {max} ô dữ liệu', en: 'the workbook has more than {max} cells with data' },
  'input.limit.maxText': { vi: 'sổ chứa hơn {max} ký tự chữ', en: 'the workbook holds more than {max} characters of text' },
});
