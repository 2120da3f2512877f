// The words of the web page (dist/audit.html) around the results; the results themselves are worded by
// the same messages as the reports. Codes are `web.*`.
import { format, registerMessages, type Lang } from './format.js';

const WEB = {
  'title': { vi: 'Kiểm tra ứng dụng CNTT của trường học', en: 'School IT inventory audit' },
  'lead': {
    vi: 'Chọn tệp kiểm kê (.xlsx) của trường: trang này chấm theo bộ tiêu chí của Sở/Phòng GD&ĐT, nói rõ tiêu chí nào chưa đạt và cần bổ sung gì.',
    en: "Choose a school's inventory workbook (.xlsx): this page checks it against the Sở/Phòng GD&ĐT rubric and says which criteria are not met and what to add.",
  },
  'private': {
    vi: 'Tệp không được tải lên đâu cả: mọi việc kiểm tra diễn ra ngay trên máy này, kể cả khi không có mạng.',
    en: 'Nothing is uploaded: the whole check runs on this computer, even without a network connection.',
  },
  'choose': { vi: 'Chọn tệp kiểm kê (.xlsx)', en: 'Choose inventory files (.xlsx)' },
  'drop': { vi: 'hoặc kéo thả một hay nhiều tệp vào đây', en: 'or drop one or more files here' },
  'lang_switch': { vi: 'English', en: 'Tiếng Việt' },
  'rubric': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'rubric_auto': { vi: 'Tự chọn theo tỉnh, huyện và năm học ghi trong tệp', en: "Chosen from the workbook's province, district and school year" },
  'rubric_needed': {
    vi: 'Tệp không ghi đủ tỉnh/thành phố và năm học để chọn bộ tiêu chí: hãy chọn bộ tiêu chí ở trên (hoặc ghi các ô đó trong trang "Thông tin chung" rồi chọn lại tệp).',
    en: 'The workbook does not say enough (province, school year) to choose a rubric: choose one above (or fill in those cells on the "Thông tin chung" sheet and choose the file again).',
  },
  'template': { vi: 'Tải mẫu kiểm kê trống (.xlsx)', en: 'Download the blank inventory form (.xlsx)' },
  'template_rubric': { vi: 'Tải mẫu kiểm kê trống theo bộ tiêu chí đã chọn (.xlsx)', en: 'Download the blank inventory form for the chosen rubric (.xlsx)' },
  'working': { vi: 'Đang kiểm tra {done}/{total} tệp…', en: 'Checking: {done} of {total} done…' },
  'done': { vi: 'Đã kiểm tra {total} tệp.', en: 'Files checked: {total}.' },
  'verdict_pass': { vi: 'ĐẠT', en: 'PASSES' },
  'verdict_fail': { vi: 'CHƯA ĐẠT', en: 'DOES NOT PASS' },
  'to_fix': { vi: 'Cần khắc phục', en: 'What to fix' },
  'nothing_to_fix': { vi: 'Không có tiêu chí nào chưa đạt.', en: 'Every criterion is met.' },
  'all_criteria': { vi: 'Tất cả tiêu chí', en: 'All criteria' },
  'data_issues': { vi: 'Vấn đề dữ liệu trong tệp', en: 'Data problems in the workbook' },
  'warnings': { vi: 'Lưu ý', en: 'Notes' },
  'deadlines': { vi: 'Hạn sắp tới', en: 'Upcoming deadlines' },
  'score': { vi: 'Điểm', en: 'Score' },
  'band': { vi: 'Xếp loại', en: 'Level' },
  'rubric_used': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'as_of': { vi: 'Ngày đánh giá', en: 'Assessed as of' },
  'col_status': { vi: 'Kết quả', en: 'Result' },
  'col_criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'col_clause': { vi: 'Mục', en: 'Clause' },
  'col_actual': { vi: 'Thực tế', en: 'Actual' },
  'col_expected': { vi: 'Yêu cầu', en: 'Expected' },
  'col_fix': { vi: 'Cần làm', en: 'To do' },
  'download': { vi: 'Tải báo cáo:', en: 'Download the report:' },
  'download_summary': { vi: 'Tải bảng tổng hợp:', en: 'Download the summary:' },
  'error_file': { vi: 'Không kiểm tra được', en: 'Could not be checked' },
  'schools': { vi: 'Từng trường', en: 'Each school' },
  'worker_failed': { vi: 'Trang gặp lỗi khi kiểm tra: {message}', en: 'The page failed while checking: {message}' },
  'timeout': {
    vi: '{file}: tệp này chấm quá {seconds} giây nên bị bỏ qua — một sổ kiểm kê bình thường chỉ mất chưa tới một giây; hãy lấy lại tệp từ trường',
    en: '{file}: this file took more than {seconds} seconds and was given up — a normal inventory workbook takes under a second; get the file from the school again',
  },
  'no_worker': {
    vi: 'Trình duyệt này không chạy được trang kiểm tra (cần Chrome, Edge, Firefox hoặc Cốc Cốc bản mới).',
    en: 'This browser cannot run the audit page (use a current Chrome, Edge, Firefox or Cốc Cốc).',
  },
  'offline': { vi: 'audit {version} · chạy hoàn toàn trên máy này', en: 'audit {version} · runs entirely on this computer' },
} as const;

export type WebLabel = keyof typeof WEB;
registerMessages(Object.fromEntries(Object.entries(WEB).map(([k, v]) => [`web.${k}`, v])));

export const webLabel = (key: WebLabel, lang: Lang, args?: Record<string, string | number>): string =>
  format({ code: `web.${key}`, ...(args ? { args } : {}) }, lang);

// `audit web -o <file|folder>`: what the command line says about writing the page.
registerMessages({
  'cli.web.help': {
    vi: 'ghi trang kiểm tra audit.html: một tệp duy nhất, mở bằng trình duyệt, không cần cài đặt hay mạng',
    en: 'write the audit page audit.html: one file that opens in a browser, with no install and no network',
  },
  'cli.web.out': { vi: 'tệp .html cần ghi, hoặc thư mục (ghi audit.html vào đó)', en: 'the .html file to write, or a folder (audit.html is written into it)' },
  'cli.web.after': {
    vi: 'Ví dụ: audit web -o trang-kiem-tra/ — rồi đăng tệp audit.html lên trang của Sở hoặc gửi qua Zalo/e-mail; giáo viên mở tệp bằng Chrome, Edge, Firefox hoặc Cốc Cốc. Không ghi đè tệp có sẵn.',
    en: 'Example: audit web -o page/ — then publish audit.html on the Sở\'s website or send it by Zalo/e-mail; teachers open it in Chrome, Edge, Firefox or Cốc Cốc. Never replaces an existing file.',
  },
  'cli.web.needs_out': {
    vi: 'hãy cho biết nơi ghi trang — ví dụ: audit web -o audit.html',
    en: 'say where to write the page — for example: audit web -o audit.html',
  },
  'cli.web.not_html': {
    vi: 'trang phải có đuôi .html, không phải "{file}" — ví dụ: audit web -o audit.html',
    en: 'the page must be an .html file, not "{file}" — for example: audit web -o audit.html',
  },
  'cli.web.exists': {
    vi: '{file} đã có — trang mới không ghi đè lên tệp có sẵn; hãy chọn tên khác hoặc xóa tệp cũ',
    en: '{file} already exists — the page never replaces a file; choose another name or delete the old file',
  },
  'cli.web.not_built': {
    vi: 'chưa có trang dist/audit.html trong bản cài này — hãy chạy npm run build rồi thử lại',
    en: 'this installation has no dist/audit.html — run npm run build and try again',
  },
  'cli.web.wrote': { vi: 'Đã ghi trang kiểm tra {file} ({size})', en: 'Wrote the audit page {file} ({size})' },
});
