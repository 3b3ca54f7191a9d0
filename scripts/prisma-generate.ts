// Generates the Prisma client offline. Every prisma CLI command first tries to
// download a native schema engine, which this project never needs: generate only
// reads the schema, so any existing file satisfies the engine path check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const engine = existsSync('/bin/true') ? '/bin/true' : process.execPath;
const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
if (result.status !== 0) {
  process.stdout.write(result.stdout);
  process.exit(result.status ?? 1);
}
process.stdout.write('Prisma client generated in api/src/generated/prisma\n');
