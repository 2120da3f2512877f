// Exit codes of `audit <file.xlsx>...` (cli.md): 0 every school passes, 1 a school fails, 2 usage or
// rubric error, 3 a workbook cannot be read — and the words that go with them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audit, findProgram, fixture, skipReason, tempDir } from './run.js';

const dir = tempDir();
const compliant = fixture('thpt-dat-chuan.xlsx');
const failing = fixture('thpt-chua-dat.xlsx');

const oneLine = (s: string) => s.trim().split('\n');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('0 and 1: pass and fail', () => {
  test('the compliant THPT passes: exit 0', () => {
    const r = audit([compliant]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Trường THPT Nguyễn Thị Định');
    expect(r.stdout).toContain('ben-tre-2782');
  });

  test('the failing THPT: exit 1, each failing criterion named with its gap', () => {
    const r = audit([failing, '--json']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    const failed = result.criteria.filter((c: { status: string }) => c.status === 'fail' || c.status === 'missing');
    expect(failed.length).toBeGreaterThan(5);
    const table = audit([failing]);
    expect(table.code).toBe(1);
    for (const c of failed) {
      expect(c.gap, c.id).toBeTruthy();
      // The terminal table shows every failing criterion's title and gap (cells may wrap: compare words).
      const words = (s: string) => s.replace(/[│┃|\s]+/g, ' ');
      expect(words(table.stdout), c.id).toContain(words(c.title).slice(0, 20));
    }
    const byId = Object.fromEntries(result.criteria.map((c: { id: string }) => [c.id, c]));
    expect(byId['2.students-per-computer'].status).toBe('fail');
    expect(byId['2.students-per-computer'].gap).toMatch(/40/); // 85 needed, 45 working
    expect(byId['2.webcam'].status).toBe('fail');
    expect(byId['3.2.e-contact-book'].status).toBe('fail');
    expect(byId['1.it-staff'].status).toBe('missing'); // left blank: not declared, not "no"
  });

  test('--fail-under trips on a passing school whose score is below it', () => {
    const r = audit([fixture('lien-cap-th-thcs.xlsx'), '--fail-under', '99', '--json']);
    const score = JSON.parse(r.stdout).score;
    expect(score).toBeLessThan(99);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fail-under 99');
    expect(audit([fixture('lien-cap-th-thcs.xlsx'), '--fail-under', String(Math.floor(score)), '--json']).code).toBe(0);
  });
});

describe('2: usage and rubric errors, one line each', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', [compliant, '--frobnicate'], /--frobnicate/],
    ['missing option value', [compliant, '--out'], /--out/],
    ['--lang fr', [compliant, '--lang', 'fr'], /--lang/],
    ['bad --format', [compliant, '--out', 'x', '--format', 'pdf'], /pdf/],
    ['--format without --out', [compliant, '--format', 'md'], /--out/],
    ['bad --fail-under', [compliant, '--fail-under', '120'], /120/],
    ['bad --as-of', [compliant, '--as-of', '31/05/2025'], /31\/05\/2025/],
    ['impossible --as-of', [compliant, '--as-of', '2025-02-30'], /2025-02-30/],
    ['unknown rubric', [compliant, '--rubric', 'khong-co-bo-nay'], /khong-co-bo-nay/],
    ['unknown rubric version', [compliant, '--rubric', 'ben-tre-2782@9'], /9/],
    ['unknown command', ['rubric', 'frob'], /frob/],
  ];
  test.each(cases)('%s → exit 2', (_name, args, pattern) => {
    const r = audit(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    noStack(r.stderr);
  });

  test('no file at all → exit 2 with the help', () => {
    const r = audit([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('audit truong.xlsx');
    expect(r.stderr).toContain('--rubric');
  });

  test('an invalid rubric file → exit 2, every problem as file:line:col', () => {
    const yaml = join(dir, 'hong.yaml');
    writeFileSync(yaml, [
      'schema: audit-rubric/v1',
      'id: thu-nghiem',
      'version: 1.0',
      'title: { vi: "Thử" }',
      'issuer: "Phòng GD&ĐT"',
      'document: { number: "1/PGD", date: 2024-01-01 }',
      'criteria:',
      '  - id: a',
      '    clause: "1"',
      '    title: { vi: "A" }',
      '    check: { metric: khong.co, op: ">=", value: 1 }',
      '',
    ].join('\n'));
    const r = audit([compliant, '--rubric', yaml]);
    expect(r.code).toBe(2);
    const lines = oneLine(r.stderr);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/hong\.yaml:\d+:\d+: \S/);
    expect(r.stderr).toMatch(/hong\.yaml:3:\d+:/); // version: 1.0
    expect(r.stderr).toMatch(/hong\.yaml:11:\d+:/); // unknown metric
    noStack(r.stderr);
  });

  test('--help and --version exit 0', () => {
    const help = audit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-under');
    expect(audit(['--lang', 'en', '--help']).stdout).toContain('write reports into this folder');
    const version = audit(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('3: a workbook that cannot be read, one clear line', () => {
  const make = (name: string, bytes: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const files: [string, () => string, RegExp][] = [
    ['a CSV', () => make('bang.csv', 'Mã trường,Tên trường\n83000715,THPT A\n'), /csv/i],
    ['a CSV named .xlsx', () => make('gia.xlsx', 'Mã trường;Tên trường\n83000715;THPT A\n'), /xlsx/i],
    ['a corrupt zip', () => make('hong.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9])), /hong\.xlsx/],
    ['an empty file', () => make('rong.xlsx', ''), /rong\.xlsx/],
    ['a missing file', () => join(dir, 'khong-co.xlsx'), /khong-co\.xlsx/],
    ['a folder', () => dir, /./],
  ];
  test.each(files)('%s → exit 3', (_name, path, pattern) => {
    const file = path();
    const r = audit([file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = oneLine(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(pattern);
    expect(lines[0]).toMatch(/ — /); // what it is — what to do
    noStack(r.stderr);
  });

  test('an old .xls is converted by LibreOffice when it is installed, else exit 3 saying how to save it', () => {
    const soffice = findProgram('soffice');
    if (soffice) {
      // Make a real .xls of the failing school, then audit it: same result as the .xlsx.
      const xlsDir = join(dir, 'xls');
      mkdirSync(xlsDir);
      const conv = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless',
        '--convert-to', 'xls', '--outdir', xlsDir, failing], { encoding: 'utf8', timeout: 120_000 });
      expect(conv.status, conv.stderr).toBe(0);
      const xls = join(xlsDir, 'thpt-chua-dat.xls');
      const r = audit([xls, '--json']);
      expect(r.code).toBe(1);
      const viaXls = JSON.parse(r.stdout);
      const direct = JSON.parse(audit([failing, '--json']).stdout);
      expect(viaXls.source.file).toBe('thpt-chua-dat.xls');
      expect(viaXls.criteria.map((c: { status: string }) => c.status)).toEqual(direct.criteria.map((c: { status: string }) => c.status));
      expect(viaXls.score).toBe(direct.score);
    } else {
      skipReason('.xls conversion', 'soffice not found; checking the error instead');
      const r = audit([make('cu.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]))]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/cu\.xls: .* — /);
    }
  }, 180_000);

  test('--lang en says it in English', () => {
    const r = audit([make('rong2.xlsx', ''), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/empty/i);
  });

  test('several files: the others are still audited, 3 takes precedence over 1', () => {
    const bad = make('hong2.xlsx', 'not a workbook');
    const r = audit([failing, bad, compliant, '--json']);
    expect(r.code).toBe(3);
    const results = JSON.parse(r.stdout);
    expect(Array.isArray(results)).toBe(true);
    expect(results.map((x: { school: { code: string } }) => x.school.code)).toEqual(['83000742', '83000715']);
    expect(r.stderr).toContain('hong2.xlsx');
  });

  test('several passing files exit 0; one failing among them exits 1', () => {
    const copy = join(dir, 'ban-sao.xlsx');
    copyFileSync(compliant, copy);
    expect(audit([compliant, copy]).code).toBe(0);
    expect(audit([compliant, failing, copy]).code).toBe(1);
  });
});

test('a reader that stops early (audit … | head) is not an error: no stack, the exit code stands', async () => {
  const { spawn } = await import('node:child_process');
  const { BIN } = await import('./run.js');
  const child = spawn(process.execPath, [BIN, failing, compliant, fixture('lon-xon.xlsx')], {
    env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  expect(code).toBe(1);
});
