// `audit ci github|gitlab [options] [-o file]`: check the options, build the workflow (src/ci/), print it or
// write it — whole or not at all (temp file + hard link), and never over an existing file.
import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { format } from '../../messages/format.js';
import '../../messages/ci.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import '../messages.js';
import { writeNewFile } from '../write-new.js';
import { rawString, usage, isIsoDate } from '../option-values.js';
import { TOOL } from '../tool.js';
import { DEFAULT_CRON, deadlineCrons, shellQuote, type CiPlatform, type CiSpec } from '../../ci/spec.js';

export interface CiCommandOptions {
  out?: string;
  dir: string;
  shards: number;
  cron?: string;
  deadline?: string;
  allowFailing: boolean;
  install?: string;
  rubric?: string;
  mapping?: string;
  waivers?: string;
  failUnder?: string;
}

/**
 * Where the workflows install the tool from by default: this repository at the tag of the running version,
 * so the CI scores with the same rubrics and rules as the officer's own copy.
 */
export const TOOL_GIT_URL = 'git+https://github.com/audit-vn/audit.git';
export const defaultInstall = (version: string): string => `${TOOL_GIT_URL}#v${version}`;

export const DEFAULT_DIR = 'ho-so/';
const DEFAULT_FILE: Record<CiPlatform, { name: string; path: string }> = {
  github: { name: 'audit.yml', path: '.github/workflows/audit.yml' },
  gitlab: { name: '.gitlab-ci.yml', path: '.gitlab-ci.yml' },
};

/** Text that a workflow may carry: no GitHub expression, no line break. */
const plain = (s: string) => !s.includes('${{') && !/[\r\n\0]/.test(s);

/** A path inside the repository, '/'-separated; null when absolute, leaving it, or not plain. */
function repoPath(value: string): string | null {
  if (value.trim() === '' || !plain(value) || isAbsolute(value) || /^[A-Za-z]:/.test(value)) return null;
  const n = normalize(value).split(sep).join('/');
  if (n === '..' || n.startsWith('../')) return null;
  return n;
}

export function parseCiOptions(raw: Record<string, unknown>): CiCommandOptions {
  const str = (k: string) => rawString(raw, k);
  const dirRaw = str('dir') ?? DEFAULT_DIR;
  const dir = repoPath(dirRaw);
  if (dir === null || dir === '.') usage('ci.bad_path', { option: '--dir', value: dirRaw });
  const opts: CiCommandOptions = { dir: `${dir!.replace(/\/+$/, '')}/`, shards: 1, allowFailing: raw.allowFailingSchools === true };

  const shards = str('shards');
  if (shards !== undefined) {
    const n = Number(shards);
    if (!/^\s*\d+\s*$/.test(shards) || n < 1 || n > 200) usage('ci.bad_shards', { value: shards });
    opts.shards = n;
  }
  const cron = str('cron');
  if (cron !== undefined) {
    const fields = cron.trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((f) => /^[0-9*/,-]+$/.test(f))) usage('ci.bad_cron', { value: cron });
    opts.cron = fields.join(' ');
  }
  const deadline = str('deadline');
  if (deadline !== undefined) {
    if (!isIsoDate(deadline)) usage('ci.bad_deadline', { value: deadline });
    opts.deadline = deadline;
  }
  const install = str('install');
  if (install !== undefined) {
    if (install.trim() === '' || !plain(install)) usage('ci.bad_install');
    opts.install = install.trim();
  }
  for (const [key, option] of [['rubric', '--rubric'], ['mapping', '--mapping'], ['waivers', '--waivers']] as const) {
    const v = str(key);
    if (v === undefined) continue;
    // A rubric id (ben-tre-2782@1) is a path too, as far as this check goes.
    const p = repoPath(v);
    if (p === null) usage('ci.bad_path', { option, value: v });
    opts[key] = p!;
  }
  const failUnder = str('failUnder');
  if (failUnder !== undefined) {
    const n = Number(failUnder.replace(',', '.'));
    if (failUnder.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) usage('cli.bad_fail_under', { value: failUnder });
    opts.failUnder = String(n);
  }
  const out = str('out');
  if (out !== undefined) opts.out = out;
  return opts;
}

const looksLikeFile = (ref: string) => /\.ya?ml$/i.test(ref) || ref.includes('/');

async function exists(path: string): Promise<boolean> {
  try { await stat(path); return true; } catch { return false; }
}

/**
 * Catch here what would only fail in CI: an unknown built-in rubric, a rubric or mapping file with mistakes
 * (exit 2). A file not in this folder may well be in the repository: a note, not an error.
 */
async function checkFiles(opts: CiCommandOptions, g: GlobalOptions, io: CliIO): Promise<void> {
  const note = (option: string, file: string) => {
    if (!g.quiet) io.stderr(`${format({ code: 'ci.file_not_here', args: { option, file } }, g.lang)}\n`);
  };
  if (opts.rubric !== undefined) {
    if (!looksLikeFile(opts.rubric) || await exists(opts.rubric)) {
      (await import('../../rubric/registry.js')).loadRubric(opts.rubric);
    } else {
      note('--rubric', opts.rubric);
    }
  }
  if (opts.mapping !== undefined) {
    if (await exists(opts.mapping)) await (await import('../read-workbook.js')).checkMappings([], { mapping: opts.mapping });
    else note('--mapping', opts.mapping);
  }
  if (opts.waivers !== undefined) {
    if (await exists(opts.waivers)) await (await import('../../rubric/waivers.js')).loadWaivers(opts.waivers);
    else note('--waivers', opts.waivers);
  }
}

/** The options as they are written again on a command line (canonical order: the same options, the same text). */
function regenerateLine(platform: CiPlatform, opts: CiCommandOptions, g: GlobalOptions): string {
  const words = ['audit', 'ci', platform];
  const add = (flag: string, v: string | undefined) => { if (v !== undefined) words.push(flag, shellQuote(v)); };
  add('--rubric', opts.rubric);
  add('--mapping', opts.mapping);
  add('--waivers', opts.waivers);
  add('--fail-under', opts.failUnder);
  if (opts.dir !== DEFAULT_DIR) add('--dir', opts.dir);
  if (opts.shards > 1) add('--shards', String(opts.shards));
  add('--cron', opts.cron);
  add('--deadline', opts.deadline);
  if (opts.allowFailing) words.push('--allow-failing-schools');
  add('--install', opts.install);
  if (g.lang !== 'vi') add('--lang', g.lang);
  words.push('-o', DEFAULT_FILE[platform].path);
  return words.join(' ');
}

export function ciSpec(platform: CiPlatform, opts: CiCommandOptions, g: GlobalOptions): CiSpec {
  const crons = [...(opts.cron !== undefined ? [opts.cron] : opts.deadline !== undefined ? [] : [DEFAULT_CRON])];
  if (opts.deadline !== undefined) crons.push(...deadlineCrons(opts.deadline));
  const batchArgs: string[] = [];
  if (opts.rubric !== undefined) batchArgs.push('--rubric', opts.rubric);
  if (opts.mapping !== undefined) batchArgs.push('--mapping', opts.mapping);
  if (opts.waivers !== undefined) batchArgs.push('--waivers', opts.waivers);
  if (opts.failUnder !== undefined) batchArgs.push('--fail-under', opts.failUnder);
  return {
    platform,
    lang: g.lang,
    dir: opts.dir,
    shards: opts.shards,
    crons,
    allowFailing: opts.allowFailing,
    install: opts.install ?? defaultInstall(TOOL.version),
    batchArgs,
    version: TOOL.version,
    regenerate: regenerateLine(platform, opts, g),
  };
}

export async function renderCi(spec: CiSpec): Promise<string> {
  if (spec.platform === 'github') return (await import('../../ci/github.js')).githubWorkflow(spec);
  return (await import('../../ci/gitlab.js')).gitlabPipeline(spec);
}

/** The file `-o` names: as given, or the platform's file name inside a folder. */
async function outTarget(platform: CiPlatform, out: string): Promise<string> {
  let isDir = /[\\/]$/.test(out);
  if (!isDir) { try { isDir = (await stat(out)).isDirectory(); } catch { /* a new file */ } }
  if (isDir) return join(out, DEFAULT_FILE[platform].name);
  if (!/^\.ya?ml$/i.test(extname(out))) usage('ci.not_yaml', { file: out, example: DEFAULT_FILE[platform].path });
  return out;
}

export async function runCi(platform: CiPlatform, opts: CiCommandOptions, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const target = opts.out !== undefined ? await outTarget(platform, opts.out) : null;
  await checkFiles(opts, g, io);
  const text = await renderCi(ciSpec(platform, opts, g));
  if (target === null) {
    io.stdout(text);
    return 0;
  }
  await writeNewFile(target, text, 'ci.exists');
  if (!g.quiet) {
    const shown = target.split(sep).join('/');
    const misplaced = platform === 'github' ? !/(^|\/)\.github\/workflows\/[^/]+$/.test(resolve(target).split(sep).join('/')) : basename(target) !== '.gitlab-ci.yml';
    if (misplaced) io.stderr(`${format({ code: platform === 'github' ? 'ci.github_place' : 'ci.gitlab_place' }, g.lang)}\n`);
    io.stderr(`${format({ code: 'ci.wrote', args: { file: shown, dir: opts.dir } }, g.lang)}\n`);
  }
  return 0;
}
