import { z } from 'zod';
import type { CheckKind } from './types.js';
import type { CellRef, SoftwareRow, Val } from '../inventory/types.js';
import type { CheckOutcome, Finding } from '../engine/types.js';
import { FUNCTIONS, LICENSES } from '../inventory/fields.js';
import { COMMON_MESSAGES, cellText, missingOutcome } from './common.js';
import { uniqueCells } from '../engine/metrics.js';

// An in-use system with the function exists and meets the conditions (connected / licensed / license in list).
const schema = z.strictObject({
  software: z.enum(FUNCTIONS),
  connected: z.boolean().optional(),
  licensed: z.boolean().optional(),
  license: z.array(z.enum(LICENSES)).min(1).optional(),
});

type Params = z.output<typeof schema>;
type Condition = 'connected' | 'licensed' | 'license';
type Tri = 'yes' | 'no' | 'not_declared' | 'invalid';

const LICENSED = ['ban_quyen', 'ma_nguon_mo', 'mien_phi'];

const conditionsOf = (p: Params): Condition[] => [
  ...(p.connected ? ['connected' as const] : []),
  ...(p.licensed ? ['licensed' as const] : []),
  ...(p.license ? ['license' as const] : []),
];

const conditionFinding = (c: Condition, p: Params): Finding =>
  c === 'license' ? { code: 'software.cond.license', args: { license: p.license! } } : { code: `software.cond.${c}` };

const tri = <T>(v: Val<T> | undefined, test: (x: T) => boolean): Tri =>
  v === undefined ? 'not_declared' : !v.ok ? 'invalid' : test(v.value) ? 'yes' : 'no';

function conditionState(row: SoftwareRow, c: Condition, p: Params): { state: Tri; cell?: CellRef } {
  switch (c) {
    case 'connected': return { state: tri(row.csdl_connected, (x) => x), cell: row.csdl_connected?.ref ?? row.ref };
    case 'licensed': return { state: tri(row.license, (x) => LICENSED.includes(x)), cell: row.license?.ref ?? row.ref };
    case 'license': return { state: tri(row.license, (x) => p.license!.includes(x)), cell: row.license?.ref ?? row.ref };
  }
}

interface Candidate { name: string | null; unmet: Condition[]; undeclared: Condition[]; invalid: CellRef[]; cells: CellRef[] }

const messages = {
  ...COMMON_MESSAGES,
  'software.actual': { vi: 'có ({names})', en: 'yes ({names})' },
  'software.actual_unnamed': { vi: 'có', en: 'yes' },
  'software.actual_none': { vi: 'không có', en: 'none' },
  'software.expected': { vi: 'phần mềm {function|vocab:function} đang sử dụng', en: '{function|vocab:function} software in use' },
  'software.expected_with': { vi: 'phần mềm {function|vocab:function} đang sử dụng, {conditions}', en: '{function|vocab:function} software in use, {conditions}' },
  'software.cond.connected': { vi: 'kết nối CSDL ngành', en: 'connected to the sector database' },
  'software.cond.licensed': { vi: 'có bản quyền (hoặc mã nguồn mở, miễn phí)', en: 'licensed (or open source, free)' },
  'software.cond.license': { vi: 'bản quyền: {license|vocab:license}', en: 'license: {license|vocab:license}' },
  'software.gap.none': { vi: 'chưa có phần mềm {function|vocab:function} đang sử dụng', en: 'no {function|vocab:function} software in use' },
  'software.gap.unmet': { vi: 'phần mềm {function|vocab:function} chưa đáp ứng: {conditions}', en: '{function|vocab:function} software does not meet: {conditions}' },
  'software.gap.undeclared': { vi: 'phần mềm {function|vocab:function}: chưa khai báo {conditions} (trang Phần mềm)', en: '{function|vocab:function} software: {conditions} not declared (sheet Software)' },
  'software.gap.invalid': { vi: 'phần mềm {function|vocab:function}: sửa ô không đọc được {cells}', en: '{function|vocab:function} software: fix the unreadable cell {cells}' },
};

export const softwareCheck: CheckKind<Params> = {
  name: 'software',
  is: (raw) => 'software' in raw,
  schema,
  evaluate(p, ctx): CheckOutcome {
    const fn = p.software;
    const conditions = conditionsOf(p);
    const expected: Finding = conditions.length === 0
      ? { code: 'software.expected', args: { function: fn } }
      : { code: 'software.expected_with', args: { function: fn, conditions: conditions.map((c) => conditionFinding(c, p)) } };
    const rows = ctx.inventory.software;
    if (!rows) return missingOutcome(`software.${fn}`, { state: 'missing', reason: 'sheet_missing', cells: [], sheet: 'software' }, expected);

    const candidates: Candidate[] = [];
    const unreadable: (CellRef | undefined)[] = []; // undefined: an unusable value with no cell (the plain form)
    for (const row of rows) {
      if (row.functions === undefined) continue;
      if (!row.functions.ok) { unreadable.push(row.functions.ref ?? row.ref); continue; }
      if (!(row.functions.value as string[]).includes(fn)) continue;
      const use = tri(row.in_use, (x) => x);
      if (use === 'no') continue;
      if (use === 'invalid') { unreadable.push(row.in_use?.ref ?? row.ref); continue; }
      const cand: Candidate = { name: row.name?.ok ? row.name.value : null, unmet: [], undeclared: [], invalid: [], cells: [] };
      for (const ref of [row.functions.ref, row.in_use?.ref]) if (ref) cand.cells.push(ref);
      for (const c of conditions) {
        const { state, cell } = conditionState(row, c, p);
        if (cell) cand.cells.push(cell);
        if (state === 'no') cand.unmet.push(c);
        else if (state === 'not_declared') cand.undeclared.push(c);
        else if (state === 'invalid' && cell) cand.invalid.push(cell);
      }
      candidates.push(cand);
    }
    const names = candidates.flatMap((c) => (c.name ? [c.name] : []));
    const actual: Finding = candidates.length === 0 ? { code: 'software.actual_none' }
      : names.length > 0 ? { code: 'software.actual', args: { names } } : { code: 'software.actual_unnamed' };

    const passing = candidates.filter((c) => c.unmet.length === 0 && c.undeclared.length === 0 && c.invalid.length === 0);
    if (passing.length > 0) {
      return { status: 'pass', actual, expected, gap: null, cells: uniqueCells(passing.flatMap((c) => c.cells)) };
    }
    const open = candidates.filter((c) => c.unmet.length === 0);
    const invalid = [...unreadable, ...open.flatMap((c) => c.invalid)];
    if (invalid.length > 0) {
      const cells = invalid.filter((c): c is CellRef => c !== undefined);
      return { status: 'missing', actual, expected, gap: { code: 'software.gap.invalid', args: { function: fn, cells: cells.map(cellText) } }, cells: uniqueCells(cells) };
    }
    if (open.length > 0) {
      const undeclared = [...new Set(open.flatMap((c) => c.undeclared))];
      return {
        status: 'missing', actual, expected,
        gap: { code: 'software.gap.undeclared', args: { function: fn, conditions: undeclared.map((c) => conditionFinding(c, p)) } },
        cells: uniqueCells(open.flatMap((c) => c.cells)),
      };
    }
    if (candidates.length === 0) {
      return { status: 'fail', actual, expected, gap: { code: 'software.gap.none', args: { function: fn } }, cells: [] };
    }
    const best = candidates.reduce((a, b) => (b.unmet.length < a.unmet.length ? b : a));
    return {
      status: 'fail', actual, expected,
      gap: { code: 'software.gap.unmet', args: { function: fn, conditions: best.unmet.map((c) => conditionFinding(c, p)) } },
      cells: uniqueCells(candidates.flatMap((c) => c.cells)),
    };
  },
  rule: (p) => `software ${p.software}${conditionsOf(p).map((c) => (c === 'license' ? ` license in [${p.license!.join(', ')}]` : ` ${c}`)).join('')}`,
  metrics: (p) => [`software.${p.software}`],
  messages,
};
