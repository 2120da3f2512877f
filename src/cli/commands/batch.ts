// `audit batch <dir|file>...`: every file under the folders — spreadsheets audited in worker threads
// (piscina), each worker writing its school's reports and sending back a compact entry; other files listed
// as not audited — then the district summary (summary.json, .md, .xlsx, .html, junit.xml) from the
// entries alone. `--shard i/n` takes a share of the sorted file list; `--merge` combines the shards'
// summary.json into what one run would have written. The parts: batch-files.ts (which files),
// batch-pool.ts (workers, time limit), batch-sink.ts (replies in order), batch-output.ts (what is written).
import { availableParallelism, tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { closeSync, createReadStream, openSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../../errors.js';
import type { Waiver } from '../../engine/types.js';
import {
  asBatchSummary, batchExitCode, isErrorEntry, isSchoolEntry, mergeBatchSummaries, parseShard, placed, shardSlice,
  type BatchEntry, type BatchSummary,
} from '../../engine/batch.js';
import { format } from '../../messages/format.js';
import '../../messages/batch.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { cleanTempsOnInterrupt, type ReportFormat } from '../output.js';
import type { BatchWorkerConfig } from '../batch-worker.js';
import { parseAuditOptions, sourceDateEpoch, type AuditCommandOptions } from './audit.js';
import { TOOL } from '../tool.js';
import { findBatchFiles, notAuditedEntry } from '../batch-files.js';
import { piscinaRunner, type RunnerFactory } from '../batch-pool.js';
import { InOrderSink } from '../batch-sink.js';
import {
  PROVISIONAL, ensureDir, progressBar, removeProvisional, writeJunit, writeSummary, type BatchOutcome,
} from '../batch-output.js';

export { findWorkbooks } from '../batch-files.js';
export type { BatchRunner, RunnerFactory } from '../batch-pool.js';

export interface BatchCommandOptions extends AuditCommandOptions {
  jobs: number;
  /** Seconds one workbook may take before it is given up (an error entry) and its worker replaced. */
  timeoutSeconds: number;
  shard?: { index: number; count: number };
  merge: boolean;
}

const DEFAULT_SCHOOL_FORMATS: ReportFormat[] = ['md', 'json'];
/** A school's workbook takes milliseconds; a hostile one within the reader's limits a few seconds. */
const DEFAULT_TIMEOUT_SECONDS = 60;

/** Commander's raw option values → validated options (UsageError on a bad one). */
export function parseBatchOptions(raw: Record<string, unknown>, g: GlobalOptions): BatchCommandOptions {
  const base = parseAuditOptions(raw, g);
  // In a batch --format chooses the per-school reports (default md,json); the summary files are always written.
  if (raw.format === undefined) base.formats = base.outDir !== undefined ? [...DEFAULT_SCHOOL_FORMATS] : [];
  let jobs = availableParallelism();
  if (raw.jobs !== undefined) {
    const text = String(raw.jobs);
    jobs = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || jobs < 1) throw new UsageError({ code: 'batch.bad_jobs', args: { value: text } });
  }
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  if (raw.timeout !== undefined) {
    const text = String(raw.timeout);
    timeoutSeconds = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || timeoutSeconds < 1) throw new UsageError({ code: 'batch.bad_timeout', args: { value: text } });
  }
  const opts: BatchCommandOptions = { ...base, jobs, timeoutSeconds, merge: Boolean(raw.merge) };
  if (raw.shard !== undefined) opts.shard = parseShard(String(raw.shard));
  if (opts.merge && opts.shard) throw new UsageError({ code: 'batch.merge_with_shard' });
  return opts;
}

export interface BatchDeps {
  runner?: RunnerFactory;
}

export async function runBatch(paths: string[], opts: BatchCommandOptions, g: GlobalOptions, io: CliIO, deps: BatchDeps = {}): Promise<CommandResult> {
  if (paths.length === 0) throw new UsageError({ code: opts.merge ? 'batch.merge_nothing' : 'batch.no_paths' });
  const outcome = opts.merge ? await mergeFiles(paths) : await scoreFolder(paths, opts, g, io, deps);
  try {
    await writeSummary(outcome, opts, g, io);
  } finally {
    await outcome.cleanup();
  }
  return batchExitCode(outcome.digest);
}

async function mergeFiles(paths: string[]): Promise<BatchOutcome> {
  const parts: BatchSummary[] = [];
  for (const file of paths) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
      throw new UsageError({ code: 'batch.cannot_read_summary', args: { file, reason } });
    }
    parts.push(asBatchSummary(value, file));
  }
  const { digest, summary } = mergeBatchSummaries(parts);
  return { digest, entries: () => summary.entries, cleanup: async () => undefined };
}


async function scoreFolder(paths: string[], opts: BatchCommandOptions, g: GlobalOptions, io: CliIO, deps: BatchDeps): Promise<BatchOutcome> {
  // Problems with the run itself stop it before any file is read (exit 2).
  const { loadRubric } = await import('../../rubric/registry.js');
  if (opts.rubric !== undefined) loadRubric(opts.rubric);
  let waivers: Waiver[] = [];
  if (opts.waiversFile !== undefined) {
    const { loadWaivers } = await import('../../rubric/waivers.js');
    waivers = await loadWaivers(opts.waiversFile);
  }

  const { files: all, ignored } = await findBatchFiles(paths, opts.outDir);
  if (all.length === 0) throw new UsageError({ code: 'batch.no_files', args: { paths: paths.join(', '), lock: ignored.lock, hidden: ignored.hidden } });
  const files = opts.shard ? shardSlice(all, opts.shard.index, opts.shard.count) : all;
  const workbooks = files.filter((f) => f.workbook).length;
  // Mapping files (--mapping, each folder's audit-mapping.yaml up to the folder given): checked once here (exit 2).
  const mappingRoots = paths.map((p) => resolve(p));
  await (await import('../read-workbook.js')).checkMappings(files.filter((f) => f.workbook).map((f) => f.path), {
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}), roots: mappingRoots,
  });
  const jobs = Math.max(1, Math.min(opts.jobs, workbooks));
  if (!g.quiet) {
    const shard = opts.shard ? format({ code: 'batch.found_shard', args: { index: opts.shard.index, count: opts.shard.count } }, g.lang) : '';
    const others = all.length - all.filter((f) => f.workbook).length;
    io.stderr(`${format({
      code: 'batch.found',
      args: { count: all.length - others, others, skipped: ignored.lock + ignored.hidden, taken: files.length, shard, jobs },
    }, g.lang)}\n`);
  }

  const epoch = sourceDateEpoch(io.env);
  const outDir = opts.outDir !== undefined ? resolve(opts.outDir) : null;
  const schoolsDir = outDir !== null && opts.formats.length > 0 ? join(outDir, 'schools') : null;
  const config: BatchWorkerConfig = {
    lang: g.lang,
    ...(opts.rubric !== undefined ? { rubric: opts.rubric } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    waivers,
    ...(io.env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
    now: io.now().toISOString(),
    schoolsDir,
    formats: opts.formats,
    junit: outDir !== null,
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
    mappingRoots,
  };

  const { provisionalStem } = await import('../batch-worker.js');
  let junitErrorSuite: typeof import('../../render/batch-junit.js').junitErrorSuite | null = null;
  let junitBody: string | null = null;
  let junitFd: number | null = null;
  if (outDir !== null) {
    await ensureDir(outDir);
    cleanTempsOnInterrupt(outDir); // Ctrl+C: the summary's temp files go too
    if (schoolsDir !== null) {
      await ensureDir(schoolsDir);
      cleanTempsOnInterrupt(schoolsDir); // and the workers' temp files of the school reports
      removeProvisional(schoolsDir);
      cleanTempsOnInterrupt(schoolsDir, PROVISIONAL); // Ctrl+C: no hidden provisional report stays behind
    }
    junitErrorSuite = (await import('../../render/batch-junit.js')).junitErrorSuite;
    junitBody = join(outDir, `.junit.xml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    junitFd = openSync(junitBody, 'w');
  }
  // The entries wait on disk, one JSON line each, until summary.json is written: memory stays flat.
  const spillDir = outDir ?? tmpdir();
  if (outDir === null) cleanTempsOnInterrupt(spillDir);
  const spill = join(spillDir, `.entries.ndjson.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const spillFd = openSync(spill, 'w');
  const removeSpill = () => unlink(spill).catch(() => undefined);
  const sink = new InOrderSink(schoolsDir, new Set(all.map((f) => f.path)), junitFd, spillFd, g.lang, provisionalStem, junitErrorSuite);

  const bar = await progressBar(workbooks, g, io);
  let failed = 0;
  let errors = 0;
  const runner = await (deps.runner ?? piscinaRunner)(config, jobs, opts.timeoutSeconds);
  try {
    let next = 0;
    // A few more tasks than workers keep them busy while this thread takes replies; no more, so memory stays flat.
    const lane = async () => {
      while (next < files.length) {
        const index = next++;
        const f = files[index]!;
        if (!f.workbook) {
          sink.take(index, { entry: notAuditedEntry(f), reports: [] }); // named in the summary, not read
          continue;
        }
        const reply = await runner.run({ path: f.path, file: f.file, index });
        if (reply.fatal) throw new UsageError(reply.fatal);
        sink.take(index, reply);
        if (isErrorEntry(reply.entry)) errors += 1;
        else if (isSchoolEntry(reply.entry) && reply.entry.status === 'fail') failed += 1;
        bar?.increment(1, { failed, errors });
      }
    };
    await Promise.all(Array.from({ length: jobs * 3 }, lane));
  } catch (err) {
    if (junitFd !== null) closeSync(junitFd);
    if (junitBody !== null) await unlink(junitBody).catch(() => undefined);
    closeSync(spillFd);
    await removeSpill();
    throw err;
  } finally {
    bar?.stop();
    await runner.close();
  }
  closeSync(spillFd);

  const acc = sink.accumulator;
  const digest = acc.finish({
    tool: TOOL,
    lang: g.lang,
    ...(epoch ? { generated_at: epoch.toISOString() } : {}),
    run: {
      rubric: opts.rubric ?? null,
      as_of: opts.asOf ?? null,
      fail_under: opts.failUnder ?? null,
      waivers: opts.waiversFile !== undefined ? waivers.map((w) => ({ school: w.school, criterion: w.criterion })) : null,
    },
    shard: opts.shard ? { index: opts.shard.index, count: opts.shard.count, files: all.length } : null,
    ignored,
    rubrics: [...sink.rubrics.values()],
  });

  if (outDir !== null && junitBody !== null && junitFd !== null) {
    closeSync(junitFd);
    try {
      await writeJunit(digest, junitBody, outDir, g);
    } catch (err) {
      await removeSpill();
      throw err;
    } finally {
      await unlink(junitBody).catch(() => undefined);
    }
  }
  if (!g.quiet) {
    for (const e of digest.errors) io.stderr(`${format({ code: 'batch.file_error', args: { file: e.file, message: e.error.message } }, g.lang)}\n`);
    for (const e of digest.not_audited) {
      io.stderr(`${format({ code: e.not_audited.submission ? 'batch.file_submission' : 'batch.file_not_audited', args: { file: e.file, kind: e.not_audited.kind.toUpperCase() || '?' } }, g.lang)}\n`);
    }
  }
  return {
    digest,
    // Read back in file order, each with its rank.
    async *entries() {
      const lines = createInterface({ input: createReadStream(spill, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        yield placed(JSON.parse(line) as BatchEntry, acc);
      }
    },
    cleanup: removeSpill,
    reports: sink.reports,
  };
}

