// Boots the API: database (PostgreSQL or embedded PGlite), migrations, the demo
// seed when asked, then HTTP. Returns a handle whose close() drains everything.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testCallProxy } from './http/test-call-proxy.ts';
import type { ApiConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { MIGRATIONS_DIR } from './db/paths.ts';
import { resolveSecretsKey } from './crypto/secrets-key.ts';
import { createSecretBox, type SecretBox } from './crypto/secret-box.ts';
import { seedDemo } from './seed/demo-seed.ts';
import { createApp } from './http/app.ts';
import { listen } from './http/http-server.ts';
import { connectRedis } from './redis.ts';
import { createLiveHub, type LiveHub } from './live/hub.ts';
import { createCatalogChanges, type CatalogChanges } from './live/catalog-changes.ts';
import type { Redis } from 'ioredis';
import type { SyncRuntime } from './sync/runtime.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export { MIGRATIONS_DIR };
const VERSION = (JSON.parse(readFileSync(path.resolve(here, '../../package.json'), 'utf8')) as { version: string }).version;

// In-flight requests get this long to finish on shutdown before sockets are cut.
const SHUTDOWN_GRACE_MS = 5000;

export interface ApiHandle {
  url: string;
  db: Database;
  secretBox: SecretBox;
  log: Logger;
  redis: Redis | undefined;
  live: LiveHub;
  seeded: { created: boolean; restaurantId: string } | null;
  close(): Promise<void>;
}

export async function startApi(config: ApiConfig, opts: { log?: Logger; now?: () => Date } = {}): Promise<ApiHandle> {
  const log = opts.log ?? createLogger(config.logLevel);
  const db = await openDatabase(config.database, (err) => log.warn({ err: err.message }, 'database connection dropped while idle; the pool reconnects on next use'));
  let sync: SyncRuntime | undefined;
  let catalog: CatalogChanges | undefined;
  try {
    const runner = await db.openRunner();
    try {
      const m = await migrate(runner, MIGRATIONS_DIR);
      if (m.applied.length) log.info({ applied: m.applied }, 'migrations applied');
      for (const name of m.modified) log.warn({ migration: name }, 'migration file changed after it was applied');
    } finally {
      await runner.close();
    }
    const secretBox = createSecretBox(await resolveSecretsKey(config));
    const seeded = config.seedDemo ? await seedDemo(db.prisma, { now: (opts.now ?? (() => new Date()))(), secretBox }) : null;
    if (seeded?.created) log.info({ restaurantId: seeded.restaurantId }, 'demo restaurant seeded');

    // Without Redis the outbox simply keeps its rows until a process with Redis sends them.
    if (config.redisUrl) {
      // BullMQ loads only when there is a Redis to use: the embedded default starts faster.
      const [{ createSyncRuntime }, { syncRuntimeOptions }] = await Promise.all([import('./sync/runtime.ts'), import('./sync/runtime-options.ts')]);
      sync = createSyncRuntime({ prisma: db.prisma, secretBox, log }, syncRuntimeOptions(config, config.redisUrl));
    }
    await sync?.start();
    const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
    redis?.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
    const pgUrl = config.database.kind === 'postgres' ? config.database.url : undefined;
    const live = createLiveHub(db, log, { pgUrl });
    await live.start();
    catalog = createCatalogChanges(log, { pgUrl });
    await catalog.start();
    const app = createApp({
      db, redis, log, secretBox, live, catalog, config, version: VERSION, sessionTtlMs: config.sessionTtlMs,
      cookieSecure: config.cookieSecure, dashboardDist: config.dashboardDist,
    });
    const server: Server = await listen(app, config.port, config.host);
    server.on('upgrade', testCallProxy(config.controllerUrl, log));
    const { port } = server.address() as AddressInfo;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${shownHost}:${port}`;
    let closing: Promise<void> | undefined;
    return {
      url, db, redis, live, secretBox, log, seeded,
      close() {
        closing ??= (async () => {
          const done = new Promise<void>((resolve) => server.close(() => resolve()));
          // Live streams never go idle: ending them first lets the server close at once.
          await live.stop();
          server.closeIdleConnections();
          const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
          await done;
          clearTimeout(timer);
          await sync?.stop();
          await catalog?.stop();
          // quit() waits for a reply a Redis that is down never sends.
          if (redis) {
            if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
            else redis.disconnect();
          }
          await db.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await sync?.stop();
    await catalog?.stop();
    await db.close();
    throw err;
  }
}
