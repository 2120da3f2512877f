#!/usr/bin/env node
// `npm run fuzz`: mutants of the example workbooks through the whole pipeline (readXlsx → normalize →
// audit → Markdown/JSON/JUnit) in-process, then a sample through the command line. A crash is any throw
// that is not an InputError, a criterion status outside the five, or a mutant slower than --max-ms; each
// is saved under tmp/fuzz/ with the seed and index that make it again. Uses the built dist/ (npm run fuzz builds).
//
//   node scripts/fuzz.mjs [--n 10000] [--cli 200] [--seed <uint32>] [--jobs 1] [--max-ms 2000] [--only <index>] [--cli-only]
// --only runs one mutant in-process (to reproduce a failure); --cli-only skips the in-process part.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { corpusFiles, makeMutant } from '../tests/hostile/lib/corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = pathToFileURL(join(ROOT, 'dist/')).href;
/** The rubric every mutant is audited with (the command line needs one: a damaged province selects none). */
const RUBRIC = 'ben-tre-2782';
const STATUSES = new Set(['pass', 'fail', 'missing', 'not_applicable', 'waived']);

// ---------- one mutant in-process (in a worker thread, so a hang can be stopped) ----------

async function pipeline() {
  await import(`${DIST}node/platform.js`); // the core's file access, zlib and sha256 on Node
  const [{ readXlsx }, { normalizeWorkbook }, { auditInventory, schoolIdentity }, { chooseRubric }, { renderMarkdownText }, { toResultJson, stringifyJson }, { junitSuite }, errors] =
    await Promise.all(['inventory/xlsx.js', 'inventory/normalize.js', 'engine/audit.js', 'rubric/select.js', 'render/markdown.js', 'render/json.js', 'render/junit.js', 'errors.js']
      .map((m) => import(DIST + m)));
  const fixed = chooseRubric({ province: null, district: null, school_year: null }, { rubric: RUBRIC }).rubric;
  const tool = { name: 'audit', version: 'fuzz' };

  return (bytes, file) => {
    let raw;
    try {
      raw = readXlsx(bytes, file);
    } catch (err) {
      if (err instanceof errors.InputError) return `refused:${err.finding.code}`;
      throw err;
    }
    const inv = normalizeWorkbook(raw);
    const rubrics = [fixed];
    try {
      rubrics.push(chooseRubric(schoolIdentity(inv)).rubric);
    } catch (err) {
      if (!(err instanceof errors.AuditError)) throw err; // no rubric applies: a typed error is right
    }
    for (const rubric of rubrics) {
      const result = auditInventory(inv, rubric, { asOf: '2025-05-31', source: { file, sha256: '0'.repeat(64) }, tool });
      for (const c of result.criteria) if (!STATUSES.has(c.status)) throw new Error(`criterion ${c.id}: status ${c.status}`);
      if (result.score !== null && !(result.score >= 0 && result.score <= 100)) throw new Error(`score ${result.score}`);
      for (const lang of ['vi', 'en']) {
        renderMarkdownText(result, { lang, color: false });
        stringifyJson(toResultJson(result, lang));
        junitSuite(result, lang);
      }
    }
    return 'audited';
  };
}

if (!isMainThread) {
  const corpus = corpusFiles(ROOT);
  const run = await pipeline();
  parentPort.on('message', ({ seed, index }) => {
    let m;
    try {
      m = makeMutant(corpus, seed, index);
    } catch (err) { // the fuzzer's own bug, not the auditor's
      parentPort.postMessage({ index, ms: 0, outcome: 'crash', error: `fuzzer: ${err?.stack ?? err}`, base: '?', ops: [], size: 0 });
      return;
    }
    parentPort.postMessage({ index, started: true }); // the audit's own time limit starts now
    const t0 = performance.now();
    let outcome, error;
    try {
      outcome = run(m.bytes, `mutant-${index}.xlsx`);
    } catch (err) {
      outcome = 'crash';
      error = err instanceof Error ? err.stack ?? err.message : String(err);
    }
    parentPort.postMessage({ index, ms: performance.now() - t0, outcome, error, base: m.base, ops: m.ops, size: m.bytes.length });
  });
} else {
  await mainThread();
}

// ---------- the run ----------

function parseArgs(argv) {
  const opts = { n: 10_000, cli: 200, seed: (Math.random() * 2 ** 32) >>> 0, jobs: 1, maxMs: 2000, only: undefined, inProcess: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cli-only') { opts.inProcess = false; continue; }
    const [k, inline] = argv[i].split('=', 2);
    const v = inline ?? argv[++i];
    const num = Number(v);
    if (!Number.isInteger(num) || num < 0) throw new Error(`${k}: expects a whole number, got ${v}`);
    if (k === '--n') opts.n = num;
    else if (k === '--cli') opts.cli = num;
    else if (k === '--seed') opts.seed = num >>> 0;
    else if (k === '--jobs') opts.jobs = Math.max(1, num);
    else if (k === '--max-ms') opts.maxMs = num;
    else if (k === '--only') opts.only = num;
    else throw new Error(`unknown option ${k} (options: --n --cli --seed --jobs --max-ms --only --cli-only)`);
  }
  return opts;
}

/** Keep a failing mutant for a regression test. */
function save(corpus, seed, index, failure) {
  const dir = join(ROOT, 'tmp/fuzz');
  mkdirSync(dir, { recursive: true });
  const m = makeMutant(corpus, seed, index);
  const stem = join(dir, `${failure.kind}-${seed}-${index}`);
  writeFileSync(`${stem}.xlsx`, m.bytes);
  writeFileSync(`${stem}.json`, `${JSON.stringify({ seed, index, base: m.base, ops: m.ops, ...failure }, null, 2)}\n`);
  return `${stem}.xlsx`;
}

async function inProcess(opts, corpus) {
  const indices = opts.only !== undefined ? [opts.only] : Array.from({ length: opts.n }, (_, i) => i);
  const failures = [];
  const counts = { audited: 0 };
  const slowest = [];
  let next = 0, done = 0;
  const t0 = performance.now();

  const runWorker = () => new Promise((resolveWorker) => {
    let worker, timer, current;
    const start = () => {
      worker = new Worker(fileURLToPath(import.meta.url), { workerData: {} });
      worker.on('message', (r) => {
        clearTimeout(timer);
        if (r.started) { timer = setTimeout(onHang, Math.max(opts.maxMs * 5, 10_000)); return; }
        done++;
        if (r.outcome === 'crash') failures.push({ kind: 'crash', index: r.index, error: r.error, ops: r.ops, base: r.base });
        else counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
        if (r.ms > opts.maxMs) failures.push({ kind: 'slow', index: r.index, ms: Math.round(r.ms), ops: r.ops, base: r.base });
        slowest.push({ index: r.index, ms: r.ms, base: r.base, ops: r.ops, size: r.size });
        slowest.sort((a, b) => b.ms - a.ms).splice(5);
        if (done % 1000 === 0) process.stderr.write(`  ${done}/${indices.length} (${Math.round((performance.now() - t0) / 1000)} s)\n`);
        feed();
      });
      worker.on('error', (err) => { // the worker itself died (out of memory…): a crash of the current mutant
        clearTimeout(timer);
        done++;
        failures.push({ kind: 'crash', index: current, error: String(err?.stack ?? err) });
        start();
        feed();
      });
    };
    // A hang: stop the worker (a synchronous loop cannot be interrupted otherwise) and go on in a new one.
    const onHang = () => {
      done++;
      failures.push({ kind: 'hang', index: current, ms: Math.max(opts.maxMs * 5, 10_000) });
      worker.removeAllListeners();
      worker.terminate();
      start();
      feed();
    };
    const feed = () => {
      if (next >= indices.length) { worker.terminate().then(() => resolveWorker()); return; }
      current = indices[next++];
      timer = setTimeout(onHang, 120_000); // making the mutant (the fuzzer's own work) has a looser limit
      worker.postMessage({ seed: opts.seed, index: current });
    };
    start();
    feed();
  });
  await Promise.all(Array.from({ length: opts.jobs }, runWorker));
  return { failures, counts, slowest, seconds: (performance.now() - t0) / 1000 };
}

/** Run the built command on one file; resolves with its exit code and output. */
function runCli(args) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/audit.js'), ...args], {
      // AUDIT_SOFFICE=off: an .xls or .ods mutant is refused, not converted (LibreOffice's own robustness is not ours to fuzz)
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1748649600', AUDIT_SOFFICE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => { clearTimeout(timer); resolveRun({ code, signal, stdout, stderr }); });
  });
}

/** What is wrong with one command-line run, or null. */
function cliProblem(r) {
  if (![0, 1, 3].includes(r.code)) return `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}`;
  if (/^\s+at .+\(.+:\d+:\d+\)$/m.test(r.stderr) || /internal error/i.test(r.stderr)) return 'stack trace or internal error on stderr';
  if (r.code === 3 && r.stderr.trim().split('\n').length !== 1) return 'exit 3 without exactly one line on stderr';
  if (r.code !== 3) {
    try { JSON.parse(r.stdout); } catch { return 'stdout is not JSON'; }
  }
  return null;
}

async function throughCli(opts, corpus) {
  if (opts.cli === 0 || opts.only !== undefined) return { runs: 0, failures: [], seconds: 0, codes: {} };
  const work = mkdtempSync(join(tmpdir(), 'audit-fuzz-'));
  const t0 = performance.now();
  const failures = [];
  const codes = {};
  // The sample: spread over the in-process range, so both halves see the same kinds of mutants.
  const step = Math.max(1, Math.floor(Math.max(opts.n, opts.cli) / opts.cli));
  const sample = Array.from({ length: opts.cli }, (_, k) => k * step);
  let next = 0;
  const one = async () => {
    while (next < sample.length) {
      const index = sample[next++];
      const m = makeMutant(corpus, opts.seed, index);
      const dir = join(work, String(index));
      mkdirSync(dir);
      const file = join(dir, `mutant-${index}.xlsx`);
      writeFileSync(file, m.bytes);
      // Every third run also writes every report format (Excel included) into a folder.
      const args = [file, '--rubric', RUBRIC, '--json', ...(index % 3 === 0 ? ['--out', join(dir, 'out'), '--format', 'md,xlsx,json,junit'] : [])];
      const r = await runCli(args);
      codes[r.code] = (codes[r.code] ?? 0) + 1;
      const problem = cliProblem(r);
      if (problem) failures.push({ kind: 'cli', index, error: `${problem}\n${r.stderr.slice(0, 2000)}`, base: m.base, ops: m.ops });
    }
  };
  await Promise.all([one(), one()]);
  rmSync(work, { recursive: true, force: true });
  return { runs: sample.length, failures, seconds: (performance.now() - t0) / 1000, codes };
}

async function mainThread() {
  const opts = parseArgs(process.argv.slice(2));
  const corpus = corpusFiles(ROOT);
  console.log(`fuzz: seed ${opts.seed} (again: node scripts/fuzz.mjs --seed ${opts.seed} --n ${opts.n} --cli ${opts.cli}), ${corpus.length} corpus files`);

  const ip = opts.inProcess ? await inProcess(opts, corpus) : { failures: [], counts: { audited: 0 }, slowest: [], seconds: 0 };
  const total = !opts.inProcess ? 0 : opts.only !== undefined ? 1 : opts.n;
  const refused = Object.entries(ip.counts).filter(([k]) => k.startsWith('refused:')).sort((a, b) => b[1] - a[1]);
  const nRefused = refused.reduce((n, [, c]) => n + c, 0);
  console.log(`in-process: ${total} mutants in ${ip.seconds.toFixed(1)} s — ${ip.counts.audited} audited, ${nRefused} refused with an InputError, ${ip.failures.length} failures`);
  console.log(`  refused as: ${refused.map(([k, c]) => `${k.slice(8)} ${c}`).join(', ') || 'none'}`);
  console.log('slowest:');
  for (const s of ip.slowest) console.log(`  #${s.index} ${s.ms.toFixed(0)} ms (${s.base}, ${(s.size / 1024).toFixed(0)} KB: ${s.ops.join(' + ')})`);

  const cli = await throughCli(opts, corpus);
  if (cli.runs > 0) {
    const codes = Object.entries(cli.codes).map(([c, n]) => `exit ${c}: ${n}`).join(', ');
    console.log(`command line: ${cli.runs} mutants in ${cli.seconds.toFixed(1)} s — ${codes}; ${cli.failures.length} failures`);
  }

  const failures = [...ip.failures, ...cli.failures];
  for (const f of failures) {
    const path = save(corpus, opts.seed, f.index, f);
    console.log(`FAIL ${f.kind} #${f.index} (${f.base}: ${(f.ops ?? []).join(' + ')}) → ${path}\n  ${String(f.error ?? `${f.ms} ms`).split('\n').slice(0, 6).join('\n  ')}`);
  }
  process.exitCode = failures.length === 0 ? 0 : 1;
}
