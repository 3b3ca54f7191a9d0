#!/usr/bin/env -S node --import tsx
// The `voiceorder` provisioning CLI. It reaches the data only through the API.
import { Command } from 'commander';
import { loadCliConfig } from './config.ts';
import { formatChecks, runDoctor } from './doctor.ts';

const config = loadCliConfig();
const program = new Command()
  .name('voiceorder')
  .description('Provision and check a VoiceOrder installation')
  .showHelpAfterError();

program
  .command('doctor')
  .description('check the API, the database and Redis, with a fix for each failure')
  .option('--api <url>', 'API base URL', config.apiUrl)
  .action(async (opts: { api: string }) => {
    const checks = await runDoctor(opts.api);
    console.log(formatChecks(checks));
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
  });

await program.parseAsync();
