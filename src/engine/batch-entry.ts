// One school's compact batch entry (what a district summary, a diff and a merge need, no person's name)
// and a rubric's description for the summary: pure, shared by `audit batch`'s workers and the web page.
import { AuditError, RubricError } from '../errors.js';
import type { AuditResult } from './types.js';
import { districtSchoolOutcome } from './district.js';
import { ruleOf } from './evaluate.js';
import type { BatchEntry, BatchRubric, BatchSchoolEntry, ScopeMismatch } from './batch.js';
import type { Inventory, SchoolIdentity } from '../inventory/types.js';
import { laterYear, sameDistrict, sameProvince, yearsContain } from '../rubric/select.js';
import type { Rubric } from '../rubric/schema.js';
import { pick, say, sortLevels } from '../render/common.js';
import { format, type Lang } from '../messages/format.js';
import '../messages/batch.js';

/** Which parts of the rubric's scope the school lies outside of (unknown values are not flagged). */
export function scopeMismatches(rubric: Rubric, school: SchoolIdentity): ScopeMismatch[] {
  const out: ScopeMismatch[] = [];
  const { provinces = [], districts = [] } = rubric.applies_to;
  if (provinces.length > 0 && school.province !== null && !provinces.some((p) => sameProvince(p, school.province!))) out.push('province');
  if (districts.length > 0 && school.district !== null && !districts.some((d) => sameDistrict(d, school.district!))) out.push('district');
  // A later year the rubric accepts (`later: warn`) is said in the school's own report, not flagged per school.
  if (school.school_year !== null && !yearsContain(rubric.applies_to, school.school_year) && !laterYear(rubric.applies_to, school.school_year)) out.push('years');
  return out;
}

/** The rubric as the summary describes it, once. */
export function describeRubric(rubric: Rubric, lang: Lang): BatchRubric {
  return {
    id: rubric.id,
    version: rubric.version,
    title: pick(rubric.title, lang),
    sha256: rubric.sha256,
    issuer: rubric.issuer,
    document: { number: rubric.document.number, date: rubric.document.date },
    scale: rubric.scoring.scale,
    bands: (rubric.scoring.bands ?? []).map((b) => ({ id: b.id, min: b.min, label: pick(b.label, lang) })),
    criteria: rubric.criteria.map((c) => ({
      id: c.id, clause: c.clause, title: pick(c.title, lang), rule: ruleOf(c.check), severity: c.severity, weight: c.weight,
    })),
    district_criteria: rubric.district_criteria.map((d) => ({
      id: d.id, clause: d.clause, title: pick(d.title, lang), levels: d.of_schools.levels ? sortLevels(d.of_schools.levels) : null,
      rule: ruleOf(d.share), min: d.min,
    })),
  };
}

/** The compact entry of an audited school: what the summary, a diff and a merge need, no person's name. */
export function schoolEntry(file: string, result: AuditResult, inv: Inventory, rubric: Rubric, lang: Lang): BatchSchoolEntry {
  const s = result.school;
  return {
    file,
    code: s.code,
    name: s.name,
    province: s.province,
    district: s.district,
    school_year: s.school_year,
    levels: sortLevels(s.levels),
    rubric: { id: result.rubric.id, version: result.rubric.version },
    as_of: result.as_of,
    report_date: reportDate(inv),
    source_sha256: result.source.sha256,
    score: result.score,
    status: result.status,
    band: result.band?.id ?? null,
    rank: null,
    superseded_by: null,
    summary: { ...result.summary },
    criteria: result.criteria.map((c) => ({
      id: c.id, status: c.status, points: c.status === 'not_applicable' || c.status === 'waived' ? null : c.points, actual: say(c.actual, lang),
    })),
    shortages: result.criteria.flatMap((c) => (c.status === 'fail' ? (c.shortages ?? []) : []).map((x) => ({
      criterion: c.id, unit: x.unit, need: x.need, have: x.have, missing: x.missing,
    }))),
    district_criteria: rubric.district_criteria.flatMap((dc) => {
      const o = districtSchoolOutcome(dc, inv);
      return o.counted ? [{ id: dc.id, status: o.status }] : [];
    }),
    data_issues: {
      errors: result.data_issues.filter((i) => i.severity === 'error').length,
      warnings: result.data_issues.filter((i) => i.severity === 'warning').length,
    },
    outside: scopeMismatches(rubric, s),
  };
}

/** The workbook's `Ngày lập báo cáo` as yyyy-mm-dd, or null when absent or unusable. */
function reportDate(inv: Inventory): string | null {
  const v = inv.info.audit_date;
  return v?.ok && typeof v.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.value) ? v.value.slice(0, 10) : null;
}

/** A typed error as an entry; anything else is reported as an internal error of this file. */
export function errorEntry(file: string, err: unknown, lang: Lang): BatchEntry {
  if (err instanceof RubricError) {
    const first = err.problems[0];
    const message = first ? `${first.file}:${first.line}:${first.col}: ${format(first.message, lang)}` : format(err.finding, lang);
    return { file, error: { code: err.finding.code, message } };
  }
  if (err instanceof AuditError) return { file, error: { code: err.finding.code, message: format(err.finding, lang) } };
  const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  return { file, error: { code: 'batch.internal', message: format({ code: 'batch.internal', args: { detail } }, lang) } };
}
