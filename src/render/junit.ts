// JUnit XML for CI dashboards: a test suite per school, a test case per criterion. Only a required
// criterion not met (fail, missing) is a <failure>, so a school that passes never shows red; a
// recommended or target criterion not met is a passing case whose <system-out> says what it lacks;
// not_applicable and waived are <skipped> with the reason (a waiver is an approved exception: not judged).
import type { AuditResult, CriterionResult } from '../engine/types.js';
import { format } from '../messages/format.js';
import '../messages/junit.js';
import { reportLabel } from '../messages/report.js';
import {
  cellRefText, criterionMessage, gapOrMessage, pick, say, scoreText, skipReason, sortedCells, statusWord, type Lang, type RenderOptions,
} from './common.js';
import { escapeXml, escapeXmlText } from './text.js';

export const attrs = (a: Record<string, string | number>): string =>
  Object.entries(a).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');

const suiteName = (r: AuditResult): string =>
  [r.school.code, r.school.name].filter((x): x is string => !!x).join(' ') || r.source.file;

const notMet = (c: CriterionResult): boolean => c.status === 'fail' || c.status === 'missing';
/** A criterion whose not being met makes the school fail: a JUnit failure. */
export const isJunitFailure = (c: Pick<CriterionResult, 'status' | 'severity'>): boolean =>
  c.severity === 'required' && (c.status === 'fail' || c.status === 'missing');
export const isJunitSkipped = (c: Pick<CriterionResult, 'status'>): boolean => c.status === 'not_applicable' || c.status === 'waived';

/** Actual, expected, gap, message, cells and rule, one per line: the body of a failure or of system-out. */
function details(c: CriterionResult, lang: Lang): string {
  return [
    [reportLabel('col.actual', lang), say(c.actual, lang)],
    [reportLabel('col.expected', lang), say(c.expected, lang)],
    [reportLabel('col.gap', lang), say(c.gap, lang)],
    [reportLabel('col.message', lang), criterionMessage(c, lang)],
    [reportLabel('col.cells', lang), sortedCells(c.cells).map(cellRefText).join(', ') || null],
    [reportLabel('col.rule', lang), c.rule],
  ].filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('\n');
}

function testcase(c: CriterionResult, r: AuditResult, lang: Lang): string {
  const head = `    <testcase${attrs({ classname: r.rubric.id, name: `${c.id} ${pick(c.title, lang)}` })}`;
  if (isJunitFailure(c)) {
    const message = reportLabel('failure.message', lang, { status: statusWord(c.status, lang), detail: gapOrMessage(c, lang) });
    return `${head}>\n      <failure${attrs({ message, type: c.status })}>${escapeXmlText(details(c, lang))}</failure>\n    </testcase>`;
  }
  if (notMet(c)) {
    const line = format({
      code: 'junit.not_met_optional',
      args: { severity: { code: `report.severity.${c.severity}` }, status: statusWord(c.status, lang), detail: gapOrMessage(c, lang) },
    }, lang);
    return `${head}>\n      <system-out>${escapeXmlText(`${line}\n${details(c, lang)}`)}</system-out>\n    </testcase>`;
  }
  if (isJunitSkipped(c)) {
    return `${head}>\n      <skipped${attrs({ message: skipReason(c, lang) })}/>\n    </testcase>`;
  }
  return `${head}/>`;
}

/** A school that fails with every required criterion met (a pass rule with min_score) gets one more case, a failure, so that its suite is red too. */
const failsByPassRule = (r: AuditResult): boolean => r.status === 'fail' && !r.criteria.some(isJunitFailure);

function passRuleCase(r: AuditResult, lang: Lang): string {
  const message = format({ code: 'junit.pass_rule_failure', args: { score: scoreText(r.score, lang) } }, lang);
  return `    <testcase${attrs({ classname: r.rubric.id, name: `pass-rule ${format({ code: 'junit.pass_rule' }, lang)}` })}>\n`
    + `      <failure${attrs({ message, type: 'fail' })}/>\n    </testcase>`;
}

function counts(r: AuditResult) {
  const extra = failsByPassRule(r) ? 1 : 0;
  return {
    tests: r.criteria.length + extra,
    failures: r.criteria.filter(isJunitFailure).length + extra,
    errors: 0,
    skipped: r.criteria.filter(isJunitSkipped).length,
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
    ...(failsByPassRule(r) ? [passRuleCase(r, lang)] : []),
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
