// A small local runner for the workflows `audit ci` writes: it runs their shell steps in order, in bash as
// the platforms do, with `audit` on the PATH being this repository's bin/audit.js, and plays the parts of
// the few actions and keywords they use (checkout, artifacts up and down, matrix / parallel, needs, rules,
// allow_failure, the step summary). Expressions it does not know make it throw: a workflow that grows
// a new one must grow the runner too, so the replay never silently skips a step.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { parse } from 'yaml';
import { BIN } from '../cli/run.js';

/** Every workspace, artifact and script of the replays, under one folder removed by `removeReplayFiles`. */
const TMP = mkdtempSync(join(tmpdir(), 'audit-ci-replay-'));
const tempFolder = (prefix: string) => mkdtempSync(join(TMP, prefix));
export const removeReplayFiles = (): void => rmSync(TMP, { recursive: true, force: true });

export type Status = 'success' | 'failure' | 'skipped' | 'warning';

export interface JobRun {
  job: string;
  /** Matrix value or parallel index ('' when none). */
  instance: string;
  status: Status;
  exitCode: number | null;
  workspace: string;
  /** Step summaries (GitHub), in step order. */
  summaries: string[];
  /** JUnit files the report step or keyword found. */
  junit: string[];
  log: string;
}

export interface Replay {
  jobs: JobRun[];
  /** Artifacts by name (GitHub) or by job instance (GitLab): their folder. */
  artifacts: Map<string, string>;
}

let shim: string | null = null;
function shimDir(): string {
  if (shim !== null) return shim;
  const dir = tempFolder('bin-');
  shim = dir;
  const file = join(dir, 'audit');
  // One worker per batch (-j 1): the results do not depend on it, and the test machine's two cores are shared.
  writeFileSync(file, `#!/bin/sh\nif [ "$1" = batch ]; then shift; set -- batch -j 1 "$@"; fi\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(file, 0o755);
  return dir;
}

function bash(script: string, cwd: string, env: Record<string, string>): { code: number | null; out: string } {
  const file = join(tempFolder('step-'), 'step.sh');
  writeFileSync(file, script);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function baseEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${shimDir()}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1', LANG: 'C.UTF-8', ...extra,
  };
  return env;
}

/** Files matched by artifact path lines (files, folders ending in '/', globs), relative to `cwd`. */
function matchPaths(cwd: string, lines: string[]): string[] {
  const out = new Set<string>();
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    const pattern = line.endsWith('/') ? `${line}**` : line;
    for (const f of globSync(pattern, { cwd, dot: true, onlyFiles: true })) out.add(f);
    if (!line.endsWith('/') && existsSync(join(cwd, line)) && !out.has(line)) {
      for (const f of globSync(`${line}/**`, { cwd, dot: true, onlyFiles: true })) out.add(f);
    }
  }
  return [...out].sort();
}

/** actions/upload-artifact: the files' least common ancestor folder becomes the artifact's root. */
function commonRoot(files: string[]): string {
  if (files.length === 0) return '';
  let parts = dirname(files[0]!).split('/');
  for (const f of files) {
    const d = dirname(f).split('/');
    let i = 0;
    while (i < parts.length && parts[i] === d[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.filter((p) => p !== '.').join('/');
}

function copyFiles(fromRoot: string, files: string[], base: string, to: string): void {
  for (const f of files) {
    const rel = base === '' ? f : relative(base, f);
    mkdirSync(dirname(join(to, rel)), { recursive: true });
    cpSync(join(fromRoot, f), join(to, rel));
  }
}

// ---------- GitHub Actions ----------

interface GithubContext { event: string; matrix: Record<string, unknown> }

function githubExpr(expr: string, ctx: GithubContext): unknown {
  const e = expr.trim();
  if (e === '!cancelled()' || e === 'always()') return true;
  let m = /^github\.event_name\s*(==|!=)\s*'([^']*)'$/.exec(e);
  if (m) return m[1] === '==' ? ctx.event === m[2] : ctx.event !== m[2];
  m = /^matrix\.(\w+)$/.exec(e);
  if (m && m[1]! in ctx.matrix) return ctx.matrix[m[1]!];
  throw new Error(`replay: unsupported GitHub expression: ${expr}`);
}

const githubText = (s: string, ctx: GithubContext): string =>
  s.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, inner: string) => String(githubExpr(inner, ctx)));

function githubIf(cond: unknown, ctx: GithubContext, failed: boolean): boolean {
  if (cond === undefined) return !failed;
  const text = String(cond).trim();
  const inner = /^\$\{\{\s*(.*?)\s*\}\}$/.exec(text)?.[1] ?? text;
  return Boolean(githubExpr(inner, ctx));
}

export function replayGithub(yamlText: string, repo: string, event: 'push' | 'pull_request'): Replay {
  const wf = parse(yamlText) as { jobs: Record<string, Record<string, unknown>> };
  const artifacts = new Map<string, string>();
  const store = tempFolder('artifacts-');
  const runs: JobRun[] = [];
  const done = new Map<string, Status>();
  const pending = Object.keys(wf.jobs);
  while (pending.length > 0) {
    const index = pending.findIndex((id) => [wf.jobs[id]!.needs ?? []].flat().every((n) => done.has(String(n))));
    if (index < 0) throw new Error('replay: a cycle in needs');
    const id = pending.splice(index, 1)[0]!;
    const job = wf.jobs[id]!;
    const needs = [job.needs ?? []].flat().map(String);
    const strategy = job.strategy as { matrix?: Record<string, unknown[]> } | undefined;
    const [key, values] = Object.entries(strategy?.matrix ?? {})[0] ?? ['', ['']];
    const statuses: Status[] = [];
    for (const value of values as unknown[]) {
      const ctx: GithubContext = { event, matrix: key ? { [key]: value } : {} };
      const run: JobRun = { job: id, instance: String(value), status: 'skipped', exitCode: null, workspace: '', summaries: [], junit: [], log: '' };
      runs.push(run);
      if (needs.some((n) => done.get(n) !== 'success') || !githubIf(job.if, ctx, false)) { statuses.push('skipped'); continue; }
      const ws = tempFolder(`${id}-`);
      run.workspace = ws;
      let failed = false;
      for (const step of job.steps as Record<string, unknown>[]) {
        if (!githubIf(step.if, ctx, failed)) continue;
        const uses = typeof step.uses === 'string' ? step.uses : '';
        const w = (step.with ?? {}) as Record<string, unknown>;
        if (uses.startsWith('actions/checkout@')) {
          cpSync(repo, ws, { recursive: true });
        } else if (uses.startsWith('actions/setup-node@') || step.id === 'install') {
          // The runner's Node is this one; `audit` is bin/audit.js.
        } else if (uses.startsWith('actions/upload-artifact@')) {
          const files = matchPaths(ws, githubText(String(w.path), ctx).split('\n'));
          const name = githubText(String(w.name), ctx);
          if (artifacts.has(name)) throw new Error(`replay: artifact ${name} uploaded twice`);
          if (files.length === 0) continue;
          const to = join(store, name);
          copyFiles(ws, files, commonRoot(files), to);
          artifacts.set(name, to);
        } else if (uses.startsWith('actions/download-artifact@')) {
          const pattern = new RegExp(`^${String(w.pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
          for (const [name, from] of artifacts) {
            if (pattern.test(name)) cpSync(from, join(ws, String(w.path), name), { recursive: true });
          }
        } else if (uses.startsWith('mikepenz/action-junit-report@')) {
          run.junit.push(...matchPaths(ws, [String(w.report_paths)]));
        } else if (typeof step.run === 'string') {
          const summary = join(ws, `.step-summary-${run.summaries.length}`);
          writeFileSync(summary, '');
          const env = Object.fromEntries(Object.entries((step.env ?? {}) as Record<string, unknown>).map(([k, v]) => [k, githubText(String(v), ctx)]));
          const r = bash(step.run, ws, baseEnv({ GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_NAME: event, GITHUB_ACTIONS: 'true', ...env }));
          run.summaries.push(readFileSync(summary, 'utf8'));
          run.log += r.out;
          if (r.code !== 0) { failed = true; run.exitCode = r.code; }
        } else {
          throw new Error(`replay: unsupported step ${JSON.stringify(step)}`);
        }
      }
      run.status = failed ? 'failure' : 'success';
      statuses.push(run.status);
    }
    done.set(id, statuses.every((s) => s === 'success') ? 'success' : statuses.includes('failure') ? 'failure' : 'skipped');
  }
  return { jobs: runs, artifacts };
}

// ---------- GitLab CI ----------

const GITLAB_KEYWORDS = new Set(['workflow', 'stages', 'default', 'variables', 'include', 'image', 'services', 'before_script', 'after_script', 'cache', 'spec']);

function gitlabIf(expr: string, vars: Record<string, string>): boolean {
  return expr.split('&&').every((term) => {
    const t = term.trim();
    let m = /^\$(\w+)\s*(==|!=)\s*"([^"]*)"$/.exec(t);
    if (m) return m[2] === '==' ? vars[m[1]!] === m[3] : vars[m[1]!] !== m[3];
    m = /^\$(\w+)$/.exec(t);
    if (m) return (vars[m[1]!] ?? '') !== '';
    throw new Error(`replay: unsupported GitLab rule: ${expr}`);
  });
}

interface Rule { if?: string; when?: string; allow_failure?: boolean }

/** The first matching rule's when and allow_failure; null when no rule matches (the job is not added). */
function gitlabRules(rules: Rule[] | undefined, vars: Record<string, string>): { when: string; allowFailure?: boolean } | null {
  if (rules === undefined) return { when: 'on_success' };
  for (const r of rules) {
    if (r.if === undefined || gitlabIf(r.if, vars)) {
      return { when: r.when ?? 'on_success', ...(r.allow_failure !== undefined ? { allowFailure: r.allow_failure } : {}) };
    }
  }
  return null;
}

export function replayGitlab(yamlText: string, repo: string, vars: Record<string, string>): Replay {
  const pipeline = parse(yamlText) as Record<string, Record<string, unknown>> & { stages: string[]; workflow: { rules: Rule[] } };
  const runs: JobRun[] = [];
  const artifacts = new Map<string, string>();
  const store = tempFolder('artifacts-');
  const wfRule = gitlabRules(pipeline.workflow.rules, vars);
  if (wfRule === null || wfRule.when === 'never') return { jobs: runs, artifacts };
  const jobIds = Object.keys(pipeline).filter((k) => !GITLAB_KEYWORDS.has(k) && !k.startsWith('.'));
  const status = new Map<string, Status>();
  for (const stage of pipeline.stages) {
    // Without needs, a job gets the artifacts of every job in the earlier stages.
    const earlier = new Map(artifacts);
    const earlierOk = [...status.values()].every((s) => s !== 'failure');
    for (const id of jobIds.filter((j) => (pipeline[j]!.stage ?? 'test') === stage)) {
      const job = pipeline[id]!;
      const rule = gitlabRules(job.rules as Rule[] | undefined, vars);
      const needs = job.needs as string[] | undefined;
      const depsOk = needs ? needs.every((n) => status.get(n) === 'success' || status.get(n) === 'warning') : earlierOk;
      if (rule === null || rule.when === 'never' || !depsOk) {
        runs.push({ job: id, instance: '', status: 'skipped', exitCode: null, workspace: '', summaries: [], junit: [], log: '' });
        continue;
      }
      const allow = (job.allow_failure ?? false) as boolean | { exit_codes: number | number[] };
      const n = typeof job.parallel === 'number' ? job.parallel : 0;
      const instances = n > 0 ? Array.from({ length: n }, (_, i) => i + 1) : [0];
      const statuses: Status[] = [];
      for (const i of instances) {
        const ws = tempFolder(`${id}-`);
        cpSync(repo, ws, { recursive: true });
        // Artifacts of the jobs it needs, else of every job in earlier stages.
        for (const [name, from] of needs ? artifacts : earlier) {
          const owner = name.split(' ')[0]!;
          if (needs ? needs.includes(owner) : true) cpSync(from, ws, { recursive: true });
        }
        const jobVars = Object.fromEntries(Object.entries((job.variables ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
        const env = baseEnv({ ...vars, ...jobVars, GITLAB_CI: 'true', ...(n > 0 ? { CI_NODE_INDEX: String(i), CI_NODE_TOTAL: String(n) } : {}) });
        // default.before_script installs the tool: bin/audit.js stands in for it.
        const r = bash(`${(job.script as string[]).join('\n')}\n`, ws, env);
        let s: Status = r.code === 0 ? 'success' : 'failure';
        if (s === 'failure') {
          const allowed = rule.allowFailure ?? (typeof allow === 'boolean' ? allow : [allow.exit_codes].flat().includes(r.code ?? -1));
          if (allowed) s = 'warning';
        }
        const a = (job.artifacts ?? {}) as { when?: string; paths?: string[]; reports?: { junit?: string } };
        const run: JobRun = { job: id, instance: n > 0 ? String(i) : '', status: s, exitCode: r.code, workspace: ws, summaries: [], junit: [], log: r.out };
        if (a.when === 'always' || s === 'success') {
          const files = matchPaths(ws, a.paths ?? []);
          if (files.length > 0) {
            const to = join(store, `${id} ${i}`);
            copyFiles(ws, files, '', to);
            artifacts.set(`${id} ${i}`, to);
          }
          if (a.reports?.junit) run.junit = matchPaths(ws, [a.reports.junit]);
        }
        runs.push(run);
        statuses.push(s);
      }
      status.set(id, statuses.includes('failure') ? 'failure' : statuses.includes('warning') ? 'warning' : 'success');
    }
  }
  return { jobs: runs, artifacts };
}
