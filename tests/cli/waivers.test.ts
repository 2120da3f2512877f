// --waivers: an approved exception shows as `waived` with its reason and leaves the score's
// denominator; an unknown criterion id is a warning; an invalid waivers file is exit 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { audit, fixture, tempDir } from './run.js';

const dir = tempDir();
const failing = fixture('thpt-chua-dat.xlsx');

test('a waiver turns a failing criterion into waived, with its reason', () => {
  const file = join(dir, 'mien-tru.yaml');
  writeFileSync(file, [
    'waivers:',
    '  - school: "83000742"',
    '    criterion: 2.webcam',
    '    reason: "Đã lập dự toán mua webcam"',
    '    approved_by: "Sở GD&ĐT Bến Tre"',
    '    expires: 2025-06-30',
    '  - school: "83000742"',
    '    criterion: 2.webcamm',
    '    reason: "gõ nhầm mã"',
    '    expires: 2025-06-30',
    '',
  ].join('\n'));
  const before = JSON.parse(audit([failing, '--json']).stdout);
  const r = audit([failing, '--json', '--waivers', file]);
  expect(r.code).toBe(1);
  const after = JSON.parse(r.stdout);
  const webcam = after.criteria.find((c: { id: string }) => c.id === '2.webcam');
  expect(webcam.status).toBe('waived');
  expect(webcam.points).toBeNull();
  expect(webcam.message).toContain('Đã lập dự toán mua webcam');
  expect(after.summary.waived).toBe(1);
  expect(after.score).toBeGreaterThan(before.score);
  expect(after.warnings.map((w: { message: string }) => w.message).join('\n')).toContain('2.webcamm');
});

test('an invalid waivers file: exit 2 with file:line:col; a missing one: exit 2 with the file name', () => {
  const bad = join(dir, 'sai.yaml');
  writeFileSync(bad, 'waivers:\n  - school: 83000742\n    criterion: 2.webcam\n');
  const r = audit([failing, '--waivers', bad]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/sai\.yaml:\d+:\d+: \S/);
  const missing = audit([failing, '--waivers', join(dir, 'khong-co.yaml')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr.trim()).toMatch(/^\S*khong-co\.yaml: \S/);
});
