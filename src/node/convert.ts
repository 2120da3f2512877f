// .xls and .ods workbooks are converted to .xlsx by LibreOffice when it is installed: one headless
// `soffice` run per file, in a private temporary folder with its own LibreOffice profile, so that
// parallel batch workers (and a LibreOffice the user has open) never share a profile or a lock.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { ole2StreamNames, sniffContainer } from '../inventory/sniff.js';
import type { Finding } from '../engine/types.js';
import '../messages/convert.js';

export interface ConvertOptions {
  /** Kill LibreOffice (its whole process group) after this long. */
  timeoutMs: number;
  /** The soffice program; default: findSoffice(). */
  sofficePath?: string;
}

export interface Converted {
  /** The .xlsx written by LibreOffice, inside a private temporary folder. */
  xlsxPath: string;
  /** Remove the temporary folder (the .xlsx and the profile). Safe to call twice. */
  cleanup(): Promise<void>;
}

const isWindows = process.platform === 'win32';

/** Where LibreOffice installs itself when it is not on PATH. */
const WELL_KNOWN = isWindows
  ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']
  : ['/Applications/LibreOffice.app/Contents/MacOS/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

function isExecutable(p: string): boolean {
  try { accessSync(p, isWindows ? constants.F_OK : constants.X_OK); return true; } catch { return false; }
}

/** The LibreOffice program (`soffice`, or `libreoffice`) on PATH or in its usual install folder, or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = isWindows ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((d) => d !== '');
  for (const dir of dirs) {
    for (const name of names) {
      const p = join(dir, name);
      if (isExecutable(p)) return p;
    }
  }
  return WELL_KNOWN.find(isExecutable) ?? null;
}

/** Quote an argument for the user's shell only when it needs it. */
function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./\\-]+$/u.test(arg)) return arg;
  if (isWindows) return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command a person can run to convert the file by hand (the .xlsx lands beside the original). */
export function handConvertCommand(path: string, soffice = 'soffice'): string {
  const abs = resolve(path);
  return ['soffice' === soffice ? 'soffice' : shellQuote(soffice), '--headless', '--convert-to', 'xlsx', '--outdir', shellQuote(dirname(abs)), shellQuote(abs)].join(' ');
}

function fail(code: string, path: string, args: Record<string, string | number | Finding>, soffice?: string): InputError {
  const ext = extname(path).toLowerCase() || basename(path);
  return new InputError({ code, args: { file: path, ext, command: handConvertCommand(path, soffice), ...args } }, path);
}

/** The last line LibreOffice wrote that says something (it prints Java and font chatter too). */
function lastMeaningfulLine(text: string): string | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim())
    .filter((l) => l !== '' && !/javaldx|Java Runtime|Warning: failed to launch javaldx|^convert /i.test(l));
  const line = lines.at(-1);
  return line === undefined ? null : line.slice(0, 300);
}

/** Kill soffice and everything it started (it forks oosplash → soffice.bin). */
function killTree(pid: number | undefined, child: { kill(sig?: NodeJS.Signals): boolean }): void {
  if (pid !== undefined && !isWindows) {
    try { process.kill(-pid, 'SIGKILL'); return; } catch { /* the group is gone already */ }
  }
  child.kill('SIGKILL');
}

/**
 * The LibreOffice import filter for the bytes, when they are certainly an Excel 97-2003 or an ODS
 * workbook. Named, a damaged file fails to load; left to LibreOffice's guess, any bytes load as text.
 * Anything else (Excel 5/95, XML Spreadsheet 2003) is left to LibreOffice.
 */
export function inputFilter(bytes: Uint8Array): string | null {
  const container = sniffContainer(bytes);
  if (container === 'ole2') return ole2StreamNames(bytes).includes('Workbook') ? 'MS Excel 97' : null;
  if (container === 'zip') {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 120));
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'calc8';
  }
  return null;
}

/**
 * Convert an .xls/.ods (or anything LibreOffice Calc opens) to .xlsx.
 * Throws InputError input.needs_libreoffice / input.convert_failed / input.convert_timeout.
 */
export async function convertWithLibreOffice(path: string, opts: ConvertOptions): Promise<Converted> {
  const soffice = opts.sofficePath ?? findSoffice();
  if (soffice === null) throw fail('input.needs_libreoffice', path, {});

  const input = resolve(path);
  const dir = await mkdtemp(join(tmpdir(), 'audit-convert-'));
  const cleanup = () => rm(dir, { recursive: true, force: true, maxRetries: 3 });
  const outDir = join(dir, 'out');
  try {
    await mkdir(outDir);
    const filter = inputFilter(await readFile(input).catch(() => new Uint8Array()));
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      ...(filter ? [`--infilter=${filter}`] : []),
      '--convert-to', 'xlsx', '--outdir', outDir, input,
    ];
    const run = await runSoffice(soffice, args, opts.timeoutMs);
    if (run.kind === 'timeout') {
      throw fail('input.convert_timeout', path, { seconds: Math.round(opts.timeoutMs / 100) / 10 }, opts.sofficePath);
    }
    if (run.kind === 'spawn_error') {
      throw fail('input.convert_failed', path, { detail: { code: 'input.convert_detail.start_failed', args: { program: soffice, reason: run.reason } } }, opts.sofficePath);
    }
    const produced = (await readdir(outDir)).filter((n) => n.toLowerCase().endsWith('.xlsx'));
    const expected = `${basename(input, extname(input))}.xlsx`;
    const name = produced.includes(expected) ? expected : produced[0];
    if (run.status !== 0 || name === undefined || (await stat(join(outDir, name))).size === 0) {
      const said = lastMeaningfulLine(run.stderr) ?? lastMeaningfulLine(run.stdout);
      const detail: Finding = run.status !== 0
        ? (said ? { code: 'input.convert_detail.message', args: { text: said } } : { code: 'input.convert_detail.exit_code', args: { status: run.status } })
        : said && /error/i.test(said) ? { code: 'input.convert_detail.message', args: { text: said } } : { code: 'input.convert_detail.no_output' };
      throw fail('input.convert_failed', path, { detail }, opts.sofficePath);
    }
    return { xlsxPath: join(outDir, name), cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

type RunResult =
  | { kind: 'exit'; status: number; stdout: string; stderr: string }
  | { kind: 'timeout' }
  | { kind: 'spawn_error'; reason: string };

function runSoffice(program: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((done) => {
    // detached: its own process group, so a timeout kills oosplash and soffice.bin with it.
    const child = spawn(program, args, {
      detached: !isWindows,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { if (stdout.length < 65536) stdout += b.toString('utf8'); });
    child.stderr.on('data', (b: Buffer) => { if (stderr.length < 65536) stderr += b.toString('utf8'); });
    let settled = false;
    const finish = (r: RunResult) => { if (!settled) { settled = true; clearTimeout(timer); done(r); } };
    const timer = setTimeout(() => {
      killTree(child.pid, child);
      finish({ kind: 'timeout' });
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => finish({ kind: 'spawn_error', reason: err.code ?? err.message }));
    child.on('close', (code, signal) => {
      killTree(child.pid, child); // stragglers of the group, if any
      finish({ kind: 'exit', status: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
