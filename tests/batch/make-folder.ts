// Batch folders for tests, from readable descriptions: each school is a few facts (code, name, levels,
// what it does and does not do), laid out as the four-sheet inventory workbook by fixtures/generate.mjs
// (exceljs). Broken files and Excel lock files are written as bytes. Everything goes into a temp folder.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// @ts-expect-error: plain ESM fixtures without type declarations
import { writeSchool } from '../../fixtures/generate.mjs';
// @ts-expect-error: plain ESM fixtures without type declarations
import { roster } from '../../fixtures/schools.mjs';

export type Level = 'Tiểu học' | 'THCS' | 'THPT';

/** One school, as a Phòng would describe it. Defaults: a primary school of Uông Bí, 2016-2017, doing everything. */
export interface SchoolDesc {
  /** Path inside the folder, e.g. 'phuong-a/th-a.xlsx'. */
  file: string;
  code: string | null;
  name: string;
  province?: string;
  district?: string;
  year?: string;
  levels?: Level[];
  teachesInformatics?: boolean;
  eDocuments?: boolean;
  /** Software in use without a license (e.g. a cracked Office): fails uong-bi-466 1.licensed-software. */
  crackedOffice?: boolean;
  openSourceOffice?: boolean;
  labsInternet?: boolean;
  /** Teachers trained in IT this year (recommended criterion 3.training). */
  trained?: boolean;
  /** Phone of the IT lead, a person's data that must never reach a batch output. */
  phone?: string;
  leader?: string;
  teachers?: number;
  /** Students (default 420 per level). */
  students?: number;
  /** Working lab computers (default 20). */
  labComputers?: number;
  /** Working webcams (default none). */
  webcams?: number;
  /** Ngày lập báo cáo (default 1 Dec 2016). */
  reportDate?: Date;
}

/** What is not a school workbook. */
export type BrokenDesc =
  | { file: string; broken: 'not-xlsx' }      // a text file named .xlsx
  | { file: string; broken: 'text'; text: string } // any other file: a CSV, a note, a fake PDF
  | { file: string; broken: 'copy'; of: string }   // a byte-identical copy of another file of the folder
  | { file: string; broken: 'truncated' }     // the first bytes of a zip
  | { file: string; broken: 'lock' }          // Excel's ~$ lock file: must be skipped
  | { file: string; broken: 'no-rubric'; school: SchoolDesc }; // a school no rubric covers

export type Entry = SchoolDesc | BrokenDesc;

const yes = (b: boolean | undefined, dflt = true): string => ((b ?? dflt) ? 'Có' : 'Không');

/** The workbook description fixtures/generate.mjs lays out. */
export function describeWorkbook(s: SchoolDesc) {
  const levels = s.levels ?? ['Tiểu học'];
  const students: [string, number][] = levels.map((l) => [
    l === 'Tiểu học' ? 'Số học sinh tiểu học' : l === 'THCS' ? 'Số học sinh THCS' : 'Số học sinh THPT', s.students ?? 420,
  ]);
  const software = [
    { 'Tên phần mềm': 'vnEdu', 'Chức năng': 'Quản lý trường học, Sổ điểm điện tử', 'Đang sử dụng': 'Có', 'Bản quyền': 'Có bản quyền', 'Kết nối CSDL ngành': 'Có' },
    { 'Tên phần mềm': 'MISA Mimosa', 'Chức năng': 'Kế toán', 'Đang sử dụng': 'Có', 'Bản quyền': 'Có bản quyền' },
  ];
  if (s.openSourceOffice ?? true) software.push({ 'Tên phần mềm': 'LibreOffice', 'Chức năng': 'Văn phòng', 'Đang sử dụng': 'Có', 'Bản quyền': 'Mã nguồn mở' });
  if (s.crackedOffice) software.push({ 'Tên phần mềm': 'Microsoft Office 2010', 'Chức năng': 'Văn phòng', 'Đang sử dụng': 'Có', 'Bản quyền': 'Không' });
  const n = s.teachers ?? 6;
  return {
    title: `KIỂM KÊ ỨNG DỤNG CNTT NĂM HỌC ${s.year ?? '2016-2017'}`,
    info: [
      ...(s.code !== null ? [['Mã trường', s.code]] : []),
      ['Tên trường', s.name],
      ['Tỉnh/Thành phố', s.province ?? 'Quảng Ninh'],
      ['Quận/Huyện', s.district ?? 'Uông Bí'],
      ['Năm học', s.year ?? '2016-2017'],
      ['Cấp học', levels.join(', ')],
      ['Loại hình', 'Công lập'],
      ...students,
      ['Số phòng máy tính', 1],
      ['Phòng máy tính được kết nối Internet', yes(s.labsInternet)],
      ['Lãnh đạo phụ trách CNTT (họ tên)', s.leader ?? 'Nguyễn Thị Hằng'],
      ['Điện thoại lãnh đạo phụ trách CNTT', s.phone ?? '0912 345 678'],
      ['Trao đổi văn bản điện tử qua thư điện tử', yes(s.eDocuments)],
      ['Có giảng dạy môn Tin học', yes(s.teachesInformatics)],
      ['Ngày lập báo cáo', s.reportDate ?? new Date(Date.UTC(2016, 11, 1))],
    ],
    equipment: [
      { 'Loại thiết bị': 'Máy tính để bàn', 'Mục đích sử dụng': 'Phòng máy', 'Số lượng': s.labComputers ?? 20, 'Tình trạng': 'Tốt', 'Năm đưa vào sử dụng': 2014 },
      { 'Loại thiết bị': 'Máy tính để bàn', 'Mục đích sử dụng': 'Quản lý', 'Số lượng': 2, 'Tình trạng': 'Tốt', 'Năm đưa vào sử dụng': 2015 },
      { 'Loại thiết bị': 'Máy in', 'Mục đích sử dụng': 'Quản lý', 'Số lượng': 1, 'Tình trạng': 'Tốt' },
      ...(s.webcams ? [{ 'Loại thiết bị': 'Webcam', 'Mục đích sử dụng': 'Quản lý', 'Số lượng': s.webcams, 'Tình trạng': 'Tốt' }] : []),
    ],
    software,
    teachers: roster({ 'Tổ 1-2': Math.ceil(n / 2), 'Tổ 3-5': Math.floor(n / 2) }, {
      'Số bài giảng e-Learning': 1,
      'Đạt chuẩn kỹ năng sử dụng CNTT': 'Có',
      'Được bồi dưỡng CNTT trong năm': yes(s.trained),
      'Sử dụng CNTT trong công tác, giảng dạy': 'Có',
    }, { seed: Number((s.code ?? '7').slice(-2)) || 7 }),
  };
}

/** Write the folder's files into `dir` (created); returns `dir`. */
export async function writeFolder(dir: string, entries: readonly Entry[]): Promise<string> {
  for (const e of entries) {
    const path = join(dir, e.file);
    await mkdir(dirname(path), { recursive: true });
    if ('broken' in e) {
      if (e.broken === 'not-xlsx') await writeFile(path, 'Đây không phải là sổ Excel\n');
      else if (e.broken === 'text') await writeFile(path, e.text);
      else if (e.broken === 'copy') await copyFile(join(dir, e.of), path);
      else if (e.broken === 'truncated') await writeFile(path, Buffer.from('504b0304140000000800', 'hex'));
      else if (e.broken === 'lock') await writeFile(path, Buffer.alloc(165, 0x20));
      else await writeSchool(describeWorkbook(e.school), path);
    } else {
      await writeSchool(describeWorkbook(e), path);
    }
  }
  return dir;
}

export const tempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `audit-${prefix}-`));

// ---------- the folders the tests use ----------

const PRIMARY_NAMES = ['Trường Tiểu học Quang Trung', 'Trường Tiểu học Yên Thanh', 'Trường Tiểu học Trưng Vương', 'Trường Tiểu học Nam Khê',
  'Trường Tiểu học Vàng Danh', 'Trường Tiểu học Bắc Sơn', 'Trường Tiểu học Thanh Sơn', 'Trường Tiểu học Phương Đông',
  'Trường Tiểu học Phương Nam', 'Trường Tiểu học Điền Công', 'Trường Tiểu học Thượng Yên Công', 'Trường Tiểu học Lý Tự Trọng',
  'Trường Tiểu học Đền Công', 'Trường Tiểu học Hoàng Hoa Thám'];
const THCS_NAMES = ['Trường THCS Nguyễn Trãi', 'Trường THCS Trần Quốc Toản', 'Trường THCS Yên Thanh', 'Trường THCS Nam Khê',
  'Trường THCS Vàng Danh', 'Trường THCS Bắc Sơn', 'Trường THCS Phương Đông', 'Trường THCS Điền Công',
  'Trường THCS Lê Hồng Phong', 'Trường THCS Thanh Sơn'];

/**
 * 24 schools of Uông Bí (14 primary, 10 THCS) in sub-folders, with varied compliance so scores differ and
 * tie; plus 2 broken files, an Excel lock file and a hidden folder (both skipped).
 */
export function districtFolder(): Entry[] {
  const schools: SchoolDesc[] = [];
  PRIMARY_NAMES.forEach((name, i) => schools.push({
    file: `tieu-hoc/${String(i + 1).padStart(2, '0')}-${slug(name)}.xlsx`, code: `2201${String(i + 1).padStart(4, '0')}`, name,
    levels: ['Tiểu học'], teachesInformatics: i % 3 !== 0, crackedOffice: i % 5 === 4, openSourceOffice: i % 4 !== 1,
    trained: i % 2 === 0, eDocuments: i !== 7, phone: `0912 000 1${String(i).padStart(2, '0')}`, leader: `Phạm Thị Lan ${i}`,
  }));
  THCS_NAMES.forEach((name, i) => schools.push({
    file: `thcs/${String(i + 1).padStart(2, '0')}-${slug(name)}.xlsx`, code: `2202${String(i + 1).padStart(4, '0')}`, name,
    levels: ['THCS'], teachesInformatics: i % 4 !== 3, crackedOffice: i % 3 === 2, labsInternet: i % 2 === 0,
    trained: i % 3 !== 1, phone: `0988 000 2${String(i).padStart(2, '0')}`, leader: `Đỗ Văn Hùng ${i}`,
  }));
  return [
    ...schools,
    { file: 'tieu-hoc/bao-cao-cu.xlsx', broken: 'not-xlsx' },
    { file: 'thcs/tai-chua-xong.xlsx', broken: 'truncated' },
    { file: 'thcs/~$01-truong-thcs-nguyen-trai.xlsx', broken: 'lock' },
    { file: '.an/bi-an.xlsx', broken: 'not-xlsx' },
  ];
}

/** 10 primary schools of Uông Bí, `teaching` of them teaching informatics (the 60% district target). */
export function uongBiPrimary(teaching: number): Entry[] {
  return Array.from({ length: 10 }, (_, i): SchoolDesc => ({
    file: `th-${String(i + 1).padStart(2, '0')}.xlsx`, code: `2203${String(i + 1).padStart(4, '0')}`, name: PRIMARY_NAMES[i]!,
    levels: ['Tiểu học'], teachesInformatics: i < teaching,
  }));
}

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The district officer's folder (issue #12, "Done when"): 8 Bến Tre schools in 2 districts (Ba Tri,
 * Mỏ Cày Nam), one school resent with the same code (the later report counts), one school on last year's
 * form, two byte-identical files under different names, a PDF and a CSV named like schools, a note, and an
 * Excel lock file. Bến Tre 2782 counts lab computers (students per computer), management computers,
 * printers, webcams, computers per subject group and teachers' e-learning lessons.
 */
export function officerFolder(): Entry[] {
  const bt = (over: Partial<SchoolDesc> & Pick<SchoolDesc, 'file' | 'code' | 'name'>): SchoolDesc => ({
    province: 'Bến Tre', district: 'Ba Tri', year: '2024-2025', reportDate: new Date(Date.UTC(2024, 9, 15)), ...over,
  });
  const mcn = (over: Partial<SchoolDesc> & Pick<SchoolDesc, 'file' | 'code' | 'name'>): SchoolDesc => bt({ district: 'Mỏ Cày Nam', ...over });
  return [
    bt({ file: 'ba-tri/th-an-duc.xlsx', code: '83000101', name: 'Trường Tiểu học An Đức', webcams: 1 }),
    bt({ file: 'ba-tri/th-bao-thanh.xlsx', code: '83000102', name: 'Trường Tiểu học Bảo Thạnh', labComputers: 12 }),
    bt({ file: 'ba-tri/thcs-tan-xuan.xlsx', code: '83000103', name: 'Trường THCS Tân Xuân', levels: ['THCS'], labComputers: 20 }),
    bt({ file: 'ba-tri/thcs-an-hoa-tay.xlsx', code: '83000104', name: 'Trường THCS An Hòa Tây', levels: ['THCS'], labComputers: 30, webcams: 1, year: '2023-2024' }),
    mcn({ file: 'mo-cay-nam/th-an-thanh.xlsx', code: '83000201', name: 'Trường Tiểu học An Thạnh', webcams: 1 }),
    mcn({ file: 'mo-cay-nam/th-dinh-thuy.xlsx', code: '83000202', name: 'Trường Tiểu học Định Thủy', labComputers: 10 }),
    mcn({ file: 'mo-cay-nam/thcs-my-hoa.xlsx', code: '83000203', name: 'Trường THCS Mỹ Hòa', levels: ['THCS'], labComputers: 15 }),
    mcn({ file: 'mo-cay-nam/thcs-phuoc-hiep.xlsx', code: '83000204', name: 'Trường THCS Phước Hiệp', levels: ['THCS'], labComputers: 28, webcams: 1 }),
    // resent after fixing its lab: the later report counts, the first copy is superseded
    mcn({ file: 'mo-cay-nam/gui-lai/th-dinh-thuy-bo-sung.xlsx', code: '83000202', name: 'Trường Tiểu học Định Thủy', labComputers: 18, reportDate: new Date(Date.UTC(2024, 10, 2)) }),
    { file: 'ba-tri/ban-sao-th-an-duc.xlsx', broken: 'copy', of: 'ba-tri/th-an-duc.xlsx' },
    { file: 'ba-tri/THCS Tân Xuân.pdf', broken: 'text', text: '%PDF-1.4\n% bản scan biên bản kiểm kê\n' },
    { file: 'mo-cay-nam/THCS Mỹ Hòa.csv', broken: 'text', text: 'Mã trường;Tên trường\n83000203;Trường THCS Mỹ Hòa\n' },
    { file: 'ghi-chu.txt', broken: 'text', text: 'Hạn nộp: 30/10\n' },
    { file: 'ba-tri/~$th-an-duc.xlsx', broken: 'lock' },
  ];
}
