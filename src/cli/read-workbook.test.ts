import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, RubricError } from '../errors.js';
import { format } from '../messages/format.js';
import { MAX_FILE_BYTES, checkMappings, mappingRoot, readWorkbookFile } from './read-workbook.js';

const root = mkdtempSync(join(tmpdir(), 'audit-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const sample = (name: string) => new URL(`../../tests/issue6/files/${name}`, import.meta.url).pathname;

describe('readWorkbookFile', () => {
  it('reads an .xlsx: inventory, explanation, the file\'s own bytes; problems named as asked', async () => {
    const r = await readWorkbookFile(fixture('thpt-dat-chuan.xlsx'), { name: 'ho-so/a.xlsx' });
    expect(r.bytes).toEqual(new Uint8Array(readFileSync(fixture('thpt-dat-chuan.xlsx'))));
    expect(r.converted).toBeUndefined();
    expect(r.explain.parts.map((p) => p.sheet)).toEqual(['Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên']);
    expect(r.inventory.info.school_code).toMatchObject({ ok: true, value: '83000715' });
  });

  it('a missing file is an input error (exit 3)', async () => {
    const err = await readWorkbookFile(join(root, 'none.xlsx')).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).finding.code).toBe('cli.file_not_found');
  });

  it('a file over the size limit is refused before it is loaded', async () => {
    const big = join(root, 'big.xlsx');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: costs no disk
    const err = await readWorkbookFile(big).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).finding.code).toBe('input.too_large');
    expect(format((err as InputError).finding, 'en')).toContain('the file is 100 MB, over the limit of 100 MB');
  });

  it('.xls/.ods without LibreOffice (AUDIT_SOFFICE=off): the exact command to convert it by hand, no conversion attempted', async () => {
    let told = false;
    for (const [file, ext] of [['thpt-dat-chuan.xls', '.xls'], ['thpt-dat-chuan.ods', '.ods']] as const) {
      const err = await readWorkbookFile(sample(file), { env: { AUDIT_SOFFICE: 'off' }, onConvert: () => { told = true; } })
        .then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      const f = (err as InputError).finding;
      expect(f.code).toBe('input.needs_libreoffice');
      expect(f.args?.ext).toBe(ext);
      expect(f.args?.command).toBe(`soffice --headless --convert-to xlsx --outdir ${sample('')}`.replace(/\/$/, '') + ` ${sample(file)}`);
      expect(format(f, 'en')).toContain(`convert it with: soffice --headless`);
    }
    expect(told).toBe(false);
  });

  it('a CSV is refused, not converted', async () => {
    const csv = join(root, 'a.csv');
    writeFileSync(csv, 'Mã trường;Tên trường\n1;A\n2;B\n');
    const err = await readWorkbookFile(csv).then(() => null, (e: unknown) => e);
    expect((err as InputError).finding.code).toBe('input.csv');
  });
});

describe('mapping files of a batch', () => {
  it('mappingRoot: the deepest folder given that holds the workbook, else its own folder', () => {
    expect(mappingRoot('/a/b/c/x.xlsx', ['/a', '/a/b', '/z'])).toBe('/a/b');
    expect(mappingRoot('/q/x.xlsx', ['/a'])).toBe('/q');
  });

  it('checkMappings: every mapping the workbooks will use is checked once, a mistake is a RubricError', async () => {
    mkdirSync(join(root, 'tinh', 'huyen'), { recursive: true });
    const wb = join(root, 'tinh', 'huyen', 'x.xlsx');
    await expect(checkMappings([wb], { roots: [join(root, 'tinh')] })).resolves.toBeUndefined();
    writeFileSync(join(root, 'tinh', 'audit-mapping.yaml'), 'sheets: { equipmnt: [TB] }\n');
    const err = await checkMappings([wb], { roots: [join(root, 'tinh')] }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RubricError);
    expect((err as RubricError).problems[0]).toMatchObject({ file: join(root, 'tinh', 'audit-mapping.yaml'), line: 1, col: 11 });
    // Outside the folders given, a parent's mapping is not used (nor checked).
    await expect(checkMappings([wb], { roots: [] })).resolves.toBeUndefined();
  });
});
