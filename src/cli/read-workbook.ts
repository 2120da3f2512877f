// One workbook file → its inventory: the read path `audit`, `audit batch`, `audit diff` and `audit inspect`
// share. Reads the bytes (a missing file is an input error), applies the mapping files (--mapping, then
// the audit-mapping.yaml of the workbook's folder and its parents), and converts an .xls or .ods with
// LibreOffice when it is installed; without it, the error gives the exact command to convert by hand.
// Prints nothing: the caller is told about a conversion through `onConvert`.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { limitArgs } from '../inventory/zip.js';
import type { ReadExplain } from '../inventory/explain.js';
import { readInventoryExplained } from '../inventory/index.js';
import { folderMappingFiles } from '../inventory/mapping-files.js';
import type { Mapping } from '../inventory/mapping.js';
import type { NormalizeOptions } from '../inventory/normalize.js';
import type { Inventory } from '../inventory/types.js';
import './messages.js';

export interface ReadWorkbookOptions {
  /** `--mapping`: a mapping file for every workbook. */
  mapping?: string;
  /**
   * Pick up `audit-mapping.yaml` files: in the workbook's folder and its parents up to `upTo` (a batch's
   * folder; default: the workbook's folder only). `false`: none.
   */
  folderMappings?: { upTo?: string } | false;
  /** The environment (PATH and AUDIT_SOFFICE decide whether LibreOffice can convert). */
  env?: Record<string, string | undefined>;
  convertTimeoutMs?: number;
  /** Called once before LibreOffice converts the file (the CLI says so on stderr). */
  onConvert?: (file: string) => void;
  /** The name the workbook is given in problems (default: the path). */
  name?: string;
}

export interface WorkbookFile {
  inventory: Inventory;
  /** How the reader understood it (`--explain`). */
  explain: ReadExplain;
  /** The file's own bytes (its sha256 goes into the result). */
  bytes: Uint8Array;
  /** Set when LibreOffice converted it: the extension it had ('.xls', '.ods'). */
  converted?: string;
}

/** The largest workbook file read at all (bytes; the page's limit too). */
export { MAX_FILE_BYTES } from '../inventory/zip.js';
import { MAX_FILE_BYTES } from '../inventory/zip.js';

const CONVERTIBLE = new Set(['input.xls_legacy', 'input.ods']);
const CONVERT_TIMEOUT_MS = 120_000;
const OFF = new Set(['', '0', 'no', 'none', 'off', 'false']);

/**
 * The bytes of a file; a missing or unreadable file is an input error (exit 3). Read synchronously: the
 * caller (a command, a batch worker thread) has nothing else to do meanwhile.
 */
export function readInputFile(file: string): Uint8Array {
  try {
    // Refuse a huge file before loading it: a school's workbook is well under a megabyte.
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      throw new InputError({ code: 'input.too_large', args: { file, ...limitArgs('maxFileBytes', size, MAX_FILE_BYTES) } }, file);
    }
    return new Uint8Array(readFileSync(file));
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError({ code: 'cli.file_not_found', args: { file } }, file);
    if (code === 'EISDIR') throw new InputError({ code: 'cli.is_directory', args: { file } }, file);
    throw new InputError({ code: 'cli.cannot_read', args: { file, reason: code ?? String(err) } }, file);
  }
}

/** The mapping module (zod schema, YAML): loaded only when a workbook has a mapping file. */
const mappingModule = () => import('../inventory/mapping.js');

/** The mappings that apply to a workbook, in the order their names are tried. Throws RubricError (exit 2). */
export async function mappingsFor(path: string, opts: ReadWorkbookOptions): Promise<Mapping[]> {
  const files = opts.mapping !== undefined ? [opts.mapping] : [];
  if (opts.folderMappings !== false) files.push(...await folderMappingFiles(path, opts.folderMappings?.upTo));
  if (files.length === 0) return [];
  const { loadMapping } = await mappingModule();
  const out: Mapping[] = [];
  for (const f of files) out.push(await loadMapping(f));
  return out;
}

/**
 * The folder up to which a batch looks for audit-mapping.yaml above a workbook: the deepest of the
 * folders given on the command line that holds it, else the workbook's own folder.
 */
export function mappingRoot(workbook: string, roots: readonly string[]): string {
  const abs = resolve(workbook);
  const holding = roots.map((r) => resolve(r)).filter((r) => {
    const rel = relative(r, abs);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  return holding.sort((a, b) => b.length - a.length)[0] ?? dirname(abs);
}

/**
 * Check, before any workbook is read, every mapping file these workbooks will use (--mapping and the
 * audit-mapping.yaml files of their folders): a mistake stops the run once (RubricError, exit 2)
 * instead of failing each school.
 */
export async function checkMappings(workbooks: readonly string[], opts: { mapping?: string; roots?: readonly string[] }): Promise<void> {
  const files = new Set<string>(opts.mapping !== undefined ? [opts.mapping] : []);
  const seenDirs = new Set<string>();
  for (const wb of workbooks) {
    const dir = dirname(resolve(wb));
    if (seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    for (const f of await folderMappingFiles(wb, mappingRoot(wb, opts.roots ?? []))) files.add(f);
  }
  if (files.size === 0) return;
  const { loadMapping } = await mappingModule();
  for (const f of files) await loadMapping(f);
}

/** The LibreOffice program to convert with: AUDIT_SOFFICE (a path, or `off`), else found on PATH; null when none. */
async function sofficeFor(env: Record<string, string | undefined>): Promise<string | null> {
  const set = env.AUDIT_SOFFICE;
  if (set !== undefined) return OFF.has(set.trim().toLowerCase()) ? null : set;
  const { findSoffice } = await import('../node/convert.js');
  return findSoffice(env as NodeJS.ProcessEnv);
}

/** Read one workbook file into its inventory (see the top of this file). */
export async function readWorkbookFile(path: string, opts: ReadWorkbookOptions = {}): Promise<WorkbookFile> {
  const name = opts.name ?? path;
  const mappings = await mappingsFor(path, opts);
  const normalize: NormalizeOptions = mappings.length > 0 ? (await mappingModule()).mappingOptions(mappings) : {};
  const bytes = readInputFile(path);
  const done = (read: { inventory: Inventory; explain: ReadExplain }, converted?: string): WorkbookFile => {
    read.explain.mappingFiles = mappings.map((m) => m.file);
    if (converted !== undefined) read.explain.conversions.unshift({ kind: 'libreoffice', from: converted });
    return { ...read, bytes, ...(converted !== undefined ? { converted } : {}) };
  };
  let from: string;
  try {
    return done(readInventoryExplained(bytes, name, normalize));
  } catch (err) {
    if (!(err instanceof InputError) || !CONVERTIBLE.has(err.finding.code)) throw err;
    // What the bytes are, whatever the name says (an .xls renamed .xlsx is converted too).
    from = err.finding.code === 'input.ods' ? '.ods' : '.xls';
  }
  const convert = await import('../node/convert.js');
  const soffice = await sofficeFor(opts.env ?? process.env);
  if (soffice === null) {
    throw new InputError({ code: 'input.needs_libreoffice', args: { file: name, ext: from, command: convert.handConvertCommand(path) } }, name);
  }
  opts.onConvert?.(name);
  const converted = await convert.convertWithLibreOffice(path, { timeoutMs: opts.convertTimeoutMs ?? CONVERT_TIMEOUT_MS, sofficePath: soffice });
  try {
    return done(readInventoryExplained(new Uint8Array(await readFile(converted.xlsxPath)), name, normalize), from);
  } finally {
    await converted.cleanup();
  }
}
