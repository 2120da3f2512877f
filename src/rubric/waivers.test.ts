import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RubricError } from '../errors.js';
import { format } from '../messages/format.js';
import { loadWaivers, parseWaivers } from './waivers.js';

const W = 'tests/rubrics/waivers';

describe('waivers', () => {
  it('reads a valid file; codes stay strings, dates stay yyyy-mm-dd', async () => {
    expect(await loadWaivers(`${W}/valid.yaml`)).toEqual([
      { school: '083000123', criterion: '2.students-per-computer', reason: 'Phòng máy đang cải tạo', approved_by: 'Phòng GD&ĐT Mỏ Cày Nam', expires: '2025-03-31' },
      { school: '*', criterion: '7.focal-report', reason: 'Sở gia hạn báo cáo', expires: '2016-12-31' },
    ]);
  });

  it('reports every mistake on its line', () => {
    const file = `${W}/mistakes.yaml`;
    const text = readFileSync(file, 'utf8');
    const want: Record<number, string[]> = {};
    text.split('\n').forEach((l, i) => {
      const m = /#\s*expect:\s*(.+)$/.exec(l);
      if (m && i > 0) want[i + 1] = m[1]!.split(',').map((s) => s.trim());
    });
    const r = parseWaivers(text, file);
    const got: Record<number, string[]> = {};
    for (const p of r.problems) (got[p.line] ??= []).push(p.message.code);
    expect(got).toEqual(want);
    expect(r.waivers).toEqual([]);
  });

  it('tells how to write a numeric school code, keeping the zeros the person typed', () => {
    const r = parseWaivers(readFileSync(`${W}/mistakes.yaml`, 'utf8'), 'w.yaml');
    const p = r.problems.find((x) => x.message.code === 'waivers.school_number')!;
    expect(format(p.message, 'en')).toBe('"school" must be in quotes, e.g. school: "083000123", so that leading zeros of the school code are kept');
    const missing = r.problems.filter((x) => x.message.code === 'rubric.missing_key').map((x) => format(x.message, 'vi'));
    expect(missing).toEqual(['Thiếu "reason"', 'Thiếu "expires"']);
  });

  it('loadWaivers throws a RubricError with code waivers.invalid', async () => {
    await expect(loadWaivers(`${W}/mistakes.yaml`)).rejects.toBeInstanceOf(RubricError);
    const err = await loadWaivers(`${W}/mistakes.yaml`).catch((e: RubricError) => e);
    expect((err as RubricError).finding).toEqual({ code: 'waivers.invalid', args: { count: 7 } });
    const missing = await loadWaivers(`${W}/nope.yaml`).catch((e: RubricError) => e);
    expect((missing as RubricError).problems[0]!.message.code).toBe('rubric.file_not_found');
  });

  it('a file that is not a list of waivers says what it must look like', () => {
    expect(parseWaivers('- school: "1"\n', 'w.yaml').problems[0]!.message.code).toBe('waivers.not_a_mapping');
    expect(parseWaivers('', 'w.yaml').problems[0]!.message.code).toBe('rubric.empty_file');
    expect(parseWaivers('waivers: []\n', 'w.yaml')).toEqual({ waivers: [], problems: [] });
  });
});
