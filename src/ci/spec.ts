// What a generated CI workflow is made from (already validated by src/cli/commands/ci.ts), and the small
// pieces both platforms share: shell quoting, the audit command lines, the schedule.
import { Document, isMap, isScalar, type Node } from 'yaml';
import type { Lang } from '../messages/format.js';

export type CiPlatform = 'github' | 'gitlab';
export const CI_PLATFORMS: readonly CiPlatform[] = ['github', 'gitlab'];

export interface CiSpec {
  platform: CiPlatform;
  lang: Lang;
  /** The schools' folder, relative to the repository root, with a trailing '/'. */
  dir: string;
  /** 1: one job; n > 1: n matrix jobs (`--shard i/n`) and a merge job. */
  shards: number;
  /** Cron lines in UTC. */
  crons: string[];
  /** Collection phase: exit 1 is a warning, not a failure. */
  allowFailing: boolean;
  /** npm package spec the CI installs the tool from. */
  install: string;
  /** Options passed to every `audit batch` that scores files (--rubric, --mapping, --waivers, --fail-under). */
  batchArgs: string[];
  /** The tool's version, named in the header. */
  version: string;
  /** The command that writes this file again. */
  regenerate: string;
}

/** Node.js major version the workflows install (the tool's engines: >= 20.19). */
export const NODE_VERSION = '20';

/** Mondays 08:17 Vietnam time (01:17 UTC): off the full hour, when CI schedulers are busiest. */
export const DEFAULT_CRON = '17 1 * * 1';

/** A word the shell reads as itself, quoted only when it must be. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `audit batch <what> --out <out> --lang <lang> <options>` as a shell line (`what` already quoted). */
export function batchLine(spec: CiSpec, what: string, out: string, extra: string[] = []): string {
  return ['audit batch', what, ...extra, '--out', out, '--lang', spec.lang, ...spec.batchArgs.map(shellQuote)].join(' ');
}

/**
 * Where the tool is installed in CI, and how. Not `npm install -g`: npm does not install a git package's
 * devDependencies before its `prepare` build when installing globally (npm/cli#8440), so the build fails;
 * a local install into its own prefix does, and its bin folder goes on the PATH.
 */
export const TOOL_PREFIX = '$HOME/.audit';
export const TOOL_BIN = `${TOOL_PREFIX}/node_modules/.bin`;
export const installLine = (spec: CiSpec): string => `npm install --prefix "${TOOL_PREFIX}" --no-fund --no-audit ${shellQuote(spec.install)}`;

/**
 * Daily runs in the 14 days up to and including the deadline, at 01:17 UTC (08:17 in Vietnam). Cron has no
 * year: the runs come back on the same dates every year, as reporting deadlines do. Two lines when the
 * fortnight spans two months ("31" in a shorter month simply never fires).
 */
export function deadlineCrons(deadline: string): string[] {
  const end = new Date(`${deadline}T00:00:00Z`);
  const start = new Date(end.getTime() - 13 * 86_400_000);
  const [sd, sm, ed, em] = [start.getUTCDate(), start.getUTCMonth() + 1, end.getUTCDate(), end.getUTCMonth() + 1];
  if (sm === em) return [`17 1 ${sd}-${ed} ${em} *`];
  return [`17 1 ${sd}-31 ${sm} *`, `17 1 1-${ed} ${em} *`];
}

/** A YAML document with a comment block at its top, printed the way these files are written by hand. */
export function yamlText(value: unknown, header: string[], comments: { path: (string | number)[]; comment: string }[] = []): string {
  const doc = new Document(value);
  doc.commentBefore = header.join('\n');
  for (const { path, comment } of comments) {
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    const key = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
    }
  }
  return doc.toString({ lineWidth: 0, singleQuote: true, nullStr: '', indentSeq: true });
}
