// Diff JSON (`audit-diff/v1`): the DiffReport with its sentences in one language; codes (change, reason,
// trend, note codes) never change with it. Keys in a fixed order, lists in the report's order.
import { DIFF_SCHEMA, type CriterionDiff, type DiffReport, type SchoolBrief, type SchoolSnapshot, type SideSummary } from '../engine/diff.js';
import type { Finding } from '../engine/types.js';
import { format } from '../messages/format.js';
import '../messages/diff.js';
import type { Lang } from './common.js';

export interface DiffRenderOptions {
  lang: Lang;
  /** Colours (terminal only). */
  color: boolean;
  /** ISO timestamp; only when SOURCE_DATE_EPOCH is set. */
  generatedAt?: string;
  /** Terminal width in columns (terminal only; 80 when unknown). */
  width?: number;
}

/** Several sentences as one text, its first letter capitalized (the terminal uses them mid-line, lower-case). */
export const sayAll = (fs: readonly Finding[], lang: Lang): string => {
  const text = fs.map((f) => format(f, lang)).join('; ');
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
};

const noteViews = (fs: readonly Finding[], lang: Lang) => fs.map((f) => ({ code: f.code, message: format(f, lang) }));

const sideJson = (s: SideSummary) => ({
  kind: s.kind,
  name: s.name,
  lang: s.lang,
  schools: s.schools,
  pass: s.pass,
  fail: s.fail,
  superseded: s.superseded.map((x) => ({ code: x.code, file: x.file, kept: x.kept })),
  school_years: [...s.school_years],
  rubrics: s.rubrics.map((r) => ({ id: r.id, version: r.version, title: r.title, sha256: r.sha256 })),
  errors: s.errors.map((e) => ({ file: e.file, message: e.message })),
});

const snapshotJson = (s: SchoolSnapshot) => ({
  file: s.file,
  school_year: s.school_year,
  as_of: s.as_of,
  rubric: { id: s.rubric.id, version: s.rubric.version, sha256: s.rubric.sha256 },
  score: s.score,
  status: s.status,
  band: s.band?.id ?? null,
});

const criterionJson = (c: CriterionDiff, lang: Lang) => ({
  id: c.id,
  clause: c.clause,
  title: c.title,
  severity: c.severity,
  weight: c.weight,
  change: c.change,
  reason: c.reason,
  regression: c.regression,
  improvement: c.improvement,
  old: c.old ? { status: c.old.status, points: c.old.points, actual: c.old.actual, rule: c.old.rule, weight: c.old.weight, severity: c.old.severity } : null,
  new: c.new
    ? {
      status: c.new.status, points: c.new.points, actual: c.new.actual, expected: c.new.expected, gap: c.new.gap,
      rule: c.new.rule, weight: c.new.weight, severity: c.new.severity,
    }
    : null,
  rescored: c.rescored ? { status: c.rescored.status, points: c.rescored.points, actual: c.rescored.actual } : null,
  points_delta: c.points_delta,
  why: sayAll(c.why, lang),
});

const briefJson = (s: SchoolBrief) => ({
  code: s.code,
  name: s.name,
  file: s.file,
  school_year: s.school_year,
  rubric: { id: s.rubric.id, version: s.rubric.version },
  score: s.score,
  status: s.status,
  band: s.band?.id ?? null,
});

export function toDiffJson(d: DiffReport, opts: Pick<DiffRenderOptions, 'lang' | 'generatedAt'>) {
  const { lang } = opts;
  return {
    schema: DIFF_SCHEMA,
    tool: { name: d.tool.name, version: d.tool.version },
    lang,
    ...(opts.generatedAt !== undefined ? { generated_at: opts.generatedAt } : {}),
    old: sideJson(d.old),
    new: sideJson(d.new),
    totals: { ...d.totals },
    regression: d.regression,
    rubric_changes: d.rubric_changes.map((r) => ({
      rubric: r.rubric,
      old: { version: r.old.version, sha256: r.old.sha256 },
      new: { version: r.new.version, sha256: r.new.sha256 },
      added: r.added.map((c) => ({ id: c.id, clause: c.clause, title: c.title, severity: c.severity, weight: c.weight, rule: c.rule })),
      removed: r.removed.map((c) => ({ id: c.id, clause: c.clause, title: c.title, severity: c.severity, weight: c.weight, rule: c.rule })),
      changed: r.changed.map((c) => ({
        id: c.id,
        title: c.title,
        fields: [...c.fields],
        old: { rule: c.old.rule, weight: c.old.weight, severity: c.old.severity },
        new: { rule: c.new.rule, weight: c.new.weight, severity: c.new.severity },
      })),
    })),
    schools: d.schools.map((s) => ({
      code: s.code,
      name: s.name,
      old_name: s.old_name,
      trend: s.trend,
      regression: s.regression,
      same_rubric: s.same_rubric,
      same_data: s.same_data,
      old: snapshotJson(s.old),
      new: snapshotJson(s.new),
      rescored: s.rescored
        ? { rubric: { id: s.rescored.rubric.id, version: s.rescored.rubric.version, sha256: s.rescored.rubric.sha256 }, score: s.rescored.score, status: s.rescored.status, band: s.rescored.band?.id ?? null }
        : null,
      score_delta: s.score_delta,
      criteria: s.criteria.map((c) => criterionJson(c, lang)),
      notes: noteViews(s.notes, lang),
    })),
    added: d.added.map(briefJson),
    removed: d.removed.map(briefJson),
    rates_schools: d.rates_schools,
    criteria: d.criteria.map((c) => ({
      rubric: c.rubric,
      id: c.id,
      title: c.title,
      severity: c.severity,
      old: c.old ? { pass: c.old.pass, applicable: c.old.applicable, rate: c.old.rate } : null,
      new: c.new ? { pass: c.new.pass, applicable: c.new.applicable, rate: c.new.rate } : null,
      delta: c.delta,
    })),
    bands: {
      moves: d.bands.moves.map((m) => ({ code: m.code, name: m.name, old: m.old?.id ?? null, new: m.new?.id ?? null })),
      counts: d.bands.counts.map((b) => ({ id: b.id, label: b.label, old: b.old, new: b.new })),
    },
    district_criteria: d.district_criteria.map((x) => ({
      rubric: x.rubric,
      id: x.id,
      title: x.title,
      old: x.old ? { ...x.old } : null,
      new: x.new ? { ...x.new } : null,
    })),
    notes: noteViews(d.notes, lang),
  };
}

export type DiffJson = ReturnType<typeof toDiffJson>;
