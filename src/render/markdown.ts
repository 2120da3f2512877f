// The Markdown report of one school, the complete record: first why it passes or fails and what to fix
// (required, target, recommended, with the directive's words); then identity, rubric and document, result,
// the full criteria table, waivers, data problems, deadlines, warnings.
// Every piece of text goes through escapeMd: a workbook cannot inject links, HTML or table breaks.
import type { AuditResult } from '../engine/types.js';
import { reportLabel, type ReportLabel } from '../messages/report.js';
import {
  bandText, cellsText, criteriaToFix, criterionMessage, dateText, daysLeftText, deadlineViews, groupName, issueSeverityWord,
  criterionStatusWord, issueViews, issueWhere, levelsText, pick, quoteText, say, schoolTitle, scoreText, severityWord, showsBand, statusWord,
  summaryText, upcoming, verdictText, waiverText, warningViews, type Lang, type RenderOptions,
  schoolFacts,
} from './common.js';
import { escapeMd, mdQuote, mdTable } from './text.js';

/** `- **Label:** value` lines, the value escaped; pairs with an empty value are left out. */
function fieldList(lang: Lang, pairs: [ReportLabel, string | null][]): string {
  return pairs
    .filter((p): p is [ReportLabel, string] => p[1] !== null && p[1] !== '')
    .map(([k, v]) => `- **${escapeMd(reportLabel(k, lang))}:** ${escapeMd(v)}`)
    .join('\n');
}

const heading = (level: number, text: string): string => `${'#'.repeat(level)} ${escapeMd(text)}`;

export function renderMarkdownText(r: AuditResult, opts: RenderOptions): string {
  const { lang } = opts;
  const L = (k: ReportLabel, args?: Parameters<typeof reportLabel>[2]) => reportLabel(k, lang, args);
  const out: string[] = [];
  const unknown = L('unknown');

  out.push(heading(1, `${L('title')}: ${schoolTitle(r, lang)}`));
  // Why the school passes or fails, before anything else
  const verdict = verdictText(r, lang);
  if (verdict) out.push(`**${escapeMd(verdict)}**`);
  // The score, then what to fix, before the full record: the reader's first questions
  out.push(`${escapeMd(L('field.score'))}: **${escapeMd(scoreText(r.score, lang))}** · ${escapeMd(L('field.status'))}: **${escapeMd(statusWord(r.status, lang))}**`);
  const toFix = criteriaToFix(r.criteria);
  if (toFix.required.length || toFix.target.length || toFix.recommended.length) {
    out.push(heading(2, L('heading.to_fix')));
    // the notes state the pass rule, so only when the result carries it and it requires every required criterion
    const rule = r.pass_rule?.all_required ? r.pass_rule : null;
    const notes = {
      required: rule ? L('to_fix.required_note') : null,
      target: rule ? L('to_fix.target_note') : null,
      recommended: !rule ? null : rule.min_score === null ? L('to_fix.recommended_note') : L('to_fix.recommended_note_min', { min: rule.min_score }),
    };
    for (const [severity, list] of [['required', toFix.required], ['target', toFix.target], ['recommended', toFix.recommended]] as const) {
      if (!list.length) continue;
      out.push(heading(3, L(`to_fix.${severity}`, { count: list.length })));
      if (notes[severity]) out.push(escapeMd(notes[severity]));
      for (const c of list) {
        out.push(heading(4, `${c.clause} · ${pick(c.title, lang)} (${criterionStatusWord(c, lang)})`));
        const cells = cellsText(c.cells);
        const gap = say(c.gap, lang);
        const message = criterionMessage(c, lang);
        out.push(fieldList(lang, [
          ['col.id', c.id],
          ['col.actual', say(c.actual, lang)],
          ['col.expected', say(c.expected, lang)],
          ['col.gap', gap],
          // the comment is left out when it only repeats the gap ("Chưa đạt: <gap>")
          ['col.message', gap && message.includes(gap) ? null : message],
          ['col.hint', c.hint ? pick(c.hint, lang) : null],
          ['col.cells', cells || null],
        ]));
        if (c.quote) out.push(mdQuote(quoteText(c, lang)!));
      }
    }
  }


  out.push(heading(2, L('heading.school')), fieldList(lang, schoolFacts(r, lang)));

  out.push(heading(2, L('heading.rubric')), fieldList(lang, [
    ['field.rubric', pick(r.rubric.title, lang)],
    ['field.rubric_id', r.rubric.id],
    ['field.rubric_version', r.rubric.version],
    ['field.document', L('document.value', {
      number: r.rubric.document.number, date: dateText(r.rubric.document.date, lang), issuer: r.rubric.issuer,
    })],
    ['field.rubric_sha256', r.rubric.sha256],
  ]));

  const bands = showsBand(r);
  out.push(heading(2, L('heading.result')), fieldList(lang, [
    ['field.status', statusWord(r.status, lang)],
    ['field.score', scoreText(r.score, lang)],
    ['field.band', bands ? bandText(r.band, lang) : null],
    ['field.summary', summaryText(r.summary, lang)],
  ]));
  if (r.groups.length) {
    out.push(heading(3, L('heading.groups')), mdTable(
      [L('field.group'), L('field.score'), ...(bands ? [L('field.band')] : [])],
      r.groups.map((g) => [groupName(g, lang), scoreText(g.score, lang), ...(bands ? [bandText(g.band, lang)] : [])]),
    ));
  }

  out.push(heading(2, L('heading.criteria')), mdTable(
    [L('col.clause'), L('col.criterion'), L('col.severity'), L('col.status'), L('col.actual'), L('col.expected'), L('col.gap')],
    r.criteria.map((c) => [
      c.clause, pick(c.title, lang), severityWord(c.severity, lang), criterionStatusWord(c, lang),
      say(c.actual, lang) ?? '', say(c.expected, lang) ?? '',
      c.status === 'fail' || c.status === 'missing' ? say(c.gap, lang) ?? '' : '',
    ]),
  ));

  const waived = r.criteria.filter((c) => c.status === 'waived');
  if (waived.length) {
    out.push(heading(2, L('heading.waived')), waived.map((c) =>
      `- **${escapeMd(`${c.clause} · ${pick(c.title, lang)}`)}** (${escapeMd(c.id)}): ` +
      escapeMd(c.waiver ? waiverText(c.waiver, lang) : criterionMessage(c, lang))).join('\n'));
  }

  const issues = issueViews(r.data_issues, lang);
  out.push(heading(2, L('heading.data_issues')), issues.length
    ? issues.map((i) => `- **${escapeMd(issueSeverityWord(i.severity, lang))}** ${escapeMd(issueWhere(i))}: ${escapeMd(i.message)}`).join('\n')
    : escapeMd(L('none')));

  const deadlines = upcoming(deadlineViews(r.deadlines, lang));
  if (deadlines.length) {
    out.push(heading(2, L('heading.deadlines')), deadlines.map((d) =>
      `- ${escapeMd(L('deadline.value', { date: dateText(d.date, lang), title: d.title, left: daysLeftText(d.days_left, lang) }), true)}`).join('\n'));
  }

  const warnings = warningViews(r.warnings, lang);
  if (warnings.length) out.push(heading(2, L('heading.warnings')), warnings.map((w) => `- ${escapeMd(w.message, true)}`).join('\n'));

  out.push('---', escapeMd(opts.generatedAt
    ? L('footer.at', { tool: r.tool.name, version: r.tool.version, at: opts.generatedAt })
    : L('footer', { tool: r.tool.name, version: r.tool.version })));

  return `${out.join('\n\n')}\n`;
}

export async function renderMarkdown(r: AuditResult, opts: RenderOptions): Promise<string> {
  return renderMarkdownText(r, opts);
}
