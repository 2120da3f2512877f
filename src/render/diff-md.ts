// diff.md: the comparison for people. Overview, rubric changes, notes, then the schools — regressions
// first, then improvements, changes by the rubric or a waiver, unchanged ones — then new and removed
// schools and the district view. Every piece of text goes through escapeMd.
import type { CriterionDiff, DiffReport, SchoolBrief, SchoolDiff } from '../engine/diff.js';
import { rubricLabel } from '../engine/diff.js';
import { diffLabel, type DiffLabel } from '../messages/diff.js';
import { format } from '../messages/format.js';
import { severityWord, statusWord, type Lang } from './common.js';
import {
  actualChange, arrow, bandWord, changeWord, criterionText, percent, rateText, rubricsText, schoolText,
  schoolsOf, scoreChange, scoreWord, sideLine, sideTitles, signed, statusChange, statusOrDash,
} from './diff-common.js';
import { sayAll, type DiffRenderOptions } from './diff-json.js';
import { escapeMd, mdTable } from './text.js';

const heading = (level: number, text: string): string => `${'#'.repeat(level)} ${escapeMd(text)}`;
const item = (label: string, value: string): string => `- **${escapeMd(label)}:** ${escapeMd(value)}`;
const bullet = (text: string): string => `- ${escapeMd(text, true)}`;

function sideValue(d: DiffReport, which: 'old' | 'new', lang: Lang): string {
  const s = d[which];
  const parts = [
    `${diffLabel('field.school_count', lang, { count: s.schools })} (${diffLabel('field.pass_fail', lang, { pass: s.pass, fail: s.fail })})`,
  ];
  if (s.school_years.length) parts.push(`${diffLabel('field.school_years', lang)} ${s.school_years.join(', ')}`);
  if (s.rubrics.length) parts.push(`${diffLabel('field.rubrics', lang)} ${rubricsText(s)}`);
  return parts.join('; ');
}

function criteriaTable(rows: readonly CriterionDiff[], lang: Lang): string {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  return mdTable(
    [L('col.criterion'), L('col.severity'), L('col.change'), L('col.status_change'), L('col.actual_change'), L('col.gap'), L('col.reason')],
    rows.map((c) => [
      criterionText(c),
      severityWord(c.severity, lang),
      changeWord(c.change, lang),
      statusChange(c, lang),
      actualChange(c, lang),
      c.new && (c.new.status === 'fail' || c.new.status === 'missing') ? c.new.gap ?? '' : '',
      sayAll(c.why, lang),
    ]),
  );
}

function schoolSection(s: SchoolDiff, lang: Lang, withBands: boolean): string[] {
  const out = [heading(3, schoolText(s.code, s.name, lang))];
  const lines = [
    `- ${escapeMd(diffLabel('field.score_line', lang, {
      old: scoreWord(s.old.score, lang),
      new: scoreWord(s.new.score, lang),
      delta: s.score_delta === null || s.score_delta === 0 ? '' : ` (${signed(s.score_delta, lang)})`,
      old_status: statusWord(s.old.status, lang),
      new_status: statusWord(s.new.status, lang),
    }), true)}`,
  ];
  if (withBands) lines.push(bullet(diffLabel('field.band_line', lang, { old: bandWord(s.old.band, lang), new: bandWord(s.new.band, lang) })));
  lines.push(bullet(s.old.file === s.new.file
    ? diffLabel('field.file', lang, { file: s.new.file })
    : diffLabel('field.files', lang, { old: s.old.file, new: s.new.file })));
  if (s.rescored) {
    lines.push(bullet(diffLabel('field.rescored_line', lang, {
      rubric: rubricLabel(s.rescored.rubric), score: scoreWord(s.rescored.score, lang), status: statusWord(s.rescored.status, lang),
    })));
  }
  for (const n of s.notes) lines.push(bullet(format(n, lang)));
  out.push(lines.join('\n'));
  if (s.criteria.length) out.push(criteriaTable(s.criteria, lang));
  return out;
}

function briefTable(rows: readonly SchoolBrief[], lang: Lang, withBands: boolean): string {
  const L = (k: DiffLabel) => diffLabel(k, lang);
  return mdTable(
    [L('col.school_code'), L('col.school'), L('col.file'), L('col.school_year'), L('col.rubric'), L('col.score'), L('col.result'),
      ...(withBands ? [L('col.band')] : [])],
    rows.map((s) => [
      s.code ?? '', s.name ?? '', s.file, s.school_year ?? '', rubricLabel(s.rubric), scoreWord(s.score, lang),
      statusWord(s.status, lang), ...(withBands ? [bandWord(s.band, lang)] : []),
    ]),
  );
}

const pointsOfPercent = (delta: number | null, lang: Lang): string =>
  delta === null ? '' : delta === 0 ? diffLabel('rate.same', lang) : `${signed(Math.round(delta * 1000) / 10, lang)}%`;

/** Bands are shown only when some school has one (many rubrics have none). */
const hasBands = (d: DiffReport): boolean =>
  d.schools.some((s) => s.old.band || s.new.band) || [...d.added, ...d.removed].some((s) => s.band);

export function renderDiffMarkdownText(d: DiffReport, opts: DiffRenderOptions): string {
  const { lang } = opts;
  const L = (k: DiffLabel, args?: Parameters<typeof diffLabel>[2]) => diffLabel(k, lang, args);
  const out: string[] = [];
  const withBands = hasBands(d);

  out.push(heading(1, `${L('title')}: ${arrow(...sideTitles(d), lang)}`));

  out.push(heading(2, L('heading.overview')), [
    item(sideLine(d.old, 'old', lang), sideValue(d, 'old', lang)),
    item(sideLine(d.new, 'new', lang), sideValue(d, 'new', lang)),
    bullet(L('field.totals', { ...d.totals })),
    bullet(L('field.criteria_totals', {
      lost: d.totals.criteria_lost, gained: d.totals.criteria_gained, rubric: d.totals.criteria_rubric, values: d.totals.criteria_values,
    })),
    bullet(L(d.regression ? 'field.regression_yes' : 'field.regression_no')),
  ].join('\n'));

  if (d.rubric_changes.length) {
    out.push(heading(2, L('heading.rubric_changes')));
    for (const r of d.rubric_changes) {
      out.push(heading(3, L('field.rubric_line', { rubric: r.rubric, old: r.old.version, new: r.new.version })));
      const rows: string[][] = [
        ...r.changed.map((c) => [c.id, c.title, c.fields.map((f) => L('rubric.changed_field', {
          field: L(`rubric.field.${f}`),
          old: f === 'severity' ? severityWord(c.old.severity, lang) : String(c.old[f]),
          new: f === 'severity' ? severityWord(c.new.severity, lang) : String(c.new[f]),
        })).join('; ')]),
        ...r.added.map((c) => [c.id, c.title, L('rubric.added', { rule: c.rule })]),
        ...r.removed.map((c) => [c.id, c.title, L('rubric.removed', { rule: c.rule })]),
      ];
      if (rows.length) out.push(mdTable([L('col.id'), L('col.criterion'), L('col.change')], rows));
    }
  }

  if (d.notes.length) out.push(heading(2, L('heading.notes')), d.notes.map((n) => bullet(format(n, lang))).join('\n'));

  for (const trend of ['regressed', 'improved', 'changed'] as const) {
    const schools = schoolsOf(d, trend);
    if (!schools.length) continue;
    out.push(heading(2, L(`heading.${trend}`)));
    for (const s of schools) out.push(...schoolSection(s, lang, withBands));
  }

  const unchanged = schoolsOf(d, 'unchanged');
  if (unchanged.length) {
    out.push(heading(2, L('heading.unchanged')), mdTable(
      [L('col.school_code'), L('col.school'), L('col.score'), L('col.result'), ...(withBands ? [L('col.band')] : []), L('col.still_failing')],
      unchanged.map((s) => [
        s.code, s.name ?? '', scoreChange(s, lang), arrow(statusWord(s.old.status, lang), statusWord(s.new.status, lang), lang),
        ...(withBands ? [arrow(bandWord(s.old.band, lang), bandWord(s.new.band, lang), lang)] : []),
        String(s.criteria.filter((c) => c.change === 'still_failing').length),
      ]),
    ));
    const notes = unchanged.flatMap((s) => s.notes.map((n) => bullet(`${schoolText(s.code, s.name, lang)}: ${format(n, lang)}`)));
    if (notes.length) out.push(notes.join('\n'));
    const failing = unchanged.flatMap((s) => s.criteria.map((c) => ({ s, c })));
    if (failing.length) {
      out.push(mdTable(
        [L('col.school'), L('col.criterion'), L('col.change'), L('col.status_change'), L('col.actual_change'), L('col.gap')],
        failing.map(({ s, c }) => [
          schoolText(s.code, s.name, lang), criterionText(c), changeWord(c.change, lang), statusChange(c, lang), actualChange(c, lang),
          c.change === 'still_failing' ? c.new?.gap ?? '' : '',
        ]),
      ));
    }
  }

  if (d.added.length) out.push(heading(2, L('heading.added')), briefTable(d.added, lang, withBands));
  if (d.removed.length) out.push(heading(2, L('heading.removed')), briefTable(d.removed, lang, withBands));

  if (d.district_view) {
    out.push(heading(2, L('heading.district')));
    if (d.criteria.length) {
      out.push(heading(3, L('heading.rates')), escapeMd(L('field.rates_over', { count: d.rates_schools })), mdTable(
        [L('col.rubric'), L('col.criterion'), L('col.severity'), L('col.old'), L('col.new'), L('col.delta')],
        d.criteria.map((c) => [c.rubric, `${c.id} · ${c.title}`, severityWord(c.severity, lang), rateText(c.old, lang), rateText(c.new, lang), pointsOfPercent(c.delta, lang)]),
      ));
    }
    if (d.bands.moves.length) {
      out.push(heading(3, L('heading.bands')), d.bands.moves.map((m) => bullet(L('band_move', {
        school: schoolText(m.code, m.name, lang), old: bandWord(m.old, lang), new: bandWord(m.new, lang),
      }))).join('\n'));
    }
    if (d.bands.counts.length) {
      out.push(heading(3, L('heading.band_counts')), mdTable(
        [L('col.band'), L('col.old'), L('col.new')],
        d.bands.counts.map((b) => [b.label ?? b.id, String(b.old), String(b.new)]),
      ));
    }
    if (d.district_criteria.length) {
      out.push(heading(3, L('heading.district_criteria')), mdTable(
        [L('col.rubric'), L('col.criterion'), L('col.target'), L('col.share_change'), L('col.status_change')],
        d.district_criteria.map((x) => [
          x.rubric, `${x.id} · ${x.title}`, percent((x.new ?? x.old)!.min, lang),
          arrow(
            x.old ? L('district.value', { share: percent(x.old.share, lang), numerator: x.old.numerator, denominator: x.old.denominator }) : '—',
            x.new ? L('district.value', { share: percent(x.new.share, lang), numerator: x.new.numerator, denominator: x.new.denominator }) : '—',
            lang,
          ),
          arrow(statusOrDash(x.old?.status, lang), statusOrDash(x.new?.status, lang), lang),
        ]),
      ));
    }
  }

  out.push('---', escapeMd(opts.generatedAt
    ? L('footer.at', { tool: d.tool.name, version: d.tool.version, at: opts.generatedAt })
    : L('footer', { tool: d.tool.name, version: d.tool.version })));
  return `${out.join('\n\n')}\n`;
}

export async function renderDiffMarkdown(d: DiffReport, opts: DiffRenderOptions): Promise<string> {
  return renderDiffMarkdownText(d, opts);
}
