// The generated workflows against the platforms' own schemas, with well-kept validators:
// - GitHub Actions: @action-validator/cli (its validator ships as WebAssembly inside the npm package
//   @action-validator/core; nothing is downloaded at install or test time);
// - GitLab CI: the JSON Schema GitLab publishes for .gitlab-ci.yml (vendored in tests/ci/schemas/, see its
//   README), with ajv; plus the rules GitLab checks in code and the schema cannot say (expose_as, stages, needs).
// And every shell script in them parses (`bash -n`). Each validator is also shown to reject a broken file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { audit, ROOT } from '../cli/run.js';

const require = createRequire(import.meta.url);
const actionValidator = require('@action-validator/core') as {
  validateWorkflow(src: string): { errors: unknown[] };
};
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const VARIANTS: string[][] = [
  [],
  ['--shards', '3', '--allow-failing-schools', '--lang', 'en', '--rubric', 'ben-tre-2782@1'],
  ['--shards', '200', '--dir', 'hồ sơ/2024', '--rubric', "tieu-chi/huyện l'an.yaml", '--mapping', 'ten rieng.yaml',
    '--waivers', 'mien-tru.yaml', '--deadline', '2025-06-05', '--fail-under', '80', '--cron', '0 2 * * 1-5', '--install', 'audit-0.1.0.tgz'],
];

function generate(platform: 'github' | 'gitlab', args: string[]): string {
  const r = audit(['ci', platform, ...args, '-q']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

function bashParses(script: string): string {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}

describe('GitHub Actions: action-validator', () => {
  const errorsOf = (text: string) => actionValidator.validateWorkflow(text).errors;

  test.each(VARIANTS.map((v) => [v.join(' ') || '(defaults)', v]))('%s', (_name, args) => {
    const text = generate('github', args as string[]);
    expect(errorsOf(text)).toEqual([]);
    const wf = parse(text) as { jobs: Record<string, { steps: { run?: string }[] }>; permissions: unknown };
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) if (step.run !== undefined) expect(bashParses(step.run), step.run).toBe('');
    }
  });

  test('the validator rejects a broken workflow (no runs-on, a misspelt key)', () => {
    const wf = parse(generate('github', [])) as { jobs: Record<string, Record<string, unknown>> };
    delete wf.jobs['tong-hop']!['runs-on'];
    expect(errorsOf(stringify(wf)).length).toBeGreaterThan(0);
    const misspelt = parse(generate('github', [])) as { jobs: Record<string, Record<string, unknown>> };
    misspelt.jobs['tong-hop']!.step = misspelt.jobs['tong-hop']!.steps;
    delete misspelt.jobs['tong-hop']!.steps;
    expect(errorsOf(stringify(misspelt)).length).toBeGreaterThan(0);
  });

  test('the action-validator command accepts examples/ci/github-actions.yml', () => {
    const cli = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
    const ok = spawnSync(process.execPath, [cli, join(ROOT, 'examples/ci/github-actions.yml')], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
  });
});

describe('GitLab CI: the published .gitlab-ci.yml JSON Schema (ajv) and GitLab\'s own checks', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'tests/ci/schemas/gitlab-ci.json'), 'utf8')) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const KEYWORDS = new Set(['workflow', 'stages', 'default', 'variables', 'include', 'image', 'services', 'before_script', 'after_script', 'cache']);

  /** What lib/gitlab/ci/config/entry/*.rb check beyond the schema, for the keys these files use. */
  function gitlabChecks(pipeline: Record<string, Record<string, unknown>>): string[] {
    const problems: string[] = [];
    const stages = pipeline.stages as unknown as string[];
    const jobs = Object.keys(pipeline).filter((k) => !KEYWORDS.has(k));
    for (const id of jobs) {
      const job = pipeline[id]!;
      if (id.length > 255) problems.push(`${id}: name too long`);
      if (!stages.includes(String(job.stage))) problems.push(`${id}: stage ${String(job.stage)} not in stages`);
      for (const n of (job.needs ?? []) as string[]) if (!jobs.includes(n)) problems.push(`${id}: needs unknown job ${n}`);
      for (const r of (job.rules ?? []) as Record<string, unknown>[]) {
        if (r.allow_failure !== undefined && typeof r.allow_failure !== 'boolean') problems.push(`${id}: rules:allow_failure must be boolean`);
      }
      const a = job.artifacts as { expose_as?: string; paths?: string[] } | undefined;
      if (a?.expose_as !== undefined) {
        // Ruby's \w is ASCII: "can contain only letters, digits, '-', '_' and spaces".
        if (!/^[A-Za-z0-9_][-A-Za-z0-9_ ]*$/.test(a.expose_as) || a.expose_as.length > 100) problems.push(`${id}: expose_as "${a.expose_as}"`);
        if (!a.paths?.length || a.paths.some((p) => p.includes('*'))) problems.push(`${id}: expose_as needs paths without '*'`);
      }
      for (const line of (job.script ?? []) as string[]) {
        const err = bashParses(line);
        if (err) problems.push(`${id}: ${err}`);
      }
    }
    return problems;
  }

  test.each(VARIANTS.map((v) => [v.join(' ') || '(defaults)', v]))('%s', (_name, args) => {
    const pipeline = parse(generate('gitlab', args as string[])) as Record<string, Record<string, unknown>>;
    expect(validate(pipeline) ? [] : validate.errors).toEqual([]);
    expect(gitlabChecks(pipeline)).toEqual([]);
  });

  test('the schema and the checks reject a broken pipeline', () => {
    const bad = parse(generate('gitlab', [])) as Record<string, Record<string, Record<string, unknown>>>;
    bad['tong-hop']!.artifacts!.when = 'sometimes';
    expect(validate(bad)).toBe(false);
    const accented = parse(generate('gitlab', [])) as Record<string, Record<string, Record<string, unknown>>>;
    accented['tong-hop']!.artifacts!.expose_as = 'Báo cáo tổng hợp';
    expect(validate(accented)).toBe(true); // the schema cannot see it…
    expect(gitlabChecks(accented as Record<string, Record<string, unknown>>)).toEqual(['tong-hop: expose_as "Báo cáo tổng hợp"']); // …GitLab would refuse it
  });
});

describe('examples/ci/ is what the command writes (regenerate: npm run examples)', () => {
  test.each([['github', 'github-actions.yml'], ['gitlab', 'gitlab-ci.yml']] as const)('%s → examples/ci/%s', (platform, file) => {
    expect(readFileSync(join(ROOT, 'examples/ci', file), 'utf8')).toBe(generate(platform, []));
  });
});
