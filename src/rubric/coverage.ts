// The fidelity tables of rubrics/COVERAGE.md, generated from the rubrics themselves: for every criterion its
// clause, the directive's words (or our summary of a related source), the words that make it binding, its
// severity, what is checked (the threshold) and where that comes from. A test keeps the file in step.
import { ruleOf } from '../engine/evaluate.js';
import type { Criterion, DistrictCriterion, Rubric } from './schema.js';

export const COVERAGE_BEGIN = '<!-- BEGIN GENERATED: fidelity tables (npm run coverage; checked by src/rubric/coverage.test.ts) -->';
export const COVERAGE_END = '<!-- END GENERATED -->';

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
const code = (s: string): string => (s === '' ? '' : `\`${s.replace(/`/g, "'")}\``);

function yearsText(r: Rubric): string {
  const y = r.applies_to.school_years ?? {};
  const range = y.from && y.to ? (y.from === y.to ? y.from : `${y.from} → ${y.to}`) : y.from ? `from ${y.from}` : y.to ? `until ${y.to}` : 'every year';
  return y.later === 'warn' ? `${range}; later years with a warning` : range;
}

/** Where a criterion's threshold comes from: the rubric's own document, or a related source (and whether only summarised). */
function origin(r: Rubric, c: { source?: string | undefined; summary?: string | undefined }): string {
  if (!c.source) return r.document.number;
  const s = r.sources.find((x) => x.id === c.source);
  const name = s ? s.number : c.source;
  return s?.text === 'summary' || c.summary !== undefined ? `${name} (summary)` : name;
}

function words(c: { quote?: string | undefined; summary?: string | undefined }): string {
  if (c.summary !== undefined && c.quote === undefined) return `summary: ${c.summary}`;
  if (c.summary !== undefined) return `“${c.quote}” — summary: ${c.summary}`;
  return c.quote ? `“${c.quote}”` : '';
}

function scope(c: Criterion): string {
  const parts: string[] = [];
  if (c.applies_to) parts.push(`levels ${c.applies_to.levels.join(', ')}`);
  if (c.applies_if) parts.push(`if ${ruleOf(c.applies_if)}`);
  return parts.join('; ');
}

function criterionRow(r: Rubric, c: Criterion): string {
  const check = [code(ruleOf(c.check)), scope(c)].filter((x) => x !== '').join(' — ');
  return `| ${[c.id, c.clause, words(c), c.binding ? `“${c.binding}”` : '—', c.severity, String(c.weight), check, origin(r, c)].map(cell).join(' | ')} |`;
}

function districtRow(r: Rubric, d: DistrictCriterion): string {
  const who = d.of_schools.levels ? `schools ${d.of_schools.levels.join(', ')}` : 'all schools';
  const check = `share of ${who} with ${code(ruleOf(d.share))} ≥ ${Math.round(d.min * 100)}% (undeclared schools out of the share, listed)`;
  return `| ${[d.id, d.clause, words(d), d.binding ? `“${d.binding}”` : '—', 'district', '—', check, origin(r, d)].map(cell).join(' | ')} |`;
}

/** One rubric's table. */
export function coverageTable(r: Rubric): string {
  const scopeLine = [
    r.applies_to.provinces?.length ? r.applies_to.provinces.join(', ') : 'national',
    r.applies_to.districts?.length ? `district ${r.applies_to.districts.join(', ')}` : null,
    r.applies_to.levels?.length ? `levels ${r.applies_to.levels.join(', ')}` : null,
    `school years ${yearsText(r)}`,
  ].filter((x) => x !== null).join('; ');
  const pass = r.scoring.pass;
  const passLine = `scale ${r.scoring.scale}; pass: ${[pass.all_required ? 'every required criterion met' : null, pass.min_score !== undefined ? `score ≥ ${pass.min_score}` : null].filter(Boolean).join(' and ') || 'always'}`
    + (pass.note ? ` (${pass.note.en ?? pass.note.vi})` : '');
  const lines = [
    `### ${r.id}@${r.version} — ${r.document.number} (${r.document.date})`,
    '',
    `${scopeLine}. ${passLine}.${r.parents.length ? ` Extends ${r.parents[0]}.` : ''}`,
    '',
    '| criterion | clause | quote or source | binding words | severity | weight | check (threshold) | threshold from |',
    '|---|---|---|---|---|---|---|---|',
    ...r.criteria.map((c) => criterionRow(r, c)),
    ...r.district_criteria.map((d) => districtRow(r, d)),
  ];
  const deadlines = r.deadlines.map((d) => `${d.id} ${d.date}`);
  if (deadlines.length) lines.push('', `Deadlines (the last day on time): ${deadlines.join('; ')}.`);
  return lines.join('\n');
}

/** Every rubric's table, in id/version order, between the markers. */
export function coverageSection(rubrics: readonly Rubric[]): string {
  const sorted = [...rubrics].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  return [COVERAGE_BEGIN, '', ...sorted.flatMap((r) => [coverageTable(r), '']), COVERAGE_END].join('\n');
}

/** The file with its generated section replaced (or appended when it has none). */
export function withCoverageSection(file: string, section: string): string {
  const i = file.indexOf(COVERAGE_BEGIN);
  const j = file.indexOf(COVERAGE_END);
  if (i < 0 || j < i) return `${file.replace(/\s*$/, '')}\n\n${section}\n`;
  return `${file.slice(0, i)}${section}${file.slice(j + COVERAGE_END.length)}`;
}
