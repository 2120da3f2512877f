// Every label a report shows (headings, column names, status words, sheet names, band wording),
// in vi and en. Renderers hold no human text of their own: they ask `reportLabel(key, lang)`.
import { format, registerMessages, type Lang } from './format.js';
import type { FindingArg } from '../engine/types.js';

export const REPORT_LABELS = {
  // Criterion status words (also the overall pass/fail)
  'status.pass': { vi: 'Đạt', en: 'Pass' },
  'status.fail': { vi: 'Không đạt', en: 'Fail' },
  'status.missing': { vi: 'Thiếu dữ liệu', en: 'Missing data' },
  'status.not_applicable': { vi: 'Không áp dụng', en: 'Not applicable' },
  'status.waived': { vi: 'Miễn trừ', en: 'Waived' },
  'severity.required': { vi: 'Bắt buộc', en: 'Required' },
  'severity.recommended': { vi: 'Khuyến khích', en: 'Recommended' },
  'severity.target': { vi: 'Chỉ tiêu phấn đấu', en: 'Target' },
  'status.target_not_met': { vi: 'Chưa đạt chỉ tiêu phấn đấu', en: 'Target not met' },
  'quote.summary': { vi: 'Tóm tắt văn bản liên quan (không phải nguyên văn): {text}', en: 'Summary of a related document (not its words): {text}' },
  'issue.error': { vi: 'Lỗi', en: 'Error' },
  'issue.warning': { vi: 'Cảnh báo', en: 'Warning' },

  // Headings
  'title': { vi: 'Báo cáo đánh giá ứng dụng CNTT', en: 'IT application audit report' },
  'heading.school': { vi: 'Thông tin trường', en: 'School' },
  'heading.rubric': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'heading.result': { vi: 'Kết quả', en: 'Result' },
  'heading.groups': { vi: 'Điểm theo nhóm', en: 'Scores by group' },
  'heading.criteria': { vi: 'Các tiêu chí', en: 'Criteria' },
  'heading.to_fix': { vi: 'Tiêu chí chưa đạt', en: 'Criteria not met' },
  'heading.waived': { vi: 'Tiêu chí được miễn trừ', en: 'Waived criteria' },
  'heading.data_issues': { vi: 'Lỗi dữ liệu', en: 'Data issues' },
  'heading.deadlines': { vi: 'Thời hạn sắp tới', en: 'Upcoming deadlines' },
  'heading.warnings': { vi: 'Lưu ý', en: 'Warnings' },

  // Field labels
  'field.school_code': { vi: 'Mã trường', en: 'School code' },
  'field.school_name': { vi: 'Tên trường', en: 'School name' },
  'field.province': { vi: 'Tỉnh/Thành phố', en: 'Province' },
  'field.district': { vi: 'Quận/Huyện', en: 'District' },
  'field.school_year': { vi: 'Năm học', en: 'School year' },
  'field.levels': { vi: 'Cấp học', en: 'Levels' },
  'field.source': { vi: 'Tệp dữ liệu', en: 'Data file' },
  'field.source_sha256': { vi: 'SHA-256 của tệp dữ liệu', en: 'Data file SHA-256' },
  'field.as_of': { vi: 'Ngày đánh giá', en: 'Assessed as of' },
  'field.rubric': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'field.rubric_id': { vi: 'Mã bộ tiêu chí', en: 'Rubric id' },
  'field.rubric_version': { vi: 'Phiên bản', en: 'Version' },
  'field.rubric_sha256': { vi: 'SHA-256 của bộ tiêu chí', en: 'Rubric SHA-256' },
  'field.document': { vi: 'Văn bản', en: 'Document' },
  'field.document_number': { vi: 'Số văn bản', en: 'Document number' },
  'field.document_date': { vi: 'Ngày ban hành', en: 'Issued on' },
  'field.issuer': { vi: 'Cơ quan ban hành', en: 'Issued by' },
  'field.score': { vi: 'Điểm', en: 'Score' },
  'field.band': { vi: 'Xếp loại', en: 'Level' },
  'field.status': { vi: 'Kết quả', en: 'Result' },
  'field.verdict': { vi: 'Lý do', en: 'Why' },
  'field.summary': { vi: 'Số tiêu chí', en: 'Criteria' },
  'field.group': { vi: 'Nhóm', en: 'Group' },
  'field.deadline': { vi: 'Thời hạn', en: 'Deadline' },
  'field.warning': { vi: 'Lưu ý', en: 'Warning' },
  'field.generated_at': { vi: 'Thời điểm lập', en: 'Generated at' },
  'field.tool': { vi: 'Công cụ', en: 'Tool' },

  // Column names
  'col.item': { vi: 'Nội dung', en: 'Item' },
  'col.value': { vi: 'Giá trị', en: 'Value' },
  'col.clause': { vi: 'Mục', en: 'Clause' },
  'col.id': { vi: 'Mã tiêu chí', en: 'Criterion id' },
  'col.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'col.severity': { vi: 'Mức độ', en: 'Severity' },
  'col.weight': { vi: 'Trọng số', en: 'Weight' },
  'col.points': { vi: 'Điểm đạt', en: 'Points' },
  'col.status': { vi: 'Trạng thái', en: 'Status' },
  'col.actual': { vi: 'Thực tế', en: 'Actual' },
  'col.expected': { vi: 'Yêu cầu', en: 'Expected' },
  'col.actual_expected': { vi: 'Thực tế / Yêu cầu', en: 'Actual / Expected' },
  'col.gap': { vi: 'Cần khắc phục', en: 'Gap' },
  'col.message': { vi: 'Nhận xét', en: 'Comment' },
  'col.problem': { vi: 'Mô tả', en: 'Description' },
  'col.quote': { vi: 'Trích văn bản', en: 'Directive text' },
  'col.hint': { vi: 'Gợi ý', en: 'Hint' },
  'col.cells': { vi: 'Ô dữ liệu', en: 'Cells' },
  'col.rule': { vi: 'Quy tắc', en: 'Rule' },
  'col.sheet': { vi: 'Trang tính', en: 'Sheet' },
  'col.cell': { vi: 'Ô', en: 'Cell' },
  'col.code': { vi: 'Mã lỗi', en: 'Code' },

  // Sheet names of the Excel report (≤ 31 characters, none of []:*?/\)
  'sheet.summary': { vi: 'Tổng hợp', en: 'Summary' },
  'sheet.criteria': { vi: 'Tiêu chí', en: 'Criteria' },
  'sheet.data_issues': { vi: 'Lỗi dữ liệu', en: 'Data issues' },

  // Values and sentences
  'none': { vi: 'Không có', en: 'None' },
  'unknown': { vi: 'Chưa khai báo', en: 'Not declared' },
  'band.none': { vi: 'Chưa xếp loại', en: 'No level' },
  'score.none': { vi: 'Không tính được (không có tiêu chí nào để chấm)', en: 'Not computable (no criterion to score)' },
  'date': { vi: '{d}/{m}/{y}', en: '{y}-{m}-{d}' },
  'document.value': { vi: 'Số {number} ngày {date} của {issuer}', en: 'No. {number} of {date}, {issuer}' },
  'rubric.value': { vi: '{title} ({id}, phiên bản {version})', en: '{title} ({id}, version {version})' },
  'school.value': { vi: '{name} (mã {code})', en: '{name} (code {code})' },
  'summary.counts': {
    vi: '{pass} đạt, {fail} không đạt, {missing} thiếu dữ liệu, {not_applicable} không áp dụng, {waived} miễn trừ',
    en: '{pass} pass, {fail} fail, {missing} missing data, {not_applicable} not applicable, {waived} waived',
  },
  'deadline.days_left': { vi: 'còn {days} ngày', en: '{days} days left' },
  'deadline.today': { vi: 'hôm nay', en: 'today' },
  'deadline.overdue': { vi: 'đã quá hạn {days} ngày', en: '{days} days overdue' },
  'deadline.value': { vi: '{date}: {title} ({left})', en: '{date}: {title} ({left})' },
  'waiver.detail': {
    vi: '{reason} (phê duyệt: {approved_by}; hiệu lực đến {expires})',
    en: '{reason} (approved by: {approved_by}; valid until {expires})',
  },
  'waiver.detail_unapproved': { vi: '{reason} (hiệu lực đến {expires})', en: '{reason} (valid until {expires})' },
  'message.with_waiver': { vi: '{message} Lý do miễn trừ: {reason}', en: '{message} Waiver reason: {reason}' },
  'failure.message': { vi: '{status}: {detail}', en: '{status}: {detail}' },
  'footer': { vi: 'Báo cáo được lập tự động bởi {tool} {version}.', en: 'Generated automatically by {tool} {version}.' },
  'footer.at': { vi: 'Báo cáo được lập tự động bởi {tool} {version} lúc {at}.', en: 'Generated automatically by {tool} {version} at {at}.' },
  'group.value': { vi: '{score} ({band})', en: '{score} ({band})' },
  'group.label': { vi: 'Nhóm: {group}', en: 'Group: {group}' },

  // Why the school passes or fails, from the rubric's pass rule (reasons joined by ", " and "và")
  'verdict.fail': { vi: 'Không đạt vì {reasons}.', en: 'Fails because {reasons}.' },
  'verdict.pass': { vi: 'Đạt: {reasons}.', en: 'Passes: {reasons}.' },
  'verdict.pass_open': { vi: 'Đạt: {reasons}; còn {open}.', en: 'Passes: {reasons}; {open}.' },
  'verdict.pass_only_open': { vi: 'Đạt; còn {open}.', en: 'Passes; {open}.' },
  'verdict.join_last': { vi: '{a} và {b}', en: '{a} and {b}' },
  'verdict.required_fail': { vi: '{count} tiêu chí bắt buộc chưa đạt', en: '{count} required criteria are not met' },
  'verdict.required_fail_one': { vi: '1 tiêu chí bắt buộc chưa đạt', en: '1 required criterion is not met' },
  'verdict.required_missing': { vi: '{count} tiêu chí bắt buộc thiếu dữ liệu', en: '{count} required criteria lack data' },
  'verdict.required_missing_one': { vi: '1 tiêu chí bắt buộc thiếu dữ liệu', en: '1 required criterion lacks data' },
  'verdict.and_missing': { vi: '{count} thiếu dữ liệu', en: '{count} lack data' },
  'verdict.and_missing_one': { vi: '1 thiếu dữ liệu', en: '1 lacks data' },
  'verdict.pass_line': { vi: '(Mức đạt: {note})', en: '(Pass line: {note})' },
  'verdict.score_below': { vi: 'điểm {score} dưới mức đạt {min}', en: 'the score {score} is below the pass mark {min}' },
  'verdict.required_ok': { vi: 'không có tiêu chí bắt buộc nào chưa đạt', en: 'no required criterion is unmet' },
  'verdict.score_ok': { vi: 'điểm {score} đạt mức tối thiểu {min}', en: 'the score {score} reaches the pass mark {min}' },
  'verdict.recommended_open': { vi: '{count} tiêu chí khuyến khích chưa đạt', en: '{count} recommended criteria are not met yet' },
  'verdict.open': { vi: '{count} tiêu chí chưa đạt', en: '{count} criteria are not met yet' },
  'verdict.open_one': { vi: '1 tiêu chí chưa đạt', en: '1 criterion is not met yet' },
  'verdict.recommended_open_one': { vi: '1 tiêu chí khuyến khích chưa đạt', en: '1 recommended criterion is not met yet' },

  // The "criteria not met" section, required ones first
  'to_fix.required': { vi: 'Tiêu chí bắt buộc ({count})', en: 'Required criteria ({count})' },
  'to_fix.required_note': {
    vi: 'Mỗi tiêu chí bắt buộc chưa đạt hoặc thiếu dữ liệu làm kết quả của trường là "Không đạt".',
    en: 'Each required criterion that is not met or lacks data makes the school\'s result "Fail".',
  },
  'to_fix.recommended': { vi: 'Tiêu chí khuyến khích ({count})', en: 'Recommended criteria ({count})' },
  'to_fix.target': { vi: 'Chỉ tiêu phấn đấu chưa đạt ({count})', en: 'Targets not met ({count})' },
  'to_fix.target_note': {
    vi: 'Chỉ tiêu phấn đấu ("phấn đấu", "từng bước") không làm kết quả là "Không đạt", nhưng được tính vào điểm và tỷ lệ đạt của huyện.',
    en: 'Targets ("phấn đấu", "từng bước") do not make the result "Fail", but they count in the score and the district\'s pass rates.',
  },
  'to_fix.recommended_note': {
    vi: 'Tiêu chí khuyến khích không tự làm kết quả là "Không đạt", nhưng được tính vào điểm.',
    en: 'Recommended criteria do not make the result "Fail" by themselves, but they count in the score.',
  },
  'to_fix.recommended_note_min': {
    vi: 'Tiêu chí khuyến khích không tự làm kết quả là "Không đạt", nhưng được tính vào điểm; điểm dưới {min} thì kết quả là "Không đạt".',
    en: 'Recommended criteria do not make the result "Fail" by themselves, but they count in the score; a score below {min} is a "Fail".',
  },
  'terminal.score_line_no_band': { vi: 'Điểm: {score} · Kết quả: {status}', en: 'Score: {score} · Result: {status}' },
  'terminal.severity.required': { vi: '(bắt buộc)', en: '(required)' },
  'terminal.severity.recommended': { vi: '(khuyến khích)', en: '(recommended)' },
  'terminal.severity.target': { vi: '(phấn đấu)', en: '(target)' },
  'terminal.group_line': { vi: 'Nhóm {group}: {value}', en: 'Group {group}: {value}' },
  'terminal.score_line': { vi: 'Điểm: {score} · Xếp loại: {band} · Kết quả: {status}', en: 'Score: {score} · Level: {band} · Result: {status}' },
  'terminal.issues_count': { vi: '{count} lỗi dữ liệu:', en: '{count} data issues:' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ReportLabel = keyof typeof REPORT_LABELS;

const PREFIX = 'report.';
registerMessages(Object.fromEntries(Object.entries(REPORT_LABELS).map(([k, v]) => [PREFIX + k, v])));

/** A report label in `lang`, with `{arg}` filled from args. */
export function reportLabel(key: ReportLabel, lang: Lang, args?: Record<string, FindingArg>): string {
  return format({ code: PREFIX + key, ...(args ? { args } : {}) }, lang);
}

export const REPORT_LABEL_KEYS = Object.keys(REPORT_LABELS) as ReportLabel[];
