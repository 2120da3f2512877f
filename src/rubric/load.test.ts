import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RubricError } from '../errors.js';
import { format, hasMessage } from '../messages/format.js';
import type { Finding } from '../engine/types.js';
import { canonicalJson, loadRubricFile, loadRubricText, mergeOverride, rubricOrThrow, rubricSha256 } from './load.js';

const T = 'tests/rubrics';

/** `# expect: code, code` comments of a test rubric: line → codes. */
function expectations(file: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    if (m && i > 0) out.set(i + 1, m[1]!.split(',').map((s) => s.trim()).sort());
  });
  return out;
}

function reported(problems: { line: number; message: Finding }[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const p of problems) out.set(p.line, [...(out.get(p.line) ?? []), p.message.code].sort());
  return out;
}

/** Every code used in a finding (nested ones too) has vi and en words. */
function allCodes(f: Finding): string[] {
  const nested = Object.values(f.args ?? {}).flatMap((a) =>
    Array.isArray(a) ? a.flatMap((x) => (typeof x === 'object' && x !== null ? allCodes(x as Finding) : []))
      : typeof a === 'object' && a !== null ? allCodes(a as Finding) : []);
  return [f.code, ...nested];
}

const minimal = `schema: audit-rubric/v1
id: t
version: 1.0.0
title: { vi: "T" }
issuer: "X"
document: { number: "1", date: 2020-01-01 }
criteria:
  - { id: a, clause: "1", title: { vi: "A" }, check: { require: it_plan } }
`;

describe('loadRubricFile: valid rubrics', () => {
  it('loads the full example with defaults applied and nothing reported', () => {
    const r = loadRubricFile(`${T}/valid-full.yaml`);
    expect(r.problems).toEqual([]);
    const rubric = r.rubric!;
    expect(rubric.id).toBe('test-full');
    expect(rubric.document.date).toBe('2020-10-05'); // a date stays a string
    expect(rubric.criteria.map((c) => c.id)).toEqual(['1.fibre', '1.students-per-computer', '1.labs', '2.website', '2.software', '2.elearning']);
    expect(rubric.criteria[0]).toMatchObject({ severity: 'required', weight: 1 });
    expect(rubric.district_criteria).toHaveLength(1);
    expect(rubric.examples[0]!.as_of).toBe('2021-01-01');
    expect(rubric.parents).toEqual([]);
    expect(rubric.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills defaults for a minimal rubric', () => {
    const r = loadRubricFile(`${T}/valid-minimal.yaml`);
    expect(r.problems).toEqual([]);
    expect(r.rubric!.scoring).toEqual({ scale: 'percent', pass: { all_required: true } });
    expect(r.rubric!.sources).toEqual([]);
    expect(r.rubric!.applies_to).toEqual({});
  });

  it('the sha256 depends on content, not on key order, file name or comments', () => {
    const a = loadRubricText(minimal, 'a.yaml').rubric!;
    const reordered = minimal.replace('id: t\nversion: 1.0.0\n', 'version: 1.0.0\n# a comment\nid: t\n');
    const b = loadRubricText(reordered, 'b.yaml').rubric!;
    expect(b.sha256).toBe(a.sha256);
    const c = loadRubricText(minimal.replace('require: it_plan', 'require: it_regulation'), 'a.yaml').rubric!;
    expect(c.sha256).not.toBe(a.sha256);
    expect(rubricSha256(a)).toBe(a.sha256);
  });

  it('rubricOrThrow throws a RubricError carrying every problem', () => {
    const r = loadRubricFile(`${T}/mistakes.yaml`);
    expect(() => rubricOrThrow(r)).toThrow(RubricError);
    try { rubricOrThrow(r); } catch (e) { expect((e as RubricError).problems).toEqual(r.problems); }
  });
});

describe('loadRubricFile: mistakes', () => {
  it.each(['mistakes.yaml', 'syntax-errors.yaml'])('%s: every mistake is reported on its own line, nothing else', (name) => {
    const r = loadRubricFile(`${T}/${name}`);
    expect(r.rubric).toBeNull();
    expect(Object.fromEntries(reported(r.problems))).toEqual(Object.fromEntries(expectations(`${T}/${name}`)));
  });

  it('says each problem in plain words, in vi and en, with a column', () => {
    const r = loadRubricFile(`${T}/mistakes.yaml`);
    for (const p of r.problems) {
      expect(p.file).toBe(`${T}/mistakes.yaml`);
      expect(p.col).toBeGreaterThan(0);
      for (const code of allCodes(p.message)) expect(hasMessage(code), code).toBe(true);
      for (const lang of ['vi', 'en'] as const) {
        const s = format(p.message, lang);
        expect(s).not.toMatch(/Invalid input|expected string|received|\{\w+\}/);
      }
    }
    const en = r.problems.map((p) => `${p.line}:${p.col}: ${format(p.message, 'en')}`);
    expect(en).toContain('8:1: Unknown key "severty"; allowed here: schema, id, version, title, issuer, document, note, sources, applies_to, extends, remove, deadlines, scoring, criteria, district_criteria, examples');
    expect(en).toContain('29:13: "weight" must be a number');
    expect(en).toContain('28:15: "severity" cannot be "requird" (did you mean "required"?); allowed: required, target, recommended');
    expect(en).toContain('36:23: Unknown metric "it_plann" (did you mean "it_plan"?); the metrics are listed in the rubric format ("Metrics")');
    expect(en).toContain('30:12: This check is not of a known kind (its keys: requre) (did you mean "require"?); the kinds are: require, metric + op + value, metric + in, students_per_computer, software, expr, all, any, graded');
    const vi = r.problems.map((p) => format(p.message, 'vi'));
    expect(vi).toContain('"weight" phải là một số');
    expect(vi).toContain('Thiếu "clause"');
  });

  it('suggests the nearest key for a misspelt one', () => {
    const r = loadRubricText(minimal.replace('title: { vi: "A" }', 'title: { vi: "A" }, severty: required'), 'x.yaml');
    expect(r.problems.map((p) => format(p.message, 'en'))).toEqual(['Unknown key "severty" (did you mean "severity"?)']);
    expect(r.problems[0]).toMatchObject({ line: 8 });
  });

  it('validates a nested check by its own kind', () => {
    const text = minimal.replace('check: { require: it_plan }', 'check: { any: [ { require: it_plan }, { all: [ { metric: labs, op: ">=", value: [2] } ] } ] }');
    const r = loadRubricText(text, 'x.yaml');
    expect(r.problems.map((p) => format(p.message, 'en'))).toEqual(['"value" must be one of: a number, true or false, text']);
  });

  it('a duplicate key does not hide the other problems', () => {
    const r = loadRubricText(minimal.replace('issuer: "X"', 'issuer: "X"\nissuer: "Y"\nseverty: 1'), 'x.yaml');
    expect(r.problems.map((p) => [p.line, p.message.code])).toEqual([[6, 'rubric.yaml.duplicate_key'], [7, 'rubric.unknown_key_allowed']]);
  });

  it('an expression naming an unknown metric is reported like any other check', () => {
    const r = loadRubricText(minimal.replace('check: { require: it_plan }', 'check: { expr: "labz >= 1.0 && students.total > 0.0" }'), 'x.yaml');
    expect(r.problems.map((p) => format(p.message, 'en'))).toEqual(['Unknown metric "labz" (did you mean "labs"?); the metrics are listed in the rubric format ("Metrics")']);
  });

  it('reports an empty file, a list instead of a rubric, and an oversized file', () => {
    expect(loadRubricText('', 'e.yaml').problems[0]!.message.code).toBe('rubric.empty_file');
    expect(loadRubricText('- a\n- b\n', 'l.yaml').problems[0]!.message.code).toBe('rubric.not_a_mapping');
    expect(loadRubricText(`# ${'x'.repeat(1024 * 1024)}\n`, 'big.yaml').problems[0]!.message.code).toBe('rubric.yaml.too_large');
  });

  it('refuses alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const r = loadRubricText(bomb, 'bomb.yaml');
    expect(r.rubric).toBeNull();
    expect(r.problems.map((p) => p.message.code)).toContain('rubric.yaml.too_many_aliases');
  });

  it('keeps yes/no and dates as written (YAML 1.2), so a date is never a Date', () => {
    const r = loadRubricText(minimal.replace('date: 2020-01-01', 'date: 2020-01-01, url: yes'), 'x.yaml');
    expect(r.problems).toEqual([]);
    expect(r.rubric!.document).toEqual({ number: '1', date: '2020-01-01', url: 'yes' });
  });

  it('reports a missing file as a problem, not an exception', () => {
    const r = loadRubricFile(`${T}/does-not-exist.yaml`);
    expect(r.problems.map((p) => p.message.code)).toEqual(['rubric.file_not_found']);
  });

  it('extends without a registry is an unknown parent', () => {
    const r = loadRubricText(minimal.replace('criteria:', 'extends: moet-5807@1\ncriteria:'), 'x.yaml');
    expect(r.problems.map((p) => [p.line, p.message.code])).toEqual([[7, 'rubric.extends_unknown']]);
    const bad = loadRubricText(minimal.replace('criteria:', 'extends: moet-5807\ncriteria:'), 'x.yaml');
    expect(format(bad.problems[0]!.message, 'en')).toBe('"extends" must name a rubric and its version, like moet-5807@1; "moet-5807" does not');
  });
});

describe('mergeOverride', () => {
  it('merges objects key by key and replaces lists and values', () => {
    expect(mergeOverride({ a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [3] }, e: 4 })).toEqual({ a: 1, b: { c: 2, d: [3] }, e: 4 });
  });
  it('merges a check of the same kind, replaces a check of another kind', () => {
    const parent = { id: 'x', check: { metric: 'labs', op: '>=', value: 1 } };
    expect(mergeOverride(parent, { check: { value: 2 } })).toEqual({ id: 'x', check: { metric: 'labs', op: '>=', value: 2 } });
    expect(mergeOverride(parent, { check: { require: 'lan' } })).toEqual({ id: 'x', check: { require: 'lan' } });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps list order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
