// The command line of "meet schools where their files are": audit template, --mapping (and the folder's
// audit-mapping.yaml), --explain and audit inspect, .xls/.ods through LibreOffice, CSV, legacy fonts.
// Runs the built command (npm run build first) as a user would.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readInventory } from '../../src/inventory/index.js';
import { audit, findProgram, fixture, skipReason, tempDir } from '../cli/run.js';
import { DISTRICT_MAPPING, districtLayout, legacyLayout, xlsxBytes } from './workbooks.js';

const dir = tempDir('audit-issue6-');
const here = (...p: string[]) => join(import.meta.dirname, ...p);
const GOOD = fixture('thpt-dat-chuan.xlsx');
/** What "the same verdict" compares, from result JSON. */
const verdict = (json: string) => {
  const r = JSON.parse(json);
  return { rubric: `${r.rubric.id}@${r.rubric.version}`, status: r.status, score: r.score, criteria: r.criteria.map((c: { id: string; status: string }) => `${c.id}:${c.status}`) };
};
const reference = () => {
  const r = audit([GOOD, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return verdict(r.stdout);
};

describe('audit template', () => {
  test('writes the form, in English with a rubric\'s ★, into a folder; never over an existing file', () => {
    const out = join(dir, 'mau.xlsx');
    const r = audit(['template', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Đã ghi mẫu kiểm kê ${out}`);
    const first = readFileSync(out);
    expect(first.subarray(0, 2).toString('latin1')).toBe('PK');

    // An existing file is never replaced (it may be a school's filled-in workbook): exit 2, file unchanged.
    writeFileSync(out, 'school data');
    const again = audit(['template', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/đã có — mẫu mới không ghi đè/);
    expect(readFileSync(out, 'utf8')).toBe('school data');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]); // no temp file left behind

    const folder = join(dir, 'forms');
    mkdirSync(folder);
    const en = audit(['template', '--lang', 'en', '--rubric', 'ben-tre-2782', '-o', folder, '-q']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toBe('');
    expect(statSync(join(folder, 'inventory-form.xlsx')).size).toBeGreaterThan(10_000);
  });

  test('bad -o: missing, not .xlsx, unknown rubric → exit 2 with what to do', () => {
    expect(audit(['template']).stderr).toMatch(/audit template -o mau-kiem-ke\.xlsx/);
    expect(audit(['template']).code).toBe(2);
    const xls = audit(['template', '-o', join(dir, 'mau.xls')]);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toMatch(/phải có đuôi \.xlsx/);
    expect(audit(['template', '-o', join(dir, 'x.xlsx'), '--rubric', 'khong-co']).code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  test('the English form read back: its "Item | Value" header is not an unknown label', () => {
    const out = join(dir, 'en.xlsx');
    expect(audit(['template', '--lang', 'en', '-o', out]).code).toBe(0);
    const inv = readInventory(readFileSync(out), out);
    expect(inv.issues.map((i) => i.code)).not.toContain('labels.unknown');
  });
});

describe('--mapping: a district\'s own template', () => {
  const wbPath = join(dir, 'huyen', 'truong-huyen.xlsx');
  const mappingPath = join(dir, 'mapping.yaml');

  test('audits correctly with a 5-line mapping file; not without it', async () => {
    mkdirSync(join(dir, 'huyen'), { recursive: true });
    writeFileSync(wbPath, await xlsxBytes(districtLayout()));
    writeFileSync(mappingPath, DISTRICT_MAPPING);
    expect(DISTRICT_MAPPING.trim().split('\n')).toHaveLength(5);

    const without = audit([wbPath, '--json', '--rubric', 'ben-tre-2782']);
    expect(without.code).toBe(1);
    expect(verdict(without.stdout)).not.toEqual(reference());

    const r = audit([wbPath, '--json', '--mapping', mappingPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(verdict(r.stdout)).toEqual(reference());
    expect(JSON.parse(r.stdout).school.code).toBe('83000715');
  });

  test('an audit-mapping.yaml beside the workbook is picked up without --mapping', () => {
    const folder = join(dir, 'huyen-b');
    mkdirSync(folder);
    copyFileSync(wbPath, join(folder, 'truong.xlsx'));
    writeFileSync(join(folder, 'audit-mapping.yaml'), DISTRICT_MAPPING);
    const r = audit([join(folder, 'truong.xlsx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(verdict(r.stdout)).toEqual(reference());
  });

  test('a mistake in the mapping: exit 2, file:line:col, before any workbook is read', () => {
    const bad = join(dir, 'bad-mapping.yaml');
    writeFileSync(bad, 'sheets:\n  equipmnt: [TB CNTT]\ncolumns:\n  equipment: { quantity: 5 }\n');
    const r = audit([wbPath, join(dir, 'khong-co.xlsx'), '--mapping', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:3: Khoá "equipmnt" không có trong định dạng (có phải "equipment"?)`);
    expect(r.stderr).toContain(`${bad}:4:26: "quantity" phải là một trong: chữ, một danh sách`);
    expect(r.stderr).not.toContain('khong-co.xlsx');
    expect(audit([wbPath, '--mapping', join(dir, 'none.yaml')]).code).toBe(2);
  });

  test('--explain shows which sheet, header row and columns the mapping made it read', () => {
    const r = audit([wbPath, '--mapping', mappingPath, '--explain', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`How ${wbPath} was read`);
    expect(r.stdout).toContain(`Mapping files: ${mappingPath}`);
    expect(r.stdout).toContain('"TB CNTT" → Equipment (the name "TB CNTT" from the mapping file)');
    expect(r.stdout).toContain('Equipment — sheet "TB CNTT", header row 1');
    expect(r.stdout).toContain('C1 "SL máy" → Quantity [quantity] (mapping file)');
    expect(r.stdout).toContain('A1 "Mã số trường" → School code [school_code] (mapping file), value in B1');
    // …and then the audit itself.
    expect(r.stdout).toMatch(/Trường THPT Nguyễn Thị Định/);
  });
});

describe('--explain and audit inspect', () => {
  test('a file that "does not work": what matched nothing, which sheet is missing; the audit still runs', async () => {
    const wb = join(dir, 'la.xlsx');
    writeFileSync(wb, await xlsxBytes(districtLayout()));
    const r = audit([wb, '--explain']);
    expect(r.code).toBe(1); // the province is read, so the rubric applies; without the equipment the school fails
    expect(r.stdout).toContain('"TB CNTT" → không dùng');
    expect(r.stdout).toContain('Thiết bị — không có trang nào');
    expect(r.stdout).toContain('"TT chung" → Thông tin chung (nhận ra theo nội dung');
    expect(r.stdout).toMatch(/Không khớp mục nào \(không đọc\): A1 "Mã số trường", A2 "Tên đơn vị trường"/);
    expect(r.stdout).toMatch(/Thiếu mục bắt buộc: Mã trường \[school_code\], Tên trường \[school_name\]/);
  });

  test('--json keeps stdout JSON: the explanation goes to stderr', () => {
    const r = audit([GOOD, '--json', '--explain']);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toContain('Cách chương trình đọc tệp');
  });

  test('audit inspect: the explanation and the data issues, no audit; --json; exit 3 for an unreadable file', () => {
    const r = audit(['inspect', fixture('lon-xon.xlsx'), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('How ');
    expect(r.stdout).toMatch(/\d+ data issues:/);
    expect(r.stdout).not.toMatch(/Score|Rubric/);

    const j = audit(['inspect', GOOD, '--json']);
    const v = JSON.parse(j.stdout);
    expect(v.schema).toBe('audit-inspect/v1');
    expect(v.explain.parts.map((p: { key: string; sheet: string }) => `${p.key}=${p.sheet}`))
      .toEqual(['info=Thông tin chung', 'equipment=Thiết bị', 'software=Phần mềm', 'teachers=Giáo viên']);
    expect(v.explain.parts[1].columns[2]).toEqual({ cell: 'C1', text: 'Mục đích sử dụng', field: 'purpose' });

    const missing = audit(['inspect', join(dir, 'khong-co.xlsx')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/không tìm thấy tệp/);
  });

  test('a workbook typed in TCVN3: the report has the names in Unicode, --explain says it converted', async () => {
    const wb = join(dir, 'tcvn3.xlsx');
    writeFileSync(wb, await xlsxBytes(legacyLayout('tcvn3')));
    const r = audit([wb, '--json', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.school.name).toBe('Trường THPT Nguyễn Thị Định');
    expect(json.data_issues.map((i: { code: string }) => i.code)).toEqual(['text.legacy_encoding']);
    expect(r.stderr).toMatch(/chữ gõ bằng bảng mã cũ TCVN3 \(ABC\) được đổi sang Unicode/);
  });
});

describe('.xls and .ods, CSV', () => {
  const xls = here('files', 'thpt-dat-chuan.xls');
  const ods = here('files', 'thpt-dat-chuan.ods');

  test('without LibreOffice: exit 3 with the exact command to convert', () => {
    for (const file of [xls, ods]) {
      const r = audit([file], { env: { AUDIT_SOFFICE: 'off' } });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`soffice --headless --convert-to xlsx --outdir ${here('files')} ${file}`);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  test('with LibreOffice: converted, said in one line on stderr (not with -q), audited like the .xlsx', (ctx) => {
    const soffice = findProgram('soffice');
    if (!soffice) { skipReason('.xls conversion', 'soffice not found (apt-get install libreoffice-calc-nogui)'); ctx.skip(); return; }
    const r = audit([xls, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${xls}: đang chuyển sang .xlsx bằng LibreOffice…\n`);
    expect(verdict(r.stdout)).toEqual(reference());
    expect(JSON.parse(r.stdout).source.file).toBe('thpt-dat-chuan.xls');

    const q = audit([ods, '--json', '-q', '--explain']);
    expect(q.code, q.stderr).toBe(0);
    expect(verdict(q.stdout)).toEqual(reference());
    expect(q.stderr).not.toMatch(/đang chuyển/);
    expect(q.stderr).toContain('Đã chuyển đổi: tệp .ods được LibreOffice chuyển sang .xlsx');
  }, 240_000);

  test('a CSV is refused with what to do instead', () => {
    const csv = join(dir, 'truong.csv');
    writeFileSync(csv, 'Mã trường,Tên trường\n83000715,THPT A\n');
    const r = audit([csv]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/tệp văn bản CSV.*audit template -o/);
  });
});
