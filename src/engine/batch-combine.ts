// Combining a batch's entries into its summary. BatchAccumulator takes one entry at a time and keeps a
// compact row per school (the criterion statuses as one short string, its shortages and district
// outcomes); finish() decides which copy of a duplicated school counts, then ranks, counts pass rates,
// district criteria, per-district totals and shortages over the counted schools, and finds the flags.
// The entries themselves can go to disk as they come and be streamed back into summary.json. The same
// code serves one run and a merge of shard summaries, so both give the same summary, byte for byte.
import '../messages/batch.js';
import { UsageError } from '../errors.js';
import type { CriterionStatus } from './types.js';
import {
  BATCH_SCHEMA, isErrorEntry, isSchoolEntry, rubricRef,
  type BatchAreaTotal, type BatchCriterionRate, type BatchDigest, type BatchDigestRow, type BatchDistrictOutcome,
  type BatchDistrictResult, type BatchEntry, type BatchErrorEntry, type BatchFlag, type BatchIgnored, type BatchInput,
  type BatchNotAuditedEntry, type BatchRanking, type BatchRubric, type BatchRun, type BatchShortage, type BatchShortageTotal,
  type BatchSummary, type BatchSupersededRow, type BatchTotals, type RubricRef, type ScopeMismatch,
} from './batch-types.js';
import {
  areaFlags, byText, districtKey, identicalFiles, provinceKey, resolveDuplicates, schoolYearFlags, type FlagRow,
} from './batch-flags.js';

const viCollator = new Intl.Collator('vi');

/** Nulls last; otherwise by `cmp`. */
const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);

type RankKey = Pick<BatchDigestRow, 'status' | 'score' | 'code' | 'name' | 'file'>;

/**
 * Ranking order within a rubric: passing schools before failing ones, then score (highest first, none
 * last), then school code, then name (Vietnamese collation), then file.
 */
export function compareForRanking(a: RankKey, b: RankKey): number {
  return (a.status === b.status ? 0 : a.status === 'pass' ? -1 : 1)
    || nullsLast(a.score, b.score, (x, y) => y - x)
    || nullsLast(a.code, b.code, byText)
    || nullsLast(a.name, b.name, (x, y) => viCollator.compare(x, y))
    || byText(a.file, b.file);
}

/** Competition ranking over sorted rows: equal status and score share a rank (1, 2, 2, 4); no score, no rank. */
function assignRanks(sorted: { status: 'pass' | 'fail'; score: number | null; rank: number | null }[]): void {
  let prev: { status: string; score: number } | null = null;
  let prevRank = 0;
  sorted.forEach((e, i) => {
    if (e.score === null) {
      e.rank = null;
      return;
    }
    if (!prev || e.score !== prev.score || e.status !== prev.status) prevRank = i + 1;
    prev = { status: e.status, score: e.score };
    e.rank = prevRank;
  });
}

function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return byText(a, b);
}

const cmpRubric = (a: { id: string; version: string }, b: { id: string; version: string }): number =>
  byText(a.id, b.id) || compareSemver(a.version, b.version);

type Counts = { pass: number; fail: number; missing: number; not_applicable: number; waived: number };
const zeroCounts = (): Counts => ({ pass: 0, fail: 0, missing: 0, not_applicable: 0, waived: 0 });

/** A criterion status as one character, so a school's statuses are one short string. */
const STATUS_CODES: readonly CriterionStatus[] = ['pass', 'fail', 'missing', 'not_applicable', 'waived'];
const statusChar = (s: CriterionStatus): string => String(STATUS_CODES.indexOf(s));

/** Per unit, the criterion that lacks the most (two criteria on lab computers name one need, not two). */
export function schoolShortages(shortages: readonly BatchShortage[]): BatchShortage[] {
  const byUnit = new Map<string, BatchShortage>();
  for (const s of shortages) {
    const known = byUnit.get(s.unit);
    if (!known || s.missing > known.missing) byUnit.set(s.unit, s);
  }
  return [...byUnit.values()].sort(byUnitOrder);
}

/** Units in a fixed reading order: lab computers first, other computers, equipment, labs, teachers. */
const UNIT_ORDER = ['computers.phong_may', 'computers.all', 'computers.quan_ly', 'computers.giao_vien', 'computers.', 'equipment.', 'labs', 'teachers.'];
const unitRank = (u: string): number => {
  const i = UNIT_ORDER.findIndex((p) => u === p || (p.endsWith('.') && u.startsWith(p)));
  return i === -1 ? UNIT_ORDER.length : i;
};
const byUnitOrder = (a: { unit: string }, b: { unit: string }): number => unitRank(a.unit) - unitRank(b.unit) || byText(a.unit, b.unit);

/** Sum the shortages of schools by unit, units in reading order. */
function sumShortages(rows: readonly { shortages: BatchShortage[] }[]): BatchShortageTotal[] {
  const byUnit = new Map<string, BatchShortageTotal>();
  for (const r of rows) {
    for (const s of r.shortages) {
      const t = byUnit.get(s.unit);
      if (t) { t.missing += s.missing; t.schools += 1; } else byUnit.set(s.unit, { unit: s.unit, missing: s.missing, schools: 1 });
    }
  }
  return [...byUnit.values()].sort(byUnitOrder);
}

/** A school's row while the batch is combined. */
interface Row extends BatchDigestRow, FlagRow {
  rubric: RubricRef;
  /** Failing or missing criteria, for failing_required. */
  notPassing: string[];
  criterionIds: readonly string[];
  statuses: string;
  districtOutcomes: BatchDistrictOutcome[];
  supersededBy: string | null;
}

export class BatchAccumulator {
  private readonly files = new Set<string>();
  private readonly rows: Row[] = [];
  private readonly errors: BatchErrorEntry[] = [];
  private readonly notAudited: BatchNotAuditedEntry[] = [];
  private readonly outside: Extract<BatchFlag, { code: `outside_${string}` }>[] = [];
  private readonly counts = { tests: 0, ...zeroCounts() };
  /** One array per distinct list of criterion ids (the same for every school of a rubric). */
  private readonly idLists = new Map<string, readonly string[]>();
  private ranks: Map<string, { rank: number | null; superseded_by: string | null }> | null = null;

  /** Take one entry (any order). Throws UsageError for a file seen twice. */
  add(e: BatchEntry): void {
    if (this.files.has(e.file)) throw new UsageError({ code: 'batch.duplicate_file', args: { file: e.file } });
    this.files.add(e.file);
    if (isErrorEntry(e)) {
      this.errors.push({ file: e.file, error: { code: e.error.code, message: e.error.message } });
      return;
    }
    if (!isSchoolEntry(e)) {
      this.notAudited.push({ file: e.file, not_audited: { kind: e.not_audited.kind, submission: e.not_audited.submission } });
      return;
    }
    const ref = rubricRef(e.rubric);
    const ids = e.criteria.map((c) => c.id);
    const idKey = `${ref}\n${ids.join('\n')}`;
    let criterionIds = this.idLists.get(idKey);
    if (!criterionIds) this.idLists.set(idKey, (criterionIds = ids));
    this.rows.push({
      rubric: ref, rank: null, file: e.file, code: e.code, name: e.name, score: e.score, status: e.status, band: e.band,
      district: e.district, province: e.province, school_year: e.school_year, levels: e.levels,
      report_date: e.report_date ?? null, sha256: e.source_sha256,
      failing_required: [],
      shortages: schoolShortages(e.shortages ?? []),
      notPassing: e.criteria.filter((c) => c.status === 'fail' || c.status === 'missing').map((c) => c.id),
      criterionIds,
      statuses: e.criteria.map((c) => statusChar(c.status)).join(''),
      districtOutcomes: e.district_criteria,
      supersededBy: null,
    });
    for (const c of e.criteria) this.counts[c.status] += 1;
    this.counts.tests += e.criteria.length;
    const value: Record<ScopeMismatch, string | null> = { province: e.province, district: e.district, years: e.school_year };
    for (const m of (['province', 'district', 'years'] as const).filter((x) => e.outside.includes(x))) {
      this.outside.push({ code: `outside_${m}`, file: e.file, school_code: e.code, value: value[m], rubric: ref });
    }
  }

  /** The summary without its entries. After it, placeOf() gives each school's rank and superseding file. */
  finish(input: Omit<BatchInput, 'entries'>): BatchDigest {
    const rubricByRef = new Map<RubricRef, BatchRubric>();
    for (const r of input.rubrics) {
      const ref = rubricRef(r);
      const known = rubricByRef.get(ref);
      if (known && known.sha256 !== r.sha256) throw new UsageError({ code: 'batch.rubric_conflict', args: { rubric: ref } });
      rubricByRef.set(ref, r);
    }
    const used = new Set(this.rows.map((r) => r.rubric));
    for (const ref of used) if (!rubricByRef.has(ref)) throw new Error(`batch: rubric ${ref} used by an entry but not described`);
    // Only the rubrics some school used, in id/version order.
    const rubrics = [...rubricByRef.values()].filter((r) => used.has(rubricRef(r))).sort(cmpRubric);

    // One school, one count: of several files with one code, the latest report (then the later path) counts.
    const flags: BatchFlag[] = [];
    const byCode = new Map<string, Row[]>();
    for (const r of this.rows) {
      if (r.code === null) continue;
      const xs = byCode.get(r.code);
      if (xs) xs.push(r);
      else byCode.set(r.code, [r]);
    }
    const superseded: BatchSupersededRow[] = [];
    for (const [code, xs] of [...byCode].sort((a, b) => byText(a[0], b[0]))) {
      if (xs.length < 2) continue;
      const { kept, superseded: older } = resolveDuplicates(xs);
      for (const o of older as Row[]) {
        o.supersededBy = kept.file;
        superseded.push({ file: o.file, code: o.code, name: o.name, superseded_by: kept.file, score: o.score, status: o.status });
      }
      flags.push({
        code: 'duplicate_code', school_code: code, files: xs.map((x) => x.file).sort(byText),
        kept: kept.file, superseded: older.map((o) => o.file).sort(byText),
      });
    }
    superseded.sort((a, b) => byText(a.file, b.file));
    const counted = this.rows.filter((r) => r.supersededBy === null);

    const ranking: BatchDigest['ranking'] = [];
    const criteria: BatchCriterionRate[] = [];
    const district: BatchDistrictResult[] = [];
    this.ranks = new Map(this.rows.map((r) => [r.file, { rank: null, superseded_by: r.supersededBy }]));
    for (const rubric of rubrics) {
      const ref = rubricRef(rubric);
      const rows = counted.filter((r) => r.rubric === ref).sort(compareForRanking);
      assignRanks(rows);
      const required = new Set(rubric.criteria.filter((c) => c.severity === 'required').map((c) => c.id));
      const order = new Map(rubric.criteria.map((c, i) => [c.id, i]));
      ranking.push({
        rubric: ref,
        schools: rows.map((r): BatchDigestRow => ({
          rank: r.rank, file: r.file, code: r.code, name: r.name, score: r.score, status: r.status, band: r.band,
          district: r.district, province: r.province, school_year: r.school_year, levels: r.levels,
          failing_required: r.notPassing.filter((id) => required.has(id)).sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)),
          shortages: r.shortages,
        })),
      });
      for (const r of rows) this.ranks.get(r.file)!.rank = r.rank;

      const perCriterion = new Map<string, Counts>();
      const perDistrict = new Map<string, { numerator: number; denominator: number; missing: BatchDistrictResult['missing'] }>();
      for (const r of rows) {
        r.criterionIds.forEach((id, i) => {
          let n = perCriterion.get(id);
          if (!n) perCriterion.set(id, (n = zeroCounts()));
          n[STATUS_CODES[Number(r.statuses[i])]!] += 1;
        });
        for (const d of r.districtOutcomes) {
          let n = perDistrict.get(d.id);
          if (!n) perDistrict.set(d.id, (n = { numerator: 0, denominator: 0, missing: [] }));
          // Undeclared is not "no": out of the share, and named (engine/district.ts).
          if (d.status === 'missing') { n.missing.push({ file: r.file, code: r.code, name: r.name }); continue; }
          n.denominator += 1;
          if (d.status === 'pass') n.numerator += 1;
        }
      }
      for (const c of rubric.criteria) {
        const n = perCriterion.get(c.id) ?? zeroCounts();
        const applicable = n.pass + n.fail + n.missing;
        criteria.push({ rubric: ref, id: c.id, ...n, applicable, rate: applicable === 0 ? null : n.pass / applicable });
      }
      // District criteria over the counted schools of their rubric: each school's outcome came from its
      // worker (engine/district.ts districtSchoolOutcome); a school that left the fact undeclared is out of
      // the share and listed.
      for (const dc of rubric.district_criteria) {
        const { numerator, denominator, missing } = perDistrict.get(dc.id) ?? { numerator: 0, denominator: 0, missing: [] };
        const share = denominator === 0 ? null : numerator / denominator;
        const status = share === null ? 'missing' : share >= dc.min ? 'pass' : 'fail';
        district.push({ rubric: ref, id: dc.id, numerator, denominator, missing: [...missing].sort((a, b) => byText(a.file, b.file)), share, min: dc.min, status });
      }
    }

    flags.push(...identicalFiles(this.rows), ...schoolYearFlags(counted), ...areaFlags(counted));
    const kinds = ['outside_province', 'outside_district', 'outside_years'];
    flags.push(...[...this.outside].sort((a, b) => byText(a.file, b.file) || kinds.indexOf(a.code) - kinds.indexOf(b.code)));
    if (input.run.waivers) {
      for (const w of sortWaivers(input.run.waivers)) {
        if (w.school !== '*' && !byCode.has(w.school)) flags.push({ code: 'waiver_unknown_school', school_code: w.school, criterion: w.criterion });
      }
    }

    const failUnder = input.run.fail_under;
    const count = <T>(xs: readonly T[], p: (x: T) => boolean): number => xs.reduce((n, x) => n + (p(x) ? 1 : 0), 0);
    const notAudited = [...this.notAudited].sort((a, b) => byText(a.file, b.file));
    const totals: BatchTotals = {
      files: this.files.size,
      schools: counted.length,
      superseded: superseded.length,
      errors: this.errors.length,
      not_audited: notAudited.length,
      submissions: count(notAudited, (e) => e.not_audited.submission),
      ignored: { lock: input.ignored.lock, hidden: input.ignored.hidden },
      pass: count(counted, (s) => s.status === 'pass'),
      fail: count(counted, (s) => s.status === 'fail'),
      below_fail_under: count(counted, (s) => failUnder !== null && (s.score === null || s.score < failUnder)),
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
      districts: areaTotals(counted),
      shortages: sumShortages([...counted].sort((a, b) => byText(a.file, b.file))),
      flags,
      errors: [...this.errors].sort((a, b) => byText(a.file, b.file)),
      not_audited: notAudited,
      superseded,
      criterion_counts: { ...this.counts },
    };
  }

  /** A school's rank (null without a score or when superseded) and the file that supersedes it, once finish() has run. */
  placeOf(file: string): { rank: number | null; superseded_by: string | null } {
    if (!this.ranks) throw new Error('batch: placeOf before finish');
    return this.ranks.get(file) ?? { rank: null, superseded_by: null };
  }
}

/**
 * Per Quận/Huyện (within its province), over the counted schools: schools, pass, fail, pass rate and
 * shortages. Named as the first file (in path order) spells it; sorted by name, undeclared last.
 */
function areaTotals(rows: readonly Row[]): BatchAreaTotal[] {
  const areas = new Map<string, Row[]>();
  for (const r of [...rows].sort((a, b) => byText(a.file, b.file))) {
    const key = `${r.province === null ? '' : provinceKey(r.province)}\n${r.district === null ? '' : districtKey(r.district)}`;
    const xs = areas.get(key);
    if (xs) xs.push(r);
    else areas.set(key, [r]);
  }
  return [...areas.values()].map((xs): BatchAreaTotal => {
    const pass = xs.filter((r) => r.status === 'pass').length;
    return {
      district: xs.find((r) => r.district !== null)?.district ?? null,
      province: xs.find((r) => r.province !== null)?.province ?? null,
      schools: xs.length,
      pass,
      fail: xs.length - pass,
      rate: xs.length === 0 ? null : pass / xs.length,
      shortages: sumShortages(xs),
    };
  }).sort((a, b) => nullsLast(a.district, b.district, (x, y) => viCollator.compare(x, y))
    || nullsLast(a.province, b.province, (x, y) => viCollator.compare(x, y)));
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
    districts: d.districts,
    shortages: d.shortages,
    flags: d.flags,
  };
}

/** A school entry with its place (rank, superseded_by) set, keys in the entry's order. */
export function placed(e: BatchEntry, acc: BatchAccumulator): BatchEntry {
  if (!isSchoolEntry(e)) return e;
  const p = acc.placeOf(e.file);
  e.rank = p.rank;
  e.superseded_by = p.superseded_by;
  return e;
}

/**
 * Entries (all in memory) → the digest and the summary. The entries are taken over, not copied: they are
 * sorted by file and their `rank` and `superseded_by` are set in place.
 */
export function digestBatch(input: BatchInput): { digest: BatchDigest; summary: BatchSummary } {
  const acc = new BatchAccumulator();
  const entries = [...input.entries].sort((a, b) => byText(a.file, b.file));
  for (const e of entries) acc.add(e);
  const { entries: _, ...rest } = input;
  const digest = acc.finish(rest);
  for (const e of entries) placed(e, acc);
  return { digest, summary: summaryOf(digest, entries) };
}

/** Entries → the whole summary (see digestBatch). */
export const combineBatch = (input: BatchInput): BatchSummary => digestBatch(input).summary;

export const sortWaivers = (ws: NonNullable<BatchRun['waivers']>) =>
  ws.map((w) => ({ school: w.school, criterion: w.criterion }))
    .sort((a, b) => byText(a.school, b.school) || byText(a.criterion, b.criterion))
    .filter((w, i, xs) => i === 0 || w.school !== xs[i - 1]!.school || w.criterion !== xs[i - 1]!.criterion);

export type { BatchIgnored };
