// `audit batch <dir|file>...`: every .xlsx under the folders, audited in worker threads (piscina), each
// worker writing its school's reports and sending back a compact entry; then the district summary
// (summary.json, .md, .xlsx, junit.xml) from the entries alone. `--shard i/n` takes a share of the
// sorted file list; `--merge` combines the shards' summary.json into what one run would have written.
import { availableParallelism, tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { closeSync, createReadStream, createWriteStream, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../../errors.js';
import type { Waiver } from '../../engine/types.js';
import {
  BatchAccumulator, asBatchSummary, batchExitCode, isSchoolEntry, mergeBatchSummaries, parseShard, shardSlice, rubricRef,
  type BatchDigest, type BatchEntry, type BatchRubric, type BatchSummary,
} from '../../engine/batch.js';
import { format } from '../../messages/format.js';
import '../../messages/batch.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { ReportWriter, cleanTempsOnInterrupt, reportFileName, type ReportFormat } from '../output.js';
import type { BatchReply, BatchTask, BatchWorkerConfig } from '../batch-worker.js';
import type { Piscina as PiscinaPool } from 'piscina';
import { parseAuditOptions, sourceDateEpoch, type AuditCommandOptions } from './audit.js';
import { TOOL } from '../tool.js';

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

/** Runs one task: a piscina pool in real runs; tests may run the worker function in-process. */
export type BatchRunner = { run(task: BatchTask): Promise<BatchReply>; close(): Promise<void> };
export type RunnerFactory = (config: BatchWorkerConfig, jobs: number, timeoutSeconds: number) => Promise<BatchRunner>;

const piscinaRunner: RunnerFactory = async (config, jobs, timeoutSeconds) => {
  const { Piscina } = await import('piscina');
  const filename = new URL('../batch-worker.js', import.meta.url).href;
  const pool = new Piscina<BatchTask, BatchReply>({
    filename,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: config,
    // The next task waits in the worker, not in this thread: no idle gap while a reply travels back.
    concurrentTasksPerWorker: 2,
  });
  // The time limit per file. In the main pool the clock starts when a task is queued, and aborting a task
  // ends its worker, so a task that ran out of time there may only have waited behind a slow one: it gets
  // a second try alone, in a one-thread pool fed one task at a time, where the clock is its own.
  let alone: PiscinaPool<BatchTask, BatchReply> | null = null;
  let aloneQueue: Promise<unknown> = Promise.resolve();
  const timed = async (p: PiscinaPool<BatchTask, BatchReply>, t: BatchTask): Promise<BatchReply | 'timeout'> => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutSeconds * 1000);
    try {
      return await p.run(t, { signal: ac.signal });
    } catch (err) {
      if (ac.signal.aborted) return 'timeout';
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
  const retryAlone = (t: BatchTask): Promise<BatchReply | 'timeout'> => {
    alone ??= new Piscina<BatchTask, BatchReply>({ filename, minThreads: 1, maxThreads: 1, workerData: config, concurrentTasksPerWorker: 1 });
    const p = alone;
    const done = aloneQueue.then(() => timed(p, t));
    aloneQueue = done.catch(() => undefined);
    return done;
  };
  const run = async (t: BatchTask): Promise<BatchReply> => {
    let reply: BatchReply | 'timeout';
    try {
      reply = await timed(pool, t);
    } catch {
      reply = 'timeout'; // its worker was ended under it by another task's time limit
    }
    if (reply === 'timeout') reply = await retryAlone(t);
    if (reply !== 'timeout') return reply;
    const finding = { code: 'batch.timeout', args: { seconds: timeoutSeconds } };
    return { entry: { file: t.file, error: { code: finding.code, message: format(finding, config.lang) } }, reports: [] };
  };
  return { run, close: async () => { await pool.destroy(); await alone?.destroy(); } };
};

/** '/'-separated path relative to the working directory (absolute when it is on another drive). */
const displayPath = (abs: string): string => {
  const rel = relative(process.cwd(), abs);
  return (rel === '' || isAbsolute(rel) ? abs : rel).split(sep).join('/');
};

const inside = (dir: string, file: string): boolean => {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * Every .xlsx (and .xls, .ods) under the folders (recursively; hidden files and folders and `~$` lock files
 * skipped; nothing under the output folder), and the files named directly. Sorted, without repeats.
 */
export async function findWorkbooks(paths: readonly string[], outDir: string | undefined): Promise<{ path: string; file: string }[]> {
  const { glob } = await import('tinyglobby');
  const out = outDir !== undefined ? resolve(outDir) : null;
  const found = new Map<string, string>();
  for (const p of paths) {
    const abs = resolve(p);
    let isDir: boolean;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      throw new UsageError({ code: 'batch.path_not_found', args: { path: p } });
    }
    if (!isDir) {
      found.set(abs, displayPath(abs));
      continue;
    }
    // .xls and .ods are taken too: the worker converts them with LibreOffice, or says how to save them as .xlsx.
    const hits = await glob(['**/*.xlsx', '**/*.xls', '**/*.ods'], {
      cwd: abs, absolute: true, dot: false, onlyFiles: true, caseSensitiveMatch: false, ignore: ['**/~$*'],
    });
    for (const h of hits) {
      const file = resolve(h);
      if (out !== null && (inside(out, file) || file === out)) continue;
      found.set(file, displayPath(file));
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...found].map(([path, file]) => ({ path, file })).sort((a, b) => cmp(a.file, b.file) || cmp(a.path, b.path));
}

export interface BatchDeps {
  runner?: RunnerFactory;
}

/** What the summary is written from: the digest, and a way to read the entries (each time from the start). */
interface BatchOutcome {
  digest: BatchDigest;
  entries(): AsyncIterable<BatchEntry> | Iterable<BatchEntry>;
  cleanup(): Promise<void>;
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

/**
 * Takes the workers' replies in file order, whatever order they arrive in: report names are claimed and
 * JUnit suites appended as one sequential run would (deterministic names, a deterministic junit.xml), and
 * this work is spread over the run rather than left to the end. Only replies that arrive ahead of a
 * slower one wait here, so memory holds the compact entries and a few replies.
 */
class InOrderSink {
  readonly accumulator = new BatchAccumulator();
  readonly rubrics = new Map<string, BatchRubric>();
  private readonly waiting = new Map<number, BatchReply>();
  private next = 0;
  private readonly claims: ReportWriter | null;

  constructor(
    private readonly schoolsDir: string | null,
    private readonly inputs: ReadonlySet<string>,
    private readonly junitFd: number | null,
    /** Entries go to this file, one JSON line each, in file order. */
    private readonly spillFd: number,
    private readonly lang: GlobalOptions['lang'],
    private readonly provisional: (index: number) => string,
  ) {
    this.claims = schoolsDir !== null ? new ReportWriter(schoolsDir, [...inputs]) : null;
  }

  take(index: number, reply: BatchReply): void {
    this.waiting.set(index, reply);
    for (let r = this.waiting.get(this.next); r !== undefined; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.finish(this.next, r);
      this.next += 1;
    }
  }

  /** One copy of each repeated text (criterion ids, statuses, "đã khai báo"…): entries arrive as fresh copies. */
  private readonly strings = new Map<string, string>();
  private intern<T extends string | null>(s: T): T {
    if (s === null) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known as T;
    if (this.strings.size < 100_000) this.strings.set(s, s);
    return s;
  }

  private finish(index: number, reply: BatchReply): void {
    const e = reply.entry;
    if (isSchoolEntry(e)) {
      e.province = this.intern(e.province);
      e.district = this.intern(e.district);
      e.school_year = this.intern(e.school_year);
      e.as_of = this.intern(e.as_of);
      e.rubric = { id: this.intern(e.rubric.id), version: this.intern(e.rubric.version) };
      e.levels = e.levels.map((l) => this.intern(l));
      for (const c of e.criteria) {
        c.id = this.intern(c.id);
        c.status = this.intern(c.status);
        c.actual = this.intern(c.actual);
      }
      for (const d of e.district_criteria) {
        d.id = this.intern(d.id);
        d.status = this.intern(d.status);
      }
    }
    this.accumulator.add(e);
    writeSync(this.spillFd, `${JSON.stringify(e)}\n`);
    if (reply.rubric) this.rubrics.set(`${rubricRef(reply.rubric)} ${reply.rubric.sha256}`, reply.rubric);
    if (this.claims && this.schoolsDir !== null && isSchoolEntry(e) && reply.reports.length > 0) {
      const stem = this.claims.claimStem(e.code, e.file);
      for (const f of reply.reports) {
        const target = join(this.schoolsDir, reportFileName(stem, f));
        if (this.inputs.has(target)) throw new UsageError({ code: 'cli.output_is_input', args: { file: target } });
        try {
          renameSync(join(this.schoolsDir, reportFileName(this.provisional(index), f)), target);
        } catch (err) {
          throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
        }
      }
    }
    if (this.junitFd !== null) {
      const suite = isSchoolEntry(e) ? reply.junit : junitErrorSuite(e, this.lang);
      if (suite !== undefined) writeSync(this.junitFd, `${suite}\n`);
    }
  }
}

let junitErrorSuite: typeof import('../../render/batch-junit.js').junitErrorSuite;

async function scoreFolder(paths: string[], opts: BatchCommandOptions, g: GlobalOptions, io: CliIO, deps: BatchDeps): Promise<BatchOutcome> {
  // Problems with the run itself stop it before any file is read (exit 2).
  const { loadRubric } = await import('../../rubric/registry.js');
  if (opts.rubric !== undefined) loadRubric(opts.rubric);
  let waivers: Waiver[] = [];
  if (opts.waiversFile !== undefined) {
    const { loadWaivers } = await import('../../rubric/waivers.js');
    waivers = await loadWaivers(opts.waiversFile);
  }

  const all = await findWorkbooks(paths, opts.outDir);
  if (all.length === 0) throw new UsageError({ code: 'batch.no_files', args: { paths: paths.join(', ') } });
  const files = opts.shard ? shardSlice(all, opts.shard.index, opts.shard.count) : all;
  // Mapping files (--mapping, each folder's audit-mapping.yaml up to the folder given): checked once here (exit 2).
  const mappingRoots = paths.map((p) => resolve(p));
  await (await import('../read-workbook.js')).checkMappings(files.map((f) => f.path), {
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}), roots: mappingRoots,
  });
  const jobs = Math.max(1, Math.min(opts.jobs, files.length));
  if (!g.quiet) {
    const shard = opts.shard ? format({ code: 'batch.found_shard', args: { index: opts.shard.index, count: opts.shard.count } }, g.lang) : '';
    io.stderr(`${format({ code: 'batch.found', args: { count: all.length, taken: files.length, shard, jobs } }, g.lang)}\n`);
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
    ({ junitErrorSuite } = await import('../../render/batch-junit.js'));
    junitBody = join(outDir, `.junit.xml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    junitFd = openSync(junitBody, 'w');
  }
  // The entries wait on disk, one JSON line each, until summary.json is written: memory stays flat.
  const spillDir = outDir ?? tmpdir();
  if (outDir === null) cleanTempsOnInterrupt(spillDir);
  const spill = join(spillDir, `.entries.ndjson.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const spillFd = openSync(spill, 'w');
  const removeSpill = () => unlink(spill).catch(() => undefined);
  const sink = new InOrderSink(schoolsDir, new Set(all.map((f) => f.path)), junitFd, spillFd, g.lang, provisionalStem);

  const bar = await progressBar(files.length, g, io);
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
        const reply = await runner.run({ path: f.path, file: f.file, index });
        if (reply.fatal) throw new UsageError(reply.fatal);
        sink.take(index, reply);
        if (!isSchoolEntry(reply.entry)) errors += 1;
        else if (reply.entry.status === 'fail') failed += 1;
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
  }
  return {
    digest,
    // Read back in file order, each with its rank.
    async *entries() {
      const lines = createInterface({ input: createReadStream(spill, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        const e = JSON.parse(line) as BatchEntry;
        if (isSchoolEntry(e)) e.rank = acc.rankOf(e.file);
        yield e;
      }
    },
    cleanup: removeSpill,
  };
}

/** Provisional report files an interrupted earlier run left behind (`.batch-<n>.audit.*`). */
const PROVISIONAL = /^\.batch-\d+\.audit\./;

function removeProvisional(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (PROVISIONAL.test(name)) {
      try { unlinkSync(join(dir, name)); } catch { /* gone */ }
    }
  }
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UsageError({ code: 'cli.cannot_write', args: { file: dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** junit.xml: the head with the totals (known only now), the suites already in file order, the district criteria. */
async function writeJunit(summary: BatchDigest, body: string, outDir: string, g: GlobalOptions): Promise<void> {
  const { junitHead, junitDistrictSuites, JUNIT_TAIL } = await import('../../render/batch-junit.js');
  const target = join(outDir, 'junit.xml');
  const temp = join(outDir, `.junit.xml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await pipeline(async function* () {
      yield junitHead(summary);
      yield* createReadStream(body);
      yield junitDistrictSuites(summary, g.lang);
      yield JUNIT_TAIL;
    }, createWriteStream(temp));
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** GitHub's step summary takes at most 1 MiB per step; leave room for other steps' text. */
const STEP_SUMMARY_MAX = 900 * 1024;

async function writeSummary(outcome: BatchOutcome, opts: BatchCommandOptions, g: GlobalOptions, io: CliIO): Promise<void> {
  const { summaryFileChunks } = await import('../../render/batch-json.js');
  const { renderBatchMarkdown } = await import('../../render/batch-md.js');
  const { digest } = outcome;
  const epoch = sourceDateEpoch(io.env);
  const renderOptions = { lang: g.lang, color: false, ...(epoch ? { generatedAt: epoch.toISOString() } : {}) };
  const md = renderBatchMarkdown(digest, renderOptions);

  if (opts.outDir !== undefined) {
    const { renderBatchXlsx } = await import('../../render/batch-xlsx.js');
    await writeChunksAtomic(opts.outDir, 'summary.json', summaryFileChunks(digest, outcome.entries()));
    const writer = new ReportWriter(opts.outDir, []);
    await writer.write('summary.md', md);
    await writer.write('summary.xlsx', await renderBatchXlsx(digest, renderOptions));
    if (!g.quiet) io.stderr(`${format({ code: 'batch.wrote_dir', args: { dir: opts.outDir } }, g.lang)}\n`);
  }

  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    const text = Buffer.byteLength(md) <= STEP_SUMMARY_MAX ? md : renderBatchMarkdown(digest, { ...renderOptions, ranking: false });
    await appendFile(stepSummary, `${text}\n`);
  }

  if (g.json) {
    for await (const chunk of summaryFileChunks(digest, outcome.entries())) io.stdout(chunk);
  } else {
    const { renderBatchTerminal } = await import('../../render/batch-terminal.js');
    io.stdout(renderBatchTerminal(digest, { lang: g.lang, color: g.color }));
  }
}

/** A file written from chunks, never half-written: a temp file in the same folder, then a rename. */
async function writeChunksAtomic(dir: string, name: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await pipeline(Readable.from(chunks), createWriteStream(temp));
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** A progress bar on stderr when it is a terminal (never in CI logs), unless --quiet. */
async function progressBar(total: number, g: GlobalOptions, io: CliIO) {
  if (g.quiet || !io.stderrIsTTY || total === 0) return null;
  const { default: cliProgress } = await import('cli-progress');
  const template = format({
    code: 'batch.progress',
    args: { bar: '{bar}', value: '{value}', total: '{total}', failed: '{failed}', errors: '{errors}', eta_formatted: '{eta_formatted}' },
  }, g.lang);
  const bar = new cliProgress.SingleBar({
    format: template, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 5,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { failed: 0, errors: 0 });
  return bar;
}
