// What `audit batch` prints on stdout without --json: the outcome, the district criteria and the top
// of each ranking. The full tables are in summary.md / summary.xlsx.
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel } from '../messages/batch.js';
import { STATUS_STYLE, type Lang } from './common.js';
import { terminalSafe } from './text.js';
import { districtViews, outcomeText, rankViews, scoreCell } from './batch-view.js';
import { terminalChalk } from './terminal.js';

/** Rows of each ranking shown on the terminal. */
const TOP = 10;

export function renderBatchTerminal(s: BatchDigest, opts: { lang: Lang; color: boolean }): string {
  const { lang } = opts;
  const chalk = terminalChalk(opts.color);
  const paint = (status: keyof typeof STATUS_STYLE, text: string) => chalk[STATUS_STYLE[status].ansi](text);
  const t = s.totals;
  const lines: string[] = [
    batchLabel('terminal.line', lang, { files: t.files, pass: t.pass, fail: t.fail, errors: t.errors }),
  ];
  for (const d of districtViews(s, lang)) {
    lines.push(batchLabel('terminal.district', lang, { id: d.id, value: d.value, min: d.min, status: paint(d.status, d.statusText) }));
  }
  let rubric: string | null = null;
  let shown = 0;
  let hidden = 0;
  const flush = () => { if (hidden > 0) lines.push(`  ${batchLabel('terminal.more', lang, { count: hidden })}`); };
  for (const v of rankViews(s, lang)) {
    if (v.rubric !== rubric) {
      flush();
      rubric = v.rubric;
      shown = 0;
      hidden = 0;
      lines.push(batchLabel('terminal.top', lang, { rubric: v.rubric }));
    }
    if (shown >= TOP) {
      hidden += 1;
      continue;
    }
    shown += 1;
    lines.push(`  ${v.rank.padStart(4)}  ${scoreCell(v.score).padStart(5)}  ${paint(v.status, v.statusText)}  ${terminalSafe(`${v.code} ${v.name}`)}`);
  }
  flush();
  if (t.flags > 0) lines.push(batchLabel('terminal.flags', lang, { count: t.flags }));
  const outcome = outcomeText(s, lang);
  lines.push(t.errors > 0 || t.fail > 0 || t.district_criteria.fail > 0 || t.below_fail_under > 0 ? chalk.bold(outcome) : outcome);
  return `${lines.join('\n')}\n`;
}
