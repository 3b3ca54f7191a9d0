import t from 'tap';
import net from 'node:net';
import { once } from 'node:events';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startApi } from '../../src/server.ts';
import { memoryCounter, rateLimit, redisCounter, RATE_REDIS_TIMEOUT_MS } from '../../src/http/rate-limit.ts';
import { createTestDatabase } from '../helpers/test-db.ts';
import { client, TEST_SECRETS_KEY } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

t.test('two API processes share the login window through Redis: four processes do not give a guesser four times the tries', async (t) => {
  const tdb = await createTestDatabase();
  t.teardown(() => tdb.drop());
  const config = loadConfig({
    DATABASE_URL: tdb.url, PORT: '0', SEED_DEMO: 'true', SECRETS_KEY: TEST_SECRETS_KEY, DASHBOARD_DIST: '/nonexistent', LOG_LEVEL: 'silent', REDIS_URL,
  });
  const first = await startApi(config, { log: createLogger('silent') });
  t.teardown(() => first.close());
  const second = await startApi(config, { log: createLogger('silent') });
  t.teardown(() => second.close());
  const apis = [client(first.url), client(second.url)];

  const wrong = { email: DEMO_OWNER.email, password: 'not-the-password' };
  const statuses: number[] = [];
  for (let n = 0; n < 11; n++) statuses.push((await apis[n % 2]!.post('/api/auth/login', wrong)).status);
  t.same(statuses.slice(0, 10), Array(10).fill(401), 'ten wrong passwords, five on each process, are answered');
  t.equal(statuses[10], 429, 'the eleventh is refused, whichever process gets it');
  const again = await apis[1]!.post('/api/auth/login', wrong);
  t.equal(again.status, 429);
  t.match(again.headers.get('retry-after'), /^\d+$/, 'with when to try again');
});

const req = (ip: string) => ({ ip }) as Request;
const res = () => ({ setHeader: () => undefined }) as unknown as Response;

t.test('without Redis, or with Redis down, each process still limits on its own', async (t) => {
  const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: null });
  t.teardown(() => down.disconnect());
  for (const [name, counter] of [['memory', memoryCounter()], ['redis down', redisCounter(down, 'test')]] as const) {
    const limit = rateLimit({ windowMs: 60_000, max: 2, key: (r) => `k:${r.ip}`, counter });
    await limit(req('203.0.113.1'), res());
    await limit(req('203.0.113.1'), res());
    await t.rejects(limit(req('203.0.113.1'), res()), { code: 'rate_limited' }, `${name}: the third hit is refused`);
    await limit(req('203.0.113.2'), res());
    t.pass(`${name}: another address has its own window`);
  }
});

t.test('a Redis that stops answering does not hold a login up', async (t) => {
  // Speaks RESP: answers the client's connection set-up (INFO for its ready check, +OK to the rest)
  // like a Redis, and never answers a script: a server that hangs mid-way.
  const silent = net.createServer((socket) => {
    socket.on('data', (d) => {
      for (const [, command] of d.toString().matchAll(/\*\d+\r\n\$\d+\r\n([A-Za-z]+)\r\n/g)) {
        const name = command!.toUpperCase();
        if (name === 'EVAL' || name === 'EVALSHA') continue;
        if (name === 'INFO') {
          const info = '# Server\r\nloading:0\r\n';
          socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
        } else socket.write('+OK\r\n');
      }
    });
  });
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  t.teardown(() => silent.close());
  const hung = new Redis({ port: (silent.address() as net.AddressInfo).port, host: '127.0.0.1', maxRetriesPerRequest: null });
  t.teardown(() => hung.disconnect());
  await once(hung, 'ready');
  const limit = rateLimit({ windowMs: 60_000, max: 1, key: () => 'k', counter: redisCounter(hung, 'test') });
  const started = Date.now();
  await limit(req('203.0.113.3'), res());
  await t.rejects(limit(req('203.0.113.3'), res()), { code: 'rate_limited' }, 'counted in the process meanwhile');
  t.ok(Date.now() - started < 2 * RATE_REDIS_TIMEOUT_MS + 1000, 'each hit waited at most the timeout');
});
