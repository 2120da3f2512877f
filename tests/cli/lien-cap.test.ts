// A TH-THCS (liên cấp) school: the lab requirement is the ceiling of the sum over its levels,
// ceil(480/24 + 320/16) = 40 computers (rubric.md, students_per_computer).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain JS module of the fixture generator
import { writeSchool } from '../../fixtures/generate.mjs';
// @ts-expect-error: plain JS module of the fixture descriptions
import { lienCapWithLabComputers } from '../../fixtures/schools.mjs';
import { audit, fixture, tempDir } from './run.js';

const dir = tempDir();
type Criterion = { id: string; status: string; actual: string; expected: string; gap: string | null; rule: string };
const labCriterion = (stdout: string): Criterion =>
  JSON.parse(stdout).criteria.find((c: Criterion) => c.id === '2.students-per-computer');

describe('liên cấp TH + THCS', () => {
  test('480 TH + 320 THCS with 40 lab computers meets the combined requirement', () => {
    const r = audit([fixture('lien-cap-th-thcs.xlsx'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.school.levels).toEqual(['tieu_hoc', 'thcs']);
    const c = labCriterion(r.stdout);
    expect(c.status).toBe('pass');
    expect(c.expected).toMatch(/\b40\b/);
    expect(c.actual).toMatch(/\b40\b/);
  });

  test('the same school with 39 lab computers lacks exactly one', async () => {
    const file = await writeSchool(lienCapWithLabComputers(39), join(dir, 'lien-cap-39.xlsx'));
    const r = audit([file, '--json']);
    // "Từng bước phấn đấu … trong các năm học tới": a target, reported as not met, not what fails the school
    expect(r.code).toBe(0);
    const c = labCriterion(r.stdout);
    expect(c.status).toBe('fail');
    expect(c.severity).toBe('target');
    expect(c.expected).toMatch(/\b40\b/);
    expect(c.actual).toMatch(/\b39\b/);
    expect(c.gap).toMatch(/\b1\b/);
    expect(c.gap).toMatch(/\b40\b/);
  });
});
