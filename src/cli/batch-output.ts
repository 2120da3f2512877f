// What a batch writes once its entries are in: summary.json (streamed from the spilled entries),
// summary.md, summary.xlsx, summary.html, junit.xml, GitHub's step summary, and the terminal text or
// --json on stdout. Every file is written to a temp file and renamed.
import { createReadStream, createWriteStream, readdirSync, unlinkSync } from 'node:fs';
import { appendFile, mkdir, rename, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import type { BatchDigest, BatchEntry } from '../engine/batch.js';
import { format } from '../messages/format.js';
import '../messages/batch.js';
import type { CliIO, GlobalOptions } from './main.js';
import { ReportWriter } from './output.js';
import { sourceDateEpoch } from './commands/audit.js';

/** What the summary is written from: the digest, and a way to read the entries (each time from the start). */
export interface BatchOutcome {
  digest: BatchDigest;
  entries(): AsyncIterable<BatchEntry> | Iterable<BatchEntry>;
  cleanup(): Promise<void>;
  /** Per school file, its reports relative to the output folder (none after --merge). */
  reports?: ReadonlyMap<string, readonly string[]>;
}

/** Where and how the summary is written. */
export interface SummaryOptions { outDir?: string }

/** Provisional report files an interrupted earlier run left behind (`.batch-<n>.audit.*`). */
export const PROVISIONAL = /^\.batch-\d+\.audit\./;

export function removeProvisional(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (PROVISIONAL.test(name)) {
      try { unlinkSync(join(dir, name)); } catch { /* gone */ }
    }
  }
}

export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UsageError({ code: 'cli.cannot_write', args: { file: dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** junit.xml: the head with the totals (known only now), the suites already in file order, the district criteria. */
export async function writeJunit(summary: BatchDigest, body: string, outDir: string, g: GlobalOptions): Promise<void> {
  const { junitHead, junitDistrictSuites, suiteTotals, JUNIT_TAIL } = await import('../render/batch-junit.js');
  const target = join(outDir, 'junit.xml');
  const temp = join(outDir, `.junit.xml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await pipeline(async function* () {
      yield junitHead(summary, await suiteTotals(createReadStream(body, 'utf8')));
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

export async function writeSummary(outcome: BatchOutcome, opts: SummaryOptions, g: GlobalOptions, io: CliIO): Promise<void> {
  const { summaryFileChunks } = await import('../render/batch-json.js');
  const { batchMarkdownChunks, renderBatchMarkdown } = await import('../render/batch-md.js');
  const { digest } = outcome;
  const epoch = sourceDateEpoch(io.env);
  const renderOptions = { lang: g.lang, color: false, ...(epoch ? { generatedAt: epoch.toISOString() } : {}) };

  // The files naming every school are written in pieces, as they are made: a summary of 10,000 schools
  // is tens of MB of text that need never be held whole.
  if (opts.outDir !== undefined) {
    const { renderBatchXlsx } = await import('../render/batch-xlsx.js');
    await writeChunksAtomic(opts.outDir, 'summary.json', summaryFileChunks(digest, outcome.entries()));
    await writeChunksAtomic(opts.outDir, 'summary.md', batchMarkdownChunks(digest, renderOptions));
    const writer = new ReportWriter(opts.outDir, []);
    await writer.write('summary.xlsx', await renderBatchXlsx(digest, renderOptions));
    const { batchHtmlChunks } = await import('../render/batch-html.js');
    await writeChunksAtomic(opts.outDir, 'summary.html', batchHtmlChunks(digest, { ...renderOptions, ...(outcome.reports ? { reports: outcome.reports } : {}) }));
    if (!g.quiet) io.stderr(`${format({ code: 'batch.wrote_dir', args: { dir: opts.outDir } }, g.lang)}\n`);
  }

  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    const md = renderBatchMarkdown(digest, renderOptions);
    const text = Buffer.byteLength(md) <= STEP_SUMMARY_MAX ? md : renderBatchMarkdown(digest, { ...renderOptions, ranking: false });
    await appendFile(stepSummary, `${text}\n`);
  }

  if (g.json) {
    for await (const chunk of summaryFileChunks(digest, outcome.entries())) io.stdout(chunk);
  } else {
    const { renderBatchTerminal } = await import('../render/batch-terminal.js');
    io.stdout(renderBatchTerminal(digest, { lang: g.lang, color: g.color }));
  }
}

/** Small chunks (a table row each) joined into pieces of ~64 K characters: one stream write per piece. */
async function* coalesce(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let piece = '';
  for await (const c of chunks) {
    piece += c;
    if (piece.length >= 65_536) { yield piece; piece = ''; }
  }
  if (piece !== '') yield piece;
}

/** A file written from chunks, never half-written: a temp file in the same folder, then a rename. */
async function writeChunksAtomic(dir: string, name: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await pipeline(Readable.from(coalesce(chunks)), createWriteStream(temp));
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** A progress bar on stderr when it is a terminal (never in CI logs), unless --quiet. */
export async function progressBar(total: number, g: GlobalOptions, io: CliIO) {
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

