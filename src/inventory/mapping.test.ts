import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RubricError } from '../errors.js';
import { format } from '../messages/format.js';
import { FOLDER_MAPPING_FILE, MAX_MAPPING_BYTES, folderMappingFiles, loadMapping, mappingOptions, parseMapping } from './mapping.js';
import { normalizeExplained } from './normalize.js';
import { BASIC_INFO, infoSheet, sheet, workbook } from './test-workbook.js';

const problems = (text: string) => parseMapping(text, 'm.yaml').problems.map((p) => `${p.line}:${p.col} ${format(p.message, 'en')}`);

describe('parseMapping', () => {
  it('reads the four sections; one name or a list of names', () => {
    const r = parseMapping([
      'schema: audit-mapping/v1',
      'sheets: { equipment: "TB CNTT", info: [TT chung, Thông tin trường] }',
      'columns:',
      '  equipment: { quantity: [SL máy], kind: Tên TB }',
      'labels: { school_code: [Mã số trường] }',
      'values: { purpose: { phong_may: [P. Tin] }, status: { hong: [Hư hại] } }',
    ].join('\n'), 'm.yaml');
    expect(r.problems).toEqual([]);
    expect(r.mapping).toEqual({
      file: 'm.yaml',
      sheets: { equipment: ['TB CNTT'], info: ['TT chung', 'Thông tin trường'] },
      columns: { equipment: { quantity: ['SL máy'], kind: ['Tên TB'] } },
      labels: { school_code: ['Mã số trường'] },
      values: { purpose: { phong_may: ['P. Tin'] }, status: { hong: ['Hư hại'] } },
    });
  });

  it('an unknown sheet, field, vocabulary or value key is an error at its line and column, with a suggestion', () => {
    expect(problems('sheets:\n  equipmnt: [TB]\n')).toEqual(['2:3 Unknown key "equipmnt" (did you mean "equipment"?)']);
    expect(problems('columns:\n  equipment:\n    quantiy: [SL]\n')).toEqual(['3:5 Unknown key "quantiy" (did you mean "quantity"?)']);
    expect(problems('labels:\n  school_cod: [Mã số]\n')).toEqual(['2:3 Unknown key "school_cod" (did you mean "school_code"?)']);
    expect(problems('values:\n  purpse: { phong_may: [P. Tin] }\n')).toEqual(['2:3 Unknown key "purpse" (did you mean "purpose"?)']);
    expect(problems('values:\n  purpose: { phongmay: [P. Tin] }\n')).toEqual(['2:14 Unknown key "phongmay" (did you mean "phong_may"?)']);
    expect(problems('column:\n  equipment: {}\n')).toEqual(['1:1 Unknown key "column" (did you mean "columns"?)']);
    // Info has no columns: it is a label sheet.
    expect(problems('columns: { info: { school_code: [Mã] } }')[0]).toMatch(/^1:12 Unknown key "info"/);
  });

  it('names must be text and lists must not be empty', () => {
    expect(problems('labels: { school_code: 12 }')).toEqual(['1:24 "school_code" must be one of: text, a list, e.g. [a, b]']);
    expect(problems('labels: { school_code: [] }')).toHaveLength(1);
  });

  it('a name already meaning something else in the form, given twice, or with no letters, is refused', () => {
    expect(problems('labels:\n  district: [Tỉnh]\n')).toEqual([
      '2:14 The name "Tỉnh" already means "province" (Province) in the form — a mapping cannot change that; use another name',
    ]);
    expect(problems('columns:\n  equipment:\n    quantity: [SL máy]\n    kind: [SL MAY]\n')).toEqual([
      '4:12 The name "SL MAY" is already given to "quantity" (Quantity) above — a name can mean only one thing',
    ]);
    expect(problems('values: { purpose: { phong_may: [Giáo viên] } }')).toHaveLength(1);
    expect(problems('sheets: { info: ["..."] }')).toEqual(['1:18 The name "..." has no letter or digit, so it cannot be used']);
    // The form's own name for the same field is harmless.
    expect(problems('columns: { equipment: { quantity: [Số lượng, SL máy] } }')).toEqual([]);
  });

  it('refuses what is not a mapping: a list, an empty file, too many aliases, too many bytes', () => {
    expect(problems('- a\n- b\n')[0]).toMatch(/^1:1 A mapping file consists of/);
    expect(problems('')[0]).toMatch(/The file is empty/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(problems(`sheets: {}\n${bomb}`).join('\n')).toMatch(/too many aliases/);
    expect(problems(`# ${'x'.repeat(MAX_MAPPING_BYTES)}\n`)[0]).toMatch(/larger than 64 KB/);
  });
});

describe('mappingOptions: the reader with a district\'s names', () => {
  const raw = workbook(
    infoSheet([['Mã số trường', '83000715'], ...BASIC_INFO.slice(1)], 'TT chung'),
    sheet('TB CNTT', [['Tên TB', 'Mục đích', 'SL máy', 'Tình trạng'], ['Máy tính để bàn', 'P. Tin', 30, 'Tốt']]),
  );
  const mapping = parseMapping([
    'sheets: { info: [TT chung], equipment: [TB CNTT] }',
    'columns: { equipment: { kind: [Tên TB], purpose: [Mục đích], quantity: [SL máy] } }',
    'labels: { school_code: [Mã số trường] }',
    'values: { purpose: { phong_may: [P. Tin] } }',
  ].join('\n'), 'm.yaml').mapping!;

  it('without the mapping the sheets are not recognised; with it every value is read', () => {
    const plain = normalizeExplained(raw).inventory;
    expect(plain.equipment).toBeUndefined();
    const { inventory, explain } = normalizeExplained(raw, mappingOptions([mapping]));
    expect(inventory.info.school_code).toEqual({ ok: true, value: '83000715', ref: { sheet: 'TT chung', cell: 'C2' } });
    expect(inventory.equipment).toEqual([expect.objectContaining({
      kind: expect.objectContaining({ value: 'may_tinh_de_ban' }), purpose: expect.objectContaining({ value: 'phong_may' }),
      quantity: expect.objectContaining({ value: 30 }),
    })]);
    expect(inventory.issues.filter((i) => i.code !== 'sheet.missing')).toEqual([]);
    // --explain says the names came from the mapping.
    const eq = explain.parts.find((p) => p.key === 'equipment')!;
    expect(eq).toMatchObject({ sheet: 'TB CNTT', by: 'mapping', name: 'TB CNTT', headerRow: 1 });
    expect(eq.columns!.find((c) => c.text === 'SL máy')).toEqual({ cell: 'C1', text: 'SL máy', field: 'quantity', mapping: true });
    expect(eq.columns!.find((c) => c.text === 'Tình trạng')).toEqual({ cell: 'D1', text: 'Tình trạng', field: 'status' });
    expect(explain.parts.find((p) => p.key === 'info')!.labels![0]).toEqual({ cell: 'B2', text: 'Mã số trường', field: 'school_code', value: 'C2', mapping: true });
  });

  it('is built once per set of mappings', () => {
    expect(mappingOptions([mapping])).toBe(mappingOptions([mapping]));
    expect(mappingOptions([])).toEqual({});
  });
});

describe('mapping files on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'audit-mapping-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loadMapping: every problem as file:line:col in one RubricError (exit 2)', async () => {
    const file = join(root, 'bad.yaml');
    writeFileSync(file, 'sheets:\n  equipmnt: [TB]\nlabels:\n  district: [Tỉnh]\n');
    const err = await loadMapping(file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RubricError);
    expect((err as RubricError).finding.code).toBe('mapping.invalid');
    expect((err as RubricError).exitCode).toBe(2);
    expect((err as RubricError).problems.map((p) => `${p.file}:${p.line}:${p.col}`)).toEqual([`${file}:2:3`, `${file}:4:14`]);
    const missing = await loadMapping(join(root, 'none.yaml')).then(() => null, (e: unknown) => e);
    expect((missing as RubricError).problems[0]!.message.code).toBe('rubric.file_not_found');
  });

  it('folderMappingFiles: the workbook\'s folder, then its parents up to the batch folder, nearest first', async () => {
    mkdirSync(join(root, 'tinh', 'huyen-a', 'truong'), { recursive: true });
    writeFileSync(join(root, FOLDER_MAPPING_FILE), 'sheets: {}\n'); // above the batch folder: never used
    writeFileSync(join(root, 'tinh', FOLDER_MAPPING_FILE), 'sheets: {}\n');
    writeFileSync(join(root, 'tinh', 'huyen-a', FOLDER_MAPPING_FILE), 'sheets: {}\n');
    const wb = join(root, 'tinh', 'huyen-a', 'truong', 'x.xlsx');
    expect(await folderMappingFiles(wb, join(root, 'tinh'))).toEqual([
      join(root, 'tinh', 'huyen-a', FOLDER_MAPPING_FILE), join(root, 'tinh', FOLDER_MAPPING_FILE),
    ]);
    // By default only the workbook's own folder.
    expect(await folderMappingFiles(wb)).toEqual([]);
    expect(await folderMappingFiles(join(root, 'tinh', 'huyen-a', 'y.xlsx'))).toEqual([join(root, 'tinh', 'huyen-a', FOLDER_MAPPING_FILE)]);
  });
});
