import { describe, expect, it } from 'vitest';
import {
  buildDiff, normalizeCode, sideFromBatch, type CriterionDef, type Side, type SideCriterion, type SideRubric, type SideSchool,
} from './diff.js';
import type { BatchSummary } from './batch.js';
import type { CriterionStatus } from './types.js';

const TOOL = { name: 'audit', version: '0.0.0-test' };

// ---------- small builders: a rubric, a school, a side ----------

type Def = Partial<CriterionDef> & { id: string };
function rubric(version: string, defs: Def[], extra: Partial<SideRubric> = {}): SideRubric {
  return {
    id: 'r', version, sha256: `sha-${version}`, title: 'R',
    criteria: defs.map((d) => ({ clause: d.id.split('.')[0]!, title: `T ${d.id}`, rule: `${d.id} rule`, weight: 2, severity: 'required', ...d })),
    bands: [],
    ...extra,
  };
}

/** status, points (default: weight on pass, 0 on fail/missing, null otherwise), actual. */
type C = [CriterionStatus, (number | null)?, (string | null)?];
function school(code: string | null, r: SideRubric, criteria: Record<string, C>, extra: Partial<SideSchool> = {}): SideSchool {
  const crit: SideCriterion[] = Object.entries(criteria).map(([id, [status, points, actual]]) => {
    const weight = r.criteria.find((d) => d.id === id)?.weight ?? 1;
    const p = points !== undefined ? points : status === 'pass' ? weight : status === 'fail' || status === 'missing' ? 0 : null;
    return { id, status, points: p, actual: actual ?? null, expected: null, gap: status === 'fail' ? `gap ${id}` : null, message: status === 'waived' ? 'Được miễn trừ: sửa chữa' : null };
  });
  const earned = crit.reduce((n, c) => n + (c.points ?? 0), 0);
  const possible = crit.filter((c) => c.status !== 'not_applicable' && c.status !== 'waived')
    .reduce((n, c) => n + (r.criteria.find((d) => d.id === c.id)?.weight ?? 1), 0);
  return {
    code, name: code ? `School ${code}` : 'No code', district: null, school_year: '2024-2025', file: `${code ?? 'x'}.xlsx`,
    source_sha256: `data-${code}-${JSON.stringify(criteria)}`, rubric: { id: r.id, version: r.version, sha256: r.sha256 },
    as_of: '2024-10-15', score: possible ? Math.round((1000 * earned) / possible) / 10 : null,
    status: crit.every((c) => c.status !== 'fail' && c.status !== 'missing') ? 'pass' : 'fail', band: null, criteria: crit,
    ...extra,
  };
}

const side = (schools: SideSchool[], rubrics: SideRubric[], extra: Partial<Side> = {}): Side => ({
  kind: 'folder', name: 'x', lang: null, rubrics, schools, district: null, errors: [], ...extra,
});

const R1 = rubric('1.0.0', [{ id: '1.a' }, { id: '1.b', severity: 'recommended', weight: 1 }, { id: '2.c', weight: 5 }]);

describe('normalizeCode', () => {
  it('trims and keeps leading zeros', () => {
    expect(normalizeCode(' 083000103 ')).toBe('083000103');
    expect(normalizeCode('083000103')).not.toBe(normalizeCode('83000103'));
    expect(normalizeCode('  ')).toBeNull();
    expect(normalizeCode(null)).toBeNull();
  });
});

describe('matching schools', () => {
  it('by code (trimmed); renamed schools are the same school and the diff says so; added and removed are listed', () => {
    const old = side([
      school('001', R1, { '1.a': ['pass'] }, { name: 'Trường A' }),
      school('002', R1, { '1.a': ['pass'] }),
    ], [R1]);
    const now = side([
      school(' 001 ', R1, { '1.a': ['pass'] }, { name: 'Trường A mới' }),
      school('003', R1, { '1.a': ['pass'] }),
    ], [R1]);
    const d = buildDiff(old, now, { tool: TOOL });
    expect(d.schools.map((s) => s.code)).toEqual(['001']);
    expect(d.schools[0]).toMatchObject({ name: 'Trường A mới', old_name: 'Trường A' });
    expect(d.schools[0]!.notes).toContainEqual({ code: 'diff.note.renamed', args: { code: '001', old: 'Trường A', new: 'Trường A mới' } });
    expect(d.added.map((s) => s.code)).toEqual(['003']);
    expect(d.removed.map((s) => s.code)).toEqual(['002']);
  });

  it('a school without a code cannot be matched', () => {
    const old = side([school(null, R1, { '1.a': ['pass'] }), school('001', R1, { '1.a': ['pass'] })], [R1]);
    const now = side([school('001', R1, { '1.a': ['pass'] }, { file: 'a.xlsx' })], [R1]);
    const d = buildDiff(old, now, { tool: TOOL });
    expect(d.schools).toHaveLength(1);
    expect(d.removed.map((s) => s.code)).toEqual([null]);
    expect(d.notes.map((n) => n.code)).toEqual(['diff.note.no_code']);
  });

  it('a code in several files is one school: the latest report date (then the later path) is compared, never "removed" or "added"', () => {
    const old = side([
      school('001', R1, { '1.a': ['pass'] }, { file: 'a.xlsx' }),
      school('002', R1, { '1.a': ['pass'] }, { file: 'b.xlsx', as_of: '2023-10-01' }),
      school('002', R1, { '1.a': ['fail'] }, { file: 'b-gui-lai.xlsx', as_of: '2023-10-20' }),
      school('003', R1, { '1.a': ['pass'] }, { file: 'c.xlsx' }),
    ], [R1]);
    const now = side([
      school('001', R1, { '1.a': ['pass'] }, { file: 'a.xlsx' }),
      school('001', R1, { '1.a': ['pass'] }, { file: 'z-copy.xlsx' }),
      school('002', R1, { '1.a': ['fail'] }, { file: 'b.xlsx' }),
    ], [R1]);
    const d = buildDiff(old, now, { tool: TOOL });
    expect(d.schools.map((s) => [s.code, s.old.file, s.new.file, s.trend])).toEqual([
      ['001', 'a.xlsx', 'z-copy.xlsx', 'unchanged'],
      ['002', 'b-gui-lai.xlsx', 'b.xlsx', 'unchanged'],
    ]);
    expect(d.removed.map((s) => s.code)).toEqual(['003']);
    expect(d.added).toEqual([]);
    expect(d.totals).toMatchObject({ matched: 2, added: 0, removed: 1, unchanged: 2 });
    // each school counted once on its side
    expect([d.old.schools, d.new.schools]).toEqual([3, 2]);
    expect(d.old.superseded).toEqual([{ code: '002', file: 'b.xlsx', kept: 'b-gui-lai.xlsx' }]);
    expect(d.new.superseded).toEqual([{ code: '001', file: 'a.xlsx', kept: 'z-copy.xlsx' }]);
    expect(d.notes.filter((n) => n.code === 'diff.note.superseded').map((n) => n.args)).toEqual([
      { side: { code: 'diff.label.side.old' }, code: '002', kept: 'b-gui-lai.xlsx', files: 'b.xlsx', count: 1 },
      { side: { code: 'diff.label.side.new' }, code: '001', kept: 'z-copy.xlsx', files: 'a.xlsx', count: 1 },
    ]);
    // pass rates over the two schools on both sides
    expect(d.rates_schools).toBe(2);
  });
});

describe('why a criterion changed', () => {
  it('same rubric, different data: a lost required criterion is a regression, with the values before and after', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass', 2, 'có'], '2.c': ['fail', 0, '15 HS/máy'] })], [R1]),
      side([school('1', R1, { '1.a': ['fail', 0, 'không'], '2.c': ['fail', 0, '11.5 HS/máy'] })], [R1]),
      { tool: TOOL },
    );
    const s = d.schools[0]!;
    expect(s.trend).toBe('regressed');
    expect(d.regression).toBe(true);
    expect(s.criteria.map((c) => [c.id, c.change, c.reason, c.regression])).toEqual([
      ['1.a', 'lost', 'data', true],
      ['2.c', 'still_failing', 'data', false],
    ]);
    // the values are old/new.actual; the reason never restates them
    expect(s.criteria[0]!.why).toEqual([{ code: 'diff.why.data' }]);
    expect(s.criteria[0]!.old!.actual).toBe('có');
    expect(s.criteria[0]!.new!.actual).toBe('không');
    expect(s.criteria[1]!.why).toEqual([]);
    expect(s.criteria[1]!.old!.actual).toBe('15 HS/máy');
    expect(s.criteria[1]!.new).toMatchObject({ actual: '11.5 HS/máy', gap: 'gap 2.c' });
  });

  it('a criterion on one side only is "rubric changed", never a regression', () => {
    const R2 = rubric('2.0.0', [{ id: '1.a' }, { id: '3.new' }]);
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] })], [R1]),
      side([school('1', R2, { '1.a': ['pass'], '3.new': ['fail'] })], [R2]),
      { tool: TOOL },
    );
    const s = d.schools[0]!;
    expect(s.regression).toBe(false);
    expect(s.trend).toBe('changed');
    expect(s.criteria.map((c) => [c.id, c.change, c.reason, c.regression])).toEqual([
      ['3.new', 'added', 'rubric', false],
      ['2.c', 'removed', 'rubric', false], // required before recommended
      ['1.b', 'removed', 'rubric', false],
    ]);
    expect(d.rubric_changes).toHaveLength(1);
    expect(d.rubric_changes[0]!.added.map((c) => c.id)).toEqual(['3.new']);
    expect(d.rubric_changes[0]!.removed.map((c) => c.id)).toEqual(['1.b', '2.c']);
    expect(d.notes.map((n) => n.code)).toEqual(['diff.note.rubrics_differ', 'diff.note.no_rescore']);
  });

  it('a changed threshold without the old workbook is "rubric changed" and shows both rules; if the data moved too it says it cannot tell', () => {
    const R2 = rubric('1.1.0', [{ id: '1.a', rule: 'x >= 3' }, { id: '1.b', severity: 'recommended', weight: 1 }, { id: '2.c', weight: 5 }]);
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass', 2, '2'] }), school('2', R1, { '1.a': ['pass', 2, '2'] })], [R1]),
      side([school('1', R2, { '1.a': ['fail', 0, '2'] }), school('2', R2, { '1.a': ['fail', 0, '1'] })], [R2]),
      { tool: TOOL },
    );
    for (const s of d.schools) {
      expect(s.regression).toBe(false);
      expect(s.criteria[0]).toMatchObject({ change: 'lost', reason: 'rubric', regression: false });
      expect(s.criteria[0]!.why[0]).toEqual({ code: 'diff.why.rubric_rule', args: { old: '1.a rule', new: 'x >= 3' } });
    }
    expect(d.schools[1]!.criteria[0]!.why.map((f) => f.code)).toEqual(['diff.why.rubric_rule', 'diff.why.cannot_separate']);
    expect(d.totals.criteria_rubric).toBe(2);
    expect(d.rubric_changes[0]!.changed).toEqual([expect.objectContaining({ id: '1.a', fields: ['rule'] })]);
  });

  it('re-scored old data tells the rubric from the data: rubric only, data only, or both', () => {
    const R2 = rubric('1.1.0', [{ id: '1.a', rule: 'x >= 3' }, { id: '1.b', rule: 'y >= 1', severity: 'recommended', weight: 1 }, { id: '2.c', weight: 5, rule: 'z <= 20' }]);
    const old = side([school('1', R1, { '1.a': ['pass', 2, '2'], '1.b': ['pass', 1, '4'], '2.c': ['fail', 0, '12'] })], [R1]);
    const now = side([school('1', R2, { '1.a': ['fail', 0, '2'], '1.b': ['fail', 0, '0'], '2.c': ['fail', 0, '13'] })], [R2]);
    // the old data under 1.1.0: 1.a fails (the raised threshold), 1.b passes (4 ≥ 1), 2.c passes (12 ≤ 20, loosened)
    const rescored = school('1', R2, { '1.a': ['fail', 0, '2'], '1.b': ['pass', 1, '4'], '2.c': ['pass', 5, '12'] });
    const d = buildDiff(old, now, { tool: TOOL, rescored: new Map([['1', rescored]]) });
    const s = d.schools[0]!;
    const by = Object.fromEntries(s.criteria.map((c) => [c.id, c]));
    expect(by['1.a']).toMatchObject({ reason: 'rubric', regression: false, rescored: { status: 'fail' } });
    expect(by['1.b']).toMatchObject({ reason: 'data', regression: true });
    expect(by['2.c']).toMatchObject({ change: 'still_failing', reason: 'data_and_rubric', regression: true });
    expect(s.rescored).toMatchObject({ status: 'fail', score: 75, rubric: { version: '1.1.0' } });
    expect(s.trend).toBe('regressed');
    expect(d.notes.map((n) => n.code)).toContain('diff.note.rescored_count');
    expect(s.notes.map((n) => n.code)).toContain('diff.note.rescored');
  });

  it('a waiver that appears or ends is said so, and is not a regression', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['fail'] }), school('2', R1, { '1.a': ['waived'] })], [R1]),
      side([school('1', R1, { '1.a': ['waived'] }), school('2', R1, { '1.a': ['fail'] })], [R1]),
      { tool: TOOL },
    );
    const [one, two] = ['1', '2'].map((c) => d.schools.find((s) => s.code === c)!);
    expect(one!.criteria[0]).toMatchObject({ change: 'changed', reason: 'waiver_added', regression: false });
    expect(one!.criteria[0]!.why[0]).toEqual({ code: 'diff.why.waiver_added', args: { message: 'Được miễn trừ: sửa chữa' } });
    expect(two!.criteria[0]).toMatchObject({ change: 'changed', reason: 'waiver_ended', regression: false });
    expect(d.regression).toBe(false);
  });

  it('the same workbook under the same rubric: a change can only come from the assessment date', () => {
    const a = school('1', R1, { '1.a': ['pass'] }, { source_sha256: 'same' });
    const b = school('1', R1, { '1.a': ['fail'] }, { source_sha256: 'same', as_of: '2025-01-01' });
    const d = buildDiff(side([a], [R1]), side([b], [R1]), { tool: TOOL });
    expect(d.schools[0]!.criteria[0]).toMatchObject({ reason: 'as_of', regression: false });
    expect(d.schools[0]!.same_data).toBe(true);
  });

  it('partial credit that falls while still failing is a score regression, not a lost criterion', () => {
    const R = rubric('1.0.0', [{ id: '1.a' }, { id: '2.g', weight: 10 }]);
    const d = buildDiff(
      side([school('1', R, { '1.a': ['pass'], '2.g': ['fail', 7, '70%'] })], [R]),
      side([school('1', R, { '1.a': ['pass'], '2.g': ['fail', 4, '40%'] })], [R]),
      { tool: TOOL },
    );
    const s = d.schools[0]!;
    expect(s.criteria[0]).toMatchObject({ change: 'still_failing', regression: false, points_delta: -3 });
    expect(s.regression).toBe(true);
    expect(s.trend).toBe('regressed');
    expect(s.score_delta).toBe(-25);
    expect(s.notes).toContainEqual({ code: 'diff.note.score_fell', args: { from: 75, to: 50 } });
  });
});

describe('order', () => {
  it('regressions first (required before recommended, then by size), then improvements, then other changes, then unchanged by code', () => {
    const old = side([
      school('a', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] }),
      school('b', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] }),
      school('c', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] }),
      school('d', R1, { '1.a': ['fail'], '1.b': ['pass'], '2.c': ['pass'] }),
      school('e', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] }),
      school('f', R1, { '1.a': ['fail'], '1.b': ['pass'], '2.c': ['pass'] }),
    ], [R1]);
    const now = side([
      school('a', R1, { '1.a': ['pass'], '1.b': ['fail'], '2.c': ['pass'] }), // recommended lost
      school('b', R1, { '1.a': ['fail'], '1.b': ['pass'], '2.c': ['pass'] }), // required, 2 points
      school('c', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['fail'] }), // required, 5 points
      school('d', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] }), // improved
      school('e', R1, { '1.a': ['pass'], '1.b': ['pass'], '2.c': ['pass'] }), // unchanged
      school('f', R1, { '1.a': ['waived'], '1.b': ['pass'], '2.c': ['pass'] }), // changed by a waiver
    ], [R1]);
    const d = buildDiff(old, now, { tool: TOOL });
    expect(d.schools.map((s) => [s.code, s.trend])).toEqual([
      ['c', 'regressed'], ['b', 'regressed'], ['a', 'regressed'], ['d', 'improved'], ['f', 'changed'], ['e', 'unchanged'],
    ]);
    expect(d.totals).toMatchObject({ matched: 6, regressed: 3, improved: 1, changed: 1, unchanged: 1, criteria_lost: 3, criteria_gained: 1 });
  });

  it('within a school: regressions, improvements, then still failing', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['fail'], '1.b': ['pass'], '2.c': ['fail'] })], [R1]),
      side([school('1', R1, { '1.a': ['pass'], '1.b': ['fail'], '2.c': ['missing'] })], [R1]),
      { tool: TOOL },
    );
    expect(d.schools[0]!.criteria.map((c) => [c.id, c.change])).toEqual([['1.b', 'lost'], ['1.a', 'gained'], ['2.c', 'still_failing']]);
  });
});

describe('district view', () => {
  it('pass rates per criterion (pass / applicable), band moves and counts', () => {
    const RB = rubric('1.0.0', [{ id: '1.a' }], { bands: [{ id: 'tot', label: 'Tốt' }, { id: 'kha', label: 'Khá' }] });
    const old = side([
      school('1', RB, { '1.a': ['pass'] }, { band: 'tot' }),
      school('2', RB, { '1.a': ['fail'] }, { band: 'kha' }),
      school('3', RB, { '1.a': ['not_applicable'] }, { band: 'kha' }),
    ], [RB]);
    const now = side([
      school('1', RB, { '1.a': ['pass'] }, { band: 'tot' }),
      school('2', RB, { '1.a': ['pass'] }, { band: 'tot' }),
      school('3', RB, { '1.a': ['fail'] }, { band: 'kha' }),
    ], [RB]);
    const d = buildDiff(old, now, { tool: TOOL });
    expect(d.criteria).toEqual([{
      rubric: 'r', id: '1.a', title: 'T 1.a', severity: 'required',
      old: { pass: 1, applicable: 2, rate: 0.5 }, new: { pass: 2, applicable: 3, rate: 0.6667 }, delta: 0.1667,
    }]);
    expect(d.bands.moves).toEqual([{ code: '2', name: 'School 2', old: { id: 'kha', label: 'Khá' }, new: { id: 'tot', label: 'Tốt' } }]);
    expect(d.bands.counts).toEqual([{ id: 'tot', label: 'Tốt', old: 1, new: 2 }, { id: 'kha', label: 'Khá', old: 2, new: 1 }]);
    expect(d.district_view).toBe(true);
  });

  it('district criteria and schools from batch summaries, with the rubric described once', () => {
    // The parts of a summary a diff reads (cast: the summary has more).
    const summary = (pass: number): BatchSummary => ({
      schema: 'audit-batch/v1', tool: TOOL, lang: 'vi', run: { rubric: null, as_of: null, fail_under: null, waivers: null }, shard: null,
      totals: { files: 1, schools: 1, errors: 1, pass: 0, fail: 1, below_fail_under: 0, district_criteria: { pass: 0, fail: 1, missing: 0 }, flags: 0, superseded: 0, not_audited: 0, submissions: 0, ignored: { lock: 0, hidden: 0 } },
      rubrics: [{
        id: 'uong-bi-466', version: '1.0.0', title: 'UB', sha256: 'abc', issuer: 'x', document: { number: '1', date: '2016-01-01' }, scale: 'percent',
        bands: [], criteria: [{ id: '1.x', clause: '1', title: 'X', rule: 'require x', severity: 'required', weight: 2 }],
        district_criteria: [{ id: 'd.share', clause: '3', title: '60% TH', levels: ['tieu_hoc'], rule: 'require y', min: 0.6 }],
      }],
      entries: [
        {
          file: 'a/th.xlsx', code: '22010001', name: 'TH A', province: 'Quảng Ninh', district: 'Uông Bí', school_year: '2016-2017',
          levels: ['tieu_hoc'], rubric: { id: 'uong-bi-466', version: '1.0.0' }, as_of: '2016-12-01', source_sha256: `s${pass}`,
          score: pass ? 100 : 0, status: pass ? 'pass' : 'fail', band: null, rank: 1,
          summary: { pass, fail: 1 - pass, missing: 0, not_applicable: 0, waived: 0 },
          criteria: [{ id: '1.x', status: pass ? 'pass' : 'fail', points: pass ? 2 : 0, actual: pass ? 'có' : 'không' }],
          district_criteria: [{ id: 'd.share', status: pass ? 'pass' : 'fail' }], data_issues: { errors: 0, warnings: 0 }, outside: [],
        },
        { file: 'a/hong.xlsx', error: { code: 'input.not_xlsx', message: 'không phải tệp Excel' } },
      ],
      ranking: [],
      criteria: [],
      district_criteria: [{ rubric: 'uong-bi-466@1.0.0', id: 'd.share', numerator: pass, denominator: 1, missing: [], share: pass, min: 0.6, status: pass ? 'pass' : 'fail' }],
      flags: [],
    } as unknown as BatchSummary);
    const d = buildDiff(sideFromBatch('old.json', summary(0)), sideFromBatch('new.json', summary(1)), { tool: TOOL });
    expect(d.schools[0]!.criteria[0]).toMatchObject({ id: '1.x', change: 'gained', reason: 'data', improvement: true, old: { rule: 'require x', actual: 'không' } });
    expect(d.district_criteria).toEqual([{
      rubric: 'uong-bi-466', id: 'd.share', title: '60% TH',
      old: { numerator: 0, denominator: 1, share: 0, min: 0.6, status: 'fail' }, new: { numerator: 1, denominator: 1, share: 1, min: 0.6, status: 'pass' },
    }]);
    expect(d.old.errors).toEqual([{ file: 'a/hong.xlsx', message: 'không phải tệp Excel' }]);
    expect(d.notes.filter((n) => n.code === 'diff.note.side_error')).toHaveLength(2);
  });
});

describe('saying where a change came from only when it did', () => {
  // 7.x applies in 2016-2017 only (a condition on the school year); 8.x only to schools with a lab (their data).
  const RY = rubric('1.0.0', [{ id: '1.a' }, { id: '7.x', applies_by: 'year' }, { id: '8.x', applies_by: 'data' }]);
  const y = (year: string) => ({ school_year: year });

  it('a criterion out of its school years\' scope is "rubric/year", not the school\'s data, and never a regression', () => {
    const d = buildDiff(
      side([school('1', RY, { '1.a': ['pass'], '7.x': ['pass', 2, '2016-11-01'], '8.x': ['pass', 2, 'có'] }, y('2016-2017'))], [RY]),
      side([school('1', RY, { '1.a': ['pass'], '7.x': ['not_applicable', null, null], '8.x': ['not_applicable', null, null] }, y('2017-2018'))], [RY]),
      { tool: TOOL },
    );
    const byId = Object.fromEntries(d.schools[0]!.criteria.map((c) => [c.id, c]));
    expect(byId['7.x']).toMatchObject({ change: 'changed', reason: 'year', regression: false, improvement: false });
    expect(byId['7.x']!.why).toEqual([{ code: 'diff.why.year', args: { old: '2016-2017', new: '2017-2018' } }]);
    // a condition on the school's data is the data
    expect(byId['8.x']).toMatchObject({ change: 'changed', reason: 'data', why: [{ code: 'diff.why.data' }] });
    expect(d.totals.criteria_rubric).toBe(1);
  });

  it('a failing criterion going out of scope is not an improvement either', () => {
    const d = buildDiff(
      side([school('1', RY, { '1.a': ['pass'], '7.x': ['fail', 0, '2016-12-01'] }, y('2016-2017'))], [RY]),
      side([school('1', RY, { '1.a': ['pass'], '7.x': ['not_applicable', null, null] }, y('2017-2018'))], [RY]),
      { tool: TOOL },
    );
    expect(d.schools[0]).toMatchObject({ trend: 'changed', regression: false });
    expect(d.schools[0]!.criteria[0]).toMatchObject({ id: '7.x', reason: 'year', improvement: false });
  });

  it('without the rubric at hand, a change of applicability between school years is not put down to the data', () => {
    const RU = rubric('1.0.0', [{ id: '1.a' }, { id: '7.x' }]); // applies_by unknown
    const d = buildDiff(
      side([school('1', RU, { '1.a': ['pass'], '7.x': ['fail', 0, 'không có'] }, y('2016-2017'))], [RU]),
      side([school('1', RU, { '1.a': ['pass'], '7.x': ['not_applicable', null, null] }, y('2017-2018'))], [RU]),
      { tool: TOOL },
    );
    expect(d.schools[0]!.criteria[0]).toMatchObject({ reason: 'applicability', improvement: false });
    expect(d.schools[0]!.criteria[0]!.why.map((f) => f.code)).toEqual(['diff.why.applicability']);
  });

  it('a value shown the same on both sides is never called a data change', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass', 2, 'không có'] })], [R1]),
      side([school('1', R1, { '1.a': ['fail', 0, 'không có'] })], [R1]),
      { tool: TOOL },
    );
    expect(d.schools[0]!.criteria[0]!.why).toEqual([{ code: 'diff.why.same_value', args: { actual: 'không có' } }]);
  });

  it('another value with the same result is a brief "value" change: not a regression, the school keeps its trend', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass', 2, '45 máy'], '2.c': ['pass', 5, '12'] })], [R1]),
      side([school('1', R1, { '1.a': ['pass', 2, '58 máy'], '2.c': ['pass', 5, '12'] })], [R1]),
      { tool: TOOL },
    );
    const s = d.schools[0]!;
    expect(s.trend).toBe('unchanged');
    expect(s.criteria.map((c) => [c.id, c.change, c.reason, c.regression, c.improvement])).toEqual([['1.a', 'value', 'data', false, false]]);
    expect(s.criteria[0]!.old!.actual).toBe('45 máy');
    expect(s.criteria[0]!.new!.actual).toBe('58 máy');
    expect(d.totals.criteria_values).toBe(1);
  });

  it('values copied in two languages are not compared', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass', 2, 'có'] })], [R1], { kind: 'batch', lang: 'vi' }),
      side([school('1', R1, { '1.a': ['pass', 2, 'yes'] })], [R1], { kind: 'batch', lang: 'en' }),
      { tool: TOOL },
    );
    expect(d.schools[0]!.criteria).toEqual([]);
  });

  it('pass rates are over the schools on both sides: a school that left does not move them', () => {
    const d = buildDiff(
      side([school('1', R1, { '1.a': ['pass'] }), school('2', R1, { '1.a': ['fail'] }), school('3', R1, { '1.a': ['fail'] })], [R1]),
      side([school('1', R1, { '1.a': ['pass'] }), school('2', R1, { '1.a': ['fail'] })], [R1]),
      { tool: TOOL },
    );
    expect(d.rates_schools).toBe(2);
    expect(d.criteria.find((c) => c.id === '1.a')).toMatchObject({ old: { pass: 1, applicable: 2 }, new: { pass: 1, applicable: 2 }, delta: 0 });
  });
});
