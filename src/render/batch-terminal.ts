// What `audit batch` prints on stdout without --json: the outcome, what to provide (in numbers), each
// district's pass rate, the district criteria, the top and the weakest schools of each ranking, and every
// file that was not counted. The full tables are in summary.md / summary.xlsx / summary.html.
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel } from '../messages/batch.js';
import { STATUS_STYLE, type Lang } from './common.js';
import { terminalSafe } from './text.js';
import { areaViews, districtViews, outcomeText, rankViews, scoreCell, shortageSentences, type RankView } from './batch-view.js';
import { terminalChalk } from './terminal.js';

/** A ranking this long or shorter is shown whole; a longer one shows its top and its weakest. */
const WHOLE = 16;
const TOP = 8;
const WEAKEST = 6;
/** Files named on one line at most; the rest are counted. */
const FILES_LISTED = 8;

export function renderBatchTerminal(s: BatchDigest, opts: { lang: Lang; color: boolean }): string {
  const { lang } = opts;
  const chalk = terminalChalk(opts.color);
  const paint = (status: keyof typeof STATUS_STYLE, text: string) => chalk[STATUS_STYLE[status].ansi](text);
  const t = s.totals;
  const lines: string[] = [
    batchLabel('terminal.line', lang, { files: t.files, pass: t.pass, fail: t.fail, errors: t.errors }),
  ];
  for (const x of shortageSentences(s.shortages, lang)) lines.push(terminalSafe(x));
  const areas = areaViews(s, lang);
  if (areas.length > 1) {
    for (const a of areas) lines.push(terminalSafe(batchLabel('terminal.district_row', lang, { district: a.district, schools: a.schools, pass: a.pass, rate: a.rateText })));
  }
  for (const d of districtViews(s, lang)) {
    lines.push(batchLabel('terminal.district', lang, { id: d.id, value: d.value, min: d.min, status: paint(d.status, d.statusText) }));
  }
  const byRubric = new Map<string, RankView[]>();
  for (const v of rankViews(s, lang)) {
    const xs = byRubric.get(v.rubric);
    if (xs) xs.push(v);
    else byRubric.set(v.rubric, [v]);
  }
  const row = (v: RankView) =>
    `  ${v.rank.padStart(4)}  ${scoreCell(v.score, lang).padStart(5)}  ${paint(v.status, v.statusText)}  ${terminalSafe(`${v.code} ${v.name}`)}`;
  for (const [rubric, rows] of byRubric) {
    lines.push(batchLabel('terminal.top', lang, { rubric }));
    if (rows.length <= WHOLE) {
      lines.push(...rows.map(row));
      continue;
    }
    lines.push(...rows.slice(0, TOP).map(row));
    lines.push(batchLabel('terminal.between', lang, { count: rows.length - TOP - WEAKEST }));
    lines.push(...rows.slice(rows.length - WEAKEST).map(row));
  }
  const listed = (files: string[]) => terminalSafe(files.length <= FILES_LISTED ? files.join(', ')
    : `${files.slice(0, FILES_LISTED).join(', ')} ${batchLabel('terminal.more', lang, { count: files.length - FILES_LISTED })}`);
  if (s.not_audited.length > 0) lines.push(batchLabel('terminal.not_audited', lang, { count: s.not_audited.length, files: listed(s.not_audited.map((e) => e.file)) }));
  if (s.superseded.length > 0) lines.push(batchLabel('terminal.superseded', lang, { count: s.superseded.length, files: listed(s.superseded.map((e) => e.file)) }));
  if (t.ignored.lock + t.ignored.hidden > 0) lines.push(batchLabel('terminal.ignored', lang, { lock: t.ignored.lock, hidden: t.ignored.hidden }));
  if (t.flags > 0) lines.push(batchLabel('terminal.flags', lang, { count: t.flags }));
  const outcome = outcomeText(s, lang);
  lines.push(t.errors > 0 || t.submissions > 0 || t.fail > 0 || t.district_criteria.fail > 0 || t.below_fail_under > 0 ? chalk.bold(outcome) : outcome);
  return `${lines.join('\n')}\n`;
}
