// The terminal view of a diff: the two sides, the totals, a cli-table3 table of the schools compared
// (regressions first), then each regression, improvement and rubric/waiver change in one line, new and
// removed schools, moved pass rates and notes. Colours only when opts.color (the CLI decides: TTY, NO_COLOR).
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { CriterionDiff, DiffReport, SchoolDiff, SchoolTrend } from '../engine/diff.js';
import { diffLabel, type DiffLabel } from '../messages/diff.js';
import { format } from '../messages/format.js';
import { reportLabel } from '../messages/report.js';
import { STATUS_STYLE, statusWord, type Lang } from './common.js';
import {
  actualChange, arrow, criterionText, movedRates, rateText, rubricsText, schoolText, scoreChange, sideLine, sideTitle, statusChange, trendWord,
} from './diff-common.js';
import { sayAll, type DiffRenderOptions } from './diff-json.js';
import { terminalChalk } from './terminal.js';
import { breakLongWords, terminalSafe } from './text.js';

/** Column widths (padding included); with the 5 border characters the table is 100 columns wide. */
const COL_WIDTHS = [40, 22, 18, 15];
/** Unchanged schools listed in the table before "… and N more". */
const MAX_UNCHANGED_ROWS = 10;

const TREND_COLOUR: Record<SchoolTrend, 'red' | 'green' | 'cyan' | 'gray'> = {
  regressed: 'red', improved: 'green', changed: 'cyan', unchanged: 'gray',
};

function criterionLine(s: SchoolDiff, c: CriterionDiff, lang: Lang, chalk: ChalkInstance): string {
  const t = terminalSafe;
  const status = c.new ? chalk[STATUS_STYLE[c.new.status].ansi](statusChange(c, lang)) : statusChange(c, lang);
  const actual = actualChange(c, lang);
  return `  ${t(s.code)} ${t(criterionText(c))}: ${status}${actual ? ` (${t(actual)})` : ''} — ${t(sayAll(c.why, lang))}`;
}

export function renderDiffTerminal(d: DiffReport, opts: DiffRenderOptions): string {
  const { lang } = opts;
  const chalk = terminalChalk(opts.color);
  const t = terminalSafe;
  const L = (k: DiffLabel, args?: Parameters<typeof diffLabel>[2]) => diffLabel(k, lang, args);
  const cell = (col: number, s: string) => breakLongWords(terminalSafe(s), COL_WIDTHS[col]! - 2);
  const lines: string[] = [];

  lines.push(chalk.bold(t(L('terminal.header', { old: sideTitle(d.old), new: sideTitle(d.new) }))));
  for (const which of ['old', 'new'] as const) {
    const s = d[which];
    lines.push(t(`${sideLine(s, which, lang)} — ${L('field.school_count', { count: s.schools })} (${L('field.pass_fail', { pass: s.pass, fail: s.fail })})${s.rubrics.length ? `; ${rubricsText(s)}` : ''}`));
  }
  lines.push(t(L('field.totals', { ...d.totals })));

  if (d.schools.length) {
    const table = new Table({
      head: [L('col.school'), L('col.score'), L('col.result'), L('col.trend')].map((h) => chalk.bold(h)),
      colWidths: COL_WIDTHS,
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [] },
    });
    const changed = d.schools.filter((s) => s.trend !== 'unchanged');
    const unchanged = d.schools.filter((s) => s.trend === 'unchanged');
    for (const s of [...changed, ...unchanged.slice(0, MAX_UNCHANGED_ROWS)]) {
      table.push([
        cell(0, schoolText(s.code, s.name, lang)),
        cell(1, scoreChange(s, lang)),
        cell(2, arrow(statusWord(s.old.status, lang), statusWord(s.new.status, lang), lang)),
        chalk[TREND_COLOUR[s.trend]](cell(3, trendWord(s.trend, lang))),
      ]);
    }
    lines.push(table.toString());
    if (unchanged.length > MAX_UNCHANGED_ROWS) lines.push(t(L('unchanged.count', { count: unchanged.length - MAX_UNCHANGED_ROWS })));
  }

  const section = (title: string, colour: 'red' | 'green' | 'cyan', keep: (c: CriterionDiff) => boolean) => {
    const rows = d.schools.flatMap((s) => s.criteria.filter(keep).map((c) => criterionLine(s, c, lang, chalk)));
    if (rows.length) lines.push(chalk[colour](t(title)), ...rows);
  };
  section(L('terminal.regressions'), 'red', (c) => c.regression);
  section(L('terminal.improvements'), 'green', (c) => c.improvement);
  section(L('terminal.rubric_changes'), 'cyan', (c) => !c.regression && !c.improvement && c.change !== 'still_failing'
    && c.reason !== 'data');

  const list = (xs: DiffReport['added']) => xs.map((s) => schoolText(s.code, s.name, lang) || s.file).join(', ');
  if (d.added.length) lines.push(t(L('terminal.added', { list: list(d.added) })));
  if (d.removed.length) lines.push(t(L('terminal.removed', { list: list(d.removed) })));

  if (d.district_view) {
    const moved = movedRates(d);
    if (moved.length) {
      lines.push(t(L('terminal.rates')));
      for (const r of moved) lines.push(`  ${t(`${r.id} · ${r.title}`)}: ${t(arrow(rateText(r.old, lang), rateText(r.new, lang), lang))}`);
    }
  }
  for (const n of d.notes) lines.push(`${chalk.yellow(reportLabel('field.warning', lang))}: ${t(format(n, lang))}`);
  return `${lines.join('\n')}\n`;
}
