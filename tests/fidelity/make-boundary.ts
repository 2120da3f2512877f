// Boundary schools for issue #10 ("verdicts true to the letter"), as workbooks: each is described by the
// `Thông tin chung` fields it declares (by field key, written under the format's label) and its equipment,
// software and teachers, and laid out by fixtures/generate.mjs (exceljs). Used by boundary.test.ts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
// @ts-expect-error: plain ESM fixtures without type declarations
import { writeSchool } from '../../fixtures/generate.mjs';
import { INFO_FIELDS } from '../../src/inventory/fields.js';

type Value = string | number | Date;
export interface Boundary {
  file: string;
  info: Record<string, Value>;
  equipment?: { kind: string; purpose: string; quantity: number; state?: string }[];
  software?: { name: string; functions: string; license: string; csdl?: boolean }[];
  /** Teachers: e-learning lessons each, all using IT. */
  teachers?: number;
}

const LABEL = new Map(INFO_FIELDS.map((f) => [f.key, f.vi]));
const label = (key: string): string => {
  const l = LABEL.get(key);
  if (!l) throw new Error(`no field ${key}`);
  return l;
};

export async function writeBoundary(dir: string, b: Boundary): Promise<string> {
  const path = join(dir, b.file);
  await mkdir(dir, { recursive: true });
  const n = b.teachers ?? 4;
  await writeSchool({
    title: `KIỂM KÊ ỨNG DỤNG CNTT NĂM HỌC ${String(b.info.school_year ?? '')}`,
    info: Object.entries(b.info).map(([k, v]) => [label(k), v]),
    equipment: (b.equipment ?? []).map((e) => ({
      'Loại thiết bị': e.kind, 'Mục đích sử dụng': e.purpose, 'Số lượng': e.quantity, 'Tình trạng': e.state ?? 'Tốt',
    })),
    software: (b.software ?? []).map((s) => ({
      'Tên phần mềm': s.name, 'Chức năng': s.functions, 'Đang sử dụng': 'Có', 'Bản quyền': s.license,
      ...(s.csdl === undefined ? {} : { 'Kết nối CSDL ngành': s.csdl ? 'Có' : 'Không' }),
    })),
    teachers: Array.from({ length: n }, (_, i) => ({
      'Họ và tên': `Giáo viên ${i + 1}`, 'Tổ chuyên môn': i % 2 ? 'Tổ 3-5' : 'Tổ 1-2',
      'Số bài giảng e-Learning': 1, 'Sử dụng CNTT trong công tác, giảng dạy': 'Có', 'Được bồi dưỡng CNTT trong năm': 'Có',
    })),
  }, path);
  return path;
}

/** A Bến Tre primary school of 2016-2017 meeting every binding criterion, with 480 pupils and `labPcs` lab computers. */
export const benTrePrimary = (file: string, labPcs: number, year = '2016-2017'): Boundary => ({
  file,
  info: {
    school_code: '83100201', school_name: 'Trường Tiểu học Phú Túc', province: 'Bến Tre', district: 'Châu Thành',
    school_year: year, levels: 'Tiểu học', students_tieu_hoc: 480, internet_type: 'Cáp quang', isp_count: 1,
    wifi: 'Có', lan: 'Có', labs: 1, labs_internet: 'Có', website: 'http://thphutuc.bentre.edu.vn',
    website_updated: new Date(Date.UTC(2016, 9, 20)), email: 'thphutuc@bentre.edu.vn',
    it_leader: 'Lê Thị Thu', it_staff: 'Võ Văn Nam', it_plan: 'Có', it_training_plan: 'Có', security_awareness: 'Có',
    online_meetings: 'Có', e_documents: 'Có',
  },
  equipment: [
    { kind: 'Máy tính để bàn', purpose: 'Phòng máy', quantity: labPcs },
    { kind: 'Máy tính để bàn', purpose: 'Quản lý', quantity: 2 },
    { kind: 'Máy tính xách tay', purpose: 'Giáo viên', quantity: 2 },
    { kind: 'Máy in', purpose: 'Quản lý', quantity: 1 },
    { kind: 'Webcam', purpose: 'Quản lý', quantity: 1 },
  ],
  software: [{ name: 'vnEdu', functions: 'Quản lý trường học, Sổ điểm điện tử, Sổ liên lạc điện tử', license: 'Có bản quyền' }],
});

/** A Cao Bằng THCS of 2020-2021 with one backup kind and one antivirus licence. */
export const caoBangThcs = (file: string, backup: { offline: boolean; online: boolean }, antivirusLicense: string): Boundary => ({
  file,
  info: {
    school_code: '06000411', school_name: 'Trường THCS Hòa Chung', province: 'Cao Bằng', district: 'Hòa An',
    school_year: '2020-2021', levels: 'THCS', students_thcs: 320,
    backup_offline: backup.offline ? 'Có' : 'Không', backup_online: backup.online ? 'Có' : 'Không',
  },
  software: [{ name: 'Diệt virus', functions: 'Diệt virus', license: antivirusLicense }],
});

/** A Bắc Giang THCS with 2 labs of 20 working computers each. */
export const bacGiangThcs = (file: string, district: string, year: string): Boundary => ({
  file,
  info: {
    school_code: '24000512', school_name: 'Trường THCS Đức Thắng', province: 'Bắc Giang', district,
    school_year: year, levels: 'THCS', students_thcs: 540, students_informatics: 540, labs: 2,
    model_implemented: 'Có', model_level: 'Mức 2', model_roadmap: 'Có',
  },
  equipment: [{ kind: 'Máy tính để bàn', purpose: 'Phòng máy', quantity: 40 }],
});

/** A Uông Bí primary school of 2016-2017; `teaches` undefined leaves "Có giảng dạy môn Tin học" blank. */
export const uongBiPrimary = (i: number, teaches: boolean | undefined): Boundary => ({
  file: `th-${i}.xlsx`,
  info: {
    school_code: `2205000${i}`, school_name: `Trường Tiểu học Số ${i}`, province: 'Quảng Ninh', district: 'Uông Bí',
    school_year: '2016-2017', levels: 'Tiểu học', students_tieu_hoc: 300,
    ...(teaches === undefined ? {} : { teaches_informatics: teaches ? 'Có' : 'Không' }),
  },
});
