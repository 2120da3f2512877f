// Workbooks typed with the pre-Unicode Vietnamese fonts (TCVN3 .VnTime, VNI-Times): their labels, headers,
// sheet names and values are detected once per file, converted to Unicode before matching, and the
// file gets one warning. The report shows the school's name in Unicode.
import { describe, expect, it } from 'vitest';
import { readInventoryExplained } from '../../src/inventory/index.js';
import { format } from '../../src/messages/format.js';
import { SCHOOL, auditBytes, legacyLayout, templateLayout, verdict, xlsxBytes } from './workbooks.js';

describe.each(['tcvn3', 'vni'] as const)('a workbook typed in %s', (enc) => {
  it('audits like the Unicode one, with the names in Unicode and one warning', async () => {
    const bytes = await xlsxBytes(legacyLayout(enc));
    // The file really is in the old encoding: no Unicode Vietnamese letter in its sheet names.
    const { explain } = readInventoryExplained(bytes, 'cu.xlsx');
    expect(explain.sheets.map((s) => s.name)).not.toContain('Thông tin chung');

    const r = auditBytes(bytes, 'cu.xlsx');
    expect(r.school.name).toBe('Trường THPT Nguyễn Thị Định');
    expect(r.school.district).toBe('Giồng Trôm');
    expect(r.school.province).toBe('Bến Tre');
    expect(verdict(r)).toEqual(verdict(auditBytes(await xlsxBytes(templateLayout()), 'moi.xlsx')));

    const warnings = r.data_issues.filter((i) => i.code === 'text.legacy_encoding');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', cell: null, sheet: explain.parts[0]!.sheet });
    expect(format(warnings[0]!, 'vi')).toContain(enc === 'tcvn3' ? 'TCVN3' : 'VNI');
    // Nothing else is wrong with the file.
    expect(r.data_issues.filter((i) => i.code !== 'text.legacy_encoding').map((i) => i.code)).toEqual([]);
    expect(explain.conversions).toEqual([{ kind: 'legacy_font', encoding: enc, texts: expect.any(Number) }]);
  });
});

it('a Unicode workbook is left alone: no conversion, no warning', async () => {
  const { inventory, explain } = readInventoryExplained(await xlsxBytes(templateLayout()), 'moi.xlsx');
  expect(explain.conversions).toEqual([]);
  expect(inventory.issues.map((i) => i.code)).not.toContain('text.legacy_encoding');
  expect((inventory.info.school_name as { value: string }).value).toBe(SCHOOL.info.find(([l]) => l === 'Tên trường')![1]);
});
