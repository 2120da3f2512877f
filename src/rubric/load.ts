// Rubric YAML → Rubric: parse with positions → validate (each check by its own kind) → resolve
// `extends` → semantic checks. Every problem comes back at once, each at file:line:col.
import { z } from 'zod';
import { platform } from '../platform.js';
import '../messages/rubric.js';
import { RubricError, type RubricProblem } from '../errors.js';
import type { Finding } from '../engine/types.js';
import { kindOf } from '../checks/index.js';
import { canonicalProvince, PROVINCE_NAMES } from '../inventory/provinces.js';
import type { Check } from '../checks/types.js';
import {
  criterionOverrideSchema, criterionSchema, districtCriterionSchema, rubricSchema, scoringSchema,
  type Criterion, type DistrictCriterion, type Rubric, type Scoring,
} from './schema.js';
import { gradedProblems, lintCheckSemantics, validateCheck } from './check-lint.js';
import { bindingProblems } from './binding.js';
import { didYouMean, isPlainObject, translateIssues, valueAt, type PathFinding } from './zod-problems.js';
import { MAX_YAML_BYTES, parseYamlSource, problemAt, sortProblems, type Path, type PathSeg, type YamlSource } from './yaml-source.js';

/** How `extends: id@1` finds its parent: a loaded rubric, or why not. */
export type ResolveParent = (ref: string, chain: readonly string[]) =>
  | { rubric: Rubric }
  | { error: Finding; problems?: RubricProblem[] };

export interface LoadOptions {
  resolveParent?: ResolveParent;
  /** Files being loaded above this one (cycle detection through `extends`). */
  chain?: readonly string[];
  /** A built-in at rubrics/<id>/<version>.yaml must say that id and version. */
  expect?: { id: string; version: string };
  /** `audit rubric lint` and the built-ins: every required criterion must record its binding words. */
  strictBinding?: boolean;
}

export interface LoadResult { rubric: Rubric | null; problems: RubricProblem[] }

/** `id@1`, `id@1.2.3` */
export const EXTENDS_REF = /^([a-z0-9][a-z0-9-]*)@(\d+|\d+\.\d+\.\d+)$/;

/** The rubric a result was judged by, or RubricError with every problem. */
export function rubricOrThrow(r: LoadResult): Rubric {
  if (r.rubric && r.problems.length === 0) return r.rubric;
  throw new RubricError(r.problems);
}

export function loadRubricFile(file: string, opts: LoadOptions = {}): LoadResult {
  let text: string;
  try {
    const { files } = platform();
    const size = files.stat(file).size;
    if (size > MAX_YAML_BYTES) return fail(file, 'rubric.yaml.too_large', { max_kb: MAX_YAML_BYTES / 1024 });
    text = files.readText(file);
  } catch (err) {
    const code = (err as { code?: string }).code === 'ENOENT' ? 'rubric.file_not_found' : 'rubric.file_unreadable';
    return fail(file, code, { file, detail: String((err as Error).message) });
  }
  return loadRubricText(text, file, opts);
}

const fail = (file: string, code: string, args: Finding['args']): LoadResult =>
  ({ rubric: null, problems: [{ file, line: 0, col: 0, message: { code, args } }] });

// Top level validated here; criteria one by one (a child's override is validated merged with its parent).
const topSchema = rubricSchema.extend({
  criteria: z.array(z.unknown()).default([]),
  district_criteria: z.array(z.unknown()).optional(),
});
type Top = z.output<typeof topSchema>;

const CHECK_KEYS = new Set(['check', 'applies_if', 'share']);

/** Validate `value` (at `base` in the file) with `schema`; checks are validated by their own kind. */
function validate<S extends z.ZodType>(schema: S, value: unknown, base: Path): { data?: z.output<S>; findings: PathFinding[] } {
  const r = schema.safeParse(value);
  if (r.success) return { data: r.data, findings: [] };
  return {
    findings: translateIssues(r.error.issues, {
      value, schema, base,
      onUnion: (path, here) => (CHECK_KEYS.has(String(path[path.length - 1])) && here !== undefined
        ? validateCheck(here).map((f) => ({ ...f, path: [...path, ...f.path] }))
        : undefined),
    }),
  };
}

/**
 * A child's criterion over its parent's: objects merge key by key, lists and values are replaced.
 * A check of another kind replaces the parent's check (merging `require` into `metric/op/value` means nothing).
 */
export function mergeOverride(base: unknown, over: unknown, key?: string): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  if (key && CHECK_KEYS.has(key)) {
    const kb = kindOf(base as Check);
    const ko = kindOf(over as Check);
    if (ko && ko !== kb) return over;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = Object.hasOwn(base, k) ? mergeOverride(base[k], v, k) : v;
  return out;
}

/** JSON with keys sorted at every level: the same rubric always hashes the same. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (!isPlainObject(val)) return val;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(val).sort()) out[k] = val[k];
    return out;
  });
}

export function rubricSha256(r: Omit<Rubric, 'sha256' | 'file'> & Partial<Pick<Rubric, 'sha256' | 'file'>>): string {
  const { sha256: _s, file: _f, ...rest } = r;
  return platform().sha256Hex(canonicalJson(rest));
}

const isRealDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return true; // the format problem is reported by the schema
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
};

export function loadRubricText(text: string, file: string, opts: LoadOptions = {}): LoadResult {
  const src = parseYamlSource(text, file);
  if (src.fatal) return { rubric: null, problems: sortProblems(src.problems) };
  const r = new RubricLoader(src, opts).run();
  return src.problems.length === 0 ? r : { rubric: null, problems: sortProblems([...src.problems, ...r.problems]) };
}

class RubricLoader {
  /** Problems in this file, by path (turned into positions at the end). */
  private findings: PathFinding[] = [];
  /** Problems in other files (a parent that does not load). */
  private problems: RubricProblem[] = [];
  private parent: Rubric | null = null;
  /** `extends` is written but its parent could not be loaded: overrides cannot be told from new criteria. */
  private parentUnknown = false;

  constructor(private readonly src: YamlSource, private readonly opts: LoadOptions) {}

  private add(path: Path, message: Finding, key = false): void {
    this.findings.push({ path: [...path], message, key });
  }

  private addAll(findings: PathFinding[]): void {
    this.findings.push(...findings);
  }

  /** Every problem, in file order; a kind's own English refinement gives way to the lint's sentence. */
  private allProblems(): RubricProblem[] {
    const plain = this.findings.filter((f) => !f.custom && !f.fallback);
    const under = (f: PathFinding, g: PathFinding) => f.path.every((seg, i) => g.path[i] === seg);
    const same = (f: PathFinding, g: PathFinding) => f.path.length === g.path.length && under(f, g);
    const kept = this.findings.filter((f) =>
      (!f.custom || !this.findings.some((g) => !g.custom && under(f, g)))
      && (!f.fallback || !plain.some((g) => same(f, g))));
    const inFile = kept.map((f) => problemAt(this.src, f.path, f.message, { key: f.key }));
    return sortProblems(dedupe([...inFile, ...this.problems]));
  }

  run(): LoadResult {
    const raw = this.src.value;
    if (raw === undefined || raw === null) {
      this.add([], { code: 'rubric.empty_file' });
      return this.result(null);
    }
    if (!isPlainObject(raw)) {
      this.add([], { code: 'rubric.not_a_mapping' });
      return this.result(null);
    }

    this.resolveParent(raw);
    const top = validate(topSchema, raw, []);
    this.addAll(top.findings);

    const criteria = this.mergeList(raw, 'criteria', criterionSchema, this.parent?.criteria ?? []);
    const district = this.mergeList(raw, 'district_criteria', districtCriterionSchema, this.parent?.district_criteria ?? []);
    const scoring = this.scoring(raw);

    this.semantics(raw, criteria, district);

    if (this.findings.length > 0 || this.problems.length > 0 || !top.data || !criteria.ok || !district.ok || !scoring) return this.result(null);
    return this.result(this.build(top.data, criteria.list, district.list, scoring));
  }

  private result(rubric: Rubric | null): LoadResult {
    const problems = this.allProblems();
    return { rubric: problems.length > 0 ? null : rubric, problems };
  }

  private resolveParent(raw: Record<string, unknown>): void {
    const ext = raw.extends;
    if (ext === undefined) return;
    this.parentUnknown = true;
    if (typeof ext !== 'string') return; // the schema says it must be text
    if (!EXTENDS_REF.test(ext)) {
      const id = ext.split('@')[0]!;
      this.add(['extends'], { code: 'rubric.extends_format', args: { value: ext, example: `${id}@1` } });
      return;
    }
    if (!this.opts.resolveParent) {
      this.add(['extends'], { code: 'rubric.extends_unknown', args: { ref: ext, available: [] } });
      return;
    }
    const r = this.opts.resolveParent(ext, [...(this.opts.chain ?? []), this.src.file]);
    if ('rubric' in r) {
      this.parent = r.rubric;
      this.parentUnknown = false;
    } else {
      this.add(['extends'], r.error);
      this.problems.push(...(r.problems ?? []));
    }
  }

  /**
   * A list of criteria (or district criteria): the parent's in order, overridden in place by the
   * child's with the same id, then the child's new ones. Each is validated where it is written.
   */
  private mergeList<S extends typeof criterionSchema | typeof districtCriterionSchema>(
    raw: Record<string, unknown>, key: 'criteria' | 'district_criteria', schema: S, inherited: z.output<S>[],
  ): { ok: boolean; list: z.output<S>[] } {
    const items = raw[key];
    const list = [...inherited];
    let ok = true;
    if (!Array.isArray(items)) return { ok: items === undefined, list };
    items.forEach((item, i) => {
      const base: PathSeg[] = [key, i];
      if (!isPlainObject(item)) { ok = false; return; } // the top-level schema reports it
      const id = typeof item.id === 'string' ? item.id : undefined;
      const at = id === undefined ? -1 : list.findIndex((c, j) => c.id === id && j < inherited.length);
      if (at >= 0) {
        const merged = mergeOverride(list[at], item);
        const r = validate(schema, merged, base);
        this.addAll(r.findings);
        if (r.data) list[at] = r.data as z.output<S>; else ok = false;
        return;
      }
      // `extends` did not resolve: any item may be an override of a parent criterion, so only what is
      // wrong in itself is said (no "clause is missing").
      const s = this.parentUnknown && key === 'criteria' ? criterionOverrideSchema : schema;
      const r = validate(s, item, base);
      this.addAll(r.findings);
      if (r.data && s === schema) list.push(r.data as z.output<S>); else ok = false;
    });
    return { ok, list };
  }

  private scoring(raw: Record<string, unknown>): Scoring | null {
    const own = raw.scoring;
    if (own !== undefined && !isPlainObject(own)) return null;
    const merged = this.parent ? mergeOverride(this.parent.scoring, own ?? {}) : own ?? {};
    const r = scoringSchema.safeParse(merged);
    return r.success ? r.data : null; // problems in the child's own scoring come from the top-level schema
  }

  private semantics(
    raw: Record<string, unknown>,
    criteria: { list: Criterion[] },
    district: { list: DistrictCriterion[] },
  ): void {
    const expect = this.opts.expect;
    if (expect) {
      if (typeof raw.id === 'string' && raw.id !== expect.id) this.add(['id'], { code: 'rubric.id_mismatch', args: { id: raw.id, expected: expect.id } });
      if (typeof raw.version === 'string' && raw.version !== expect.version) this.add(['version'], { code: 'rubric.version_mismatch', args: { version: raw.version, expected: expect.version } });
    }

    this.realDates(raw);
    this.duplicates(raw, 'sources', 'rubric.duplicate_source');
    this.duplicates(raw, 'deadlines', 'rubric.duplicate_deadline');
    this.duplicates(raw, 'criteria', 'rubric.duplicate_criterion');
    this.duplicates(raw, 'district_criteria', 'rubric.duplicate_criterion');
    this.appliesTo(raw);

    const sourceIds = new Set([...(this.parent?.sources ?? []).map((s) => s.id), ...listOf(raw.sources).map((s) => s.id).filter(isString)]);
    const summarySources = new Set([
      ...(this.parent?.sources ?? []).filter((s) => s.text === 'summary').map((s) => s.id),
      ...listOf(raw.sources).filter((s) => s.text === 'summary').map((s) => s.id).filter(isString),
    ]);
    const removeList: unknown[] = Array.isArray(raw.remove) ? raw.remove : [];
    const removed = new Set(removeList.filter(isString));

    // Each criterion written in this file: checks, weight, source, graded bands.
    const lintItems = (key: 'criteria' | 'district_criteria', inherited: (Criterion | DistrictCriterion)[], merged: (Criterion | DistrictCriterion)[]) => {
      const inheritedIds = new Set(inherited.map((c) => c.id));
      listOf(raw[key]).forEach((item, i) => {
        const base: PathSeg[] = [key, i];
        const id = typeof item.id === 'string' ? item.id : undefined;
        // An override is judged merged with its parent criterion; a new criterion as written.
        const view = (id !== undefined && inheritedIds.has(id) ? merged.find((c) => c.id === id) ?? item : item) as Record<string, unknown>;
        for (const k of ['check', 'applies_if', 'share']) {
          if (view[k] !== undefined) this.addAll(lintCheckSemantics(view[k]).map((f) => ({ ...f, path: [...base, k, ...f.path] })));
        }
        if (typeof view.weight === 'number' && view.weight <= 0) this.add([...base, 'weight'], { code: 'rubric.weight_not_positive', args: { weight: view.weight } });
        if (typeof view.source === 'string' && !sourceIds.has(view.source)) {
          this.add([...base, 'source'], { code: 'rubric.unknown_source', args: { source: view.source, hint: didYouMean(view.source, sourceIds) } });
        }
        if (key === 'criteria' && view.check !== undefined) {
          const w = typeof view.weight === 'number' ? view.weight : 1;
          this.addAll(gradedProblems(view.check, w).map((f) => ({ ...f, path: [...base, 'check', ...f.path] })));
        }
        if (id !== undefined && removed.has(id)) this.add([...base, 'id'], { code: 'rubric.removed_and_defined', args: { id } });
        this.addAll(bindingProblems(view, base, { strict: this.opts.strictBinding ?? false, district: key === 'district_criteria' }));
        // A source known only as a summary is never quoted; a summary is only of such a source.
        const fromSummary = typeof view.source === 'string' && summarySources.has(view.source);
        if (fromSummary && typeof view.quote === 'string' && view.summary === undefined) {
          this.add([...base, 'quote'], { code: 'rubric.summary_source_quoted', args: { source: view.source as string } }, true);
        }
        if (typeof view.summary === 'string' && !fromSummary) {
          this.add([...base, 'summary'], { code: 'rubric.summary_without_summary_source', args: { source: typeof view.source === 'string' ? view.source : '' } }, true);
        }
      });
    };
    lintItems('criteria', this.parent?.criteria ?? [], criteria.list);
    lintItems('district_criteria', this.parent?.district_criteria ?? [], district.list);

    // remove: only with extends, only ids the parent has.
    if (removeList.length > 0 && raw.extends === undefined) this.add(['remove'], { code: 'rubric.remove_without_extends' });
    else if (this.parent) {
      const parentIds = new Set([...this.parent.criteria, ...this.parent.district_criteria].map((c) => c.id));
      removeList.forEach((id, i) => {
        if (typeof id === 'string' && !parentIds.has(id)) this.add(['remove', i], { code: 'rubric.remove_unknown', args: { id, parent: `${this.parent!.id}@${this.parent!.version}`, hint: didYouMean(id, parentIds) } });
      });
    }

    // The criteria the rubric ends with, as written (one with a mistake still counts as named).
    const writtenIds = listOf(raw.criteria).map((c) => c.id).filter(isString);
    const finalIds = new Set([...(this.parent?.criteria ?? []).map((c) => c.id), ...writtenIds].filter((id) => !removed.has(id)));

    // Scoring (as merged, read leniently: a typo elsewhere in it must not hide these): bands highest
    // first, groups that match something.
    const sc = this.parent ? mergeOverride(this.parent.scoring, raw.scoring ?? {}) : raw.scoring;
    if (isPlainObject(sc)) {
      const bands = listOf(sc.bands);
      bands.forEach((b, i) => {
        const prev = bands[i - 1];
        if (prev && typeof b.min === 'number' && typeof prev.min === 'number' && b.min >= prev.min) {
          this.add(['scoring', 'bands', i, 'min'], { code: 'rubric.score_bands_not_descending', args: { id: String(b.id), min: b.min, prev_id: String(prev.id), prev_min: prev.min } });
        }
      });
      this.duplicateIds(bands.map((b) => (isString(b.id) ? b.id : undefined)), ['scoring', 'bands'], 'rubric.duplicate_band');
      const groups = listOf(sc.groups);
      groups.forEach((g, i) => {
        const prefix = g.criteria_prefix;
        if (isString(prefix) && ![...finalIds].some((id) => id.startsWith(prefix))) {
          this.add(['scoring', 'groups', i, 'criteria_prefix'], { code: 'rubric.group_matches_nothing', args: { id: String(g.id), prefix } });
        }
      });
      this.duplicateIds(groups.map((g) => (isString(g.id) ? g.id : undefined)), ['scoring', 'groups'], 'rubric.duplicate_group');
      if (sc.band_from === 'weakest_group' && groups.length === 0) this.add(['scoring', 'band_from'], { code: 'rubric.band_from_without_groups' });
      if (sc.band_from !== undefined && bands.length === 0) this.add(['scoring', 'band_from'], { code: 'rubric.band_from_without_bands' });
    }

    // Examples name criteria that exist.
    listOf(raw.examples).forEach((ex, i) => {
      if (!isPlainObject(ex.expect)) return;
      for (const id of Object.keys(ex.expect)) {
        if (!finalIds.has(id)) this.add(['examples', i, 'expect', id], { code: 'rubric.example_unknown_criterion', args: { id, example: typeof ex.name === 'string' ? ex.name : String(i + 1), hint: didYouMean(id, finalIds) } }, true);
      }
    });
  }

  private realDates(raw: Record<string, unknown>): void {
    const check = (path: PathSeg[]) => {
      const v = valueAt(raw, path);
      if (typeof v === 'string' && !isRealDate(v)) this.add(path, { code: 'rubric.not_a_real_date', args: { value: v } });
    };
    check(['document', 'date']);
    listOf(raw.sources).forEach((_, i) => check(['sources', i, 'date']));
    listOf(raw.deadlines).forEach((_, i) => check(['deadlines', i, 'date']));
    listOf(raw.examples).forEach((_, i) => check(['examples', i, 'as_of']));
  }

  private appliesTo(raw: Record<string, unknown>): void {
    const years = valueAt(raw, ['applies_to', 'school_years']);
    if (isPlainObject(years)) {
      for (const k of ['from', 'to']) {
        const v = years[k];
        const m = typeof v === 'string' ? /^(\d{4})-(\d{4})$/.exec(v) : null;
        if (m && +m[2]! !== +m[1]! + 1) this.add(['applies_to', 'school_years', k], { code: 'rubric.school_year_not_consecutive', args: { value: v as string } });
      }
      if (typeof years.from === 'string' && typeof years.to === 'string' && years.from > years.to) {
        this.add(['applies_to', 'school_years', 'to'], { code: 'rubric.school_years_reversed', args: { from: years.from, to: years.to } });
      }
    }
    const at = raw.applies_to;
    if (isPlainObject(at) && Array.isArray(at.provinces)) {
      at.provinces.forEach((p, i) => {
        if (typeof p === 'string' && canonicalProvince(p) === null) {
          this.add(['applies_to', 'provinces', i], { code: 'rubric.unknown_province', args: { value: p, hint: didYouMean(p, PROVINCE_NAMES) } });
        }
      });
    }
    if (isPlainObject(at) && Array.isArray(at.districts) && at.districts.length > 0 && !(Array.isArray(at.provinces) && at.provinces.length > 0)
      && !(this.parent?.applies_to.provinces?.length)) {
      this.add(['applies_to', 'districts'], { code: 'rubric.districts_without_province' });
    }
  }

  /** Items of a list with the same `id`: the second and later ones are reported, pointing at the first. */
  private duplicates(raw: Record<string, unknown>, key: string, code: string): void {
    const list = raw[key];
    if (!Array.isArray(list)) return;
    this.duplicateIds(list.map((it) => (isPlainObject(it) && typeof it.id === 'string' ? it.id : undefined)), [key], code);
  }

  private duplicateIds(ids: (string | undefined)[], base: PathSeg[], code: string): void {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (id === undefined) return;
      const j = first.get(id);
      if (j === undefined) { first.set(id, i); return; }
      const { line } = this.src.at([...base, j, 'id']);
      this.add([...base, i, 'id'], { code, args: { id, first_line: line } });
    });
  }

  private build(top: Top, criteria: Criterion[], district: DistrictCriterion[], scoring: Scoring): Rubric {
    const removed = new Set(top.remove ?? []);
    const p = this.parent;
    const sources = [...(p?.sources ?? [])];
    for (const s of top.sources ?? []) {
      const i = sources.findIndex((o) => o.id === s.id);
      if (i >= 0) sources[i] = s; else sources.push(s);
    }
    // Each applies_to key the child gives replaces the parent's whole: a child's school_years is its own
    // range, never a merge of two ranges.
    const appliesTo = { ...(p?.applies_to ?? {}), ...(top.applies_to ?? {}) } as Rubric['applies_to'];
    const body: Omit<Rubric, 'sha256' | 'file'> = {
      id: top.id,
      version: top.version,
      title: top.title,
      issuer: top.issuer,
      document: top.document,
      ...(top.note ? { note: top.note } : {}),
      sources,
      applies_to: appliesTo,
      deadlines: top.deadlines ?? [],
      scoring,
      criteria: criteria.filter((c) => !removed.has(c.id)),
      district_criteria: district.filter((c) => !removed.has(c.id)),
      examples: top.examples ?? [],
      parents: p ? [`${p.id}@${p.version}`, ...p.parents] : [],
    };
    return { ...body, sha256: rubricSha256(body), file: this.src.file };
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';

function listOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((x) => (isPlainObject(x) ? x : {})) : [];
}

/** The same sentence at the same place once (a merged override can surface one mistake twice). */
function dedupe(problems: RubricProblem[]): RubricProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}:${p.line}:${p.col}:${canonicalJson(p.message)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
