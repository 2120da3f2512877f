// `audit rubric list|show|lint|schema|test`: the rubric library, seen from the command line.
// Tables are plain cli-table3 (no colours), so they read the same in a terminal, a log or a file.
import Table from 'cli-table3';
import { RubricError } from '../../errors.js';
import { builtinRegistry, type RubricSummary } from '../../rubric/registry.js';
import { rubricJsonSchema, runExamples, type ExampleOutcome } from '../../rubric/index.js';
import { ruleOf } from '../../engine/evaluate.js';
import { format, type Lang } from '../../messages/format.js';
import type { Rubric } from '../../rubric/schema.js';
import type { CliIO, CommandResult, GlobalOptions } from '../main.js';
import { problemLine } from '../report-error.js';
import '../messages.js';

const pick = (t: { vi: string; en?: string } | null | undefined, lang: Lang): string =>
  t ? (lang === 'en' ? t.en ?? t.vi : t.vi) : '';

const HEAD = {
  list: {
    vi: ['Mã', 'Phiên bản', 'Cơ quan ban hành', 'Văn bản', 'Ngày', 'Năm học', 'Số tiêu chí'],
    en: ['Id', 'Version', 'Issuer', 'Document', 'Date', 'School years', 'Criteria'],
  },
  show: {
    vi: ['Mục', 'Mã tiêu chí', 'Nội dung', 'Mức độ', 'Trọng số', 'Kiểm tra'],
    en: ['Clause', 'Criterion', 'Title', 'Severity', 'Weight', 'Check'],
  },
  severity: {
    vi: { required: 'bắt buộc', target: 'phấn đấu', recommended: 'khuyến khích' },
    en: { required: 'required', target: 'target', recommended: 'recommended' },
  },
  years: { vi: { all: 'mọi năm', from: 'từ', to: 'đến' }, en: { all: 'all years', from: 'from', to: 'to' } },
  invalid: { vi: 'lỗi', en: 'invalid' },
} as const;

const yearsText = (y: { from?: string; to?: string }, lang: Lang): string => {
  const w = HEAD.years[lang];
  if (y.from && y.to) return y.from === y.to ? y.from : `${y.from} – ${y.to}`;
  if (y.from) return `${w.from} ${y.from}`;
  if (y.to) return `${w.to} ${y.to}`;
  return w.all;
};

/** A table without colours; `widths` (null = share the rest) fit it into the terminal or 120 columns. */
function plainTable(head: readonly string[], io: CliIO, widths?: (number | null)[]) {
  const opts: ConstructorParameters<typeof Table>[0] = { head: [...head], style: { head: [], border: [] }, wordWrap: true };
  if (widths) {
    const total = Math.max(80, io.columns ?? 120) - (widths.length + 1);
    const fixed = widths.reduce<number>((a, w) => a + (w ?? 0), 0);
    const flexible = widths.filter((w) => w === null).length;
    const share = Math.max(12, Math.floor((total - fixed) / Math.max(1, flexible)));
    opts.colWidths = widths.map((w) => w ?? share);
  }
  return new Table(opts);
}

export async function rubricList(g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const list: RubricSummary[] = builtinRegistry().list();
  if (g.json) {
    io.stdout(`${JSON.stringify(list.map((r) => ({
      id: r.id, version: r.version, title: pick(r.title, g.lang), issuer: r.issuer, document: r.document,
      school_years: r.school_years, provinces: r.applies_to.provinces ?? [], districts: r.applies_to.districts ?? [],
      levels: r.applies_to.levels ?? [], criteria: r.criteria,
    })), null, 2)}\n`);
  } else {
    const table = plainTable(HEAD.list[g.lang], io);
    for (const r of list) {
      table.push([r.id, r.version, r.issuer ?? '', r.document.number ?? '', r.document.date ?? '',
        yearsText(r.school_years, g.lang), r.criteria === null ? HEAD.invalid[g.lang] : String(r.criteria)]);
    }
    io.stdout(`${table.toString()}\n`);
  }
  const broken = list.filter((r) => r.problems && r.problems.length > 0);
  for (const r of broken) throw new RubricError(r.problems!);
  return 0;
}

export async function rubricShow(ref: string, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const rubric: Rubric = builtinRegistry().get(ref);
  if (g.json) {
    io.stdout(`${JSON.stringify({
      id: rubric.id, version: rubric.version, title: pick(rubric.title, g.lang), issuer: rubric.issuer,
      document: rubric.document, applies_to: rubric.applies_to, sha256: rubric.sha256,
      criteria: rubric.criteria.map((c) => ({
        id: c.id, clause: c.clause, title: pick(c.title, g.lang), severity: c.severity, weight: c.weight, rule: ruleOf(c.check),
      })),
    }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${rubric.id}@${rubric.version} — ${pick(rubric.title, g.lang)}\n`);
  io.stdout(`${rubric.issuer}, ${rubric.document.number} (${rubric.document.date})\n`);
  const table = plainTable(HEAD.show[g.lang], io, [7, 26, null, 14, 10, null]);
  for (const c of rubric.criteria) {
    table.push([c.clause, c.id, pick(c.title, g.lang), HEAD.severity[g.lang][c.severity], String(c.weight), ruleOf(c.check)]);
  }
  io.stdout(`${table.toString()}\n`);
  return 0;
}

/** Every problem of every file as `file:line:col: sentence`; exit 2 when there is any. */
export async function rubricLint(files: string[], g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const registry = builtinRegistry();
  let problems = 0;
  for (const file of files) {
    // Lint is stricter than loading: every required criterion must record its binding words.
    const r = registry.loadFile(file, { strictBinding: true });
    problems += r.problems.length;
    for (const p of r.problems) io.stdout(`${problemLine(p, g.lang)}\n`);
    if (!g.quiet) {
      const code = r.problems.length === 0 ? 'cli.lint_ok' : 'cli.lint_problems';
      io.stderr(`${format({ code, args: { file, count: r.problems.length } }, g.lang)}\n`);
    }
  }
  return problems === 0 ? 0 : 2;
}

export async function rubricSchema(_g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  io.stdout(`${JSON.stringify(rubricJsonSchema(), null, 2)}\n`);
  return 0;
}

/** Run the examples of one rubric (id or file) or of every built-in; exit 2 when one is not as expected. */
export async function rubricTest(ref: string | undefined, g: GlobalOptions, io: CliIO): Promise<CommandResult> {
  const outcomes: ExampleOutcome[] = runExamples(ref);
  let passed = 0;
  for (const o of outcomes) {
    if (o.ok) passed++;
    if (!o.ok || g.verbose) io.stdout(`${o.ok ? '✓' : '✗'} ${o.rubric} — ${o.name}\n`);
    for (const m of o.mismatches ?? []) io.stdout(`    ${format(m, g.lang)}\n`);
  }
  io.stdout(`${format({ code: 'cli.examples_summary', args: { passed, total: outcomes.length } }, g.lang)}\n`);
  return passed === outcomes.length ? 0 : 2;
}
