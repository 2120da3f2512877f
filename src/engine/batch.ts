// A batch of schools (`audit batch`): the compact entry of each file → ranking, criteria pass rates,
// district criteria, flags and totals (`audit-batch/v1`). Pure: workers build the entries, the CLI
// writes the files. The same `combineBatch` serves one run and a merge of shard summaries, so merging
// the shards of a run gives the summary that the run would have given, byte for byte.
import '../messages/batch.js';
import { UsageError } from '../errors.js';
import type { Level } from '../inventory/fields.js';
import type { SchoolIdentity } from '../inventory/types.js';
import type { CheckStatus, CriterionStatus, Severity } from './types.js';

export const BATCH_SCHEMA = 'audit-batch/v1';

// ---------- the summary (audit-batch/v1) ----------

/** A rubric used in the batch, described once: a diff can then tell a rubric change from a data change. */
export interface BatchRubric {
  id: string;
  version: string;
  /** In the summary's `lang`. */
  title: string;
  sha256: string;
  issuer: string;
  document: { number: string; date: string };
  scale: 'percent' | 'points';
  bands: { id: string; min: number; label: string }[];
  criteria: { id: string; clause: string; title: string; rule: string; severity: Severity; weight: number }[];
  district_criteria: { id: string; clause: string; title: string; levels: Level[] | null; rule: string; min: number }[];
}

/** One criterion of one school, as the batch keeps it. */
export interface BatchCriterionOutcome {
  id: string;
  status: CriterionStatus;
  points: number | null;
  /** The observed value in words (summary `lang`); never a person's name. */
  actual: string | null;
}

/** A school counted by a district criterion, and whether its check passed (schools not counted are left out). */
export interface BatchDistrictOutcome { id: string; status: CheckStatus }

/** Where a school lies outside the scope of the rubric that judged it (possible with `--rubric`). */
export type ScopeMismatch = 'province' | 'district' | 'years';

/** A school's entry: who it is (SchoolIdentity, written first in the JSON), then how it did. */
export interface BatchSchoolEntry extends SchoolIdentity {
  /** The input path, relative to the working directory, with '/' separators. */
  file: string;
  rubric: { id: string; version: string };
  as_of: string;
  source_sha256: string;
  score: number | null;
  status: 'pass' | 'fail';
  /** The band's id (labels are in `rubrics[].bands`). */
  band: string | null;
  /** Rank among the schools judged by the same rubric; null without a score. Set by combineBatch. */
  rank: number | null;
  summary: { pass: number; fail: number; missing: number; not_applicable: number; waived: number };
  /** Criteria in rubric order. */
  criteria: BatchCriterionOutcome[];
  /** District criteria of the rubric that count this school, in rubric order. */
  district_criteria: BatchDistrictOutcome[];
  data_issues: { errors: number; warnings: number };
  outside: ScopeMismatch[];
}

/** A file that could not be audited: unreadable, or no rubric applies (exit 3). */
export interface BatchErrorEntry {
  file: string;
  error: { code: string; message: string };
}

export type BatchEntry = BatchSchoolEntry | BatchErrorEntry;

export const isSchoolEntry = (e: BatchEntry): e is BatchSchoolEntry => !('error' in e);

/** `id@version`: how the summary refers to a rubric. */
export type RubricRef = string;
export const rubricRef = (r: { id: string; version: string }): RubricRef => `${r.id}@${r.version}`;

export interface BatchRankRow {
  rank: number | null;
  file: string;
  code: string | null;
  name: string | null;
  score: number | null;
  status: 'pass' | 'fail';
  band: string | null;
}

export interface BatchRanking { rubric: RubricRef; schools: BatchRankRow[] }

/** Pass rate of one criterion over the schools judged by its rubric: pass / (pass + fail + missing). */
export interface BatchCriterionRate {
  rubric: RubricRef;
  id: string;
  pass: number;
  fail: number;
  missing: number;
  not_applicable: number;
  waived: number;
  applicable: number;
  rate: number | null;
}

export interface BatchDistrictResult {
  rubric: RubricRef;
  id: string;
  numerator: number;
  /** Counted schools that declared the fact (pass or fail); undeclared ones are listed in `missing`. */
  denominator: number;
  /** Counted schools that left the fact undeclared: out of the share, named so the district can ask them. */
  missing: { file: string; code: string | null; name: string | null }[];
  /** numerator / denominator; null when no school counts. */
  share: number | null;
  min: number;
  /** pass when share ≥ min; missing when no school of the batch counts. */
  status: 'pass' | 'fail' | 'missing';
}

export type BatchFlag =
  | { code: 'duplicate_code'; school_code: string; files: string[] }
  | { code: 'outside_province' | 'outside_district' | 'outside_years'; file: string; school_code: string | null; value: string | null; rubric: RubricRef }
  | { code: 'waiver_unknown_school'; school_code: string; criterion: string };

/** The options of the run that change the result: shards can be merged only when they agree. */
export interface BatchRun {
  /** `--rubric` as given, or null (chosen per school). */
  rubric: string | null;
  as_of: string | null;
  fail_under: number | null;
  /** The waivers' schools and criteria (not their reasons), to flag waivers naming a school not in the batch. */
  waivers: { school: string; criterion: string }[] | null;
}

export interface BatchTotals {
  files: number;
  schools: number;
  /** Files that could not be audited (unreadable or no rubric). */
  errors: number;
  pass: number;
  fail: number;
  /** Schools whose score is below --fail-under (or has no score), when it is given. */
  below_fail_under: number;
  district_criteria: { pass: number; fail: number; missing: number };
  flags: number;
}

export interface BatchSummary {
  schema: typeof BATCH_SCHEMA;
  tool: { name: string; version: string };
  lang: 'vi' | 'en';
  /** Only when SOURCE_DATE_EPOCH is set. */
  generated_at?: string;
  run: BatchRun;
  /** This summary covers only the i-th of n shares of `files` sorted files; null for a whole (or merged) run. */
  shard: { index: number; count: number; files: number } | null;
  totals: BatchTotals;
  rubrics: BatchRubric[];
  /** One per file, sorted by file. */
  entries: BatchEntry[];
  ranking: BatchRanking[];
  criteria: BatchCriterionRate[];
  district_criteria: BatchDistrictResult[];
  flags: BatchFlag[];
}

export interface BatchInput {
  tool: BatchSummary['tool'];
  lang: BatchSummary['lang'];
  generated_at?: string;
  run: BatchRun;
  shard: BatchSummary['shard'];
  rubrics: BatchRubric[];
  entries: BatchEntry[];
}

// ---------- combining ----------
//
// A batch is combined incrementally: BatchAccumulator takes one entry at a time and keeps only what the
// summary needs (a short row per school for the ranking, counters for pass rates and district criteria,
// school codes for the duplicate check, the few error entries). The entries themselves can go to disk as
// they come and be streamed back into summary.json, so memory does not grow with the batch.

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const viCollator = new Intl.Collator('vi');

/** Nulls last; otherwise by `cmp`. */
const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);

type RankKey = Pick<BatchRankRow, 'score' | 'code' | 'name' | 'file'>;

/** Ranking order: score (highest first, none last), then school code, then name (Vietnamese collation), then file. */
export function compareForRanking(a: RankKey, b: RankKey): number {
  return nullsLast(a.score, b.score, (x, y) => y - x)
    || nullsLast(a.code, b.code, byText)
    || nullsLast(a.name, b.name, (x, y) => viCollator.compare(x, y))
    || byText(a.file, b.file);
}

/** Competition ranking over sorted rows: equal scores share a rank (1, 2, 2, 4); no score, no rank. */
function assignRanks(sorted: { score: number | null; rank: number | null }[]): void {
  let prevScore: number | null = null;
  let prevRank = 0;
  sorted.forEach((e, i) => {
    if (e.score === null) {
      e.rank = null;
      return;
    }
    if (i === 0 || e.score !== prevScore) prevRank = i + 1;
    prevScore = e.score;
    e.rank = prevRank;
  });
}

const cmpRubric = (a: { id: string; version: string }, b: { id: string; version: string }): number =>
  byText(a.id, b.id) || compareSemver(a.version, b.version);

function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return byText(a, b);
}

/** A ranking row as the renderers use it: the JSON row, plus what a table shows beside it. */
export interface BatchDigestRow extends BatchRankRow {
  district: string | null;
  levels: Level[];
  /** Required criteria the school fails or lacks data for, in rubric order. */
  failing_required: string[];
}

/**
 * Everything of the summary but its entries, plus what the renderers need from the entries: the
 * ranking rows with district, levels and failing required criteria, the files not scored, and the
 * criterion counts of all schools (for junit.xml's totals).
 */
export interface BatchDigest extends Omit<BatchSummary, 'entries' | 'ranking'> {
  ranking: { rubric: RubricRef; schools: BatchDigestRow[] }[];
  errors: BatchErrorEntry[];
  criterion_counts: { tests: number; pass: number; fail: number; missing: number; not_applicable: number; waived: number };
}

type Counts = { pass: number; fail: number; missing: number; not_applicable: number; waived: number };
const zeroCounts = (): Counts => ({ pass: 0, fail: 0, missing: 0, not_applicable: 0, waived: 0 });

/** Per rubric (id@version): its schools' rows and counters. */
interface RubricGroup {
  rows: (BatchDigestRow & { notPassing: string[] })[];
  criteria: Map<string, Counts>;
  district: Map<string, { numerator: number; denominator: number; missing: BatchDistrictResult['missing'] }>;
}

export class BatchAccumulator {
  private readonly files = new Set<string>();
  private readonly groups = new Map<RubricRef, RubricGroup>();
  private readonly errors: BatchErrorEntry[] = [];
  private readonly codes = new Map<string, string[]>();
  private readonly outside: Extract<BatchFlag, { code: `outside_${string}` }>[] = [];
  private readonly counts = { tests: 0, ...zeroCounts() };
  private readonly scores: { score: number | null }[] = [];
  private rankByFile: Map<string, number | null> | null = null;

  /** Take one entry (any order). Throws UsageError for a file seen twice. */
  add(e: BatchEntry): void {
    if (this.files.has(e.file)) throw new UsageError({ code: 'batch.duplicate_file', args: { file: e.file } });
    this.files.add(e.file);
    if (!isSchoolEntry(e)) {
      this.errors.push({ file: e.file, error: { code: e.error.code, message: e.error.message } });
      return;
    }
    const ref = rubricRef(e.rubric);
    let g = this.groups.get(ref);
    if (!g) this.groups.set(ref, (g = { rows: [], criteria: new Map(), district: new Map() }));
    g.rows.push({
      rank: null, file: e.file, code: e.code, name: e.name, score: e.score, status: e.status, band: e.band,
      district: e.district, levels: e.levels,
      failing_required: [],
      notPassing: e.criteria.filter((c) => c.status === 'fail' || c.status === 'missing').map((c) => c.id),
    });
    for (const c of e.criteria) {
      let n = g.criteria.get(c.id);
      if (!n) g.criteria.set(c.id, (n = zeroCounts()));
      n[c.status] += 1;
      this.counts[c.status] += 1;
    }
    this.counts.tests += e.criteria.length;
    for (const d of e.district_criteria) {
      let n = g.district.get(d.id);
      if (!n) g.district.set(d.id, (n = { numerator: 0, denominator: 0, missing: [] }));
      // Undeclared is not "no": out of the share, and named (engine/district.ts).
      if (d.status === 'missing') { n.missing.push({ file: e.file, code: e.code, name: e.name }); continue; }
      n.denominator += 1;
      if (d.status === 'pass') n.numerator += 1;
    }
    if (e.code !== null) {
      const files = this.codes.get(e.code);
      if (files) files.push(e.file);
      else this.codes.set(e.code, [e.file]);
    }
    const value: Record<ScopeMismatch, string | null> = { province: e.province, district: e.district, years: e.school_year };
    for (const m of (['province', 'district', 'years'] as const).filter((x) => e.outside.includes(x))) {
      this.outside.push({ code: `outside_${m}`, file: e.file, school_code: e.code, value: value[m], rubric: ref });
    }
  }

  /** The summary without its entries. After it, rankOf() gives each school's rank. */
  finish(input: Omit<BatchInput, 'entries'>): BatchDigest {
    const rubricByRef = new Map<RubricRef, BatchRubric>();
    for (const r of input.rubrics) {
      const ref = rubricRef(r);
      const known = rubricByRef.get(ref);
      if (known && known.sha256 !== r.sha256) throw new UsageError({ code: 'batch.rubric_conflict', args: { rubric: ref } });
      rubricByRef.set(ref, r);
    }
    for (const ref of this.groups.keys()) if (!rubricByRef.has(ref)) throw new Error(`batch: rubric ${ref} used by an entry but not described`);
    // Only the rubrics some school used, in id/version order.
    const rubrics = [...rubricByRef.values()].filter((r) => this.groups.has(rubricRef(r))).sort(cmpRubric);

    const ranking: BatchDigest['ranking'] = [];
    const criteria: BatchCriterionRate[] = [];
    const district: BatchDistrictResult[] = [];
    this.rankByFile = new Map();
    for (const rubric of rubrics) {
      const ref = rubricRef(rubric);
      const g = this.groups.get(ref)!;
      const required = new Set(rubric.criteria.filter((c) => c.severity === 'required').map((c) => c.id));
      const order = new Map(rubric.criteria.map((c, i) => [c.id, i]));
      const rows = [...g.rows].sort(compareForRanking);
      assignRanks(rows);
      ranking.push({
        rubric: ref,
        schools: rows.map(({ notPassing, ...row }) => ({
          ...row,
          failing_required: notPassing.filter((id) => required.has(id)).sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)),
        })),
      });
      for (const r of rows) this.rankByFile.set(r.file, r.rank);
      for (const c of rubric.criteria) {
        const n = g.criteria.get(c.id) ?? zeroCounts();
        const applicable = n.pass + n.fail + n.missing;
        criteria.push({ rubric: ref, id: c.id, ...n, applicable, rate: applicable === 0 ? null : n.pass / applicable });
      }
      // District criteria over the schools of their rubric: each counted school's outcome came from its
      // worker (engine/district.ts districtSchoolOutcome); a school that left the fact undeclared is out of
      // the share and listed.
      for (const dc of rubric.district_criteria) {
        const { numerator, denominator, missing } = g.district.get(dc.id) ?? { numerator: 0, denominator: 0, missing: [] };
        const share = denominator === 0 ? null : numerator / denominator;
        const status = share === null ? 'missing' : share >= dc.min ? 'pass' : 'fail';
        district.push({ rubric: ref, id: dc.id, numerator, denominator, missing: [...missing].sort((a, b) => byText(a.file, b.file)), share, min: dc.min, status });
      }
    }

    const flags = this.flags(input.run);
    const rows = ranking.flatMap((r) => r.schools);
    const failUnder = input.run.fail_under;
    const count = <T>(xs: T[], p: (x: T) => boolean): number => xs.reduce((n, x) => n + (p(x) ? 1 : 0), 0);
    const totals: BatchTotals = {
      files: this.files.size,
      schools: rows.length,
      errors: this.errors.length,
      pass: count(rows, (s) => s.status === 'pass'),
      fail: count(rows, (s) => s.status === 'fail'),
      below_fail_under: count(rows, (s) => failUnder !== null && (s.score === null || s.score < failUnder)),
      district_criteria: {
        pass: count(district, (d) => d.status === 'pass'),
        fail: count(district, (d) => d.status === 'fail'),
        missing: count(district, (d) => d.status === 'missing'),
      },
      flags: flags.length,
    };

    return {
      schema: BATCH_SCHEMA,
      tool: { name: input.tool.name, version: input.tool.version },
      lang: input.lang,
      ...(input.generated_at !== undefined ? { generated_at: input.generated_at } : {}),
      run: {
        rubric: input.run.rubric,
        as_of: input.run.as_of,
        fail_under: input.run.fail_under,
        waivers: input.run.waivers === null ? null : sortWaivers(input.run.waivers),
      },
      shard: input.shard,
      totals,
      rubrics,
      ranking,
      criteria,
      district_criteria: district,
      flags,
      errors: [...this.errors].sort((a, b) => byText(a.file, b.file)),
      criterion_counts: { ...this.counts },
    };
  }

  /** A school's rank (null without a score), once finish() has run. */
  rankOf(file: string): number | null {
    if (!this.rankByFile) throw new Error('batch: rankOf before finish');
    return this.rankByFile.get(file) ?? null;
  }

  /** Duplicate school codes, schools outside their rubric's scope, waivers naming a school not in the batch. */
  private flags(run: BatchRun): BatchFlag[] {
    const flags: BatchFlag[] = [];
    for (const [code, files] of [...this.codes].sort((a, b) => byText(a[0], b[0]))) {
      if (files.length > 1) flags.push({ code: 'duplicate_code', school_code: code, files: [...files].sort(byText) });
    }
    const kinds = ['outside_province', 'outside_district', 'outside_years'];
    flags.push(...[...this.outside].sort((a, b) => byText(a.file, b.file) || kinds.indexOf(a.code) - kinds.indexOf(b.code)));
    if (run.waivers) {
      for (const w of sortWaivers(run.waivers)) {
        if (w.school !== '*' && !this.codes.has(w.school)) flags.push({ code: 'waiver_unknown_school', school_code: w.school, criterion: w.criterion });
      }
    }
    return flags;
  }
}

/** The JSON ranking rows of a digest (without the renderers' extra columns). */
export const jsonRanking = (d: Pick<BatchDigest, 'ranking'>): BatchRanking[] =>
  d.ranking.map((g) => ({
    rubric: g.rubric,
    schools: g.schools.map((r) => ({ rank: r.rank, file: r.file, code: r.code, name: r.name, score: r.score, status: r.status, band: r.band })),
  }));

/** A digest and its entries → the summary object, keys in the order summary.json writes them. */
export function summaryOf(d: BatchDigest, entries: BatchEntry[]): BatchSummary {
  return {
    schema: d.schema,
    tool: d.tool,
    lang: d.lang,
    ...(d.generated_at !== undefined ? { generated_at: d.generated_at } : {}),
    run: d.run,
    shard: d.shard,
    totals: d.totals,
    rubrics: d.rubrics,
    entries,
    ranking: jsonRanking(d),
    criteria: d.criteria,
    district_criteria: d.district_criteria,
    flags: d.flags,
  };
}

/**
 * Entries (all in memory) → the digest and the summary. The entries are taken over, not copied: they are
 * sorted by file and their `rank` is set in place.
 */
export function digestBatch(input: BatchInput): { digest: BatchDigest; summary: BatchSummary } {
  const acc = new BatchAccumulator();
  const entries = [...input.entries].sort((a, b) => byText(a.file, b.file));
  for (const e of entries) acc.add(e);
  const { entries: _, ...rest } = input;
  const digest = acc.finish(rest);
  for (const e of entries) if (isSchoolEntry(e)) e.rank = acc.rankOf(e.file);
  return { digest, summary: summaryOf(digest, entries) };
}

/** Entries → the whole summary (see digestBatch). */
export const combineBatch = (input: BatchInput): BatchSummary => digestBatch(input).summary;

const sortWaivers = (ws: BatchRun['waivers'] & object) =>
  ws.map((w) => ({ school: w.school, criterion: w.criterion }))
    .sort((a, b) => byText(a.school, b.school) || byText(a.criterion, b.criterion))
    .filter((w, i, xs) => i === 0 || w.school !== xs[i - 1]!.school || w.criterion !== xs[i - 1]!.criterion);

// ---------- exit code ----------

/** cli.md: 3 when a file could not be audited, else 1 when a school or district criterion fails (or --fail-under), else 0. */
export function batchExitCode(s: Pick<BatchSummary, 'totals'>): 0 | 1 | 3 {
  if (s.totals.errors > 0) return 3;
  if (s.totals.fail > 0 || s.totals.district_criteria.fail > 0 || s.totals.below_fail_under > 0) return 1;
  return 0;
}

// ---------- shards ----------

/** `--shard i/n` → {index, count}; UsageError when malformed or out of range. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError({ code: 'batch.bad_shard', args: { value: text } });
  }
  return { index, count };
}

/** The i-th (1-based) of n contiguous, near-equal shares of a sorted list (sizes differ by at most one). */
export function shardSlice<T>(sorted: readonly T[], index: number, count: number): T[] {
  const start = Math.floor(((index - 1) * sorted.length) / count);
  const end = Math.floor((index * sorted.length) / count);
  return sorted.slice(start, end);
}

const sameRun = (a: BatchRun, b: BatchRun): boolean =>
  a.rubric === b.rubric && a.as_of === b.as_of && a.fail_under === b.fail_under
  && JSON.stringify(a.waivers === null ? null : sortWaivers(a.waivers)) === JSON.stringify(b.waivers === null ? null : sortWaivers(b.waivers));

/**
 * Shard summaries → the summary one run over all files would have written. Every shard 1..n of the same
 * run (same tool, language and options) must be given exactly once; anything else is a UsageError.
 */
export function mergeBatchSummaries(parts: readonly BatchSummary[]): { digest: BatchDigest; summary: BatchSummary } {
  const first = parts[0];
  if (!first) throw new UsageError({ code: 'batch.merge_nothing' });
  for (const p of parts) {
    if (p.shard === null) throw new UsageError({ code: 'batch.merge_not_shard' });
    if (p.shard.count !== first.shard!.count || p.shard.files !== first.shard!.files) throw new UsageError({ code: 'batch.merge_mismatch', args: { what: 'shard' } });
    if (p.tool.name !== first.tool.name || p.tool.version !== first.tool.version) throw new UsageError({ code: 'batch.merge_mismatch', args: { what: 'tool' } });
    if (p.lang !== first.lang) throw new UsageError({ code: 'batch.merge_mismatch', args: { what: 'lang' } });
    if (!sameRun(p.run, first.run)) throw new UsageError({ code: 'batch.merge_mismatch', args: { what: 'options' } });
    if (p.generated_at !== first.generated_at) throw new UsageError({ code: 'batch.merge_mismatch', args: { what: 'generated_at' } });
  }
  const count = first.shard!.count;
  const seen = new Set(parts.map((p) => p.shard!.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0 || parts.length !== count) {
    throw new UsageError({ code: 'batch.merge_incomplete', args: { count, missing: missing.map(String), given: parts.length } });
  }
  const entries = parts.flatMap((p) => p.entries);
  if (entries.length !== first.shard!.files) {
    throw new UsageError({ code: 'batch.merge_mismatch', args: { what: 'files' } });
  }
  return digestBatch({
    tool: first.tool,
    lang: first.lang,
    ...(first.generated_at !== undefined ? { generated_at: first.generated_at } : {}),
    run: first.run,
    shard: null,
    rubrics: parts.flatMap((p) => p.rubrics),
    entries,
  });
}

/** A summary read from JSON: is it one this version can combine? (a shallow check; the rest is trusted) */
export function asBatchSummary(value: unknown, file: string): BatchSummary {
  const v = value as Partial<BatchSummary> | null;
  if (!v || typeof v !== 'object' || v.schema !== BATCH_SCHEMA || !Array.isArray(v.entries) || !Array.isArray(v.rubrics)
    || !v.run || !v.tool || (v.lang !== 'vi' && v.lang !== 'en')) {
    throw new UsageError({ code: 'batch.not_a_summary', args: { file } });
  }
  return v as BatchSummary;
}
