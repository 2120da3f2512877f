// Result JSON (`audit-result/v1`): keys in the order cli.md lists them, human texts in one language,
// ids and codes language-neutral. `toResultJson` is the object; batch and diff reuse it.
import type { AuditResult } from '../engine/types.js';
import {
  criterionMessage, deadlineViews, issueViews, pick, say, sortLevels, sortedCells, warningViews, type Lang, type RenderOptions,
} from './common.js';

export const RESULT_SCHEMA = 'audit-result/v1';

export function toResultJson(r: AuditResult, lang: Lang) {
  return {
    schema: RESULT_SCHEMA,
    tool: { name: r.tool.name, version: r.tool.version },
    rubric: { id: r.rubric.id, version: r.rubric.version, title: pick(r.rubric.title, lang), sha256: r.rubric.sha256 },
    school: {
      code: r.school.code,
      name: r.school.name,
      province: r.school.province,
      district: r.school.district,
      school_year: r.school.school_year,
      levels: sortLevels(r.school.levels),
    },
    source: { file: r.source.file, sha256: r.source.sha256 },
    as_of: r.as_of,
    score: r.score,
    status: r.status,
    band: r.band?.id ?? null,
    groups: r.groups.map((g) => ({ id: g.id, score: g.score, band: g.band?.id ?? null })),
    summary: {
      pass: r.summary.pass,
      fail: r.summary.fail,
      missing: r.summary.missing,
      not_applicable: r.summary.not_applicable,
      waived: r.summary.waived,
    },
    criteria: r.criteria.map((c) => ({
      id: c.id,
      clause: c.clause,
      title: pick(c.title, lang),
      severity: c.severity,
      weight: c.weight,
      status: c.status,
      points: c.status === 'not_applicable' || c.status === 'waived' ? null : c.points,
      rule: c.rule,
      actual: say(c.actual, lang),
      expected: say(c.expected, lang),
      message: criterionMessage(c, lang),
      gap: say(c.gap, lang),
      cells: sortedCells(c.cells).map((x) => ({ sheet: x.sheet, cell: x.cell })),
    })),
    data_issues: issueViews(r.data_issues, lang).map((i) => ({
      severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: i.message,
    })),
    warnings: warningViews(r.warnings, lang),
    deadlines: deadlineViews(r.deadlines, lang).map((d) => ({ id: d.id, date: d.date, title: d.title, days_left: d.days_left })),
  };
}

export type ResultJson = ReturnType<typeof toResultJson>;

/** 2-space indent and a trailing newline; deterministic for the same result. */
export const stringifyJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function renderJson(r: AuditResult, opts: RenderOptions): Promise<string> {
  return stringifyJson(toResultJson(r, opts.lang));
}
