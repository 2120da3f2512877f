// `audit web -o <file.html|folder>`: write the single-file web page (dist/audit.html, built by
// scripts/build-web.mjs) where a Sở can publish it. Written whole or not at all, never over a file.
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { format } from '../../messages/format.js';
import '../../messages/web.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import '../messages.js';

/** The page `npm run build` writes beside dist/cli/. */
export const BUILT_PAGE = fileURLToPath(new URL('../../audit.html', import.meta.url));
const DEFAULT_NAME = 'audit.html';

const usage = (code: string, args: Record<string, string> = {}): never => {
  throw new UsageError({ code, args });
};

async function isDirectory(path: string): Promise<boolean> {
  try { return (await stat(path)).isDirectory(); } catch { return false; }
}

/** The file to write: `-o` as given, or audit.html inside a folder given with `-o`. */
export async function webTarget(out: string | undefined): Promise<string> {
  if (out === undefined || out.trim() === '') return usage('cli.web.needs_out');
  if (/[\\/]$/.test(out) || await isDirectory(out)) return join(out, DEFAULT_NAME);
  if (!/^\.html?$/i.test(extname(out))) return usage('cli.web.not_html', { file: out });
  return out;
}

/** Write `data` at `target` whole (a temp file, then a hard link that fails when the name is taken). */
async function writeNew(target: string, data: Uint8Array): Promise<void> {
  const dir = dirname(resolve(target));
  const cannot = (err: unknown): never => usage('cli.cannot_write', { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  try { await mkdir(dir, { recursive: true }); } catch (err) { cannot(err); }
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    try {
      await link(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') usage('cli.web.exists', { file: target });
      // No hard links here (FAT on a USB stick): create-exclusive instead.
      try { await writeFile(target, data, { flag: 'wx' }); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') usage('cli.web.exists', { file: target });
        cannot(e);
      }
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    cannot(err);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

export async function runWeb(opts: { out?: string }, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const target = await webTarget(opts.out);
  let page: Uint8Array;
  try {
    page = new Uint8Array(await readFile(BUILT_PAGE));
  } catch {
    return usage('cli.web.not_built');
  }
  await writeNew(target, page);
  if (!g.quiet) {
    const size = `${(page.length / 1024 / 1024).toFixed(1).replace('.', g.lang === 'vi' ? ',' : '.')} MB`;
    io.stderr(`${format({ code: 'cli.web.wrote', args: { file: target, size } }, g.lang)}\n`);
  }
  return 0;
}
