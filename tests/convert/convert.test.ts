// .xls/.ods → .xlsx through LibreOffice. The samples were made once by make-samples.mjs (checked in);
// the tests that run the real soffice skip, with the reason printed, where it is not installed.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice, findSoffice, handConvertCommand, inputFilter } from '../../src/node/convert.js';
import { InputError } from '../../src/errors.js';
import { format } from '../../src/messages/format.js';

const here = dirname(fileURLToPath(import.meta.url));
const soffice = findSoffice();
if (!soffice) console.warn('tests/convert: soffice not found on PATH — skipping the conversions with real LibreOffice (apt-get install libreoffice-calc-nogui)');
const posix = process.platform !== 'win32';

const scratch = mkdtempSync(join(tmpdir(), 'audit-convert-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Alive and not a zombie (a killed orphan may wait a while for PID 1 to reap it). */
function isRunning(pid: number): boolean {
  if (existsSync('/proc')) {
    try { return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return false; }
  }
  try { process.kill(pid, 0); return true; } catch { return false; }
}

async function readBack(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function expectInputError(p: Promise<unknown>, code: string): Promise<InputError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).finding.code).toBe(code);
  return err as InputError;
}

describe.skipIf(!soffice)('convertWithLibreOffice with LibreOffice', () => {
  it.each(['sample.xls', 'sample.ods'])('converts %s to an xlsx that keeps sheets, Vietnamese text and numbers', async (name) => {
    const conv = await convertWithLibreOffice(join(here, name), { timeoutMs: 120_000 });
    try {
      expect(conv.xlsxPath.endsWith('.xlsx')).toBe(true);
      const bytes = readFileSync(conv.xlsxPath);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const wb = await readBack(conv.xlsxPath);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Thông tin chung', 'Thiết bị']);
      const info = wb.getWorksheet('Thông tin chung')!;
      expect(info.getCell('B2').value).toBe('Trường THCS Mỹ Thạnh');
      expect(info.getCell('B6').value).toBe(512);
      const eq = wb.getWorksheet('Thiết bị')!;
      expect(eq.getCell('B2').value).toBe('Máy tính để bàn');
      expect(eq.getCell('D2').value).toBe(35);
    } finally {
      await conv.cleanup();
    }
    expect(existsSync(dirname(conv.xlsxPath))).toBe(false);
  }, 180_000);

  it('runs conversions in parallel without sharing a profile or an output folder', async () => {
    const [a, b] = await Promise.all([
      convertWithLibreOffice(join(here, 'sample.xls'), { timeoutMs: 180_000 }),
      convertWithLibreOffice(join(here, 'sample.ods'), { timeoutMs: 180_000 }),
    ]);
    try {
      expect(dirname(a.xlsxPath)).not.toBe(dirname(b.xlsxPath));
      expect((await readBack(a.xlsxPath)).worksheets).toHaveLength(2);
      expect((await readBack(b.xlsxPath)).worksheets).toHaveLength(2);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  }, 240_000);

  it('a damaged .xls is input.convert_failed, with a command to try by hand', async () => {
    const bad = join(scratch, 'hong.xls');
    const xls = readFileSync(join(here, 'sample.xls'));
    // the OLE2 header and directory kept, the workbook stream overwritten
    const broken = Buffer.from(xls);
    broken.fill(0x41, 512, 4096);
    writeFileSync(bad, broken);
    const err = await expectInputError(convertWithLibreOffice(bad, { timeoutMs: 120_000 }), 'input.convert_failed');
    expect(err.file).toBe(bad);
    expect(String(err.finding.args?.command)).toContain('--convert-to xlsx');
    expect(format(err.finding, 'vi')).toMatch(/LibreOffice không chuyển được tệp \.xls sang \.xlsx/);
  }, 180_000);
});

describe('inputFilter', () => {
  it('names the Excel 97 and ODS import filters from the bytes, and nothing for other bytes', () => {
    expect(inputFilter(readFileSync(join(here, 'sample.xls')))).toBe('MS Excel 97');
    expect(inputFilter(readFileSync(join(here, 'sample.ods')))).toBe('calc8');
    expect(inputFilter(new TextEncoder().encode('STT;Loại thiết bị\n1;Máy in\n'))).toBeNull();
    expect(inputFilter(new Uint8Array())).toBeNull();
  });
});

describe('convertWithLibreOffice without LibreOffice, and when it misbehaves', () => {
  it('findSoffice finds a program named soffice on PATH, and nothing on an empty PATH', () => {
    const dir = mkdtempSync(join(scratch, 'bin-'));
    const fake = join(dir, posix ? 'soffice' : 'soffice.exe');
    writeFileSync(fake, '#!/bin/sh\nexit 0\n');
    chmodSync(fake, 0o755);
    expect(findSoffice({ PATH: dir })).toBe(fake);
    const found = findSoffice({ PATH: '' });
    // only a LibreOffice installed in its usual folder may be found without PATH
    if (found !== null) expect(found).toMatch(/libreoffice/i);
  });

  it('a --soffice path that does not exist: input.convert_failed saying the program cannot run', async () => {
    const missing = join(scratch, 'khong-co', 'soffice');
    const err = await expectInputError(convertWithLibreOffice(join(here, 'sample.ods'), { timeoutMs: 1000, sofficePath: missing }), 'input.convert_failed');
    expect(err.finding.args?.detail).toEqual({ code: 'input.convert_detail.start_failed', args: { program: missing, reason: 'ENOENT' } });
  });

  it('the needs_libreoffice message says how to save as .xlsx and gives the exact command, quoted for the shell', () => {
    const vi = format({ code: 'input.needs_libreoffice', args: { ext: '.ods', command: handConvertCommand('/tmp/Trường A.ods') } }, 'vi');
    expect(vi).toContain('Lưu thành');
    expect(vi).toContain(posix ? "soffice --headless --convert-to xlsx --outdir /tmp '/tmp/Trường A.ods'" : 'soffice --headless');
    const en = format({ code: 'input.needs_libreoffice', args: { ext: '.ods', command: 'x' } }, 'en');
    expect(en).toContain('Save As');
    if (posix) expect(handConvertCommand("/tmp/it's.xls")).toBe("soffice --headless --convert-to xlsx --outdir /tmp '/tmp/it'\\''s.xls'");
  });

  it.skipIf(!posix)('input.needs_libreoffice when soffice cannot be found', async () => {
    const saved = process.env.PATH;
    process.env.PATH = join(scratch, 'empty-path');
    try {
      if (findSoffice() !== null) return; // installed in its usual folder: nothing to test here
      const err = await expectInputError(convertWithLibreOffice(join(here, 'sample.xls'), { timeoutMs: 1000 }), 'input.needs_libreoffice');
      expect(err.finding.args).toMatchObject({ file: join(here, 'sample.xls'), ext: '.xls' });
      expect(String(err.finding.args?.command)).toMatch(/^soffice --headless --convert-to xlsx --outdir \S+ \S+sample\.xls$/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it.skipIf(!posix)('a LibreOffice that hangs is killed with everything it started: input.convert_timeout', async () => {
    const pidFile = join(scratch, 'grandchild.pid');
    const fake = join(scratch, 'hanging-soffice');
    // the fake starts a grandchild (as soffice starts soffice.bin) and both wait forever
    writeFileSync(fake, `#!/bin/sh\nsleep 300 &\necho $! > '${pidFile}'\nwait\n`);
    chmodSync(fake, 0o755);
    const started = Date.now();
    const err = await expectInputError(convertWithLibreOffice(join(here, 'sample.xls'), { timeoutMs: 800, sofficePath: fake }), 'input.convert_timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err.finding.args?.seconds).toBe(0.8);
    expect(format(err.finding, 'en')).toMatch(/more than 0\.8 seconds/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    expect(isRunning(pid)).toBe(false); // the grandchild is gone too
  });

  it.skipIf(!posix)('a LibreOffice that fails or writes nothing: input.convert_failed with what it said', async () => {
    const failing = join(scratch, 'failing-soffice');
    writeFileSync(failing, '#!/bin/sh\necho "javaldx: Could not find a Java Runtime Environment!" >&2\necho "Error: source file could not be loaded" >&2\nexit 1\n');
    chmodSync(failing, 0o755);
    const e1 = await expectInputError(convertWithLibreOffice(join(here, 'sample.xls'), { timeoutMs: 5000, sofficePath: failing }), 'input.convert_failed');
    expect(e1.finding.args?.detail).toEqual({ code: 'input.convert_detail.message', args: { text: 'Error: source file could not be loaded' } });
    expect(format(e1.finding, 'vi')).toContain('LibreOffice báo: Error: source file could not be loaded');

    const silent = join(scratch, 'silent-soffice');
    writeFileSync(silent, '#!/bin/sh\nexit 0\n');
    chmodSync(silent, 0o755);
    const e2 = await expectInputError(convertWithLibreOffice(join(here, 'sample.xls'), { timeoutMs: 5000, sofficePath: silent }), 'input.convert_failed');
    expect(e2.finding.args?.detail).toEqual({ code: 'input.convert_detail.no_output' });
    expect(format(e2.finding, 'en')).toContain('LibreOffice wrote no .xlsx file');
  });

  it.skipIf(!posix)('passes a private profile and the output folder to soffice, and cleans up', async () => {
    const argsFile = join(scratch, 'args.txt');
    const fake = join(scratch, 'recording-soffice');
    // records its arguments and writes the .xlsx where --outdir says, as soffice does
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nout=""\nprev=""\nfor a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\nprintf 'PK' > "$out/sample.xlsx"\n`);
    chmodSync(fake, 0o755);
    const conv = await convertWithLibreOffice(join(here, 'sample.xls'), { timeoutMs: 5000, sofficePath: fake });
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.+\/profile$/);
    expect(args).toEqual(expect.arrayContaining(['--headless', '--convert-to', 'xlsx', '--outdir', join(here, 'sample.xls')]));
    expect(args[args.indexOf('--outdir') + 1]).toBe(dirname(conv.xlsxPath));
    expect(conv.xlsxPath.endsWith('sample.xlsx')).toBe(true);
    await conv.cleanup();
    await conv.cleanup();
    expect(existsSync(dirname(dirname(conv.xlsxPath)))).toBe(false);
  });
});
