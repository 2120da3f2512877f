// What `audit diff` says, in vi and en: why a criterion changed, notes on schools and sides, the labels of
// the diff reports (Markdown, Excel, terminal), its usage errors and its --help.
import { format, registerMessages, type Lang } from './format.js';
import type { FindingArg } from '../engine/types.js';
import './report.js';

registerMessages({
  // why a criterion's outcome changed
  'diff.why.added': { vi: 'Tiêu chí mới của bộ tiêu chí {rubric}: {rule}', en: 'New criterion in {rubric}: {rule}' },
  'diff.why.removed': { vi: 'Bộ tiêu chí {rubric} không còn tiêu chí này (trước đây: {rule})', en: '{rubric} no longer has this criterion (was: {rule})' },
  'diff.why.rubric_rule': { vi: 'Bộ tiêu chí đổi quy tắc: {old} → {new}', en: 'The rubric changed the rule: {old} → {new}' },
  'diff.why.rubric_weight': { vi: 'Bộ tiêu chí đổi trọng số: {old} → {new}', en: 'The rubric changed the weight: {old} → {new}' },
  'diff.why.rubric_severity': { vi: 'Bộ tiêu chí đổi mức độ: {old} → {new}', en: 'The rubric changed the severity: {old} → {new}' },
  'diff.why.rubric_other': {
    vi: 'Bộ tiêu chí đã đổi ({rubric}); quy tắc của tiêu chí này vẫn như cũ',
    en: 'The rubric changed ({rubric}); this criterion\'s rule is the same',
  },
  'diff.why.rescored': {
    vi: 'Chấm lại dữ liệu năm trước theo bộ tiêu chí mới: {status} ({actual})',
    en: 'Last year\'s data under the new rubric: {status} ({actual})',
  },
  'diff.why.rescored_plain': {
    vi: 'Chấm lại dữ liệu năm trước theo bộ tiêu chí mới: {status}',
    en: 'Last year\'s data under the new rubric: {status}',
  },
  'diff.why.data': { vi: 'dữ liệu của trường thay đổi', en: 'the school\'s data changed' },
  'diff.why.same_value': {
    vi: 'giá trị ghi nhận vẫn là {actual}; kết quả đổi do dữ liệu khác trong tệp của trường',
    en: 'the value shown is still {actual}; the result changed because of other data in the school\'s workbook',
  },
  'diff.why.year': {
    vi: 'tiêu chí chỉ áp dụng cho một số năm học (năm học {old} → {new}): do bộ tiêu chí, không do trường',
    en: 'the criterion applies to some school years only (school year {old} → {new}): the rubric, not the school',
  },
  'diff.why.applicability': {
    vi: 'tiêu chí áp dụng hay không đã đổi (năm học {old} → {new}); không có bộ tiêu chí để biết do năm học hay do dữ liệu',
    en: 'whether the criterion applies changed (school year {old} → {new}); the rubric is not at hand to tell year from data',
  },
  'diff.why.cannot_separate': {
    vi: 'dữ liệu cũng thay đổi; cần tệp kiểm kê năm trước để tách phần do dữ liệu',
    en: 'the data changed too; last year\'s workbook is needed to tell the two apart',
  },
  'diff.why.waiver_added': { vi: 'Năm nay được miễn trừ — {message}', en: 'Waived this time — {message}' },
  'diff.why.waiver_ended': {
    vi: 'Miễn trừ năm trước đã hết hạn hoặc không còn: tiêu chí được đánh giá bình thường',
    en: 'Last time\'s waiver has expired or was withdrawn: the criterion is judged normally',
  },
  'diff.why.as_of': {
    vi: 'Cùng dữ liệu, cùng bộ tiêu chí; chỉ khác ngày đánh giá',
    en: 'Same data and rubric; only the assessment date differs',
  },

  // notes on one school
  'diff.note.renamed': {
    vi: 'Cùng mã trường {code} nên là cùng một trường; tên đã đổi: "{old}" → "{new}"',
    en: 'Same school code {code}, so the same school; its name changed: "{old}" → "{new}"',
  },
  'diff.note.rubric_changed': { vi: 'Bộ tiêu chí khác nhau: {old} → {new}', en: 'Different rubrics: {old} → {new}' },
  'diff.note.rubric_edited': {
    vi: 'Bộ tiêu chí {rubric} cùng phiên bản nhưng nội dung khác (mã SHA-256 khác nhau)',
    en: 'Rubric {rubric} has the same version but different contents (different SHA-256)',
  },
  'diff.note.rescored': {
    vi: 'Chấm lại tệp kiểm kê năm trước theo {rubric}: {score} điểm, {status}',
    en: 'Last year\'s workbook under {rubric}: score {score}, {status}',
  },
  'diff.note.score_not_comparable': {
    vi: 'Điểm hai năm chấm theo hai bộ tiêu chí khác nhau nên không so sánh trực tiếp được (không có tệp kiểm kê năm trước để chấm lại)',
    en: 'The two scores come from different rubrics and cannot be compared directly (last year\'s workbook was not available to re-score)',
  },
  'diff.note.same_data': {
    vi: 'Hai bên được chấm từ cùng một nội dung tệp kiểm kê: mọi thay đổi là do bộ tiêu chí hoặc miễn trừ',
    en: 'Both sides were scored from the same workbook contents: every change comes from the rubric or a waiver',
  },
  'diff.note.score_fell': {
    vi: 'Điểm giảm do dữ liệu: {from} → {to} (cùng bộ tiêu chí)',
    en: 'Score fell because of the data: {from} → {to} (same rubric)',
  },

  // notes on the whole comparison
  'diff.note.rubrics_differ': { vi: 'Hai bên dùng bộ tiêu chí khác nhau: {old} → {new}', en: 'The sides used different rubrics: {old} → {new}' },
  'diff.note.rescored_count': {
    vi: '{count} trường được chấm lại dữ liệu năm trước theo bộ tiêu chí mới để tách thay đổi do dữ liệu và do bộ tiêu chí',
    en: '{count} school(s) re-scored: last year\'s data under the new rubric, to tell data changes from rubric changes',
  },
  'diff.note.no_rescore': {
    vi: '{count} trường được chấm theo bộ tiêu chí khác nhau mà không có tệp kiểm kê năm trước: thay đổi ở tiêu chí có quy tắc đổi được tính là do bộ tiêu chí — hãy so sánh với thư mục tệp kiểm kê năm trước để tách rõ',
    en: '{count} school(s) were judged by different rubrics without last year\'s workbooks: changes of criteria whose rule changed are put down to the rubric — compare against last year\'s workbook folder to separate them',
  },
  'diff.note.no_code': {
    vi: '{side}: {file} không có mã trường nên không ghép được với bên kia',
    en: '{side}: {file} has no school code, so it cannot be matched',
  },
  'diff.note.duplicate_code': {
    vi: '{side}: mã trường {code} xuất hiện nhiều lần; so sánh {kept}, bỏ qua {file}',
    en: '{side}: school code {code} appears more than once; comparing {kept}, leaving out {file}',
  },
  'diff.note.superseded': {
    vi: '{side}: mã trường {code} có ở {count} tệp khác nữa ({files}); so sánh {kept} (ngày lập báo cáo mới nhất, rồi đường dẫn sau), các tệp kia không tính',
    en: '{side}: school code {code} is also in {count} other file(s) ({files}); comparing {kept} (latest report date, then later path), the others are not counted',
  },
  'diff.note.side_error': { vi: '{side}: không chấm được {file}: {message}', en: '{side}: {file} could not be audited: {message}' },

  // usage and input errors
  'diff.bad_input': {
    vi: '{file}: không phải kết quả đánh giá (audit-result/v1), bản tổng hợp (audit-batch/v1), tệp kiểm kê .xlsx hay thư mục tệp kiểm kê — {detail}',
    en: '{file}: not an audit result (audit-result/v1), a batch summary (audit-batch/v1), an .xlsx workbook or a folder of workbooks — {detail}',
  },
  'diff.unknown_schema': {
    vi: '{file}: tệp JSON có schema "{schema}" — audit diff so sánh audit-result/v1 (audit --json) hoặc audit-batch/v1 (summary.json của audit batch)',
    en: '{file}: a JSON file with schema "{schema}" — audit diff compares audit-result/v1 (audit --json) or audit-batch/v1 (audit batch\'s summary.json)',
  },
  'diff.is_diff': {
    vi: '{file}: đây đã là kết quả so sánh (audit-diff/v1) — hãy đưa vào kết quả đánh giá, bản tổng hợp hoặc tệp kiểm kê của từng năm',
    en: '{file}: this is already a comparison (audit-diff/v1) — give the results, summaries or workbooks of each year',
  },
  'diff.empty_folder': {
    vi: '{file}: thư mục không có tệp .xlsx nào (bỏ qua tệp ẩn và tệp khóa ~$ của Excel)',
    en: '{file}: the folder holds no .xlsx file (hidden files and Excel ~$ lock files are skipped)',
  },
  'diff.bad_format': {
    vi: 'loại báo cáo "{value}" không có cho audit diff — dùng md, xlsx hoặc json (cách nhau bằng dấu phẩy)',
    en: 'unknown report format "{value}" for audit diff — use md, xlsx or json (comma-separated)',
  },
  'diff.regression_exit': {
    vi: '--fail-on-regression: {count} trường đi xuống do dữ liệu thay đổi',
    en: '--fail-on-regression: {count} school(s) regressed because their data changed',
  },
});

/** Words of the diff reports. */
export const DIFF_LABELS = {
  'side.old': { vi: 'Năm trước', en: 'Before' },
  'side.new': { vi: 'Năm nay', en: 'After' },
  'kind.result': { vi: 'kết quả đánh giá JSON', en: 'audit result JSON' },
  'kind.results': { vi: 'các kết quả đánh giá JSON', en: 'audit results JSON' },
  'kind.batch': { vi: 'bản tổng hợp của audit batch', en: 'audit batch summary' },
  'kind.workbook': { vi: 'tệp kiểm kê', en: 'workbook' },
  'kind.folder': { vi: 'thư mục tệp kiểm kê', en: 'folder of workbooks' },

  'title': { vi: 'So sánh kết quả đánh giá ứng dụng CNTT', en: 'IT audit comparison' },
  'heading.overview': { vi: 'Tổng quan', en: 'Overview' },
  'heading.rubric_changes': { vi: 'Bộ tiêu chí thay đổi', en: 'Rubric changes' },
  'heading.notes': { vi: 'Lưu ý', en: 'Notes' },
  'heading.regressed': { vi: 'Trường đi xuống', en: 'Schools that regressed' },
  'heading.improved': { vi: 'Trường tiến bộ', en: 'Schools that improved' },
  'heading.changed': { vi: 'Trường có thay đổi khác (bộ tiêu chí, năm học, miễn trừ…)', en: 'Schools with other changes (rubric, school year, waiver…)' },
  'heading.unchanged': { vi: 'Trường không đổi kết quả', en: 'Schools with the same results' },
  'heading.added': { vi: 'Trường mới (chỉ có ở năm nay)', en: 'New schools (after only)' },
  'heading.removed': { vi: 'Trường không còn (chỉ có ở năm trước)', en: 'Schools no longer present (before only)' },
  'heading.district': { vi: 'Toàn địa bàn', en: 'District' },
  'heading.rates': { vi: 'Tỷ lệ trường đạt theo tiêu chí', en: 'Pass rate per criterion' },
  'heading.bands': { vi: 'Trường chuyển xếp loại', en: 'Schools that changed level' },
  'heading.band_counts': { vi: 'Số trường theo xếp loại', en: 'Schools per level' },
  'heading.district_criteria': { vi: 'Chỉ tiêu chung của địa bàn', en: 'District criteria' },

  'field.side': { vi: '{side}: {name} ({kind})', en: '{side}: {name} ({kind})' },
  'field.schools': { vi: 'Số trường', en: 'Schools' },
  'field.school_years': { vi: 'Năm học', en: 'School years' },
  'field.rubrics': { vi: 'Bộ tiêu chí', en: 'Rubrics' },
  'field.pass_fail': { vi: '{pass} đạt, {fail} không đạt', en: '{pass} pass, {fail} fail' },
  'field.matched': { vi: 'Trường so sánh được', en: 'Schools compared' },
  'field.totals': {
    vi: '{matched} trường so sánh được: {regressed} đi xuống, {improved} tiến bộ, {changed} thay đổi khác (bộ tiêu chí, năm học, miễn trừ…), {unchanged} không đổi · {added} trường mới · {removed} trường không còn',
    en: '{matched} schools compared: {regressed} regressed, {improved} improved, {changed} other changes (rubric, school year, waiver…), {unchanged} unchanged · {added} new · {removed} no longer present',
  },
  'field.criteria_totals': {
    vi: 'Tiêu chí mất do dữ liệu: {lost} · tiêu chí đạt thêm do dữ liệu: {gained} · tiêu chí đổi kết quả do bộ tiêu chí hoặc năm học: {rubric} · số liệu đổi, kết quả không đổi: {values}',
    en: 'Criteria lost because of the data: {lost} · gained because of the data: {gained} · changed by the rubric or school year: {rubric} · values changed, same result: {values}',
  },
  'field.rates_over': {
    vi: 'Tính trên {count} trường có ở cả hai bên, nên trường mới hoặc không còn không làm đổi tỷ lệ.',
    en: 'Over the {count} schools present on both sides, so schools that joined or left do not move a rate.',
  },
  'field.regression_yes': { vi: 'Có trường đi xuống do dữ liệu thay đổi', en: 'Some school regressed because its data changed' },
  'field.regression_no': { vi: 'Không có trường nào đi xuống do dữ liệu', en: 'No school regressed because of its data' },
  'field.school_count': { vi: '{count} trường', en: '{count} school(s)' },
  'field.score_line': {
    vi: 'Điểm: {old} → {new}{delta} · Kết quả: {old_status} → {new_status}',
    en: 'Score: {old} → {new}{delta} · Result: {old_status} → {new_status}',
  },
  'field.band_line': { vi: 'Xếp loại: {old} → {new}', en: 'Level: {old} → {new}' },
  'field.files': { vi: 'Tệp: {old} → {new}', en: 'Files: {old} → {new}' },
  'field.file': { vi: 'Tệp: {file}', en: 'File: {file}' },
  'field.rescored_line': {
    vi: 'Dữ liệu năm trước chấm theo {rubric}: {score} điểm, {status}',
    en: 'Last year\'s data under {rubric}: score {score}, {status}',
  },
  'field.rubric_line': { vi: '{rubric}: {old} → {new}', en: '{rubric}: {old} → {new}' },

  'col.school_code': { vi: 'Mã trường', en: 'School code' },
  'col.school': { vi: 'Trường', en: 'School' },
  'col.file': { vi: 'Tệp', en: 'File' },
  'col.school_year': { vi: 'Năm học', en: 'School year' },
  'col.rubric': { vi: 'Bộ tiêu chí', en: 'Rubric' },
  'col.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'col.id': { vi: 'Mã tiêu chí', en: 'Criterion id' },
  'col.severity': { vi: 'Mức độ', en: 'Severity' },
  'col.weight': { vi: 'Trọng số', en: 'Weight' },
  'col.change': { vi: 'Thay đổi', en: 'Change' },
  'col.reason': { vi: 'Nguyên nhân', en: 'Why' },
  'col.status': { vi: 'Trạng thái', en: 'Status' },
  'col.result': { vi: 'Kết quả', en: 'Result' },
  'col.status_change': { vi: 'Trạng thái (trước → nay)', en: 'Status (before → after)' },
  'col.actual_change': { vi: 'Thực tế (trước → nay)', en: 'Actual (before → after)' },
  'col.gap': { vi: 'Còn thiếu', en: 'Gap now' },
  'col.actual_old': { vi: 'Thực tế năm trước', en: 'Actual before' },
  'col.actual_new': { vi: 'Thực tế năm nay', en: 'Actual after' },
  'col.count_old': { vi: 'Đạt/áp dụng năm trước', en: 'Passed/applicable before' },
  'col.count_new': { vi: 'Đạt/áp dụng năm nay', en: 'Passed/applicable after' },
  'col.detail': { vi: 'Chi tiết', en: 'Details' },
  'col.score_old': { vi: 'Điểm năm trước', en: 'Score before' },
  'col.score_new': { vi: 'Điểm năm nay', en: 'Score after' },
  'col.score_rescored': { vi: 'Điểm chấm lại', en: 'Re-scored' },
  'col.score': { vi: 'Điểm', en: 'Score' },
  'col.delta': { vi: 'Chênh lệch', en: 'Change' },
  'col.status_old': { vi: 'Kết quả năm trước', en: 'Result before' },
  'col.status_new': { vi: 'Kết quả năm nay', en: 'Result after' },
  'col.band_old': { vi: 'Xếp loại năm trước', en: 'Level before' },
  'col.band_new': { vi: 'Xếp loại năm nay', en: 'Level after' },
  'col.band': { vi: 'Xếp loại', en: 'Level' },
  'col.trend': { vi: 'Đánh giá', en: 'Trend' },
  'col.lost': { vi: 'Tiêu chí mất', en: 'Lost' },
  'col.gained': { vi: 'Tiêu chí đạt thêm', en: 'Gained' },
  'col.still_failing': { vi: 'Còn chưa đạt', en: 'Still failing' },
  'col.rate_old': { vi: 'Tỷ lệ đạt năm trước', en: 'Pass rate before' },
  'col.rate_new': { vi: 'Tỷ lệ đạt năm nay', en: 'Pass rate after' },
  'col.rate_change': { vi: 'Tỷ lệ đạt (trước → nay)', en: 'Pass rate (before → after)' },
  'col.share_change': { vi: 'Tỷ lệ (trước → nay)', en: 'Share (before → after)' },
  'col.target': { vi: 'Chỉ tiêu', en: 'Target' },
  'col.presence': { vi: 'Có ở', en: 'Present in' },
  'col.item': { vi: 'Nội dung', en: 'Item' },
  'col.value': { vi: 'Giá trị', en: 'Value' },
  'col.old': { vi: 'Trước', en: 'Before' },
  'col.new': { vi: 'Nay', en: 'After' },
  'col.note': { vi: 'Lưu ý', en: 'Note' },

  'sheet.overview': { vi: 'Tổng quan', en: 'Overview' },
  'sheet.schools': { vi: 'Các trường', en: 'Schools' },
  'sheet.regressions': { vi: 'Đi xuống', en: 'Regressions' },
  'sheet.improvements': { vi: 'Tiến bộ', en: 'Improvements' },
  'sheet.other': { vi: 'Khác, còn chưa đạt, số liệu', en: 'Other, still failing, values' },
  'sheet.rates': { vi: 'Tỷ lệ đạt theo tiêu chí', en: 'Pass rates' },
  'sheet.added_removed': { vi: 'Trường mới, không còn', en: 'Added, removed schools' },
  'sheet.district': { vi: 'Chỉ tiêu chung', en: 'District criteria' },

  'change.lost': { vi: 'Mất (đạt → chưa đạt)', en: 'Lost (pass → not met)' },
  'change.gained': { vi: 'Đạt thêm', en: 'Gained' },
  'change.still_failing': { vi: 'Vẫn chưa đạt', en: 'Still failing' },
  'change.changed': { vi: 'Đổi trạng thái', en: 'Status changed' },
  'change.added': { vi: 'Tiêu chí mới', en: 'New criterion' },
  'change.removed': { vi: 'Tiêu chí bị bỏ', en: 'Criterion removed' },
  'change.value': { vi: 'Số liệu đổi', en: 'Value changed' },
  'reason.data': { vi: 'Dữ liệu của trường', en: 'School data' },
  'reason.rubric': { vi: 'Bộ tiêu chí thay đổi', en: 'Rubric changed' },
  'reason.data_and_rubric': { vi: 'Dữ liệu và bộ tiêu chí', en: 'Data and rubric' },
  'reason.waiver_added': { vi: 'Có miễn trừ', en: 'Waiver appeared' },
  'reason.waiver_ended': { vi: 'Hết miễn trừ', en: 'Waiver ended' },
  'reason.as_of': { vi: 'Ngày đánh giá', en: 'Assessment date' },
  'reason.year': { vi: 'Bộ tiêu chí / năm học', en: 'Rubric / school year' },
  'reason.applicability': { vi: 'Năm học hoặc dữ liệu', en: 'School year or data' },
  'trend.regressed': { vi: 'Đi xuống', en: 'Regressed' },
  'trend.improved': { vi: 'Tiến bộ', en: 'Improved' },
  'trend.changed': { vi: 'Thay đổi khác', en: 'Other change' },
  'trend.unchanged': { vi: 'Không đổi', en: 'Unchanged' },
  'presence.added': { vi: 'Chỉ năm nay (trường mới)', en: 'After only (new)' },
  'presence.removed': { vi: 'Chỉ năm trước (không còn)', en: 'Before only (no longer present)' },
  'rubric.added': { vi: 'Thêm: {rule}', en: 'Added: {rule}' },
  'rubric.removed': { vi: 'Bỏ: {rule}', en: 'Removed: {rule}' },
  'rubric.changed_field': { vi: '{field}: {old} → {new}', en: '{field}: {old} → {new}' },
  'rubric.field.rule': { vi: 'Quy tắc', en: 'Rule' },
  'rubric.field.weight': { vi: 'Trọng số', en: 'Weight' },
  'rubric.field.severity': { vi: 'Mức độ', en: 'Severity' },

  'arrow': { vi: '{old} → {new}', en: '{old} → {new}' },
  'none': { vi: 'Không có', en: 'None' },
  'dash': { vi: '—', en: '—' },
  'na': { vi: 'không có', en: 'n/a' },
  'rate.same': { vi: 'không đổi', en: 'same' },
  'rate.value': { vi: '{rate} ({pass}/{applicable})', en: '{rate} ({pass}/{applicable})' },
  'district.value': { vi: '{share} ({numerator}/{denominator})', en: '{share} ({numerator}/{denominator})' },
  'band_move': { vi: '{school}: {old} → {new}', en: '{school}: {old} → {new}' },
  'unchanged.count': {
    vi: '{count} trường không thay đổi kết quả; các tiêu chí còn chưa đạt xem trong diff.xlsx',
    en: '{count} schools with the same results; their criteria still failing are in diff.xlsx',
  },
  'terminal.header': { vi: 'So sánh: {old} → {new}', en: 'Comparison: {old} → {new}' },
  'terminal.regressions': { vi: 'Đi xuống (do dữ liệu thay đổi):', en: 'Regressions (the data changed):' },
  'terminal.improvements': { vi: 'Tiến bộ (do dữ liệu thay đổi):', en: 'Improvements (the data changed):' },
  'terminal.rubric_changes': { vi: 'Thay đổi do bộ tiêu chí, năm học hoặc miễn trừ:', en: 'Changes from the rubric, the school year or a waiver:' },
  'terminal.added': { vi: 'Trường mới: {list}', en: 'New schools: {list}' },
  'terminal.removed': { vi: 'Trường không còn: {list}', en: 'Schools no longer present: {list}' },
  'terminal.rates': {
    vi: 'Tỷ lệ đạt thay đổi (trên {count} trường có ở cả hai bên):',
    en: 'Pass rates that changed (over the {count} schools on both sides):',
  },
  'terminal.values': { vi: 'Số liệu đổi, kết quả không đổi:', en: 'Values that changed, same result:' },
  'terminal.more': { vi: '… và {count} dòng nữa (xem diff.md)', en: '… and {count} more (see diff.md)' },
  'footer': { vi: 'Báo cáo so sánh được lập tự động bởi {tool} {version}.', en: 'Comparison generated automatically by {tool} {version}.' },
  'footer.at': { vi: 'Báo cáo so sánh được lập tự động bởi {tool} {version} lúc {at}.', en: 'Comparison generated automatically by {tool} {version} at {at}.' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type DiffLabel = keyof typeof DIFF_LABELS;
export const DIFF_LABEL_KEYS = Object.keys(DIFF_LABELS) as DiffLabel[];

const PREFIX = 'diff.label.';
registerMessages(Object.fromEntries(Object.entries(DIFF_LABELS).map(([k, v]) => [PREFIX + k, v])));

export function diffLabel(key: DiffLabel, lang: Lang, args?: Record<string, FindingArg>): string {
  return format({ code: PREFIX + key, ...(args ? { args } : {}) }, lang);
}

/** The `audit diff` --help texts. */
export const DIFF_HELP = {
  description: {
    vi: 'so sánh hai lần đánh giá (kết quả JSON, summary.json của audit batch, tệp kiểm kê hoặc thư mục): trường nào tiến bộ, đi xuống, và vì sao',
    en: 'compare two audits (result JSON, audit batch summary.json, workbooks or folders): which schools improved, regressed, and why',
  },
  old: { vi: 'lần đánh giá trước (tệp hoặc thư mục)', en: 'the earlier audit (file or folder)' },
  new: { vi: 'lần đánh giá sau (tệp hoặc thư mục)', en: 'the later audit (file or folder)' },
  failOnRegression: {
    vi: 'trả mã 1 khi một trường có ở cả hai bên bị mất tiêu chí hoặc giảm điểm do dữ liệu thay đổi (không tính thay đổi do bộ tiêu chí, hay trường không còn)',
    en: 'exit 1 when a school on both sides lost a criterion or score because its data changed (not for rubric changes or removed schools)',
  },
  options: {
    vi: [
      'Các tùy chọn chung dùng được với audit diff:',
      '  -r, --rubric <id|file>  chấm các tệp kiểm kê theo bộ tiêu chí này (mặc định: mỗi năm tự chọn',
      '                          bộ tiêu chí của năm đó; kết quả JSON và summary.json giữ nguyên)',
      '  -o, --out <dir>         ghi diff.md, diff.xlsx, diff.json vào thư mục này',
      '  -f, --format <list>     chỉ ghi các loại này: md, xlsx, json (cách nhau bằng dấu phẩy)',
      '  --json                  in kết quả so sánh dạng JSON (audit-diff/v1) thay cho bảng',
      '  --lang, --waivers, --as-of, --mapping, -q, --verbose, --no-color: như lệnh audit',
    ].join('\n'),
    en: [
      'Common options that apply to audit diff:',
      '  -r, --rubric <id|file>  score the workbooks with this rubric (by default each year gets its',
      '                          own; result JSON and summary.json inputs are kept as they were scored)',
      '  -o, --out <dir>         write diff.md, diff.xlsx, diff.json into this folder',
      '  -f, --format <list>     write only these: md, xlsx, json (comma-separated)',
      '  --json                  print the comparison as JSON (audit-diff/v1) instead of the table',
      '  --lang, --waivers, --as-of, --mapping, -q, --verbose, --no-color: as for audit',
    ].join('\n'),
  },
  exitCodes: {
    vi: [
      'Mã trả về: 0 so sánh xong · 1 có trường đi xuống do dữ liệu (khi có --fail-on-regression) ·',
      '           2 sai cách dùng hoặc lỗi bộ tiêu chí · 3 không đọc được tệp',
      'Ví dụ:     audit diff nam-2023/ nam-2024/ --out so-sanh/ --fail-on-regression',
      '           audit diff tong-hop-2023/summary.json tong-hop-2024/summary.json',
    ].join('\n'),
    en: [
      'Exit codes: 0 compared · 1 a school regressed because of its data (with --fail-on-regression) ·',
      '            2 wrong usage or rubric error · 3 a file cannot be read',
      'Examples:   audit diff year-2023/ year-2024/ --out comparison/ --fail-on-regression',
      '            audit diff summary-2023/summary.json summary-2024/summary.json',
    ].join('\n'),
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export const diffHelp = (key: keyof typeof DIFF_HELP, lang: Lang): string => DIFF_HELP[key][lang];
