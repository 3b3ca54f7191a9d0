// The `voiceorder` command tree, built from a config and an output so tests
// can run any command in-process.
import { Command } from 'commander';
import type { CliConfig } from './config.ts';
import { formatChecks, runDoctor } from './doctor.ts';
import { asteriskCommands } from './commands/asterisk.ts';
import { linesCommands } from './commands/lines.ts';
import { restaurantCommands } from './commands/restaurant.ts';
import type { Io } from './commands/io.ts';

export function buildProgram(config: CliConfig, io: Io): Command {
  const program = new Command()
    .name('voiceorder')
    .description('Provision and check a VoiceOrder installation')
    .showHelpAfterError()
    // Before any subcommand is added, so they inherit it: commander must never call process.exit itself.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('doctor')
    .description('check the API, the database and Redis, with a fix for each failure')
    .option('--api <url>', 'API base URL', config.apiUrl)
    .action(async (opts: { api: string }) => {
      const checks = await runDoctor(opts.api);
      io.out(formatChecks(checks));
      if (!checks.every((c) => c.ok)) io.fail();
    });
  asteriskCommands(program, config, io);
  linesCommands(program, config, io);
  restaurantCommands(program, config, io);
  return program;
}

/** Runs one command line; errors become a message and a failure, not a stack trace. */
export async function runCli(argv: string[], config: CliConfig, io: Io): Promise<void> {
  const program = buildProgram(config, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.help' || code === 'commander.version') return;
    if (!code?.startsWith('commander.')) io.err(`voiceorder: ${(err as Error).message}`);
    io.fail();
  }
}
