// The README's first command, as a new user runs it: `npm start` with no
// environment, then again on the same data, then against PostgreSQL.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../../api/test/helpers/test-db.ts';
import { ROOT, startProduct as start } from '../lib/start-product.ts';

t.test('npm start with no environment: embedded database, demo restaurant, dashboard', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vo-start-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));

  const first = await start({ DATA_DIR: dataDir });
  t.teardown(() => first.child.kill('SIGKILL'));
  t.match(first.output(), /embedded PGlite/);
  t.match(first.output(), /Demo login: demo@voiceorder\.local \/ demo-voiceorder/);
  t.match(first.output(), /Controller: http:\/\/\S+; phone calls off \(ARI_URL is not set\); browser test calls off \(OPENAI_API_KEY is not set\)/, 'says in one line why calls are off');
  const health = await fetch(first.url + '/health').then((r) => r.json() as Promise<{ status: string; checks: { database: { kind: string } } }>);
  t.equal(health.status, 'ok');
  t.equal(health.checks.database.kind, 'pglite');
  const resto = await fetch(first.url + '/api/public/restaurants/pizzeria-bella-marseille');
  t.equal(resto.status, 200);
  t.match(await resto.json(), { name: 'Pizzeria Bella' });
  const page = await fetch(first.url + '/');
  t.equal(page.status, 200, 'the dashboard is served at /');
  t.match(await page.text(), /<div id="root">/);
  t.equal(await first.stop(), 0, 'SIGTERM stops it cleanly');

  const second = await start({ DATA_DIR: dataDir });
  t.teardown(() => second.child.kill('SIGKILL'));
  t.notMatch(second.output(), /migrations applied|demo restaurant seeded/, 'the second start neither migrates nor seeds again');
  const again = await fetch(second.url + '/api/public/restaurants/pizzeria-bella-marseille');
  t.equal(again.status, 200, 'the data survived the restart');
  t.equal(await second.stop(), 0);
});

t.test('npm start with DATABASE_URL uses PostgreSQL', async (t) => {
  const tdb = await createTestDatabase();
  t.teardown(() => tdb.drop());
  const s = await start({ DATABASE_URL: tdb.url, SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') });
  t.teardown(() => s.child.kill('SIGKILL'));
  t.match(s.output(), /running \(PostgreSQL\)/);
  t.notMatch(s.output(), /Demo login/, 'no demo data in a real database unless SEED_DEMO=true');
  const health = await fetch(s.url + '/health').then((r) => r.json() as Promise<{ checks: { database: { kind: string; ok: boolean } } }>);
  t.same(health.checks.database, { ...health.checks.database, kind: 'postgres', ok: true });
  t.equal(await s.stop(), 0);
});

t.test('npm start refuses a bad configuration and names the variable', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  t.equal(code, 78);
  t.match(err, /PORT: must be a port number/);
});
