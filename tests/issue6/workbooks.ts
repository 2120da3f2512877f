// Workbooks for the "meet schools where their files are" tests, built with exceljs from the example
// schools of fixtures/schools.mjs: the same school in the template's layout, in the Biểu mẫu 10 form
// schools publish, in a district's own layout (read with a mapping file), and typed in TCVN3.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
// @ts-expect-error plain JavaScript fixtures, no types
import { buildWorkbook } from '../../fixtures/generate.mjs';
// @ts-expect-error plain JavaScript fixtures, no types
import { thptDatChuan } from '../../fixtures/schools.mjs';
import { auditInventory, schoolIdentity } from '../../src/engine/audit.js';
import type { AuditResult } from '../../src/engine/types.js';
import { readInventory } from '../../src/inventory/index.js';
import type { NormalizeOptions } from '../../src/inventory/normalize.js';
import { unicodeToLegacy, type LegacyEncoding } from '../../src/inventory/legacy-fonts.js';
import { chooseRubric } from '../../src/rubric/select.js';

type Cell = string | number | Date | null;
type Row = Record<string, Cell>;
export interface School {
  file: string;
  title: string;
  info: [string, Cell][];
  equipment: Row[];
  software: Row[];
  teachers: Row[];
}

/** The compliant THPT of the fixtures (passes ben-tre-2782). */
export const SCHOOL = thptDatChuan as School;

/** Its equipment without the broken computers: Biểu mẫu 10 lists only devices in use. */
export const IN_USE_EQUIPMENT: Row[] = SCHOOL.equipment.filter((r) => r['Tình trạng'] !== 'Hỏng');

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The school in the template's layout (fixtures/generate.mjs), with the equipment given. */
export function templateLayout(school: School = SCHOOL, equipment: Row[] = school.equipment): ExcelJS.Workbook {
  return buildWorkbook({ ...school, equipment }) as ExcelJS.Workbook;
}

/**
 * The same school with its equipment as the Biểu mẫu 10 form of TT 36/2017 (công khai cơ sở vật chất):
 * a title block, then STT | Nội dung | Đơn vị tính | Số lượng | Bình quân, sections numbered I, II…,
 * rows that are not devices, and device rows whose label holds kind, "đang sử dụng" and purpose.
 */
export function bieuMau10Layout(school: School = SCHOOL): ExcelJS.Workbook {
  const wb = templateLayout(school, IN_USE_EQUIPMENT);
  wb.removeWorksheet(wb.getWorksheet('Thiết bị')!.id);
  const ws = wb.addWorksheet('Biểu mẫu 10');
  const rows: Cell[][] = [
    ['Biểu mẫu 10'],
    ['SỞ GD&ĐT BẾN TRE'],
    ['TRƯỜNG THPT NGUYỄN THỊ ĐỊNH'],
    ['THÔNG BÁO'],
    ['Công khai thông tin cơ sở vật chất của trường trung học phổ thông, năm học 2024-2025'],
    [],
    ['STT', 'Nội dung', 'Đơn vị tính', 'Số lượng', 'Bình quân'],
    ['I', 'Số phòng học', 'phòng', 21, null],
    ['II', 'Loại phòng học', 'phòng', null, null],
    [1, 'Phòng học kiên cố', 'phòng', 21, null],
    ['III', 'Số điểm trường', 'điểm', 1, null],
    ['IV', 'Tổng diện tích đất (m2)', 'm2', 12000, '14,3 m2/học sinh'],
    ['V', 'Tổng số máy vi tính đang sử dụng phục vụ học tập (Đơn vị tính: bộ)', 'bộ', 72, '11,7 học sinh/bộ'],
    ['VI', 'Máy vi tính đang sử dụng phục vụ công tác quản lý, điều hành', 'bộ', 4, null],
    ['VII', 'Máy tính xách tay phục vụ công tác quản lý', 'chiếc', 2, null],
    ['VIII', 'Máy tính xách tay dùng cho tổ chuyên môn', 'chiếc', 8, null],
    ['IX', 'Máy vi tính phục vụ thư viện', 'bộ', 4, null],
    ['X', 'Tổng số thiết bị đang sử dụng', null, null, null],
    [1, 'Máy chủ phục vụ công tác quản lý', 'chiếc', 1, null],
    [2, 'Máy in phục vụ công tác quản lý', 'chiếc', 3, null],
    [3, 'Máy quét phục vụ công tác quản lý', 'chiếc', 1, null],
    [4, 'Webcam phục vụ công tác quản lý', 'chiếc', 2, null],
    [5, 'Máy chiếu phục vụ lớp học', 'chiếc', 12, '1,75 lớp/chiếc'],
    [6, 'Ti vi phục vụ lớp học', 'chiếc', 9, null],
    [7, 'Thiết bị mạng (switch)', 'chiếc', 6, null],
    [8, 'Bộ phát Wi-Fi', 'chiếc', 10, null],
    [9, 'Bộ lưu điện phục vụ công tác quản lý', 'bộ', 4, null],
    [10, 'Camera giám sát', 'chiếc', 16, null],
    [null, 'Tổng cộng', null, null, null],
    [],
    [null, null, null, 'Giồng Trôm, ngày 15 tháng 10 năm 2024'],
    [null, null, null, 'Hiệu trưởng'],
  ];
  rows.forEach((cells, r) => cells.forEach((v, c) => { if (v !== null) ws.getCell(r + 1, c + 1).value = v; }));
  ws.mergeCells('A1:E1');
  return wb;
}

/**
 * The same school in a district's own layout: sheets "TT chung", "TB CNTT", "PM", "Đội ngũ GV"; its own
 * headers ("Tên TB", "SL máy", "Mục đích", "Tình trạng TB"), labels ("Mã số trường", "Tên đơn vị trường")
 * and a purpose word ("P. Tin"). The mapping file that reads it is DISTRICT_MAPPING.
 */
export function districtLayout(school: School = SCHOOL): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: Cell[][]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((cells, r) => cells.forEach((v, c) => { if (v !== null) ws.getCell(r + 1, c + 1).value = v; }));
  };
  const relabel: Record<string, string> = { 'Mã trường': 'Mã số trường', 'Tên trường': 'Tên đơn vị trường' };
  add('TT chung', school.info.map(([label, value]) => [relabel[label] ?? label, value]));
  const purpose = (p: Cell) => (p === 'Phòng máy' ? 'P. Tin' : p);
  add('TB CNTT', [
    ['Tên TB', 'Mục đích', 'SL máy', 'Tình trạng TB', 'Năm mua'],
    ...school.equipment.map((r) => [r['Loại thiết bị']!, purpose(r['Mục đích sử dụng']!), r['Số lượng']!, r['Tình trạng']!, r['Năm đưa vào sử dụng'] ?? null]),
  ]);
  const sw = ['Tên phần mềm', 'Chức năng', 'Đang sử dụng', 'Bản quyền', 'Kết nối CSDL ngành'];
  add('PM', [sw, ...school.software.map((r) => sw.map((h) => r[h] ?? null))]);
  const tc = ['Họ và tên', 'Tổ chuyên môn', 'Số bài giảng e-Learning', 'Đạt chuẩn kỹ năng sử dụng CNTT', 'Được bồi dưỡng CNTT trong năm', 'Sử dụng CNTT trong công tác, giảng dạy'];
  add('Đội ngũ GV', [tc, ...school.teachers.map((r) => tc.map((h) => r[h] ?? null))]);
  return wb;
}

/** Five lines that let the reader understand districtLayout (the sheet names, columns, labels and word it uses). */
export const DISTRICT_MAPPING = [
  'sheets: { info: ["TT chung"], equipment: ["TB CNTT"], software: [PM], teachers: ["Đội ngũ GV"] }',
  'columns: { equipment: { kind: ["Tên TB"], purpose: ["Mục đích"], quantity: ["SL máy"], status: ["Tình trạng TB"] } }',
  'labels: { school_code: ["Mã số trường"], school_name: ["Tên đơn vị trường"] }',
  'values: { purpose: { phong_may: ["P. Tin"] } }',
  'schema: audit-mapping/v1',
].join('\n') + '\n';

/** The school typed with a TCVN3 (.VnTime) font: every text of the workbook in that encoding. */
export function legacyLayout(enc: LegacyEncoding, school: School = SCHOOL): ExcelJS.Workbook {
  const wb = templateLayout(school);
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.value = unicodeToLegacy(cell.value, enc);
    }));
    // Sheet names typed in the old font too (Excel keeps them as they are).
    ws.name = unicodeToLegacy(ws.name, enc);
  }
  return wb;
}

/** Audit workbook bytes in-process, the rubric chosen from the workbook as the CLI does. */
export function auditBytes(bytes: Uint8Array, name: string, options: NormalizeOptions = {}): AuditResult {
  const inv = readInventory(bytes, name, options);
  const choice = chooseRubric(schoolIdentity(inv));
  return auditInventory(inv, choice.rubric, {
    asOf: '2024-10-15',
    source: { file: name, sha256: createHash('sha256').update(bytes).digest('hex') },
    tool: { name: 'audit', version: 'test' },
    warnings: choice.warnings,
  });
}

/** What "the same verdict" compares: status, score, band and every criterion's status. */
export const verdict = (r: AuditResult) => ({
  rubric: `${r.rubric.id}@${r.rubric.version}`,
  status: r.status,
  score: r.score,
  band: r.band?.id ?? null,
  criteria: Object.fromEntries(r.criteria.map((c) => [c.id, c.status])),
});
