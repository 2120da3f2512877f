// Support for the hostile-input tests: school workbooks with planted text, hand-made zips whose
// declared sizes and offsets lie, and checks shared by the tests (one clean line, no stack trace).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { RawSheet, RawWorkbook } from '../../src/inventory/types.js';
import { readXlsx } from '../../src/inventory/xlsx.js';
import { fixture } from '../cli/run.js';
// @ts-expect-error plain JS shared with scripts/fuzz.mjs
import { buildXlsx, cloneWorkbook, findRow } from './lib/workbook.mjs';

export { audit, fixture, tempDir, ROOT, BIN } from '../cli/run.js';

/** The compliant THPT of the examples, as cells (Bến Tre, code 83000715). */
export function exampleSchool(name = 'thpt-dat-chuan.xlsx'): RawWorkbook {
  return readXlsx(new Uint8Array(readFileSync(fixture(name))), name);
}

export const sheetNamed = (wb: RawWorkbook, name: string): RawSheet => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** Replace the value of a `Thông tin chung` label (label in column B, value in C). */
export function setInfo(wb: RawWorkbook, label: string, value: string): void {
  const info = sheetNamed(wb, 'Thông tin chung');
  const r = findRow(info, 1, label) as number;
  if (r < 0) throw new Error(`no label ${label}`);
  info.rows[r]![2] = { t: 's', v: value };
}

/** A copy of the example school, edited, as .xlsx bytes. */
export function schoolXlsx(edit: (wb: RawWorkbook) => void = () => {}, base?: string): Uint8Array {
  const wb = cloneWorkbook(exampleSchool(base)) as RawWorkbook;
  edit(wb);
  return buildXlsx(wb.sheets) as Uint8Array;
}

export { buildXlsx, cloneWorkbook };

// ---------- zips that lie ----------

export interface CraftedEntry {
  name: string;
  /** The bytes stored (deflated or not, as `method` says). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the directory declares. */
  size: number;
  /** Point this entry's directory record at the local record of an earlier entry (overlapping files). */
  sameDataAs?: number;
}

const le = (n: number, bytes: number): Uint8Array => {
  const b = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) b[i] = Math.floor(n / 2 ** (8 * i)) & 0xff;
  return b;
};
const cat = (...xs: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0));
  let p = 0;
  for (const x of xs) { out.set(x, p); p += x.length; }
  return out;
};

/** A zip written field by field: declared sizes may lie, and directory records may share one local file. */
export function craftZip(entries: CraftedEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  entries.forEach((e, i) => {
    const name = enc.encode(e.name);
    const method = e.method ?? 8;
    let at = offset;
    if (e.sameDataAs !== undefined) {
      at = offsets[e.sameDataAs]!;
    } else {
      const local = cat(le(0x04034b50, 4), le(20, 2), le(0x800, 2), le(method, 2), le(0, 4), le(0, 4),
        le(e.data.length, 4), le(e.size, 4), le(name.length, 2), le(0, 2), name, e.data);
      locals.push(local);
      offset += local.length;
    }
    offsets[i] = at;
    central.push(cat(le(0x02014b50, 4), le(20, 2), le(20, 2), le(0x800, 2), le(method, 2), le(0, 4), le(0, 4),
      le(e.data.length, 4), le(e.size, 4), le(name.length, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 4), le(at, 4), name));
  });
  const cd = cat(...central);
  const eocd = cat(le(0x06054b50, 4), le(0, 2), le(0, 2), le(entries.length, 2), le(entries.length, 2), le(cd.length, 4), le(offset, 4), le(0, 2));
  return cat(...locals, cd, eocd);
}

// ---------- what a user sees ----------

/** stderr holds no stack trace and no internal error. */
export function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(stderr).not.toMatch(/internal error|lỗi nội bộ/i);
  expect(stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
}

/** Extra peak memory (max RSS, MB) and time (ms) of a synchronous call. */
export function measure<T>(fn: () => T): { value: T | undefined; error: unknown; ms: number; mb: number } {
  const rss0 = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let value: T | undefined;
  let error: unknown;
  try { value = fn(); } catch (err) { error = err; }
  return { value, error, ms: performance.now() - t0, mb: (process.resourceUsage().maxRSS - rss0) / 1024 };
}
