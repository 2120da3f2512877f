// Year over year (`audit diff`): two audits of a district's schools → what improved, what regressed and
// why (the school's data, the rubric or the school year's place in a criterion's scope, a waiver). Pure:
// the CLI loads each side (result JSON, batch summary, or workbooks audited now) into one `Side` shape
// (diff/side.ts), re-scores old inventories under the new rubric when it can, and renders the
// `DiffReport` (diff/types.ts) built here: schools matched by code (diff/match.ts), compared criterion by
// criterion (diff/criterion.ts, diff/school.ts), with the district view (diff/district.ts). Words are
// Findings; copied values (a criterion's `actual`, titles) stay the strings the inputs carry.
import '../messages/diff.js';
import type { Finding } from './types.js';
import { bandView, districtDiffs, rateDiffs, rubricChanges } from './diff/district.js';
import { matchSide, summarizeSide } from './diff/match.js';
import { brief, compareSchool, compareSchools } from './diff/school.js';
import { rubricKey, rubricLabel, type Side, type SideSchool } from './diff/side.js';
import type { DiffOptions, DiffReport, DiffTotals, SchoolBrief, SchoolDiff } from './diff/types.js';
import { byText, indexRubrics, sideWord } from './diff/util.js';

export * from './diff/side.js';
export * from './diff/types.js';
export { appliesBy } from './diff/applies.js';

/** The whole comparison of two sides. */
export function buildDiff(oldSide: Side, newSide: Side, opts: DiffOptions): DiffReport {
  const notes: Finding[] = [];
  const oldRubrics = indexRubrics(oldSide);
  const newRubrics = indexRubrics(newSide);
  const o = matchSide(oldSide, 'old', notes);
  const n = matchSide(newSide, 'new', notes);
  // Texts copied from the inputs (a criterion's actual value) compare only in one language; null: audited now.
  const sameLang = (oldSide.lang ?? newSide.lang) === (newSide.lang ?? oldSide.lang);

  const schools: SchoolDiff[] = [];
  const pairs: { old: SideSchool; new: SideSchool }[] = [];
  for (const [code, ns] of n.map) {
    const os = o.map.get(code);
    if (!os) continue;
    pairs.push({ old: os, new: ns });
    schools.push(compareSchool(os, ns, opts.rescored?.get(code) ?? null, { oldRubrics, newRubrics, sameLang }));
  }
  schools.sort(compareSchools);

  const sortBriefs = (xs: SchoolBrief[]) => xs.sort((a, b) => byText(a.code ?? '\uffff', b.code ?? '\uffff') || byText(a.file, b.file));
  const added = sortBriefs([...[...n.map].filter(([c]) => !o.map.has(c)).map(([, s]) => s), ...n.unmatched].map((s) => brief(s, newRubrics)));
  const removed = sortBriefs([...[...o.map].filter(([c]) => !n.map.has(c)).map(([, s]) => s), ...o.unmatched].map((s) => brief(s, oldRubrics)));

  const oldSummary = summarizeSide(oldSide, o);
  const newSummary = summarizeSide(newSide, n);
  const changes = rubricChanges(oldSummary, newSummary, oldRubrics, newRubrics);

  const oldRefs = oldSummary.rubrics.map(rubricLabel).join(', ');
  const newRefs = newSummary.rubrics.map(rubricLabel).join(', ');
  const differ = oldSummary.rubrics.map(rubricKey).join() !== newSummary.rubrics.map(rubricKey).join();
  if (differ) notes.push({ code: 'diff.note.rubrics_differ', args: { old: oldRefs, new: newRefs } });
  const rescored = schools.filter((s) => s.rescored !== null).length;
  const notRescored = schools.filter((s) => !s.same_rubric && s.rescored === null && !s.same_data).length;
  if (rescored > 0) notes.push({ code: 'diff.note.rescored_count', args: { count: rescored } });
  if (notRescored > 0) notes.push({ code: 'diff.note.no_rescore', args: { count: notRescored } });
  for (const [label, side] of [['old', oldSide], ['new', newSide]] as const) {
    for (const e of [...side.errors].sort((a, b) => byText(a.file, b.file))) {
      notes.push({ code: 'diff.note.side_error', args: { side: sideWord(label), file: e.file, message: e.message } });
    }
  }

  const all = schools.flatMap((s) => s.criteria);
  const totals: DiffTotals = {
    matched: schools.length,
    added: added.length,
    removed: removed.length,
    regressed: schools.filter((s) => s.trend === 'regressed').length,
    improved: schools.filter((s) => s.trend === 'improved').length,
    changed: schools.filter((s) => s.trend === 'changed').length,
    unchanged: schools.filter((s) => s.trend === 'unchanged').length,
    criteria_lost: all.filter((c) => c.regression).length,
    criteria_gained: all.filter((c) => c.improvement).length,
    criteria_rubric: all.filter((c) => (c.reason === 'rubric' || c.reason === 'year') && c.change !== 'still_failing' && c.change !== 'value').length,
    criteria_values: all.filter((c) => c.change === 'value').length,
  };

  const multi = (s: Side) => s.kind === 'batch' || s.kind === 'folder' || s.kind === 'results';
  const kept = (m: typeof o) => [...m.map.values(), ...m.unmatched];
  return {
    tool: { name: opts.tool.name, version: opts.tool.version },
    old: oldSummary,
    new: newSummary,
    totals,
    regression: schools.some((s) => s.regression),
    rubric_changes: changes,
    schools,
    added,
    removed,
    criteria: rateDiffs(pairs, oldSide, newSide, oldRubrics, newRubrics),
    rates_schools: pairs.length,
    bands: bandView(schools, kept(o), kept(n), oldSide, newSide),
    district_criteria: districtDiffs(oldSide, newSide),
    district_view: multi(oldSide) || multi(newSide),
    notes,
  };
}
