// Which rubric judges a workbook (rubric.md "Choosing a rubric"): the built-ins whose scope covers the
// school's province (and district, when the rubric names districts) and school year; the most specific
// scope wins (district > province > national), then the newest directive and version.
import { UsageError } from '../errors.js';
import type { Finding, Warning } from '../engine/types.js';
import { canonicalProvince, looseDistrict } from '../inventory/provinces.js';
import { fold } from '../inventory/fold.js';
import { builtinRegistry, compareVersions, isRubricPath, type RubricEntry, type RubricHeader, type RubricRegistry } from './registry.js';
import { rubricOrThrow } from './load.js';
import type { Rubric } from './schema.js';

export interface SchoolScope { province: string | null; district: string | null; school_year: string | null }

export interface RubricChoice {
  rubric: Rubric;
  /** Not errors, shown with the result: e.g. the rubric was applied outside its school years. */
  warnings: Warning[];
}

type Scope = Rubric['applies_to'];

const PROVINCE_PREFIX = /^(?:(?:tinh|thanh pho|tp|t p)\s+)+/;

/** Province names compare by their canonical name, or loosely when the tool does not know them. */
export function sameProvince(a: string, b: string): boolean {
  const ca = canonicalProvince(a);
  const cb = canonicalProvince(b);
  if (ca !== null && cb !== null) return ca === cb;
  const loose = (s: string) => fold(s).replace(PROVINCE_PREFIX, '').replace(/ /g, '');
  return loose(a) === loose(b);
}

export const sameDistrict = (a: string, b: string): boolean => looseDistrict(a) === looseDistrict(b);

/** Do the rubric's school years contain this one? (unknown school year: they do not exclude it) */
export function yearsContain(scope: Scope, schoolYear: string | null): boolean {
  if (schoolYear === null) return true;
  const y = scope.school_years;
  const sy = normalizeSchoolYear(schoolYear);
  if (!y) return true;
  if (y.from && sy < y.from) return false;
  if (y.to && sy > y.to) return false;
  return true;
}

/** `2024 - 2025`, `2024–2025`, `2024/2025` → `2024-2025` (the reader normally did this already). */
const normalizeSchoolYear = (s: string): string => s.replace(/\s*[-–—/]\s*/, '-').trim();

/**
 * How specifically a scope covers a school: 2 = names its district, 1 = its province, 0 = national;
 * -1 = does not cover it.
 */
export function specificity(scope: Scope, school: SchoolScope): number {
  const provinces = scope.provinces ?? [];
  const districts = scope.districts ?? [];
  if (provinces.length > 0 && !(school.province && provinces.some((p) => sameProvince(p, school.province!)))) return -1;
  if (districts.length > 0) return school.district && districts.some((d) => sameDistrict(d, school.district!)) ? 2 : -1;
  return provinces.length > 0 ? 1 : 0;
}

export function yearsFinding(scope: Scope): Finding {
  const y = scope.school_years ?? {};
  if (y.from && y.to && y.from === y.to) return { code: 'rubric.years.one', args: { year: y.from } };
  if (y.from && y.to) return { code: 'rubric.years.range', args: { from: y.from, to: y.to } };
  if (y.from) return { code: 'rubric.years.from', args: { from: y.from } };
  if (y.to) return { code: 'rubric.years.to', args: { to: y.to } };
  return { code: 'rubric.years.all' };
}

const unknown: Finding = { code: 'rubric.scope.unknown' };

/** A school year after the rubric's own years, which it may still judge (`later: warn`) while nothing newer applies. */
export function laterYear(scope: Scope, schoolYear: string | null): boolean {
  const y = scope.school_years;
  if (schoolYear === null || !y?.to || y.later !== 'warn') return false;
  return normalizeSchoolYear(schoolYear) > y.to;
}

/** The one line every report of a later school year carries: which letter, written for which years. */
export function writtenForWarning(r: { id: string; version: string; document: { number: string | null }; applies_to: Scope }, schoolYear: string): Warning {
  const note = r.applies_to.school_years?.later_note;
  return {
    code: note ? 'rubric.written_for_note' : 'rubric.written_for',
    args: {
      ref: `${r.id}@${r.version}`, document: r.document.number ?? r.id, years: yearsFinding(r.applies_to), school_year: schoolYear,
      ...(note ? { note: { code: 'rubric.i18n', args: { vi: note.vi, en: note.en ?? note.vi } } } : {}),
    },
  };
}

function outsideWarnings(rubric: Rubric, school: SchoolScope): Warning[] {
  const out: Warning[] = [];
  const ref = `${rubric.id}@${rubric.version}`;
  if (school.school_year !== null && laterYear(rubric.applies_to, school.school_year)) {
    out.push(writtenForWarning(rubric, school.school_year));
  } else if (school.school_year !== null && !yearsContain(rubric.applies_to, school.school_year)) {
    out.push({ code: 'rubric.outside_years', args: { ref, years: yearsFinding(rubric.applies_to), school_year: school.school_year } });
  }
  const provinces = rubric.applies_to.provinces ?? [];
  if (provinces.length > 0 && school.province !== null && specificity({ provinces }, school) < 0) {
    out.push({ code: 'rubric.outside_scope', args: { ref, provinces, province: school.province } });
  }
  return out;
}

interface Candidate { entry: RubricEntry; header: RubricHeader; rank: number }

const newestFirst = (a: Candidate, b: Candidate): number =>
  b.rank - a.rank
  || (b.header.document.date ?? '').localeCompare(a.header.document.date ?? '')
  || compareVersions(b.entry.version, a.entry.version)
  || a.entry.id.localeCompare(b.entry.id);

/**
 * The rubric for one school. `opts.rubric` is what `--rubric` said (id, id@version or a file); without
 * it the rubric is chosen from the school's scope. Throws UsageError (unknown / none applies) or
 * RubricError (the rubric file has problems).
 */
export function chooseRubric(school: SchoolScope, opts: { rubric?: string; registry?: RubricRegistry } = {}): RubricChoice {
  const registry = opts.registry ?? builtinRegistry();
  const ref = opts.rubric;

  if (ref !== undefined && isRubricPath(ref)) {
    const rubric = rubricOrThrow(registry.loadFile(ref));
    return { rubric, warnings: outsideWarnings(rubric, school) };
  }

  if (ref !== undefined) {
    let entry: RubricEntry;
    if (ref.includes('@')) {
      const found = registry.find(ref);
      if ('error' in found) throw new UsageError(found.error);
      entry = found.entry;
    } else {
      const found = registry.find(ref);
      if ('error' in found) throw new UsageError(found.error);
      // The newest version whose years contain the school year, else the newest (with a warning).
      const versions = registry.entries().filter((e) => e.id === ref);
      entry = versions.find((e) => {
        const h = registry.header(e);
        return h !== null && yearsContain(h.applies_to, school.school_year);
      }) ?? found.entry;
    }
    const rubric = rubricOrThrow(registry.loadEntry(entry));
    return { rubric, warnings: outsideWarnings(rubric, school) };
  }

  const candidates: Candidate[] = [];
  for (const entry of registry.entries()) {
    const header = registry.header(entry);
    if (!header) continue;
    const rank = specificity(header.applies_to, school);
    if (rank >= 0 && yearsContain(header.applies_to, school.school_year)) candidates.push({ entry, header, rank });
  }
  const best = candidates.sort(newestFirst)[0];
  if (best) return { rubric: rubricOrThrow(registry.loadEntry(best.entry)), warnings: [] };

  // No rubric covers the year: one written for earlier years that says it may judge later ones does,
  // the latest such first, and every report says which letter and year it was written for.
  const later: Candidate[] = [];
  for (const entry of registry.entries()) {
    const header = registry.header(entry);
    if (!header) continue;
    const rank = specificity(header.applies_to, school);
    if (rank >= 0 && laterYear(header.applies_to, school.school_year)) later.push({ entry, header, rank });
  }
  const fallback = later.sort((a, b) => b.rank - a.rank
    || (b.header.applies_to.school_years?.to ?? '').localeCompare(a.header.applies_to.school_years?.to ?? '')
    || newestFirst(a, b))[0];
  if (!fallback) throw new UsageError(noneApplicable(registry, school));
  const rubric = rubricOrThrow(registry.loadEntry(fallback.entry));
  return { rubric, warnings: [writtenForWarning(rubric, school.school_year!)] };
}

function noneApplicable(registry: RubricRegistry, school: SchoolScope): Finding {
  const all = registry.entries();
  if (all.length === 0) return { code: 'rubric.none_exist' };
  // Only rubrics for the school's own province (and district) are worth naming: another province's
  // directive never judges this school. With an unknown province every rubric is listed.
  const own = all.filter((e) => {
    const h = registry.header(e);
    return h !== null && specificity(h.applies_to, school) >= 0;
  });
  const entries = school.province ? own : all;
  if (entries.length === 0) {
    return {
      code: 'rubric.none_for_province',
      args: { scope: { code: 'rubric.scope', args: { province: school.province ?? unknown, district: school.district ?? unknown, school_year: school.school_year ?? unknown } } },
    };
  }
  const available = entries.map((e): Finding => {
    const h = registry.header(e);
    return { code: 'rubric.listed', args: { ref: `${e.id}@${e.version}`, issuer: h?.issuer ?? '', years: yearsFinding(h?.applies_to ?? {}) } };
  });
  // Usually the workbook lacks the facts a rubric is chosen by: say which, not only that none applies.
  const undeclared = [!school.province && 'province', !school.school_year && 'school_year'].filter((k): k is string => !!k);
  if (undeclared.length > 0) {
    return { code: 'rubric.scope_undeclared', args: { fields: undeclared.map((k) => ({ code: `rubric.field.${k}` })), example: entries[0]!.id } };
  }
  // Rubrics of the school's province exist, but for other school years: name them, suggest none.
  return {
    code: 'rubric.none_for_year',
    args: {
      scope: { code: 'rubric.scope', args: { province: school.province ?? unknown, district: school.district ?? unknown, school_year: school.school_year ?? unknown } },
      available,
    },
  };
}
