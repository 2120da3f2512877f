// The inventory format (../shared/spec/inventory.md) as data: every sheet, field, label,
// alias and vocabulary lives here once; the reader, rubric lint and template all use it.

export const LEVELS = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'gdtx'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = [
  'may_tinh_de_ban', 'may_tinh_xach_tay', 'may_tinh_bang', 'may_chu', 'may_in', 'webcam', 'may_chieu',
  'man_hinh_tuong_tac', 'may_quet', 'thiet_bi_mang', 'camera', 'luu_dien', 'khac',
] as const;
export type Kind = (typeof KINDS)[number];
/** A computer is a desktop or a laptop. */
export const COMPUTER_KINDS: readonly Kind[] = ['may_tinh_de_ban', 'may_tinh_xach_tay'];

export const PURPOSES = ['quan_ly', 'phong_may', 'giao_vien', 'lop_hoc', 'thu_vien', 'khac'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const STATUSES = ['hoat_dong', 'can_sua', 'hong'] as const;
export type DeviceStatus = (typeof STATUSES)[number];

export const FUNCTIONS = [
  'quan_ly_truong_hoc', 'so_diem_dien_tu', 'hoc_ba_dien_tu', 'so_lien_lac_dien_tu', 'thoi_khoa_bieu', 'thu_vien',
  'tai_chinh', 'tai_san', 'quan_ly_thi', 'tuyen_sinh', 'thanh_toan', 'day_hoc_truc_tuyen', 'ngan_hang_cau_hoi',
  'hoc_lieu_so', 'hop_truc_tuyen', 'diet_virus', 'van_phong', 'thu_dien_tu', 'pho_cap', 'csdl_nganh', 'mo_phong', 'khac',
] as const;
export type SoftwareFunction = (typeof FUNCTIONS)[number];

export const LICENSES = ['ban_quyen', 'ma_nguon_mo', 'mien_phi', 'khong'] as const;
export type License = (typeof LICENSES)[number];

export const INTERNET_TYPES = ['cap_quang', 'adsl', 'di_dong', 'khac', 'khong'] as const;
export const SCHOOL_TYPES = ['cong_lap', 'ngoai_cong_lap', 'dtnt', 'chuyen_biet'] as const;

export type I18n = { vi: string; en?: string };

/** A vocabulary: canonical key → Vietnamese label and aliases (matched loosely). */
export interface VocabEntry { key: string; vi: string; en: string; aliases: string[] }

export const VOCAB = {
  levels: [
    { key: 'mam_non', vi: 'Mầm non', en: 'Preschool', aliases: ['MN', 'Nhà trẻ', 'Mẫu giáo'] },
    { key: 'tieu_hoc', vi: 'Tiểu học', en: 'Primary', aliases: ['TH', 'Cấp 1'] },
    { key: 'thcs', vi: 'Trung học cơ sở', en: 'Lower secondary', aliases: ['THCS', 'Cấp 2'] },
    { key: 'thpt', vi: 'Trung học phổ thông', en: 'Upper secondary', aliases: ['THPT', 'Cấp 3'] },
    { key: 'gdtx', vi: 'GDTX', en: 'Continuing education', aliases: ['GDNN-GDTX', 'Trung tâm GDTX'] },
  ],
  school_type: [
    { key: 'cong_lap', vi: 'Công lập', en: 'Public', aliases: [] },
    { key: 'ngoai_cong_lap', vi: 'Ngoài công lập', en: 'Private', aliases: ['Tư thục', 'Dân lập'] },
    { key: 'dtnt', vi: 'Dân tộc nội trú', en: 'Ethnic boarding', aliases: ['DTNT'] },
    { key: 'chuyen_biet', vi: 'Chuyên biệt', en: 'Specialised', aliases: [] },
  ],
  internet_type: [
    { key: 'cap_quang', vi: 'Cáp quang', en: 'Fibre', aliases: ['FTTH'] },
    { key: 'adsl', vi: 'ADSL', en: 'ADSL', aliases: [] },
    { key: 'di_dong', vi: 'Di động', en: 'Mobile', aliases: ['3G', '4G', '5G'] },
    { key: 'khac', vi: 'Khác', en: 'Other', aliases: [] },
    { key: 'khong', vi: 'Không có', en: 'None', aliases: ['Không'] },
  ],
  kind: [
    { key: 'may_tinh_de_ban', vi: 'Máy tính để bàn', en: 'Desktop computer', aliases: ['Máy vi tính', 'Máy tính', 'PC'] },
    { key: 'may_tinh_xach_tay', vi: 'Máy tính xách tay', en: 'Laptop', aliases: ['Laptop', 'Máy vi tính xách tay', 'Notebook'] },
    { key: 'may_tinh_bang', vi: 'Máy tính bảng', en: 'Tablet', aliases: ['Tablet'] },
    { key: 'may_chu', vi: 'Máy chủ', en: 'Server', aliases: ['Server'] },
    { key: 'may_in', vi: 'Máy in', en: 'Printer', aliases: ['Printer'] },
    { key: 'webcam', vi: 'Webcam', en: 'Webcam', aliases: ['Camera họp trực tuyến'] },
    { key: 'may_chieu', vi: 'Máy chiếu', en: 'Projector', aliases: ['Máy chiếu projector', 'Máy chiếu vật thể', 'Projector'] },
    { key: 'man_hinh_tuong_tac', vi: 'Màn hình tương tác', en: 'Interactive display', aliases: ['Bảng tương tác', 'Tivi thông minh', 'Ti vi', 'Tivi'] },
    { key: 'may_quet', vi: 'Máy quét', en: 'Scanner', aliases: ['Máy scan', 'Scanner'] },
    { key: 'thiet_bi_mang', vi: 'Thiết bị mạng', en: 'Network device', aliases: ['Switch', 'Router', 'Bộ phát Wi-Fi', 'Wi-Fi', 'Modem', 'Bộ chia mạng'] },
    { key: 'camera', vi: 'Camera giám sát', en: 'Security camera', aliases: ['Camera', 'Camera an ninh'] },
    { key: 'luu_dien', vi: 'Bộ lưu điện', en: 'UPS', aliases: ['UPS', 'Lưu điện'] },
    { key: 'khac', vi: 'Khác', en: 'Other', aliases: [] },
  ],
  purpose: [
    { key: 'quan_ly', vi: 'Quản lý', en: 'Management', aliases: ['Công tác quản lý', 'Quản lý điều hành', 'Văn phòng', 'Hành chính', 'Ban giám hiệu'] },
    { key: 'phong_may', vi: 'Phòng máy', en: 'Computer lab', aliases: ['Phòng Tin học', 'Phòng học Tin học', 'Dạy học Tin học', 'Học sinh thực hành', 'Học tập', 'Phục vụ học tập', 'Học sinh'] },
    { key: 'giao_vien', vi: 'Giáo viên', en: 'Teachers', aliases: ['Giảng dạy', 'Tổ chuyên môn', 'Tổ bộ môn', 'Tổ', 'GV'] },
    { key: 'lop_hoc', vi: 'Lớp học', en: 'Classrooms', aliases: ['Phòng học'] },
    { key: 'thu_vien', vi: 'Thư viện', en: 'Library', aliases: [] },
    { key: 'khac', vi: 'Khác', en: 'Other', aliases: [] },
  ],
  status: [
    { key: 'hoat_dong', vi: 'Tốt', en: 'Working', aliases: ['Hoạt động tốt', 'Đang sử dụng', 'Bình thường', 'Hoạt động', 'Còn tốt', 'Đang hoạt động'] },
    { key: 'can_sua', vi: 'Cần sửa chữa', en: 'Needs repair', aliases: ['Xuống cấp', 'Cần sửa'] },
    { key: 'hong', vi: 'Hỏng', en: 'Broken', aliases: ['Không sử dụng được', 'Chờ thanh lý', 'Hư', 'Hư hỏng', 'Đã hỏng', 'Không hoạt động'] },
  ],
  function: [
    { key: 'quan_ly_truong_hoc', vi: 'Quản lý trường học', en: 'School management', aliases: ['Quản trị nhà trường', 'Quản lý nhà trường'] },
    { key: 'so_diem_dien_tu', vi: 'Sổ điểm điện tử', en: 'E-gradebook', aliases: [] },
    { key: 'hoc_ba_dien_tu', vi: 'Học bạ điện tử', en: 'E-transcript', aliases: ['Học bạ số'] },
    { key: 'so_lien_lac_dien_tu', vi: 'Sổ liên lạc điện tử', en: 'E-contact book', aliases: ['Liên lạc phụ huynh'] },
    { key: 'thoi_khoa_bieu', vi: 'Thời khóa biểu', en: 'Timetabling', aliases: [] },
    { key: 'thu_vien', vi: 'Quản lý thư viện', en: 'Library', aliases: ['Thư viện số'] },
    { key: 'tai_chinh', vi: 'Kế toán', en: 'Accounting', aliases: ['Tài chính'] },
    { key: 'tai_san', vi: 'Quản lý tài sản', en: 'Assets', aliases: ['Cơ sở vật chất'] },
    { key: 'quan_ly_thi', vi: 'Quản lý thi', en: 'Examinations', aliases: [] },
    { key: 'tuyen_sinh', vi: 'Tuyển sinh trực tuyến', en: 'Online enrolment', aliases: [] },
    { key: 'thanh_toan', vi: 'Thanh toán không dùng tiền mặt', en: 'Cashless payment', aliases: ['Thu học phí trực tuyến'] },
    { key: 'day_hoc_truc_tuyen', vi: 'Dạy học trực tuyến', en: 'Online teaching', aliases: ['LMS', 'E-learning'] },
    { key: 'ngan_hang_cau_hoi', vi: 'Ngân hàng câu hỏi', en: 'Question bank', aliases: ['Thi trực tuyến', 'Kiểm tra trực tuyến'] },
    { key: 'hoc_lieu_so', vi: 'Kho học liệu số', en: 'Digital learning resources', aliases: [] },
    { key: 'hop_truc_tuyen', vi: 'Họp trực tuyến', en: 'Online meetings', aliases: ['Hội nghị truyền hình'] },
    { key: 'diet_virus', vi: 'Diệt virus', en: 'Antivirus', aliases: ['Phòng chống mã độc', 'Diệt vi rút', 'Antivirus'] },
    { key: 'van_phong', vi: 'Văn phòng', en: 'Office suite', aliases: ['Office'] },
    { key: 'thu_dien_tu', vi: 'Thư điện tử', en: 'E-mail', aliases: ['Email'] },
    { key: 'pho_cap', vi: 'Phổ cập giáo dục', en: 'Universal education', aliases: ['PCGD'] },
    { key: 'csdl_nganh', vi: 'CSDL ngành', en: 'Sector database', aliases: [] },
    { key: 'mo_phong', vi: 'Mô phỏng', en: 'Simulation', aliases: ['Thí nghiệm ảo', 'Phần mềm dạy học'] },
    { key: 'khac', vi: 'Khác', en: 'Other', aliases: [] },
  ],
  license: [
    { key: 'ban_quyen', vi: 'Có bản quyền', en: 'Licensed', aliases: ['Có', 'Bản quyền'] },
    { key: 'ma_nguon_mo', vi: 'Mã nguồn mở', en: 'Open source', aliases: [] },
    { key: 'mien_phi', vi: 'Miễn phí', en: 'Free', aliases: [] },
    { key: 'khong', vi: 'Không bản quyền', en: 'Unlicensed', aliases: ['Không', 'Không có', 'Không có bản quyền', 'Chưa có bản quyền'] },
  ],
} satisfies Record<string, VocabEntry[]>;
export type VocabName = keyof typeof VOCAB;

/** How a cell's text becomes a value. */
export type FieldType =
  | 'text' | 'count' | 'number' | 'yesno' | 'date' | 'year' | 'url' | 'email' | 'school_year' | 'province'
  | { vocab: VocabName; multi?: boolean };

export interface FieldDef {
  key: string;
  vi: string;
  en: string;
  aliases: string[];
  type: FieldType;
  required?: boolean;
}

const f = (key: string, vi: string, en: string, type: FieldType, aliases: string[] = [], required = false): FieldDef =>
  ({ key, vi, en, aliases, type, ...(required ? { required } : {}) });

/** Sheet `Thông tin chung`: label in one column, value to its right. */
export const INFO_FIELDS: FieldDef[] = [
  f('school_code', 'Mã trường', 'School code', 'text', ['Mã đơn vị', 'Mã CSDL'], true),
  f('school_name', 'Tên trường', 'School name', 'text', ['Tên đơn vị'], true),
  f('province', 'Tỉnh/Thành phố', 'Province', 'province', ['Tỉnh', 'Thành phố trực thuộc TW'], true),
  f('district', 'Quận/Huyện', 'District', 'text', ['Huyện', 'Quận/Huyện/Thị xã'], true),
  f('school_year', 'Năm học', 'School year', 'school_year', [], true),
  f('levels', 'Cấp học', 'Levels', { vocab: 'levels', multi: true }, [], true),
  f('school_type', 'Loại hình', 'School type', { vocab: 'school_type' }),
  f('students_mam_non', 'Số trẻ mầm non', 'Preschool children', 'count'),
  f('students_tieu_hoc', 'Số học sinh tiểu học', 'Primary students', 'count'),
  f('students_thcs', 'Số học sinh THCS', 'Lower secondary students', 'count'),
  f('students_thpt', 'Số học sinh THPT', 'Upper secondary students', 'count'),
  f('students_gdtx', 'Số học viên GDTX', 'Continuing education learners', 'count'),
  f('classes', 'Số lớp', 'Classes', 'count'),
  f('internet_type', 'Loại kết nối Internet', 'Internet connection', { vocab: 'internet_type' }),
  f('internet_bandwidth_mbps', 'Băng thông Internet (Mbps)', 'Internet bandwidth (Mbps)', 'number'),
  f('isp_count', 'Số nhà cung cấp dịch vụ Internet', 'Internet providers', 'count'),
  f('wifi', 'Có mạng Wi-Fi phục vụ giáo viên', 'Wi-Fi for teachers', 'yesno'),
  f('lan', 'Có mạng nội bộ (LAN)', 'Local network (LAN)', 'yesno'),
  f('labs', 'Số phòng máy tính', 'Computer labs', 'count', ['Phòng học tin học']),
  f('labs_internet', 'Phòng máy tính được kết nối Internet', 'Labs connected to the Internet', 'yesno'),
  f('labs_lan', 'Phòng máy tính có mạng LAN', 'Labs with LAN', 'yesno'),
  f('lab_rules', 'Có nội quy phòng máy và sổ theo dõi sử dụng', 'Lab rules and usage log', 'yesno'),
  f('website', 'Địa chỉ website (trang thông tin điện tử)', 'Website address', 'url'),
  f('website_updated', 'Ngày cập nhật website gần nhất', 'Website last updated', 'date'),
  f('email', 'Thư điện tử của đơn vị', 'School e-mail', 'email'),
  f('website_posts', 'Số tin bài đăng trên website trong năm học', 'Website posts this school year', 'count'),
  f('website_disclosure', 'Website có chuyên mục công khai theo TT 36/2017', 'Public disclosure section (TT 36/2017)', 'yesno'),
  f('website_forms', 'Website có chuyên mục biểu mẫu, thủ tục', 'Forms and procedures section', 'yesno'),
  f('it_leader', 'Lãnh đạo phụ trách CNTT (họ tên)', 'IT leader (name)', 'text'),
  f('it_leader_title', 'Chức vụ lãnh đạo phụ trách CNTT', 'IT leader position', 'text'),
  f('it_leader_phone', 'Điện thoại lãnh đạo phụ trách CNTT', 'IT leader phone', 'text'),
  f('it_leader_email', 'Email lãnh đạo phụ trách CNTT', 'IT leader e-mail', 'email'),
  f('it_staff', 'Cán bộ, giáo viên đầu mối CNTT (họ tên)', 'IT focal person (name)', 'text'),
  f('it_staff_phone', 'Điện thoại cán bộ đầu mối CNTT', 'IT focal person phone', 'text'),
  f('it_staff_email', 'Email cán bộ đầu mối CNTT', 'IT focal person e-mail', 'email'),
  f('it_assignment', 'Có quyết định phân công lãnh đạo, cán bộ phụ trách CNTT', 'Decision assigning IT leader and staff', 'yesno'),
  f('it_plan', 'Kế hoạch ứng dụng CNTT năm học', 'Annual IT plan', 'yesno'),
  f('it_plan_date', 'Ngày ban hành kế hoạch ứng dụng CNTT', 'IT plan issued on', 'date'),
  f('it_regulation', 'Quy chế quản lý, sử dụng hệ thống CNTT', 'Regulation on IT use', 'yesno'),
  f('data_rule', 'Quy định lưu trữ thông tin, dữ liệu', 'Data storage rule', 'yesno'),
  f('backup_offline', 'Sao lưu dữ liệu định kỳ vào ổ đĩa di động', 'Periodic backup to removable drive', 'yesno'),
  f('backup_online', 'Sao lưu dữ liệu định kỳ lên lưu trữ trực tuyến', 'Periodic online backup', 'yesno'),
  f('security_awareness', 'Tuyên truyền, tập huấn an toàn thông tin trong năm', 'Security awareness this year', 'yesno'),
  f('csdl_reporting', 'Cập nhật đầy đủ, đúng hạn dữ liệu trên CSDL ngành', 'Sector database complete and on time', 'yesno'),
  f('online_reporting', 'Báo cáo trực tuyến đầy đủ, đúng hạn', 'Online reports complete and on time', 'yesno'),
  f('e_documents', 'Trao đổi văn bản điện tử qua thư điện tử', 'E-documents by e-mail', 'yesno'),
  f('online_teaching', 'Tổ chức dạy học trực tuyến', 'Online teaching', 'yesno'),
  f('online_meetings', 'Tổ chức họp, sinh hoạt chuyên môn trực tuyến', 'Online meetings', 'yesno'),
  f('online_lesson_plans', 'Duyệt giáo án trên môi trường mạng', 'Online lesson-plan approval', 'yesno'),
  f('e_records', 'Sử dụng hồ sơ, sổ sách điện tử', 'Electronic records', 'yesno'),
  f('teaches_informatics', 'Có giảng dạy môn Tin học', 'Teaches informatics', 'yesno'),
  f('it_training_plan', 'Kế hoạch bồi dưỡng kỹ năng CNTT cho giáo viên', 'IT training plan for teachers', 'yesno'),
  f('audit_date', 'Ngày lập báo cáo', 'Report date', 'date'),
  f('students_informatics', 'Số học sinh học môn Tin học', 'Students learning informatics', 'count'),
  f('model_level', 'Mức độ đạt theo mô hình ứng dụng CNTT (tự đánh giá)', 'Self-assessed IT model level', 'text'),
  f('model_roadmap', 'Kế hoạch năm học có lộ trình đạt các mức độ của mô hình', 'Roadmap to the model levels in the annual plan', 'yesno'),
  f('model_implemented', 'Triển khai mô hình ứng dụng CNTT theo hướng dẫn của Sở', 'Implements the IT model', 'yesno'),
  f('focal_report_date', 'Ngày gửi danh sách cán bộ đầu mối, địa chỉ website về Sở', 'Focal list and website sent on', 'date'),
  f('website_integrated', 'Website tích hợp vào cổng thông tin điện tử của Sở/Phòng', 'Website integrated in the Sở/Phòng portal', 'yesno'),
];

export const EQUIPMENT_COLUMNS: FieldDef[] = [
  f('kind', 'Loại thiết bị', 'Device type', { vocab: 'kind' }, ['Tên thiết bị', 'Thiết bị', 'Nội dung', 'Chỉ tiêu', 'Tên tài sản'], true),
  f('purpose', 'Mục đích sử dụng', 'Purpose', { vocab: 'purpose' }, ['Sử dụng cho', 'Nơi sử dụng']),
  f('quantity', 'Số lượng', 'Quantity', 'count', ['SL'], true),
  f('status', 'Tình trạng', 'Condition', { vocab: 'status' }, ['Tình trạng sử dụng']),
  f('group', 'Tổ chuyên môn', 'Subject group', 'text', ['Tổ bộ môn', 'Vị trí']),
  f('year', 'Năm đưa vào sử dụng', 'Year in service', 'year', ['Năm mua', 'Năm trang bị']),
  f('note', 'Ghi chú', 'Note', 'text'),
];

export const SOFTWARE_COLUMNS: FieldDef[] = [
  f('name', 'Tên phần mềm', 'Software name', 'text', ['Tên hệ thống', 'Phần mềm'], true),
  f('function', 'Chức năng', 'Function', { vocab: 'function', multi: true }, ['Chức năng chính', 'Phân hệ'], true),
  f('in_use', 'Đang sử dụng', 'In use', 'yesno', ['Sử dụng']),
  f('license', 'Bản quyền', 'License', { vocab: 'license' }, ['Giấy phép']),
  f('csdl_connected', 'Kết nối CSDL ngành', 'Connected to sector database', 'yesno', ['Liên thông CSDL ngành']),
  f('note', 'Ghi chú', 'Note', 'text'),
];

export const TEACHER_COLUMNS: FieldDef[] = [
  f('name', 'Họ và tên', 'Full name', 'text', ['Họ tên'], true),
  f('group', 'Tổ chuyên môn', 'Subject group', 'text', ['Tổ', 'Môn dạy']),
  f('elearning_lessons', 'Số bài giảng e-Learning', 'E-learning lessons', 'count', ['Bài giảng điện tử']),
  f('it_standard', 'Đạt chuẩn kỹ năng sử dụng CNTT', 'Meets IT skills standard', 'yesno', ['Chứng chỉ CNTT']),
  f('it_trained', 'Được bồi dưỡng CNTT trong năm', 'IT training this year', 'yesno', ['Hoàn thành tập huấn trên mạng']),
  f('uses_it', 'Sử dụng CNTT trong công tác, giảng dạy', 'Uses IT at work', 'yesno'),
];

export type SheetKey = 'info' | 'equipment' | 'software' | 'teachers';

export interface SheetDef { key: SheetKey; vi: string; en: string; aliases: string[]; fields: FieldDef[] }

export const SHEETS: SheetDef[] = [
  { key: 'info', vi: 'Thông tin chung', en: 'General information', aliases: ['Thông tin', 'General'], fields: INFO_FIELDS },
  { key: 'equipment', vi: 'Thiết bị', en: 'Equipment', aliases: ['Thiết bị CNTT', 'Cơ sở vật chất', 'CSVC'], fields: EQUIPMENT_COLUMNS },
  { key: 'software', vi: 'Phần mềm', en: 'Software', aliases: ['Phần mềm, hệ thống'], fields: SOFTWARE_COLUMNS },
  { key: 'teachers', vi: 'Giáo viên', en: 'Teachers', aliases: ['Đội ngũ'], fields: TEACHER_COLUMNS },
];

export const INFO_KEYS = INFO_FIELDS.map((d) => d.key);
export const infoField = (key: string): FieldDef | undefined => INFO_FIELDS.find((d) => d.key === key);
