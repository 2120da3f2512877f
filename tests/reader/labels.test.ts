// Labels as schools write them, from several producers: numbering, a trailing ':' '.' '*' '★' and a final
// parenthesis in any order still name their field, and every label row that names nothing is listed with its
// cell by `audit inspect` and `--explain` (no row dropped without a word). The workbooks are made by
// make-labels-exceljs.mjs and make_labels_openpyxl.py (checked in with them); openpyxl's file is regenerated
// and compared when python3-openpyxl is present.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, ROOT, tempDir } from '../cli/run.js';
import { LABEL_ROWS } from './labels.mjs';

const FILES = join(ROOT, 'tests/reader/files');
const PRODUCERS = ['labels-exceljs.xlsx', 'labels-openpyxl.xlsx'];

interface Inspected { explain: { parts: { key: string; labels?: { cell: string; field: string; value?: string }[]; unknownLabels?: { cell: string; text: string; empty?: true }[] }[] }; data_issues: { code: string; cell: string | null }[] }
const inspect = (file: string): Inspected => {
  const r = audit(['inspect', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout) as Inspected | Inspected[];
  return Array.isArray(j) ? j[0]! : j;
};

describe.each(PRODUCERS)('labels from %s', (name) => {
  const file = join(FILES, name);

  it('reads every field whose label carries numbering, marks and a final parenthesis', () => {
    const info = inspect(file).explain.parts.find((p) => p.key === 'info')!;
    const read = Object.fromEntries((info.labels ?? []).map((l) => [l.field, `${l.cell}>${l.value ?? ''}`]));
    expect(read).toEqual({
      school_code: 'A3>B3', school_name: 'A4>B4', province: 'A5>B5', district: 'A6>B6', school_year: 'A7>B7',
      levels: 'A8>B8', students_tieu_hoc: 'A9>B9', website: 'A10>B10', wifi: 'A11>B11',
    });
  });

  it('lists every label row that matched nothing, with its cell, also an empty one', () => {
    const r = inspect(file);
    const info = r.explain.parts.find((p) => p.key === 'info')!;
    expect(info.unknownLabels).toEqual([
      { cell: 'A12', text: 'Ghi chú riêng của trường:' },
      { cell: 'A13', text: 'Người lập biểu (ký, ghi rõ họ tên)', empty: true },
    ]);
    // the one with a value is a data issue too; no value is read as "*" from "Cấp học … :*"
    expect(r.data_issues.filter((i) => i.code === 'labels.unknown').map((i) => i.cell)).toEqual(['A12']);
    expect(r.data_issues.filter((i) => i.cell === 'A8')).toEqual([]);
  });

  it('--explain says so in words, and the website is not reported undeclared', () => {
    const dir = tempDir();
    const copy = join(dir, name);
    copyFileSync(file, copy);
    const r = audit([copy, '--explain', '--rubric', 'ben-tre-2782', '--out', join(dir, 'out')]);
    expect(r.stdout + r.stderr).toContain('A10 "18. Địa chỉ website (trang thông tin điện tử):" → Địa chỉ website');
    expect(r.stdout + r.stderr).toMatch(/Không khớp mục nào \(không đọc\): A12 "Ghi chú riêng của trường:", A13 "Người lập biểu \(ký, ghi rõ họ tên\)" \(ô bên cạnh trống\)/);
    const result = JSON.parse(readFileSync(join(dir, 'out', '083001204.audit.json'), 'utf8')) as { criteria: { id: string; status: string }[] };
    expect(result.criteria.find((c) => c.id === '3.1.website')!.status).toBe('pass');
  });
});

describe('generators', () => {
  it('labels.json is the list the generators were given', () => {
    expect(JSON.parse(readFileSync(join(FILES, 'labels.json'), 'utf8'))).toEqual(LABEL_ROWS);
  });
  const py = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0);
  it.skipIf(!py)('make_labels_openpyxl.py runs (python3-openpyxl present)', () => {
    if (!py) console.log('skipped: python3-openpyxl is not installed (.ci/run installs it)');
    const out = join(tempDir(), 'labels-openpyxl.xlsx');
    const r = spawnSync(py!, [join(ROOT, 'tests/reader/make_labels_openpyxl.py'), out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const info = inspect(out).explain.parts.find((p) => p.key === 'info')!;
    expect(info.labels!.map((l) => l.field)).toContain('website');
  });
});
