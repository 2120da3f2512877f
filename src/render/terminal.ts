// The terminal view: a header (school, rubric, score/band/status, why, groups) and a cli-table3 table of
// criteria (status with severity), then data issues, deadlines and warnings. Colours only when opts.color
// (a local Chalk instance, never the global one, so NO_COLOR / --no-color decided by the CLI always win).
// Fits 100 columns.
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import type { AuditResult } from '../engine/types.js';
import { reportLabel } from '../messages/report.js';
import {
  STATUS_STYLE, bandText, dateText, daysLeftText, deadlineViews, groupName, groupValue, issueSeverityWord, issueViews, issueWhere,
  criterionStatusWord, pick, say, schoolTitle, scoreText, showsBand, statusWord, summaryText, upcoming, verdictText, warningViews, type RenderOptions,
} from './common.js';
import { breakLongWords, terminalSafe } from './text.js';

/** Column widths (padding included); with the 5 border characters the table is 100 columns wide. */
const COL_WIDTHS = [16, 33, 25, 21];

export const terminalChalk = (color: boolean): ChalkInstance => new Chalk({ level: color ? 1 : 0 });

function renderOne(r: AuditResult, opts: RenderOptions, chalk: ChalkInstance): string {
  const { lang } = opts;
  const t = terminalSafe;
  /** Cell text for column `col`: safe, and long words broken to fit it. */
  const cell = (col: number, s: string) => breakLongWords(terminalSafe(s), COL_WIDTHS[col]! - 2);
  const lines: string[] = [];
  const statusColour = (s: keyof typeof STATUS_STYLE, text: string) => chalk[STATUS_STYLE[s].ansi](text);

  const place = [r.school.province, r.school.district, r.school.school_year].filter(Boolean).join(', ');
  lines.push(chalk.bold(t(schoolTitle(r, lang))) + (place ? ` — ${t(place)}` : ''));
  lines.push(`${reportLabel('field.rubric', lang)}: ${t(reportLabel('rubric.value', lang, {
    title: pick(r.rubric.title, lang), id: r.rubric.id, version: r.rubric.version,
  }))}`);
  const status = statusColour(r.status, chalk.bold(statusWord(r.status, lang)));
  lines.push(showsBand(r)
    ? reportLabel('terminal.score_line', lang, { score: scoreText(r.score, lang), band: t(bandText(r.band, lang)), status })
    : reportLabel('terminal.score_line_no_band', lang, { score: scoreText(r.score, lang), status }));
  const verdict = verdictText(r, lang);
  if (verdict) lines.push(statusColour(r.status, t(verdict)));
  lines.push(summaryText(r.summary, lang));
  for (const g of r.groups) {
    lines.push(t(reportLabel('terminal.group_line', lang, { group: groupName(g, lang), value: groupValue(r, g, lang) })));
  }

  const table = new Table({
    head: ['col.status', 'col.criterion', 'col.actual_expected', 'col.gap'].map((k) => chalk.bold(reportLabel(k as 'col.status', lang))),
    colWidths: COL_WIDTHS,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  for (const c of r.criteria) {
    const actual = say(c.actual, lang), expected = say(c.expected, lang);
    table.push([
      // the severity under the status: a required criterion not met is what makes the school fail
      `${statusColour(c.status, criterionStatusWord(c, lang))}\n${chalk.dim(reportLabel(`terminal.severity.${c.severity}`, lang))}`,
      cell(1, `${c.clause} · ${pick(c.title, lang)}`),
      cell(2, [actual, expected].filter((x) => x !== null).join(' / ')),
      c.status === 'fail' || c.status === 'missing' ? cell(3, say(c.gap, lang) ?? '') : '',
    ]);
  }
  lines.push(table.toString());

  const issues = issueViews(r.data_issues, lang);
  if (issues.length) {
    lines.push(reportLabel('terminal.issues_count', lang, { count: issues.length }));
    for (const i of issues) {
      const sev = issueSeverityWord(i.severity, lang);
      lines.push(`  ${i.severity === 'error' ? chalk.red(sev) : chalk.yellow(sev)} ${t(issueWhere(i))}: ${t(i.message)}`);
    }
  }
  for (const d of upcoming(deadlineViews(r.deadlines, lang))) {
    lines.push(`${reportLabel('field.deadline', lang)}: ${t(reportLabel('deadline.value', lang, {
      date: dateText(d.date, lang), title: d.title, left: daysLeftText(d.days_left, lang),
    }))}`);
  }
  for (const w of warningViews(r.warnings, lang)) lines.push(`${chalk.yellow(reportLabel('field.warning', lang))}: ${t(w.message)}`);
  return lines.join('\n');
}

/** One block per school, separated by a blank line; ends with a newline. */
export function renderTerminal(results: readonly AuditResult[], opts: RenderOptions): string {
  const chalk = terminalChalk(opts.color);
  return `${results.map((r) => renderOne(r, opts, chalk)).join('\n\n')}\n`;
}
