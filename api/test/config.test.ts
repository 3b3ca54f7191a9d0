import t from 'tap';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';

const cwd = '/srv/voiceorder';

t.test('no environment at all gives the embedded default', async (t) => {
  const c = loadConfig({}, cwd);
  t.same(c.database, { kind: 'pglite', dir: path.join(cwd, '.data/pglite') });
  t.equal(c.port, 3000);
  t.equal(c.seedDemo, true, 'the embedded default seeds the demo restaurant');
  t.equal(c.redisUrl, undefined);
});

t.test('DATABASE_URL switches to PostgreSQL and turns the demo seed off', async (t) => {
  const c = loadConfig({ DATABASE_URL: 'postgresql://vo@db:5432/vo' }, cwd);
  t.same(c.database, { kind: 'postgres', url: 'postgresql://vo@db:5432/vo', poolSize: 20 });
  t.equal(c.seedDemo, false);
  t.equal(loadConfig({ DATABASE_URL: 'postgresql://vo@db/vo', SEED_DEMO: 'true' }, cwd).seedDemo, true);
});

const bad: Array<[string, Record<string, string>, RegExp]> = [
  ['a port that is not a number', { PORT: 'eighty' }, /^\s*PORT: .*\(got "eighty"\)/m],
  ['a port out of range', { PORT: '70000' }, /^\s*PORT: /m],
  ['a database URL of another kind', { DATABASE_URL: 'mysql://root@localhost/vo' }, /^\s*DATABASE_URL: must start with postgres/m],
  ['a database URL that is not a URL', { DATABASE_URL: 'localhost:5432' }, /^\s*DATABASE_URL: /m],
  ['a redis URL of another kind', { REDIS_URL: 'http://localhost:6379' }, /^\s*REDIS_URL: must start with redis/m],
  ['a short secrets key', { SECRETS_KEY: 'c2hvcnQ=' }, /^\s*SECRETS_KEY: must be 32 bytes/m],
  ['an unknown log level', { LOG_LEVEL: 'loud' }, /^\s*LOG_LEVEL: /m],
  ['a boolean that is not one', { SEED_DEMO: 'maybe' }, /^\s*SEED_DEMO: /m],
  ['production without a secrets key', { NODE_ENV: 'production' }, /^\s*SECRETS_KEY: required when NODE_ENV=production/m],
];

for (const [name, env, message] of bad) {
  t.test(`refuses ${name}, naming the variable`, async (t) => {
    const err = t.throws(() => loadConfig(env, cwd)) as unknown;
    t.ok(err instanceof ConfigError);
    t.match((err as Error).message, message);
  });
}

t.test('a secret in a bad variable is never echoed back', async (t) => {
  const err = t.throws(() => loadConfig({ SECRETS_KEY: 'not-base64-secret-value' }, cwd)) as Error;
  t.notMatch(err.message, /not-base64-secret-value/);
});

t.test('a password inside a bad database URL is masked', async (t) => {
  const err = t.throws(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/vo' }, cwd)) as Error;
  t.notMatch(err.message, /hunter2/);
});

t.test('several errors are reported together', async (t) => {
  const err = t.throws(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' }, cwd)) as ConfigError;
  t.equal(err.issues.length, 2);
});
