#!/usr/bin/env node
// Writes tests/reader/files/labels-exceljs.xlsx (and labels.json for the openpyxl generator): a
// "Thông tin chung" sheet whose labels carry numbering, trailing ':' '.' '*' '★' and a final parenthesis in
// any order. Asserted in tests/reader/labels.test.ts. Run: node tests/reader/make-labels-exceljs.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { LABEL_ROWS } from './labels.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXED = new Date(Date.UTC(2024, 9, 1));
const wb = new ExcelJS.Workbook();
wb.creator = 'audit tests';
wb.created = FIXED;
wb.modified = FIXED;
const ws = wb.addWorksheet('Thông tin chung');
ws.getCell('A1').value = 'THÔNG TIN CHUNG';
LABEL_ROWS.forEach(([label, value], i) => {
  ws.getCell(`A${i + 3}`).value = label;
  if (value !== null) ws.getCell(`B${i + 3}`).value = value;
});
await wb.xlsx.writeFile(join(HERE, 'files', 'labels-exceljs.xlsx'));
writeFileSync(join(HERE, 'files', 'labels.json'), `${JSON.stringify(LABEL_ROWS, null, 1)}\n`);
console.log('wrote tests/reader/files/labels-exceljs.xlsx and labels.json');
