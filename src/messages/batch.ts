// What `audit batch` says, in vi and en: its usage errors, the labels of the district summary
// (Markdown, Excel, terminal, JUnit), the flags, the progress bar and its --help.
import { format, registerMessages, type Lang } from './format.js';
import type { FindingArg } from '../engine/types.js';

registerMessages({
  // usage errors (exit 2)
  'batch.bad_shard': {
    vi: '--shard cần dạng i/n với 1 ≤ i ≤ n (ví dụ --shard 2/4), không phải "{value}"',
    en: '--shard takes i/n with 1 ≤ i ≤ n (e.g. --shard 2/4), not "{value}"',
  },
  'batch.bad_timeout': {
    vi: '--timeout cần một số giây nguyên dương, không phải "{value}"',
    en: '--timeout takes a positive whole number of seconds, not "{value}"',
  },
  'batch.timeout': {
    vi: 'đọc và chấm tệp này quá {seconds} giây nên đã dừng — hãy mở tệp, xóa các trang, dòng, cột thừa rồi lưu lại',
    en: 'reading and scoring this file took over {seconds} seconds, so it was stopped — open it, delete the extra sheets, rows and columns, and save it',
  },
  'batch.bad_jobs': {
    vi: '--jobs cần một số nguyên dương (số luồng chạy song song), không phải "{value}"',
    en: '--jobs takes a positive whole number (parallel workers), not "{value}"',
  },
  'batch.no_paths': {
    vi: 'chưa chỉ ra thư mục hay tệp nào — ví dụ: audit batch ho-so/ --out tong-hop/',
    en: 'no folder or file given — for example: audit batch inventories/ --out summary/',
  },
  'batch.path_not_found': {
    vi: '{path}: không tìm thấy thư mục hay tệp này — kiểm tra lại đường dẫn',
    en: '{path}: no such folder or file — check the path',
  },
  'batch.no_files': {
    vi: 'không tìm thấy tệp bảng tính (.xlsx, .xls, .ods) nào trong {paths} (bỏ qua tệp ẩn và tệp khóa ~$ của Excel)',
    en: 'no spreadsheet (.xlsx, .xls, .ods) found in {paths} (hidden files and Excel ~$ lock files are skipped)',
  },
  'batch.needs_out': {
    vi: '--format chọn báo cáo từng trường để ghi ra tệp — hãy cho thêm thư mục: --out <thư mục>',
    en: '--format chooses the per-school report files — add the folder: --out <folder>',
  },
  'batch.merge_with_shard': {
    vi: '--merge gộp các tệp summary.json đã có; không dùng cùng --shard',
    en: '--merge combines existing summary.json files; it cannot be used with --shard',
  },
  'batch.merge_nothing': {
    vi: '--merge cần các tệp summary.json của từng phần (ví dụ: audit batch --merge phan-*/summary.json --out tong-hop/)',
    en: '--merge needs the summary.json of every shard (e.g. audit batch --merge shard-*/summary.json --out summary/)',
  },
  'batch.not_a_summary': {
    vi: '{file}: không phải tệp tổng hợp audit-batch/v1 (summary.json do audit batch ghi ra)',
    en: '{file}: not an audit-batch/v1 summary (the summary.json that audit batch writes)',
  },
  'batch.merge_not_shard': {
    vi: 'chỉ gộp được các tệp tổng hợp của từng phần (chạy với --shard i/n); một tệp đã là tổng hợp đầy đủ',
    en: 'only shard summaries (runs with --shard i/n) can be merged; one of the files is already a whole summary',
  },
  'batch.merge_mismatch': {
    vi: 'các tệp tổng hợp không cùng một lần chạy (khác nhau ở: {what}) — hãy chạy mọi phần với cùng tùy chọn, cùng phiên bản công cụ',
    en: 'the summaries are not from the same run (they differ in: {what}) — run every shard with the same options and tool version',
  },
  'batch.merge_incomplete': {
    vi: 'cần đủ {count} phần, mỗi phần một lần; đã cho {given} tệp, còn thiếu phần: {missing}',
    en: 'all {count} shards are needed, each once; {given} file(s) given, missing shard(s): {missing}',
  },
  'batch.duplicate_file': {
    vi: '{file} xuất hiện hai lần — mỗi tệp chỉ được chấm một lần (kiểm tra các thư mục đã cho, hoặc các phần khi gộp)',
    en: '{file} appears twice — each file is scored once (check the folders given, or the shards being merged)',
  },
  'batch.rubric_conflict': {
    vi: 'bộ tiêu chí {rubric} có hai nội dung khác nhau giữa các phần — hãy chạy mọi phần với cùng bộ tiêu chí',
    en: 'rubric {rubric} differs between the shards — run every shard with the same rubric',
  },
  'batch.cannot_read_summary': {
    vi: '{file}: không đọc được tệp tổng hợp ({reason})',
    en: '{file}: cannot read the summary ({reason})',
  },
  'batch.internal': {
    vi: 'lỗi nội bộ khi chấm tệp này: {detail}',
    en: 'internal error while scoring this file: {detail}',
  },

  // stderr
  'batch.found': { vi: 'Tìm thấy {count} tệp bảng tính; chấm {taken} tệp{shard} với {jobs} luồng', en: 'Found {count} spreadsheet(s); scoring {taken}{shard} on {jobs} worker(s)' },
  'batch.found_shard': { vi: ' (phần {index}/{count})', en: ' (shard {index}/{count})' },
  'batch.progress': {
    vi: '{bar} {value}/{total} tệp | không đạt: {failed} | lỗi đọc: {errors} | còn khoảng {eta_formatted}',
    en: '{bar} {value}/{total} files | failing: {failed} | unreadable: {errors} | ETA {eta_formatted}',
  },
  'batch.file_error': { vi: '{file}: {message}', en: '{file}: {message}' },
  'batch.wrote_dir': { vi: 'Đã ghi tổng hợp và báo cáo từng trường vào {dir}', en: 'Wrote the summary and per-school reports to {dir}' },
  'batch.step_summary_cut': {
    vi: '_Bảng xếp hạng đầy đủ quá dài cho trang tóm tắt của GitHub; xem summary.md hoặc summary.xlsx._',
    en: '_The full ranking is too long for the GitHub step summary; see summary.md or summary.xlsx._',
  },
});

/** Labels of the summary reports. */
export const BATCH_LABELS = {
  'title': { vi: 'Tổng hợp đánh giá ứng dụng CNTT', en: 'IT application audit: summary' },
  'title.rubric': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'heading.totals': { vi: 'Tổng quan', en: 'Overview' },
  'heading.district': { vi: 'Chỉ tiêu chung của địa bàn', en: 'District criteria' },
  'heading.ranking': { vi: 'Xếp hạng', en: 'Ranking' },
  'heading.rates': { vi: 'Tỷ lệ đạt theo tiêu chí', en: 'Pass rate by criterion' },
  'heading.errors': { vi: 'Tệp không chấm được', en: 'Files that could not be scored' },
  'heading.flags': { vi: 'Cần kiểm tra lại', en: 'To check' },
  'heading.rubrics': { vi: 'Bộ tiêu chí đã dùng', en: 'Rubrics used' },

  'totals.files': { vi: 'Số tệp', en: 'Files' },
  'totals.schools': { vi: 'Số trường đã chấm', en: 'Schools scored' },
  'totals.pass': { vi: 'Trường đạt', en: 'Schools passing' },
  'totals.fail': { vi: 'Trường không đạt', en: 'Schools failing' },
  'totals.errors': { vi: 'Tệp không chấm được', en: 'Files not scored' },
  'totals.below_fail_under': { vi: 'Trường dưới ngưỡng --fail-under {min}', en: 'Schools below --fail-under {min}' },
  'totals.district': { vi: 'Chỉ tiêu chung đạt / không đạt', en: 'District criteria passing / failing' },
  'totals.flags': { vi: 'Điểm cần kiểm tra', en: 'Points to check' },
  'totals.result': { vi: 'Kết luận', en: 'Outcome' },
  'result.ok': { vi: 'Mọi trường và chỉ tiêu chung đều đạt', en: 'Every school and district criterion passes' },
  'result.fail': { vi: 'Có trường hoặc chỉ tiêu chung chưa đạt', en: 'Some school or district criterion does not pass' },
  'result.errors': { vi: 'Có tệp không chấm được — xem danh sách tệp lỗi', en: 'Some files could not be scored — see the files not scored' },
  'field.generated_at': { vi: 'Thời điểm lập', en: 'Generated at' },
  'field.as_of': { vi: 'Ngày đánh giá', en: 'Assessed as of' },
  'as_of.per_school': { vi: 'theo từng hồ sơ', en: 'per workbook' },

  'col.rank': { vi: 'Hạng', en: 'Rank' },
  'col.code': { vi: 'Mã trường', en: 'School code' },
  'col.name': { vi: 'Tên trường', en: 'School name' },
  'col.district': { vi: 'Quận/Huyện', en: 'District' },
  'col.levels': { vi: 'Cấp học', en: 'Levels' },
  'col.score': { vi: 'Điểm', en: 'Score' },
  'col.band': { vi: 'Xếp loại', en: 'Level' },
  'col.status': { vi: 'Kết quả', en: 'Result' },
  'col.failing_required': { vi: 'Tiêu chí bắt buộc chưa đạt', en: 'Required criteria not met' },
  'col.file': { vi: 'Tệp', en: 'File' },
  'col.rubric': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'col.clause': { vi: 'Mục', en: 'Clause' },
  'col.id': { vi: 'Mã tiêu chí', en: 'Criterion id' },
  'col.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'col.severity': { vi: 'Mức độ', en: 'Severity' },
  'col.weight': { vi: 'Trọng số', en: 'Weight' },
  'col.passed': { vi: 'Đạt', en: 'Pass' },
  'col.failed': { vi: 'Không đạt', en: 'Fail' },
  'col.missing': { vi: 'Thiếu dữ liệu', en: 'Missing' },
  'col.not_applicable': { vi: 'Không áp dụng', en: 'N/A' },
  'col.waived': { vi: 'Miễn trừ', en: 'Waived' },
  'col.rate': { vi: 'Tỷ lệ đạt', en: 'Pass rate' },
  'col.schools_counted': { vi: 'Trường được tính', en: 'Schools counted' },
  'col.numerator': { vi: 'Số trường đạt', en: 'Schools meeting it' },
  'col.denominator': { vi: 'Số trường được tính', en: 'Schools counted' },
  'col.share': { vi: 'Tỷ lệ', en: 'Share' },
  'col.min': { vi: 'Chỉ tiêu', en: 'Target' },
  'col.error_code': { vi: 'Mã lỗi', en: 'Code' },
  'col.message': { vi: 'Mô tả', en: 'Description' },
  'col.flag': { vi: 'Vấn đề', en: 'Issue' },
  'col.version': { vi: 'Phiên bản', en: 'Version' },
  'col.document': { vi: 'Văn bản', en: 'Document' },
  'col.data_errors': { vi: 'Lỗi dữ liệu', en: 'Data errors' },

  'sheet.ranking': { vi: 'Xếp hạng', en: 'Ranking' },
  'sheet.rates': { vi: 'Tỷ lệ đạt', en: 'Pass rates' },
  'sheet.district': { vi: 'Chỉ tiêu chung', en: 'District criteria' },
  'sheet.errors': { vi: 'Tệp lỗi', en: 'Read errors' },
  'sheet.flags': { vi: 'Cần kiểm tra', en: 'To check' },

  'district.value': { vi: '{numerator}/{denominator} trường ({share})', en: '{numerator}/{denominator} schools ({share})' },
  'district.missing': { vi: '{count} trường chưa khai báo, không tính: {schools}', en: '{count} schools did not declare it, not counted: {schools}' },
  'district.none': { vi: 'không có trường nào được tính', en: 'no school counted' },
  'district.levels': { vi: 'trường {levels}', en: '{levels} schools' },
  'district.all': { vi: 'mọi trường', en: 'all schools' },
  'rate.value': { vi: '{pass}/{applicable} ({rate})', en: '{pass}/{applicable} ({rate})' },
  'rate.none': { vi: 'không trường nào áp dụng', en: 'applies to no school' },
  'none': { vi: 'Không có', en: 'None' },
  'unranked': { vi: '—', en: '—' },
  'unknown': { vi: 'Chưa khai báo', en: 'Not declared' },
  'rubric.value': { vi: '{title} ({ref}); {document}', en: '{title} ({ref}); {document}' },
  'document.value': { vi: 'số {number} ngày {date} của {issuer}', en: 'no. {number} of {date}, {issuer}' },
  'district.status_missing': { vi: 'Không có trường để tính', en: 'No school to count' },

  'flag.duplicate_code': {
    vi: 'Mã trường {school_code} xuất hiện ở {count} tệp: {files} — các tệp được chấm riêng, không gộp; kiểm tra mã trường',
    en: 'School code {school_code} appears in {count} files: {files} — they are scored separately, not merged; check the codes',
  },
  'flag.outside_province': {
    vi: '{file}: trường thuộc tỉnh/thành phố "{value}", ngoài phạm vi của bộ tiêu chí {rubric}',
    en: '{file}: the school is in province "{value}", outside the scope of rubric {rubric}',
  },
  'flag.outside_district': {
    vi: '{file}: trường thuộc quận/huyện "{value}", ngoài phạm vi của bộ tiêu chí {rubric}',
    en: '{file}: the school is in district "{value}", outside the scope of rubric {rubric}',
  },
  'flag.outside_years': {
    vi: '{file}: năm học {value} nằm ngoài các năm học của bộ tiêu chí {rubric}',
    en: '{file}: school year {value} is outside the years of rubric {rubric}',
  },
  'flag.waiver_unknown_school': {
    vi: 'Miễn trừ cho trường mã {school_code} (tiêu chí {criterion}) nhưng không có trường này trong lô hồ sơ — kiểm tra mã trường',
    en: 'A waiver names school code {school_code} (criterion {criterion}), which is not in the batch — check the code',
  },

  'junit.district_suite': { vi: 'Chỉ tiêu chung {rubric}', en: 'District criteria {rubric}' },
  'junit.errors_suite': { vi: 'Tệp không chấm được', en: 'Files not scored' },
  'junit.district_failure': {
    vi: 'Không đạt: {numerator}/{denominator} trường ({share}), chỉ tiêu {min}',
    en: 'Fail: {numerator}/{denominator} schools ({share}), target {min}',
  },
  'junit.district_missing': { vi: 'Không có trường nào được tính', en: 'No school counted' },

  'terminal.line': {
    vi: '{files} tệp: {pass} trường đạt, {fail} không đạt, {errors} tệp không chấm được',
    en: '{files} files: {pass} schools pass, {fail} fail, {errors} files not scored',
  },
  'terminal.district': { vi: 'Chỉ tiêu chung {id}: {value}, chỉ tiêu {min} — {status}', en: 'District criterion {id}: {value}, target {min} — {status}' },
  'terminal.flags': { vi: '{count} điểm cần kiểm tra (xem summary.md)', en: '{count} point(s) to check (see summary.md)' },
  'terminal.top': { vi: 'Xếp hạng ({rubric}):', en: 'Ranking ({rubric}):' },
  'terminal.more': { vi: '… và {count} trường nữa', en: '… and {count} more schools' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type BatchLabel = keyof typeof BATCH_LABELS;

const PREFIX = 'batch.label.';
registerMessages(Object.fromEntries(Object.entries(BATCH_LABELS).map(([k, v]) => [PREFIX + k, v])));

export function batchLabel(key: BatchLabel, lang: Lang, args?: Record<string, FindingArg>): string {
  return format({ code: PREFIX + key, ...(args ? { args } : {}) }, lang);
}

/** The `audit batch` --help texts. */
export const BATCH_HELP = {
  description: {
    vi: 'chấm mọi tệp .xlsx (và .xls, .ods) trong các thư mục (kể cả thư mục con), ghi bản tổng hợp của địa bàn',
    en: 'score every .xlsx (and .xls, .ods) under the folders (recursively), write a district summary',
  },
  paths: { vi: 'thư mục hoặc tệp .xlsx (với --merge: các tệp summary.json)', en: 'folders or .xlsx files (with --merge: summary.json files)' },
  timeout: { vi: 'số giây tối đa cho một tệp (mặc định: 60)', en: 'seconds one file may take at most (default: 60)' },
  jobs: { vi: 'số luồng chạy song song (mặc định: số CPU)', en: 'parallel workers (default: number of CPUs)' },
  shard: { vi: 'chỉ chấm phần thứ i trong n phần của danh sách tệp (chạy song song trên CI)', en: 'score only the i-th of n shares of the file list (CI matrix jobs)' },
  merge: { vi: 'gộp các tệp summary.json của từng phần thành bản tổng hợp chung', en: 'merge the shards\' summary.json files into one summary' },
  after: {
    vi: [
      'Các tùy chọn chung cũng dùng được:',
      '  -o, --out <thư mục>     ghi summary.json, summary.md, summary.xlsx, junit.xml và báo cáo từng trường (schools/)',
      '  -f, --format <danh sách> báo cáo từng trường: md, xlsx, json, junit (mặc định md,json)',
      '  -r, --rubric <mã|tệp>   một bộ tiêu chí cho mọi trường (mặc định: chọn theo tỉnh, huyện, năm học của từng trường)',
      '  --waivers, --fail-under, --as-of, --mapping, --lang, --json, -q, --verbose, --no-color: như khi chấm một trường',
      '',
      'Mã thoát: 0 mọi trường và chỉ tiêu chung đạt; 1 có trường hoặc chỉ tiêu chung chưa đạt (hoặc dưới --fail-under);',
      '2 sai cách dùng hoặc bộ tiêu chí lỗi; 3 có tệp không đọc được hoặc không có bộ tiêu chí phù hợp (các tệp khác vẫn được chấm).',
      '',
      'Ví dụ:',
      '  audit batch ho-so/ --out tong-hop/',
      '  audit batch ho-so/ --shard 2/4 --out phan-2/        (CI: mỗi phần một máy)',
      '  audit batch --merge phan-*/summary.json --out tong-hop/',
    ].join('\n'),
    en: [
      'The common options apply too:',
      '  -o, --out <folder>      write summary.json, summary.md, summary.xlsx, junit.xml and per-school reports (schools/)',
      '  -f, --format <list>     per-school reports: md, xlsx, json, junit (default md,json)',
      '  -r, --rubric <id|file>  one rubric for every school (default: chosen from each school\'s province, district, year)',
      '  --waivers, --fail-under, --as-of, --mapping, --lang, --json, -q, --verbose, --no-color: as for one school',
      '',
      'Exit codes: 0 every school and district criterion passes; 1 a school or district criterion does not (or --fail-under);',
      '2 bad usage or rubric; 3 a file could not be read or no rubric applies to it (the other files are still scored).',
      '',
      'Examples:',
      '  audit batch inventories/ --out summary/',
      '  audit batch inventories/ --shard 2/4 --out shard-2/   (CI: one share per job)',
      '  audit batch --merge shard-*/summary.json --out summary/',
    ].join('\n'),
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export const batchHelp = (key: keyof typeof BATCH_HELP, lang: Lang): string => BATCH_HELP[key][lang];
