// Matching a side's schools by code. A code sent in several files (a school that re-sent its workbook, or
// a copy) is one school: the file with the latest report date (as_of), then the later path, is compared;
// the others are named in a note and counted nowhere else — never as a school "no longer present". A
// batch summary that already chose (superseded_by) is followed.
import type { Finding } from '../types.js';
import type { Side, SideSchool } from './side.js';
import { normalizeCode, rubricKey } from './side.js';
import type { SideSummary } from './types.js';
import { byText, sideWord } from './util.js';

export interface MatchedSide {
  /** One school per normalized code. */
  map: Map<string, SideSchool>;
  /** Schools without a code: they cannot be matched. */
  unmatched: SideSchool[];
  superseded: { code: string; file: string; kept: string }[];
}

/** The one to compare first: not superseded by the batch, then the latest as_of (yyyy-mm-dd; none is oldest), then the later path. */
const newerFirst = (a: SideSchool, b: SideSchool): number =>
  Number(!!a.superseded_by) - Number(!!b.superseded_by) || byText(b.as_of ?? '', a.as_of ?? '') || byText(b.file, a.file);

export function matchSide(side: Side, label: 'old' | 'new', notes: Finding[]): MatchedSide {
  const groups = new Map<string, SideSchool[]>();
  const unmatched: SideSchool[] = [];
  for (const s of [...side.schools].sort((a, b) => byText(a.file, b.file))) {
    const code = normalizeCode(s.code);
    if (code === null) {
      notes.push({ code: 'diff.note.no_code', args: { side: sideWord(label), file: s.file } });
      unmatched.push(s);
      continue;
    }
    const g = groups.get(code);
    if (g) g.push(s);
    else groups.set(code, [s]);
  }
  const map = new Map<string, SideSchool>();
  const superseded: MatchedSide['superseded'] = [];
  for (const code of [...groups.keys()].sort(byText)) {
    const [kept, ...others] = groups.get(code)!.sort(newerFirst);
    map.set(code, kept!);
    if (others.length === 0) continue;
    const files = others.map((o) => o.file).sort(byText);
    for (const file of files) superseded.push({ code, file, kept: kept!.file });
    notes.push({ code: 'diff.note.superseded', args: { side: sideWord(label), code, kept: kept!.file, files: files.join(', '), count: files.length } });
  }
  return { map, unmatched, superseded };
}

/** The side as its schools, each counted once. */
export function summarizeSide(side: Side, m: MatchedSide): SideSummary {
  const schools = [...m.map.values(), ...m.unmatched];
  const years = [...new Set(schools.map((s) => s.school_year).filter((y): y is string => y !== null))].sort(byText);
  const used = new Set(schools.map((s) => rubricKey(s.rubric)));
  return {
    kind: side.kind,
    name: side.name,
    lang: side.lang,
    schools: schools.length,
    pass: schools.filter((s) => s.status === 'pass').length,
    fail: schools.filter((s) => s.status === 'fail').length,
    superseded: m.superseded,
    school_years: years,
    rubrics: side.rubrics.filter((r) => used.has(rubricKey(r)))
      .map((r) => ({ id: r.id, version: r.version, sha256: r.sha256, title: r.title }))
      .sort((a, b) => byText(a.id, b.id) || byText(a.version, b.version) || byText(a.sha256, b.sha256)),
    errors: [...side.errors].sort((a, b) => byText(a.file, b.file)),
  };
}
