import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { HealthResponse } from '../../contract/health.ts';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database.ts';
import { pingRedis } from '../../redis.ts';

// Long enough for a loaded database, short enough for a load balancer's probe.
const HEALTH_DB_TIMEOUT_MS = 2000;

export function healthRoutes(deps: { db: Database; redis: Redis | undefined; registry: Registry; version: string; startedAt: number }): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const t0 = performance.now();
    let database: HealthResponse['checks']['database'];
    try {
      await Promise.race([
        deps.db.prisma.$queryRawUnsafe('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), HEALTH_DB_TIMEOUT_MS).unref()),
      ]);
      database = { ok: true, kind: deps.db.kind, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
    } catch (err) {
      database = { ok: false, kind: deps.db.kind, error: (err as Error).message === 'timeout' ? 'timeout' : 'unreachable' };
    }
    let redis: HealthResponse['checks']['redis'];
    if (deps.redis) {
      const t1 = performance.now();
      try {
        await pingRedis(deps.redis);
        redis = { ok: true, latencyMs: Math.round((performance.now() - t1) * 10) / 10 };
      } catch (err) {
        redis = { ok: false, error: (err as Error).message };
      }
    }
    // Redis down degrades the service (queues wait) but the API still serves:
    // only the database decides between 200 and 503.
    const body: HealthResponse = {
      status: database.ok && (redis?.ok ?? true) ? 'ok' : 'degraded',
      version: deps.version,
      uptimeMs: Date.now() - deps.startedAt,
      checks: { database, ...(redis ? { redis } : {}) },
    };
    res.status(database.ok ? 200 : 503).json(body);
  });
  r.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return r;
}
