// What `audit` says when an .xls or .ods file has to be converted to .xlsx by LibreOffice.
// Args: file, ext ('.xls' / '.ods'), command (the exact command to convert by hand), detail (a nested
// finding), seconds.
// The file name is not repeated here: the command line prefixes every input error with it.
import { registerMessages } from './format.js';

export const CONVERT_MESSAGES = {
  'input.needs_libreoffice': {
    vi: 'tệp {ext} cần chuyển sang .xlsx nhưng máy này chưa cài LibreOffice — hãy mở tệp bằng Excel hoặc LibreOffice, chọn "Lưu thành" (Save As) kiểu "Excel Workbook (*.xlsx)" rồi chạy lại; hoặc cài LibreOffice (https://www.libreoffice.org) và chuyển bằng lệnh: {command}',
    en: 'this {ext} file must be converted to .xlsx but LibreOffice is not installed — open it in Excel or LibreOffice, "Save As" type "Excel Workbook (*.xlsx)" and run again; or install LibreOffice (https://www.libreoffice.org) and convert it with: {command}',
  },
  'input.convert_failed': {
    vi: 'LibreOffice không chuyển được tệp {ext} sang .xlsx ({detail}) — tệp có thể bị hỏng hoặc có mật khẩu; hãy mở tệp bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi chạy lại, hoặc thử tự chuyển bằng lệnh: {command}',
    en: 'LibreOffice could not convert this {ext} file to .xlsx ({detail}) — the file may be damaged or password-protected; open it in Excel or LibreOffice, save it as .xlsx and run again, or try converting it yourself with: {command}',
  },
  'input.convert_timeout': {
    vi: 'LibreOffice chuyển tệp {ext} sang .xlsx quá {seconds} giây nên đã bị dừng — hãy mở tệp bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi chạy lại, hoặc tự chuyển bằng lệnh: {command}',
    en: 'converting this {ext} file to .xlsx took LibreOffice more than {seconds} seconds, so it was stopped — open it in Excel or LibreOffice, save it as .xlsx and run again, or convert it yourself with: {command}',
  },
  // `detail` of input.convert_failed
  'input.convert_detail.exit_code': { vi: 'LibreOffice dừng với mã lỗi {status}', en: 'LibreOffice exited with code {status}' },
  'input.convert_detail.no_output': { vi: 'LibreOffice không tạo ra tệp .xlsx', en: 'LibreOffice wrote no .xlsx file' },
  'input.convert_detail.message': { vi: 'LibreOffice báo: {text}', en: 'LibreOffice said: {text}' },
  'input.convert_detail.start_failed': { vi: 'không chạy được {program}: {reason}', en: 'cannot run {program}: {reason}' },
} as const;

registerMessages(CONVERT_MESSAGES);
