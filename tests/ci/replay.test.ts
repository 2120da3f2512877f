// The generated workflows' own steps, run here in order (tests/ci/replay.ts) on an example folder of
// schools: the commands they contain work, the shards' summaries merge into exactly what one run writes,
// and the jobs pass or fail as the exit codes and --allow-failing-schools say.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

// Each test runs a whole pipeline: several `audit batch` processes.
const SLOW = 240_000;
import { audit, fixture, skipReason, tempDir } from '../cli/run.js';
import { removeReplayFiles, replayGithub, replayGitlab, type JobRun, type Replay } from './replay.js';

afterAll(removeReplayFiles);

const work = tempDir('audit-ci-replay-');
const hasGit = spawnSync('git', ['--version']).status === 0;

/** A repository as a district keeps it: the schools' files in ho-so/, some in a district subfolder. */
function exampleRepo(opts: { unreadable?: boolean; git?: boolean } = {}): string {
  const repo = mkdtempSync(join(work, 'repo-'));
  mkdirSync(join(repo, 'ho-so/huyen-a'), { recursive: true });
  cpSync(fixture('thpt-dat-chuan.xlsx'), join(repo, 'ho-so/thpt-dat-chuan.xlsx'));
  cpSync(fixture('lien-cap-th-thcs.xlsx'), join(repo, 'ho-so/huyen-a/lien-cap-th-thcs.xlsx'));
  cpSync(fixture('lon-xon.xlsx'), join(repo, 'ho-so/huyen-a/lon-xon.xlsx'));
  if (opts.unreadable) writeFileSync(join(repo, 'ho-so/huyen-a/bang-tinh.xlsx'), 'STT,Nội dung\n1,máy tính\n');
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=Phong GD', '-c', 'user.email=pgd@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  if (opts.git) {
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'ho so da nop');
  }
  // The school that sends its file last (in a pull request): it does not pass yet.
  cpSync(fixture('thpt-chua-dat.xlsx'), join(repo, 'ho-so/thpt-chua-dat.xlsx'));
  if (opts.git) {
    git('add', '.');
    git('commit', '-q', '-m', 'THPT Tran Van Kiet gui ho so');
  }
  return repo;
}

function workflow(args: string[]): string {
  const r = audit(['ci', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** What one `audit batch ho-so/` writes, run in a copy of the repository. */
function singleRun(repo: string, outDir: string): { code: number | null; dir: string } {
  const copy = mkdtempSync(join(work, 'single-'));
  cpSync(repo, copy, { recursive: true });
  const r = audit(['batch', 'ho-so/', '--out', outDir, '--lang', 'vi'], { cwd: copy });
  return { code: r.code, dir: join(copy, outDir) };
}

const jobs = (r: Replay, id: string): JobRun[] => r.jobs.filter((j) => j.job === id);
const one = (r: Replay, id: string): JobRun => {
  const found = jobs(r, id);
  expect(found, id).toHaveLength(1);
  return found[0]!;
};
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile()).map((d) => d.name).sort();

describe('GitHub Actions, 3 shards then merge, on a push', () => {
  test('each shard scores its share; the merge job writes what one run writes, byte for byte', { timeout: SLOW }, () => {
    const repo = exampleRepo();
    const r = replayGithub(workflow(['github', '--shards', '3']), repo, 'push');
    expect(one(r, 'kiem-tra-truong').status).toBe('skipped'); // pull requests only
    const shards = jobs(r, 'cham');
    expect(shards.map((j) => [j.instance, j.status])).toEqual([['1', 'success'], ['2', 'success'], ['3', 'success']]);
    // The shards' summaries stay off the run's page; only the merge job's is there.
    for (const s of shards) expect(s.summaries.join('')).toBe('');
    const merge = one(r, 'tong-hop');
    // A school does not pass: exit 1 fails the run (no --allow-failing-schools).
    expect(merge.status, merge.log).toBe('failure');
    expect(merge.exitCode).toBe(1);

    const single = singleRun(repo, 'mot-lan/');
    expect(single.code).toBe(1);
    for (const name of ['summary.json', 'summary.md']) {
      expect(readFileSync(join(merge.workspace, 'tong-hop', name), 'utf8'), name).toBe(readFileSync(join(single.dir, name), 'utf8'));
    }
    expect(merge.summaries.join('')).toContain(readFileSync(join(single.dir, 'summary.md'), 'utf8').split('\n')[0]);
    expect(merge.summaries.join('')).toContain('Trường THPT Trần Văn Kiết');

    // The test report reads every shard's junit.xml; the artifacts hold the summary and every school's reports.
    expect(merge.junit).toHaveLength(3);
    expect(files(r.artifacts.get('tong-hop')!)).toEqual(expect.arrayContaining(['summary.json', 'summary.md', 'summary.xlsx', 'summary.html']));
    const reports = [1, 2, 3].flatMap((i) => files(r.artifacts.get(`bao-cao-tung-truong-${i}`)!));
    expect(reports.sort()).toEqual(files(join(single.dir, 'schools')));
  });
});

describe.skipIf(!hasGit)('GitHub Actions, a pull request', () => {
  test("the school's own file is scored, its report written into the job summary; the district job only warns", { timeout: SLOW }, () => {
    const repo = exampleRepo({ git: true });
    const r = replayGithub(workflow(['github']), repo, 'pull_request');
    const check = one(r, 'kiem-tra-truong');
    expect(check.status, check.log).toBe('failure');
    expect(check.exitCode).toBe(1);
    const summary = check.summaries.join('');
    // Only the file the pull request added: the school's full report, failing criteria and what to add.
    expect(summary).toContain('# Báo cáo đánh giá ứng dụng CNTT: Trường THPT Trần Văn Kiết');
    expect(summary).toContain('thiếu 40 máy tính phòng máy: cần 85, có 45');
    expect(summary).not.toContain('Trường THPT Nguyễn Thị Định (mã');
    expect(check.junit).toEqual(['kiem-tra/junit.xml']);
    expect(files(r.artifacts.get('kiem-tra-truong')!)).toContain('83000742.audit.md');
    const district = one(r, 'tong-hop');
    expect(district.status, district.log).toBe('success');
    expect(district.log).toContain('::warning::');
    // One artifact for the whole folder: summary.html's links to schools/ work once it is downloaded.
    expect(files(r.artifacts.get('tong-hop')!)).toEqual(expect.arrayContaining(['summary.html', 'summary.xlsx', 'junit.xml', '83000742.audit.md']));
    expect(readFileSync(join(r.artifacts.get('tong-hop')!, 'summary.html'), 'utf8')).toContain('href="schools/83000742.audit.md"');
  });
});
if (!hasGit) skipReason('GitHub pull request replay', 'git is not installed');

describe('GitLab CI', () => {
  test('parallel: 3 then merge, collection phase: shards pass, an unreadable file fails the merge (3), the summary is one run\'s', { timeout: SLOW }, () => {
    const repo = exampleRepo({ unreadable: true });
    const r = replayGitlab(workflow(['gitlab', '--shards', '3', '--allow-failing-schools']), repo, {
      CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main',
    });
    expect(jobs(r, 'kiem-tra-truong')[0]!.status).toBe('skipped');
    expect(jobs(r, 'cham').map((j) => j.status)).toEqual(['success', 'success', 'success']);
    expect(jobs(r, 'cham').flatMap((j) => j.junit)).toEqual(['phan/1/junit.xml', 'phan/2/junit.xml', 'phan/3/junit.xml']);
    const merge = one(r, 'tong-hop');
    expect(merge.exitCode).toBe(3);
    expect(merge.status).toBe('failure'); // allow_failure covers exit 1 only
    const single = singleRun(repo, 'mot-lan/');
    expect(single.code).toBe(3);
    expect(readFileSync(join(merge.workspace, 'tong-hop/summary.json'), 'utf8')).toBe(readFileSync(join(single.dir, 'summary.json'), 'utf8'));
    expect(existsSync(join(merge.workspace, 'tong-hop/summary.xlsx'))).toBe(true);
    expect(readFileSync(join(merge.workspace, 'tong-hop/summary.md'), 'utf8')).toContain('bang-tinh.xlsx');
  });

  test.skipIf(!hasGit)("a merge request: the school's file fails its job and its report is in the log; the district job is allowed to fail", { timeout: SLOW }, () => {
    const repo = exampleRepo({ git: true });
    const base = spawnSync('git', ['rev-parse', 'HEAD^1'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
    const r = replayGitlab(workflow(['gitlab']), repo, {
      CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_MERGE_REQUEST_IID: '7',
    });
    const check = one(r, 'kiem-tra-truong');
    expect(check.status, check.log).toBe('failure');
    expect(check.exitCode).toBe(1);
    expect(check.log).toContain('thiếu 40 máy tính phòng máy: cần 85, có 45');
    expect(check.junit).toEqual(['kiem-tra/junit.xml']);
    const district = one(r, 'tong-hop');
    expect(district.exitCode).toBe(1);
    expect(district.status).toBe('warning');
    // A push to a branch with an open merge request makes no branch pipeline.
    expect(replayGitlab(workflow(['gitlab']), repo, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'x', CI_OPEN_MERGE_REQUESTS: 'g/p!7' }).jobs).toEqual([]);
  });
});
