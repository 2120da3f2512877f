#!/usr/bin/env node
// Writes tests/convert/sample.xls and sample.ods: a small inventory (two sheets, Vietnamese labels,
// numbers, a date) made with exceljs and saved by LibreOffice as Excel 97-2003 and as OpenDocument.
// Run once from the repository root: node tests/convert/make-samples.mjs   (needs `soffice`)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'audit-samples-'));
try {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'audit tests';
  wb.created = wb.modified = new Date(Date.UTC(2024, 9, 1));
  const info = wb.addWorksheet('Thông tin chung');
  info.addRows([
    ['Mã trường', '83000999'],
    ['Tên trường', 'Trường THCS Mỹ Thạnh'],
    ['Tỉnh/Thành phố', 'Bến Tre'],
    ['Năm học', '2024-2025'],
    ['Cấp học', 'THCS'],
    ['Số học sinh THCS', 512],
    ['Ngày lập báo cáo', new Date(Date.UTC(2024, 9, 15))],
  ]);
  const eq = wb.addWorksheet('Thiết bị');
  eq.addRows([
    ['STT', 'Loại thiết bị', 'Mục đích sử dụng', 'Số lượng', 'Tình trạng'],
    [1, 'Máy tính để bàn', 'Phòng máy', 35, 'Tốt'],
    [2, 'Máy in', 'Quản lý', 2, 'Cần sửa chữa'],
  ]);
  const src = join(work, 'sample.xlsx');
  await wb.xlsx.writeFile(src);
  const profile = pathToFileURL(join(work, 'profile')).href;
  for (const [ext, filter] of [['xls', 'xls:MS Excel 97'], ['ods', 'ods']]) {
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', work, src], { stdio: 'ignore' });
    copyFileSync(join(work, `sample.${ext}`), join(here, `sample.${ext}`));
    console.log(`wrote ${join(here, `sample.${ext}`)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
