import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../errors.js';
import { ReportWriter, reportFileName, reportStem, sanitizeStem } from './output.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report names', () => {
  test('codes keep letters, digits, - and _; leading zeros stay', () => {
    expect(sanitizeStem('083001204')).toBe('083001204');
    expect(sanitizeStem('THPT/Đồng Khởi 01')).toBe('THPT_Dong_Khoi_01');
    expect(sanitizeStem('../../etc/passwd')).toBe('etc_passwd');
    expect(sanitizeStem('  ')).toBeNull();
    expect(sanitizeStem('///')).toBeNull();
  });
  test('no usable code → the input base name', () => {
    expect(reportStem(null, '/x/Trường A.xlsx')).toBe('Truong_A');
    expect(reportStem('***', '/x/b.xlsx')).toBe('b');
    expect(reportStem(null, '/x/.xlsx')).toBe('xlsx');
  });
  test('file names per format', () => {
    expect(reportFileName('83000715', 'md')).toBe('83000715.audit.md');
    expect(reportFileName('83000715', 'junit')).toBe('83000715.audit.junit.xml');
  });
});

describe('ReportWriter', () => {
  test('creates the folder, writes atomically, leaves no temp file', async () => {
    const out = join(dir, 'a', 'b');
    const w = new ReportWriter(out, []);
    const p = await w.write('x.audit.md', 'xin chào\n');
    expect(readFileSync(p, 'utf8')).toBe('xin chào\n');
    await w.write('x.audit.md', 'lần hai\n');
    expect(readFileSync(p, 'utf8')).toBe('lần hai\n');
    expect(readdirSync(out)).toEqual(['x.audit.md']);
  });

  test('refuses to replace an input, also through a symlink', async () => {
    const input = join(dir, 'in.audit.xlsx');
    writeFileSync(input, 'input');
    const w = new ReportWriter(dir, [input]);
    await expect(w.write('in.audit.xlsx', 'report')).rejects.toBeInstanceOf(UsageError);
    const link = join(dir, 'link.audit.xlsx');
    symlinkSync(input, link);
    await expect(w.write('link.audit.xlsx', 'report')).rejects.toBeInstanceOf(UsageError);
    expect(readFileSync(input, 'utf8')).toBe('input');
  });

  test('two schools with one code get distinct stems', () => {
    const w = new ReportWriter(dir, []);
    expect(w.claimStem('830', '/a/x.xlsx')).toBe('830');
    expect(w.claimStem('830', '/b/y.xlsx')).toBe('830-y');
    expect(w.claimStem('830', '/c/y.xlsx')).toBe('830-2');
    expect(w.claimStem(null, '/c/y.xlsx')).toBe('y');
  });
});
