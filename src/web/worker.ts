// The page's worker: every file is read, its rubric chosen, audited and rendered here, by the same core
// modules `audit` and `audit batch` run (reader, registry and rubric choice, engine, renderers), so the
// page stays responsive while a hostile file is being refused. Nothing leaves this computer.
import './platform.js'; // first: the core's platform in a browser
import { InputError, UsageError } from '../errors.js';
import { auditInventory, schoolIdentity } from '../engine/audit.js';
import { chooseAsOf } from '../engine/as-of.js';
import { BatchAccumulator, placed, type BatchDigest, type BatchEntry, type BatchRubric } from '../engine/batch.js';
import { describeRubric, errorEntry, schoolEntry } from '../engine/batch-entry.js';
import type { AuditResult, CriterionResult } from '../engine/types.js';
import { readInventory } from '../inventory/index.js';
import { limitArgs, MAX_FILE_BYTES } from '../inventory/zip.js';
import { errorLines } from '../messages/error-lines.js';
import { batchLabel, type BatchLabel } from '../messages/batch.js';
import type { Lang } from '../messages/format.js';
import { builtinRegistry } from '../rubric/registry.js';
import { chooseRubric, yearsFinding } from '../rubric/select.js';
import { format } from '../messages/format.js';
import { platform } from '../platform.js';
// Each renderer from its own module: render/index.js also holds the terminal table (cli-table3, Node-only).
import { renderJson, toResultJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderXlsx } from '../render/xlsx.js';
import {
  bandText, criteriaToFix, dateText, daysLeftText, deadlineViews, gapOrMessage, issueViews, issueWhere, issueSeverityWord,
  pick, say, schoolTitle, scoreText, severityWord, showsBand, statusWord, summaryText, upcoming, verdictText, warningViews,
} from '../render/common.js';
import { areaViews, asOfText, districtViews, flagText, outcomeText, rankViews, rateViews, rubricViews, scoreCell, shortageSentences } from '../render/batch-view.js';
import { reportStem } from '../render/report-name.js';
import type { BatchView, CriterionView, FileOutcome, FromWorker, RubricOption, SchoolView, ToWorker } from './protocol.js';
import '../messages/batch.js';

/** A file the page gave up on: worded as `audit batch --timeout` words it. */
class AuditTimeout extends InputError {
  constructor(seconds: number, file: string) {
    super({ code: 'batch.timeout', args: { seconds } }, file);
  }
}

const TOOL = { name: 'audit', version: AUDIT_VERSION };
/** Codes of the errors that mean "the workbook does not say which rubric": the page offers the list. */
const NO_RUBRIC = new Set(['rubric.scope_undeclared', 'rubric.none_applicable', 'rubric.none_exist']);
/** Where a criterion that is not met stands in the list of what to fix. */
const SEVERITY_ORDER: Record<string, number> = { required: 0, target: 1, recommended: 2 };

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

interface Run { run: number; lang: Lang; results: (AuditResult | null)[]; stems: string[]; digest: BatchDigest | null; entries: BatchEntry[] }
let last: Run | null = null;

function rubricOptions(lang: Lang): RubricOption[] {
  const registry = builtinRegistry();
  return registry.entries().flatMap((e) => {
    const h = registry.header(e);
    if (!h) return [];
    return [{ ref: `${e.id}@${e.version}`, title: h.title ? pick(h.title, lang) : e.id, issuer: h.issuer, years: format(yearsFinding(h.applies_to), lang) }];
  });
}

function criterionView(c: CriterionResult, lang: Lang): CriterionView {
  const open = c.status === 'fail' || c.status === 'missing';
  return {
    id: c.id, clause: c.clause, title: pick(c.title, lang), severity: c.severity, severityText: severityWord(c.severity, lang),
    status: c.status, statusText: statusWord(c.status, lang),
    actual: say(c.actual, lang) ?? '', expected: say(c.expected, lang) ?? '',
    fix: open ? gapOrMessage(c, lang) : '',
  };
}

function schoolView(r: AuditResult, lang: Lang, stem: string): SchoolView {
  const { required, recommended } = criteriaToFix(r.criteria);
  const open = [...required, ...recommended, ...r.criteria.filter((c) => (c.status === 'fail' || c.status === 'missing') && !required.includes(c) && !recommended.includes(c))]
    .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9));
  return {
    title: schoolTitle(r, lang),
    status: r.status,
    statusText: statusWord(r.status, lang),
    verdict: verdictText(r, lang),
    score: scoreText(r.score, lang),
    band: showsBand(r) ? bandText(r.band, lang) : null,
    rubric: `${pick(r.rubric.title, lang)} (${r.rubric.id}@${r.rubric.version})`,
    asOf: dateText(r.as_of, lang),
    summary: summaryText(r.summary, lang),
    toFix: open.map((c) => criterionView(c, lang)),
    criteria: r.criteria.map((c) => criterionView(c, lang)),
    issues: issueViews(r.data_issues, lang).map((i) => ({ where: issueWhere(i), severity: issueSeverityWord(i.severity, lang), message: i.message })),
    warnings: warningViews(r.warnings, lang).map((w) => w.message),
    deadlines: upcoming(deadlineViews(r.deadlines, lang)).map((d) => ({ title: d.title, date: dateText(d.date, lang), left: daysLeftText(d.days_left, lang) })),
    reportStem: stem,
  };
}

/** One file, as `audit <file>` does it: bytes → inventory → rubric → result. Throws the same typed errors. */
function auditOne(name: string, size: number, bytes: ArrayBuffer | null, rubric: string | null) {
  // The CLI refuses a file this big before loading it; the page does not even read it.
  if (size > MAX_FILE_BYTES || bytes === null) {
    throw new InputError({ code: 'input.too_large', args: { file: name, ...limitArgs('maxFileBytes', size, MAX_FILE_BYTES) } }, name);
  }
  const data = new Uint8Array(bytes);
  const inventory = readInventory(data, name);
  const choice = chooseRubric(schoolIdentity(inventory), rubric !== null ? { rubric } : {});
  const auditDate = inventory.info.audit_date;
  const result = auditInventory(inventory, choice.rubric, {
    asOf: chooseAsOf(undefined, auditDate?.ok ? auditDate.value : undefined, {}, new Date()),
    waivers: [],
    source: { file: name, sha256: platformSha(data) },
    tool: TOOL,
    warnings: choice.warnings,
  });
  return { result, inventory, rubric: choice.rubric };
}

const platformSha = (data: Uint8Array): string => platform().sha256Hex(data);

function batchView(digest: BatchDigest, lang: Lang): BatchView {
  const L = (k: BatchLabel, args?: Parameters<typeof batchLabel>[2]) => batchLabel(k, lang, args);
  const t = digest.totals;
  const labelKeys: BatchLabel[] = ['title', 'heading.totals', 'heading.ranking', 'heading.rates', 'heading.district', 'heading.errors', 'heading.flags',
    'heading.rubrics', 'col.rank', 'col.code', 'col.name', 'col.district', 'col.score', 'col.band', 'col.status', 'col.failing_required', 'col.file',
    'col.clause', 'col.criterion', 'col.severity', 'col.rate', 'col.schools_counted', 'col.share', 'col.min', 'col.message',
    'heading.districts', 'col.province', 'col.schools', 'col.passed', 'col.failed', 'col.pass_rate', 'col.shortages'];
  return {
    outcome: outcomeText(digest, lang),
    totals: [
      { label: L('totals.files'), value: String(t.files) },
      { label: L('totals.schools'), value: String(t.schools) },
      { label: L('totals.pass'), value: String(t.pass) },
      { label: L('totals.fail'), value: String(t.fail) },
      { label: L('totals.errors'), value: String(t.errors) },
      { label: L('totals.district'), value: `${t.district_criteria.pass} / ${t.district_criteria.fail}` },
      { label: L('field.as_of'), value: asOfText(digest, lang) },
    ],
    rubrics: [...rubricViews(digest, lang).values()].map((r) => r.text),
    shortages: shortageSentences(digest.shortages, lang),
    areas: areaViews(digest, lang).map((a) => ({
      district: a.district, province: a.province, schools: String(a.schools), pass: String(a.pass), fail: String(a.fail), rate: a.rateText, shortages: a.shortages,
    })),
    ranking: [...rankViews(digest, lang)].map((r) => ({
      rank: r.rank, code: r.code, name: r.name, district: r.district, score: scoreCell(r.score, lang), band: r.band,
      status: r.status, statusText: r.statusText, failing: r.failingRequired.join(', '), file: r.file,
    })),
    rates: rateViews(digest, lang).map((r) => ({
      clause: r.clause, title: r.title, severity: severityWord(r.severity, lang), rate: r.rateText,
      failing: String(r.fail + r.missing),
    })),
    district: districtViews(digest, lang).map((d) => ({ clause: d.clause, title: d.title, counted: d.counted, value: d.value, min: d.min, status: d.status, statusText: d.statusText })),
    flags: digest.flags.map((f) => flagText(f, lang)),
    errors: digest.errors.map((e) => ({ file: e.file, message: e.error.message })),
    labels: Object.fromEntries(labelKeys.map((k) => [k, L(k)])),
  };
}

/** Unique names for the batch (two chosen files may share one). */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return k === 0 ? n : `${n} (${k + 1})`;
  });
}

async function run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const { lang } = msg;
  const names = uniqueNames(msg.files.map((f) => f.name));
  const state: Run = { run: msg.run, lang, results: [], stems: [], digest: null, entries: [] };
  last = state;
  const acc = new BatchAccumulator();
  const rubrics = new Map<string, BatchRubric>();
  const stems = new Set<string>();
  for (let index = 0; index < msg.files.length; index++) {
    const f = msg.files[index]!;
    const name = names[index]!;
    let outcome: FileOutcome;
    let entry: BatchEntry;
    try {
      // Given up by the page after this many seconds (its worker was replaced): an error, as in `audit batch`.
      if (f.timedOut !== undefined) throw new AuditTimeout(f.timedOut, f.name);
      const { result, inventory, rubric } = auditOne(f.name, f.size, f.bytes, msg.rubric);
      // Two schools with the same code get distinct report names, as `audit --out` names them.
      let stem = reportStem(result.school.code, f.name);
      for (let i = 2; stems.has(stem); i++) stem = `${reportStem(result.school.code, f.name)}-${i}`;
      stems.add(stem);
      state.results.push(result);
      state.stems.push(stem);
      outcome = { index, file: f.name, result: toResultJson(result, lang), view: schoolView(result, lang, stem) };
      entry = schoolEntry(name, result, inventory, rubric, lang);
      const ref = `${rubric.id}@${rubric.version} ${rubric.sha256}`;
      if (!rubrics.has(ref)) rubrics.set(ref, describeRubric(rubric, lang));
    } catch (err) {
      state.results.push(null);
      state.stems.push('');
      const code = err instanceof UsageError ? err.finding.code : '';
      outcome = { index, file: f.name, error: errorLines(err, lang, false).join('\n'), ...(NO_RUBRIC.has(code) ? { needsRubric: true } : {}) };
      entry = errorEntry(name, err, lang);
    }
    acc.add(entry);
    state.entries.push(entry);
    post({ type: 'file', run: msg.run, outcome });
  }
  let batch: BatchView | null = null;
  if (msg.files.length > 1) {
    state.digest = acc.finish({
      tool: TOOL, lang,
      run: { rubric: msg.rubric, as_of: null, fail_under: null, waivers: null },
      shard: null,
      ignored: { lock: 0, hidden: 0 },
      rubrics: [...rubrics.values()],
    });
    // Each with its rank (and the copy it is superseded by), as `audit batch` reads them back.
    state.entries = state.entries.map((e) => placed(e, acc));
    batch = batchView(state.digest, lang);
  }
  post({ type: 'done', run: msg.run, batch });
}

const MIME = {
  md: 'text/markdown;charset=utf-8',
  json: 'application/json;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const asBytes = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

function download(name: string, format: keyof typeof MIME, data: string | Uint8Array): void {
  const bytes = asBytes(data);
  post({ type: 'download', name, mime: MIME[format], bytes }, [bytes.buffer as ArrayBuffer]);
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'hello':
      post({ type: 'ready', rubrics: rubricOptions('vi') });
      return;
    case 'run':
      return run(msg);
    case 'report': {
      const r = last?.run === msg.run ? last.results[msg.index] : null;
      if (!r || !last) return;
      const data = await { md: renderMarkdown, json: renderJson, xlsx: renderXlsx }[msg.format](r, { lang: last.lang, color: false });
      download(`${last.stems[msg.index]}.audit.${msg.format}`, msg.format, data);
      return;
    }
    case 'summary': {
      if (!last?.digest || last.run !== msg.run) return;
      const opts = { lang: last.lang, color: false };
      if (msg.format === 'json') {
        const { summaryFileChunks } = await import('../render/batch-json.js');
        let text = '';
        for await (const chunk of summaryFileChunks(last.digest, last.entries)) text += chunk;
        download('summary.json', 'json', text);
      } else if (msg.format === 'md') {
        const { renderBatchMarkdown } = await import('../render/batch-md.js');
        download('summary.md', 'md', renderBatchMarkdown(last.digest, opts));
      } else {
        const { renderBatchXlsx } = await import('../render/batch-xlsx.js');
        download('summary.xlsx', 'xlsx', await renderBatchXlsx(last.digest, opts));
      }
      return;
    }
    case 'template': {
      const { renderTemplate } = await import('../render/template.js');
      const rubric = msg.rubric !== null ? builtinRegistry().get(msg.rubric) : undefined;
      const bytes = await renderTemplate({ lang: msg.lang, ...(rubric ? { rubric } : {}) });
      download(msg.lang === 'en' ? 'inventory-form.xlsx' : 'mau-kiem-ke.xlsx', 'xlsx', bytes); // the names `audit template -o <folder>` gives it
      return;
    }
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  handle(e.data).catch((err: unknown) => post({ type: 'failed', message: errorLines(err, 'vi', false).join('\n') }));
};
