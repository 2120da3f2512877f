// The worker pool of a batch (piscina): each file is one task with a time limit; a task that ran out of
// time in the shared pool gets a second try alone, then becomes an error entry.
import { format } from '../messages/format.js';
import '../messages/batch.js';
import type { BatchReply, BatchTask, BatchWorkerConfig } from './batch-worker.js';
import type { Piscina as PiscinaPool } from 'piscina';

/** Runs one task: a piscina pool in real runs; tests may run the worker function in-process. */
export type BatchRunner = { run(task: BatchTask): Promise<BatchReply>; close(): Promise<void> };
export type RunnerFactory = (config: BatchWorkerConfig, jobs: number, timeoutSeconds: number) => Promise<BatchRunner>;

export const piscinaRunner: RunnerFactory = async (config, jobs, timeoutSeconds) => {
  const { Piscina } = await import('piscina');
  const filename = new URL('./batch-worker.js', import.meta.url).href;
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

