// Writing report files: named after the school code, never half-written (temp file + rename in the
// same folder), never over an input file.
import { mkdir, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { readdirSync, unlinkSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import { UsageError } from '../errors.js';

export const REPORT_FORMATS = ['md', 'xlsx', 'json', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const EXTENSION: Record<ReportFormat, string> = { md: 'md', xlsx: 'xlsx', json: 'json', junit: 'junit.xml' };

import { reportStem, sanitizeStem } from '../render/report-name.js';

export { reportStem, sanitizeStem };

export const reportFileName = (stem: string, format: ReportFormat): string => `${stem}.audit.${EXTENSION[format]}`;

/** Where a path really points (resolving symlinks when it exists). */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

// ---------- an interrupted run (Ctrl+C) leaves no temp file ----------

/** Temp files being written by this thread, and the folders written into (their temp names carry our pid). */
const pendingTemps = new Set<string>();
/** Folder → names (besides our temp files) that are not finished reports, e.g. a batch's provisional ones. */
const tempDirs = new Map<string, RegExp[]>();
let cleanupInstalled = false;

/** `.<name>.<pid>.<8 hex>.tmp`: the temp files of this process, whichever thread wrote them. */
const OUR_TEMP = new RegExp(`^\\..+\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`);

/** Remove this process's temp files (synchronously: called from a signal handler). */
export function removeTempFiles(): void {
  for (const t of pendingTemps) { try { unlinkSync(t); } catch { /* renamed or gone already */ } }
  pendingTemps.clear();
  // Worker threads share the pid but not this set: their temps are found by name.
  for (const [dir, also] of tempDirs) {
    let names: string[];
    try { names = readdirSync(dir); } catch { continue; }
    for (const n of names) {
      if (OUR_TEMP.test(n) || also.some((re) => re.test(n))) { try { unlinkSync(join(dir, n)); } catch { /* gone */ } }
    }
  }
}

function onInterrupt(signal: NodeJS.Signals): void {
  removeTempFiles();
  // Unless another handler takes over, end as the signal would have (exit status 128 + signal).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Remove the temp files written into `dir` (by any thread of this process) when the run is interrupted,
 * and the files whose names match `also`. ReportWriter registers its own folder; a command whose workers
 * write elsewhere registers that folder.
 */
export function cleanTempsOnInterrupt(dir: string, also?: RegExp): void {
  const key = resolve(dir);
  const patterns = tempDirs.get(key) ?? [];
  if (also) patterns.push(also);
  tempDirs.set(key, patterns);
  if (cleanupInstalled || !isMainThread) return;
  cleanupInstalled = true;
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
}

/** Writes reports into one folder; remembers the inputs so that none of them is ever overwritten. */
export class ReportWriter {
  private readonly inputs: Promise<Set<string>>;
  /** The inputs' paths as given, lower-cased: a stem that would name one of them is not used. */
  private readonly inputNames: Set<string>;
  private readonly taken = new Set<string>();
  private ready: Promise<void> | null = null;

  constructor(readonly dir: string, inputPaths: readonly string[]) {
    this.inputs = Promise.all(inputPaths.map(canonical)).then((paths) => new Set(paths));
    this.inputNames = new Set(inputPaths.map((p) => resolve(p).toLowerCase()));
    cleanTempsOnInterrupt(dir);
  }

  /** Whether one of this stem's report files would be an input (a workbook named 83000715.audit.xlsx). */
  private namesAnInput(stem: string): boolean {
    return REPORT_FORMATS.some((f) => this.inputNames.has(resolve(this.dir, reportFileName(stem, f)).toLowerCase()));
  }

  /**
   * A stem not yet used in this run: two workbooks with the same school code would otherwise
   * overwrite each other's reports, so the second one is named after its input file too; a stem
   * whose reports would replace an input (out folder = input folder) gets a number.
   */
  claimStem(code: string | null, inputPath: string): string {
    let stem = reportStem(code, inputPath);
    const unusable = (s: string) => this.taken.has(s) || this.namesAnInput(s);
    if (this.taken.has(stem)) {
      const alt = sanitizeStem(basename(inputPath, extname(inputPath)));
      stem = alt && !unusable(`${stem}-${alt}`) ? `${stem}-${alt}` : stem;
    }
    for (let i = 2; unusable(stem); i++) stem = `${reportStem(code, inputPath)}-${i}`;
    this.taken.add(stem);
    return stem;
  }

  /** Write one file atomically; returns its path. Throws UsageError when it would replace an input. */
  async write(name: string, data: string | Uint8Array): Promise<string> {
    this.ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
    try {
      await this.ready;
    } catch (err) {
      throw new UsageError({ code: 'cli.cannot_write', args: { file: this.dir, reason: reason(err) } });
    }
    const target = join(this.dir, name);
    if ((await this.inputs).has(await canonical(target))) {
      throw new UsageError({ code: 'cli.output_is_input', args: { file: target } });
    }
    const temp = join(this.dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    pendingTemps.add(temp);
    try {
      await writeFile(temp, data);
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: reason(err) } });
    } finally {
      pendingTemps.delete(temp);
    }
    return target;
  }
}

const reason = (err: unknown): string =>
  (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
