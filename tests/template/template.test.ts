// The blank inventory workbook: sheets, labels, dropdowns on a hidden list sheet, ★ for the fields a
// rubric reads, determinism, LibreOffice opening it, and a school's round trip: fill_template.py
// (openpyxl) fills blank.vi.xlsx into filled.vi.xlsx (both checked in) and the reader takes it without
// an error. Regenerate the checked-in files with:
//   UPDATE_TEMPLATE_FIXTURES=1 npx vitest run tests/template   (needs /usr/bin/python3 with openpyxl)
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { INFO_FIELDS, SHEETS, VOCAB, type FieldDef } from '../../src/inventory/fields.js';
import { renderTemplate, rubricFieldUses, metricFields, TABLE_ROWS, EXAMPLE_STT } from '../../src/render/template.js';
import { loadRubric } from '../../src/rubric/registry.js';
import { loadRubricText, rubricOrThrow } from '../../src/rubric/load.js';
import { readInventory } from '../../src/inventory/index.js';
import { convertWithLibreOffice, findSoffice } from '../../src/node/convert.js';
import type { Inventory } from '../../src/inventory/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'audit-template-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const soffice = findSoffice();
if (!soffice) console.warn('tests/template: soffice not found — skipping the LibreOffice checks (apt-get install libreoffice-calc-nogui)');

/** A python3 that has openpyxl (pyenv's python3 may lack it; Debian's /usr/bin/python3 has python3-openpyxl). */
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0);
if (!python) console.warn('tests/template: python3 with openpyxl not found — using the checked-in filled workbook only (apt-get install python3-openpyxl)');

type Model = Record<string, { type: string; formulae: unknown[]; errorStyle?: string; allowBlank?: boolean; operator?: string } | undefined>;
const validations = (ws: ExcelJS.Worksheet): Model => (ws as unknown as { dataValidations: { model: Model } }).dataValidations.model;
const bare = (v: unknown): string => String(v ?? '').replace('★', '').trim();
const isList = (f: FieldDef): boolean => f.type === 'yesno' || typeof f.type === 'object';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const benTre = loadRubric('ben-tre-2782');
const viPlain = await renderTemplate({ lang: 'vi' });
const viBenTre = await renderTemplate({ lang: 'vi', rubric: benTre });
const enPlain = await renderTemplate({ lang: 'en' });

describe('renderTemplate: sheets and labels', () => {
  it('has the four sheets of the format, instructions first and the hidden list sheet last', async () => {
    const wb = await load(viPlain);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên', 'Danh mục']);
    expect(wb.worksheets.map((s) => s.state)).toEqual(['visible', 'visible', 'visible', 'visible', 'visible', 'hidden']);
    const en = await load(enPlain);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Instructions', ...SHEETS.map((s) => s.en), 'Lists']);
  });

  it('Thông tin chung: every label of the spec, in order, label | value, header row frozen', async () => {
    const ws = (await load(viPlain)).getWorksheet('Thông tin chung')!;
    const labels = INFO_FIELDS.map((_, i) => bare(ws.getCell(i + 2, 1).value));
    expect(labels).toEqual(INFO_FIELDS.map((f) => f.vi));
    for (const [i, f] of INFO_FIELDS.entries()) expect(ws.getCell(i + 2, 2).value ?? null).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // codes keep their leading zeros: the value cell is text
    expect(ws.getCell(2, 2).numFmt).toBe('@');
  });

  it('tables: STT first, then the exact headers; a "Ví dụ" example row; frozen header; widths set', async () => {
    const wb = await load(viPlain);
    for (const def of SHEETS.filter((s) => s.key !== 'info')) {
      const ws = wb.getWorksheet(def.vi)!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1).map(bare);
      expect(headers).toEqual(['STT', ...def.fields.map((f) => f.vi)]);
      expect(ws.getCell(2, 1).value).toBe(EXAMPLE_STT);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      for (let c = 1; c <= def.fields.length + 1; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(8);
      expect((ws.getRow(3).values as unknown[]).filter((v) => v !== undefined && v !== null)).toEqual([]);
    }
    const eq = wb.getWorksheet('Thiết bị')!;
    expect((eq.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['Ví dụ', 'Máy tính để bàn', 'Phòng máy', 20, 'Tốt']);
  });

  it('without a rubric only the required fields have ★', async () => {
    const wb = await load(viPlain);
    const info = wb.getWorksheet('Thông tin chung')!;
    INFO_FIELDS.forEach((f, i) => expect(String(info.getCell(i + 2, 1).value).startsWith('★ ')).toBe(f.required === true));
    const eq = wb.getWorksheet('Thiết bị')!;
    const starred = (eq.getRow(1).values as unknown[]).filter((v) => String(v).startsWith('★')).map(bare);
    expect(starred).toEqual(['Loại thiết bị', 'Số lượng']);
  });

  it('the instructions explain every field: type, allowed values, example', async () => {
    const ws = (await load(viPlain)).getWorksheet('Hướng dẫn')!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r[0] === 'Trang tính');
    expect(rows[header]).toEqual(['Trang tính', 'Mục / cột', 'Cần điền', 'Kiểu dữ liệu', 'Giá trị được chấp nhận', 'Ví dụ', 'Tiêu chí sử dụng']);
    const table = rows.slice(header + 1);
    expect(table.map((r) => r[1])).toEqual(SHEETS.flatMap((s) => s.fields.map((f) => f.vi)));
    const row = (label: string) => table.find((r) => r[1] === label)!;
    expect(row('Loại thiết bị')[4]).toBe(VOCAB.kind.map((e) => e.vi).join(', '));
    expect(row('Số lượng')[3]).toBe('Số nguyên ≥ 0');
    expect(row('Cấp học')[3]).toMatch(/nhiều giá trị/);
    expect(row('Năm học')[5]).toBe('2024-2025');
    expect(row('Mã trường')[2]).toMatch(/Bắt buộc/);
    for (const r of table.filter((x) => x[1] !== 'Ghi chú')) expect(r[5], `example of ${r[1]}`).not.toBe('');
  });
});

describe('renderTemplate: data validation', () => {
  it('every vocabulary and yes/no field has a dropdown naming a list on the hidden sheet; multi-value fields only warn', async () => {
    const wb = await load(viPlain);
    const info = validations(wb.getWorksheet('Thông tin chung')!);
    INFO_FIELDS.forEach((f, i) => {
      const dv = info[`B${i + 2}`];
      if (isList(f)) {
        expect(dv?.type, f.key).toBe('list');
        expect(dv?.formulae).toEqual([`list_${f.type === 'yesno' ? 'yesno' : (f.type as { vocab: string }).vocab}`]);
        expect(dv?.errorStyle).toBe(f.key === 'levels' ? 'warning' : 'stop');
      }
      if (f.type === 'count') expect(dv).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
      if (f.type === 'date') expect(dv?.type).toBe('date');
    });
    for (const def of SHEETS.filter((s) => s.key !== 'info')) {
      const model = validations(wb.getWorksheet(def.vi)!);
      def.fields.forEach((f, i) => {
        const letter = String.fromCharCode(66 + i);
        const dv = model[`${letter}2`];
        // exceljs reads a range back cell by cell: the whole table has it, and no further
        expect(model[`${letter}${TABLE_ROWS + 1}`]).toEqual(dv);
        expect(model[`${letter}${TABLE_ROWS + 2}`]).toBeUndefined();
        if (isList(f)) {
          expect(dv?.type, `${def.key}.${f.key}`).toBe('list');
          expect(dv?.errorStyle).toBe(f.key === 'function' ? 'warning' : 'stop');
        }
        if (f.type === 'count') expect(dv).toMatchObject({ type: 'whole', formulae: [0] });
        if (f.type === 'year') expect(dv).toMatchObject({ type: 'whole', formulae: [1980, 2100] });
      });
    }
  });

  it('the lists hold every vocabulary label, in the language of the template', async () => {
    for (const [bytes, lang] of [[viPlain, 'vi'], [enPlain, 'en']] as const) {
      const wb = await load(bytes);
      const lists = wb.worksheets.at(-1)!;
      const columns: Record<string, string[]> = {};
      lists.eachRow((row, r) => {
        if (r === 1) return;
        (row.values as unknown[]).forEach((v, c) => { if (v) (columns[c] ??= []).push(String(v)); });
      });
      const all = Object.values(columns);
      for (const vocab of Object.values(VOCAB)) expect(all).toContainEqual(vocab.map((e) => e[lang]));
      expect(all).toContainEqual(lang === 'vi' ? ['Có', 'Không'] : ['Yes', 'No']);
    }
  });

  it('the xml has <dataValidation> entries, defined names for the lists, and the hidden sheet', () => {
    const files = unzipSync(viPlain);
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toMatch(/<sheet [^>]*name="Danh mục" state="hidden"/);
    expect(workbook).toContain('<definedName name="list_kind">&apos;Danh mục&apos;!$D$2:$D$14</definedName>');
    const sheetXml = Object.entries(files).filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, b]) => strFromU8(b));
    const counts = sheetXml.map((x) => (x.match(/<dataValidation /g) ?? []).length);
    expect(counts.filter((n) => n > 0)).toHaveLength(4); // the four data sheets
    expect(sheetXml.join('')).toContain('<formula1>list_function</formula1>');
    // Excel's limits on messages
    for (const m of sheetXml.join('').matchAll(/(?:prompt|error)="([^"]*)"/g)) expect(m[1]!.length).toBeLessThanOrEqual(255 + 40); // xml escapes
    for (const m of sheetXml.join('').matchAll(/(?:promptTitle|errorTitle)="([^"]*)"/g)) expect(m[1]!.length).toBeLessThanOrEqual(32);
  });
});

describe('renderTemplate: fields a rubric reads', () => {
  it('maps derived metrics to the columns they are computed from', () => {
    expect(metricFields('wifi')).toEqual(['info.wifi']);
    expect(metricFields('computers.quan_ly')).toEqual(['equipment.kind', 'equipment.quantity', 'equipment.status', 'equipment.purpose']);
    expect(metricFields('equipment.may_in.all')).toEqual(['equipment.kind', 'equipment.quantity', 'equipment.status']);
    expect(metricFields('computers.per_lab')).toContain('info.labs');
    expect(metricFields('teachers.it_trained_share')).toEqual(['teachers.name', 'teachers.it_trained']);
    expect(metricFields('groups.computers_per_group')).toEqual(expect.arrayContaining(['teachers.group', 'equipment.purpose']));
    expect(metricFields('students.total', ['thcs', 'thpt'])).toEqual(['info.levels', 'info.students_thcs', 'info.students_thpt']);
    expect(metricFields('software.unlicensed')).toContain('software.license');
    expect(metricFields('no.such.metric')).toEqual([]);
  });

  it('follows all/any, applies_if, expressions and software options', () => {
    const rubric = rubricOrThrow(loadRubricText(`
schema: audit-rubric/v1
id: test-template
version: 1.0.0
title: { vi: "Thử", en: "Test" }
issuer: "Sở GD&ĐT Thử"
document: { number: "1/TEST", date: 2024-01-01 }
applies_to: { levels: [thcs] }
criteria:
  - id: a.nested
    clause: "1"
    title: { vi: "Lồng nhau", en: "Nested" }
    check: { all: [ { require: wifi }, { any: [ { software: quan_ly_truong_hoc, connected: true }, { metric: isp_count, op: ">=", value: 2 } ] } ] }
  - id: b.expr
    clause: "2"
    title: { vi: "Biểu thức" }
    applies_if: { require: teaches_informatics }
    check: { expr: "labs >= (students.total >= 800.0 ? 2.0 : 1.0)" }
  - id: c.licensed
    clause: "3"
    title: { vi: "Bản quyền" }
    check: { software: diet_virus, licensed: true }
  - id: d.ratio
    clause: "4"
    title: { vi: "Tỷ lệ" }
    check: { students_per_computer: { purpose: phong_may, max: { thcs: 16 } } }
`, 'test.yaml'));
    const uses = rubricFieldUses(rubric);
    const ids = (f: string) => (uses.get(f as never) ?? []).map((u) => u.id);
    expect(ids('info.wifi')).toEqual(['a.nested']);
    expect(ids('info.isp_count')).toEqual(['a.nested']);
    expect(ids('software.csdl_connected')).toEqual(['a.nested']);
    expect(ids('software.function')).toEqual(['a.nested', 'c.licensed']);
    expect(ids('software.license')).toEqual(['c.licensed']);
    expect(ids('info.teaches_informatics')).toEqual(['b.expr']);
    expect(ids('info.labs')).toEqual(['b.expr']);
    expect(ids('info.students_thcs')).toEqual(['b.expr', 'd.ratio']);
    expect(ids('info.students_mam_non')).toEqual([]); // the rubric is for THCS only
    expect(ids('equipment.purpose')).toEqual(['d.ratio']);
    expect(ids('teachers.name')).toEqual([]);
  });

  it('marks the fields of Bến Tre 2782 with ★ and a note naming the criteria, and leaves the others alone', async () => {
    const wb = await load(viBenTre);
    const info = wb.getWorksheet('Thông tin chung')!;
    const at = (key: string) => info.getCell(INFO_FIELDS.findIndex((f) => f.key === key) + 2, 1);
    expect(at('it_leader').value).toBe('★ Lãnh đạo phụ trách CNTT (họ tên)');
    expect(JSON.stringify(at('it_leader').note)).toContain('ben-tre-2782@1.0.0');
    expect(JSON.stringify(at('it_leader').note)).toContain('1.it-leader');
    expect(at('students_mam_non').value).toBe('Số trẻ mầm non');
    expect(at('students_mam_non').note).toBeUndefined();
    const eq = wb.getWorksheet('Thiết bị')!;
    expect(eq.getCell('C1').value).toBe('★ Mục đích sử dụng'); // computers.quan_ly reads the purpose
    expect(JSON.stringify(eq.getCell('C1').note)).toMatch(/computers|2\./);
    const sw = wb.getWorksheet('Phần mềm')!;
    expect(sw.getCell('F1').value).toBe('Kết nối CSDL ngành'); // Bến Tre never asks for it
    const gv = wb.getWorksheet('Giáo viên')!;
    expect(gv.getCell('D1').value).toBe('★ Số bài giảng e-Learning');
    const guide = wb.getWorksheet('Hướng dẫn')!;
    expect(String(guide.getCell('A2').value)).toContain('2782/SGD&ĐT-KTQLCLGD&CNTT');
  });

  it('marks what Cao Bằng 1423 reads: connection to the sector database and licences', async () => {
    const wb = await load(await renderTemplate({ lang: 'en', rubric: loadRubric('cao-bang-1423') }));
    const sw = wb.getWorksheet('Software')!;
    expect(sw.getCell('F1').value).toBe('★ Connected to sector database');
    expect(sw.getCell('E1').value).toBe('★ License');
    expect(JSON.stringify(sw.getCell('E1').note)).toContain('Rubric cao-bang-1423@');
  });
});

describe('renderTemplate: output', () => {
  it('is deterministic: the same options give the same bytes', async () => {
    expect(Buffer.from(await renderTemplate({ lang: 'vi', rubric: benTre })).equals(Buffer.from(viBenTre))).toBe(true);
    expect(Buffer.from(await renderTemplate({ lang: 'en' })).equals(Buffer.from(enPlain))).toBe(true);
    expect(strFromU8(unzipSync(viPlain)['docProps/core.xml']!)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z');
  });

  it('a blank template read back by the reader has warnings only (nothing filled in yet)', () => {
    for (const bytes of [viPlain, viBenTre, enPlain]) {
      const inv = readInventory(bytes, 'blank.xlsx');
      expect(inv.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(inv.equipment ?? []).toEqual([]);
    }
  });

  it.skipIf(!soffice)('LibreOffice opens it: every sheet exports to CSV with its labels', () => {
    const file = join(scratch, 'mau-kiem-ke.xlsx');
    writeFileSync(file, viBenTre);
    const out = join(scratch, 'csv');
    // the trailing -1 asks for one CSV per sheet (LibreOffice ≥ 7.2)
    execFileSync(soffice!, [
      `-env:UserInstallation=${pathToFileURL(join(scratch, 'profile')).href}`, '--headless',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file,
    ], { stdio: 'ignore', timeout: 120_000 });
    const csv = Object.fromEntries(readdirSync(out).map((n) => [n.replace(/^mau-kiem-ke-|\.csv$/g, ''), readFileSync(join(out, n), 'utf8')]));
    expect(Object.keys(csv).sort()).toEqual(['Danh mục', 'Giáo viên', 'Hướng dẫn', 'Phần mềm', 'Thiết bị', 'Thông tin chung'].sort());
    expect(csv['Thiết bị']!.split('\n')[0]).toBe('STT,★ Loại thiết bị,★ Mục đích sử dụng,★ Số lượng,★ Tình trạng,Tổ chuyên môn,Năm đưa vào sử dụng,Ghi chú');
    expect(csv['Thông tin chung']).toContain('★ Mã trường,,');
    expect(csv['Danh mục']).toContain('Máy tính để bàn');
  }, 180_000);
});

// ---------- a school's round trip ----------

const summary = (inv: Inventory) => ({
  info: Object.fromEntries(Object.entries(inv.info).map(([k, v]) => [k, v.ok ? v.value : 'UNUSABLE'])),
  equipment: inv.equipment?.map((r) => [r.kind, r.purpose, r.quantity, r.status].map((v) => (v?.ok ? v.value : v ? 'UNUSABLE' : null))),
  software: inv.software?.map((r) => [r.name, r.functions, r.in_use, r.license].map((v) => (v?.ok ? v.value : v ? 'UNUSABLE' : null))),
  teachers: inv.teachers?.length,
});

describe('round trip: the template filled by a school (openpyxl)', () => {
  const filledVi = join(here, 'filled.vi.xlsx');

  if (process.env.UPDATE_TEMPLATE_FIXTURES) {
    it('regenerates blank.*.xlsx and filled.*.xlsx', () => {
      if (!python) throw new Error('UPDATE_TEMPLATE_FIXTURES needs python3 with openpyxl');
      writeFileSync(join(here, 'blank.vi.xlsx'), viBenTre);
      writeFileSync(join(here, 'blank.en.xlsx'), enPlain);
      for (const lang of ['vi', 'en']) {
        execFileSync(python, [join(here, 'fill_template.py'), join(here, `blank.${lang}.xlsx`), join(here, `filled.${lang}.xlsx`), lang]);
      }
    });
  }

  it('the checked-in filled workbook is read with no error, every value as the school typed it', () => {
    const inv = readInventory(readFileSync(filledVi), 'filled.vi.xlsx');
    expect(inv.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(inv.issues).toEqual([]);
    const s = summary(inv);
    expect(s.info).toMatchObject({
      school_code: '83000777', school_name: 'Trường THCS Phước Mỹ Trung', province: 'Bến Tre', school_year: '2024-2025',
      levels: ['thcs'], students_thcs: 512, internet_type: 'cap_quang', wifi: true, backup_online: false,
      website_updated: '2024-10-18', audit_date: '2024-10-30',
    });
    expect(s.equipment).toHaveLength(7); // the "Ví dụ" row is not counted
    expect(s.equipment![0]).toEqual(['may_tinh_de_ban', 'phong_may', 34, 'hoat_dong']);
    expect(s.equipment![4]).toEqual(['may_in', 'quan_ly', 3, 'can_sua']);
    expect(s.software![0]).toEqual(['vnEdu', ['so_diem_dien_tu', 'hoc_ba_dien_tu', 'so_lien_lac_dien_tu'], true, 'ban_quyen']);
    expect(s.software![4]![2]).toBe(true); // empty "Đang sử dụng" is yes
    expect(s.teachers).toBe(6);
  });

  it('the English template filled in English is read with no error', () => {
    const inv = readInventory(readFileSync(join(here, 'filled.en.xlsx')), 'filled.en.xlsx');
    expect(inv.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const s = summary(inv);
    expect(s.info).toMatchObject({ school_code: '83000778', levels: ['thcs'], school_type: 'cong_lap', internet_type: 'cap_quang', wifi: true });
    expect(s.equipment).toEqual([['may_tinh_de_ban', 'phong_may', 25, 'hoat_dong'], ['may_tinh_xach_tay', 'giao_vien', 4, 'hoat_dong'], ['may_in', 'quan_ly', 2, 'hoat_dong']]);
  });

  it('openpyxl kept the dropdowns, notes and the hidden list sheet', () => {
    // read as xml: exceljs cannot open openpyxl's absolute comment paths
    const files = unzipSync(readFileSync(filledVi));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toMatch(/name="Danh mục"[^>]*state="hidden"|state="hidden"[^>]*name="Danh mục"/);
    expect(workbook).toContain('list_kind');
    const sheets = Object.entries(files).filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, b]) => strFromU8(b)).join('');
    expect((sheets.match(/<dataValidation /g) ?? []).length).toBeGreaterThan(40);
    expect(Object.keys(files).filter((n) => n.includes('comment')).length).toBeGreaterThanOrEqual(4);
  });

  it.skipIf(!python)('filling a freshly rendered template gives the same inventory as the checked-in file', () => {
    const blank = join(scratch, 'blank.vi.xlsx');
    const filled = join(scratch, 'filled.vi.xlsx');
    writeFileSync(blank, viBenTre);
    execFileSync(python!, [join(here, 'fill_template.py'), blank, filled, 'vi']);
    const fresh = readInventory(readFileSync(filled), 'filled.vi.xlsx');
    const checkedIn = readInventory(readFileSync(filledVi), 'filled.vi.xlsx');
    expect(summary(fresh)).toEqual(summary(checkedIn));
    expect(fresh.issues).toEqual(checkedIn.issues);
  });

  it.skipIf(!soffice)('a school that saves the filled template again with LibreOffice is still read with no error', async () => {
    const copy = join(scratch, 'truong.ods');
    // LibreOffice users keep it as .ods; it comes back through the converter
    execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(join(scratch, 'profile2')).href}`, '--headless', '--convert-to', 'ods', '--outdir', scratch, filledVi], { stdio: 'ignore', timeout: 120_000 });
    writeFileSync(copy, readFileSync(join(scratch, 'filled.vi.ods')));
    const conv = await convertWithLibreOffice(copy, { timeoutMs: 120_000 });
    try {
      const inv = readInventory(readFileSync(conv.xlsxPath), 'truong.ods');
      expect(inv.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(summary(inv)).toEqual(summary(readInventory(readFileSync(filledVi), 'filled.vi.xlsx')));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(conv.xlsxPath);
      expect(Object.values(validations(wb.getWorksheet('Thiết bị')!)).some((v) => v?.type === 'list')).toBe(true);
    } finally {
      await conv.cleanup();
    }
  }, 240_000);
});
