// `audit rubric list|show|lint|schema|test` from the command line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, audit, tempDir } from './run.js';

const dir = tempDir();

describe('audit rubric', () => {
  test('list: every built-in with id, version, issuer, document, years and criteria count', () => {
    const r = audit(['rubric', 'list']);
    expect(r.code).toBe(0);
    for (const id of ['ben-tre-2782', 'cao-bang-1423', 'bac-giang-1330', 'ho-chi-minh-257', 'uong-bi-466']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('2782/SGD&ĐT-KTQLCLGD&CNTT');
    const j = JSON.parse(audit(['rubric', 'list', '--json']).stdout);
    const bt = j.find((x: { id: string }) => x.id === 'ben-tre-2782');
    expect(bt.criteria).toBeGreaterThan(10);
    expect(bt.document.date).toBe('2016-10-26');
  });

  test('show: the criteria of one rubric, with clause and check', () => {
    const r = audit(['rubric', 'show', 'ben-tre-2782']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2.students-per-computer');
    expect(r.stdout).toMatch(/students_per_computer|phong_may/);
    expect(audit(['rubric', 'show', 'ben-tre-2782', '--lang', 'en']).stdout).toMatch(/required|Severity/);
    const missing = audit(['rubric', 'show', 'khong-co']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co');
  });

  test('lint: a valid file exits 0; an invalid one prints every problem as file:line:col and exits 2', () => {
    const good = audit(['rubric', 'lint', join(ROOT, 'rubrics/ben-tre-2782/1.0.0.yaml')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('');
    const bad = join(dir, 'sai.yaml');
    writeFileSync(bad, [
      'schema: audit-rubric/v1',
      'id: Sai_Ma',
      'version: 1.0.0',
      'title: { vi: "Thử" }',
      'issuer: "Phòng GD&ĐT"',
      'document: { number: "1/PGD", date: 2024-01-01 }',
      'criteria:',
      '  - id: a',
      '    clause: "1"',
      '    title: { vi: "A" }',
      '    check: { metric: computers.phong_may, op: "=>", value: 1 }',
      '',
    ].join('\n'));
    const r = audit(['rubric', 'lint', bad]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^.*sai\.yaml:\d+:\d+: \S/);
    expect(r.stdout).toMatch(/sai\.yaml:2:\d+:/);
    expect(r.stdout).toMatch(/sai\.yaml:11:\d+:/);
  });

  test('schema: a JSON Schema', () => {
    const r = audit(['rubric', 'schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.type ?? s.$schema ?? s.properties).toBeTruthy();
    expect(JSON.stringify(s)).toContain('criteria');
  });

  test('test: every built-in rubric passes its own examples', () => {
    const r = audit(['rubric', 'test']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
