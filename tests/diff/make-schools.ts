// Two school years of Bến Tre upper-secondary schools for the diff tests, from readable descriptions. Each
// school starts from the compliant example school of fixtures/schools.mjs (thptDatChuan: passes
// ben-tre-2782 with 100) and changes only the facts it names; fixtures/generate.mjs (exceljs) lays it out
// as the four-sheet inventory workbook. Everything is written into a temp folder.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// @ts-expect-error: plain ESM fixtures without type declarations
import { writeSchool } from '../../fixtures/generate.mjs';
// @ts-expect-error: plain ESM fixtures without type declarations
import { thptDatChuan } from '../../fixtures/schools.mjs';

export type SchoolYear = '2016-2017' | '2017-2018' | '2023-2024' | '2024-2025';

/** One school in one year, as a Phòng would describe it; anything not named is as in the compliant school. */
export interface YearSchool {
  /** Path inside the year's folder. */
  file: string;
  code: string;
  name: string;
  year: SchoolYear;
  /** "Có mạng Wi-Fi phục vụ giáo viên" (2.wifi, required). Default yes. */
  wifi?: boolean;
  /** Working webcams (2.webcam, required: at least 1). Default 2. */
  webcams?: number;
  /** Working computers for management (2.management-computers: at least 2; the test rubric 1.1.0 asks 3). Default 6. */
  managementComputers?: number;
  /** Working lab computers over the 3 labs, for 840 students (2.students-per-computer: 70 needed). Default 72. */
  labComputers?: number;
  /** "Ngày lập báo cáo". Default 15 October of the school year. */
  reportDate?: Date;
  /** "Ngày gửi danh sách cán bộ đầu mối, địa chỉ website về Sở" (7.focal-report, judged in 2016-2017 only). */
  focalReportDate?: Date;
}

type Row = Record<string, unknown>;
interface Description { file: string; title: string; info: [string, unknown][]; equipment: Row[]; software: Row[]; teachers: Row[] }

const BASE = thptDatChuan as Description;
const yes = (b: boolean): string => (b ? 'Có' : 'Không');

/** The workbook description of one school-year. */
export function describeYearSchool(s: YearSchool): Description {
  const start = Number(s.year.slice(0, 4));
  const info = new Map<string, unknown>(BASE.info);
  info.set('Mã trường', s.code);
  info.set('Tên trường', s.name);
  info.set('Năm học', s.year);
  info.set('Có mạng Wi-Fi phục vụ giáo viên', yes(s.wifi ?? true));
  info.set('Ngày lập báo cáo', s.reportDate ?? new Date(Date.UTC(start, 9, 15)));
  if (s.focalReportDate) info.set('Ngày gửi danh sách cán bộ đầu mối, địa chỉ website về Sở', s.focalReportDate);

  const management = s.managementComputers ?? 6;
  const laptops = Math.min(2, management);
  const lab = s.labComputers ?? 72;
  const perLab = [0, 1, 2].map((i) => Math.floor(lab / 3) + (i < lab % 3 ? 1 : 0));
  let labRow = 0;
  const equipment: Row[] = [];
  for (const row of BASE.equipment) {
    const kind = row['Loại thiết bị'];
    const purpose = row['Mục đích sử dụng'];
    const working = row['Tình trạng'] === 'Tốt';
    if (kind === 'Webcam') {
      if ((s.webcams ?? 2) > 0) equipment.push({ ...row, 'Số lượng': s.webcams ?? 2 });
    } else if (purpose === 'Quản lý' && kind === 'Máy tính để bàn') {
      if (management - laptops > 0) equipment.push({ ...row, 'Số lượng': management - laptops });
    } else if (purpose === 'Quản lý' && kind === 'Máy tính xách tay') {
      if (laptops > 0) equipment.push({ ...row, 'Số lượng': laptops });
    } else if (purpose === 'Phòng máy' && working) {
      const n = perLab[labRow++] ?? 0;
      if (n > 0) equipment.push({ ...row, 'Số lượng': n });
    } else {
      equipment.push(row);
    }
  }
  return {
    file: s.file,
    title: `KIỂM KÊ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM HỌC ${s.year}`,
    info: [...info],
    equipment,
    software: BASE.software,
    teachers: BASE.teachers,
  };
}

/** Write the schools into `dir` (created); returns `dir`. */
export async function writeYear(dir: string, schools: readonly YearSchool[]): Promise<string> {
  for (const s of schools) {
    const path = join(dir, s.file);
    await mkdir(dirname(path), { recursive: true });
    await writeSchool(describeYearSchool(s), path);
  }
  return dir;
}

export const tempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `audit-${prefix}-`));

// ---------- the two years the tests compare ----------

/** Names of the kind Bến Tre schools carry; codes (one with a leading zero) and figures are invented. */
const A = { code: '83000101', name: 'Trường THPT Lạc Long Quân' };            // improves: no webcam → a webcam
const B = { code: '83000102', name: 'Trường THPT Chê Ghêvara' };              // loses Wi-Fi
const C = { code: '083000103', name: 'Trường THPT Nguyễn Đình Chiểu' };       // unchanged (renamed)
const D = { code: '83000104', name: 'Trường THPT Phan Văn Trị' };             // only in the old year
const E = { code: '83000105', name: 'Trường THPT Lê Hoàng Chiếu' };           // only in the new year
const F = { code: '83000106', name: 'Trường THPT Ca Văn Thỉnh' };             // still short of lab computers

/** 2023-2024: A without a webcam, B with Wi-Fi, C, D, F with 48 lab computers (17.5 students each). */
export const YEAR_OLD: YearSchool[] = [
  { file: 'giong-trom/lac-long-quan.xlsx', ...A, year: '2023-2024', webcams: 0 },
  { file: 'giong-trom/che-ghevara.xlsx', ...B, year: '2023-2024' },
  { file: 'ba-tri/nguyen-dinh-chieu.xlsx', ...C, year: '2023-2024' },
  { file: 'ba-tri/phan-van-tri.xlsx', ...D, year: '2023-2024' },
  { file: 'mo-cay/ca-van-thinh.xlsx', ...F, year: '2023-2024', labComputers: 48 },
];

/** 2024-2025: A with a webcam, B without Wi-Fi, C renamed, E new, F with 60 lab computers (still short). */
export const YEAR_NEW: YearSchool[] = [
  { file: 'giong-trom/lac-long-quan.xlsx', ...A, year: '2024-2025', webcams: 1 },
  { file: 'giong-trom/che-ghevara.xlsx', ...B, year: '2024-2025', wifi: false },
  { file: 'ba-tri/nguyen-dinh-chieu.xlsx', ...C, name: 'Trường THPT chuyên Nguyễn Đình Chiểu', year: '2024-2025' },
  { file: 'ba-tri/le-hoang-chieu.xlsx', ...E, year: '2024-2025' },
  { file: 'mo-cay/ca-van-thinh.xlsx', ...F, year: '2024-2025', labComputers: 60 },
];

export const CODES = { improves: A.code, losesWifi: B.code, renamed: C.code, onlyOld: D.code, onlyNew: E.code, stillShort: F.code };

/** A school whose 2 management computers meet ben-tre-2782@1.0.0 (≥ 2) but not the test rubric 1.1.0 (≥ 3). */
export const TWO_MANAGEMENT_COMPUTERS: YearSchool = {
  file: 'huong-my.xlsx', code: '83000201', name: 'Trường THPT Hương Mỹ', year: '2024-2025', managementComputers: 2,
};

/** Personal data of the base school that must never reach a diff output. */
export const PERSONAL = {
  leader: 'Lê Văn Hiếu',
  leaderPhone: '0913 456 781',
  staff: 'Trần Thị Ngọc Hân',
  staffPhone: '0918 234 567',
  teachers: (BASE.teachers as Row[]).map((t) => String(t['Họ và tên'])),
};
