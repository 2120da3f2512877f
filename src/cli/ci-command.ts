// The `audit ci github|gitlab` subcommands for commander: their options and --help words (the work is in
// commands/ci.ts, loaded only when the command runs).
import type { Command } from 'commander';
import type { Lang } from '../messages/format.js';
import { ciHelp } from '../messages/ci.js';
import { CI_PLATFORMS, type CiPlatform } from '../ci/spec.js';

export function addCiCommand(
  program: Command, lang: Lang, run: (platform: CiPlatform, raw: Record<string, unknown>) => Promise<void>,
): void {
  const ci = program.command('ci').description(ciHelp('ci', lang)).helpCommand(false);
  for (const platform of CI_PLATFORMS) {
    ci.command(platform).description(ciHelp(platform, lang))
      // -o, --rubric, --mapping… are the program's options (commander gives them to it wherever they stand).
      .option('-o, --out <file.yml>', ciHelp('out', lang))
      .option('--dir <folder>', ciHelp('dir', lang))
      .option('--shards <n>', ciHelp('shards', lang))
      .option('--cron <expr>', ciHelp('cron', lang))
      .option('--deadline <yyyy-mm-dd>', ciHelp('deadline', lang))
      .option('--allow-failing-schools', ciHelp('allowFailing', lang))
      .option('--install <npm-spec>', ciHelp('install', lang))
      .addHelpText('after', `\n${ciHelp('after', lang)}\n`)
      .action(async (_o: unknown, cmd: Command) => run(platform, cmd.optsWithGlobals()));
  }
}
