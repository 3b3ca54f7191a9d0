// The BullMQ processor for outbox pushes. The outbox row is the truth: a job
// for a row already done does nothing, and a dead letter is the row in
// `failed` with its last error, shown on the dashboard with a retry button.
import { UnrecoverableError, type Job } from 'bullmq';
import { CONFLICT_PREFIX } from './conflict.ts';

export { CONFLICT_PREFIX };
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { PlatformError } from './types.ts';
import { syncRepository } from './sync-repository.ts';
import { pushService } from './push-service.ts';
import type { ConnectorFor } from './connector-factory.ts';

export interface PushJob { outboxId: string }

// Retrying cannot fix these: the platform said no, or our credentials are wrong.
const FINAL_KINDS = new Set(['conflict', 'rejected', 'auth']);


export function pushProcessor(prisma: PrismaClient, connectorFor: ConnectorFor, log: Logger) {
  const repo = syncRepository(prisma);
  const pushes = pushService(prisma);

  return async (job: Job<PushJob>): Promise<string> => {
    const row = await repo.claim(job.data.outboxId);
    if (!row) return 'already_settled';
    const cfg = await repo.config(row.restaurantId, row.platform);
    if (!cfg?.enabled) {
      await repo.markFailed(row.id, 'Plateforme non connectée ou désactivée');
      return 'platform_disabled';
    }
    try {
      const outcome = await pushes.push(row, connectorFor(cfg), cfg.restaurant.timeZone);
      await repo.markDone(row.id);
      return outcome;
    } catch (e) {
      const pe = e instanceof PlatformError ? e : null;
      const message = e instanceof Error ? e.message : String(e);
      if (pe && FINAL_KINDS.has(pe.kind)) {
        await repo.markFailed(row.id, pe.kind === 'conflict' ? `${CONFLICT_PREFIX} ${message}` : message);
        log.warn({ outboxId: row.id, platform: row.platform, kind: pe.kind, err: message }, 'sync push refused');
        throw new UnrecoverableError(message);
      }
      const maxAttempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= maxAttempts) {
        await repo.markFailed(row.id, `Abandon après ${maxAttempts} essais : ${message}`);
        log.warn({ outboxId: row.id, platform: row.platform, err: message }, 'sync push gave up');
      } else {
        await repo.markRetry(row.id, message, new Date());
      }
      throw e;
    }
  };
}
