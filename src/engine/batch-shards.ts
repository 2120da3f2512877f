// Shards of a batch (`--shard i/n`, CI matrix jobs) and merging their summaries (`--merge`) into what
// one run over all files would have written.
import { UsageError } from '../errors.js';
import { BATCH_SCHEMA, type BatchDigest, type BatchRun, type BatchSummary } from './batch-types.js';
import { digestBatch, sortWaivers } from './batch-combine.js';

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
    ignored: first.totals.ignored ?? { lock: 0, hidden: 0 },
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
