// `audit ci github`: a GitHub Actions workflow for a repository of schools' workbooks.
// Jobs: in a pull request, the school's own files (its report in the job summary); on every event, the
// whole folder — one job, or a matrix of `--shard i/n` jobs and a `--merge` job over their summary.json.
// Permissions stay at `contents: read`: the report goes to the job summary and annotations, not a PR
// comment (which would need `pull-requests: write`, and which a fork's pull request is never given).
import { ciWords, type CiWords } from '../messages/ci.js';
import { NODE_VERSION, TOOL_BIN, batchLine, installLine, shellQuote, yamlText, type CiSpec } from './spec.js';

const ACTIONS = {
  checkout: 'actions/checkout@v4',
  node: 'actions/setup-node@v4',
  upload: 'actions/upload-artifact@v4',
  download: 'actions/download-artifact@v4',
  // JUnit failures as annotations; `annotate_only` needs no `checks: write`.
  junit: 'mikepenz/action-junit-report@v5',
} as const;

type Step = Record<string, unknown>;

const ALWAYS = '${{ !cancelled() }}';

function setupSteps(spec: CiSpec, w: CiWords, checkout: Step | null): Step[] {
  return [
    ...(checkout ? [checkout] : []),
    { name: w.stepNode, uses: ACTIONS.node, with: { 'node-version': NODE_VERSION } },
    { name: w.stepInstall, id: 'install', shell: 'bash', run: `${installLine(spec)}\necho "${TOOL_BIN}" >> "$GITHUB_PATH"\n` },
  ];
}

function libreOfficeStep(spec: CiSpec, w: CiWords): Step {
  return {
    name: w.stepLibreOffice,
    shell: 'bash',
    run: [
      `if [ -n "$(find ${shellQuote(spec.dir)} -type f \\( -iname '*.xls' -o -iname '*.ods' \\) -print -quit 2>/dev/null)" ]; then`,
      `  echo ${shellQuote(w.libreOffice)}`,
      '  sudo apt-get update -q',
      '  sudo apt-get install -y -q --no-install-recommends libreoffice-calc-nogui',
      'fi',
      '',
    ].join('\n'),
  };
}

/** Exit 1 becomes a warning when ALLOW_FAILING is "true"; 2 and 3 always fail the step. */
function exitRule(spec: CiSpec, w: CiWords): string[] {
  const why = spec.allowFailing ? w.notFailingCollecting : w.notFailingReview;
  return [
    'if [ "$code" -eq 1 ] && [ "$ALLOW_FAILING" = true ]; then',
    `  echo ${shellQuote(`::warning::${why}`)}`,
    '  code=0',
    'fi',
    'exit "$code"',
    '',
  ];
}

const allowFailingEnv = (spec: CiSpec) => ({ ALLOW_FAILING: spec.allowFailing ? 'true' : "${{ github.event_name == 'pull_request' }}" });

const junitStep = (w: CiWords, paths: string): Step => ({
  name: w.stepJunit,
  if: ALWAYS,
  uses: ACTIONS.junit,
  with: { report_paths: paths, annotate_only: true, job_summary: false },
});

const upload = (name: string, title: string, path: string): Step => ({
  name: title,
  if: ALWAYS,
  uses: ACTIONS.upload,
  with: { name, path, 'if-no-files-found': 'ignore' },
});

/** Summary files (summary.html when the batch writes one) and junit.xml of a folder. */
const summaryPaths = (out: string) => `${out}summary.*\n${out}junit.xml\n`;

function checkJob(spec: CiSpec, w: CiWords) {
  return {
    name: w.jobCheck,
    if: "github.event_name == 'pull_request'",
    'runs-on': 'ubuntu-latest',
    steps: [
      // The pull request's merge commit and its first parent, the base branch: their difference is what the school sent.
      ...setupSteps(spec, w, { name: w.stepCheckout, uses: ACTIONS.checkout, with: { 'fetch-depth': 2 } }),
      libreOfficeStep(spec, w),
      {
        name: w.stepCheck(spec.dir),
        shell: 'bash',
        run: [
          `mapfile -d '' files < <(git diff -z --name-only --diff-filter=d HEAD^1 HEAD -- ${shellQuote(spec.dir)} | grep -z -i -E '\\.(xlsx|xls|ods)$')`,
          'if [ "${#files[@]}" -eq 0 ]; then',
          `  echo ${shellQuote(w.noWorkbookChanged(spec.dir))} | tee -a "$GITHUB_STEP_SUMMARY"`,
          '  exit 0',
          'fi',
          batchLine(spec, '"${files[@]}"', shellQuote(w.checkDir)),
          '',
        ].join('\n'),
      },
      {
        name: w.stepCheckSummary,
        if: ALWAYS,
        shell: 'bash',
        run: [
          `for f in ${shellQuote(w.checkDir)}schools/*.audit.md; do`,
          '  [ -f "$f" ] || continue',
          // A step's summary holds at most 1 MiB.
          '  if [ $(( $(wc -c < "$GITHUB_STEP_SUMMARY") + $(wc -c < "$f") )) -gt 1000000 ]; then',
          `    echo ${shellQuote(w.moreReports(w.artifactCheck))} >> "$GITHUB_STEP_SUMMARY"`,
          '    break',
          '  fi',
          '  cat "$f" >> "$GITHUB_STEP_SUMMARY"',
          'done',
          '',
        ].join('\n'),
      },
      junitStep(w, `${w.checkDir}junit.xml`),
      upload(w.artifactCheck, w.stepUploadCheck, w.checkDir),
    ],
  };
}

function batchJob(spec: CiSpec, w: CiWords) {
  return {
    name: w.jobBatch,
    'runs-on': 'ubuntu-latest',
    steps: [
      ...setupSteps(spec, w, { name: w.stepCheckout, uses: ACTIONS.checkout }),
      libreOfficeStep(spec, w),
      {
        name: w.stepBatch(spec.dir),
        shell: 'bash',
        env: allowFailingEnv(spec),
        run: ['code=0', `${batchLine(spec, shellQuote(spec.dir), shellQuote(w.outDir))} || code=$?`, ...exitRule(spec, w)].join('\n'),
      },
      junitStep(w, `${w.outDir}junit.xml`),
      // One artifact: summary.html links each school to its report in schools/.
      upload(w.artifactSummary, w.stepUploadAll, w.outDir),
    ],
  };
}

function shardJob(spec: CiSpec, w: CiWords) {
  const n = spec.shards;
  const here = `${w.shardDir}\${{ matrix.shard }}/`;
  return {
    name: w.jobShard('${{ matrix.shard }}', n),
    'runs-on': 'ubuntu-latest',
    strategy: { 'fail-fast': false, matrix: { shard: Array.from({ length: n }, (_, i) => i + 1) } },
    steps: [
      ...setupSteps(spec, w, { name: w.stepCheckout, uses: ACTIONS.checkout }),
      libreOfficeStep(spec, w),
      {
        name: w.stepBatch(spec.dir),
        shell: 'bash',
        env: { SHARD: '${{ matrix.shard }}' },
        run: [
          'code=0',
          // Only the merge job's summary belongs on the run's page.
          `GITHUB_STEP_SUMMARY= ${batchLine(spec, shellQuote(spec.dir), `"${w.shardDir}$SHARD/"`, ['--shard', `"$SHARD/${n}"`])} || code=$?`,
          `# ${w.shardCodes}`,
          'if [ "$code" -eq 1 ] || [ "$code" -eq 3 ]; then code=0; fi',
          'exit "$code"',
          '',
        ].join('\n'),
      },
      upload(`${w.artifactShard}-\${{ matrix.shard }}`, w.stepUploadShard, `${here}summary.json\n${here}junit.xml\n`),
      upload(`${w.artifactSchools}-\${{ matrix.shard }}`, w.stepUploadSchools, `${here}schools/`),
    ],
  };
}

function mergeJob(spec: CiSpec, w: CiWords) {
  return {
    name: w.jobMerge,
    needs: w.jobShardId,
    'runs-on': 'ubuntu-latest',
    steps: [
      ...setupSteps(spec, w, null),
      { name: w.stepDownload, uses: ACTIONS.download, with: { pattern: `${w.artifactShard}-*`, path: w.shardDir } },
      {
        name: w.stepMerge,
        shell: 'bash',
        env: allowFailingEnv(spec),
        run: ['code=0', `audit batch --merge ${w.shardDir}*/summary.json --out ${shellQuote(w.outDir)} --lang ${spec.lang} || code=$?`, ...exitRule(spec, w)].join('\n'),
      },
      // merge writes no junit.xml: the shards' files hold every school's suite.
      junitStep(w, `${w.shardDir}*/junit.xml`),
      upload(w.artifactSummary, w.stepUploadSummary, summaryPaths(w.outDir)),
    ],
  };
}

export function githubWorkflow(spec: CiSpec): string {
  const w = ciWords(spec.lang);
  const jobs: Record<string, unknown> = { [w.jobCheckId]: checkJob(spec, w) };
  if (spec.shards > 1) {
    jobs[w.jobShardId] = shardJob(spec, w);
    jobs[w.jobMergeId] = mergeJob(spec, w);
  } else {
    jobs[w.jobBatchId] = batchJob(spec, w);
  }
  const workflow = {
    name: w.workflowName,
    on: {
      push: { branches: ['main', 'master'] },
      pull_request: { branches: ['main', 'master'] },
      schedule: spec.crons.map((cron) => ({ cron })),
      workflow_dispatch: null,
    },
    permissions: { contents: 'read' },
    concurrency: { group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': true },
    jobs,
  };
  const header = w.header({
    platform: 'github', version: spec.version, regenerate: spec.regenerate, dir: spec.dir, outDir: w.outDir,
    shards: spec.shards, allowFailing: spec.allowFailing, install: spec.install,
  });
  return yamlText(workflow, header, [{ path: ['on', 'schedule'], comment: ` ${w.scheduleComment(spec.crons)}` }]);
}
