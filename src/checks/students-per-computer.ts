import { z } from 'zod';
import type { CheckKind } from './types.js';
import type { CellRef } from '../inventory/types.js';
import type { CheckOutcome, Finding } from '../engine/types.js';
import { LEVELS, PURPOSES, type Level } from '../inventory/fields.js';
import { COMMON_MESSAGES, computersOf, missingOutcome, round1 } from './common.js';
import { uniqueCells } from '../engine/metrics.js';

// Working computers (of a purpose) ≥ required = ceil(Σ over the school's listed levels of students / max).
const schema = z.strictObject({
  students_per_computer: z.strictObject({
    purpose: z.enum(PURPOSES).optional(),
    max: z.partialRecord(z.enum(LEVELS), z.number().positive()).refine((m) => Object.keys(m).length > 0, 'name at least one level'),
  }),
});

type Params = z.output<typeof schema>;

const computersMetric = (purpose: string | undefined): string => `computers.${purpose ?? 'all'}`;
const listed = (p: Params): [Level, number][] =>
  LEVELS.flatMap((l) => (p.students_per_computer.max[l] === undefined ? [] : [[l, p.students_per_computer.max[l]!] as [Level, number]]));

/** ceil of a sum of quotients, immune to binary noise (480/24 + 320/16 is exactly 40). */
export const requiredComputers = (parts: { students: number; max: number }[]): number =>
  Math.ceil(Number(parts.reduce((s, p) => s + p.students / p.max, 0).toFixed(9)));

const messages = {
  ...COMMON_MESSAGES,
  'spc.actual': { vi: '{computers} máy', en: '{computers} computers' },
  'spc.actual_ratio': { vi: '{computers} máy, {ratio} HS/máy', en: '{computers} computers, {ratio} students per computer' },
  'spc.expected_one': { vi: '≥ {required} máy (≤ {max} HS/máy)', en: '≥ {required} computers (≤ {max} students per computer)' },
  'spc.expected_many': { vi: '≥ {required} máy ({limits})', en: '≥ {required} computers ({limits})' },
  'spc.expected_levels': { vi: '{limits}', en: '{limits}' },
  'spc.limit': { vi: '{level|vocab:levels} ≤ {max} HS/máy', en: '{level|vocab:levels} ≤ {max} students per computer' },
  'spc.no_level': { vi: 'trường không có cấp học nào trong: {levels|vocab:levels}', en: 'the school has none of the levels: {levels|vocab:levels}' },
  'spc.gap': { vi: 'thiếu {missing} {computers}: cần {required}, có {have}', en: '{missing} {computers} short: need {required}, have {have}' },
};

export const studentsPerComputerCheck: CheckKind<Params> = {
  name: 'students_per_computer',
  is: (raw) => 'students_per_computer' in raw,
  schema,
  evaluate(p, ctx): CheckOutcome {
    const { purpose } = p.students_per_computer;
    const limits = listed(p);
    const limitFindings: Finding[] = limits.map(([level, max]) => ({ code: 'spc.limit', args: { level, max } }));
    const levelsMetric = ctx.metric('levels');
    if (levelsMetric.state === 'missing') {
      return missingOutcome('levels', levelsMetric, { code: 'spc.expected_levels', args: { limits: limitFindings } });
    }
    const applicable = limits.filter(([l]) => ctx.levels.includes(l));
    if (applicable.length === 0) {
      return {
        status: 'not_applicable',
        actual: { code: 'spc.no_level', args: { levels: limits.map(([l]) => l) } },
        expected: { code: 'spc.expected_levels', args: { limits: limitFindings } },
        gap: null,
        cells: levelsMetric.cells,
      };
    }
    const parts: { students: number; max: number }[] = [];
    const cells: CellRef[] = [];
    for (const [level, max] of applicable) {
      const name = `students.${level}`;
      const s = ctx.metric(name);
      if (s.state === 'missing') return missingOutcome(name, s, { code: 'spc.expected_levels', args: { limits: limitFindings } });
      parts.push({ students: s.value as number, max });
      cells.push(...s.cells);
    }
    const required = requiredComputers(parts);
    const one = applicable.length === 1 ? applicable[0]! : null;
    const expected: Finding = one
      ? { code: 'spc.expected_one', args: { required, max: one[1] } }
      : { code: 'spc.expected_many', args: { required, limits: applicable.map(([level, max]) => ({ code: 'spc.limit', args: { level, max } })) } };
    const cname = computersMetric(purpose);
    const c = ctx.metric(cname);
    if (c.state === 'missing') return missingOutcome(cname, c, expected);
    const have = c.value as number;
    cells.push(...c.cells);
    const actual: Finding = one && have > 0
      ? { code: 'spc.actual_ratio', args: { computers: have, ratio: round1(parts[0]!.students / have) } }
      : { code: 'spc.actual', args: { computers: have } };
    const pass = have >= required;
    return {
      status: pass ? 'pass' : 'fail',
      actual,
      expected,
      gap: pass ? null : { code: 'spc.gap', args: { missing: required - have, computers: computersOf(purpose), required, have } },
      cells: uniqueCells(cells),
      ...(pass ? {} : { shortages: [{ unit: cname, need: required, have, missing: required - have }] }),
    };
  },
  rule: (p) => `students_per_computer(${p.students_per_computer.purpose ?? 'all'}): ${listed(p).map(([l, m]) => `${l} <= ${m}`).join(', ')}`,
  metrics: (p) => ['levels', ...listed(p).map(([l]) => `students.${l}`), computersMetric(p.students_per_computer.purpose)],
  messages,
};
