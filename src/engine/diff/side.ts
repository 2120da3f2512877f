// One side of a diff, normalized: whatever was read (a result JSON, several, a batch summary, workbooks
// audited now) becomes a `Side` — its rubrics as definitions, its schools with their criteria. Building a
// side from result JSON or a batch summary lives here; the CLI (src/cli/diff-input.ts) reads the files.
import type { Lang } from '../../messages/format.js';
import type { BatchSummary } from '../batch.js';
import { isErrorEntry, isSchoolEntry } from '../batch.js';
import type { CriterionStatus, Severity } from '../types.js';

/** What a side was read from: a result JSON, an array of them, a batch summary, a workbook, a folder of workbooks. */
export type SideKind = 'result' | 'results' | 'batch' | 'workbook' | 'folder';

export interface RubricRef { id: string; version: string; sha256: string }

/**
 * What decides whether a criterion applies to a school: 'year' when its condition reads only the school
 * year (a criterion of some school years, such as a 2016 deadline), 'data' when the school's own data
 * (its levels, a condition on its equipment), null when it always applies.
 */
export type AppliesBy = 'year' | 'data' | null;

/** A criterion as its rubric defines it: what a diff compares to tell "the rubric changed". */
export interface CriterionDef {
  id: string; clause: string; title: string; rule: string; weight: number; severity: Severity;
  /** Absent when the rubric itself was not at hand (a result JSON of a rubric file no longer available). */
  applies_by?: AppliesBy;
}

export interface SideRubric extends RubricRef {
  title: string;
  /** In rubric order. */
  criteria: CriterionDef[];
  /** Band labels when the input carries them (batch summaries, workbooks audited now). */
  bands: { id: string; label: string }[];
}

export interface SideCriterion {
  id: string;
  status: CriterionStatus;
  points: number | null;
  actual: string | null;
  expected: string | null;
  gap: string | null;
  /** The criterion's sentence (for a waived criterion it carries the waiver's reason); null from a batch summary. */
  message: string | null;
}

export interface SideSchool {
  /** As read; matching uses normalizeCode. */
  code: string | null;
  name: string | null;
  district: string | null;
  school_year: string | null;
  /** Where it came from: a base name, or a path relative to the folder or batch. */
  file: string;
  source_sha256: string | null;
  rubric: RubricRef;
  as_of: string | null;
  score: number | null;
  status: 'pass' | 'fail';
  band: string | null;
  criteria: SideCriterion[];
  /** From a batch summary: the file counted instead of this one (same school code), as the batch decided. */
  superseded_by?: string | null;
}

export interface SideDistrict {
  rubric_id: string;
  id: string;
  title: string;
  numerator: number;
  denominator: number;
  share: number | null;
  min: number;
  status: 'pass' | 'fail' | 'missing';
}

export interface Side {
  kind: SideKind;
  /** How the side is named to the reader: the file or folder given (with its folder when the name alone says nothing, e.g. summary.json). */
  name: string;
  /** Language of the copied texts (null: audited now, in the report's language). */
  lang: Lang | null;
  rubrics: SideRubric[];
  schools: SideSchool[];
  /** District criteria over the side's schools; null when the side cannot give them (single results). */
  district: SideDistrict[] | null;
  /** Files of the side that could not be audited. */
  errors: { file: string; message: string }[];
}

export const rubricKey = (r: RubricRef): string => `${r.id}@${r.version}#${r.sha256}`;
export const rubricLabel = (r: { id: string; version: string }): string => `${r.id}@${r.version}`;

/** School codes match when equal after trimming (and Unicode NFC); leading zeros are kept. */
export const normalizeCode = (code: string | null | undefined): string | null => {
  const c = code?.normalize('NFC').trim();
  return c ? c : null;
};

/** The parts of an `audit-result/v1` object a diff reads (toResultJson's output, or a file). */
export interface ResultLike {
  rubric: { id: string; version: string; title: string; sha256: string };
  school: { code: string | null; name: string | null; district: string | null; school_year: string | null };
  source: { file: string; sha256: string };
  as_of: string;
  score: number | null;
  status: 'pass' | 'fail';
  band: string | null;
  criteria: {
    id: string; clause: string; title: string; severity: Severity; weight: number; status: CriterionStatus;
    points: number | null; rule: string; actual: string | null; expected: string | null; message: string; gap: string | null;
  }[];
}

/** One result as a side's school; `file` names it within its side. */
export function schoolFromResult(file: string, r: ResultLike): SideSchool {
  return {
    code: r.school.code,
    name: r.school.name,
    district: r.school.district,
    school_year: r.school.school_year,
    file,
    source_sha256: r.source.sha256,
    rubric: { id: r.rubric.id, version: r.rubric.version, sha256: r.rubric.sha256 },
    as_of: r.as_of,
    score: r.score,
    status: r.status,
    band: r.band,
    criteria: r.criteria.map((c) => ({
      id: c.id, status: c.status, points: c.points, actual: c.actual, expected: c.expected, gap: c.gap, message: c.message,
    })),
  };
}

/** Results → a side (schools in the order given); the rubric of each is read from its criteria. */
export function sideFromResults(
  kind: SideKind, name: string, lang: Lang | null, results: readonly { file: string; result: ResultLike }[],
): Side {
  const rubrics = new Map<string, SideRubric>();
  for (const { result: r } of results) {
    const ref: RubricRef = { id: r.rubric.id, version: r.rubric.version, sha256: r.rubric.sha256 };
    if (rubrics.has(rubricKey(ref))) continue;
    rubrics.set(rubricKey(ref), {
      ...ref,
      title: r.rubric.title,
      criteria: r.criteria.map((c) => ({ id: c.id, clause: c.clause, title: c.title, rule: c.rule, weight: c.weight, severity: c.severity })),
      bands: [],
    });
  }
  const schools = results.map(({ file, result }) => schoolFromResult(file, result));
  return { kind, name, lang, rubrics: [...rubrics.values()], schools, district: null, errors: [] };
}

/** A batch summary (audit-batch/v1) → a side: schools, rubrics and district criteria as the summary gives them. */
export function sideFromBatch(name: string, s: BatchSummary): Side {
  const byRef = new Map(s.rubrics.map((r) => [rubricLabel(r), r]));
  const refOf = (r: { id: string; version: string }): RubricRef => ({ ...r, sha256: byRef.get(rubricLabel(r))?.sha256 ?? '' });
  const schools: SideSchool[] = s.entries.filter(isSchoolEntry).map((e) => ({
    code: e.code,
    name: e.name,
    district: e.district,
    school_year: e.school_year,
    file: e.file,
    source_sha256: e.source_sha256,
    rubric: refOf(e.rubric),
    as_of: e.as_of,
    score: e.score,
    status: e.status,
    band: e.band,
    criteria: e.criteria.map((c) => ({
      id: c.id, status: c.status, points: c.points, actual: c.actual,
      expected: null, gap: (c as { gap?: string | null }).gap ?? null, message: null,
    })),
    superseded_by: e.superseded_by ?? null,
  }));
  const rubrics: SideRubric[] = s.rubrics.map((r) => ({
    id: r.id, version: r.version, sha256: r.sha256, title: r.title,
    criteria: r.criteria.map((c) => ({ id: c.id, clause: c.clause, title: c.title, rule: c.rule, weight: c.weight, severity: c.severity })),
    bands: r.bands.map((b) => ({ id: b.id, label: b.label })),
  }));
  const district: SideDistrict[] = s.district_criteria.map((d) => {
    const [id] = d.rubric.split('@');
    const def = byRef.get(d.rubric)?.district_criteria.find((x) => x.id === d.id);
    return {
      rubric_id: id ?? d.rubric, id: d.id, title: def?.title ?? d.id, numerator: d.numerator, denominator: d.denominator,
      share: d.share, min: d.min, status: d.status,
    };
  });
  // Files that are not workbooks (listed by the batch, not audited) are not the comparison's business.
  const errors = s.entries.filter(isErrorEntry).map((e) => ({ file: e.file, message: e.error.message }));
  return { kind: 'batch', name, lang: s.lang, rubrics, schools, district, errors };
}
