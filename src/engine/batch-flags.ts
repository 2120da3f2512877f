// Points to check in a batch, found from the schools' compact rows: two files of one school code (which
// one counts), byte-identical workbooks under different names, a school year different from the batch's
// majority (last year's form resent), a school of another province or district than its folder's others.
import { canonicalProvince, looseDistrict } from '../inventory/provinces.js';
import { fold } from '../inventory/fold.js';
import type { BatchFlag, FlagSchool } from './batch-types.js';

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What the flags need of a school's row. */
export interface FlagRow extends FlagSchool {
  province: string | null;
  district: string | null;
  school_year: string | null;
  report_date: string | null;
  sha256: string;
}

const school = (r: FlagRow): FlagSchool => ({ file: r.file, code: r.code, name: r.name });

/**
 * Of two or more files with one school code, the one that counts: the latest `Ngày lập báo cáo` (a file
 * without one is the oldest), then the later path. Returns the kept file and the superseded ones.
 */
export function resolveDuplicates(rows: readonly FlagRow[]): { kept: FlagRow; superseded: FlagRow[] } {
  const sorted = [...rows].sort((a, b) => byText(a.report_date ?? '', b.report_date ?? '') || byText(a.file, b.file));
  return { kept: sorted[sorted.length - 1]!, superseded: sorted.slice(0, -1) };
}

/** Workbooks with the same bytes under different names (one school's file copied, or sent twice). */
export function identicalFiles(rows: readonly FlagRow[]): BatchFlag[] {
  const bySha = new Map<string, FlagRow[]>();
  for (const r of rows) {
    const xs = bySha.get(r.sha256);
    if (xs) xs.push(r);
    else bySha.set(r.sha256, [r]);
  }
  return [...bySha.values()]
    .filter((xs) => xs.length > 1)
    .map((xs) => xs.sort((a, b) => byText(a.file, b.file)))
    .sort((a, b) => byText(a[0]!.file, b[0]!.file))
    .map((xs) => ({ code: 'identical_files' as const, sha256: xs[0]!.sha256, schools: xs.map(school) }));
}

const yearKey = (y: string): string => y.replace(/\s+/g, '').replace(/[–—/]/g, '-');

/** The strict majority value (by key) among the values, or null when none holds more than any other. */
function majority(values: readonly { key: string; text: string }[]): { key: string; text: string } | null {
  const counts = new Map<string, { n: number; text: string }>();
  for (const v of values) {
    const c = counts.get(v.key);
    if (c) c.n += 1;
    else counts.set(v.key, { n: 1, text: v.text });
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const [first, second] = ranked;
  if (!first || (second && second[1].n === first[1].n)) return null;
  return { key: first[0], text: first[1].text };
}

/** Schools whose school year differs from the batch's majority (only with a strict majority). */
export function schoolYearFlags(rows: readonly FlagRow[]): BatchFlag[] {
  const withYear = rows.filter((r) => r.school_year !== null);
  const m = majority(withYear.map((r) => ({ key: yearKey(r.school_year!), text: r.school_year! })));
  if (!m) return [];
  return withYear
    .filter((r) => yearKey(r.school_year!) !== m.key)
    .sort((a, b) => byText(a.file, b.file))
    .map((r) => ({ code: 'school_year_differs' as const, school: school(r), value: r.school_year!, majority: m.text }));
}

export const provinceKey = (p: string): string => canonicalProvince(p) ?? fold(p).replace(/ /g, '');
export const districtKey = (d: string): string => looseDistrict(d);

const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.');

/**
 * A school of another province (or, in the same province, another district) than all the other schools
 * of its folder, when there are at least two of them and they agree. A folder mixing two districts
 * evenly is not flagged: nothing says which is right.
 */
export function areaFlags(rows: readonly FlagRow[]): BatchFlag[] {
  const folders = new Map<string, FlagRow[]>();
  for (const r of rows) {
    const f = folderOf(r.file);
    const xs = folders.get(f);
    if (xs) xs.push(r);
    else folders.set(f, [r]);
  }
  const flags: BatchFlag[] = [];
  for (const [folder, xs] of [...folders].sort((a, b) => byText(a[0], b[0]))) {
    for (const r of [...xs].sort((a, b) => byText(a.file, b.file))) {
      const others = xs.filter((o) => o !== r);
      const p = odd(r.province, others.map((o) => o.province), provinceKey);
      if (p) {
        flags.push({ code: 'other_province', school: school(r), value: r.province!, majority: p, folder });
        continue;
      }
      const sameProvince = others.filter((o) => r.province === null || o.province === null || provinceKey(o.province) === provinceKey(r.province));
      const d = odd(r.district, sameProvince.map((o) => o.district), districtKey);
      if (d) flags.push({ code: 'other_district', school: school(r), value: r.district!, majority: d, folder });
    }
  }
  return flags;
}

/** When `value` differs from the others, which all agree (two at least): the others' value; else null. */
function odd(value: string | null, others: readonly (string | null)[], key: (s: string) => string): string | null {
  if (value === null) return null;
  const known = others.filter((o): o is string => o !== null);
  if (known.length < 2) return null;
  const k = key(known[0]!);
  if (!known.every((o) => key(o) === k)) return null;
  return key(value) === k ? null : known[0]!;
}
