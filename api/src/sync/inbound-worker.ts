// Inbound work: recorded webhooks (re-fetched, then applied) and the polling
// fallback with updated-since cursors. Both end in inboundService.apply, which
// dedupes, so a booking seen by both paths counts once.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { PlatformError } from './types.ts';
import { syncRepository, type SyncConfigRow } from './sync-repository.ts';
import { inboundService } from './inbound-service.ts';
import type { ConnectorFor } from './connector-factory.ts';

// The cursor steps back a little: clocks differ, and dedupe makes overlap free.
const POLL_OVERLAP_MS = 5 * 60_000;
const BATCH = 50;

export function inboundWorker(prisma: PrismaClient, connectorFor: ConnectorFor, log: Logger, pollIntervalMs: number) {
  const repo = syncRepository(prisma);
  const inbound = inboundService(prisma);
  const ctxOf = (cfg: SyncConfigRow) => ({ restaurantId: cfg.restaurantId, platform: cfg.platform, timeZone: cfg.restaurant.timeZone, mastering: cfg.mastering });

  return {
    /** Processes recorded webhooks; one re-fetch serves every pending event of the same booking. */
    async drainWebhooks(now: Date): Promise<number> {
      const events = await repo.pendingInbound(BATCH);
      const groups = new Map<string, typeof events>();
      for (const e of events) {
        const k = `${e.restaurantId}|${e.platform}|${e.externalId}`;
        groups.set(k, [...(groups.get(k) ?? []), e]);
      }
      let done = 0;
      for (const group of groups.values()) {
        const first = group[0]!;
        const cfg = await repo.config(first.restaurantId, first.platform);
        let error: string | null = null;
        try {
          if (!cfg?.enabled) error = 'platform not connected';
          else {
            const ext = await connectorFor(cfg).get(first.externalId);
            if (ext) await inbound.apply(ctxOf(cfg), ext, now);
            else error = 'not found on the platform';
          }
        } catch (e) {
          // The platform is struggling: keep the events for the next round.
          if (e instanceof PlatformError && (e.kind === 'retryable' || e.kind === 'rate_limited')) {
            log.warn({ platform: first.platform, err: e.message }, 'webhook re-fetch failed; will retry');
            continue;
          }
          error = e instanceof Error ? e.message : String(e);
        }
        for (const e of group) await repo.markInbound(e.id, now, error);
        done += group.length;
      }
      return done;
    },

    async pollDue(now: Date): Promise<void> {
      for (const cfg of await repo.enabledConfigs()) {
        if (cfg.lastPolledAt && now.getTime() - cfg.lastPolledAt.getTime() < pollIntervalMs) continue;
        try {
          const page = await connectorFor(cfg).changedSince(cfg.pollCursor, now);
          for (const ext of page.items) await inbound.apply(ctxOf(cfg), ext, now);
          await repo.savePoll(cfg.id, new Date(Date.parse(page.cursor) - POLL_OVERLAP_MS).toISOString(), now);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          log.warn({ platform: cfg.platform, restaurantId: cfg.restaurantId, err: message }, 'sync poll failed');
          await repo.saveError(cfg.id, message, now);
        }
      }
    },
  };
}
