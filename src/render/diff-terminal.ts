// The terminal view of a diff, fitted to the terminal's width (DiffRenderOptions.width; the CLI gives
// process.stdout.columns, 80 when unknown): the two sides, the totals, a cli-table3 table of the schools
// compared (regressions first), then one line per change — regressions, improvements, changes from the
// rubric, the school year or a waiver — values that moved without changing a result (briefly), new and
// removed schools, pass rates that moved over the schools on both sides, and notes. Each change is said
// once. Colours only when opts.color (the CLI decides: TTY, NO_COLOR).
import Table from 'cli-table3';
import type { CriterionDiff, DiffReport, SchoolDiff, SchoolTrend } from '../engine/diff.js';
import type { Finding } from '../engine/types.js';
import { diffLabel, type DiffLabel } from '../messages/diff.js';
import { format } from '../messages/format.js';
import { reportLabel } from '../messages/report.js';
import { statusWord, type Lang } from './common.js';
import {
  actualChange, arrow, criterionText, movedRates, rateText, rubricsText, schoolText, scoreChange, sideLine, sideTitles, statusChange, trendWord,
} from './diff-common.js';
import type { DiffRenderOptions } from './diff-json.js';
import { terminalChalk } from './terminal.js';
import { breakLongWords, terminalSafe } from './text.js';

/** Width when the terminal does not say; wider terminals get at most WIDEST columns (long lines read badly). */
export const DEFAULT_WIDTH = 80;
const WIDEST = 120;
const NARROWEST = 40;
/** Unchanged schools listed in the table before "… and N more". */
const MAX_UNCHANGED_ROWS = 10;
/** Value changes listed before "… and N more": the terminal says them briefly, diff.md in full. */
const MAX_VALUE_LINES = 8;

const TREND_COLOUR: Record<SchoolTrend, 'red' | 'green' | 'cyan' | 'gray'> = {
  regressed: 'red', improved: 'green', changed: 'cyan', unchanged: 'gray',
};

/** Columns a text takes: code points, less combining marks (a decomposed "ế" is one column). */
export const columns = (s: string): number => [...s.replace(/\p{M}/gu, '')].length;

/** Word-wrapped to `width` columns; lines after the first start with `indent` spaces. Words longer than a line are cut. */
export function wrap(text: string, width: number, indent = 0): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  let line = '';
  const room = () => width - (out.length === 0 ? 0 : indent);
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (columns(candidate) <= room()) { line = candidate; continue; }
    if (line !== '') { out.push(line); line = ''; }
    let rest = word;
    while (columns(rest) > room()) {
      const cps = [...rest];
      out.push(cps.slice(0, room()).join(''));
      rest = cps.slice(room()).join('');
    }
    line = rest;
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out.map((l, i) => (i === 0 ? l : pad + l));
}

/** Column widths (padding included) for the school table: 5 border characters plus these make `width`. */
function tableWidths(width: number): number[] {
  const inner = width - 5;
  const school = Math.floor(inner * 0.38);
  const score = Math.floor(inner * 0.25);
  const result = Math.floor(inner * 0.19);
  return [school, score, result, inner - school - score - result];
}

/** The why of a change without what the line's heading already says (the data section says "the data changed"). */
const whyText = (fs: readonly Finding[], lang: Lang, except: string | null): string =>
  fs.filter((f) => f.code !== except).map((f) => format(f, lang)).join('; ');

/** "83000102 · 2 · Wi-Fi…: Đạt → Không đạt (có → không) — why": the change said once. */
function criterionLine(s: SchoolDiff, c: CriterionDiff, lang: Lang, except: string | null): string {
  const actual = actualChange(c, lang);
  const why = whyText(c.why, lang, except);
  return `${s.code} · ${criterionText(c)}: ${statusChange(c, lang)}${actual ? ` (${actual})` : ''}${why ? ` — ${why}` : ''}`;
}

export function renderDiffTerminal(d: DiffReport, opts: DiffRenderOptions): string {
  const { lang } = opts;
  const width = Math.min(WIDEST, Math.max(NARROWEST, opts.width ?? DEFAULT_WIDTH));
  const chalk = terminalChalk(opts.color);
  const L = (k: DiffLabel, args?: Parameters<typeof diffLabel>[2]) => diffLabel(k, lang, args);
  const lines: string[] = [];
  /** A paragraph, wrapped; `style` colours each of its lines. */
  const say = (text: string, indent = 0, style: (s: string) => string = (x) => x, hang = 2) => {
    for (const l of wrap(terminalSafe(text), width - indent, hang)) lines.push(style(' '.repeat(indent) + l));
  };

  say(L('terminal.header', { old: sideTitles(d)[0], new: sideTitles(d)[1] }), 0, chalk.bold);
  for (const which of ['old', 'new'] as const) {
    const s = d[which];
    say(`${sideLine(s, which, lang)} — ${L('field.school_count', { count: s.schools })} (${L('field.pass_fail', { pass: s.pass, fail: s.fail })})${s.rubrics.length ? `; ${rubricsText(s)}` : ''}`);
  }
  say(L('field.totals', { ...d.totals }));

  if (d.schools.length) {
    const widths = tableWidths(width);
    const cell = (col: number, s: string) => breakLongWords(terminalSafe(s), widths[col]! - 2);
    const table = new Table({
      head: [L('col.school'), L('col.score'), L('col.result'), L('col.trend')].map((h, i) => chalk.bold(cell(i, h))),
      colWidths: widths,
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
    if (unchanged.length > MAX_UNCHANGED_ROWS) say(L('unchanged.count', { count: unchanged.length - MAX_UNCHANGED_ROWS }));
  }

  const section = (title: string, colour: 'red' | 'green' | 'cyan', keep: (c: CriterionDiff) => boolean, except: string | null) => {
    const rows = d.schools.flatMap((s) => s.criteria.filter(keep).map((c) => criterionLine(s, c, lang, except)));
    if (!rows.length) return;
    say(title, 0, chalk[colour]);
    for (const r of rows) say(r, 2, (x) => x, 4);
  };
  section(L('terminal.regressions'), 'red', (c) => c.regression, 'diff.why.data');
  section(L('terminal.improvements'), 'green', (c) => c.improvement, 'diff.why.data');
  section(L('terminal.rubric_changes'), 'cyan', (c) => !c.regression && !c.improvement
    && c.change !== 'still_failing' && c.change !== 'value' && c.reason !== 'data', null);

  // Values that moved while the result stayed (45 → 58 lab computers; a school still short, but less so).
  const values = d.schools.flatMap((s) => s.criteria
    .filter((c) => c.change === 'value' || (c.change === 'still_failing' && (c.old?.actual ?? null) !== (c.new?.actual ?? null)))
    .map((c) => `${s.code} · ${criterionText(c)}: ${actualChange(c, lang)}`));
  if (values.length) {
    say(L('terminal.values'), 0, chalk.bold);
    for (const v of values.slice(0, MAX_VALUE_LINES)) say(v, 2, (x) => x, 4);
    if (values.length > MAX_VALUE_LINES) say(L('terminal.more', { count: values.length - MAX_VALUE_LINES }), 2);
  }

  const list = (xs: DiffReport['added']) => xs.map((s) => schoolText(s.code, s.name, lang) || s.file).join(', ');
  if (d.added.length) say(L('terminal.added', { list: list(d.added) }));
  if (d.removed.length) say(L('terminal.removed', { list: list(d.removed) }));

  if (d.district_view) {
    const moved = movedRates(d);
    if (moved.length) {
      say(L('terminal.rates', { count: d.rates_schools }), 0, chalk.bold);
      for (const r of moved.slice(0, MAX_VALUE_LINES)) say(`${r.id} · ${r.title}: ${arrow(rateText(r.old, lang), rateText(r.new, lang), lang)}`, 2, (x) => x, 4);
      if (moved.length > MAX_VALUE_LINES) say(L('terminal.more', { count: moved.length - MAX_VALUE_LINES }), 2);
    }
  }
  const warning = reportLabel('field.warning', lang);
  for (const n of d.notes) {
    const [first, ...rest] = wrap(terminalSafe(`${warning}: ${format(n, lang)}`), width, 2);
    lines.push(chalk.yellow(warning) + first!.slice(warning.length), ...rest);
  }
  return `${lines.join('\n')}\n`;
}
