// The Excel report opens in other programs: LibreOffice converts it to CSV, openpyxl loads it.
// Each test is skipped (with the reason printed) when the program is not installed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { audit, findProgram, fixture, pythonWithOpenpyxl, skipReason, tempDir } from './run.js';

const dir = tempDir();
const out = join(dir, 'reports');
let xlsx = '';

beforeAll(() => {
  const r = audit([fixture('thpt-chua-dat.xlsx'), '--out', out, '-f', 'xlsx', '-q']);
  expect(r.code).toBe(1);
  xlsx = join(out, '83000742.audit.xlsx');
});

describe('the produced .xlsx', () => {
  test('LibreOffice opens it (soffice --headless --convert-to csv)', (ctx) => {
    const soffice = findProgram('soffice');
    if (!soffice) { skipReason('LibreOffice interop', 'soffice not found (apt-get install libreoffice-calc-nogui)'); ctx.skip(); return; }
    const csvDir = join(dir, 'csv');
    mkdirSync(csvDir);
    const r = spawnSync(soffice, [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless',
      // UTF-8 CSV of the first sheet
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', csvDir, xlsx,
    ], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(csvDir);
    expect(files).toEqual(['83000742.audit.csv']);
    const csv = readFileSync(join(csvDir, files[0]!), 'utf8');
    expect(csv).toContain('Trần Văn Kiết');
  }, 180_000);

  test('openpyxl opens it and finds the criteria', (ctx) => {
    const py = pythonWithOpenpyxl();
    if (!py) { skipReason('openpyxl interop', 'python3 with openpyxl not found (apt-get install python3-openpyxl)'); ctx.skip(); return; }
    const script = [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'cells = [str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None]',
      'print(len(wb.worksheets))',
      'print("2.students-per-computer" in " ".join(cells) or any("2 ·" in c or c == "2" for c in cells))',
      'print(any("Trần Văn Kiết" in c for c in cells))',
    ].join('\n');
    const r = spawnSync(py, ['-c', script, xlsx], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const [sheets, hasCriterion, hasName] = r.stdout.trim().split('\n');
    expect(Number(sheets)).toBeGreaterThanOrEqual(1);
    expect(hasCriterion).toBe('True');
    expect(hasName).toBe('True');
  });
});
