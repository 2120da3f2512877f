import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format, hasMessage } from './format.js';
import { DIFF_HELP, DIFF_LABELS, DIFF_LABEL_KEYS, diffLabel } from './diff.js';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)[^}]*\}/g)].map((m) => m[1]).sort();
const source = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('diff messages', () => {
  it('every label is registered, in both languages, with the same placeholders', () => {
    for (const key of DIFF_LABEL_KEYS) {
      const code = `diff.label.${key}`;
      expect(hasMessage(code), code).toBe(true);
      expect(format({ code }, 'vi').trim(), code).not.toBe('');
      expect(placeholders(DIFF_LABELS[key].en), key).toEqual(placeholders(DIFF_LABELS[key].vi));
    }
    for (const [key, t] of Object.entries(DIFF_HELP)) expect(t.en.trim(), key).not.toBe('');
  });

  it('every code the diff engine, input loader and command use is registered', () => {
    const files = [
      '../engine/diff.ts', ...['side', 'criterion', 'school', 'match', 'district', 'util'].map((f) => `../engine/diff/${f}.ts`),
      '../cli/diff-input.ts', '../cli/commands/diff.ts',
    ];
    const literal = files.flatMap((f) => [...source(f).matchAll(/code: '((?:diff|report)\.[\w.]+)'/g)].map((m) => m[1]!));
    // codes built from a value: the rubric fields, statuses and severities, the sides
    const built = [
      ...['rule', 'weight', 'severity'].map((f) => `diff.why.rubric_${f}`),
      ...['pass', 'fail', 'missing', 'not_applicable', 'waived'].map((s) => `report.status.${s}`),
      'report.severity.required', 'report.severity.recommended', 'diff.label.side.old', 'diff.label.side.new',
    ];
    expect(literal.length).toBeGreaterThan(20);
    for (const code of [...literal, ...built]) expect(hasMessage(code), code).toBe(true);
  });

  it('Excel sheet names are valid (≤ 31 characters, none of []:*?/\\)', () => {
    for (const key of DIFF_LABEL_KEYS.filter((k) => k.startsWith('sheet.'))) {
      for (const lang of ['vi', 'en'] as const) {
        const name = diffLabel(key, lang);
        expect(name.length, name).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it('--help lines fit 100 columns', () => {
    // the one-line texts are wrapped by commander; these two are laid out by hand
    for (const t of [DIFF_HELP.options, DIFF_HELP.exitCodes]) {
      for (const lang of ['vi', 'en'] as const) for (const line of t[lang].split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });
});
