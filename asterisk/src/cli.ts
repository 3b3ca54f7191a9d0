#!/usr/bin/env -S node --import tsx
// The `voiceorder` provisioning CLI. It reaches the data only through the API.
import { loadCliConfig } from './config.ts';
import { runCli } from './program.ts';
import { consoleIo } from './commands/io.ts';

await runCli(process.argv.slice(2), loadCliConfig(), consoleIo);
