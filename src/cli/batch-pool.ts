// The worker pool of a batch (piscina): each file is one task with a time limit and a heap cap; a task
// that ran out of time or memory in the shared pool gets a second try alone, then becomes an error entry.
import { format } from '../messages/format.js';
import '../messages/batch.js';
import type { BatchReply, BatchTask, BatchWorkerConfig } from './batch-worker.js';
import type { Piscina as PiscinaPool } from 'piscina';

/** Runs one task: a piscina pool in real runs; tests may run the worker function in-process. */
export type BatchRunner = { run(task: BatchTask): Promise<BatchReply>; close(): Promise<void> };
export type RunnerFactory = (config: BatchWorkerConfig, jobs: number, timeoutSeconds: number, heap?: WorkerHeap) => Promise<BatchRunner>;
/** A worker's heap limits (piscina's resourceLimits). */
export interface WorkerHeap { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number }

/** Heap of a worker in the shared pool (young: V8's own default on 64-bit machines). */
export const WORKER_HEAP: WorkerHeap = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 48 };

export const piscinaRunner: RunnerFactory = async (config, jobs, timeoutSeconds, heap = WORKER_HEAP) => {
  const { Piscina } = await import('piscina');
  const filename = new URL('./batch-worker.js', import.meta.url).href;
  const pool = new Piscina<BatchTask, BatchReply>({
    filename,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: config,
    // The next task waits in the worker, not in this thread: no idle gap while a reply travels back.
    concurrentTasksPerWorker: 2,
    // Left alone, V8 lets each worker's heap grow with the run (measured: +100 MB of RSS between 1,000 and
    // 10,000 files) although a school needs a few MB. A workbook that needs more than this fails here
    // and gets its second try in the one-thread pool below, which has no such cap.
    resourceLimits: heap,
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
      reply = 'timeout'; // its worker ran out of heap, or was ended under it by another task's time limit
    }
    if (reply === 'timeout') reply = await retryAlone(t);
    if (reply !== 'timeout') return reply;
    const finding = { code: 'batch.timeout', args: { seconds: timeoutSeconds } };
    return { entry: { file: t.file, error: { code: finding.code, message: format(finding, config.lang) } }, reports: [] };
  };
  return { run, close: async () => { await pool.destroy(); await alone?.destroy(); } };
};

