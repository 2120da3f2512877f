// The form schools already publish: a workbook whose equipment is a Biểu mẫu 10 table (TT 36/2017,
// công khai cơ sở vật chất) audits to the same verdict as the same school in the template's layout.
import { describe, expect, it } from 'vitest';
import { readInventory } from '../../src/inventory/index.js';
import { IN_USE_EQUIPMENT, auditBytes, bieuMau10Layout, templateLayout, verdict, xlsxBytes } from './workbooks.js';

describe('Biểu mẫu 10', () => {
  it('audits to the same status, score, band and per-criterion statuses as the template layout', async () => {
    const template = auditBytes(await xlsxBytes(templateLayout(undefined, IN_USE_EQUIPMENT)), 'mau.xlsx');
    const form = auditBytes(await xlsxBytes(bieuMau10Layout()), 'bieu-mau-10.xlsx');
    expect(template.status).toBe('pass'); // the comparison means something only if the school is audited at all
    expect(template.score).not.toBeNull();
    expect(verdict(form)).toEqual(verdict(template));
  });

  it('reads the devices, their purposes and the computers from the form\'s labels', async () => {
    const inv = readInventory(await xlsxBytes(bieuMau10Layout()), 'bieu-mau-10.xlsx');
    const count = (kind: string, purpose?: string) => (inv.equipment ?? [])
      .filter((r) => r.kind?.ok && r.kind.value === kind && (purpose === undefined || (r.purpose?.ok && r.purpose.value === purpose)))
      .reduce((n, r) => n + (r.quantity?.ok ? r.quantity.value : 0), 0);
    expect(count('may_tinh_de_ban', 'phong_may')).toBe(72);
    expect(count('may_tinh_de_ban', 'quan_ly')).toBe(4);
    expect(count('may_tinh_xach_tay', 'giao_vien')).toBe(8);
    expect(count('may_in')).toBe(3);
    expect(count('webcam')).toBe(2);
    expect(count('man_hinh_tuong_tac', 'lop_hoc')).toBe(9);
    // Rooms, land and the "Tổng cộng" line are not devices: skipped, and said so once.
    const ignored = inv.issues.find((i) => i.code === 'equipment.rows_ignored');
    expect(ignored?.args.labels).toContain('Số phòng học');
  });
});
