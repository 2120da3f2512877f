// `audit diff <old> <new>`: load both sides (result JSON, batch summary, workbook or folder), re-score old
// workbooks under the new rubric where the rubrics differ, compare, print the table or the diff JSON, and
// write diff.md / diff.xlsx / diff.json into --out. Exit 0 when it could compare; 1 only with
// --fail-on-regression and a regression; 2/3 as for audit (3 also when a workbook of a folder was unreadable).
import { buildDiff } from '../../engine/diff.js';
import { format } from '../../messages/format.js';
import { toDiffJson, type DiffRenderOptions } from '../../render/diff-json.js';
import { stringifyJson } from '../../render/json.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { ReportWriter } from '../output.js';
import { loadSide, rescoreOld, sideNames, type SideOptions } from '../diff-input.js';
import { TOOL } from '../tool.js';
import { sourceDateEpoch } from './audit.js';
import { fileOptions, parseAsOf, parseFormats, rawString } from '../option-values.js';
import '../../messages/diff.js';
import '../messages.js';

export const DIFF_FORMATS = ['md', 'xlsx', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffCommandOptions {
  rubric?: string;
  outDir?: string;
  formats: DiffFormat[];
  waiversFile?: string;
  asOf?: string;
  mapping?: string;
  failOnRegression: boolean;
}


/** Commander's raw option values (the command's own and the global ones) → validated options. */
export function parseDiffOptions(raw: Record<string, unknown>, _g: GlobalOptions): DiffCommandOptions {
  const str = (k: string): string | undefined => rawString(raw, k);
  const opts: DiffCommandOptions = { ...fileOptions(raw), formats: [], failOnRegression: Boolean(raw.failOnRegression) };
  opts.formats = parseFormats(str('format'), DIFF_FORMATS, DIFF_FORMATS, opts.outDir !== undefined, 'diff.bad_format');
  const asOf = parseAsOf(str('asOf'));
  if (asOf !== undefined) opts.asOf = asOf;
  return opts;
}

export async function runDiff(oldPath: string, newPath: string, opts: DiffCommandOptions, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const waivers = opts.waiversFile !== undefined ? await (await import('../../rubric/waivers.js')).loadWaivers(opts.waiversFile) : [];
  // A bad mapping file stops the run once (exit 2), not once per workbook.
  if (opts.mapping !== undefined) await (await import('../../inventory/mapping.js')).loadMapping(opts.mapping);
  const sideOpts: SideOptions = {
    waivers,
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
    ...(opts.rubric !== undefined ? { rubric: opts.rubric } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    ...(opts.outDir !== undefined ? { outDir: opts.outDir } : {}),
  };
  const before = await loadSide(oldPath, sideOpts, g, io);
  const after = await loadSide(newPath, sideOpts, g, io);
  [before.side.name, after.side.name] = sideNames(oldPath, newPath);
  const rescored = rescoreOld(before, after, sideOpts, g.lang);
  const report = buildDiff(before.side, after.side, { tool: TOOL, rescored });

  const epoch = sourceDateEpoch(io.env);
  const renderOptions: DiffRenderOptions = { lang: g.lang, color: false, ...(epoch ? { generatedAt: epoch.toISOString() } : {}) };

  if (opts.outDir !== undefined && opts.formats.length > 0) {
    const writer = new ReportWriter(opts.outDir, [...before.inputs, ...after.inputs]);
    for (const f of opts.formats) {
      const data = f === 'json'
        ? stringifyJson(toDiffJson(report, renderOptions))
        : f === 'md'
          ? await (await import('../../render/diff-md.js')).renderDiffMarkdown(report, renderOptions)
          : await (await import('../../render/diff-xlsx.js')).renderDiffXlsx(report, renderOptions);
      const path = await writer.write(`diff.${f}`, data);
      if (!g.quiet) io.stderr(`${format({ code: 'cli.wrote', args: { file: path } }, g.lang)}\n`);
    }
  }

  if (g.json) {
    io.stdout(stringifyJson(toDiffJson(report, renderOptions)));
  } else {
    const { renderDiffTerminal } = await import('../../render/diff-terminal.js');
    io.stdout(renderDiffTerminal(report, { ...renderOptions, color: g.color, ...(io.columns ? { width: io.columns } : {}) }));
  }

  if (before.failed + after.failed > 0) return 3;
  if (opts.failOnRegression && report.regression) {
    io.stderr(`${format({ code: 'diff.regression_exit', args: { count: report.totals.regressed } }, g.lang)}\n`);
    return 1;
  }
  return 0;
}
