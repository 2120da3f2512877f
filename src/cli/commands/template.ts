// `audit template [--rubric ID] [--lang vi|en] -o kiem-ke.xlsx`: write the blank inventory workbook
// (src/render/template.ts). Written whole or not at all (a temp file in the same folder, then moved into
// place), and never over an existing file: a school's filled-in workbook may have that name.
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UsageError } from '../../errors.js';
import { format } from '../../messages/format.js';
import '../../messages/commands.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import '../messages.js';
import { writeNewFile } from '../write-new.js';

export interface TemplateCommandOptions {
  /** `-o`: the file (or an existing folder, to write the default name into). */
  out?: string;
  rubric?: string;
}

const DEFAULT_NAME = { vi: 'mau-kiem-ke.xlsx', en: 'inventory-form.xlsx' } as const;

const usage = (code: string, args: Record<string, string> = {}): never => {
  throw new UsageError({ code, args });
};

async function isDirectory(path: string): Promise<boolean> {
  try { return (await stat(path)).isDirectory(); } catch { return false; }
}

/** The file to write: `-o` as given, or the default name inside a folder given with `-o`. */
export async function templateTarget(out: string | undefined, g: GlobalOptions): Promise<string> {
  if (out === undefined || out.trim() === '') return usage('cli.template.needs_out');
  if (/[\\/]$/.test(out) || await isDirectory(out)) return join(out, DEFAULT_NAME[g.lang]);
  if (extname(out).toLowerCase() !== '.xlsx') return usage('cli.template.not_xlsx', { file: out });
  return out;
}

export async function runTemplate(opts: TemplateCommandOptions, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const target = await templateTarget(opts.out, g);
  const rubric = opts.rubric !== undefined ? (await import('../../rubric/registry.js')).loadRubric(opts.rubric) : undefined;
  const { renderTemplate } = await import('../../render/template.js');
  const bytes = await renderTemplate({ lang: g.lang, ...(rubric ? { rubric } : {}) });
  await writeNewFile(target, bytes, 'cli.template.exists');
  if (!g.quiet) {
    const forRubric = rubric ? format({ code: 'cli.template.for_rubric', args: { rubric: `${rubric.id}@${rubric.version}` } }, g.lang) : '';
    io.stderr(`${format({ code: 'cli.template.wrote', args: { file: target, rubric: forRubric } }, g.lang)}\n`);
  }
  return 0;
}
