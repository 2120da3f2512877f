import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaFlags, byText, districtKey, provinceKey, type FlagRow } from './batch-flags.js';
import type { BatchFlag } from './batch-types.js';

/** The rule as written: each school against every other of its folder (quadratic; the reference). */
function areaFlagsReference(rows: readonly FlagRow[]): BatchFlag[] {
  const folderOf = (f: string) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '.');
  const odd = (value: string | null, others: readonly (string | null)[], key: (s: string) => string): string | null => {
    if (value === null) return null;
    const known = others.filter((o): o is string => o !== null);
    if (known.length < 2) return null;
    const k = key(known[0]!);
    if (!known.every((o) => key(o) === k)) return null;
    return key(value) === k ? null : known[0]!;
  };
  const folders = new Map<string, FlagRow[]>();
  for (const r of rows) folders.set(folderOf(r.file), [...(folders.get(folderOf(r.file)) ?? []), r]);
  const flags: BatchFlag[] = [];
  for (const [folder, xs] of [...folders].sort((a, b) => byText(a[0], b[0]))) {
    for (const r of [...xs].sort((a, b) => byText(a.file, b.file))) {
      const others = xs.filter((o) => o !== r);
      const school = { file: r.file, code: r.code, name: r.name };
      const p = odd(r.province, others.map((o) => o.province), provinceKey);
      if (p) { flags.push({ code: 'other_province', school, value: r.province!, majority: p, folder }); continue; }
      const same = others.filter((o) => r.province === null || o.province === null || provinceKey(o.province) === provinceKey(r.province));
      const d = odd(r.district, same.map((o) => o.district), districtKey);
      if (d) flags.push({ code: 'other_district', school, value: r.district!, majority: d, folder });
    }
  }
  return flags;
}

describe('areaFlags', () => {
  it('flags exactly what comparing every school with every other flags', () => {
    const province = fc.constantFrom(null, 'Bến Tre', 'Tỉnh Bến Tre', 'ben tre', 'Quảng Ninh');
    const district = fc.constantFrom(null, 'Ba Tri', 'Huyện Ba Tri', 'Mỏ Cày Nam', 'Uông Bí');
    const row = fc.record({ folder: fc.constantFrom('a', 'b', 'a/c'), province, district });
    fc.assert(fc.property(fc.array(row, { maxLength: 14 }), (specs) => {
      const rows: FlagRow[] = specs.map((s, i) => ({
        file: `${s.folder}/${String(i).padStart(2, '0')}.xlsx`, code: String(i), name: null, province: s.province, district: s.district,
        school_year: null, report_date: null, sha256: String(i),
      }));
      expect(areaFlags(rows)).toEqual(areaFlagsReference(rows));
    }), { numRuns: 400 });
  });
});
