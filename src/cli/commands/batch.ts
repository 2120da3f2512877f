// `audit batch <dir|file>...`: every .xlsx under the folders, audited in worker threads (piscina), each
// worker writing its school's reports and sending back a compact entry; then the district summary
// (summary.json, .md, .xlsx, junit.xml) from the entries alone. `--shard i/n` takes a share of the
// sorted file list; `--merge` combines the shards' summary.json into what one run would have written.
import { availableParallelism } from 'node:os';
import { open, readFile, rename, stat, unlink, appendFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../../errors.js';
import type { Waiver } from '../../engine/types.js';
import {
  asBatchSummary, batchExitCode, combineBatch, isSchoolEntry, mergeBatchSummaries, parseShard, shardSlice, rubricRef,
  type BatchEntry, type BatchRubric, type BatchSummary,
} from '../../engine/batch.js';
import { format } from '../../messages/format.js';
import '../../messages/batch.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { ReportWriter, reportFileName, type ReportFormat } from '../output.js';
import type { BatchReply, BatchTask, BatchWorkerConfig } from '../batch-worker.js';
import { parseAuditOptions, sourceDateEpoch, type AuditCommandOptions } from './audit.js';
import { TOOL } from '../tool.js';

export interface BatchCommandOptions extends AuditCommandOptions {
  jobs: number;
  shard?: { index: number; count: number };
  merge: boolean;
}

const DEFAULT_SCHOOL_FORMATS: ReportFormat[] = ['md', 'json'];

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
  const opts: BatchCommandOptions = { ...base, jobs, merge: Boolean(raw.merge) };
  if (raw.shard !== undefined) opts.shard = parseShard(String(raw.shard));
  if (opts.merge && opts.shard) throw new UsageError({ code: 'batch.merge_with_shard' });
  return opts;
}

/** Runs one task: a piscina pool in real runs; tests may run the worker function in-process. */
export type BatchRunner = { run(task: BatchTask): Promise<BatchReply>; close(): Promise<void> };
export type RunnerFactory = (config: BatchWorkerConfig, jobs: number) => Promise<BatchRunner>;

const piscinaRunner: RunnerFactory = async (config, jobs) => {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<BatchTask, BatchReply>({
    filename: new URL('../batch-worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: config,
  });
  return { run: (t) => pool.run(t), close: () => pool.destroy() };
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

export async function runBatch(paths: string[], opts: BatchCommandOptions, g: GlobalOptions, io: CliIO, deps: BatchDeps = {}): Promise<CommandResult> {
  if (paths.length === 0) throw new UsageError({ code: opts.merge ? 'batch.merge_nothing' : 'batch.no_paths' });
  const summary = opts.merge ? await mergeFiles(paths) : await scoreFolder(paths, opts, g, io, deps);
  await writeSummary(summary, opts, g, io);
  return batchExitCode(summary);
}

async function mergeFiles(paths: string[]): Promise<BatchSummary> {
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
  return mergeBatchSummaries(parts);
}

/** Where the JUnit suites of the schools wait, in arrival order, until the summary is known. */
interface JunitParts { path: string; size: number; at: Map<string, { offset: number; length: number }> }

async function scoreFolder(paths: string[], opts: BatchCommandOptions, g: GlobalOptions, io: CliIO, deps: BatchDeps): Promise<BatchSummary> {
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
  if (!g.quiet) {
    const shard = opts.shard ? batchLabelShard(opts.shard, g) : '';
    io.stderr(`${format({ code: 'batch.found', args: { count: all.length, taken: files.length, shard, jobs: Math.min(opts.jobs, Math.max(files.length, 1)) } }, g.lang)}\n`);
  }

  const epoch = sourceDateEpoch(io.env);
  const outDir = opts.outDir !== undefined ? resolve(opts.outDir) : null;
  const config: BatchWorkerConfig = {
    lang: g.lang,
    ...(opts.rubric !== undefined ? { rubric: opts.rubric } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    waivers,
    ...(io.env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
    now: io.now().toISOString(),
    schoolsDir: outDir !== null && opts.formats.length > 0 ? join(outDir, 'schools') : null,
    formats: opts.formats,
    junit: outDir !== null,
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
    mappingRoots,
  };

  const entries: BatchEntry[] = [];
  const rubrics = new Map<string, BatchRubric>();
  const written = new Map<string, { index: number; formats: ReportFormat[] }>();
  let junit: JunitParts | null = null;
  if (outDir !== null) {
    await ensureDir(outDir);
    junit = { path: join(outDir, `.junit-parts.${process.pid}.${randomBytes(4).toString('hex')}.tmp`), size: 0, at: new Map() };
  }

  const bar = await progressBar(files.length, g, io);
  let failed = 0;
  let errors = 0;
  const jobs = Math.max(1, Math.min(opts.jobs, files.length));
  const runner = await (deps.runner ?? piscinaRunner)(config, jobs);
  const junitWrites: Promise<void>[] = [];
  try {
    let next = 0;
    const handle = (reply: BatchReply, index: number) => {
      entries.push(reply.entry);
      if (reply.rubric) rubrics.set(`${rubricRef(reply.rubric)} ${reply.rubric.sha256}`, reply.rubric);
      if (reply.reports.length > 0) written.set(reply.entry.file, { index, formats: reply.reports });
      if (junit && reply.junit !== undefined) {
        const bytes = Buffer.from(`${reply.junit}\n`, 'utf8');
        junit.at.set(reply.entry.file, { offset: junit.size, length: bytes.length });
        junit.size += bytes.length;
        junitWrites.push(appendInOrder(junit.path, bytes));
      }
      if (!isSchoolEntry(reply.entry)) errors += 1;
      else if (reply.entry.status === 'fail') failed += 1;
      bar?.increment(1, { failed, errors });
    };
    // A few tasks more than workers keep them busy while this thread handles replies; no more, so memory stays flat.
    const lane = async () => {
      while (next < files.length) {
        const index = next++;
        const f = files[index]!;
        handle(await runner.run({ path: f.path, file: f.file, index }), index);
      }
    };
    await Promise.all(Array.from({ length: jobs * 2 }, lane));
    await Promise.all(junitWrites);
  } catch (err) {
    if (junit) await unlink(junit.path).catch(() => undefined);
    throw err;
  } finally {
    bar?.stop();
    await runner.close();
  }

  const summary = combineBatch({
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
    rubrics: [...rubrics.values()],
    entries,
  });

  if (outDir !== null) {
    const inputs = new Set(await Promise.all(all.map((f) => canonical(f.path))));
    if (config.schoolsDir !== null) await finalizeReports(summary, written, config.schoolsDir, inputs);
    if (junit) {
      try {
        await writeJunit(summary, junit, outDir, inputs, g);
      } finally {
        await unlink(junit.path).catch(() => undefined);
      }
    }
  }
  if (!g.quiet) {
    for (const e of summary.entries) {
      if (!isSchoolEntry(e)) io.stderr(`${format({ code: 'batch.file_error', args: { file: e.file, message: e.error.message } }, g.lang)}\n`);
    }
  }
  return summary;
}

const batchLabelShard = (s: { index: number; count: number }, g: GlobalOptions): string =>
  format({ code: 'batch.found_shard', args: { index: s.index, count: s.count } }, g.lang);

/** Appends run one after another (their offsets were reserved in arrival order). */
let appendChain: Promise<void> = Promise.resolve();
function appendInOrder(path: string, bytes: Uint8Array): Promise<void> {
  appendChain = appendChain.then(() => appendFile(path, bytes));
  return appendChain;
}

async function ensureDir(dir: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UsageError({ code: 'cli.cannot_write', args: { file: dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Workers wrote each school's reports under a provisional name; now that every code is known, name them
 * `<code>.audit.<ext>` in file order (a repeated code gets the input's name too, as in a single audit).
 */
async function finalizeReports(summary: BatchSummary, written: Map<string, { index: number; formats: ReportFormat[] }>, dir: string, inputs: Set<string>): Promise<void> {
  const { provisionalStem } = await import('../batch-worker.js');
  const claims = new ReportWriter(dir, []);
  for (const e of summary.entries) {
    const w = written.get(e.file);
    if (!w || !isSchoolEntry(e)) continue;
    const stem = claims.claimStem(e.code, e.file);
    for (const f of w.formats) {
      const target = join(dir, reportFileName(stem, f));
      if (inputs.has(await canonical(target))) throw new UsageError({ code: 'cli.output_is_input', args: { file: target } });
      await rename(join(dir, reportFileName(provisionalStem(w.index), f)), target);
    }
  }
}

/** junit.xml, streamed: totals, each file's suite in file order (from the parts file), then the district criteria. */
async function writeJunit(summary: BatchSummary, parts: JunitParts, outDir: string, inputs: Set<string>, g: GlobalOptions): Promise<void> {
  const { junitHead, junitErrorSuite, junitDistrictSuites, JUNIT_TAIL } = await import('../../render/batch-junit.js');
  const target = join(outDir, 'junit.xml');
  if (inputs.has(await canonical(target))) throw new UsageError({ code: 'cli.output_is_input', args: { file: target } });
  const temp = join(outDir, `.junit.xml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const src = parts.size > 0 ? await open(parts.path, 'r') : null;
  const dst = await open(temp, 'w');
  try {
    await dst.write(junitHead(summary));
    for (const e of summary.entries) {
      if (!isSchoolEntry(e)) {
        await dst.write(`${junitErrorSuite(e, g.lang)}\n`);
        continue;
      }
      const at = parts.at.get(e.file);
      if (!at || !src) continue;
      const buf = Buffer.alloc(at.length);
      await src.read(buf, 0, at.length, at.offset);
      await dst.write(buf);
    }
    await dst.write(junitDistrictSuites(summary, g.lang));
    await dst.write(JUNIT_TAIL);
    await dst.close();
    await rename(temp, target);
  } catch (err) {
    await dst.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  } finally {
    await src?.close();
  }
}

/** GitHub's step summary takes at most 1 MiB per step; leave room for other steps' text. */
const STEP_SUMMARY_MAX = 900 * 1024;

async function writeSummary(summary: BatchSummary, opts: BatchCommandOptions, g: GlobalOptions, io: CliIO): Promise<void> {
  const { stringifyJson } = await import('../../render/json.js');
  const { renderBatchMarkdown } = await import('../../render/batch-md.js');
  const json = stringifyJson(summary);
  const epoch = sourceDateEpoch(io.env);
  const renderOptions = { lang: g.lang, color: false, ...(epoch ? { generatedAt: epoch.toISOString() } : {}) };
  const md = renderBatchMarkdown(summary, renderOptions);

  if (opts.outDir !== undefined) {
    const { renderBatchXlsx } = await import('../../render/batch-xlsx.js');
    const writer = new ReportWriter(opts.outDir, []);
    await writer.write('summary.json', json);
    await writer.write('summary.md', md);
    await writer.write('summary.xlsx', await renderBatchXlsx(summary, renderOptions));
    if (!g.quiet) io.stderr(`${format({ code: 'batch.wrote_dir', args: { dir: opts.outDir } }, g.lang)}\n`);
  }

  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    const text = Buffer.byteLength(md) <= STEP_SUMMARY_MAX ? md : renderBatchMarkdown(summary, { ...renderOptions, ranking: false });
    await appendFile(stepSummary, `${text}\n`);
  }

  if (g.json) io.stdout(json);
  else {
    const { renderBatchTerminal } = await import('../../render/batch-terminal.js');
    io.stdout(renderBatchTerminal(summary, { lang: g.lang, color: g.color }));
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
