// `audit <file.xlsx>...`: read each workbook, choose its rubric, audit, print the table or JSON and
// write the reports. A file that cannot be read does not stop the others; the exit code says the worst.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { AuditResult, Waiver } from '../../engine/types.js';
import { auditInventory, schoolIdentity } from '../../engine/audit.js';
import type { Inventory } from '../../inventory/types.js';
import { chooseRubric } from '../../rubric/select.js';
import type { Rubric } from '../../rubric/schema.js';
import { renderers, renderTerminal, stringifyJson, toResultJson } from '../../render/index.js';
import { DEFAULT_WIDTH } from '../../render/terminal.js';
import { format, formatFixed } from '../../messages/format.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { REPORT_FORMATS, ReportWriter, reportFileName, type ReportFormat } from '../output.js';
import { readWorkbookFile } from '../read-workbook.js';
import { errorLines, exitCodeOf } from '../report-error.js';
import { TOOL } from '../tool.js';
import { stemForLang } from '../report-lang.js';
import '../messages.js';
import { fileOptions, parseAsOf, parseFormats, rawString, usage } from '../option-values.js';

export interface AuditCommandOptions {
  rubric?: string;
  outDir?: string;
  formats: ReportFormat[];
  waiversFile?: string;
  failUnder?: number;
  asOf?: string;
  /** --mapping: a district's own names (src/inventory/mapping.ts). */
  mapping?: string;
  /** --explain: print how each workbook was read. */
  explain?: boolean;
  /** --all: the terminal view lists every criterion, not only those not met. */
  all?: boolean;
}

const DEFAULT_FORMATS: ReportFormat[] = ['md', 'xlsx', 'json'];

export { isIsoDate } from '../option-values.js';
// The day an audit is judged on: the same rule on the page (src/engine/as-of.ts).
export { chooseAsOf, sourceDateEpoch } from '../../engine/as-of.js';
import { chooseAsOf, sourceDateEpoch } from '../../engine/as-of.js';

/** Commander's raw option values → validated options (UsageError on a bad one). */
export function parseAuditOptions(raw: Record<string, unknown>, _g: GlobalOptions): AuditCommandOptions {
  const str = (k: string): string | undefined => rawString(raw, k);
  const opts: AuditCommandOptions = { ...fileOptions(raw), formats: [] };
  if (raw.explain === true) opts.explain = true;
  if (raw.all === true) opts.all = true;

  opts.formats = parseFormats(str('format'), REPORT_FORMATS, DEFAULT_FORMATS, opts.outDir !== undefined, 'cli.bad_format');

  const failUnder = str('failUnder');
  if (failUnder !== undefined) {
    const n = Number(failUnder.replace(',', '.'));
    if (failUnder.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) usage('cli.bad_fail_under', { value: failUnder });
    opts.failUnder = n;
  }
  const asOf = parseAsOf(str('asOf'));
  if (asOf !== undefined) {
    opts.asOf = asOf;
  }
  return opts;
}

/** Audit one workbook: bytes → inventory → rubric → result (with the inventory and rubric, which `audit diff` re-scores). Throws typed errors. */
export async function auditWorkbook(
  file: string, opts: Pick<AuditCommandOptions, 'rubric' | 'asOf' | 'mapping' | 'explain'>, waivers: Waiver[], g: GlobalOptions, io: CliIO,
): Promise<{ result: AuditResult; inventory: Inventory; rubric: Rubric }> {
  // The shared read path: mapping files, .xls/.ods through LibreOffice, legacy fonts.
  const { inventory, bytes, explain } = await readWorkbookFile(file, {
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
    env: io.env,
    onConvert: (f) => { if (!g.quiet) io.stderr(`${format({ code: 'cli.converting', args: { file: f } }, g.lang)}\n`); },
  });
  if (opts.explain) {
    // Before the rubric is chosen, so a file that "does not work" is still explained. Never into --json's stdout.
    const { renderExplain } = await import('../../render/explain.js');
    const text = renderExplain(explain, { lang: g.lang, color: g.color && !g.json, file });
    if (g.json) io.stderr(text); else io.stdout(`${text}\n`);
  }
  const school = schoolIdentity(inventory);
  const choice = chooseRubric(school, opts.rubric !== undefined ? { rubric: opts.rubric } : {});
  if (g.verbose) {
    io.stderr(`${format({ code: 'cli.rubric_chosen', args: { file, rubric: `${choice.rubric.id}@${choice.rubric.version}` } }, g.lang)}\n`);
  }
  const auditDate = inventory.info.audit_date;
  const asOf = chooseAsOf(opts.asOf, auditDate?.ok ? auditDate.value : undefined, io.env, io.now());
  const result = auditInventory(inventory, choice.rubric, {
    asOf,
    waivers,
    source: { file: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') },
    tool: TOOL,
    warnings: choice.warnings,
  });
  return { result, inventory, rubric: choice.rubric };
}

/** Exit-code priority when several files end differently: usage/rubric 2, then input 3, then fail 1. */
const worse = (a: CommandResult, b: CommandResult): CommandResult => {
  const rank = (c: CommandResult) => ({ 0: 0, 1: 1, 3: 2, 2: 3 })[c];
  return rank(b) > rank(a) ? b : a;
};

export async function runAudit(files: string[], opts: AuditCommandOptions, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  // Loaded only when asked for: the common path stays lean.
  const waivers = opts.waiversFile !== undefined ? await (await import('../../rubric/waivers.js')).loadWaivers(opts.waiversFile) : [];
  // A bad mapping file stops the run once (exit 2), not once per workbook.
  if (opts.mapping !== undefined) await (await import('../../inventory/mapping.js')).loadMapping(opts.mapping);
  const writer = opts.outDir !== undefined && opts.formats.length > 0 ? new ReportWriter(opts.outDir, files) : null;
  const epoch = sourceDateEpoch(io.env);
  const renderOptions = { lang: g.lang, color: false, ...(epoch ? { generatedAt: epoch.toISOString() } : {}) };

  let code: CommandResult = 0;
  const results: AuditResult[] = [];
  /** The report files of each result, shown at the end of its terminal view. */
  const written: string[][] = [];
  for (const file of files) {
    try {
      const { result } = await auditWorkbook(file, opts, waivers, g, io);
      results.push(result);
      const paths: string[] = [];
      written.push(paths);
      if (result.status === 'fail') code = worse(code, 1);
      if (opts.failUnder !== undefined && belowThreshold(result, opts.failUnder, g, io)) code = worse(code, 1);
      if (writer) {
        const claimed = writer.claimStem(result.school.code, file);
        // never over the other language's reports of the same school (src/cli/report-lang.ts)
        const { stem, other } = stemForLang(writer.dir, claimed, g.lang, opts.formats);
        if (other && !g.quiet) io.stderr(`${format({ code: 'cli.other_lang_reports', args: { dir: writer.dir, code: claimed, stem } }, g.lang)}\n`);
        for (const f of opts.formats) {
          const path = await writer.write(reportFileName(stem, f), await renderers[f](result, renderOptions));
          paths.push(path);
          // the terminal view names the reports in its last lines; with --json, stderr says it
          if (g.json && !g.quiet) io.stderr(`${format({ code: 'cli.wrote', args: { file: path } }, g.lang)}\n`);
        }
      }
    } catch (err) {
      for (const line of errorLines(err, g.lang, g.verbose)) io.stderr(`${line}\n`);
      code = worse(code, exitCodeOf(err));
    }
  }

  if (g.json) {
    const view = results.map((r) => toResultJson(r, g.lang));
    if (files.length === 1) {
      if (view[0]) io.stdout(stringifyJson(view[0]));
    } else {
      io.stdout(stringifyJson(view));
    }
  } else if (results.length > 0) {
    io.stdout(renderTerminal(results, {
      lang: g.lang, color: g.color, width: terminalWidth(io), reports: written, ...(opts.all ? { all: true } : {}),
    }));
  }
  return code;
}

/** Columns of the terminal: the terminal's own width, else $COLUMNS (set by shells, or by hand), else 80. */
export function terminalWidth(io: CliIO): number {
  if (io.columns && io.columns > 0) return io.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_WIDTH;
}

/** --fail-under: a score below it (or no score at all) fails the run; says so on stderr. */
function belowThreshold(r: AuditResult, min: number, g: GlobalOptions, io: CliIO): boolean {
  const school = r.school.code ?? r.school.name ?? r.source.file;
  if (r.score === null) {
    io.stderr(`${format({ code: 'cli.fail_under_no_score', args: { school, min } }, g.lang)}\n`);
    return true;
  }
  if (r.score >= min) return false;
  io.stderr(`${format({ code: 'cli.fail_under', args: { school, score: formatFixed(r.score, 1, g.lang), min } }, g.lang)}\n`);
  return true;
}
