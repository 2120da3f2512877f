// Mistakes a teacher makes on the command line, caught before they turn into confusing errors, each
// answered with one line that says what to do: a long option with one dash (`-out`, which commander
// would read as `-o ut`), a mistyped command (`bacth`), a path with spaces not put in quotes, a glob
// the shell did not expand (cmd.exe and PowerShell never do), a folder given to the one-school command.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { UsageError } from '../errors.js';
import { registerMessages } from '../messages/format.js';

registerMessages({
  'cli.single_dash': {
    vi: '"{given}" chỉ có một dấu gạch — tùy chọn dài viết với hai dấu gạch: {fixed}',
    en: '"{given}" has a single dash — long options take two: {fixed}',
  },
  'cli.unknown_command': {
    vi: 'không có lệnh hay tệp "{given}" — ý bạn là `audit {suggestion}`?',
    en: 'no command or file "{given}" — did you mean `audit {suggestion}`?',
  },
  'cli.unquoted_spaces': {
    vi: 'tên tệp có dấu cách nên bị tách thành nhiều phần — hãy đặt đường dẫn trong dấu ngoặc kép: audit "{path}"',
    en: 'the file name has spaces, so it was split into several arguments — put the path in double quotes: audit "{path}"',
  },
  'cli.glob_no_match': {
    vi: 'không có tệp nào khớp mẫu "{pattern}" — kiểm tra lại thư mục và tên tệp',
    en: 'no file matches "{pattern}" — check the folder and the file names',
  },
});

/** Optimal string alignment distance (as commander's own suggestions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `candidates` to `word` (case-insensitive), when close enough to be a typo; else null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null, bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  // one edit for short words, two for longer (bacth → batch, rubirc → rubric)
  return best !== null && bestD <= (w.length <= 4 ? 1 : 2) ? best : null;
}

/**
 * `-out bao-cao`: one dash before a long option's name (or a near miss of it). Commander would read
 * `-out` as `-o ut` and write the reports into ./ut. Checked on argv before parsing, up to `--`.
 */
export function checkSingleDash(argv: readonly string[], longOptions: readonly string[]): void {
  for (const a of argv) {
    if (a === '--') return;
    const m = /^-([A-Za-z][A-Za-z-]+)(=.*)?$/.exec(a);
    if (!m) continue;
    const name = m[1]!;
    const match = longOptions.find((o) => o === name.toLowerCase()) ?? (name.length >= 4 ? closest(name, longOptions) : null);
    if (match) throw new UsageError({ code: 'cli.single_dash', args: { given: a, fixed: `--${match}${m[2] ?? ''}` } });
  }
}

/** `audit bacth ho-so/`: a first argument that is no file but looks like a command's name. */
export function checkCommandTypo(args: readonly string[], commands: readonly string[]): void {
  const first = args[0];
  if (first === undefined || /[./\\]/.test(first) || existsSync(first)) return;
  const suggestion = closest(first, commands);
  if (suggestion) throw new UsageError({ code: 'cli.unknown_command', args: { given: first, suggestion } });
}

const GLOB = /[*?[\]{}]/;

/**
 * The files named on the command line, as the user meant them: a pattern that names no file is
 * expanded (cmd.exe and PowerShell pass `ho-so\*.xlsx` as it is); consecutive words that name no file
 * but, joined with spaces, name one were a path with spaces left unquoted (UsageError with the fix).
 */
export async function resolveFileArgs(args: readonly string[]): Promise<string[]> {
  const exists = (p: string) => existsSync(p);
  // an unquoted path with spaces: the longest run of missing words whose join exists
  for (let i = 0; i < args.length; i++) {
    if (exists(args[i]!)) continue;
    for (let j = args.length; j > i + 1; j--) {
      const joined = args.slice(i, j).join(' ');
      if (args.slice(i, j).some((a) => a.startsWith('-'))) continue;
      if (exists(joined)) throw new UsageError({ code: 'cli.unquoted_spaces', args: { path: joined } });
    }
  }
  const out: string[] = [];
  for (const a of args) {
    if (!GLOB.test(a) || exists(a)) { out.push(a); continue; }
    const pattern = a.replace(/\\/g, '/');
    const { glob } = await import('tinyglobby');
    const found = (await glob([pattern], { absolute: isAbsolute(a), onlyFiles: true, expandDirectories: false, caseSensitiveMatch: false }))
      .filter((f) => !/(^|\/)~\$/.test(f)) // Excel's lock files (~$truong.xlsx) are not workbooks
      .sort();
    if (found.length === 0) throw new UsageError({ code: 'cli.glob_no_match', args: { pattern: a } });
    out.push(...found);
  }
  return out;
}

/** A path that is a folder (for the one-school command's hint). */
export const isFolder = (p: string): boolean => {
  try { return statSync(p).isDirectory(); } catch { return false; }
};
