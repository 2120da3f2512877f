// Sentences the command line itself says (bad options, files it cannot open or write, progress
// on stderr). Codes are `cli.*`; everything else is said by the module that found the problem.
import { registerMessages } from '../messages/format.js';

registerMessages({
  'cli.usage': {
    vi: 'sai cách dùng lệnh: {detail} — xem hướng dẫn: audit --help',
    en: 'wrong usage: {detail} — see: audit --help',
  },
  // commander's own errors, in the user's language (src/cli/main.ts commanderDetail)
  'cli.commander.unknown_option': { vi: 'không có tùy chọn {flag}', en: 'unknown option {flag}' },
  'cli.commander.unknown_command': { vi: 'không có lệnh "{name}"', en: 'unknown command "{name}"' },
  'cli.commander.did_you_mean': { vi: '{sentence} — ý bạn là `{suggestion}`?', en: '{sentence} — did you mean `{suggestion}`?' },
  'cli.commander.missing_argument': { vi: 'thiếu đối số <{name}>', en: 'missing argument <{name}>' },
  'cli.commander.option_missing_argument': { vi: 'tùy chọn {flags} cần một giá trị', en: 'option {flags} needs a value' },
  'cli.commander.excess_arguments': {
    vi: 'thừa đối số: lệnh nhận {expected}, được cho {got}',
    en: 'too many arguments: the command takes {expected}, got {got}',
  },
  'cli.no_files': {
    vi: 'chưa chỉ ra tệp kiểm kê nào — ví dụ: audit truong.xlsx --out bao-cao/',
    en: 'no inventory file given — for example: audit school.xlsx --out reports/',
  },
  'cli.bad_format': {
    vi: 'loại báo cáo "{value}" không có — dùng md, xlsx, json hoặc junit (cách nhau bằng dấu phẩy)',
    en: 'unknown report format "{value}" — use md, xlsx, json or junit (comma-separated)',
  },
  'cli.format_needs_out': {
    vi: '--format chọn loại báo cáo để ghi ra tệp — hãy cho thêm thư mục: --out <thư mục>',
    en: '--format chooses the report files to write — add the folder: --out <folder>',
  },
  'cli.bad_lang': {
    vi: '--lang chỉ nhận vi (tiếng Việt) hoặc en (tiếng Anh), không phải "{value}"',
    en: '--lang takes vi (Vietnamese) or en (English), not "{value}"',
  },
  'cli.bad_fail_under': {
    vi: '--fail-under cần một điểm từ 0 đến 100, không phải "{value}"',
    en: '--fail-under needs a score from 0 to 100, not "{value}"',
  },
  'cli.bad_as_of': {
    vi: '--as-of cần một ngày dạng yyyy-mm-dd (ví dụ 2025-05-31), không phải "{value}"',
    en: '--as-of needs a date as yyyy-mm-dd (e.g. 2025-05-31), not "{value}"',
  },
  'cli.file_not_found': {
    vi: 'không tìm thấy tệp — kiểm tra lại tên và thư mục',
    en: 'file not found — check the name and the folder',
  },
  'cli.is_directory': {
    vi: 'đây là một thư mục, không phải tệp — để chấm mọi tệp kiểm kê trong thư mục, dùng: audit batch "{file}"',
    en: 'this is a folder, not a file — to audit every workbook in it, use: audit batch "{file}"',
  },
  'cli.cannot_read': {
    vi: 'không mở được tệp ({reason}) — kiểm tra quyền đọc tệp',
    en: 'cannot open the file ({reason}) — check that it can be read',
  },
  'cli.output_is_input': {
    vi: '{file}: báo cáo sẽ ghi đè lên tệp đầu vào — hãy chọn thư mục --out khác',
    en: '{file}: the report would overwrite an input file — choose another --out folder',
  },
  'cli.cannot_write': {
    vi: 'không ghi được {file} ({reason}) — kiểm tra thư mục --out và quyền ghi',
    en: 'cannot write {file} ({reason}) — check the --out folder and its permissions',
  },
  'cli.converting': {
    vi: '{file}: đang chuyển sang .xlsx bằng LibreOffice…',
    en: '{file}: converting to .xlsx with LibreOffice…',
  },
  'cli.other_lang_reports': {
    vi: '{dir} đã có báo cáo tiếng Anh của {code} — báo cáo tiếng Việt được ghi thành {stem}.audit.*, không ghi đè lên báo cáo kia',
    en: '{dir} already holds the Vietnamese reports of {code} — the English ones are written as {stem}.audit.*, not over them',
  },
  'cli.wrote': { vi: 'Đã ghi {file}', en: 'Wrote {file}' },
  'cli.fail_under': {
    vi: '{school}: điểm {score} thấp hơn ngưỡng --fail-under {min}',
    en: '{school}: score {score} is below --fail-under {min}',
  },
  'cli.fail_under_no_score': {
    vi: '{school}: không tính được điểm, nên không đạt ngưỡng --fail-under {min}',
    en: '{school}: no score could be computed, so --fail-under {min} is not met',
  },
  'cli.rubric_chosen': {
    vi: '{file}: áp dụng bộ tiêu chí {rubric}',
    en: '{file}: applying rubric {rubric}',
  },
  'cli.lint_ok': { vi: '{file}: hợp lệ', en: '{file}: valid' },
  'cli.lint_problems': { vi: '{file}: {count} lỗi', en: '{file}: {count} problem(s)' },
  'cli.examples_summary': {
    vi: '{passed}/{total} ví dụ đúng như mong đợi',
    en: '{passed}/{total} examples as expected',
  },
});
