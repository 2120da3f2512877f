// The terminal view of one or more schools, for a teacher reading it in an 80-column window: the school
// and its rubric, then the criteria not met (required, target, recommended), each with what to fix;
// the criteria met folded into one line (every criterion with `all`); data problems, deadlines and
// warnings; and, as the last lines, where the reports went, the score and the verdict. Every line fits
// `width` columns. Colours only when opts.color (a local Chalk instance, never the global one, so
// NO_COLOR / --no-color decided by the CLI always win).
import { Chalk, type ChalkInstance } from 'chalk';
import type { AuditResult, CriterionResult, CriterionStatus } from '../engine/types.js';
import { reportLabel, type ReportLabel } from '../messages/report.js';
import {
  STATUS_STYLE, bandText, dateText, daysLeftText, deadlineViews, gapOrMessage, groupName, groupValue, issueSeverityWord,
  issueViews, issueWhere, openBySeverity, pick, say, schoolTitle, scoreText, showsBand, skipReason, statusWord, upcoming,
  verdictText, warningViews, type Lang, type RenderOptions,
} from './common.js';
import { terminalSafe, wrapText } from './text.js';

export interface TerminalOptions extends RenderOptions {
  /** Columns to fit (the terminal's width); 80 when not given. */
  width?: number;
  /** Every criterion, every data problem: `--all`. */
  all?: boolean;
  /** The report files written for each result (same order as the results), shown before the score. */
  reports?: readonly (readonly string[])[];
}

export const DEFAULT_WIDTH = 80;
/** Narrower than this and hanging indents leave no room: lay out as if this wide. */
const MIN_WIDTH = 40;
/** Warnings on data shown without --all (errors are always all shown: they make criteria missing). */
const WARNINGS_SHOWN = 3;

const MARK: Record<CriterionStatus, string> = { pass: '✓', fail: '✗', missing: '?', not_applicable: '–', waived: '~' };

export const terminalChalk = (color: boolean): ChalkInstance => new Chalk({ level: color ? 1 : 0 });

/** "a.md, .xlsx, .json" when the files share a stem, else the full names. */
export function reportFilesText(files: readonly string[]): string {
  const m = files.map((f) => /^(.*\.audit)(\..+)$/.exec(f));
  const stem = m[0]?.[1];
  if (stem !== undefined && m.every((x) => x?.[1] === stem)) return [files[0]!, ...m.slice(1).map((x) => x![2]!)].join(', ');
  return files.join(', ');
}

const counted = (key: 'terminal.count.pass' | 'terminal.count.errors' | 'terminal.count.warnings', count: number, lang: Lang): string =>
  count === 1 ? reportLabel(`${key}_one` as ReportLabel, lang) : reportLabel(key, lang, { count });

function renderOne(r: AuditResult, opts: TerminalOptions, chalk: ChalkInstance, reports: readonly string[]): string {
  const { lang } = opts;
  const width = Math.max(MIN_WIDTH, Math.floor(opts.width ?? DEFAULT_WIDTH));
  const out: string[] = [];
  const t = terminalSafe;
  /** Plain text wrapped to the width, then styled line by line (styles add no columns). */
  const para = (text: string, first = '', rest = first, style: (s: string) => string = (s) => s) => {
    for (const line of wrapText(t(text), width, first, rest)) out.push(style(line));
  };
  const colour = (s: CriterionStatus | 'pass' | 'fail') => (text: string) => chalk[STATUS_STYLE[s].ansi](text);

  // Who and against what
  para(schoolTitle(r, lang), '', '  ', chalk.bold);
  const place = [r.school.province, r.school.district, r.school.school_year].filter(Boolean).join(', ');
  if (place) para(place, '', '  ');
  para(`${reportLabel('field.rubric', lang)}: ${reportLabel('rubric.value', lang, {
    title: pick(r.rubric.title, lang), id: r.rubric.id, version: r.rubric.version,
  })}`, '', '  ');

  // What to fix, most serious first
  out.push('');
  const open = openBySeverity(r.criteria);
  if (open.length === 0) para(reportLabel('terminal.none_open', lang), '', '', colour('pass'));
  for (const [n, group] of open.entries()) {
    if (n > 0) out.push('');
    para(reportLabel(`terminal.open.${group.severity}`, lang, { count: group.criteria.length }), '', '', chalk.bold);
    for (const c of group.criteria) openCriterion(c);
  }

  function openCriterion(c: CriterionResult): void {
    const tag = c.status === 'missing' ? ` ${reportLabel('terminal.missing_tag', lang)}` : '';
    const lines = wrapText(t(`${c.clause} · ${pick(c.title, lang)}${tag}`), width, `  ${MARK[c.status]} `, '    ');
    out.push(...lines.map((l, i) => (i === 0 ? l.replace(MARK[c.status], colour(c.status)(MARK[c.status])) : l)));
    para(gapOrMessage(c, lang), '    → ', '      ');
  }

  // The rest: folded into one line, or every criterion with --all
  const byStatus = (s: CriterionStatus) => r.criteria.filter((c) => c.status === s);
  const rest = (['pass', 'not_applicable', 'waived'] as const).map((s) => ({ status: s, criteria: byStatus(s) })).filter((g) => g.criteria.length);
  if (rest.length) {
    out.push('');
    if (opts.all) {
      for (const [n, g] of rest.entries()) {
        if (n > 0) out.push('');
        para(reportLabel(`terminal.all.${g.status}`, lang, { count: g.criteria.length }), '', '', chalk.bold);
        for (const c of g.criteria) {
          const detail = g.status === 'pass' ? say(c.actual, lang) : skipReason(c, lang);
          const lines = wrapText(t(`${c.clause} · ${pick(c.title, lang)}${detail ? ` — ${detail}` : ''}`), width, `  ${MARK[c.status]} `, '    ');
          out.push(...lines.map((l, i) => (i === 0 ? l.replace(MARK[c.status], colour(c.status)(MARK[c.status])) : l)));
        }
      }
    } else {
      const parts = rest.map((g) => g.status === 'pass'
        ? counted('terminal.count.pass', g.criteria.length, lang)
        : reportLabel(`terminal.count.${g.status}`, lang, { count: g.criteria.length }));
      const list = parts.join(', ');
      para(reportLabel(reports.length ? 'terminal.folded' : 'terminal.folded_no_report', lang, { list }), `${MARK.pass} `, '  ');
    }
  }

  // Data problems: errors (they make criteria "missing") all, warnings a few unless --all
  const issues = issueViews(r.data_issues, lang);
  if (issues.length) {
    const errors = issues.filter((i) => i.severity === 'error'), warnings = issues.filter((i) => i.severity === 'warning');
    const counts = [
      ...(errors.length ? [counted('terminal.count.errors', errors.length, lang)] : []),
      ...(warnings.length ? [counted('terminal.count.warnings', warnings.length, lang)] : []),
    ].join(', ');
    out.push('');
    para(reportLabel('terminal.data', lang, { counts }), '', '', chalk.bold);
    const shown = opts.all ? warnings : warnings.slice(0, WARNINGS_SHOWN);
    for (const i of [...errors, ...shown]) {
      const sev = issueSeverityWord(i.severity, lang);
      const lines = wrapText(t(`${sev} ${issueWhere(i)}: ${i.message}`), width, '  ', '    ');
      const paint = i.severity === 'error' ? chalk.red : chalk.yellow;
      out.push(...lines.map((l, n) => (n === 0 ? l.replace(sev, paint(sev)) : l)));
    }
    if (shown.length < warnings.length) para(reportLabel('terminal.more_issues', lang, { count: warnings.length - shown.length }), '  ', '    ');
  }

  const deadlines = upcoming(deadlineViews(r.deadlines, lang));
  const warnings = warningViews(r.warnings, lang);
  if (deadlines.length || warnings.length) out.push('');
  for (const d of deadlines) {
    para(`${reportLabel('field.deadline', lang)}: ${reportLabel('deadline.value', lang, {
      date: dateText(d.date, lang), title: d.title, left: daysLeftText(d.days_left, lang),
    })}`, '', '  ');
  }
  for (const w of warnings) {
    const label = reportLabel('field.warning', lang);
    const lines = wrapText(t(`${label}: ${w.message}`), width, '', '  ');
    out.push(...lines.map((l, n) => (n === 0 ? l.replace(label, chalk.yellow(label)) : l)));
  }

  // Last, where they stay on screen: groups, the reports written, the score and the verdict
  out.push('');
  for (const g of r.groups) para(reportLabel('terminal.group_line', lang, { group: groupName(g, lang), value: groupValue(r, g, lang) }), '', '  ');
  if (reports.length) para(reportLabel('terminal.reports', lang, { files: reportFilesText(reports) }), '', '  ');
  const status = statusWord(r.status, lang);
  const scoreLine = showsBand(r)
    ? reportLabel('terminal.score_line', lang, { score: scoreText(r.score, lang), band: t(bandText(r.band, lang)), status })
    : reportLabel('terminal.score_line_no_band', lang, { score: scoreText(r.score, lang), status });
  for (const line of wrapText(scoreLine, width, '', '  ')) {
    out.push(line.endsWith(status) ? `${line.slice(0, -status.length)}${colour(r.status)(chalk.bold(status))}` : line);
  }
  const verdict = verdictText(r, lang);
  if (verdict) para(verdict, '', '', colour(r.status));
  return out.join('\n');
}

/** One block per school, separated by a blank line; ends with a newline. */
export function renderTerminal(results: readonly AuditResult[], opts: TerminalOptions): string {
  const chalk = terminalChalk(opts.color);
  return `${results.map((r, i) => renderOne(r, opts, chalk, opts.reports?.[i] ?? [])).join('\n\n')}\n`;
}
