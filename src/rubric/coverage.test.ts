import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRICS_DIR, RubricRegistry } from './registry.js';
import { rubricOrThrow } from './load.js';
import { COVERAGE_BEGIN, coverageSection, withCoverageSection } from './coverage.js';

const FILE = fileURLToPath(new URL('../../rubrics/COVERAGE.md', import.meta.url));

const builtins = () => {
  const registry = new RubricRegistry(BUILTIN_RUBRICS_DIR);
  return registry.entries().map((e) => rubricOrThrow(registry.loadEntry(e)));
};

describe('rubrics/COVERAGE.md', () => {
  it('holds the fidelity tables generated from the built-in rubrics', () => {
    const have = readFileSync(FILE, 'utf8');
    const want = withCoverageSection(have, coverageSection(builtins()));
    if (process.env.UPDATE_COVERAGE === '1') writeFileSync(FILE, want);
    expect(have.includes(COVERAGE_BEGIN), 'COVERAGE.md has no generated section').toBe(true);
    expect(have === want, 'rubrics/COVERAGE.md is stale: run `npm run build && npm run coverage` '
      + '(or `UPDATE_COVERAGE=1 npx vitest run src/rubric/coverage.test.ts`) and commit it').toBe(true);
  });

  it('shows every criterion with its binding words, severity, check and where the threshold comes from', () => {
    const section = coverageSection(builtins());
    for (const r of builtins()) {
      expect(section).toContain(`### ${r.id}@${r.version}`);
      for (const c of r.criteria) expect(section).toContain(`| ${c.id} | ${c.clause.replace(/\|/g, '\\|')} |`);
    }
    // A related source known only as a summary is said to be one, never quoted.
    expect(section).toMatch(/\| da550\.computers-per-room \|[^\n]*summary: 25 computers per room[^\n]*550\/QĐ-UBND \(summary\) \|/);
    expect(section).toMatch(/\| 2\.students-per-computer \|[^\n]*“Từng bước phấn đấu … trong các năm học tới” \| target \|/);
  });
});
