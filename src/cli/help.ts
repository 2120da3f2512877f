// The words of `--help`, in the language the user asked for (`--lang en`; Vietnamese by default).
import type { Lang } from '../messages/format.js';

const HELP = {
  description: {
    vi: 'Kiểm tra bảng kiểm kê CNTT của trường (tệp .xlsx) theo văn bản chỉ đạo của Sở/Phòng GD&ĐT và ghi báo cáo có chấm điểm.',
    en: "Checks a school's IT inventory workbook (.xlsx) against the directives of its Sở/Phòng GD&ĐT and writes scored reports.",
  },
  files: { vi: 'tệp kiểm kê của trường (một hoặc nhiều tệp .xlsx)', en: "the schools' inventory workbooks (one or more .xlsx files)" },
  rubric: {
    vi: 'bộ tiêu chí áp dụng: mã (vd. ben-tre-2782, ben-tre-2782@1) hoặc tệp .yaml; mặc định chọn theo tỉnh, huyện và năm học trong tệp',
    en: "rubric to apply: an id (e.g. ben-tre-2782, ben-tre-2782@1) or a .yaml file; by default chosen from the workbook's province, district and school year",
  },
  out: { vi: 'ghi báo cáo vào thư mục này (tự tạo nếu chưa có)', en: 'write reports into this folder (created if absent)' },
  format: {
    vi: 'loại báo cáo, cách nhau bằng dấu phẩy: md, xlsx, json, junit (mặc định khi có --out: md,xlsx,json)',
    en: 'report formats, comma-separated: md, xlsx, json, junit (default with --out: md,xlsx,json)',
  },
  lang: { vi: 'ngôn ngữ của báo cáo và thông báo: vi hoặc en', en: 'language of reports and messages: vi or en' },
  waivers: { vi: 'tệp .yaml các trường hợp miễn trừ đã được chấp thuận', en: 'a .yaml file of approved exceptions (waivers)' },
  failUnder: {
    vi: 'trả mã 1 khi điểm của trường thấp hơn ngưỡng này (0–100), ngoài quy tắc đạt của bộ tiêu chí',
    en: "exit 1 when a school's score is below this (0–100), in addition to the rubric's own pass rule",
  },
  json: {
    vi: 'in kết quả dạng JSON thay cho bảng (một đối tượng cho một tệp, một mảng cho nhiều tệp)',
    en: 'print the result as JSON instead of the table (one object for one file, an array for several)',
  },
  asOf: {
    vi: 'ngày dùng để xét thời hạn và hạn miễn trừ (yyyy-mm-dd); mặc định: ngày lập báo cáo trong tệp',
    en: 'the date deadlines and waivers are judged against (yyyy-mm-dd); default: the report date in the workbook',
  },
  quiet: { vi: 'ít thông báo hơn', en: 'fewer messages' },
  verbose: { vi: 'nhiều thông báo hơn (kể cả chi tiết lỗi nội bộ)', en: 'more messages (including internal error details)' },
  noColor: { vi: 'không tô màu', en: 'no colours' },
  all: {
    vi: 'in mọi tiêu chí (mặc định chỉ in các tiêu chí chưa đạt, các tiêu chí đạt gộp thành một dòng)',
    en: 'print every criterion (by default only those not met; the ones met are folded into one line)',
  },
  version: { vi: 'in số phiên bản', en: 'print the version' },
  help: { vi: 'in hướng dẫn này', en: 'print this help' },
  helpCommand: { vi: 'in hướng dẫn của một lệnh', en: 'print the help of a command' },
  exitCodes: {
    vi: [
      'Mã trả về: 0 mọi trường đạt · 1 có trường chưa đạt (hoặc dưới --fail-under) ·',
      '           2 sai cách dùng hoặc lỗi bộ tiêu chí · 3 không đọc được tệp kiểm kê',
      'Ví dụ:     audit truong.xlsx --out bao-cao/',
      '           audit rubric list',
    ].join('\n'),
    en: [
      'Exit codes: 0 every school passes · 1 a school fails (or is below --fail-under) ·',
      '            2 wrong usage or rubric error · 3 an inventory file cannot be read',
      'Examples:   audit school.xlsx --out reports/',
      '            audit rubric list',
    ].join('\n'),
  },
  rubricCmd: { vi: 'xem, kiểm tra và thử các bộ tiêu chí', en: 'list, show, check and test rubrics' },
  rubricList: {
    vi: 'các bộ tiêu chí có sẵn: mã, phiên bản, cơ quan ban hành, số và ngày văn bản, năm học, số tiêu chí',
    en: 'the built-in rubrics: id, version, issuer, document number and date, school years, criteria count',
  },
  rubricShow: {
    vi: 'các tiêu chí của một bộ tiêu chí (mục, mức độ, trọng số, nội dung kiểm tra)',
    en: "one rubric's criteria (clause, severity, weight, what is checked)",
  },
  rubricShowArg: { vi: 'mã bộ tiêu chí, có thể kèm @phiên bản, hoặc tệp .yaml', en: 'rubric id, optionally @version, or a .yaml file' },
  rubricLint: {
    vi: 'kiểm tra tệp bộ tiêu chí .yaml; in mọi lỗi dạng tệp:dòng:cột',
    en: 'check rubric .yaml files; prints every problem as file:line:col',
  },
  rubricLintArg: { vi: 'các tệp .yaml', en: 'the .yaml files' },
  rubricSchema: {
    vi: 'in JSON Schema của định dạng bộ tiêu chí (cho trình soạn thảo)',
    en: 'print the JSON Schema of the rubric format (for editors)',
  },
  rubricTest: {
    vi: 'chạy các ví dụ kèm theo bộ tiêu chí (mặc định: mọi bộ tiêu chí có sẵn)',
    en: 'run the examples a rubric carries (default: every built-in rubric)',
  },
  rubricTestArg: { vi: 'mã bộ tiêu chí hoặc tệp .yaml', en: 'rubric id or .yaml file' },
} satisfies Record<string, Record<Lang, string>>;

export type HelpKey = keyof typeof HELP;
export const helpText = (key: HelpKey, lang: Lang): string => HELP[key][lang];
