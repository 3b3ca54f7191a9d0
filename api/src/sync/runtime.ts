// The sync runtime of one API process: the dispatcher (outbox → BullMQ), the
// push worker, webhook processing, polling and the availability import. Redis
// only carries work that the outbox already holds, so losing it delays pushes
// and loses nothing.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Logger } from '../logger.ts';
import { syncRepository } from './sync-repository.ts';
import { connectorCache, type SyncEndpoints } from './connector-factory.ts';
import { pushProcessor, type PushJob } from './push-worker.ts';
import { inboundWorker } from './inbound-worker.ts';
import { availabilityImporter } from './availability-import.ts';
import { backoffDelay, withTimeout } from './backoff.ts';

export const PUSH_QUEUE = 'sync-push';
const DISPATCH_BATCH = 100;
const ENQUEUE_TIMEOUT_MS = 2000;
const MAX_BACKOFF_MS = 10 * 60_000;
const WORKER_CLOSE_GRACE_MS = 5000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export interface SyncRuntimeOptions {
  redisUrl: string;
  prefix: string;
  endpoints: SyncEndpoints;
  pollIntervalMs: number;
  /** How often each platform's availability for the coming days is imported. */
  availabilityIntervalMs: number;
  dispatchIntervalMs: number;
  backoffBaseMs: number;
  maxAttempts: number;
  /** A row queued or processing longer than this was left by a crash: dispatch it again. */
  stuckAfterMs: number;
  concurrency: number;
}

export interface SyncRuntime {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One dispatcher round now (tests, and a retry from the dashboard). */
  dispatch(): Promise<number>;
}

/** Runs `fn` every `ms`, never overlapping itself; stop() waits for the run in progress. */
function loop(ms: number, fn: () => Promise<unknown>, log: Logger, name: string) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = fn().catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : err }, `${name} failed`))
      .finally(() => { if (!stopped) timer = setTimeout(tick, ms); });
  };
  return {
    start() { timer = setTimeout(tick, 0); },
    async stop() { stopped = true; clearTimeout(timer); await running; },
  };
}

export function createSyncRuntime(deps: { prisma: PrismaClient; secretBox: SecretBox; log: Logger }, o: SyncRuntimeOptions): SyncRuntime {
  const log = deps.log.child({ module: 'sync' });
  const repo = syncRepository(deps.prisma);
  const connectorFor = connectorCache(deps.prisma, deps.secretBox, o.endpoints);
  const inbound = inboundWorker(deps.prisma, connectorFor, log, o.pollIntervalMs);
  const availability = availabilityImporter(deps.prisma, connectorFor, log);
  let queueConn: Redis | undefined, workerConn: Redis | undefined;
  let queue: Queue<PushJob> | undefined, worker: Worker<PushJob> | undefined;
  let redisDownLogged = false;
  let stopping = false;
  const loops: Array<ReturnType<typeof loop>> = [];

  async function dispatch(): Promise<number> {
    if (!queue) return 0;
    const now = new Date();
    await repo.resetStuck(new Date(now.getTime() - o.stuckAfterMs));
    let n = 0;
    for (const row of await repo.duePending(now, DISPATCH_BATCH)) {
      try {
        // jobId = outbox id: dispatching the same row twice adds one job.
        await withTimeout(queue.add('push', { outboxId: row.id }, {
          jobId: row.id, attempts: o.maxAttempts, backoff: { type: 'custom' }, removeOnComplete: true, removeOnFail: true,
        }), ENQUEUE_TIMEOUT_MS, 'enqueue');
      } catch (err) {
        if (!redisDownLogged) log.warn({ err: err instanceof Error ? err.message : err }, 'redis unavailable: outbox rows wait');
        redisDownLogged = true;
        break;
      }
      redisDownLogged = false;
      await repo.markQueued(row.id);
      n++;
    }
    return n;
  }

  return {
    dispatch,
    async start() {
      // Enqueueing fails fast while Redis is away (the rows stay pending); the worker waits for it.
      // Reconnect until stop(); then give up, or BullMQ's own copies of the connection keep the process alive.
      const retryStrategy = (times: number) => (stopping ? null : Math.min(times * 200, 5000));
      queueConn = new Redis(o.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy });
      queueConn.on('error', () => {});
      workerConn = new Redis(o.redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy });
      workerConn.on('error', () => {});
      queue = new Queue<PushJob>(PUSH_QUEUE, { connection: queueConn, prefix: o.prefix });
      queue.on('error', () => {});
      worker = new Worker<PushJob>(PUSH_QUEUE, pushProcessor(deps.prisma, connectorFor, log), {
        connection: workerConn, prefix: o.prefix, concurrency: o.concurrency,
        settings: { backoffStrategy: (attemptsMade, _type, err) => backoffDelay(attemptsMade, o.backoffBaseMs, MAX_BACKOFF_MS, err) },
      });
      worker.on('error', (err) => log.warn({ err: err.message }, 'sync worker error'));
      loops.push(
        loop(o.dispatchIntervalMs, dispatch, log, 'sync dispatch'),
        loop(o.dispatchIntervalMs, () => inbound.drainWebhooks(new Date()), log, 'sync webhooks'),
        loop(Math.min(o.pollIntervalMs, 5000), () => inbound.pollDue(new Date()), log, 'sync poll'),
        loop(o.availabilityIntervalMs, () => availability.importAll(new Date()), log, 'sync availability'),
      );
      for (const l of loops) l.start();
    },
    async stop() {
      await Promise.all(loops.splice(0).map((l) => l.stop()));
      stopping = true;
      await Promise.race([worker?.close().catch(() => {}), sleep(WORKER_CLOSE_GRACE_MS)]);
      await queue?.close().catch(() => {});
      // Connections handed to BullMQ are ours to close.
      for (const c of [workerConn, queueConn]) {
        if (!c) continue;
        if (c.status === 'ready') await Promise.race([c.quit().catch(() => {}), sleep(WORKER_CLOSE_GRACE_MS)]);
        c.disconnect();
      }
      worker = undefined; queue = undefined;
    },
  };
}
