// summary.md: the district summary, readable in a merge request or a GitHub step summary. Overview,
// district criteria, ranking, pass rates, files not scored, points to check. Every text is escaped.
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel, type BatchLabel } from '../messages/batch.js';
import { format } from '../messages/format.js';
import { severityWord, type RenderOptions } from './common.js';
import { escapeMd, mdTable } from './text.js';
import { asOfText, districtViews, flagText, outcomeText, rankViews, rateViews, rubricViews, scoreCell } from './batch-view.js';

export interface BatchMarkdownOptions extends RenderOptions {
  /** false leaves out the ranking table (for GitHub's 1 MiB step-summary limit). Default true. */
  ranking?: boolean;
}

const heading = (level: number, text: string): string => `${'#'.repeat(level)} ${escapeMd(text)}`;

export function renderBatchMarkdown(s: BatchDigest, opts: BatchMarkdownOptions): string {
  const { lang } = opts;
  const L = (k: BatchLabel, args?: Parameters<typeof batchLabel>[2]) => batchLabel(k, lang, args);
  const out: string[] = [heading(1, L('title'))];
  const t = s.totals;
  const field = (label: string, value: string | number) => `- **${escapeMd(label)}:** ${escapeMd(String(value))}`;

  out.push(heading(2, L('heading.totals')), [
    field(L('totals.result'), outcomeText(s, lang)),
    field(L('totals.files'), t.files),
    field(L('totals.schools'), t.schools),
    field(L('totals.pass'), t.pass),
    field(L('totals.fail'), t.fail),
    field(L('totals.errors'), t.errors),
    ...(s.run.fail_under !== null ? [field(L('totals.below_fail_under', { min: s.run.fail_under }), t.below_fail_under)] : []),
    field(L('totals.district'), `${t.district_criteria.pass} / ${t.district_criteria.fail}`),
    field(L('totals.flags'), t.flags),
    field(L('field.as_of'), asOfText(s, lang)),
  ].join('\n'));

  const rubrics = [...rubricViews(s, lang).values()];
  if (rubrics.length > 0) out.push(heading(2, L('heading.rubrics')), rubrics.map((r) => `- ${escapeMd(r.text)}`).join('\n'));
  const many = rubrics.length > 1;

  const district = districtViews(s, lang);
  if (district.length > 0) {
    out.push(heading(2, L('heading.district')), mdTable(
      [...(many ? [L('col.rubric')] : []), L('col.clause'), L('col.criterion'), L('col.schools_counted'), L('col.share'), L('col.min'), L('col.status')],
      district.map((d) => [...(many ? [d.rubric] : []), d.clause, d.title, d.counted, d.value, d.min, d.statusText]),
    ));
  }

  if (opts.ranking !== false) {
    for (const r of rubrics) {
      const rows = [...rankViews(s, lang)].filter((v) => v.rubric === r.ref);
      out.push(heading(2, many ? `${L('heading.ranking')}: ${r.ref}` : L('heading.ranking')), mdTable(
        [L('col.rank'), L('col.code'), L('col.name'), L('col.score'), L('col.band'), L('col.status'), L('col.failing_required')],
        rows.map((v) => [v.rank, v.code, v.name, scoreCell(v.score), v.band, v.statusText, v.failingRequired.join(', ')]),
      ));
    }
  } else {
    out.push(heading(2, L('heading.ranking')), format({ code: 'batch.step_summary_cut' }, lang));
  }

  const rates = rateViews(s, lang);
  if (rates.length > 0) {
    out.push(heading(2, L('heading.rates')), mdTable(
      [...(many ? [L('col.rubric')] : []), L('col.clause'), L('col.id'), L('col.criterion'), L('col.severity'),
        L('col.passed'), L('col.failed'), L('col.missing'), L('col.not_applicable'), L('col.waived'), L('col.rate')],
      rates.map((c) => [...(many ? [c.rubric] : []), c.clause, c.id, c.title, severityWord(c.severity, lang),
        String(c.pass), String(c.fail), String(c.missing), String(c.not_applicable), String(c.waived), c.rateText]),
    ));
  }

  out.push(heading(2, L('heading.errors')), s.errors.length === 0 ? escapeMd(L('none')) : mdTable(
    [L('col.file'), L('col.error_code'), L('col.message')],
    s.errors.map((e) => [e.file, e.error.code, e.error.message]),
  ));

  out.push(heading(2, L('heading.flags')), s.flags.length === 0 ? escapeMd(L('none')) : s.flags.map((f) => `- ${escapeMd(flagText(f, lang), true)}`).join('\n'));

  if (s.generated_at !== undefined) out.push(field(L('field.generated_at'), s.generated_at));
  return `${out.join('\n\n')}\n`;
}
