// Helpers for the CLI tests: run the built command (`node bin/audit.js`, which imports dist/) as a
// user would, and find the optional programs some tests need.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/audit.js');
export const fixture = (name: string): string => join(ROOT, 'fixtures', name);

export interface Run { code: number | null; stdout: string; stderr: string }

/** Run `audit <args>` with NO_COLOR=1 (and SOURCE_DATE_EPOCH unset unless given). */
export function audit(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder removed after the file's tests. */
export function tempDir(prefix = 'audit-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A program on PATH (or at one of `also`), or null. */
export function findProgram(name: string, also: string[] = []): string | null {
  for (const candidate of [name, ...also]) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return candidate;
  }
  return null;
}

/** A python3 that can import openpyxl (a pyenv shim may hide the system one), or null. */
export function pythonWithOpenpyxl(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) return py;
  }
  return null;
}

/** Say why a test is skipped, where the test output shows it. */
export function skipReason(test: string, why: string): void {
  console.log(`skipped: ${test}: ${why}`);
}

/** Run the CLI in `cwd` without blocking (batch tests: workers, time limits), with colours and CI variables off. */
export function auditAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd, env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '', GITHUB_STEP_SUMMARY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}
