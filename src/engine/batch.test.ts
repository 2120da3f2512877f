import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  batchExitCode, combineBatch, mergeBatchSummaries, parseShard, shardSlice,
  type BatchEntry, type BatchInput, type BatchRubric, type BatchSchoolEntry, type BatchSummary,
} from './batch.js';
import { UsageError } from '../errors.js';

const RUBRIC: BatchRubric = {
  id: 'uong-bi-466', version: '1.0.0', title: 'Uông Bí 466', sha256: 'a'.repeat(64), issuer: 'Phòng GD&ĐT Uông Bí',
  document: { number: '466/PGD&ĐT', date: '2016-05-13' }, scale: 'percent', bands: [],
  criteria: [
    { id: '1.licensed', clause: '1', title: 'Bản quyền', rule: 'software.unlicensed == 0', severity: 'required', weight: 2 },
    { id: '2.office', clause: '2', title: 'Văn phòng', rule: 'software van_phong', severity: 'recommended', weight: 1 },
  ],
  district_criteria: [
    { id: '3.primary', clause: '3', title: '60% tiểu học', levels: ['tieu_hoc'], rule: 'teaches_informatics', min: 0.6 },
  ],
};

let n = 0;
function school(over: Partial<BatchSchoolEntry> = {}): BatchSchoolEntry {
  n += 1;
  return {
    file: `d/${String(n).padStart(3, '0')}.xlsx`, code: String(22000000 + n), name: `Trường ${n}`, province: 'Quảng Ninh', district: 'Uông Bí',
    school_year: '2016-2017', levels: ['tieu_hoc'], rubric: { id: 'uong-bi-466', version: '1.0.0' }, as_of: '2016-12-01',
    source_sha256: `sha-${over.file ?? 'a.xlsx'}`, score: 100, status: 'pass', band: null, rank: null,
    summary: { pass: 2, fail: 0, missing: 0, not_applicable: 0, waived: 0 },
    criteria: [{ id: '1.licensed', status: 'pass', points: 2, actual: '0' }, { id: '2.office', status: 'pass', points: 1, actual: 'có' }],
    district_criteria: [{ id: '3.primary', status: 'pass' }],
    data_issues: { errors: 0, warnings: 0 }, outside: [],
    ...over,
  };
}

const input = (entries: BatchEntry[], over: Partial<BatchInput> = {}): BatchInput => ({
  tool: { name: 'audit', version: '0.1.0' }, lang: 'vi',
  run: { rubric: null, as_of: null, fail_under: null, waivers: null }, shard: null, rubrics: [RUBRIC], entries, ...over, ignored: over.ignored ?? { lock: 0, hidden: 0 },
});

const schoolsOf = (s: BatchSummary) => s.entries.filter((e): e is BatchSchoolEntry => !('error' in e));

describe('ranking', () => {
  it('orders by score then code, equal scores share a rank (1, 2, 2, 4), no score has no rank', () => {
    const s = combineBatch(input([
      school({ code: '4', score: 70 }), school({ code: '3', score: 80 }), school({ code: '2', score: 80 }),
      school({ code: '1', score: 90 }), school({ code: '5', score: null, status: 'fail' }),
    ]));
    const rows = s.ranking[0]!.schools;
    expect(rows.map((r) => [r.code, r.rank])).toEqual([['1', 1], ['2', 2], ['3', 2], ['4', 4], ['5', null]]);
    expect(schoolsOf(s).find((e) => e.code === '3')!.rank).toBe(2);
  });

  it('breaks ties without a code by the name in Vietnamese order', () => {
    const s = combineBatch(input([
      school({ code: null, name: 'Trường Tiểu học Đông Mai' }), school({ code: null, name: 'Trường Tiểu học Dương Kinh' }),
      school({ code: null, name: 'Trường Tiểu học Ea Súp' }),
    ]));
    // Vietnamese: D < Đ < E (a byte order would put Đ last)
    expect(s.ranking[0]!.schools.map((r) => r.name)).toEqual([
      'Trường Tiểu học Dương Kinh', 'Trường Tiểu học Đông Mai', 'Trường Tiểu học Ea Súp',
    ]);
  });
});

describe('district criteria and pass rates', () => {
  const primary = (k: number, total: number) => Array.from({ length: total }, (_, i) =>
    school({ district_criteria: [{ id: '3.primary', status: i < k ? 'pass' : i === total - 1 ? 'missing' : 'fail' }] }));

  it('6 of 10 primary schools meet a 60% target; 5 of 10 do not and the exit code says so', () => {
    const ok = combineBatch(input(primary(6, 10)));
    // the school that left it undeclared is out of the share, and named
    expect(ok.district_criteria).toMatchObject([{ rubric: 'uong-bi-466@1.0.0', id: '3.primary', numerator: 6, denominator: 9, share: 6 / 9, min: 0.6, status: 'pass' }]);
    expect(ok.district_criteria[0]!.missing).toHaveLength(1);
    expect(batchExitCode(ok)).toBe(0);
    const short = combineBatch(input(primary(5, 10)));
    expect(short.district_criteria[0]).toMatchObject({ numerator: 5, denominator: 9, status: 'fail' });
    expect(short.totals.district_criteria).toEqual({ pass: 0, fail: 1, missing: 0 });
    expect(batchExitCode(short)).toBe(1);
  });

  it('schools that are not counted (other levels) stay out of the denominator; none counted → missing, not a failure', () => {
    const s = combineBatch(input([school({ levels: ['thcs'], district_criteria: [] })]));
    expect(s.district_criteria[0]).toMatchObject({ numerator: 0, denominator: 0, share: null, status: 'missing' });
    expect(batchExitCode(s)).toBe(0);
  });

  it('pass rate is passed over applicable (not_applicable and waived left out)', () => {
    const s = combineBatch(input([
      school(),
      school({ criteria: [{ id: '1.licensed', status: 'fail', points: 0, actual: '2' }, { id: '2.office', status: 'not_applicable', points: null, actual: null }] }),
      school({ criteria: [{ id: '1.licensed', status: 'waived', points: null, actual: '1' }, { id: '2.office', status: 'missing', points: 0, actual: null }] }),
    ]));
    expect(s.criteria).toEqual([
      { rubric: 'uong-bi-466@1.0.0', id: '1.licensed', pass: 1, fail: 1, missing: 0, not_applicable: 0, waived: 1, applicable: 2, rate: 0.5 },
      { rubric: 'uong-bi-466@1.0.0', id: '2.office', pass: 1, fail: 0, missing: 1, not_applicable: 1, waived: 0, applicable: 2, rate: 0.5 },
    ]);
  });

  it('each rubric ranks and counts its own schools', () => {
    const other: BatchRubric = { ...RUBRIC, id: 'other', sha256: 'c'.repeat(64), district_criteria: [] };
    const s = combineBatch(input([school({ score: 50 }), school({ rubric: { id: 'other', version: '1.0.0' }, score: 90 })], { rubrics: [RUBRIC, other] }));
    expect(s.rubrics.map((r) => r.id)).toEqual(['other', 'uong-bi-466']);
    expect(s.ranking.map((r) => [r.rubric, r.schools.map((x) => x.rank)])).toEqual([['other@1.0.0', [1]], ['uong-bi-466@1.0.0', [1]]]);
    expect(s.district_criteria[0]).toMatchObject({ rubric: 'uong-bi-466@1.0.0', denominator: 1 });
  });
});

describe('flags, totals, exit code', () => {
  it('counts a duplicated school code once (the later report, then path) and flags it; schools outside the rubric, schools outside the rubric and waivers for absent schools', () => {
    const s = combineBatch(input([
      school({ file: 'b.xlsx', code: '22001' }), school({ file: 'a.xlsx', code: '22001' }),
      school({ file: 'c.xlsx', code: '22002', province: 'Hải Phòng', outside: ['province', 'district'] }),
    ], { run: { rubric: 'uong-bi-466', as_of: null, fail_under: null, waivers: [{ school: '99999', criterion: '1.licensed' }, { school: '22002', criterion: '1.licensed' }, { school: '*', criterion: '2.office' }] } }));
    expect(s.flags).toEqual([
      { code: 'duplicate_code', school_code: '22001', files: ['a.xlsx', 'b.xlsx'], kept: 'b.xlsx', superseded: ['a.xlsx'] },
      { code: 'outside_province', file: 'c.xlsx', school_code: '22002', value: 'Hải Phòng', rubric: 'uong-bi-466@1.0.0' },
      { code: 'outside_district', file: 'c.xlsx', school_code: '22002', value: 'Uông Bí', rubric: 'uong-bi-466@1.0.0' },
      { code: 'waiver_unknown_school', school_code: '99999', criterion: '1.licensed' },
    ]);
    // one school, one count: the later path counts (no report date on either)
    expect(s.totals).toMatchObject({ schools: 2, superseded: 1, flags: 4 });
    expect(s.ranking[0]!.schools.map((r) => r.file)).toEqual(['b.xlsx', 'c.xlsx']);
    expect(s.entries.map((e) => ('superseded_by' in e ? e.superseded_by : undefined))).toEqual(['b.xlsx', null, null]);
  });

  it('an unreadable file makes it 3 even when schools fail; failing schools or --fail-under make it 1', () => {
    const err: BatchEntry = { file: 'x.xlsx', error: { code: 'input.not_xlsx', message: 'không phải xlsx' } };
    expect(batchExitCode(combineBatch(input([school({ status: 'fail' }), err])))).toBe(3);
    expect(batchExitCode(combineBatch(input([school({ status: 'fail' })])))).toBe(1);
    const under = combineBatch(input([school({ score: 79.9 })], { run: { rubric: null, as_of: null, fail_under: 80, waivers: null } }));
    expect(under.totals.below_fail_under).toBe(1);
    expect(batchExitCode(under)).toBe(1);
    expect(batchExitCode(combineBatch(input([school({ score: 80 })], { run: { rubric: null, as_of: null, fail_under: 80, waivers: null } })))).toBe(0);
  });

  it('the same file twice is refused', () => {
    expect(() => combineBatch(input([school({ file: 'a.xlsx' }), school({ file: 'a.xlsx' })]))).toThrow(UsageError);
  });
});

describe('shards', () => {
  it('parses i/n and refuses nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '-1/2']) expect(() => parseShard(bad), bad).toThrow(UsageError);
  });

  it('contiguous near-equal shares cover the list exactly once', () => {
    fc.assert(fc.property(fc.nat(200), fc.integer({ min: 1, max: 30 }), (len, count) => {
      const list = Array.from({ length: len }, (_, i) => i);
      const parts = Array.from({ length: count }, (_, i) => shardSlice(list, i + 1, count));
      expect(parts.flat()).toEqual(list);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });

  it('merging the shards of a run gives the run\'s summary, byte for byte', () => {
    const statuses = ['pass', 'fail', 'missing'] as const;
    const arbEntry = fc.record({
      score: fc.option(fc.integer({ min: 0, max: 20 }).map((x) => x * 5), { nil: null }),
      code: fc.option(fc.integer({ min: 1, max: 8 }).map(String), { nil: null }),
      district: fc.constantFrom(...statuses),
      broken: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(arbEntry, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (descs, count) => {
      const entries: BatchEntry[] = descs.map((d, i) => (d.broken && i % 3 === 0
        ? { file: `f${String(i).padStart(2, '0')}.xlsx`, error: { code: 'input.not_xlsx', message: 'x' } }
        : school({ file: `f${String(i).padStart(2, '0')}.xlsx`, score: d.score, code: d.code, district_criteria: [{ id: '3.primary', status: d.district }] })));
      // combineBatch takes its entries over (ranks are set in place): each run gets its own copies
      const whole = JSON.stringify(combineBatch(input(structuredClone(entries))), null, 2);
      const shards = Array.from({ length: count }, (_, i) => combineBatch(input(structuredClone(shardSlice(entries, i + 1, count)),
        { shard: { index: i + 1, count, files: entries.length } })));
      const merged = mergeBatchSummaries(JSON.parse(JSON.stringify(shards.reverse())) as BatchSummary[]).summary;
      expect(JSON.stringify(merged, null, 2)).toBe(whole);
    }));
  });

  it('refuses an incomplete set, a shard given twice and runs with other options', () => {
    const e = [school(), school(), school()];
    const shard = (i: number, over: Partial<BatchInput> = {}) =>
      combineBatch(input(shardSlice(e, i, 3), { shard: { index: i, count: 3, files: 3 }, ...over }));
    expect(() => mergeBatchSummaries([shard(1), shard(2)])).toThrow(/merge_incomplete/);
    expect(() => mergeBatchSummaries([shard(1), shard(2), shard(2)])).toThrow(UsageError);
    expect(() => mergeBatchSummaries([shard(1), shard(2), shard(3, { lang: 'en' })])).toThrow(/merge_mismatch/);
    expect(() => mergeBatchSummaries([shard(1), shard(2), shard(3, { run: { rubric: 'x', as_of: null, fail_under: null, waivers: null } })])).toThrow(/merge_mismatch/);
    expect(() => mergeBatchSummaries([combineBatch(input(e))])).toThrow(/merge_not_shard/);
    expect(mergeBatchSummaries([shard(3), shard(1), shard(2)]).summary.totals.files).toBe(3);
  });
});

describe('the officer\'s questions', () => {
  it('ranks passing schools before failing ones, then by score; ties share a rank only with the same result', () => {
    const s = combineBatch(input([
      school({ code: '1', score: 96.4, status: 'fail' }), school({ code: '2', score: 94.5 }), school({ code: '3', score: 94.5, status: 'fail' }),
      school({ code: '4', score: 90 }),
    ]));
    expect(s.ranking[0]!.schools.map((r) => [r.code, r.rank])).toEqual([['2', 1], ['4', 2], ['1', 3], ['3', 4]]);
  });

  it('a later report supersedes an earlier one of the same code, whatever the paths', () => {
    const s = combineBatch(input([
      school({ file: 'z.xlsx', code: '7', report_date: '2024-10-01', score: 50, status: 'fail' }),
      school({ file: 'a.xlsx', code: '7', report_date: '2024-11-02', score: 90 }),
    ]));
    expect(s.totals).toMatchObject({ schools: 1, superseded: 1, pass: 1, fail: 0 });
    expect(s.flags[0]).toMatchObject({ code: 'duplicate_code', kept: 'a.xlsx', superseded: ['z.xlsx'] });
    expect(s.criteria.find((c) => c.id === '1.licensed')).toMatchObject({ pass: 1, applicable: 1 });
    expect(s.district_criteria[0]).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('flags a school year unlike the majority, identical bytes, and a school of another district than its folder', () => {
    const s = combineBatch(input([
      school({ file: 'ba-tri/a.xlsx', code: 'a', school_year: '2024-2025', district: 'Ba Tri' }),
      school({ file: 'ba-tri/b.xlsx', code: 'b', school_year: '2024-2025', district: 'Huyện Ba Tri' }),
      school({ file: 'ba-tri/c.xlsx', code: 'c', school_year: '2023 - 2024', district: 'Giồng Trôm' }),
      school({ file: 'mixed/d.xlsx', code: 'd', school_year: '2024-2025', district: 'X', source_sha256: 'same' }),
      school({ file: 'mixed/e.xlsx', code: 'e', school_year: '2024-2025', district: 'Y', source_sha256: 'same' }),
    ]));
    expect(s.flags.map((f) => f.code)).toEqual(['identical_files', 'school_year_differs', 'other_district']);
    expect(s.flags[1]).toMatchObject({ school: { code: 'c' }, value: '2023 - 2024', majority: '2024-2025' });
    // "Huyện Ba Tri" is Ba Tri; a folder mixing X and Y evenly says nothing
    expect(s.flags[2]).toMatchObject({ code: 'other_district', school: { file: 'ba-tri/c.xlsx', code: 'c' }, value: 'Giồng Trôm', majority: 'Ba Tri', folder: 'ba-tri' });
  });

  it('sums shortages per school (largest per unit), per district and for the batch; files not audited are entries', () => {
    const lab = (criterion: string, need: number, have: number) => ({ criterion, unit: 'computers.phong_may', need, have, missing: need - have });
    const s = combineBatch(input([
      school({ file: 'a.xlsx', district: 'Ba Tri', status: 'fail', shortages: [lab('x.ratio', 30, 20), lab('x.per-lab', 25, 20), { criterion: 'w', unit: 'equipment.webcam.all', need: 1, have: 0, missing: 1 }] }),
      school({ file: 'b.xlsx', district: 'Ba Tri', status: 'fail', shortages: [lab('x.ratio', 18, 12)] }),
      school({ file: 'c.xlsx', district: 'Mỏ Cày Nam', status: 'fail', shortages: [lab('x.ratio', 27, 15)] }),
      { file: 'THCS Mỹ Hòa.csv', not_audited: { kind: 'csv', submission: true } },
      { file: 'ghi-chu.txt', not_audited: { kind: 'txt', submission: false } },
    ]));
    expect(s.districts!.map((d) => [d.district, d.schools, d.shortages])).toEqual([
      ['Ba Tri', 2, [{ unit: 'computers.phong_may', missing: 16, schools: 2 }, { unit: 'equipment.webcam.all', missing: 1, schools: 1 }]],
      ['Mỏ Cày Nam', 1, [{ unit: 'computers.phong_may', missing: 12, schools: 1 }]],
    ]);
    expect(s.shortages).toEqual([{ unit: 'computers.phong_may', missing: 28, schools: 3 }, { unit: 'equipment.webcam.all', missing: 1, schools: 1 }]);
    expect(s.totals).toMatchObject({ files: 5, schools: 3, not_audited: 2, submissions: 1 });
    expect(s.entries.map((e) => e.file)).toContain('ghi-chu.txt');
    expect(batchExitCode(s)).toBe(3); // a school's submission that is not a workbook
    expect(batchExitCode(combineBatch(input([school(), { file: 'ghi-chu.txt', not_audited: { kind: 'txt', submission: false } }])))).toBe(0);
  });
});
