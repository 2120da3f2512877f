// `audit web -o <file.html|folder>`: write the single-file web page (dist/audit.html, built by
// scripts/build-web.mjs) where a Sở can publish it. Written whole or not at all, never over a file.
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { format } from '../../messages/format.js';
import '../../messages/web.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import '../messages.js';
import { writeNewFile } from '../write-new.js';

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

export async function runWeb(opts: { out?: string }, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const target = await webTarget(opts.out);
  let page: Uint8Array;
  try {
    page = new Uint8Array(await readFile(BUILT_PAGE));
  } catch {
    return usage('cli.web.not_built');
  }
  await writeNewFile(target, page, 'cli.web.exists');
  if (!g.quiet) {
    const size = `${(page.length / 1024 / 1024).toFixed(1).replace('.', g.lang === 'vi' ? ',' : '.')} MB`;
    io.stderr(`${format({ code: 'cli.web.wrote', args: { file: target, size } }, g.lang)}\n`);
  }
  return 0;
}
