// The example workbooks: committed files match their generators, and each reads as its description says
// (the messy one especially: titles, banner, plain-ASCII headers, "1.250", "25 máy", totals, hidden sheets).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain JS module of the fixture generator
import { writeSchool } from '../../fixtures/generate.mjs';
// @ts-expect-error: plain JS module of the fixture descriptions
import { SCHOOLS } from '../../fixtures/schools.mjs';
import { ROOT, audit, fixture, pythonWithOpenpyxl, skipReason, tempDir } from './run.js';

const dir = tempDir();
type Criterion = { id: string; status: string; actual: string | null; expected: string | null; gap: string | null };
type Result = { score: number; status: string; school: Record<string, unknown>; criteria: Criterion[]; data_issues: { sheet: string; cell: string; code: string; message: string }[] };
const run = (name: string): { code: number | null; result: Result } => {
  const r = audit([fixture(name), '--json']);
  return { code: r.code, result: JSON.parse(r.stdout) };
};
const criterion = (r: Result, id: string): Criterion => r.criteria.find((c) => c.id === id)!;

describe('generated files are in step with their descriptions', () => {
  test.each((SCHOOLS as { file: string }[]).map((s) => [s.file, s]))('%s', async (file, school) => {
    const fresh = await writeSchool(school, join(dir, file));
    expect(readFileSync(fresh).equals(readFileSync(fixture(file))), `${file}: run npm run fixtures`).toBe(true);
  });

  test('openpyxl-thcs.xlsx', (ctx) => {
    const py = pythonWithOpenpyxl();
    if (!py) { skipReason('openpyxl fixture', 'python3 with openpyxl not found'); ctx.skip(); return; }
    const r = spawnSync(py, [join(ROOT, 'fixtures/generate_openpyxl.py'), dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'openpyxl-thcs.xlsx')).equals(readFileSync(fixture('openpyxl-thcs.xlsx')))).toBe(true);
  });
});

describe('each example reads as described', () => {
  test('messy workbook: values found despite the layout', () => {
    const { code, result } = run('lon-xon.xlsx');
    expect(code).toBe(1);
    expect(result.school).toMatchObject({ code: '083001204', name: 'THCS An Đức', province: 'Bến Tre', district: 'Ba Tri', school_year: '2024-2025', levels: ['thcs'] });
    // "1.250" students (thousands dot) and 25 + 25 + 22 working lab PCs ("25 máy"; the broken 6 and
    // the totals row not counted): ceil(1250/16) = 79 needed, 72 present.
    const lab = criterion(result, '2.students-per-computer');
    expect(lab.status).toBe('fail');
    expect(lab.expected).toMatch(/\b79\b/);
    expect(lab.actual).toMatch(/\b72\b/);
    expect(lab.gap).toMatch(/\b7\b/);
    // Software sheet is hidden and still read (SMAS: sổ điểm, sổ liên lạc).
    expect(criterion(result, '3.2.e-contact-book').status).toBe('pass');
    // The webcam row has ASCII headers and values ("Tot", "Quan ly").
    expect(criterion(result, '2.webcam').status).toBe('pass');
    // "25 máy" is read with a warning at its cell.
    expect(result.data_issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: 'THIET BI CNTT', cell: 'B5' }),
      expect.objectContaining({ sheet: 'THIET BI CNTT', cell: 'B6' }),
    ]));
    // Every problem is told in words, not as its code.
    for (const i of result.data_issues as { code: string; message: string }[]) expect(i.message, i.code).not.toBe(i.code);
  });

  test('messy workbook: the teacher named Tống is a teacher, the "Cộng" row is not', () => {
    const { result } = run('lon-xon.xlsx');
    // 9 teachers in the list (Tống Thị Lệ without STT included); 6 of them have ≥ 1 e-learning lesson.
    const el = criterion(result, '4.elearning-per-teacher');
    expect(el.actual).toMatch(/66[.,]7/);
  });

  test('the compliant, liên cấp, openpyxl and LibreOffice examples pass', () => {
    for (const f of ['thpt-dat-chuan.xlsx', 'lien-cap-th-thcs.xlsx', 'openpyxl-thcs.xlsx', 'libreoffice-thcs.xlsx']) {
      const { code, result } = run(f);
      expect(code, f).toBe(0);
      expect(result.status, f).toBe('pass');
    }
  });

  test('openpyxl and LibreOffice files of the same school give the same result', () => {
    const a = run('openpyxl-thcs.xlsx').result;
    const b = run('libreoffice-thcs.xlsx').result;
    const strip = (r: Result) => r.criteria.map((c) => [c.id, c.status, c.actual, c.expected]);
    expect(strip(b)).toEqual(strip(a));
    expect(b.score).toBe(a.score);
  });
});
