import { describe, expect, it } from 'vitest';
import { format } from '../messages/format.js';
import { runExamples } from './examples.js';
import { loadRubricFile, loadRubricText, rubricOrThrow } from './load.js';
import { builtinRegistry, RubricRegistry } from './registry.js';

const rubricWith = (examples: string) => rubricOrThrow(loadRubricText(`schema: audit-rubric/v1
id: ex
version: 1.0.0
title: { vi: "Ví dụ" }
issuer: "X"
document: { number: "1", date: 2020-01-01 }
criteria:
  - { id: plan, clause: "1", title: { vi: "Kế hoạch" }, check: { require: it_plan } }
  - { id: labs, clause: "2", title: { vi: "Phòng máy" }, check: { metric: labs, op: ">=", value: 1 } }
examples:
${examples}`, 'ex.yaml'));

describe('runExamples', () => {
  it('an example that gets what it expects is ok', () => {
    const r = rubricWith('  - { name: "đủ", inventory: { it_plan: true, labs: 2 }, expect: { plan: pass, labs: pass }, expect_status: pass, expect_score: 100 }');
    expect(runExamples(r)).toEqual([{ rubric: 'ex@1.0.0', name: 'đủ', ok: true, mismatches: [] }]);
  });

  it('reports each difference as data', () => {
    const r = rubricWith('  - { name: "sai", inventory: { it_plan: false }, expect: { plan: pass, labs: fail }, expect_status: pass, expect_score: 50 }');
    const [o] = runExamples(r);
    expect(o!.ok).toBe(false);
    expect(o!.mismatches.map((m) => format(m, 'en'))).toEqual([
      'Criterion plan: expected pass, got fail',
      'Criterion labs: expected fail, got missing',
      'Overall status: expected pass, got fail',
      'Score: expected 50, got 0',
    ]);
  });

  it('an inventory that cannot be built is a mismatch, not a crash', () => {
    const r = rubricWith('  - { name: "hỏng", inventory: { no_such_field: 1 }, expect: { plan: pass } }');
    const [o] = runExamples(r);
    expect(o!.ok).toBe(false);
    expect(o!.mismatches[0]!.code).toBe('rubric.example.error');
  });

  it('runs a rubric by reference, through extends', () => {
    const outcomes = runExamples('child-rubric', { registry: new RubricRegistry('tests/rubrics/registry') });
    expect(outcomes).toEqual([{ rubric: 'child-rubric@1.0.0', name: 'Đủ cả', ok: true, mismatches: [] }]);
  });

  it('the full test rubric\'s example passes', () => {
    const r = rubricOrThrow(loadRubricFile('tests/rubrics/valid-full.yaml'));
    expect(runExamples(r).filter((o) => !o.ok).map((o) => o.mismatches.map((m) => format(m, 'en')))).toEqual([]);
  });

  it('every example of every built-in rubric passes', () => {
    const outcomes = runExamples(undefined, { registry: builtinRegistry() });
    expect(outcomes.length).toBeGreaterThan(0);
    const failed = outcomes.filter((o) => !o.ok)
      .map((o) => `${o.rubric} — ${o.name}: ${o.mismatches.map((m) => format(m, 'en')).join('; ')}`);
    expect(failed).toEqual([]);
  });
});
