// `npm test`: every check the project has, on the real PostgreSQL and Redis.
// Fails fast, with the fix, when a service is down rather than timing out test by test.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';

const PG_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function checkPostgres(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} is not reachable (${(err as Error).message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
  } finally {
    await c.end().catch(() => {});
  }
}

function checkRedis(): Promise<string | null> {
  const u = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname);
    const fail = (why: string) => {
      s.destroy();
      resolve(`Redis at ${REDIS_URL} is not reachable (${why}). Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
    };
    s.setTimeout(3000, () => fail('timeout'));
    s.on('error', (e) => fail(e.message));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      s.end();
      if (d.toString().startsWith('+PONG')) resolve(null);
      else fail(d.toString().trim());
    });
  });
}

const problems = (await Promise.all([checkPostgres(), checkRedis()])).filter((p): p is string => p !== null);
if (problems.length) {
  for (const p of problems) console.error(`test: ${p}`);
  process.exit(1);
}

function run(label: string, cmd: string, args: string[]): void {
  const t0 = performance.now();
  console.log(`\n── ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`── ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const only = process.argv.slice(2);
if (only.length === 0) {
  run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  run('lint', 'npm', ['run', '--silent', 'lint']);
}
run('tests', 'npx', ['tap', ...only]);
