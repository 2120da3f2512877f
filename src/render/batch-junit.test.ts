import { describe, expect, it } from 'vitest';
import { junitSuite } from './junit.js';
import { suiteTotals } from './batch-junit.js';
import { minimalResult, sampleResult } from './sample-result.js';

async function* chunksOf(text: string, size: number): AsyncIterable<string> {
  const cps = [...text];
  for (let i = 0; i < cps.length; i += size) yield cps.slice(i, i + size).join('');
}

describe('suiteTotals: the counts of junit.xml\'s suites as written', () => {
  it('adds up every suite head, however the text is cut into chunks', async () => {
    const body = `${[junitSuite(sampleResult(), 'vi'), junitSuite(minimalResult(), 'en'), junitSuite(sampleResult(), 'en')].join('\n')}\n`;
    // sample: 11 cases, 3 failures (required not met), 2 skipped; minimal: 2 cases, 2 skipped
    const expected = { tests: 24, failures: 6, errors: 0, skipped: 6 };
    for (const size of [1, 7, 100, 1_000_000]) expect(await suiteTotals(chunksOf(body, size))).toEqual(expected);
  });

  it('ignores everything that is not a suite head (cases, properties, text that looks like one)', async () => {
    const body = '    <testcase name="x"/>\n<testsuite name="a" tests="9" failures="9" errors="0" skipped="0">\n';
    expect(await suiteTotals(chunksOf(body, 5))).toEqual({ tests: 0, failures: 0, errors: 0, skipped: 0 });
  });
});
