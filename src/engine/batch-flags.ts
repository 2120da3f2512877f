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
 * evenly is not flagged: nothing says which is right. Linear in the folder's size: each value is folded
 * once and the others' agreement read from counts (comparing every school with every other took 2 s of a
 * 1,000-school batch and grows with the square).
 */
export function areaFlags(rows: readonly FlagRow[]): BatchFlag[] {
  const folders = new Map<string, FlagRow[]>();
  for (const r of rows) {
    const f = folderOf(r.file);
    const xs = folders.get(f);
    if (xs) xs.push(r);
    else folders.set(f, [r]);
  }
  const pKey = memo(provinceKey);
  const dKey = memo(districtKey);
  const flags: BatchFlag[] = [];
  for (const [folder, xs] of [...folders].sort((a, b) => byText(a[0], b[0]))) {
    const pk = xs.map((r) => (r.province === null ? null : pKey(r.province)));
    const dk = xs.map((r) => (r.district === null ? null : dKey(r.district)));
    const provinces = tally(xs.map((r) => r.province), pk);
    // Districts among the schools of no declared province, and per province key.
    const noProvince = tally(xs.map((r) => r.district), dk, (i) => pk[i] === null);
    const byProvince = new Map<string, Tally>();
    for (const k of new Set(pk)) if (k !== null) byProvince.set(k, tally(xs.map((r) => r.district), dk, (i) => pk[i] === k));
    const order = xs.map((r, i) => ({ r, i })).sort((a, b) => byText(a.r.file, b.r.file));
    for (const { r, i } of order) {
      const p = oddOne(pk[i]!, i, [provinces]);
      if (p) {
        flags.push({ code: 'other_province', school: school(r), value: r.province!, majority: p, folder });
        continue;
      }
      // The others of the same province, or of none declared (all of them when this school declares none).
      const pool = pk[i] === null ? [tally(xs.map((o) => o.district), dk)] : [noProvince, byProvince.get(pk[i]!)!];
      const d = oddOne(dk[i]!, i, pool);
      if (d) flags.push({ code: 'other_district', school: school(r), value: r.district!, majority: d, folder });
    }
  }
  return flags;
}

/** Per key: how many schools, and the text of the first of them (folder order). */
type Tally = Map<string, { count: number; first: number; text: string }>;

function tally(values: readonly (string | null)[], keys: readonly (string | null)[], take: (i: number) => boolean = () => true): Tally {
  const t: Tally = new Map();
  keys.forEach((k, i) => {
    if (k === null || !take(i)) return;
    const e = t.get(k);
    if (e) e.count += 1;
    else t.set(k, { count: 1, first: i, text: values[i]! });
  });
  return t;
}

/**
 * When school `i` (key `own`, null when undeclared) differs from the others of `pool` (tallies of disjoint
 * sets that include `i` when it declared a value), which all agree (two at least): the others' value; else null.
 */
function oddOne(own: string | null, i: number, pool: readonly Tally[]): string | null {
  if (own === null) return null;
  const merged = new Map<string, { count: number; first: number; text: string }>();
  for (const t of pool) {
    for (const [k, e] of t) {
      const m = merged.get(k);
      if (!m) merged.set(k, { ...e });
      else { m.count += e.count; if (e.first < m.first) { m.first = e.first; m.text = e.text; } }
    }
  }
  const mine = merged.get(own);
  if (mine) mine.count -= 1; // the others only
  const others = [...merged].filter(([, e]) => e.count > 0);
  if (others.length !== 1) return null;
  const [k, e] = others[0]!;
  return k !== own && e.count >= 2 ? e.text : null;
}

const memo = (f: (s: string) => string): ((s: string) => string) => {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = f(s)));
    return v;
  };
};
