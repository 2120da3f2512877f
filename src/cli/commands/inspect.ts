// `audit inspect <file>...`: read the workbooks and show how they were understood (the --explain view,
// src/render/explain.ts) with their data issues, without choosing a rubric or scoring. For the file that
// "does not work". Exit 0 when every file could be read, else the worst error's code (3, or 2 for a bad mapping).
import { format } from '../../messages/format.js';
import { renderExplain } from '../../render/explain.js';
import { issueViews } from '../../render/common.js';
import type { ReadExplain } from '../../inventory/explain.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { readWorkbookFile } from '../read-workbook.js';
import { errorLines, exitCodeOf } from '../report-error.js';
import '../messages.js';

export interface InspectCommandOptions {
  mapping?: string;
}

/** `--json`: what `audit inspect` prints per file. */
export interface InspectJson {
  schema: 'audit-inspect/v1';
  file: string;
  explain: ReadExplain;
  data_issues: { severity: 'error' | 'warning'; sheet: string; cell: string | null; code: string; message: string }[];
}

export async function runInspect(files: string[], opts: InspectCommandOptions, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  let code: CommandResult = 0;
  const json: InspectJson[] = [];
  const texts: string[] = [];
  for (const file of files) {
    try {
      const read = await readWorkbookFile(file, {
        ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
        env: io.env,
        onConvert: (f) => { if (!g.quiet) io.stderr(`${format({ code: 'cli.converting', args: { file: f } }, g.lang)}\n`); },
      });
      if (g.json) {
        json.push({
          schema: 'audit-inspect/v1', file, explain: read.explain,
          data_issues: issueViews(read.inventory.issues, g.lang).map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: i.message })),
        });
      } else {
        texts.push(renderExplain(read.explain, { lang: g.lang, color: g.color, file, issues: read.inventory.issues }));
      }
    } catch (err) {
      for (const line of errorLines(err, g.lang, g.verbose)) io.stderr(`${line}\n`);
      const c = exitCodeOf(err);
      // A usage or mapping error (2) outranks an unreadable file (3).
      if (code !== 2) code = c;
    }
  }
  if (g.json) {
    const value = files.length === 1 ? json[0] : json;
    if (value !== undefined) io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  } else if (texts.length > 0) {
    io.stdout(texts.join('\n'));
  }
  return code;
}
