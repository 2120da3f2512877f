// `audit --explain` / `audit inspect`: how the reader understood a workbook, as terminal text — which
// sheet became which part of the form and by which name, the header row, which column or label became
// which field, what matched nothing, and what was converted. The first thing to read when a file
// "does not work". Every text from the workbook goes through terminalSafe.
import { SHEETS, type FieldDef, type SheetKey } from '../inventory/fields.js';
import type { ExplainColumn, ExplainLabel, ExplainPart, ReadExplain } from '../inventory/explain.js';
import type { DataIssue } from '../inventory/types.js';
import { format, type Lang } from '../messages/format.js';
import '../messages/explain.js';
import '../messages/inventory.js';
import { issueSeverityWord, issueViews, issueWhere } from './common.js';
import { terminalChalk } from './terminal.js';
import { terminalSafe } from './text.js';

export interface ExplainRenderOptions {
  lang: Lang;
  color: boolean;
  /** The workbook's name as the user gave it. */
  file: string;
  /** Also list these data issues (audit inspect, where no report shows them). */
  issues?: readonly DataIssue[];
}

const DEF = new Map(SHEETS.map((s) => [s.key, s]));
const partName = (key: SheetKey, lang: Lang): string => DEF.get(key)![lang];

function fieldName(part: SheetKey, key: string, lang: Lang): string {
  const f: FieldDef | undefined = DEF.get(part)!.fields.find((x) => x.key === key);
  return f ? `${f[lang]} [${key}]` : key;
}

export function renderExplain(x: ReadExplain, opts: ExplainRenderOptions): string {
  const { lang } = opts;
  const chalk = terminalChalk(opts.color);
  const t = terminalSafe;
  const say = (code: string, args: Record<string, string | number> = {}) => format({ code: `explain.${code}`, args }, lang);
  const lines: string[] = [chalk.bold(say('title', { file: t(opts.file) }))];

  for (const c of x.conversions) {
    lines.push(`  ${c.kind === 'libreoffice' ? say('converted', { from: c.from }) : say('legacy_font', { encoding: c.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI', texts: c.texts })}`);
  }
  if (x.conversions.length === 0) lines.push(`  ${say('no_conversion')}`);
  if (x.mappingFiles.length > 0) lines.push(`  ${say('mapping_files', { files: x.mappingFiles.map(t).join(', ') })}`);

  lines.push('', say('sheets'));
  const byName = new Map(x.parts.filter((p) => p.sheet !== null).map((p) => [p.sheet!, p]));
  for (const s of x.sheets) {
    const head = `  "${t(s.name)}"${s.hidden ? ` ${say('sheet_hidden')}` : ''}`;
    const part = s.as !== null ? byName.get(s.name) : undefined;
    let how: string;
    if (s.duplicateOf !== undefined) how = say('sheet_duplicate', { other: t(s.duplicateOf) });
    else if (s.as === null || !part) how = say('sheet_unused');
    else if (part.by === 'content') how = say('sheet_as_content', { part: partName(s.as, lang) });
    else how = say(part.by === 'mapping' ? 'sheet_as_mapping' : 'sheet_as_name', { part: partName(s.as, lang), name: t(part.name ?? s.name) });
    lines.push(`${head} ${how}`);
  }

  for (const p of x.parts) {
    lines.push('');
    if (p.sheet === null) {
      lines.push(chalk.bold(say('part_missing', { part: partName(p.key, lang) })));
      continue;
    }
    lines.push(chalk.bold(say('part_sheet', { part: partName(p.key, lang), sheet: t(p.sheet) })) + partDetail(p, say));
    if (p.key === 'info') lines.push(...infoLines(p, lang, say));
    else lines.push(...tableLines(p, lang, say));
    if (p.missingRequired && p.missingRequired.length > 0) {
      lines.push(`  ${chalk.yellow(say('missing_required', { fields: p.missingRequired.map((k) => fieldName(p.key, k, lang)).join(', ') }))}`);
    }
  }

  if (opts.issues) {
    lines.push('');
    const views = issueViews(opts.issues, lang);
    if (views.length === 0) lines.push(say('no_issues'));
    else {
      lines.push(say('issues', { count: views.length }));
      for (const i of views) {
        const sev = issueSeverityWord(i.severity, lang);
        lines.push(`  ${i.severity === 'error' ? chalk.red(sev) : chalk.yellow(sev)} ${t(issueWhere(i))}: ${t(i.message)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

type Say = (code: string, args?: Record<string, string | number>) => string;

/** ", labels in column A", ", header row 3 (read as Biểu mẫu 10)". */
function partDetail(p: ExplainPart, say: Say): string {
  const bits: string[] = [];
  if (p.key === 'info') {
    if (p.labelRow !== undefined) bits.push(say('label_row', { row: p.labelRow }));
    else if (p.labelColumns && p.labelColumns.length > 0) bits.push(say('label_columns', { columns: p.labelColumns.join(', ') }));
    else bits.push(say('no_labels'));
  } else if (p.headerRow === undefined) {
    bits.push(say('no_header'));
  } else {
    bits.push(p.headerRows === 2 ? say('header_rows', { row: p.headerRow, next: p.headerRow + 1 }) : say('header_row', { row: p.headerRow }));
    if (p.form === 'bieu_mau_10') bits.push(say('form_bm10'));
  }
  return `, ${bits.join(', ')}`;
}

function how(x: { mapping?: true; matched?: string }, say: Say): string {
  if (x.matched !== undefined) return say(x.mapping ? 'how_prefix_mapping' : 'how_prefix', { name: terminalSafe(x.matched) });
  return x.mapping ? say('how_mapping') : '';
}

function infoLines(p: ExplainPart, lang: Lang, say: Say): string[] {
  const labels = p.labels ?? [];
  const out = labels.filter((l) => l.value !== undefined).map((l: ExplainLabel) =>
    `  ${say('label', { cell: l.cell, text: terminalSafe(l.text), field: fieldName('info', l.field, lang), how: how(l, say), value: l.value! })}`);
  // Labels whose value cell is empty: one line, since a blank form has dozens.
  const empty = labels.filter((l) => l.value === undefined);
  if (empty.length > 0) {
    out.push(`  ${say('labels_empty', { labels: empty.map((l) => `${l.cell} ${fieldName('info', l.field, lang)}`).join(', ') })}`);
  }
  if (p.unknownLabels && p.unknownLabels.length > 0) {
    // every label row that matched nothing, with its cell: no row is dropped without a word
    out.push(`  ${say('unknown_labels', { labels: p.unknownLabels.map((u) => `${u.cell} "${terminalSafe(u.text)}"${u.empty ? ` ${say('label_no_value')}` : ''}`).join(', ') })}`);
  }
  return out;
}

function tableLines(p: ExplainPart, lang: Lang, say: Say): string[] {
  const out = (p.columns ?? []).map((c: ExplainColumn) => {
    const args = { cell: c.cell, text: terminalSafe(c.text) };
    if (c.field === null) return `  ${say('column_unknown', args)}`;
    if (c.field === '$stt') return `  ${say('column_stt', args)}`;
    if (c.field === '$ignored') return `  ${say('column_ignored', args)}`;
    const field = fieldName(p.key, c.field, lang);
    if (c.duplicate) return `  ${say('column_duplicate', { ...args, field })}`;
    if (c.noCell !== undefined) return `  ${say('column_pair', { ...args, field, how: how(c, say), no: c.noCell })}`;
    return `  ${say('column', { ...args, field, how: how(c, say) })}`;
  });
  if (p.rows !== undefined) out.push(`  ${say('rows', { count: p.rows })}`);
  return out;
}
