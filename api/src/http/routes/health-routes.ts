import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { HealthResponse } from '../../contract/health.ts';
import type { Database } from '../../db/database.ts';

// Long enough for a loaded database, short enough for a load balancer's probe.
const HEALTH_DB_TIMEOUT_MS = 2000;

export function healthRoutes(deps: { db: Database; registry: Registry; version: string; startedAt: number }): Router {
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
    const body: HealthResponse = {
      status: database.ok ? 'ok' : 'degraded',
      version: deps.version,
      uptimeMs: Date.now() - deps.startedAt,
      checks: { database },
    };
    res.status(database.ok ? 200 : 503).json(body);
  });
  r.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return r;
}
