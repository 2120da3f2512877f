// Test support: RawWorkbooks from arrays of rows, without any xlsx library.
//   sheet('Thiết bị', [['STT', 'Loại thiết bị', 'Số lượng'], [1, 'Máy in', 2]], { merges: ['A1:C1'] })
// A string is a text cell, a number a numeric cell, a boolean a boolean cell; null/undefined is no cell;
// { d: '2024-10-12' } a date cell, { e: '#REF!' } an error cell, { f: 64 } a formula with its cached result.
import type { RawCell, RawMerge, RawSheet, RawWorkbook } from './types.js';

export type TestCell = string | number | boolean | null | undefined | { d: string } | { e: string } | { f: string | number | boolean };

export function toCell(v: TestCell): RawCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { t: 's', v };
  if (typeof v === 'number') return { t: 'n', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  if ('d' in v) return { t: 'd', v: v.d };
  if ('e' in v) return { t: 'e', v: v.e };
  const inner = toCell(v.f)!;
  return { ...inner, f: true };
}

const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** 'A1:C2' → 0-based merge. */
export function range(a1: string): RawMerge {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad range ${a1}`);
  return { r1: Number(m[2]) - 1, c1: colIndex(m[1]!), r2: Number(m[4]) - 1, c2: colIndex(m[3]!) };
}

export function sheet(name: string, rows: TestCell[][], opts: { merges?: string[]; hidden?: boolean } = {}): RawSheet {
  return { name, hidden: opts.hidden ?? false, rows: rows.map((r) => r.map(toCell)), merges: (opts.merges ?? []).map(range) };
}

export const workbook = (...sheets: RawSheet[]): RawWorkbook => ({ sheets });

/** A `Thông tin chung` sheet from label/value pairs (header row "STT | Nội dung | Thông tin"). */
export function infoSheet(pairs: [string, TestCell][], name = 'Thông tin chung'): RawSheet {
  return sheet(name, [['STT', 'Nội dung', 'Thông tin'], ...pairs.map(([l, v], i): TestCell[] => [i + 1, l, v])]);
}

/** The required info fields, filled, for tests about other things. */
export const BASIC_INFO: [string, TestCell][] = [
  ['Mã trường', '83000715'], ['Tên trường', 'THPT A'], ['Tỉnh/Thành phố', 'Bến Tre'], ['Quận/Huyện', 'Giồng Trôm'],
  ['Năm học', '2024-2025'], ['Cấp học', 'THPT'],
];
