// Reports: --out writes md/xlsx/json (and junit) named after the school code, atomically, never over
// an input; --json prints audit-result/v1; the same input gives byte-identical md and json.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audit, fixture, tempDir } from './run.js';

const dir = tempDir();
const compliant = fixture('thpt-dat-chuan.xlsx');
const failing = fixture('thpt-chua-dat.xlsx');

const RESULT_KEYS = ['schema', 'tool', 'rubric', 'school', 'source', 'as_of', 'score', 'status', 'band', 'groups',
  'summary', 'criteria', 'data_issues', 'warnings', 'deadlines'];
const CRITERION_KEYS = ['id', 'clause', 'title', 'severity', 'weight', 'status', 'points', 'rule', 'actual', 'expected',
  'message', 'gap', 'cells'];

describe('--out', () => {
  const out = join(dir, 'reports', 'nested'); // created when absent

  test('writes <code>.audit.md|xlsx|json by default and says so: in the terminal view\'s last lines, on stderr with --json', () => {
    const r = audit([compliant, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['83000715.audit.json', '83000715.audit.md', '83000715.audit.xlsx']);
    expect(r.stdout).toContain(`Báo cáo: ${join(out, '83000715.audit.md')}, .xlsx, .json`);
    const j = audit([compliant, '--out', out, '--json']);
    for (const f of readdirSync(out)) expect(j.stderr).toContain(f);
    const md = readFileSync(join(out, '83000715.audit.md'), 'utf8');
    expect(md).toContain('Trường THPT Nguyễn Thị Định');
    const xlsx = readFileSync(join(out, '83000715.audit.xlsx'));
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const json = JSON.parse(readFileSync(join(out, '83000715.audit.json'), 'utf8'));
    expect(json.schema).toBe('audit-result/v1');
    expect(r.stdout).toContain('83000715'); // the table is still printed
  });

  test('-q writes quietly; -f junit writes <code>.audit.junit.xml only', () => {
    const junitDir = join(dir, 'junit');
    const r = audit([failing, '--out', junitDir, '-f', 'junit', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(readdirSync(junitDir)).toEqual(['83000742.audit.junit.xml']);
    const xml = readFileSync(join(junitDir, '83000742.audit.junit.xml'), 'utf8');
    expect(xml).toMatch(/<testsuite[^>]*failures="\d+"/);
    expect(xml).toContain('2.students-per-computer');
  });

  test('--json still writes the reports, and prints only JSON on stdout', () => {
    const jsonDir = join(dir, 'with-json');
    const r = audit([compliant, '--json', '--out', jsonDir, '-f', 'md,json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).school.code).toBe('83000715');
    expect(readdirSync(jsonDir).sort()).toEqual(['83000715.audit.json', '83000715.audit.md']);
  });

  test('leaves no temporary file behind', () => {
    expect(readdirSync(out).filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
  });

  test('never writes over an input file: the report takes another name, the input stays untouched', () => {
    const trap = join(dir, 'trap');
    mkdirSync(trap);
    // An input that happens to carry the name its own report would get.
    const input = join(trap, '83000715.audit.xlsx');
    copyFileSync(compliant, input);
    const before = readFileSync(input);
    const r = audit([input, '--out', trap, '-f', 'xlsx,json']);
    expect(r.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(trap).sort()).toEqual(['83000715-2.audit.json', '83000715-2.audit.xlsx', '83000715.audit.xlsx']);
    expect(r.stdout).toContain('83000715-2.audit.xlsx');
  });

  test('a school code is sanitized; no usable code → the input base name', () => {
    const codes = join(dir, 'codes');
    // lon-xon's code is 083001204 (leading zero kept)
    expect(audit([fixture('lon-xon.xlsx'), '--out', codes, '-f', 'json', '-q']).code).toBe(1);
    expect(existsSync(join(codes, '083001204.audit.json'))).toBe(true);
  });

  test('two workbooks of the same school do not overwrite each other', () => {
    const twins = join(dir, 'twins');
    const copy = join(dir, 'ban sao (2).xlsx');
    copyFileSync(compliant, copy);
    expect(audit([compliant, copy, '--out', twins, '-f', 'json', '-q']).code).toBe(0);
    expect(readdirSync(twins).sort()).toEqual(['83000715-ban_sao_2.audit.json', '83000715.audit.json']);
  });
});

describe('--json', () => {
  test('one workbook: one audit-result/v1 object, keys in the documented order', () => {
    const r = audit([compliant, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(RESULT_KEYS);
    expect(j.schema).toBe('audit-result/v1');
    expect(j.tool.name).toBe('audit');
    expect(j.rubric).toMatchObject({ id: 'ben-tre-2782' });
    expect(j.rubric.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.source.file).toBe('thpt-dat-chuan.xlsx');
    expect(j.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.school).toEqual({
      code: '83000715', name: 'Trường THPT Nguyễn Thị Định', province: 'Bến Tre', district: 'Giồng Trôm',
      school_year: '2024-2025', levels: ['thpt'],
    });
    expect(j.as_of).toBe('2024-10-15'); // the workbook's "Ngày lập báo cáo"
    expect(j.status).toBe('pass');
    expect(typeof j.score).toBe('number');
    for (const c of j.criteria) {
      expect(Object.keys(c)).toEqual(CRITERION_KEYS);
      expect(['pass', 'fail', 'missing', 'not_applicable', 'waived']).toContain(c.status);
    }
    expect(Object.keys(j.summary)).toEqual(['pass', 'fail', 'missing', 'not_applicable', 'waived']);
  });

  test('several workbooks: an array in the order given', () => {
    const r = audit([failing, compliant, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.map((x: { school: { code: string } }) => x.school.code)).toEqual(['83000742', '83000715']);
  });

  test('--as-of overrides the workbook date; without either, SOURCE_DATE_EPOCH gives it', () => {
    expect(JSON.parse(audit([compliant, '--json', '--as-of', '2025-05-31']).stdout).as_of).toBe('2025-05-31');
    const noDate = fixture('lon-xon.xlsx'); // its "Ngay lap bao cao" is text 25/10/2024
    expect(JSON.parse(audit([noDate, '--json']).stdout).as_of).toBe('2024-10-25');
  });

  test('does not load exceljs (start-up cost), while xlsx reports do', () => {
    const debug = { NODE_DEBUG: 'module' };
    const json = audit([compliant, '--json'], { env: debug });
    expect(json.code).toBe(0);
    expect(json.stderr).not.toMatch(/node_modules[\\/]exceljs/);
    const withXlsx = audit([compliant, '--out', join(dir, 'debug'), '-f', 'xlsx', '-q'], { env: debug });
    expect(withXlsx.code).toBe(0);
    expect(withXlsx.stderr).toMatch(/node_modules[\\/]exceljs/); // the check above can see exceljs
  });
});

describe('determinism and language', () => {
  test('re-running gives byte-identical md and json', () => {
    const a = join(dir, 'run-a');
    const b = join(dir, 'run-b');
    for (const o of [a, b]) expect(audit([failing, '--out', o, '-f', 'md,json,junit', '-q']).code).toBe(1);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    const stdout1 = audit([failing, '--json']).stdout;
    expect(audit([failing, '--json']).stdout).toBe(stdout1);
  });

  test('SOURCE_DATE_EPOCH makes the timestamp reproducible too', () => {
    const env = { SOURCE_DATE_EPOCH: '1735689600' }; // 2025-01-01
    const a = join(dir, 'epoch-a');
    const b = join(dir, 'epoch-b');
    for (const o of [a, b]) expect(audit([compliant, '--out', o, '-f', 'md,json', '-q'], { env }).code).toBe(0);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  test('--lang en: English words, same ids and codes', () => {
    const vi = JSON.parse(audit([failing, '--json']).stdout);
    const en = JSON.parse(audit([failing, '--json', '--lang', 'en']).stdout);
    expect(en.criteria.map((c: { id: string }) => c.id)).toEqual(vi.criteria.map((c: { id: string }) => c.id));
    expect(en.criteria.map((c: { status: string }) => c.status)).toEqual(vi.criteria.map((c: { status: string }) => c.status));
    const spc = (j: { criteria: { id: string; gap: string }[] }) => j.criteria.find((c) => c.id === '2.students-per-computer')!;
    expect(spc(en).gap).not.toBe(spc(vi).gap);
    expect(spc(en).gap).toMatch(/[a-z]{3,}/);
    expect(spc(vi).gap).toMatch(/thiếu|máy/);
    const table = audit([failing, '--lang', 'en']);
    expect(table.stdout).toMatch(/Fail/);
    expect(table.stdout).not.toContain('Không đạt');
  });

  test('colours only on a terminal: piped output has no escape codes even without NO_COLOR', () => {
    const r = audit([failing], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('the reports directory argument', () => {
  test('--out pointing at a file is an error, not a crash', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = audit([compliant, '--out', file, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
