// The command line: parses argv with commander, runs a command, and maps what happened to the
// exit codes of cli.md (0 pass, 1 fail, 2 usage/rubric error, 3 input error). The only module that
// knows about argv, exit codes and process streams; commands throw typed errors.
import '../node/platform.js'; // first: the core's files, zlib and sha256 on Node
import { Command, CommanderError, Help } from 'commander';
import { UsageError } from '../errors.js';
import { format, type Lang } from '../messages/format.js';
import { helpText } from './help.js';
import { batchHelp } from '../messages/batch.js';
import { commandHelp } from '../messages/commands.js';
import { diffHelp } from '../messages/diff.js';
import { errorLines, exitCodeOf } from './report-error.js';
import { TOOL } from './tool.js';
import { checkSingleDash } from './arg-mistakes.js';
import { addCiCommand } from './ci-command.js';
import './messages.js';
import '../messages/web.js';

/** Where a command writes: injectable so tests can run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colours are used only when stdout is a terminal. */
  stdoutIsTTY: boolean;
  /** A progress bar is drawn only when stderr is a terminal. */
  stderrIsTTY?: boolean;
  /** Width of the terminal, when stdout is one. */
  columns?: number;
  env: Record<string, string | undefined>;
  /** Current time (only used when neither the workbook nor SOURCE_DATE_EPOCH gives a date). */
  now(): Date;
}

/** A reader that goes away (`audit … | head`) is not an error: further output is dropped, the exit code stands. */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export const processIO = (): CliIO => {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  return {
    stdout: (t) => { process.stdout.write(t); },
    stderr: (t) => { process.stderr.write(t); },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    now: () => new Date(),
  };
};

/** Options shared by the commands, after validation. */
export interface GlobalOptions {
  lang: Lang;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Colours wanted and possible (TTY, no NO_COLOR, no --no-color). */
  color: boolean;
}


/** The language asked for, read before parsing so that usage errors and --help speak it too. */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'vi') return v;
  }
  return 'vi';
}

/** Outcome of a command: the exit code it earned (errors it threw are mapped in `main`). */
export type CommandResult = 0 | 1 | 2 | 3;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const lang = langFromArgv(argv);
  const verbose = argv.includes('--verbose');
  let code: number = 0;
  const program = buildProgram(lang, io, (c) => { code = c; });
  try {
    checkSingleDash(argv, longOptionNames(program));
    if (argv.length === 0) {
      io.stderr(`${format({ code: 'cli.no_files' }, lang)}\n\n${program.helpInformation()}`);
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; every other commander error is a usage error.
      if (err.exitCode === 0) return 0;
      // A command group called alone (`audit rubric`) has printed its help on stderr already.
      if (err.code === 'commander.help') return 2;
      io.stderr(`${format({ code: 'cli.usage', args: { detail: commanderDetail(err, lang) } }, lang)}\n`);
      return 2;
    }
    for (const line of errorLines(err, lang, verbose)) io.stderr(`${line}\n`);
    return exitCodeOf(err);
  }
}

/** The long options of the program and its commands, without their dashes. */
function longOptionNames(program: Command): string[] {
  const names = new Set<string>();
  const visit = (c: Command) => {
    for (const o of c.options) if (o.long) names.add(o.long.replace(/^--(no-)?/, ''));
    c.commands.forEach(visit);
  };
  visit(program);
  return [...names, 'help', 'version'];
}

/**
 * Commander's own error in the user's language: its English sentence is taken apart by error code
 * (the names it quotes are kept); an error we do not know is passed on as it is.
 */
export function commanderDetail(err: CommanderError, lang: Lang): string {
  const text = err.message.replace(/^error:\s*/, '');
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(text)?.[1];
  const say = (code: string, args: Record<string, string>) => format({ code, args }, lang);
  const withSuggestion = (sentence: string) => (suggestion ? say('cli.commander.did_you_mean', { sentence, suggestion }) : sentence);
  switch (err.code) {
    case 'commander.unknownOption': return withSuggestion(say('cli.commander.unknown_option', { flag: quoted[0] ?? '' }));
    case 'commander.unknownCommand': return withSuggestion(say('cli.commander.unknown_command', { name: quoted[0] ?? '' }));
    case 'commander.missingArgument': return say('cli.commander.missing_argument', { name: quoted[0] ?? '' });
    case 'commander.optionMissingArgument': return say('cli.commander.option_missing_argument', { flags: quoted[0] ?? '' });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(text);
      return say('cli.commander.excess_arguments', { expected: m?.[1] ?? '?', got: m?.[2] ?? '?' });
    }
    default: return text.split('\n').map((s) => s.trim()).filter(Boolean).join(' ');
  }
}

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:', 'Arguments:': 'Đối số:', 'Options:': 'Tùy chọn:', 'Global Options:': 'Tùy chọn chung:', 'Commands:': 'Lệnh:',
};

/** Commander's help headings and usage words in Vietnamese (its English is kept for --lang en). */
const helpConfig = (lang: Lang) => (lang === 'en' ? {} : {
  styleTitle: (s: string) => HELP_TITLES[s] ?? s,
  formatHelp: (cmd: Command, helper: Help) =>
    Help.prototype.formatHelp.call(helper, cmd, helper).replace(/\[options\]/g, '[tùy-chọn]').replace(/\[command\]/g, '[lệnh]'),
});

/** Validate and collect the options every command shares. */
function globalOptions(raw: Record<string, unknown>, io: CliIO): GlobalOptions {
  if (raw.lang !== undefined && raw.lang !== 'vi' && raw.lang !== 'en') {
    throw new UsageError({ code: 'cli.bad_lang', args: { value: String(raw.lang) } });
  }
  const lang = raw.lang === 'en' ? 'en' : 'vi';
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return {
    lang,
    json: Boolean(raw.json),
    quiet: Boolean(raw.quiet),
    verbose: Boolean(raw.verbose),
    color: raw.color !== false && io.stdoutIsTTY && !noColorEnv,
  };
}

function buildProgram(lang: Lang, io: CliIO, setCode: (code: CommandResult) => void): Command {
  const h = (key: Parameters<typeof helpText>[0]) => helpText(key, lang);
  /** A value's name in --help, in the user's language: `--out <thư-mục>`. */
  const v = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const program = new Command('audit');
  program
    .description(h('description'))
    .configureHelp(helpConfig(lang))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // main prints commander's errors itself, in one line.
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .version(TOOL.version, '-V, --version', h('version'))
    .helpOption('-h, --help', h('help'))
    .helpCommand(false)
    .argument(v('<tệp.xlsx...>', '<file.xlsx...>'), h('files'))
    .option(v('-r, --rubric <mã|tệp>', '-r, --rubric <id|file>'), h('rubric'))
    .option(v('-o, --out <thư-mục>', '-o, --out <dir>'), h('out'))
    .option(v('-f, --format <danh-sách>', '-f, --format <list>'), h('format'))
    .option('--lang <vi|en>', h('lang'))
    .option(v('--waivers <tệp.yaml>', '--waivers <file.yaml>'), h('waivers'))
    .option(v('--fail-under <điểm>', '--fail-under <score>'), h('failUnder'))
    .option('--json', h('json'))
    .option('--as-of <yyyy-mm-dd>', h('asOf'))
    .option('-q, --quiet', h('quiet'))
    .option('--verbose', h('verbose'))
    .option('--no-color', h('noColor'))
    .option(v('--mapping <tệp.yaml>', '--mapping <file.yaml>'), commandHelp('mapping', lang))
    .option('--explain', commandHelp('explain', lang))
    .option('--all', h('all'))
    .addHelpText('after', `\n${h('exitCodes')}\n`)
    .action(async (given: string[], raw: Record<string, unknown>) => {
      const g = globalOptions(raw, io);
      // `audit bacth …`, unquoted paths with spaces, globs the shell left as they are
      const { checkCommandTypo, resolveFileArgs } = await import('./arg-mistakes.js');
      checkCommandTypo(given, program.commands.map((c) => c.name()));
      const files = await resolveFileArgs(given);
      const { runAudit, parseAuditOptions } = await import('./commands/audit.js');
      const outcome = await runAudit(files, parseAuditOptions(raw, g), g, io);
      setCode(outcome);
    });

  program.command('batch').description(batchHelp('description', lang))
    .argument('[paths...]', batchHelp('paths', lang))
    .option('-j, --jobs <n>', batchHelp('jobs', lang))
    .option('--timeout <seconds>', batchHelp('timeout', lang))
    .option('--shard <i/n>', batchHelp('shard', lang))
    .option('--merge', batchHelp('merge', lang))
    .addHelpText('after', `\n${batchHelp('after', lang)}\n`)
    .action(async (paths: string[], _o: unknown, cmd: Command) => {
      const raw = cmd.optsWithGlobals();
      const g = globalOptions(raw, io);
      const { runBatch, parseBatchOptions } = await import('./commands/batch.js');
      setCode(await runBatch(paths, parseBatchOptions(raw, g), g, io));
    });

  program.command('diff').description(diffHelp('description', lang))
    .argument('<old>', diffHelp('old', lang))
    .argument('<new>', diffHelp('new', lang))
    .option('--fail-on-regression', diffHelp('failOnRegression', lang))
    .addHelpText('after', `\n${diffHelp('options', lang)}\n\n${diffHelp('exitCodes', lang)}\n`)
    .action(async (oldPath: string, newPath: string, _o: unknown, cmd: Command) => {
      const raw = cmd.optsWithGlobals();
      const g = globalOptions(raw, io);
      const { runDiff, parseDiffOptions } = await import('./commands/diff.js');
      setCode(await runDiff(oldPath, newPath, parseDiffOptions(raw, g), g, io));
    });

  program.command('template').description(commandHelp('template', lang))
    // -o is the program's option (commander gives it to the program wherever it stands); listed here for --help.
    .option('-o, --out <file.xlsx>', commandHelp('templateOut', lang))
    .addHelpText('after', `\n${commandHelp('templateAfter', lang)}\n`)
    .action(async (_o: unknown, cmd: Command) => {
      const raw = cmd.optsWithGlobals();
      const g = globalOptions(raw, io);
      const { runTemplate } = await import('./commands/template.js');
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const out = str(raw.out);
      const rubricRef = str(raw.rubric);
      setCode(await runTemplate({ ...(out !== undefined ? { out } : {}), ...(rubricRef !== undefined ? { rubric: rubricRef } : {}) }, g, io));
    });

  program.command('web').description(format({ code: 'cli.web.help' }, lang))
    // -o is the program's option (commander gives it to the program wherever it stands); listed here for --help.
    .option('-o, --out <file.html|dir>', format({ code: 'cli.web.out' }, lang))
    .addHelpText('after', `\n${format({ code: 'cli.web.after' }, lang)}\n`)
    .action(async (_o: unknown, cmd: Command) => {
      const raw = cmd.optsWithGlobals();
      const { runWeb } = await import('./commands/web.js');
      setCode(await runWeb(typeof raw.out === 'string' ? { out: raw.out } : {}, globalOptions(raw, io), io));
    });

  program.command('inspect').description(commandHelp('inspect', lang))
    .argument('<file...>', commandHelp('inspectFiles', lang))
    .addHelpText('after', `\n${commandHelp('inspectAfter', lang)}\n`)
    .action(async (files: string[], _o: unknown, cmd: Command) => {
      const raw = cmd.optsWithGlobals();
      const g = globalOptions(raw, io);
      const { runInspect } = await import('./commands/inspect.js');
      setCode(await runInspect(files, typeof raw.mapping === 'string' ? { mapping: raw.mapping } : {}, g, io));
    });

  // `audit ci github|gitlab`: a ready CI workflow (src/cli/ci-command.ts, commands/ci.ts).
  addCiCommand(program, lang, async (platform, raw) => {
    const g = globalOptions(raw, io);
    const { runCi, parseCiOptions } = await import('./commands/ci.js');
    setCode(await runCi(platform, parseCiOptions(raw), g, io));
  });

  const rubric = program.command('rubric').description(h('rubricCmd')).helpCommand(false);
  const rubricAction = (run: (mod: typeof import('./commands/rubric.js'), g: GlobalOptions, cmd: Command) => Promise<CommandResult>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const g = globalOptions(cmd.optsWithGlobals(), io);
      setCode(await run(await import('./commands/rubric.js'), g, cmd));
    };
  rubric.command('list').description(h('rubricList'))
    .action(rubricAction((m, g) => m.rubricList(g, io)));
  rubric.command('show').description(h('rubricShow')).argument('<id[@version]|file.yaml>', h('rubricShowArg'))
    .action(rubricAction((m, g, cmd) => m.rubricShow(cmd.args[0]!, g, io)));
  rubric.command('lint').description(h('rubricLint')).argument('<file.yaml...>', h('rubricLintArg'))
    .action(rubricAction((m, g, cmd) => m.rubricLint(cmd.args, g, io)));
  rubric.command('schema').description(h('rubricSchema'))
    .action(rubricAction((m, g) => m.rubricSchema(g, io)));
  rubric.command('test').description(h('rubricTest')).argument('[id|file.yaml]', h('rubricTestArg'))
    .action(rubricAction((m, g, cmd) => m.rubricTest(cmd.args[0], g, io)));
  return program;
}
