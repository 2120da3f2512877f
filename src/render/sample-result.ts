// Test support: a realistic, hand-built AuditResult for the renderers' tests and golden files.
// A THPT school in Bến Tre audited against ben-tre-2782 1.0.0, with a criterion in every status
// (waived, graded partial points included), data issues, deadlines, warnings and hostile text
// (| ` <script> =HYPERLINK(...) and a control character) where a workbook could put it.
// Its findings use `sample.*` codes registered here, so it never depends on the check modules' wording.
import type { AuditResult, CriterionResult, Finding } from '../engine/types.js';
import { registerMessages } from '../messages/format.js';

registerMessages({
  'sample.yes': { vi: 'có', en: 'yes' },
  'sample.declared': { vi: 'đã khai báo', en: 'declared' },
  'sample.not_declared': { vi: 'chưa khai báo', en: 'not declared' },
  'sample.value_is': { vi: '{value|vocab:internet_type}', en: '{value|vocab:internet_type}' },
  'sample.one_of': { vi: 'một trong: {values|vocab:internet_type}', en: 'one of: {values|vocab:internet_type}' },
  'sample.computers': { vi: '{n} máy', en: '{n} computers' },
  'sample.at_least_computers': { vi: '≥ {n} máy', en: '≥ {n} computers' },
  'sample.ratio': { vi: '{computers} máy, {ratio} HS/máy', en: '{computers} computers, {ratio} students per computer' },
  'sample.at_most_ratio': { vi: '≤ {max} HS/máy (cần {required} máy)', en: '≤ {max} students per computer ({required} computers)' },
  'sample.share': { vi: '{percent}% giáo viên', en: '{percent}% of teachers' },
  'sample.graded_expected': { vi: '≥ {percent}% giáo viên để đạt {points} điểm', en: '≥ {percent}% of teachers for {points} points' },
  'sample.count': { vi: '{n} phần mềm', en: '{n} programs' },
  'sample.zero_unlicensed': { vi: '0 phần mềm không bản quyền', en: '0 unlicensed programs' },
  'sample.software_found': { vi: 'có: {names}', en: 'found: {names}' },
  'sample.software_needed': { vi: 'hệ thống {function|vocab:function} đang sử dụng', en: 'an in-use {function|vocab:function} system' },
  'sample.gap.computers': { vi: 'thiếu {n} máy tính {purpose|vocab:purpose}', en: '{n} more {purpose|vocab:purpose} computers needed' },
  'sample.gap.declare': { vi: 'khai báo ô "{field}" ở trang Thông tin chung', en: 'fill in "{field}" on the general information sheet' },
  'sample.gap.teachers': { vi: 'cần thêm {n} giáo viên có bài giảng e-Learning', en: '{n} more teachers with e-learning lessons needed' },
  'sample.gap.unlicensed': { vi: 'thay thế hoặc gỡ bỏ: {names}', en: 'replace or remove: {names}' },
  'sample.message.pass': { vi: 'Đạt yêu cầu mục {clause}.', en: 'Meets clause {clause}.' },
  'sample.message.fail': { vi: 'Chưa đạt yêu cầu mục {clause}.', en: 'Does not meet clause {clause}.' },
  'sample.message.partial': { vi: 'Đạt một phần: {points}/{weight} điểm.', en: 'Partly met: {points}/{weight} points.' },
  'sample.message.missing': { vi: 'Không đánh giá được vì thiếu dữ liệu.', en: 'Cannot be assessed: data missing.' },
  'sample.message.not_applicable': { vi: 'Chỉ áp dụng cho cấp {levels|vocab:levels}.', en: 'Applies to {levels|vocab:levels} only.' },
  'sample.message.waived': { vi: 'Được miễn trừ.', en: 'Waived.' },
  'sample.issue.not_a_number': { vi: 'Ô "{field}" phải là số, đang ghi "{value}".', en: '"{field}" must be a number, found "{value}".' },
  'sample.issue.unknown_value': { vi: 'Giá trị "{value}" không có trong danh sách của cột "{field}".', en: '"{value}" is not in the list for "{field}".' },
  'sample.issue.column_missing': { vi: 'Thiếu cột "{column}".', en: 'Column "{column}" is missing.' },
  'sample.issue.total_mismatch': { vi: 'Tổng số học sinh {value} khác tổng các cấp {sum}.', en: 'Total students {value} differs from the sum of levels {sum}.' },
  'sample.warning.waiver_unknown_criterion': {
    vi: 'Miễn trừ cho tiêu chí "{criterion}" không khớp tiêu chí nào của bộ tiêu chí (có thể gõ sai mã).',
    en: 'The waiver for criterion "{criterion}" matches no criterion of the rubric (a typo?).',
  },
  'sample.warning.waiver_expired': {
    vi: 'Miễn trừ tiêu chí "{criterion}" đã hết hạn ngày {expires}, không được áp dụng.',
    en: 'The waiver for "{criterion}" expired on {expires} and was not applied.',
  },
});

const f = (code: string, args?: Finding['args']): Finding => ({ code: `sample.${code}`, ...(args ? { args } : {}) });

const HOSTILE_SOFTWARE = '=HYPERLINK("http://evil.example/x","Bấm vào đây")';
const HOSTILE_REASON = 'Phòng máy đang cải tạo | chờ `dự án` <script>alert(1)</script>';

type C = Omit<CriterionResult, 'quote' | 'source' | 'hint' | 'waiver' | 'cells'> & Partial<CriterionResult>;
const criterion = (c: C): CriterionResult => ({ quote: null, source: null, hint: null, waiver: null, cells: [], ...c });

export function sampleResult(): AuditResult {
  const criteria: CriterionResult[] = [
    criterion({
      id: '1.it-leader', clause: '1', severity: 'required', weight: 5, status: 'pass', points: 5,
      title: { vi: 'Phân công lãnh đạo, cán bộ phụ trách CNTT', en: 'IT leader and staff assigned' },
      quote: 'Nhà trường phân công một đồng chí trong Ban giám hiệu và cán bộ giáo viên (kiêm nhiệm) làm đầu mối theo dõi, phụ trách CNTT.',
      rule: 'it_assignment', actual: f('yes'), expected: f('yes'), message: f('message.pass', { clause: '1' }), gap: null,
      cells: [{ sheet: 'Thông tin chung', cell: 'B37' }],
    }),
    criterion({
      id: '1.it-staff', clause: '1', severity: 'required', weight: 5, status: 'missing', points: 0,
      title: { vi: 'Có cán bộ, giáo viên đầu mối CNTT', en: 'IT focal person named' },
      quote: 'Nhà trường phân công một đồng chí trong Ban giám hiệu và cán bộ giáo viên (kiêm nhiệm) làm đầu mối theo dõi, phụ trách CNTT.',
      hint: { vi: 'Ghi họ tên cán bộ đầu mối CNTT vào trang Thông tin chung.', en: 'Write the IT focal person’s name on the general information sheet.' },
      rule: 'it_staff', actual: f('not_declared'), expected: f('declared'), message: f('message.missing'),
      gap: f('gap.declare', { field: 'Cán bộ, giáo viên đầu mối CNTT (họ tên)' }),
    }),
    criterion({
      id: '2.internet-fibre', clause: '2', severity: 'recommended', weight: 5, status: 'pass', points: 5,
      title: { vi: 'Kết nối Internet tốc độ cao (ưu tiên cáp quang)', en: 'High-speed Internet (fibre preferred)' },
      rule: 'internet_type in [cap_quang]', actual: f('value_is', { value: 'cap_quang' }),
      expected: f('one_of', { values: ['cap_quang'] }), message: f('message.pass', { clause: '2' }), gap: null,
      cells: [{ sheet: 'Thông tin chung', cell: 'B15' }],
    }),
    criterion({
      id: '2.wifi', clause: '2', severity: 'recommended', weight: 5, status: 'pass', points: 5,
      title: { vi: 'Có mạng Wi-Fi hỗ trợ giáo viên soạn giảng', en: 'Wi-Fi for teachers' },
      rule: 'wifi', actual: f('yes'), expected: f('yes'), message: f('message.pass', { clause: '2' }), gap: null,
      cells: [{ sheet: 'Thông tin chung', cell: 'B18' }],
    }),
    criterion({
      id: '2.management-computers', clause: '2', severity: 'required', weight: 10, status: 'fail', points: 0,
      title: { vi: 'Ít nhất 02 bộ máy tính phục vụ quản lý, điều hành', en: 'At least 2 computers for management' },
      quote: 'Trang bị thiết bị CNTT phục vụ công tác quản lý, điều hành: mỗi trường cần có ít nhất 02 bộ máy tính, 01 máy in và 01 webcam.',
      hint: { vi: 'Bổ sung máy tính cho bộ phận văn phòng, kế toán.' },
      rule: 'computers.quan_ly >= 2', actual: f('computers', { n: 1 }), expected: f('at_least_computers', { n: 2 }),
      message: f('message.fail', { clause: '2' }), gap: f('gap.computers', { n: 1, purpose: 'quan_ly' }),
      cells: [{ sheet: 'Thiết bị', cell: 'D9' }, { sheet: 'Thiết bị', cell: 'D5' }, { sheet: 'Thiết bị', cell: 'D9' }],
    }),
    criterion({
      id: '2.students-per-computer', clause: '2', severity: 'required', weight: 10, status: 'waived', points: null,
      title: { vi: 'Tỷ lệ học sinh/máy tính phục vụ dạy học Tin học', en: 'Students per teaching computer' },
      quote: 'trung học phổ thông đạt tỷ lệ 12 học sinh/1 máy tính',
      rule: 'students_per_computer(phong_may; thpt ≤ 12)', actual: f('ratio', { computers: 40, ratio: 15.7 }),
      expected: f('at_most_ratio', { max: 12, required: 53 }), message: f('message.waived'),
      gap: f('gap.computers', { n: 13, purpose: 'phong_may' }),
      cells: [{ sheet: 'Thiết bị', cell: 'D12' }, { sheet: 'Thông tin chung', cell: 'B12' }],
      waiver: { reason: HOSTILE_REASON, approved_by: 'Phòng GD&ĐT Mỏ Cày Nam', expires: '2017-03-31' },
    }),
    criterion({
      id: '3.1.website', clause: '3.1', severity: 'required', weight: 5, status: 'pass', points: 5,
      title: { vi: 'Triển khai website của đơn vị', en: 'School website in operation' },
      rule: 'website', actual: f('declared'), expected: f('declared'), message: f('message.pass', { clause: '3.1' }), gap: null,
      cells: [{ sheet: 'Thông tin chung', cell: 'B24' }],
    }),
    criterion({
      id: '3.2.e-gradebook', clause: '3.2', severity: 'required', weight: 10, status: 'pass', points: 10,
      title: { vi: 'Thực hiện sổ điểm điện tử', en: 'Electronic gradebook in use' },
      rule: 'software(so_diem_dien_tu)', actual: f('software_found', { names: ['vnEdu'] }),
      expected: f('software_needed', { function: 'so_diem_dien_tu' }), message: f('message.pass', { clause: '3.2' }), gap: null,
      cells: [{ sheet: 'Phần mềm', cell: 'A3' }],
    }),
    criterion({
      // no English title: the en reports fall back to Vietnamese
      id: '3.3.unlicensed-software', clause: '3.3', severity: 'recommended', weight: 5, status: 'fail', points: 0,
      title: { vi: 'Không sử dụng phần mềm không bản quyền' },
      rule: 'software.unlicensed == 0', actual: f('count', { n: 2 }), expected: f('zero_unlicensed'),
      message: f('message.fail', { clause: '3.3' }), gap: f('gap.unlicensed', { names: [HOSTILE_SOFTWARE, '-1+1 | `Office`'] }),
      cells: [{ sheet: 'Phần mềm', cell: 'A7' }, { sheet: 'Phần mềm', cell: 'A10' }],
    }),
    criterion({
      id: '4.elearning', clause: '4', severity: 'required', weight: 10, status: 'fail', points: 4,
      title: { vi: 'Giáo viên xây dựng bài giảng e-Learning', en: 'Teachers build e-learning lessons' },
      quote: 'Mỗi giáo viên xây dựng ít nhất 01 bài giảng e-Learning trong năm học.',
      hint: { vi: 'Tổ chức tập huấn soạn bài giảng e-Learning theo tổ chuyên môn.', en: 'Train subject groups to build e-learning lessons.' },
      rule: 'graded(teachers.elearning_share; ≥0.8→10, ≥0.5→4)', actual: f('share', { percent: 55 }),
      expected: f('graded_expected', { percent: 80, points: 10 }), message: f('message.partial', { points: 4, weight: 10 }),
      gap: f('gap.teachers', { n: 11 }),
      cells: [{ sheet: 'Giáo viên', cell: 'C2' }],
    }),
    criterion({
      id: '4.informatics-primary', clause: '4', severity: 'recommended', weight: 5, status: 'not_applicable', points: null,
      title: { vi: 'Giảng dạy Tin học cơ bản ở tiểu học', en: 'Basic informatics taught in primary' },
      rule: 'teaches_informatics', actual: null, expected: null, message: f('message.not_applicable', { levels: ['tieu_hoc'] }), gap: null,
    }),
  ];

  return {
    tool: { name: 'audit', version: '0.1.0' },
    rubric: {
      id: 'ben-tre-2782', version: '1.0.0',
      title: {
        vi: 'Tăng cường các hoạt động ứng dụng CNTT trong trường học (Bến Tre, 2016)',
        en: 'Strengthening IT use in schools (Bến Tre, 2016)',
      },
      sha256: '3f1c9a0e5b7d2c4e6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a',
      issuer: 'Sở GD&ĐT Bến Tre',
      document: { number: '2782/SGD&ĐT-KTQLCLGD&CNTT', date: '2016-10-26' },
    },
    school: {
      code: '83000123', name: 'Trường THPT Mỏ Cày <Nam> & "Bắc"', province: 'Bến Tre', district: 'Mỏ Cày Nam',
      school_year: '2016-2017', levels: ['thpt'],
    },
    source: { file: 'thpt-mo-cay.xlsx', sha256: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3a94a8fe5ccb19ba61c4c0873' },
    as_of: '2016-11-01',
    // earned 5+0+5+5+0+5+10+0+4 = 34 of 60 possible (waived and not applicable left out) → 56.7
    score: 56.7,
    status: 'fail',
    band: { id: 'trung-binh', label: { vi: 'Trung bình', en: 'Average' } },
    // titles as the rubric gives them: both languages, Vietnamese only, none (the id is shown)
    groups: [
      {
        id: 'ha-tang', title: { vi: 'Hạ tầng, thiết bị CNTT', en: 'IT infrastructure and equipment' },
        score: 50, band: { id: 'trung-binh', label: { vi: 'Trung bình', en: 'Average' } },
      },
      { id: 'quan-ly', title: { vi: 'Ứng dụng CNTT trong quản lý' }, score: 75, band: { id: 'kha', label: { vi: 'Khá' } } },
      { id: 'day-hoc', score: 40, band: { id: 'yeu', label: { vi: 'Yếu', en: 'Weak' } } },
    ],
    // fails on both counts: 2 required criteria fail, 1 is missing, and 56.7 < 60
    pass_rule: { min_score: 60, all_required: true },
    has_bands: true,
    summary: { pass: 5, fail: 3, missing: 1, not_applicable: 1, waived: 1 },
    criteria,
    data_issues: [
      { severity: 'warning', sheet: 'Thiết bị', cell: 'E12', code: 'sample.issue.unknown_value', args: { value: 'Tạm được', field: 'Tình trạng' } },
      { severity: 'error', sheet: 'Thiết bị', cell: 'D14', code: 'sample.issue.not_a_number', args: { value: HOSTILE_SOFTWARE, field: 'Số lượng' } },
      { severity: 'warning', sheet: 'Giáo viên', cell: null, code: 'sample.issue.column_missing', args: { column: 'Đạt chuẩn kỹ năng sử dụng CNTT' } },
      { severity: 'error', sheet: 'Thiết bị', cell: 'C9', code: 'sample.issue.not_a_number', args: { value: '12\u0007 bộ\u001b[31m', field: 'Số lượng' } },
      { severity: 'warning', sheet: 'Thông tin chung', cell: 'B12', code: 'sample.issue.total_mismatch', args: { value: 640, sum: 636 } },
    ],
    warnings: [
      { code: 'sample.warning.waiver_unknown_criterion', args: { criterion: '2.students-per-computr' } },
      { code: 'sample.warning.waiver_expired', args: { criterion: '3.1.website', expires: '2016-09-30' } },
    ],
    deadlines: [
      { id: 'it-plan', date: '2016-11-15', title: { vi: 'Gửi kế hoạch ứng dụng CNTT năm học về Sở', en: 'Send the annual IT plan to the Department' } },
      { id: 'focal-list', date: '2016-11-08', title: { vi: 'Báo cáo danh sách cán bộ đầu mối CNTT' } },
      { id: 'website-list', date: '2016-10-30', title: { vi: 'Gửi địa chỉ website về Sở', en: 'Send the website address' } },
    ].map((d) => ({ ...d, days_left: daysBetween('2016-11-01', d.date) })),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A result with nothing known: no school code or name, no levels, every criterion not applicable or
 * waived (so the score is null), a rubric without bands, no groups, issues, warnings or deadlines.
 */
export function minimalResult(): AuditResult {
  const base = sampleResult();
  return {
    ...base,
    school: { code: null, name: null, province: null, district: null, school_year: null, levels: [] },
    source: { file: 'khong-ten.xlsx', sha256: '0'.repeat(64) },
    score: null,
    status: 'pass',
    band: null,
    groups: [],
    pass_rule: { min_score: null, all_required: true },
    has_bands: false,
    summary: { pass: 0, fail: 0, missing: 0, not_applicable: 1, waived: 1 },
    criteria: [
      criterion({
        id: '1.it-leader', clause: '1', severity: 'required', weight: 5, status: 'waived', points: null,
        title: { vi: 'Phân công lãnh đạo, cán bộ phụ trách CNTT', en: 'IT leader and staff assigned' },
        rule: 'it_assignment', actual: null, expected: f('yes'), message: f('message.waived'), gap: null,
        waiver: { reason: 'Trường mới thành lập', approved_by: null, expires: '2017-06-30' },
      }),
      criterion({
        id: '4.informatics-primary', clause: '4', severity: 'recommended', weight: 5, status: 'not_applicable', points: null,
        title: { vi: 'Giảng dạy Tin học cơ bản ở tiểu học', en: 'Basic informatics taught in primary' },
        rule: 'teaches_informatics', actual: null, expected: null, message: f('message.not_applicable', { levels: ['tieu_hoc'] }), gap: null,
      }),
    ],
    data_issues: [],
    warnings: [],
    deadlines: [],
  };
}
