// junit.xml of a batch, written in pieces so that it never sits whole in memory: the head with the
// totals, each school's suite (rendered by its worker with junit.ts: only a required criterion not met
// is a failure), a suite per file that could not be scored (an error), and a suite per rubric of
// district criteria (a failure when the share is short).
import type { BatchErrorEntry, BatchDigest } from '../engine/batch.js';
import { batchLabel } from '../messages/batch.js';
import type { Lang } from './common.js';
import { attrs } from './junit.js';
import { districtViews } from './batch-view.js';

export const JUNIT_TAIL = '</testsuites>\n';

export interface JunitCounts { tests: number; failures: number; errors: number; skipped: number }

/** A `<testsuite>` head as junit.ts and junitErrorSuite write it (attributes in this order; names escaped). */
const SUITE_HEAD = /^ {2}<testsuite name="[^"]*" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)">$/;

/**
 * The counts of the school and error suites as they were written (the body of junit.xml, read as text
 * chunks, never whole): the document's totals then always equal its suites', whatever the batch counts
 * (a superseded copy of a school still has its suite).
 */
export async function suiteTotals(chunks: AsyncIterable<string>): Promise<JunitCounts> {
  const t: JunitCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const add = (line: string) => {
    const m = SUITE_HEAD.exec(line);
    if (!m) return;
    t.tests += Number(m[1]);
    t.failures += Number(m[2]);
    t.errors += Number(m[3]);
    t.skipped += Number(m[4]);
  };
  let carry = '';
  for await (const chunk of chunks) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop()!;
    for (const l of lines) add(l);
  }
  add(carry);
  return t;
}

/**
 * Test counts of the whole document: the school and error suites (`body`, counted as written by
 * suiteTotals; without it, from the digest: every criterion of every school, a failure only for a
 * required one not met), and every district criterion.
 */
export function junitTotals(s: BatchDigest, body?: JunitCounts) {
  const c = s.criterion_counts;
  const rows = s.ranking.flatMap((r) => r.schools);
  const passRule = rows.filter((r) => r.status === 'fail' && r.failing_required.length === 0).length;
  const t = body ? { ...body } : {
    tests: c.tests + passRule + s.errors.length,
    failures: rows.reduce((n, r) => n + r.failing_required.length, 0) + passRule,
    errors: s.errors.length,
    skipped: c.not_applicable + c.waived,
  };
  for (const d of s.district_criteria) {
    t.tests += 1;
    if (d.status === 'fail') t.failures += 1;
    if (d.status === 'missing') t.skipped += 1;
  }
  return t;
}

export const junitHead = (s: BatchDigest, body?: JunitCounts): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'audit', ...junitTotals(s, body) })}>\n`;

export function junitErrorSuite(e: BatchErrorEntry, lang: Lang): string {
  const name = batchLabel('junit.errors_suite', lang);
  return [
    `  <testsuite${attrs({ name: e.file, tests: 1, failures: 0, errors: 1, skipped: 0 })}>`,
    `    <testcase${attrs({ classname: name, name: e.file })}>`,
    `      <error${attrs({ message: e.error.message, type: e.error.code })}/>`,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

/** One suite per rubric that has district criteria. */
export function junitDistrictSuites(s: BatchDigest, lang: Lang): string {
  const views = districtViews(s, lang);
  const out: string[] = [];
  for (const ref of [...new Set(views.map((v) => v.rubric))]) {
    const mine = views.filter((v) => v.rubric === ref);
    const failures = mine.filter((v) => v.status === 'fail').length;
    const skipped = mine.filter((v) => v.status === 'missing').length;
    out.push(`  <testsuite${attrs({ name: batchLabel('junit.district_suite', lang, { rubric: ref }), tests: mine.length, failures, errors: 0, skipped })}>`);
    for (const v of mine) {
      const head = `    <testcase${attrs({ classname: ref, name: `${v.id} ${v.title}` })}`;
      if (v.status === 'fail') {
        const message = batchLabel('junit.district_failure', lang, { numerator: v.numerator, denominator: v.denominator, share: v.share, min: v.min });
        out.push(`${head}>\n      <failure${attrs({ message, type: 'fail' })}/>\n    </testcase>`);
      } else if (v.status === 'missing') {
        out.push(`${head}>\n      <skipped${attrs({ message: batchLabel('junit.district_missing', lang) })}/>\n    </testcase>`);
      } else {
        out.push(`${head}/>`);
      }
    }
    out.push('  </testsuite>');
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
