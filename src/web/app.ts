// The page's main thread: the file input and drop zone, the language switch, the rubric choice, and the
// results as the worker sends them. It only shows what the worker decided; it audits nothing itself.
import type { Lang } from '../messages/format.js';
import { webLabel, type WebLabel } from '../messages/web.js';
import type { BatchView, FileOutcome, FromWorker, RubricOption, SchoolView, ToWorker } from './protocol.js';

declare global {
  interface Window { auditResults: unknown[] }
}

/** Seconds one file may take before it is given up and the worker replaced (as `audit batch --timeout`). */
const FILE_TIMEOUT_SECONDS = 60;
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Vietnamese first; English when the person switched to it before (remembered in this browser). */
let lang: Lang = 'vi';
try { if (localStorage.getItem('audit.lang') === 'en') lang = 'en'; } catch { /* storage off: Vietnamese */ }

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const T = (key: WebLabel, args?: Record<string, string | number>) => webLabel(key, lang, args);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

// ---------- the worker ----------

// A page opened from file:// cannot start a worker from a file: its code sits in the page, unexecuted, and
// starts from a Blob URL (the page's Content-Security-Policy allows workers from blob: only).
const workerUrl = URL.createObjectURL(new Blob([document.getElementById('worker-src')?.textContent ?? ''], { type: 'text/javascript' }));
let worker: Worker;
let rubrics: RubricOption[] = [];
let run = 0;
let chosen: File[] = [];
let outcomes: FileOutcome[] = [];
/** Files given up after FILE_TIMEOUT_SECONDS: sent again as such, so the batch goes on without them. */
let timedOut = new Set<number>();
let timer: ReturnType<typeof setTimeout> | undefined;

function startWorker(): void {
  worker = new Worker(workerUrl);
  worker.onmessage = (e: MessageEvent<FromWorker>) => onWorker(e.data);
  worker.onerror = (e) => { e.preventDefault(); fail(e.message || 'worker error'); };
  worker.postMessage({ type: 'hello' } satisfies ToWorker);
}

function send(m: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(m, transfer);
}

function armTimer(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    // The file being read now is the first without an outcome: stop the worker, give the file up, run again.
    const stuck = outcomes.length;
    worker.terminate();
    timedOut.add(stuck);
    startWorker();
    void audit(false);
  }, FILE_TIMEOUT_SECONDS * 1000);
}

function onWorker(m: FromWorker): void {
  switch (m.type) {
    case 'ready':
      rubrics = m.rubrics;
      fillRubrics();
      document.body.dataset.worker = 'ready';
      return;
    case 'file':
      if (m.run !== run) return;
      outcomes[m.outcome.index] = m.outcome;
      armTimer();
      setStatus(T('working', { done: outcomes.length, total: chosen.length }));
      return;
    case 'done':
      if (m.run !== run) return;
      clearTimeout(timer);
      finish(m.batch);
      return;
    case 'download': {
      const url = URL.createObjectURL(new Blob([m.bytes as BlobPart], { type: m.mime }));
      const a = el('a', { href: url, download: m.name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return;
    }
    case 'failed':
      fail(m.message);
  }
}

function fail(message: string): void {
  clearTimeout(timer);
  setStatus(T('worker_failed', { message }));
  document.body.dataset.state = 'error';
}

// ---------- running ----------

async function audit(fresh = true): Promise<void> {
  if (chosen.length === 0) return;
  if (fresh) timedOut = new Set();
  run += 1;
  outcomes = [];
  window.auditResults = [];
  document.body.dataset.state = 'working';
  $('results').replaceChildren();
  setStatus(T('working', { done: 0, total: chosen.length }));
  const files = await Promise.all(chosen.map(async (f, i) => ({
    name: f.name,
    size: f.size,
    // A file over the limit is not even read (as the command line refuses it before loading it).
    bytes: f.size > MAX_FILE_BYTES || timedOut.has(i) ? null : await f.arrayBuffer(),
    ...(timedOut.has(i) ? { timedOut: FILE_TIMEOUT_SECONDS } : {}),
  })));
  const rubric = ($('rubric') as HTMLSelectElement).value || null;
  send({ type: 'run', run, lang, rubric, files }, files.flatMap((f) => (f.bytes ? [f.bytes] : [])));
  armTimer();
}

function finish(batch: BatchView | null): void {
  window.auditResults = outcomes.map((o) => (o.result !== undefined ? o.result : { file: o.file, error: o.error }));
  setStatus(T('done', { total: chosen.length }));
  render(batch);
  document.body.dataset.state = 'done';
}

// ---------- showing ----------

function setStatus(text: string): void {
  $('status').textContent = text;
}

function fillRubrics(): void {
  const select = $('rubric') as HTMLSelectElement;
  const keep = select.value;
  select.replaceChildren(el('option', { value: '' }, T('rubric_auto')), ...rubrics.map((r) =>
    el('option', { value: r.ref }, `${r.title} — ${r.issuer ?? ''} (${r.ref}; ${r.years})`)));
  select.value = keep;
}

function button(text: string, onClick: () => void, cls = 'btn'): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls }, text);
  b.addEventListener('click', onClick);
  return b;
}

function table(headers: string[], rows: (string | Node)[][], cls = ''): HTMLTableElement {
  return el('table', { class: cls },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))));
}

const badge = (status: string, text: string) => el('span', { class: `badge ${status}` }, text);

function schoolSection(o: FileOutcome, folded: boolean): HTMLElement {
  if (o.error !== undefined) {
    return el('section', { class: 'school error' },
      el('h2', {}, o.file),
      el('p', { class: 'verdict fail' }, T('error_file')),
      el('p', { class: 'error-line' }, o.error),
      o.needsRubric ? el('p', { class: 'hint' }, T('rubric_needed')) : null);
  }
  const v = o.view as SchoolView;
  const downloads = el('p', { class: 'downloads' }, T('download'), ' ',
    ...(['xlsx', 'md', 'json'] as const).map((f) => button(`${v.reportStem}.audit.${f}`, () => send({ type: 'report', run, index: o.index, format: f }), `btn dl dl-${f}`)));
  const fixRows = v.toFix.map((c) => [badge(c.status, c.statusText), `${c.title} (${c.clause})`, c.severityText, c.fix]);
  const details = el('details', {},
    el('summary', {}, T('all_criteria'), ` — ${v.summary}`),
    table([T('col_status'), T('col_clause'), T('col_criterion'), T('col_actual'), T('col_expected'), T('col_fix')],
      v.criteria.map((c) => [badge(c.status, c.statusText), c.clause, `${c.title} · ${c.severityText}`, c.actual, c.expected, c.fix]), 'criteria'));
  const head = [
    el('h2', {}, v.title),
    el('p', { class: `verdict ${v.status}` }, v.status === 'pass' ? T('verdict_pass') : T('verdict_fail'),
      el('span', { class: 'score' }, ` · ${T('score')} ${v.score}${v.band ? ` · ${v.band}` : ''}`)),
    v.verdict ? el('p', { class: 'why' }, v.verdict) : null,
  ];
  const body = [
    el('h3', {}, T('to_fix')),
    fixRows.length > 0 ? table(['', T('col_criterion'), '', T('col_fix')], fixRows, 'fix') : el('p', {}, T('nothing_to_fix')),
    v.issues.length > 0 ? el('div', {}, el('h3', {}, T('data_issues')), el('ul', {}, ...v.issues.map((i) => el('li', {}, `${i.where} — ${i.severity}: ${i.message}`)))) : null,
    v.warnings.length > 0 ? el('div', {}, el('h3', {}, T('warnings')), el('ul', {}, ...v.warnings.map((w) => el('li', {}, w)))) : null,
    v.deadlines.length > 0 ? el('div', {}, el('h3', {}, T('deadlines')), el('ul', {}, ...v.deadlines.map((d) => el('li', {}, `${d.date} — ${d.title} (${d.left})`)))) : null,
    el('p', { class: 'meta' }, `${T('rubric_used')}: ${v.rubric} · ${T('as_of')}: ${v.asOf}`),
    downloads,
    details,
  ];
  // In a batch each school is folded under its verdict: the summary comes first.
  if (folded) return el('section', { class: `school ${v.status}` }, el('details', { class: 'fold' }, el('summary', {}, ...head), ...body));
  return el('section', { class: `school ${v.status}` }, ...head, ...body);
}

function batchSection(b: BatchView): HTMLElement {
  const L = (k: string) => b.labels[k] ?? k;
  return el('section', { class: 'batch' },
    el('h2', {}, L('title')),
    el('p', { class: 'verdict' }, b.outcome),
    el('dl', { class: 'totals' }, ...b.totals.flatMap((t) => [el('dt', {}, t.label), el('dd', {}, t.value)])),
    el('p', { class: 'downloads' }, T('download_summary'), ' ',
      ...(['xlsx', 'json', 'md'] as const).map((f) => button(`summary.${f}`, () => send({ type: 'summary', run, format: f }), `btn dl dl-summary-${f}`))),
    ...b.shortages.map((s) => el('p', { class: 'why' }, s)),
    b.rubrics.length > 0 ? el('p', { class: 'meta' }, `${L('heading.rubrics')}: ${b.rubrics.join(' · ')}`) : null,
    b.areas.length > 0 ? el('div', {}, el('h3', {}, L('heading.districts')),
      table([L('col.district'), L('col.province'), L('col.schools'), L('col.passed'), L('col.failed'), L('col.pass_rate'), L('col.shortages')],
        b.areas.map((a) => [a.district, a.province, a.schools, a.pass, a.fail, a.rate, a.shortages]), 'areas')) : null,
    b.ranking.length > 0 ? el('div', {}, el('h3', {}, L('heading.ranking')),
      table([L('col.rank'), L('col.code'), L('col.name'), L('col.district'), L('col.score'), L('col.band'), L('col.status'), L('col.failing_required')],
        b.ranking.map((r) => [r.rank, r.code, r.name, r.district, r.score, r.band, badge(r.status, r.statusText), r.failing]), 'ranking')) : null,
    b.district.length > 0 ? el('div', {}, el('h3', {}, L('heading.district')),
      table([L('col.clause'), L('col.criterion'), L('col.schools_counted'), L('col.share'), L('col.min'), L('col.status')],
        b.district.map((d) => [d.clause, d.title, d.counted, d.value, d.min, badge(d.status, d.statusText)]))) : null,
    b.rates.length > 0 ? el('div', {}, el('h3', {}, L('heading.rates')),
      table([L('col.clause'), L('col.criterion'), L('col.severity'), L('col.rate')], b.rates.map((r) => [r.clause, r.title, r.severity, r.rate]), 'rates')) : null,
    b.flags.length > 0 ? el('div', {}, el('h3', {}, L('heading.flags')), el('ul', {}, ...b.flags.map((f) => el('li', {}, f)))) : null,
    b.errors.length > 0 ? el('div', {}, el('h3', {}, L('heading.errors')), el('ul', {}, ...b.errors.map((e) => el('li', { class: 'error-line' }, `${e.file}: ${e.message}`)))) : null);
}

function render(batch: BatchView | null): void {
  const out = $('results');
  const parts: HTMLElement[] = [];
  if (batch) parts.push(batchSection(batch), el('h2', { class: 'schools-heading' }, T('schools')));
  outcomes.forEach((o) => parts.push(schoolSection(o, batch !== null)));
  out.replaceChildren(...parts);
}

function applyLang(): void {
  document.documentElement.lang = lang;
  document.title = T('title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = T(node.dataset.t as WebLabel, { version: AUDIT_VERSION });
  fillRubrics();
}

// ---------- wiring ----------

function choose(files: File[]): void {
  chosen = files;
  void audit();
}

function main(): void {
  window.auditResults = [];
  if (typeof Worker === 'undefined') {
    setStatus(T('no_worker'));
    return;
  }
  startWorker();
  applyLang();
  const input = $('files') as HTMLInputElement;
  input.addEventListener('change', () => choose([...(input.files ?? [])]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    choose([...(e.dataTransfer?.files ?? [])]);
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    try { localStorage.setItem('audit.lang', lang); } catch { /* storage off */ }
    applyLang();
    void audit(); // the results in the other language: the same audit, worded again
  });
  $('rubric').addEventListener('change', () => void audit());
  $('template').addEventListener('click', () => send({ type: 'template', lang, rubric: ($('rubric') as HTMLSelectElement).value || null }));
  document.body.dataset.state = 'idle';
}

main();
