// One file of a batch, in a worker thread: read the workbook, choose its rubric, audit, write the school's
// own reports, and send back only the compact entry (plus, once per rubric, the rubric's description and
// the school's JUnit suite). A file that cannot be audited becomes an entry with its error: the batch goes on.
import { BUILTIN_RUBRICS_DIR, COMPILED_RUBRICS_FILE } from '../node/platform.js'; // first: installs Node's platform
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { AuditResult, Finding, Waiver } from '../engine/types.js';
import { auditInventory, schoolIdentity } from '../engine/audit.js';
import type { BatchEntry, BatchRubric } from '../engine/batch.js';
import { rubricRef } from '../engine/batch.js';
import type { Inventory } from '../inventory/types.js';
import { RubricRegistry } from '../rubric/registry.js';
import type { LoadResult } from '../rubric/load.js';
import { chooseRubric } from '../rubric/select.js';
import type { Rubric } from '../rubric/schema.js';
import { renderers } from '../render/index.js';
import { junitSuite } from '../render/junit.js';
import type { Lang } from '../messages/format.js';
import { reportFileName, type ReportFormat } from './output.js';
import { chooseAsOf, sourceDateEpoch } from './commands/audit.js';
import { mappingRoot, readWorkbookFile } from './read-workbook.js';
import { TOOL } from './tool.js';
import '../messages/batch.js';
import './messages.js';

/** The same for every file of a run (piscina's workerData). */
export interface BatchWorkerConfig {
  lang: Lang;
  /** `--rubric` as given (id, id@version or a file), or undefined to choose per school. */
  rubric?: string;
  asOf?: string;
  waivers: Waiver[];
  /** SOURCE_DATE_EPOCH, as the main thread saw it. */
  sourceDateEpoch?: string;
  /** The run's "today" (ISO), so every worker judges by the same day. */
  now: string;
  /** Where per-school reports go (`<out>/schools`), or null when none are written. */
  schoolsDir: string | null;
  formats: ReportFormat[];
  /** Render the school's JUnit suite for the batch's junit.xml. */
  junit: boolean;
  /** `--mapping`, and the folders given (audit-mapping.yaml files are looked for up to them). */
  mapping?: string;
  mappingRoots?: string[];
}

export interface BatchTask {
  /** Path to open. */
  path: string;
  /** The entry's `file`: relative, '/' separators. */
  file: string;
  /** Position in the sorted list: names the provisional report files. */
  index: number;
}

export interface BatchReply {
  entry: BatchEntry;
  /** The rubric's description, the first time this worker uses it. */
  rubric?: BatchRubric;
  /** The school's `<testsuite>` element. */
  junit?: string;
  /** Report formats written under their provisional name (see provisionalStem). */
  reports: ReportFormat[];
  /**
   * A problem that stops the whole run (a report cannot be written: exit 2). Sent as data because an
   * error thrown in a worker reaches the main thread as a plain Error, without its type or finding.
   */
  fatal?: Finding;
}

/** Reports are written under a hidden provisional name; the main thread renames them once all codes are known. */
export const provisionalStem = (index: number): string => `.batch-${index}`;

// The compact entry and the rubric's description: the same code builds them on the page (src/engine/batch-entry.ts).
export { scopeMismatches, describeRubric, schoolEntry, errorEntry } from '../engine/batch-entry.js';
import { describeRubric, errorEntry, schoolEntry } from '../engine/batch-entry.js';

/** The per-thread state of a worker: its rubric registry (rubrics load once per thread) and what it already sent. */
export function createBatchWorker(config: BatchWorkerConfig): (task: BatchTask) => Promise<BatchReply> {
  // The built-ins from the compiled file written at build time (when current), as `audit` does: no YAML
  // parsing or schema validation in each worker thread.
  const registry = new CachingRegistry(BUILTIN_RUBRICS_DIR, COMPILED_RUBRICS_FILE);
  const described = new Set<string>();
  const epoch = config.sourceDateEpoch !== undefined ? sourceDateEpoch({ SOURCE_DATE_EPOCH: config.sourceDateEpoch }) : null;
  const env = config.sourceDateEpoch !== undefined ? { SOURCE_DATE_EPOCH: config.sourceDateEpoch } : {};
  const renderOptions = { lang: config.lang, color: false, ...(epoch ? { generatedAt: epoch.toISOString() } : {}) };
  const now = new Date(config.now);
  if (config.schoolsDir !== null) {
    try {
      mkdirSync(config.schoolsDir, { recursive: true });
    } catch (err) {
      throw new UsageError({ code: 'cli.cannot_write', args: { file: config.schoolsDir, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
    }
  }

  return async (task: BatchTask): Promise<BatchReply> => {
    let result: AuditResult;
    let inv: Inventory;
    let rubric: Rubric;
    try {
      // The shared read path: mapping files, .xls/.ods through LibreOffice, old fonts.
      const read = await readWorkbookFile(task.path, {
        name: task.file,
        ...(config.mapping !== undefined ? { mapping: config.mapping } : {}),
        folderMappings: { upTo: mappingRoot(task.path, config.mappingRoots ?? []) },
      });
      const bytes = read.bytes;
      inv = read.inventory;
      const school = schoolIdentity(inv);
      const choice = chooseRubric(school, { ...(config.rubric !== undefined ? { rubric: config.rubric } : {}), registry });
      rubric = choice.rubric;
      const auditDate = inv.info.audit_date;
      result = auditInventory(inv, rubric, {
        asOf: chooseAsOf(config.asOf, auditDate?.ok ? auditDate.value : undefined, env, now),
        waivers: config.waivers,
        source: { file: basename(task.path), sha256: createHash('sha256').update(bytes).digest('hex') },
        tool: TOOL,
        warnings: choice.warnings,
      });
    } catch (err) {
      // Unreadable, no rubric applies, or a bug met on this file's data: an entry with its error (exit 3).
      return { entry: errorEntry(task.file, err, config.lang), reports: [] };
    }

    const reply: BatchReply = { entry: schoolEntry(task.file, result, inv, rubric, config.lang), reports: [] };
    const ref = `${rubricRef(rubric)} ${rubric.sha256}`;
    try {
      if (config.junit) reply.junit = junitSuite(result, config.lang);
      if (config.schoolsDir !== null && config.formats.length > 0) {
        const stem = provisionalStem(task.index);
        for (const f of config.formats) {
          writeReportSync(config.schoolsDir, reportFileName(stem, f), await renderers[f](result, renderOptions));
          reply.reports.push(f);
        }
      }
    } catch (err) {
      if (err instanceof UsageError) throw err; // cannot write: stops the run
      // A renderer's bug met on this school's data: its entry says so, the batch goes on.
      for (const f of reply.reports) {
        try { unlinkSync(join(config.schoolsDir!, reportFileName(provisionalStem(task.index), f))); } catch { /* gone */ }
      }
      return { entry: errorEntry(task.file, err, config.lang), reports: [] };
    }
    if (!described.has(ref)) {
      described.add(ref);
      reply.rubric = describeRubric(rubric, config.lang);
    }
    return reply;
  };
}

/**
 * Write one report under its provisional name. The provisional file is the temp file of an atomic write:
 * the main thread renames it to `<code>.audit.<ext>` once this worker has replied, so a report never shows
 * half-written under its final name (and an interrupted run's provisional files are removed). Synchronous
 * on purpose: a worker thread has nothing else to do, and each asynchronous call would wait for libuv's
 * shared thread pool (measured: ~5 ms per school with ReportWriter's async temp + rename against ~1 ms).
 * Hidden provisional names are never inputs (the search skips hidden files and the output folder); the
 * main thread checks the final names.
 */
function writeReportSync(dir: string, name: string, data: string | Uint8Array): void {
  const target = join(dir, name);
  try {
    writeFileSync(target, data);
  } catch (err) {
    try { unlinkSync(target); } catch { /* not written */ }
    throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** Rubric files given by path are parsed once per thread, not once per school. */
class CachingRegistry extends RubricRegistry {
  private files = new Map<string, LoadResult>();
  override loadFile(file: string): LoadResult {
    let r = this.files.get(file);
    if (!r) this.files.set(file, (r = super.loadFile(file)));
    return r;
  }
}

let runInThisThread: ((task: BatchTask) => Promise<BatchReply>) | undefined;

/** Run a task; a typed error that stops the run comes back as `fatal` (see BatchReply). */
export async function runTaskSafely(make: () => (task: BatchTask) => Promise<BatchReply>, task: BatchTask): Promise<BatchReply> {
  try {
    runInThisThread ??= make();
    return await runInThisThread(task);
  } catch (err) {
    if (err instanceof UsageError) return { entry: errorEntry(task.file, err, 'vi'), reports: [], fatal: err.finding };
    throw err;
  }
}

/** piscina's entry point: the run's config arrives as the pool's workerData. */
export default async function runBatchTask(task: BatchTask): Promise<BatchReply> {
  // Imported here, not at the top: the CLI's bundle holds this file too and must not load piscina at start-up.
  const { workerData } = await import('piscina');
  return runTaskSafely(() => createBatchWorker(workerData as BatchWorkerConfig), task);
}
