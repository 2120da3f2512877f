// Property tests of the reading side with random workbooks written as real .xlsx files: what the reader
// gives back is what was written (text, numbers, booleans, dates, errors, formulas, merges, hidden
// sheets), and the whole pipeline — readXlsx → normalizeWorkbook → audit → reports — never throws on
// random cells, whatever rubric is applied; every criterion ends in one of the five statuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { auditInventory } from '../engine/audit.js';
import { builtinRegistry, loadRubric } from '../rubric/registry.js';
import type { Rubric } from '../rubric/schema.js';
import { renderMarkdownText } from '../render/markdown.js';
import { stringifyJson, toResultJson } from '../render/json.js';
import { junitSuite } from '../render/junit.js';
import { normalizeWorkbook } from './normalize.js';
import type { RawCell, RawMerge, RawWorkbook } from './types.js';
import { DEFAULT_LIMITS, readXlsx } from './xlsx.js';
// @ts-expect-error plain JS, shared with scripts/fuzz.mjs
import { buildXlsx, storable } from '../../tests/hostile/lib/workbook.mjs';
// @ts-expect-error plain JS, shared with scripts/fuzz.mjs
import { WEIRD_STRINGS } from '../../tests/hostile/lib/mutate.mjs';

const STATUSES = ['pass', 'fail', 'missing', 'not_applicable', 'waived'];
const RUBRICS: Rubric[] = builtinRegistry().entries().map((e) => loadRubric(`${e.id}@${e.version}`));

/** Words the reader looks for, so random sheets reach deep into the normalizer. */
const WORDS = ['STT', 'Nội dung', 'Thông tin', 'Mã trường', 'Tên trường', 'Tỉnh/Thành phố', 'Quận/Huyện', 'Năm học', 'Cấp học',
  'Số học sinh THPT', 'Số học sinh THCS', 'Có mạng Wi-Fi phục vụ giáo viên', 'Số phòng máy tính', 'Ngày lập báo cáo',
  'Loại thiết bị', 'Mục đích sử dụng', 'Số lượng', 'Tình trạng', 'Tổ chuyên môn', 'Năm đưa vào sử dụng', 'Tên phần mềm', 'Chức năng',
  'Đang sử dụng', 'Bản quyền', 'Kết nối CSDL ngành', 'Họ và tên', 'Số bài giảng e-Learning', 'Đạt chuẩn kỹ năng sử dụng CNTT',
  'Được bồi dưỡng CNTT trong năm', 'Máy tính để bàn', 'Máy tính xách tay', 'Phòng máy', 'Quản lý', 'Giáo viên', 'Tốt', 'Hỏng',
  'Sổ điểm điện tử', 'Học bạ điện tử', 'Có', 'Không', 'x', 'THPT', 'THCS, Tiểu học', 'Bến Tre', 'Giồng Trôm', '2024-2025',
  'Tổng cộng', 'Ví dụ', '12/10/2024', '1.250', '25 máy', 'Có bản quyền'];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...(WEIRD_STRINGS as string[])) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const isoDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const cellArb: fc.Arbitrary<RawCell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: text.map((v): RawCell => ({ t: 's', v })) },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0))).map((v): RawCell => ({ t: 'n', v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): RawCell => ({ t: 'b', v })) },
  { weight: 1, arbitrary: isoDate.map((v): RawCell => ({ t: 'd', v })) },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#N/A', '#DIV/0!', '#VALUE!').map((v): RawCell => ({ t: 'e', v })) },
);
const withFormula = fc.tuple(cellArb, fc.boolean()).map(([c, f]) => (c && f ? { ...c, f: true as const } : c));
const mergeArb: fc.Arbitrary<RawMerge> = fc.record({ r1: fc.nat(30), c1: fc.nat(8), h: fc.nat(3), w: fc.nat(3) })
  .map((m) => ({ r1: m.r1, c1: m.c1, r2: m.r1 + m.h, c2: m.c1 + m.w }));
const sheetName = fc.oneof(
  fc.constantFrom('Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên', 'CSVC', 'Đội ngũ', 'Sheet1', '__proto__', 'constructor'),
  fc.string({ minLength: 1, maxLength: 31 }),
);
const workbookArb: fc.Arbitrary<RawWorkbook> = fc.array(fc.record({
  name: sheetName,
  hidden: fc.boolean(),
  rows: fc.array(fc.array(withFormula, { maxLength: 10 }), { maxLength: 30 }),
  merges: fc.array(mergeArb, { maxLength: 4 }),
}), { maxLength: 5 }).map((sheets) => ({ sheets }));

/**
 * What a cell reads back as: OOXML's `_xHHHH_` escapes decoded, characters XML cannot hold dropped, a text
 * over Excel's 32,767 characters cut to them (not inside a surrogate pair).
 */
function expectedCell(c: RawCell | undefined): RawCell | undefined {
  if (c === undefined) return undefined;
  if (c.t !== 's') return c;
  let v = storable(String(c.v)).replace(/_x([0-9A-Fa-f]{4})_/g, (_: string, h: string) => String.fromCharCode(parseInt(h, 16)));
  const max = DEFAULT_LIMITS.maxCellText;
  if (v.length > max) v = v.slice(0, /[\uD800-\uDBFF]/.test(v[max - 1]!) ? max - 1 : max);
  return { ...c, v };
}

/** Rows as the reader returns them: no row for a row without cells. */
const expectedRows = (rows: (RawCell | undefined)[][]) => rows.map((r) => (r.some((c) => c !== undefined) ? r.map(expectedCell) : undefined));
const trimmed = <T>(xs: T[]): T[] => { const out = [...xs]; while (out.length && out[out.length - 1] === undefined) out.pop(); return out; };

describe('an .xlsx written from random cells reads back the same', () => {
  it('text, numbers, booleans, dates, errors, formula flags, merges, names and hidden state', () => {
    fc.assert(fc.property(workbookArb, (wb) => {
      const back = readXlsx(buildXlsx(wb.sheets) as Uint8Array, 'x.xlsx');
      expect(back.sheets.map((s) => [s.name, s.hidden])).toEqual(wb.sheets.map((s) => [storable(s.name), s.hidden]));
      back.sheets.forEach((s, i) => {
        const want = trimmed(expectedRows(wb.sheets[i]!.rows));
        expect(trimmed(s.rows.map((r) => (r ? trimmed(r) : r)))).toEqual(want.map((r) => (r ? trimmed(r) : r)));
        expect(s.merges).toEqual(wb.sheets[i]!.merges);
      });
    }), { numRuns: 150 });
  });
});

describe('the whole pipeline on random workbooks', () => {
  it('never throws anything but InputError; every criterion has one of the five statuses', () => {
    fc.assert(fc.property(workbookArb, fc.constantFrom(...RUBRICS), isoDate, (wb, rubric, asOf) => {
      let raw: RawWorkbook;
      try {
        raw = readXlsx(buildXlsx(wb.sheets) as Uint8Array, 'x.xlsx');
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return;
      }
      const inv = normalizeWorkbook(raw);
      const r = auditInventory(inv, rubric, { asOf, source: { file: 'x.xlsx', sha256: '0' }, tool: { name: 'audit', version: 'fuzz' } });
      for (const c of r.criteria) {
        expect(STATUSES).toContain(c.status);
        if (c.points !== null) expect(c.points).toBeGreaterThanOrEqual(0);
      }
      if (r.score !== null) expect(Number.isFinite(r.score)).toBe(true);
      for (const lang of ['vi', 'en'] as const) {
        renderMarkdownText(r, { lang, color: false });
        stringifyJson(toResultJson(r, lang));
        junitSuite(r, lang);
      }
    }), { numRuns: 150 });
  });
});
