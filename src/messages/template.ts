// Words of the blank inventory workbook (`audit template`): sheet names of its own, instructions,
// data-validation prompts and errors, cell notes, and one example value per field. The sheets, labels
// and vocabularies themselves come from src/inventory/fields.ts.
import { format, registerMessages, type Lang } from './format.js';
import type { FindingArg } from '../engine/types.js';
import type { SheetKey } from '../inventory/fields.js';

const TEMPLATE = {
  'template.sheet.instructions': { vi: 'Hướng dẫn', en: 'Instructions' },
  'template.sheet.lists': { vi: 'Danh mục', en: 'Lists' },
  'template.stt': { vi: 'STT', en: 'No.' },
  'template.info.header.label': { vi: 'Nội dung', en: 'Item' },
  'template.info.header.value': { vi: 'Giá trị', en: 'Value' },
  'template.info.header.hint': { vi: 'Cách ghi', en: 'How to fill in' },
  'template.lists.yesno': { vi: 'Có / Không', en: 'Yes / No' },

  // Instructions sheet
  'template.title': { vi: 'MẪU KIỂM KÊ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN TRONG TRƯỜNG HỌC', en: 'SCHOOL IT INVENTORY FORM' },
  'template.for_rubric': {
    vi: 'Dùng để đánh giá theo: {title} ({document}, {issuer}) — bộ tiêu chí {id}@{version}.',
    en: 'For the audit against: {title} ({document}, {issuer}) — rubric {id}@{version}.',
  },
  'template.intro.1': {
    vi: 'Mỗi trường điền một tệp. Điền vào các trang "{info}", "{equipment}", "{software}" và "{teachers}"; không đổi tên trang tính và tên cột.',
    en: 'One file per school. Fill in the sheets "{info}", "{equipment}", "{software}" and "{teachers}"; do not rename the sheets or the column headers.',
  },
  'template.intro.2': {
    vi: 'Mục có dấu ★ là mục cần điền: bắt buộc của mẫu, hoặc được bộ tiêu chí dùng để đánh giá (rê chuột lên ô có tam giác đỏ để xem tiêu chí nào dùng).',
    en: 'Items marked ★ must be filled in: required by the form, or used by the rubric to audit the school (hover over the cell with a red corner to see which criterion uses it).',
  },
  'template.intro.3': {
    vi: 'Ô nào có danh sách thì chọn trong danh sách (mũi tên bên phải ô). "{levels}" và "{function}" có thể ghi nhiều giá trị, cách nhau bằng dấu phẩy.',
    en: 'Where a cell has a list, choose from it (the arrow at the right of the cell). "{levels}" and "{function}" may hold several values separated by commas.',
  },
  'template.intro.4': {
    vi: 'Để trống nghĩa là chưa khai báo (không phải là "Không"): tiêu chí cần mục đó sẽ được báo là thiếu dữ liệu. Số ghi bằng chữ số; ngày ghi dd/mm/yyyy.',
    en: 'An empty cell means "not declared" (not "No"): a criterion that needs it is reported as missing data. Write numbers as digits and dates as dd/mm/yyyy.',
  },
  'template.intro.5': {
    vi: 'Trong các bảng, dòng có STT là "Ví dụ" chỉ để minh họa và không được tính; có thể xóa. Mỗi dòng "{equipment}" là một nhóm thiết bị giống nhau (loại, mục đích, tình trạng).',
    en: 'In the tables, the row whose number is "Ví dụ" is an example and is not counted; it may be deleted. Each row of "{equipment}" is a group of identical devices (type, purpose, condition).',
  },
  'template.intro.6': {
    vi: 'Trang "{teachers}" chứa thông tin cá nhân: báo cáo chỉ dùng số lượng và tỷ lệ, không nêu tên.',
    en: 'The "{teachers}" sheet holds personal data: reports use only counts and shares, never names.',
  },
  'template.guide.sheet': { vi: 'Trang tính', en: 'Sheet' },
  'template.guide.field': { vi: 'Mục / cột', en: 'Item / column' },
  'template.guide.needed': { vi: 'Cần điền', en: 'Needed' },
  'template.guide.type': { vi: 'Kiểu dữ liệu', en: 'Type' },
  'template.guide.allowed': { vi: 'Giá trị được chấp nhận', en: 'Allowed values' },
  'template.guide.example': { vi: 'Ví dụ', en: 'Example' },
  'template.guide.used_by': { vi: 'Tiêu chí sử dụng', en: 'Used by criteria' },
  'template.guide.required': { vi: 'Bắt buộc', en: 'Required' },

  // Types
  'template.type.text': { vi: 'Chữ', en: 'Text' },
  'template.type.count': { vi: 'Số nguyên ≥ 0', en: 'Whole number ≥ 0' },
  'template.type.number': { vi: 'Số (dấu phẩy thập phân: 1,5)', en: 'Number' },
  'template.type.yesno': { vi: 'Có / Không', en: 'Yes / No' },
  'template.type.date': { vi: 'Ngày (dd/mm/yyyy)', en: 'Date (dd/mm/yyyy)' },
  'template.type.year': { vi: 'Năm (yyyy)', en: 'Year (yyyy)' },
  'template.type.url': { vi: 'Địa chỉ website', en: 'Web address' },
  'template.type.email': { vi: 'Địa chỉ thư điện tử', en: 'E-mail address' },
  'template.type.school_year': { vi: 'Năm học (yyyy-yyyy)', en: 'School year (yyyy-yyyy)' },
  'template.type.province': { vi: 'Tên tỉnh/thành phố', en: 'Province name' },
  'template.type.vocab': { vi: 'Chọn một giá trị trong danh sách', en: 'One value from the list' },
  'template.type.vocab_multi': { vi: 'Một hoặc nhiều giá trị trong danh sách, cách nhau bằng dấu phẩy', en: 'One or more values from the list, separated by commas' },
  'template.allowed.count': { vi: '0, 1, 2, …', en: '0, 1, 2, …' },
  'template.allowed.year': { vi: 'Từ 1980 đến 2100', en: '1980 to 2100' },
  'template.allowed.school_year': { vi: 'Hai năm liền nhau: 2024-2025', en: 'Two consecutive years: 2024-2025' },
  'template.allowed.yesno': { vi: 'Có, Không', en: 'Yes, No' },
  'template.allowed.province': { vi: 'Một trong 63 tỉnh, thành phố (không cần "Tỉnh", "TP.")', en: 'One of the 63 provinces (without "Tỉnh", "TP.")' },

  // Data validation
  'template.dv.list.title': { vi: 'Chọn trong danh sách', en: 'Choose from the list' },
  'template.dv.list.error': {
    vi: 'Hãy chọn một giá trị trong danh sách của ô (mũi tên bên phải ô). Các giá trị có ở trang "{lists}".',
    en: 'Choose a value from the cell\'s list (the arrow at its right). The values are on the "{lists}" sheet.',
  },
  'template.dv.multi.title': { vi: 'Giá trị ngoài danh sách', en: 'Value not in the list' },
  'template.dv.multi.error': {
    vi: 'Có thể ghi nhiều giá trị của danh sách, cách nhau bằng dấu phẩy (ví dụ: {example}). Chọn "Yes" để giữ nội dung đã ghi.',
    en: 'Several values from the list may be written, separated by commas (e.g. {example}). Choose "Yes" to keep what you wrote.',
  },
  'template.dv.count.title': { vi: 'Cần một số nguyên', en: 'A whole number is needed' },
  'template.dv.count.error': { vi: 'Hãy ghi một số nguyên từ 0 trở lên, chỉ ghi chữ số (ví dụ: 25).', en: 'Write a whole number, 0 or more, in digits only (e.g. 25).' },
  'template.dv.number.title': { vi: 'Cần một số', en: 'A number is needed' },
  'template.dv.number.error': { vi: 'Hãy ghi một số từ 0 trở lên, chỉ ghi chữ số (ví dụ: 100).', en: 'Write a number, 0 or more, in digits only (e.g. 100).' },
  'template.dv.year.title': { vi: 'Cần một năm', en: 'A year is needed' },
  'template.dv.year.error': { vi: 'Hãy ghi năm bằng 4 chữ số, từ 1980 đến 2100 (ví dụ: 2020).', en: 'Write the year in 4 digits, 1980 to 2100 (e.g. 2020).' },
  'template.dv.date.title': { vi: 'Cần một ngày', en: 'A date is needed' },
  'template.dv.date.error': { vi: 'Hãy ghi ngày theo dạng dd/mm/yyyy (ví dụ: 15/10/2024).', en: 'Write the date as dd/mm/yyyy (e.g. 15/10/2024).' },

  // Cell notes
  'template.note.required': { vi: '★ Bắt buộc của mẫu kiểm kê.', en: '★ Required by the inventory form.' },
  'template.note.used_by': { vi: '★ Bộ tiêu chí {rubric} dùng mục này cho:{criteria}', en: '★ Rubric {rubric} uses this for:{criteria}' },
  'template.note.more': { vi: 'và {count} tiêu chí khác', en: 'and {count} more criteria' },
  'template.example_note': { vi: 'Dòng ví dụ, không được tính — có thể xóa', en: 'Example row, not counted — may be deleted' },
} as const;

registerMessages(TEMPLATE);

export type TemplateLabel = keyof typeof TEMPLATE;

export const templateLabel = (key: TemplateLabel, lang: Lang, args?: Record<string, FindingArg>): string =>
  format({ code: key, ...(args ? { args } : {}) }, lang);

/**
 * Example values shown in the instructions and in the example rows, for fields whose example is not a
 * vocabulary or yes/no value (those are taken from the lists). A string has no language; {vi,en} has.
 */
export const FIELD_EXAMPLES: Record<SheetKey, Record<string, string | number | { vi: string; en: string }>> = {
  info: {
    school_code: '83000123',
    school_name: 'Trường THCS Nguyễn Du',
    province: 'Bến Tre',
    district: 'Mỏ Cày Nam',
    school_year: '2024-2025',
    students_mam_non: 210,
    students_tieu_hoc: 490,
    students_thcs: 480,
    students_thpt: 600,
    students_gdtx: 150,
    classes: 16,
    internet_bandwidth_mbps: 100,
    isp_count: 2,
    labs: 2,
    website: 'https://thcsnguyendu.edu.vn',
    website_updated: '15/10/2024',
    email: 'thcsnguyendu@bentre.edu.vn',
    website_posts: 24,
    it_leader: 'Nguyễn Văn An',
    it_leader_title: { vi: 'Phó Hiệu trưởng', en: 'Phó Hiệu trưởng (vice principal)' },
    it_leader_phone: '0912 345 678',
    it_leader_email: 'nvan@bentre.edu.vn',
    it_staff: 'Trần Thị Bình',
    it_staff_phone: '0987 654 321',
    it_staff_email: 'ttbinh@bentre.edu.vn',
    it_plan_date: '05/09/2024',
    audit_date: '30/10/2024',
    students_informatics: 480,
    model_level: { vi: 'Mức 1', en: 'Mức 1 (level 1)' },
    focal_report_date: '08/11/2024',
  },
  equipment: {
    quantity: 20,
    group: { vi: 'Tổ Toán - Tin', en: 'Tổ Toán - Tin (maths and informatics)' },
    year: 2020,
  },
  software: {
    name: 'vnEdu',
  },
  teachers: {
    name: 'Nguyễn Thị Hoa',
    group: { vi: 'Tổ Ngữ văn', en: 'Tổ Ngữ văn (literature)' },
    elearning_lessons: 3,
  },
};
