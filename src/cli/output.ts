// Writing report files: named after the school code, never half-written (temp file + rename in the
// same folder), never over an input file.
import { mkdir, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import { stripDiacritics } from '../inventory/fold.js';

export const REPORT_FORMATS = ['md', 'xlsx', 'json', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const EXTENSION: Record<ReportFormat, string> = { md: 'md', xlsx: 'xlsx', json: 'json', junit: 'junit.xml' };

/** A school code as a file-name stem: letters, digits, '-', '_' only; null when nothing usable is left. */
export function sanitizeStem(text: string | null | undefined): string | null {
  if (!text) return null;
  // stripDiacritics lower-cases Đ; keep the code's case.
  const s = stripDiacritics(text.normalize('NFC').replace(/Đ/g, 'D'))
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  return s.length > 0 ? s.slice(0, 80) : null;
}

/** The stem of a school's reports: its code, else the input file's base name, else "report". */
export function reportStem(code: string | null, inputPath: string): string {
  return sanitizeStem(code) ?? sanitizeStem(basename(inputPath, extname(inputPath))) ?? 'report';
}

export const reportFileName = (stem: string, format: ReportFormat): string => `${stem}.audit.${EXTENSION[format]}`;

/** Where a path really points (resolving symlinks when it exists). */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** Writes reports into one folder; remembers the inputs so that none of them is ever overwritten. */
export class ReportWriter {
  private readonly inputs: Promise<Set<string>>;
  private readonly taken = new Set<string>();
  private ready: Promise<void> | null = null;

  constructor(readonly dir: string, inputPaths: readonly string[]) {
    this.inputs = Promise.all(inputPaths.map(canonical)).then((paths) => new Set(paths));
  }

  /**
   * A stem not yet used in this run: two workbooks with the same school code would otherwise
   * overwrite each other's reports, so the second one is named after its input file too.
   */
  claimStem(code: string | null, inputPath: string): string {
    let stem = reportStem(code, inputPath);
    if (this.taken.has(stem)) {
      const alt = sanitizeStem(basename(inputPath, extname(inputPath)));
      stem = alt && !this.taken.has(`${stem}-${alt}`) ? `${stem}-${alt}` : stem;
      for (let i = 2; this.taken.has(stem); i++) stem = `${reportStem(code, inputPath)}-${i}`;
    }
    this.taken.add(stem);
    return stem;
  }

  /** Write one file atomically; returns its path. Throws UsageError when it would replace an input. */
  async write(name: string, data: string | Uint8Array): Promise<string> {
    this.ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
    try {
      await this.ready;
    } catch (err) {
      throw new UsageError({ code: 'cli.cannot_write', args: { file: this.dir, reason: reason(err) } });
    }
    const target = join(this.dir, name);
    if ((await this.inputs).has(await canonical(target))) {
      throw new UsageError({ code: 'cli.output_is_input', args: { file: target } });
    }
    const temp = join(this.dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, data);
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: reason(err) } });
    }
    return target;
  }
}

const reason = (err: unknown): string =>
  (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
