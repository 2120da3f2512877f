// Running the CLI in-process for the diff tests: main(argv, io) with captured streams, no colour, no
// SOURCE_DATE_EPOCH unless given. Also `audit batch` in-process (its worker function in this thread).
import { main, type CliIO } from '../../src/cli/main.js';
import { parseBatchOptions, runBatch } from '../../src/cli/commands/batch.js';
import { createBatchWorker } from '../../src/cli/batch-worker.js';

export interface Run { code: number; stdout: string; stderr: string }

export async function audit(args: string[], env: Record<string, string> = {}, tty = false, columns?: number): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    ...(columns ? { columns } : {}),
    env: { ...env },
    now: () => new Date(Date.UTC(2025, 0, 15)),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** `audit batch <dir> --out <out>` with the worker in this thread (no build, no thread pool). */
export async function batch(dir: string, out: string): Promise<number> {
  const io: CliIO = {
    stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false, env: {}, now: () => new Date(Date.UTC(2025, 0, 15)),
  };
  const g = { lang: 'vi' as const, json: false, quiet: true, verbose: false, color: false };
  const opts = parseBatchOptions({ out, format: 'json', jobs: '1' }, g);
  return runBatch([dir], opts, g, io, {
    runner: async (config) => {
      const run = createBatchWorker(config);
      return { run, close: async () => undefined };
    },
  });
}
