// What `audit template` and `audit inspect` say, and the --help words of the options that read a
// district's own files (--mapping, --explain).
import { registerMessages, type Lang } from './format.js';

registerMessages({
  'cli.template.needs_out': {
    vi: 'hãy cho biết tên tệp mẫu cần ghi — ví dụ: audit template -o mau-kiem-ke.xlsx',
    en: 'say where to write the form — for example: audit template -o inventory-form.xlsx',
  },
  'cli.template.not_xlsx': {
    vi: 'tệp mẫu phải có đuôi .xlsx, không phải "{file}" — ví dụ: audit template -o mau-kiem-ke.xlsx',
    en: 'the form must be an .xlsx file, not "{file}" — for example: audit template -o inventory-form.xlsx',
  },
  'cli.template.exists': {
    vi: '{file} đã có — mẫu mới không ghi đè lên tệp có sẵn (có thể là tệp một trường đã điền); hãy chọn tên khác hoặc xóa tệp cũ',
    en: '{file} already exists — the new form never replaces a file (it may be one a school has filled in); choose another name or delete the old file',
  },
  'cli.template.wrote': {
    vi: 'Đã ghi mẫu kiểm kê {file}{rubric}',
    en: 'Wrote the inventory form {file}{rubric}',
  },
  'cli.template.for_rubric': { vi: ' (đánh dấu ★ các mục bộ tiêu chí {rubric} dùng)', en: ' (★ marks what rubric {rubric} uses)' },
});

const HELP = {
  mapping: {
    vi: 'tệp .yaml khai báo tên trang, tên cột, tên mục và giá trị riêng của huyện/sở (xem README); tệp audit-mapping.yaml trong thư mục của tệp kiểm kê cũng được dùng',
    en: "a .yaml file with the district's own sheet, column, label and value names (see README); an audit-mapping.yaml in the workbook's folder is used too",
  },
  explain: {
    vi: 'in cách chương trình đọc tệp: trang nào, dòng tiêu đề nào, cột nào thành mục nào, gì không khớp, chuyển đổi nào',
    en: 'print how the workbook was read: which sheet, which header row, which column became which field, what matched nothing, what was converted',
  },
  template: {
    vi: 'ghi một mẫu kiểm kê trống (.xlsx) để trường điền: danh sách chọn, hướng dẫn; với --rubric, đánh dấu ★ các mục bộ tiêu chí dùng',
    en: 'write a blank inventory workbook (.xlsx) for schools to fill in: dropdowns, instructions; with --rubric, ★ marks the fields it uses',
  },
  templateOut: { vi: 'tên tệp mẫu cần ghi (.xlsx)', en: 'the .xlsx file to write' },
  inspect: {
    vi: 'chỉ đọc tệp kiểm kê và in cách chương trình hiểu tệp cùng các lỗi dữ liệu (như --explain, không chấm điểm)',
    en: 'only read the workbooks and print how they were understood, with their data issues (like --explain, no audit)',
  },
  inspectFiles: { vi: 'các tệp kiểm kê (.xlsx, .xls, .ods)', en: 'the inventory workbooks (.xlsx, .xls, .ods)' },
  templateAfter: {
    vi: [
      'Cũng dùng được: -r, --rubric <mã|tệp.yaml> (đánh dấu ★ các mục bộ tiêu chí dùng), --lang <vi|en>, -q',
      'Ví dụ:          audit template --rubric ben-tre-2782 -o mau-kiem-ke.xlsx',
      'Không bao giờ ghi đè lên tệp đã có (mã trả về 2).',
    ].join('\n'),
    en: [
      'Also:     -r, --rubric <id|file.yaml> (★ marks the fields it uses), --lang <vi|en>, -q',
      'Example:  audit template --rubric ben-tre-2782 --lang en -o inventory-form.xlsx',
      'Never writes over an existing file (exit 2).',
    ].join('\n'),
  },
  inspectAfter: {
    vi: 'Cũng dùng được: --mapping <tệp.yaml>, --json, --lang <vi|en>\nVí dụ:          audit inspect truong.xlsx',
    en: 'Also:     --mapping <file.yaml>, --json, --lang <vi|en>\nExample:  audit inspect school.xlsx',
  },
} satisfies Record<string, Record<Lang, string>>;

export const commandHelp = (key: keyof typeof HELP, lang: Lang): string => HELP[key][lang];
