import t from 'tap';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase } from '../helpers/test-db.ts';
import { TEST_SECRETS_KEY, client } from '../helpers/test-api.ts';
import { loadConfig } from '../../src/config.ts';
import { startApi } from '../../src/server.ts';
import { createLogger } from '../../src/logger.ts';
import { DEMO_SLUG } from '../../src/seed/demo-seed.ts';
import type { AsteriskProvisioning } from '../../src/contract/index.ts';

const run = promisify(execFile);
const CLI = 'api/src/db/token-cli.ts';

t.test('npm run token:create writes a usable token straight into the database', async (t) => {
  const tdb = await createTestDatabase();
  const env = { DATABASE_URL: tdb.url, SECRETS_KEY: TEST_SECRETS_KEY, LOG_LEVEL: 'silent' };
  const api = await startApi(loadConfig({ ...env, PORT: '0', SEED_DEMO: 'true', DASHBOARD_DIST: '/nonexistent' }), { log: createLogger('silent') });
  t.teardown(async () => {
    await api.close();
    await tdb.drop();
  });
  const cliEnv = { ...process.env, ...env };
  const tsx = ['--import', 'tsx', CLI];

  const out = await run(process.execPath, [...tsx, '--kind', 'cli', '--restaurant', DEMO_SLUG], { env: cliEnv });
  const token = /^(vo_\S+)$/m.exec(out.stdout)?.[1];
  t.ok(token, 'the token is printed on a line of its own');
  t.match(out.stdout, /not shown again/);
  const res = await client(api.url, { bearer: token }).get<AsteriskProvisioning>('/api/provisioning/asterisk');
  t.equal(res.status, 200);
  t.same(res.body.restaurants.map((r) => r.slug), [DEMO_SLUG]);

  const unknown = await run(process.execPath, [...tsx, '--kind', 'cli', '--restaurant', 'nowhere'], { env: cliEnv }).catch((e: { code: number; stderr: string }) => e);
  t.equal('code' in unknown ? unknown.code : 0, 1);
  t.match(unknown.stderr, /No restaurant with the slug "nowhere"/);
  const badKind = await run(process.execPath, [...tsx, '--kind', 'root'], { env: cliEnv }).catch((e: { code: number; stderr: string }) => e);
  t.match(badKind.stderr, /--kind must be controller, cli or integration/);
});
