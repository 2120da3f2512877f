// A file the user names with -o (a blank form, the web page, a CI workflow): written whole or not at all,
// and never over a file that is there — it may be a school's filled-in workbook or the district's own
// workflow. Shared by `audit template`, `audit web` and `audit ci`.
import { link, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { usage } from './option-values.js';

const exists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** Write `data` at `target` (a temp file, then a hard link, which fails when the name is taken); `existsCode` says so. */
export async function writeNewFile(target: string, data: Uint8Array | string, existsCode: string): Promise<void> {
  const dir = dirname(resolve(target));
  const taken = (): never => usage(existsCode, { file: target });
  const cannot = (err: unknown): never => usage('cli.cannot_write', { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  try { await mkdir(dir, { recursive: true }); } catch (err) { cannot(err); }
  if (await exists(target)) taken();
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    try {
      await link(temp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') taken();
      // No hard links here (FAT on a USB stick): create-exclusive instead.
      try { await writeFile(target, data, { flag: 'wx' }); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') taken();
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
