// audit batch on a district's folders: each folder's audit-mapping.yaml is used for the workbooks under
// it (up to the folder given), a mistake in one stops the run before any workbook is read (exit 2), and
// an .xls without LibreOffice is an entry with the command to convert it.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audit, fixture, tempDir } from '../cli/run.js';
import { DISTRICT_MAPPING, districtLayout, xlsxBytes } from './workbooks.js';

const dir = tempDir('audit-issue6-batch-');

describe('audit batch with mapping files', () => {
  test('a folder\'s audit-mapping.yaml reads the district\'s layout; the form\'s layout beside it still reads', async () => {
    const tinh = join(dir, 'tinh');
    mkdirSync(join(tinh, 'huyen-a', 'thpt'), { recursive: true });
    mkdirSync(join(tinh, 'huyen-b'), { recursive: true });
    writeFileSync(join(tinh, 'huyen-a', 'thpt', 'truong-a.xlsx'), await xlsxBytes(districtLayout()));
    writeFileSync(join(tinh, 'huyen-a', 'audit-mapping.yaml'), DISTRICT_MAPPING); // one level up: still used
    copyFileSync(fixture('thpt-dat-chuan.xlsx'), join(tinh, 'huyen-b', 'truong-b.xlsx'));
    const r = audit(['batch', tinh, '--json', '-q', '-j', '2']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    const byFile = Object.fromEntries(s.entries.map((e: { file: string }) => [e.file.split('/').pop(), e]));
    expect(byFile['truong-a.xlsx']).toMatchObject({ code: '83000715', status: 'pass' });
    expect(byFile['truong-b.xlsx']).toMatchObject({ code: '83000715', status: 'pass' });
    expect(byFile['truong-a.xlsx'].score).toBe(byFile['truong-b.xlsx'].score);

    // Without the mapping the same workbook is not understood.
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'truong-a.xlsx'), await xlsxBytes(districtLayout()));
    const without = audit(['batch', alone, '--json', '-q', '-j', '1', '--rubric', 'ben-tre-2782']);
    expect(JSON.parse(without.stdout).entries[0].status).toBe('fail');
    // --mapping applies to every workbook of the run.
    const m = join(dir, 'm.yaml');
    writeFileSync(m, DISTRICT_MAPPING);
    const withOption = audit(['batch', alone, '--json', '-q', '-j', '1', '--mapping', m]);
    expect(withOption.code, withOption.stderr).toBe(0);
    expect(JSON.parse(withOption.stdout).entries[0].status).toBe('pass');
  }, 120_000);

  test('a mistake in a folder\'s mapping stops the run: exit 2, file:line:col, no summary', () => {
    const bad = join(dir, 'bad');
    mkdirSync(join(bad, 'huyen'), { recursive: true });
    copyFileSync(fixture('thpt-dat-chuan.xlsx'), join(bad, 'huyen', 'a.xlsx'));
    writeFileSync(join(bad, 'huyen', 'audit-mapping.yaml'), 'labels:\n  district: [Tỉnh]\n');
    const out = join(dir, 'out-bad');
    const r = audit(['batch', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(bad, 'huyen', 'audit-mapping.yaml')}:2:14: Tên "Tỉnh" trong mẫu đã có nghĩa là "province"`);
    expect(r.stdout).toBe('');
  });

  test('an .xls with LibreOffice turned off: an entry with the command to convert it, exit 3', () => {
    const xls = join(dir, 'xls');
    mkdirSync(xls);
    copyFileSync(join(import.meta.dirname, 'files', 'thpt-dat-chuan.xls'), join(xls, 'cu.xls'));
    copyFileSync(fixture('thpt-dat-chuan.xlsx'), join(xls, 'moi.xlsx'));
    const r = audit(['batch', xls, '--json', '-q', '-j', '1'], { env: { AUDIT_SOFFICE: 'off' } });
    expect(r.code).toBe(3);
    const entry = JSON.parse(r.stdout).entries.find((e: { file: string }) => e.file.endsWith('cu.xls'));
    expect(entry.error.code).toBe('input.needs_libreoffice');
    expect(entry.error.message).toContain(`soffice --headless --convert-to xlsx --outdir ${xls} ${join(xls, 'cu.xls')}`);
  });
});
