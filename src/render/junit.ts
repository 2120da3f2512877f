// JUnit XML for CI dashboards: a test suite per school, a test case per criterion.
// fail and missing are failures (the message says which, with the gap); not_applicable and waived are skipped.
import type { AuditResult, CriterionResult } from '../engine/types.js';
import { reportLabel } from '../messages/report.js';
import {
  cellRefText, criterionMessage, gapOrMessage, pick, say, scoreText, skipReason, sortedCells, statusWord, type Lang, type RenderOptions,
} from './common.js';
import { escapeXml, escapeXmlText } from './text.js';

export const attrs = (a: Record<string, string | number>): string =>
  Object.entries(a).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');

const suiteName = (r: AuditResult): string =>
  [r.school.code, r.school.name].filter((x): x is string => !!x).join(' ') || r.source.file;

function testcase(c: CriterionResult, r: AuditResult, lang: Lang): string {
  const head = `    <testcase${attrs({ classname: r.rubric.id, name: `${c.id} ${pick(c.title, lang)}` })}`;
  if (c.status === 'fail' || c.status === 'missing') {
    const message = reportLabel('failure.message', lang, { status: statusWord(c.status, lang), detail: gapOrMessage(c, lang) });
    const details = [
      [reportLabel('col.actual', lang), say(c.actual, lang)],
      [reportLabel('col.expected', lang), say(c.expected, lang)],
      [reportLabel('col.gap', lang), say(c.gap, lang)],
      [reportLabel('col.message', lang), criterionMessage(c, lang)],
      [reportLabel('col.cells', lang), sortedCells(c.cells).map(cellRefText).join(', ') || null],
      [reportLabel('col.rule', lang), c.rule],
    ].filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('\n');
    return `${head}>\n      <failure${attrs({ message, type: c.status })}>${escapeXmlText(details)}</failure>\n    </testcase>`;
  }
  if (c.status === 'not_applicable' || c.status === 'waived') {
    return `${head}>\n      <skipped${attrs({ message: skipReason(c, lang) })}/>\n    </testcase>`;
  }
  return `${head}/>`;
}

function counts(r: AuditResult) {
  const n = (s: CriterionResult['status']) => r.criteria.filter((c) => c.status === s).length;
  return {
    tests: r.criteria.length,
    failures: n('fail') + n('missing'),
    errors: 0,
    skipped: n('not_applicable') + n('waived'),
  };
}

/** One school's `<testsuite>` element (indented for a `<testsuites>` document); batch workers render it alone. */
export function junitSuite(r: AuditResult, lang: Lang): string {
  const c = counts(r);
  const props = [
    ['rubric', `${r.rubric.id}@${r.rubric.version}`],
    ['score', r.score === null ? scoreText(null, lang) : r.score.toFixed(1)], // a property for programs: decimal point in every language,
    ['status', r.status],
    ['band', r.band?.id ?? ''],
    ['source', r.source.file],
    ['as_of', r.as_of],
  ].map(([name, value]) => `      <property${attrs({ name: name!, value: value! })}/>`).join('\n');
  return [
    `  <testsuite${attrs({ name: suiteName(r), ...c })}>`,
    `    <properties>\n${props}\n    </properties>`,
    ...r.criteria.map((x) => testcase(x, r, lang)),
    '  </testsuite>',
  ].join('\n');
}

/** One JUnit document for any number of schools. */
export function renderJunit(results: readonly AuditResult[], lang: Lang): string {
  const suites = results.map((r) => junitSuite(r, lang));
  const total = results.map(counts).reduce(
    (a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: 0, skipped: a.skipped + b.skipped }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'audit', ...total })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export async function renderJunitOne(r: AuditResult, opts: RenderOptions): Promise<string> {
  return renderJunit([r], opts.lang);
}
