// `audit ci gitlab`: a .gitlab-ci.yml for a repository of schools' workbooks.
// Merge request pipelines (not branch pipelines) while a merge request is open; in a merge request, the
// school's own files are scored on their own (report in the log, JUnit in the MR widget, the folder
// linked with expose_as); every pipeline scores the whole folder — one job, or `parallel: n` jobs each
// running `--shard i/n` and a merge job over their summary.json. GitLab has no job summary: the summary
// is an artifact exposed in the merge request. Schedules live in GitLab's settings, not in this file.
import { ciWords, type CiWords } from '../messages/ci.js';
import { NODE_VERSION, TOOL_BIN, batchLine, installLine, shellQuote, yamlText, type CiSpec } from './spec.js';

const IS_MR = '$CI_PIPELINE_SOURCE == "merge_request_event"';

function libreOfficeLines(spec: CiSpec, w: CiWords): string[] {
  return [
    `if [ -n "$(find ${shellQuote(spec.dir)} -type f \\( -iname '*.xls' -o -iname '*.ods' \\) -print -quit 2>/dev/null)" ]; then`,
    `  echo ${shellQuote(w.libreOffice)}`,
    '  apt-get update -q && apt-get install -y -q --no-install-recommends libreoffice-calc-nogui',
    'fi',
  ];
}

/** In a merge request the district summary is for information: its job may fail without failing the pipeline. */
function summaryRules(spec: CiSpec) {
  return {
    rules: [{ if: IS_MR, allow_failure: true }, { when: 'on_success' }],
    // Collection phase: exit 1 (schools not passing) shows as a warning; 2 and 3 still fail.
    ...(spec.allowFailing ? { allow_failure: { exit_codes: [1] } } : {}),
  };
}

function checkJob(spec: CiSpec, w: CiWords, stage: string) {
  return {
    stage,
    rules: [{ if: IS_MR }],
    // The merge request's base commit must be in the clone to list what the school sent.
    variables: { GIT_DEPTH: '0' },
    script: [
      [
        ...libreOfficeLines(spec, w),
        `mapfile -d '' files < <(git diff -z --name-only --diff-filter=d "$CI_MERGE_REQUEST_DIFF_BASE_SHA" HEAD -- ${shellQuote(spec.dir)} | grep -z -i -E '\\.(xlsx|xls|ods)$')`,
        'if [ "${#files[@]}" -eq 0 ]; then',
        `  echo ${shellQuote(w.noWorkbookChanged(spec.dir))}`,
        '  exit 0',
        'fi',
        'code=0',
        `${batchLine(spec, '"${files[@]}"', shellQuote(w.checkDir))} || code=$?`,
        // The school's report, criterion by criterion, where the school looks: the job's log.
        `cat ${shellQuote(w.checkDir)}schools/*.audit.md 2>/dev/null || true`,
        'exit "$code"',
        '',
      ].join('\n'),
    ],
    artifacts: {
      when: 'always',
      expose_as: w.exposeCheck,
      paths: [w.checkDir],
      reports: { junit: `${w.checkDir}junit.xml` },
    },
  };
}

function batchJob(spec: CiSpec, w: CiWords, stage: string) {
  return {
    stage,
    ...summaryRules(spec),
    script: [
      [...libreOfficeLines(spec, w), batchLine(spec, shellQuote(spec.dir), shellQuote(w.outDir)), ''].join('\n'),
    ],
    artifacts: {
      when: 'always',
      expose_as: w.exposeSummary,
      paths: [w.outDir],
      reports: { junit: `${w.outDir}junit.xml` },
    },
  };
}

function shardJob(spec: CiSpec, w: CiWords, stage: string) {
  return {
    stage,
    parallel: spec.shards,
    script: [
      [
        ...libreOfficeLines(spec, w),
        'code=0',
        `${batchLine(spec, shellQuote(spec.dir), `"${w.shardDir}$CI_NODE_INDEX/"`, ['--shard', '"$CI_NODE_INDEX/$CI_NODE_TOTAL"'])} || code=$?`,
        `# ${w.shardCodes}`,
        'if [ "$code" -eq 1 ] || [ "$code" -eq 3 ]; then code=0; fi',
        'exit "$code"',
        '',
      ].join('\n'),
    ],
    artifacts: {
      when: 'always',
      // Each job writes only its own share's folder.
      paths: [w.shardDir],
      reports: { junit: `${w.shardDir}*/junit.xml` },
    },
  };
}

function mergeJob(spec: CiSpec, w: CiWords, stage: string) {
  return {
    stage,
    // All n parallel jobs, and their artifacts.
    needs: [w.jobShardId],
    ...summaryRules(spec),
    script: [`audit batch --merge ${w.shardDir}*/summary.json --out ${shellQuote(w.outDir)} --lang ${spec.lang}`],
    artifacts: {
      when: 'always',
      expose_as: w.exposeSummary,
      paths: [w.outDir],
    },
  };
}

export function gitlabPipeline(spec: CiSpec): string {
  const w = ciWords(spec.lang);
  const sharded = spec.shards > 1;
  const stages = sharded ? [w.stageScore, w.stageMerge] : [w.stageScore];
  const pipeline: Record<string, unknown> = {
    workflow: {
      rules: [
        { if: IS_MR },
        // A push to a branch with an open merge request runs as the merge request's pipeline only.
        { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' },
        { if: '$CI_COMMIT_BRANCH' },
      ],
    },
    stages,
    default: {
      image: `node:${NODE_VERSION}`,
      interruptible: true,
      before_script: [installLine(spec), `export PATH="${TOOL_BIN}:$PATH"`],
    },
    [w.jobCheckId]: checkJob(spec, w, w.stageScore),
  };
  if (sharded) {
    pipeline[w.jobShardId] = shardJob(spec, w, w.stageScore);
    pipeline[w.jobMergeId] = mergeJob(spec, w, w.stageMerge);
  } else {
    pipeline[w.jobBatchId] = batchJob(spec, w, w.stageScore);
  }
  const header = [
    ...w.header({
      platform: 'gitlab', version: spec.version, regenerate: spec.regenerate, dir: spec.dir, outDir: w.outDir,
      shards: spec.shards, allowFailing: spec.allowFailing, install: spec.install,
    }),
    '',
    ...w.gitlabSchedules(spec.crons),
  ];
  return yamlText(pipeline, header);
}
