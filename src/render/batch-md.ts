// summary.md: the district summary, readable in a merge request or a GitHub step summary. Overview (with
// what to provide, in numbers), per-district totals, district criteria, ranking, pass rates, shortages per
// school, files not scored, files not audited, copies not counted, points to check. Every text is escaped.
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel, type BatchLabel } from '../messages/batch.js';
import { format } from '../messages/format.js';
import { severityWord, type RenderOptions } from './common.js';
import { escapeMd, mdTableLines } from './text.js';
import {
  areaViews, asOfText, districtViews, fileViews, flagText, notAuditedText, outcomeText, rankViews, rateViews, rubricViews, scoreCell,
  shortageSentences, unitText,
} from './batch-view.js';

export interface BatchMarkdownOptions extends RenderOptions {
  /** false leaves out the ranking table (for GitHub's 1 MiB step-summary limit). Default true. */
  ranking?: boolean;
}

const heading = (level: number, text: string): string => `${'#'.repeat(level)} ${escapeMd(text)}`;

export function renderBatchMarkdown(s: BatchDigest, opts: BatchMarkdownOptions): string {
  let text = '';
  for (const chunk of batchMarkdownChunks(s, opts)) text += chunk;
  return text;
}

/** The items of `items` that pass `keep`, made as they are read. */
function* filtered<T>(items: Iterable<T>, keep: (x: T) => boolean): Generator<T> {
  for (const x of items) if (keep(x)) yield x;
}
function* mapped<T, U>(items: Iterable<T>, f: (x: T) => Iterable<U>): Generator<U> {
  for (const x of items) yield* f(x);
}
/** `items`, or null when there is none (read lazily: the first item is kept, not the list). */
function nonEmpty<T>(items: Iterator<T>): Iterable<T> | null {
  const first = items.next();
  if (first.done) return null;
  return { *[Symbol.iterator]() { yield first.value; for (let r = items.next(); !r.done; r = items.next()) yield r.value; } };
}

/**
 * summary.md in pieces: blocks separated by a blank line, a table row by row, so that a summary of
 * 10,000 schools is written without holding it whole (the tables naming schools are made as they go).
 */
export function* batchMarkdownChunks(s: BatchDigest, opts: BatchMarkdownOptions): Generator<string> {
  const { lang } = opts;
  const L = (k: BatchLabel, args?: Parameters<typeof batchLabel>[2]) => batchLabel(k, lang, args);
  let written = 0;
  /** Blocks of text, each after a blank line. */
  function* blocks(...parts: (string | Iterable<string>)[]): Generator<string> {
    for (const p of parts) {
      if (written++ > 0) yield '\n\n';
      if (typeof p === 'string') yield p;
      else yield* p;
    }
  }
  const mdTable = mdTableLines;
  yield* blocks(heading(1, L('title')));
  const t = s.totals;
  const field = (label: string, value: string | number) => `- **${escapeMd(label)}:** ${escapeMd(String(value))}`;

  yield* blocks(heading(2, L('heading.totals')), [
    field(L('totals.result'), outcomeText(s, lang)),
    field(L('totals.files'), t.files),
    field(L('totals.schools'), t.schools),
    field(L('totals.pass'), t.pass),
    field(L('totals.fail'), t.fail),
    field(L('totals.superseded'), t.superseded),
    field(L('totals.errors'), t.errors),
    field(L('totals.not_audited'), t.submissions > 0 ? `${t.not_audited} (${L('totals.submissions')}: ${t.submissions})` : t.not_audited),
    field(L('totals.ignored'), `${t.ignored.lock} / ${t.ignored.hidden}`),
    ...(s.run.fail_under !== null ? [field(L('totals.below_fail_under', { min: s.run.fail_under }), t.below_fail_under)] : []),
    field(L('totals.district'), `${t.district_criteria.pass} / ${t.district_criteria.fail}`),
    field(L('totals.flags'), t.flags),
    field(L('field.as_of'), asOfText(s, lang)),
  ].join('\n'));

  yield* blocks(shortageSentences(s.shortages, lang).map((x) => `**${escapeMd(x)}**`).join('\n\n'));

  const areas = areaViews(s, lang);
  if (areas.length > 0) {
    yield* blocks(heading(2, L('heading.districts')), mdTable(
      [L('col.district'), L('col.province'), L('col.schools'), L('col.passed'), L('col.failed'), L('col.pass_rate'), L('col.shortages')],
      areas.map((a) => [a.district, a.province, String(a.schools), String(a.pass), String(a.fail), a.rateText, a.shortages]),
    ));
  }

  const rubrics = [...rubricViews(s, lang).values()];
  if (rubrics.length > 0) yield* blocks(heading(2, L('heading.rubrics')), rubrics.map((r) => `- ${escapeMd(r.text)}`).join('\n'));
  const many = rubrics.length > 1;

  const district = districtViews(s, lang);
  if (district.length > 0) {
    yield* blocks(heading(2, L('heading.district')), mdTable(
      [...(many ? [L('col.rubric')] : []), L('col.clause'), L('col.criterion'), L('col.schools_counted'), L('col.share'), L('col.min'), L('col.status')],
      district.map((d) => [...(many ? [d.rubric] : []), d.clause, d.title, d.counted, d.value, d.min, d.statusText]),
    ));
  }

  if (opts.ranking !== false) {
    for (const r of rubrics) {
      const rows = filtered(rankViews(s, lang), (v) => v.rubric === r.ref);
      yield* blocks(heading(2, many ? `${L('heading.ranking')}: ${r.ref}` : L('heading.ranking')), mdTable(
        [L('col.rank'), L('col.code'), L('col.name'), L('col.district'), L('col.score'), L('col.band'), L('col.status'), L('col.failing_required')],
        mapped(rows, (v) => [[v.rank, v.code, v.name, v.district, scoreCell(v.score, lang), v.band, v.statusText, v.failingRequiredTitles.join('; ')]]),
      ));
    }
  } else {
    yield* blocks(heading(2, L('heading.ranking')), format({ code: 'batch.step_summary_cut' }, lang));
  }

  const rates = rateViews(s, lang);
  if (rates.length > 0) {
    yield* blocks(heading(2, L('heading.rates')), mdTable(
      [...(many ? [L('col.rubric')] : []), L('col.clause'), L('col.id'), L('col.criterion'), L('col.severity'),
        L('col.passed'), L('col.failed'), L('col.missing'), L('col.not_applicable'), L('col.waived'), L('col.rate')],
      rates.map((c) => [...(many ? [c.rubric] : []), c.clause, c.id, c.title, severityWord(c.severity, lang),
        String(c.pass), String(c.fail), String(c.missing), String(c.not_applicable), String(c.waived), c.rateText]),
    ));
  }

  // Tables naming each school stay out of the short version (GitHub's step summary limit).
  const short = opts.ranking === false ? null : nonEmpty(mapped(rankViews(s, lang), (v) => v.shortages.map((x) => ({ v, x }))));
  if (short !== null) {
    yield* blocks(heading(2, L('heading.shortages')), mdTable(
      [L('col.code'), L('col.name'), L('col.district'), L('col.unit'), L('col.need'), L('col.have'), L('col.short')],
      mapped(short, ({ v, x }) => [[v.code, v.name, v.district, unitText(x.unit, lang), String(x.need), String(x.have), String(x.missing)]]),
    ));
  }

  yield* blocks(heading(2, L('heading.errors')), s.errors.length === 0 ? escapeMd(L('none')) : mdTable(
    [L('col.file'), L('col.error_code'), L('col.message')],
    s.errors.map((e) => [e.file, e.error.code, e.error.message]),
  ));

  yield* blocks(heading(2, L('heading.not_audited')), s.not_audited.length === 0 ? escapeMd(L('none')) : mdTable(
    [L('col.file'), L('col.kind'), L('col.note')],
    s.not_audited.map((e) => { const t = notAuditedText(e, lang); return [e.file, t.kind, t.note]; }),
  ));
  if (s.superseded.length > 0 && opts.ranking !== false) {
    yield* blocks(heading(2, L('heading.superseded')), mdTable(
      [L('col.file'), L('col.code'), L('col.name'), L('col.score'), L('col.note')],
      s.superseded.map((x) => [x.file, x.code ?? '', x.name ?? '', scoreCell(x.score, lang), L('file.superseded_note', { code: x.code ?? '', kept: x.superseded_by })]),
    ));
  }

  if (opts.ranking !== false) {
    const files = fileViews(s, lang);
    yield* blocks(heading(2, L('heading.files')), files.length === 0 ? escapeMd(L('none')) : mdTable(
      [L('col.file'), L('col.outcome'), L('col.name'), L('col.note')],
      files.map((f) => [f.file, f.outcome, f.school, f.note]),
    ));
  }

  yield* blocks(heading(2, L('heading.flags')), s.flags.length === 0 ? escapeMd(L('none')) : s.flags.map((f) => `- ${escapeMd(flagText(f, lang), true)}`).join('\n'));

  if (s.generated_at !== undefined) yield* blocks(field(L('field.generated_at'), s.generated_at));
  yield '\n';
}
