// Which files a batch takes: every file under the folders (recursively) and the files named directly.
// Spreadsheets (.xlsx, .xls, .ods) are audited; every other file is an entry "not a workbook, not
// audited", named, with a hint when its name looks like a school's submission; Excel/LibreOffice lock
// files and hidden files (and Windows' Thumbs.db, desktop.ini) stay out but are counted. Nothing under
// the output folder is taken.
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { BatchIgnored, BatchNotAuditedEntry } from '../engine/batch.js';
import { fold } from '../inventory/fold.js';

/** Extensions the workers read (.xls and .ods through LibreOffice, or an entry saying how to save as .xlsx). */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xls', '.ods']);
/** Files Windows makes by itself in a folder. */
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

export interface BatchFile {
  /** Path to open. */
  path: string;
  /** The entry's `file`: '/'-separated, relative to the working directory, or (outside it) to the given folder's parent. */
  file: string;
  /** true for a spreadsheet to audit; false for a file listed as not audited. */
  workbook: boolean;
}

export interface FoundFiles { files: BatchFile[]; ignored: BatchIgnored }

const toSlash = (p: string): string => p.split(sep).join('/');

const inside = (dir: string, file: string): boolean => {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * How a file is named in the summary: relative to the working directory when it lies under it (as the
 * user typed the folder), else from the given folder's own name down (`Ba Tri/THCS An Hòa.xlsx`, not
 * `../../<other folder>/Ba Tri/…`).
 */
export function displayPath(abs: string, root: string): string {
  const cwd = process.cwd();
  if (abs === cwd || inside(cwd, abs)) return toSlash(relative(cwd, abs));
  const base = dirname(root);
  const rel = relative(base, abs);
  return toSlash(rel === '' || isAbsolute(rel) ? abs : rel);
}

/** A lock file of Excel (`~$name.xlsx`) or LibreOffice (`.~lock.name.xlsx#`). */
const isLock = (name: string): boolean => name.startsWith('~$') || name.startsWith('.~lock.');

/** Words and codes that make a file's name look like a school's submission. */
const SCHOOL_NAME = /(^| )(truong|thcs|thpt|th|tieu hoc|mn|mam non|mau giao|ptdtbt|ptdtnt|ptcs|lien cap|gdtx|school|kiem ke|bao cao)( |$)|\d{6,}/;

/** Does this file's name look like a school's submission (a school word or a school code)? */
export function looksLikeSubmission(file: string): boolean {
  const name = basename(file, extname(file));
  return SCHOOL_NAME.test(fold(name).replace(/[^a-z0-9]+/g, ' ').trim());
}

/** The entry of a file that is not a spreadsheet. */
export function notAuditedEntry(f: Pick<BatchFile, 'file'>): BatchNotAuditedEntry {
  const ext = extname(f.file).toLowerCase().replace(/^\./, '');
  const kind = basename(f.file) === 'audit-mapping.yaml' ? 'mapping' : ext;
  return { file: f.file, not_audited: { kind, submission: kind !== 'mapping' && looksLikeSubmission(f.file) } };
}

/** Every file under the folders and the files given; sorted by `file`, without repeats. */
export async function findBatchFiles(paths: readonly string[], outDir: string | undefined): Promise<FoundFiles> {
  const { glob } = await import('tinyglobby');
  const out = outDir !== undefined ? resolve(outDir) : null;
  const found = new Map<string, BatchFile>();
  const ignored: BatchIgnored = { lock: 0, hidden: 0 };
  const seenIgnored = new Set<string>();
  const take = (abs: string, root: string, rel: string): void => {
    const name = basename(abs);
    const hidden = rel.split('/').some((part) => part.startsWith('.')) || SYSTEM_FILES.has(name.toLowerCase());
    if (isLock(name) || hidden) {
      if (!seenIgnored.has(abs)) {
        seenIgnored.add(abs);
        if (isLock(name)) ignored.lock += 1;
        else ignored.hidden += 1;
      }
      return;
    }
    found.set(abs, { path: abs, file: displayPath(abs, root), workbook: WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase()) });
  };
  for (const p of paths) {
    const abs = resolve(p);
    let isDir: boolean;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      throw new UsageError({ code: 'batch.path_not_found', args: { path: p } });
    }
    if (!isDir) {
      // A file named directly is taken as the user asked, hidden or not.
      found.set(abs, { path: abs, file: displayPath(abs, dirname(abs)), workbook: WORKBOOK_EXTENSIONS.has(extname(abs).toLowerCase()) });
      continue;
    }
    const hits = await glob(['**/*'], { cwd: abs, absolute: false, dot: true, onlyFiles: true, followSymbolicLinks: false });
    for (const h of hits) {
      const file = resolve(abs, h);
      if (out !== null && (inside(out, file) || file === out)) continue;
      take(file, abs, toSlash(h));
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: [...found.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.path, b.path)), ignored };
}

/** The spreadsheets only (what `audit diff` reads from a folder). */
export async function findWorkbooks(paths: readonly string[], outDir: string | undefined): Promise<{ path: string; file: string }[]> {
  return (await findBatchFiles(paths, outDir)).files.filter((f) => f.workbook).map(({ path, file }) => ({ path, file }));
}
