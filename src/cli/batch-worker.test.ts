import { describe, expect, it } from 'vitest';
import { runTaskSafely, createBatchWorker, scopeMismatches } from './batch-worker.js';
import type { Rubric } from '../rubric/schema.js';

describe('batch worker', () => {
  it('a report folder that cannot be made stops the run as data (fatal), not as an untyped error', async () => {
    const reply = await runTaskSafely(() => createBatchWorker({
      lang: 'vi', waivers: [], now: '2024-10-01T00:00:00Z', schoolsDir: '/dev/null/schools', formats: ['md'], junit: false,
    }), { path: 'x.xlsx', file: 'x.xlsx', index: 0 });
    expect(reply.fatal).toMatchObject({ code: 'cli.cannot_write', args: { file: '/dev/null/schools' } });
  });

  it('flags only what is known to lie outside the rubric\'s scope', () => {
    const rubric = { applies_to: { provinces: ['Quảng Ninh'], districts: ['Uông Bí'], school_years: { from: '2015-2016', to: '2016-2017' } } } as Rubric;
    const school = { code: '1', name: 'A', levels: [], province: 'Tỉnh Quảng Ninh', district: 'TP. Uông Bí', school_year: '2016-2017' };
    expect(scopeMismatches(rubric, school)).toEqual([]);
    expect(scopeMismatches(rubric, { ...school, province: 'Hải Phòng', district: 'Lê Chân', school_year: '2018-2019' })).toEqual(['province', 'district', 'years']);
    expect(scopeMismatches(rubric, { ...school, province: null, district: null, school_year: null })).toEqual([]);
  });
});
