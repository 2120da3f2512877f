// A workbook that takes too long is given up after --timeout seconds (its worker replaced); the rest go on.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'audit-timeout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The compliant fixture with ~60 MB of legal but useless XML in its first sheet: seconds to read, under every limit. */
function slowWorkbook(): Uint8Array {
  const parts = unzipSync(readFileSync(join(ROOT, 'fixtures/thpt-dat-chuan.xlsx')));
  const name = 'xl/worksheets/sheet1.xml';
  const piece = Array.from({ length: 5000 }, (_, i) => `<x a="${((i * 2654435761) % 1000003).toString(36)}"/>`).join('');
  const junk = piece.repeat(Math.ceil((60 * 1024 * 1024) / piece.length));
  parts[name] = strToU8(strFromU8(parts[name]!).replace('</worksheet>', `${junk}</worksheet>`));
  return zipSync(parts, { level: 1 });
}

it('a file over --timeout becomes an error entry; the other files are scored (exit 3)', () => {
  const folder = join(dir, 'ho-so');
  spawnSync('mkdir', ['-p', folder]);
  copyFileSync(join(ROOT, 'fixtures/thpt-dat-chuan.xlsx'), join(folder, 'a.xlsx'));
  copyFileSync(join(ROOT, 'fixtures/lien-cap-th-thcs.xlsx'), join(folder, 'c.xlsx'));
  writeFileSync(join(folder, 'b-cham.xlsx'), slowWorkbook());
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/audit.js'), 'batch', folder, '--json', '-q', '--timeout', '1', '--jobs', '1'], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(3);
  const s = JSON.parse(r.stdout);
  const entry = (f: string) => s.entries.find((e: { file: string }) => e.file.endsWith(f));
  expect(entry('b-cham.xlsx').error.code).toBe('batch.timeout');
  expect(entry('b-cham.xlsx').error.message).toContain('1 giây');
  expect(entry('a.xlsx').status, JSON.stringify(s.entries.map((e: { file: string; error?: unknown }) => [e.file, e.error]))).toBe('pass');
  expect(entry('c.xlsx').status, JSON.stringify(entry('c.xlsx'))).toBe('pass');
}, 120_000);

it('--timeout takes a whole number of seconds', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/audit.js'), 'batch', dir, '--timeout', 'soon'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--timeout');
});
